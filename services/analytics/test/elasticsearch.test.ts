import { afterAll, describe, expect, test } from 'bun:test'
import { Client, errors } from '@elastic/elasticsearch'
import Mock from '@elastic/elasticsearch-mock'
import { silentLogger } from '@myshop/logger'
import { openTestDatabase } from '@myshop/testing'
import { elasticsearchEventIndex, eventMappings } from '../src/tracking/event-index.ts'
import { analyticsHarness, event, testId } from './harness.ts'

// The harnesses made by the tests below share this file's own database.
const db = await openTestDatabase()
afterAll(() => db.close())

interface Call {
  method: string
  path: string
  body: unknown
}

/** The official client on `@elastic/elasticsearch-mock`: every request recorded, bulk replies scripted. */
const fakeElasticsearch = (bulkReply: (call: Call, attempt: number) => Record<string, unknown> | Error) => {
  const mock = new Mock()
  const calls: Call[] = []
  let bulks = 0
  mock.add({ method: 'PUT', path: '/_index_template/:name' }, (params) => {
    calls.push({ method: 'PUT', path: String(params.path), body: params.body })
    return { acknowledged: true }
  })
  mock.add({ method: 'POST', path: '/_bulk' }, (params) => {
    const call = { method: 'POST', path: String(params.path), body: params.body }
    calls.push(call)
    return bulkReply(call, ++bulks) as Record<string, unknown>
  })
  const client = new Client({
    node: 'http://localhost:9200',
    Connection: mock.getConnection(),
    maxRetries: 0,
  })
  return { client, calls }
}

const ok = (call: Call) => ({
  errors: false,
  took: 1,
  items: (call.body as unknown[])
    .filter((_, i) => i % 2 === 0)
    .map(() => ({ index: { status: 201, result: 'created' } })),
})

const past = (iso: string) => new Date(iso)
const rowsOf = async (h: Awaited<ReturnType<typeof analyticsHarness>>, sessionId: string) =>
  (await h.sql`select id from analytics.tracked_events where session_id = ${sessionId}`).length

describe('tracked events in Elasticsearch', () => {
  test('each written batch is bulk-indexed into monthly indices, with the template put first', async () => {
    const es = fakeElasticsearch(ok)
    const index = elasticsearchEventIndex(es.client, { logger: silentLogger(), retryBaseMs: 1 })
    const h = await analyticsHarness({ sql: db.sql, eventIndex: index })
    const sessionId = testId('ses')
    const [january, february] = [testId('evt'), testId('evt')]
    const events = [
      event('product_view', past('2026-01-31T23:59:00Z'), { id: january, sessionId }),
      event('purchase', past('2026-02-01T00:01:00Z'), { id: february, sessionId }),
    ]
    await h.call('POST', '/api/v1/admin/analytics/events/import', { events }, h.as(h.admin))
    await index.idle()
    expect(es.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /_index_template/myshop-events',
      'POST /_bulk',
    ])
    expect(es.calls[0]!.body).toMatchObject({
      index_patterns: ['myshop-events-*'],
      template: { mappings: eventMappings },
    })
    const body = es.calls[1]!.body as Record<string, unknown>[]
    expect(body).toHaveLength(4)
    expect(body[0]).toEqual({
      index: { _index: 'myshop-events-2026.01', _id: `${january}:${Date.parse('2026-01-31T23:59:00Z')}` },
    })
    expect(body[1]).toMatchObject({
      id: january,
      type: 'product_view',
      sessionId,
      '@timestamp': '2026-01-31T23:59:00.000Z',
      properties: { productId: 'prd_1', sku: 'LAMP-1' },
    })
    expect(body[2]).toMatchObject({ index: { _index: 'myshop-events-2026.02' } })
    expect(body[3]).toMatchObject({ id: february, type: 'purchase' })
    expect(index.indexed).toBe(2)

    // Events from /track go the same way once the writer has stored them; a duplicate is not sent again.
    const tracked = event('page_view', new Date(Date.now() - 60_000), { id: testId('evt'), sessionId })
    await h.call('POST', '/api/v1/track', { events: [tracked] })
    await h.flush()
    await h.call('POST', '/api/v1/track', { events: [tracked] })
    await h.flush()
    const bulks = es.calls.filter((c) => c.path === '/_bulk')
    expect(bulks).toHaveLength(2)
    expect((bulks[1]!.body as Record<string, unknown>[])[1]).toMatchObject({
      id: tracked.id,
      type: 'page_view',
    })
  })

  test('a busy cluster is retried; items it keeps refusing are counted, and PostgreSQL keeps every event', async () => {
    const es = fakeElasticsearch((call, attempt) => {
      if (attempt === 1)
        return new errors.ResponseError({
          body: { error: { type: 'unavailable_shards_exception' }, status: 503 },
          statusCode: 503,
          headers: {},
          warnings: null,
          // biome-ignore lint/suspicious/noExplicitAny: the client's diagnostic metadata is irrelevant to the mock
          meta: {} as any,
        })
      const items = (call.body as unknown[]).filter((_, i) => i % 2 === 0)
      return {
        errors: true,
        took: 1,
        items: items.map((_, i) => ({
          index:
            i === 0 ? { status: 201 } : { status: 429, error: { type: 'es_rejected_execution_exception' } },
        })),
      }
    })
    const index = elasticsearchEventIndex(es.client, { logger: silentLogger(), retryBaseMs: 1, attempts: 3 })
    const h = await analyticsHarness({ sql: db.sql, eventIndex: index })
    const sessionId = testId('ses')
    const events = ['page_view', 'product_view', 'add_to_cart'].map((type, i) =>
      event(type, new Date(Date.now() - (10 - i) * 60_000), { sessionId }),
    )
    const res = await h.call('POST', '/api/v1/track', { events })
    expect(res.status).toBe(202)
    await h.flush()
    expect(await rowsOf(h, sessionId)).toBe(3)
    const bulks = es.calls.filter((c) => c.path === '/_bulk')
    // 3 events, then the 3 again after the 503, then the 2 refused with 429: given up after the third attempt.
    expect(bulks.map((c) => (c.body as unknown[]).length / 2)).toEqual([3, 3, 2])
    expect(index.indexed).toBe(2)
    expect(index.failed).toBe(1)
  })

  test('an unreachable cluster neither loses nor holds up the database write', async () => {
    const client = new Client({ node: 'http://127.0.0.1:1', maxRetries: 0, requestTimeout: 200 })
    const index = elasticsearchEventIndex(client, { logger: silentLogger(), retryBaseMs: 1, attempts: 2 })
    const h = await analyticsHarness({ sql: db.sql, eventIndex: index })
    const sessionId = testId('ses')
    await h.call('POST', '/api/v1/track', {
      events: [event('page_view', new Date(Date.now() - 60_000), { sessionId })],
    })
    await h.deps.tracking.writer.flush()
    expect(await rowsOf(h, sessionId)).toBe(1)
    await index.idle()
    expect(index.failed).toBe(1)
  })
})
