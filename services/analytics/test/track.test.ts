import { describe, expect, test } from 'bun:test'
import { memoryStore } from '@myshop/rate-limit'
import { testTokens } from '@myshop/testing'
import { analyticsHarness, event, sampleProperties, testId } from './harness.ts'

const chrome =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

const h = await analyticsHarness()

const stored = (sessionId: string) =>
  h.sql<
    {
      id: string
      type: string
      anonymousId: string
      userId: string | null
      time: Date
      properties: Record<string, unknown>
      ipPrefix: string | null
      userAgent: string | null
    }[]
  >`
    select id, type, anonymous_id as "anonymousId", user_id as "userId", time, properties,
      ip_prefix as "ipPrefix", user_agent as "userAgent"
    from analytics.tracked_events where session_id = ${sessionId} order by time, id`

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

describe('POST /api/v1/track', () => {
  test('takes a batch with 202 and stores it shortly after, with the address cut and the browser family only', async () => {
    const sessionId = testId('ses')
    const anonymousId = testId('anon')
    const events = ['page_view', 'product_view', 'add_to_cart'].map((type, i) =>
      event(type, minutesAgo(10 - i), { sessionId, anonymousId }),
    )
    const res = await h.call('POST', '/api/v1/track', { consent: true, events }, { 'user-agent': chrome })
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ accepted: 3, rejected: [], dropped: null })
    await h.flush()
    const rows = await stored(sessionId)
    expect(rows.map((r) => r.type)).toEqual(['page_view', 'product_view', 'add_to_cart'])
    for (const row of rows) {
      expect(row).toMatchObject({
        anonymousId,
        userId: null,
        ipPrefix: '198.51.100.0/24',
        userAgent: 'Chrome',
      })
      expect(row.id).toStartWith('evt_')
    }
    expect(rows[2]!.properties).toEqual(sampleProperties.add_to_cart!)
    // The raw user agent and the whole address are nowhere in the row.
    expect(JSON.stringify(rows)).not.toContain('198.51.100.23')
    expect(JSON.stringify(rows)).not.toContain('AppleWebKit')
  })

  test('records the user id from a valid token, never from the body', async () => {
    const sessionId = testId('ses')
    const res = await h.call(
      'POST',
      '/api/v1/track',
      { events: [event('page_view', minutesAgo(1), { sessionId, userId: 'usr_forged' })] },
      h.as(h.customer),
    )
    // `userId` is not part of a tracked event: that event is refused, by index.
    expect(res.status).toBe(202)
    expect(res.body.accepted).toBe(0)
    expect(res.body.rejected[0].index).toBe(0)
    const ok = await h.call(
      'POST',
      '/api/v1/track',
      { events: [event('page_view', minutesAgo(1), { sessionId })] },
      h.as(h.customer),
    )
    expect(ok.body.accepted).toBe(1)
    await h.flush()
    expect((await stored(sessionId)).map((r) => r.userId)).toEqual(['usr_customer'])
  })

  test('keeps the good events of a batch and reports each bad one by index and path', async () => {
    const sessionId = testId('ses')
    const events = [
      event('page_view', minutesAgo(5), { sessionId }),
      event('page_view', new Date(Date.now() + 60 * 60_000), { sessionId }),
      event('search', minutesAgo(5), { sessionId, properties: { query: 'lamp', results: 2, extra: 1 } }),
      event('product_view', new Date(Date.now() - 73 * 3_600_000), { sessionId }),
      'not an event',
      event('teleport', minutesAgo(5), { sessionId }),
      event('page_view', 'yesterday', { sessionId }),
      event('add_to_cart', minutesAgo(5), {
        sessionId,
        properties: { productId: 'p', sku: 's', quantity: 0 },
      }),
      event('purchase', minutesAgo(4), { sessionId }),
    ]
    const res = await h.call('POST', '/api/v1/track', { events })
    expect(res.status).toBe(202)
    expect(res.body.accepted).toBe(2)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7])
    const pathsOf = (index: number) =>
      res.body.rejected
        .find((r: { index: number }) => r.index === index)
        .errors.map((e: { path: string }) => e.path)
    expect(pathsOf(1)).toEqual(['/events/1/time'])
    expect(pathsOf(2)).toContain('/events/2/properties/extra')
    expect(pathsOf(3)).toEqual(['/events/3/time'])
    expect(pathsOf(6)).toContain('/events/6/time')
    expect(pathsOf(7)).toContain('/events/7/properties/quantity')
    await h.flush()
    expect((await stored(sessionId)).map((r) => r.type)).toEqual(['page_view', 'purchase'])
  })

  test('a body that is not the envelope is a 422 and stores nothing', async () => {
    const sessionId = testId('ses')
    const tooMany = Array.from({ length: 101 }, () => event('page_view', minutesAgo(1), { sessionId }))
    for (const body of [{ events: tooMany }, { events: 'x' }, [event('page_view', minutesAgo(1))], {}]) {
      const res = await h.call('POST', '/api/v1/track', body)
      expect(res.status).toBe(422)
    }
    await h.flush()
    expect(await stored(sessionId)).toHaveLength(0)
  })

  test('stores nothing without consent or under Global Privacy Control', async () => {
    const sessionId = testId('ses')
    const batch = { events: [event('page_view', minutesAgo(1), { sessionId })] }
    const refused = await h.call('POST', '/api/v1/track', { ...batch, consent: false })
    expect(refused.status).toBe(202)
    expect(refused.body).toEqual({ accepted: 0, rejected: [], dropped: 'consent' })
    const gpc = await h.call('POST', '/api/v1/track', batch, { 'sec-gpc': '1' })
    expect(gpc.body).toEqual({ accepted: 0, rejected: [], dropped: 'consent' })
    await h.flush()
    expect(await stored(sessionId)).toHaveLength(0)
  })

  test('sets bots aside', async () => {
    const sessionId = testId('ses')
    const res = await h.call(
      'POST',
      '/api/v1/track',
      { events: [event('page_view', minutesAgo(1), { sessionId })] },
      { 'user-agent': googlebot },
    )
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ accepted: 0, rejected: [], dropped: 'bot' })
    await h.flush()
    expect(await stored(sessionId)).toHaveLength(0)
  })

  test('refuses an invalid or expired token with 401 and stores nothing', async () => {
    const sessionId = testId('ses')
    const stranger = await testTokens()
    const forged = await stranger.sign({ roles: ['customer'], sub: 'usr_forged' })
    for (const authorization of ['Bearer not-a-token', `Bearer ${forged}`, 'Basic dXNlcjpwYXNz']) {
      const res = await h.call(
        'POST',
        '/api/v1/track',
        { events: [event('page_view', minutesAgo(1), { sessionId })] },
        { authorization },
      )
      expect(res.status).toBe(401)
      expect(res.body.code).toBe('invalid_token')
    }
    await h.flush()
    expect(await stored(sessionId)).toHaveLength(0)
  })

  test('a retried batch with the same event ids is stored once', async () => {
    const sessionId = testId('ses')
    const events = [event('page_view', minutesAgo(2), { sessionId, id: testId('evt') })]
    await h.call('POST', '/api/v1/track', { events })
    await h.flush()
    await h.call('POST', '/api/v1/track', { events })
    await h.flush()
    expect(await stored(sessionId)).toHaveLength(1)
  })
})

describe('limits', () => {
  test('a client sending too many events gets 429 with Retry-After, and its batch is not stored', async () => {
    const limited = await analyticsHarness({
      sql: h.sql,
      settings: { rateLimit: { limit: 5, windowMs: 60_000 } },
    })
    const anonymousId = testId('anon')
    const sessionId = testId('ses')
    const batch = (n: number) => ({
      events: Array.from({ length: n }, () => event('page_view', minutesAgo(1), { anonymousId, sessionId })),
    })
    expect((await limited.call('POST', '/api/v1/track', batch(4))).status).toBe(202)
    const res = await limited.call('POST', '/api/v1/track', batch(3))
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Another shopper from the same address is counted on its own.
    const other = await limited.call('POST', '/api/v1/track', {
      events: [event('page_view', minutesAgo(1), { anonymousId: testId('anon'), sessionId })],
    })
    expect(other.status).toBe(202)
    await limited.flush()
    expect(await stored(sessionId)).toHaveLength(5)
  })

  test('when the shared limit store fails, limits are counted in process', async () => {
    const broken = memoryStore()
    broken.checkMany = async () => ({ ok: false, error: new Error('redis down') })
    const limited = await analyticsHarness({
      sql: h.sql,
      limits: broken,
      settings: { rateLimit: { limit: 2, windowMs: 60_000 } },
    })
    const anonymousId = testId('anon')
    const body = { events: [event('page_view', minutesAgo(1), { anonymousId, sessionId: testId('ses') })] }
    expect((await limited.call('POST', '/api/v1/track', body)).status).toBe(202)
    expect((await limited.call('POST', '/api/v1/track', body)).status).toBe(202)
    expect((await limited.call('POST', '/api/v1/track', body)).status).toBe(429)
  })

  test('while the database does not take events, the buffer fills and /track answers 503; nothing is lost', async () => {
    const small = await analyticsHarness({ sql: h.sql, bufferMax: 3 })
    const sessionId = testId('ses')
    const writer = small.deps.tracking.writer
    const body = (n: number) => ({
      events: Array.from({ length: n }, (_, i) => event('page_view', minutesAgo(3 - i), { sessionId })),
    })
    expect((await small.call('POST', '/api/v1/track', body(2))).status).toBe(202)
    const full = await small.call('POST', '/api/v1/track', body(2))
    expect(full.status).toBe(503)
    expect(full.headers.get('retry-after')).toBe('5')
    expect(writer.pending).toBe(2)
    await small.flush()
    expect(writer.pending).toBe(0)
    expect(await stored(sessionId)).toHaveLength(2)
    expect((await small.call('POST', '/api/v1/track', body(2))).status).toBe(202)
  })
})
