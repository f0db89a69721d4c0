import { describe, expect, test } from 'bun:test'
import { analyticsHarness, event, testId } from './harness.ts'

const h = await analyticsHarness()
const path = '/api/v1/admin/analytics/events/import'
const daysAgo = (days: number, hour = 10) => {
  const at = new Date(Date.now() - days * 86_400_000)
  at.setUTCHours(hour, 0, 0, 0)
  return at
}

const rowsOf = (sessionId: string) =>
  h.sql<{ id: string; userId: string | null; ipPrefix: string | null }[]>`
    select id, user_id as "userId", ip_prefix as "ipPrefix"
    from analytics.tracked_events where session_id = ${sessionId} order by id`.then((rows) => [...rows])

describe('POST /api/v1/admin/analytics/events/import', () => {
  test('stores past events with their ids and user ids before answering, once however often sent', async () => {
    const sessionId = testId('ses')
    const events = [
      event('page_view', daysAgo(100), { id: testId('evt_a'), sessionId, userId: 'usr_1' }),
      event('purchase', daysAgo(100, 11), { id: testId('evt_b'), sessionId }),
    ]
    const res = await h.call('POST', path, { events }, h.as(h.admin))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    const rows = await rowsOf(sessionId)
    expect(rows.map((r) => r.userId).sort()).toEqual(['usr_1', null].sort())
    expect(rows.every((r) => r.ipPrefix === null)).toBe(true)
    const again = await h.call('POST', path, { events }, h.as(h.admin))
    expect(again.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] })
    expect(await rowsOf(sessionId)).toHaveLength(2)
    const counts = await h.sql<{ events: number }[]>`
      select events from analytics.event_counts_daily
      where bucket = ${new Date(Math.floor(daysAgo(100).getTime() / 86_400_000) * 86_400_000)} and type = 'purchase'`
    expect(counts[0]!.events).toBeGreaterThanOrEqual(1)
  })

  test('refuses events without an id, in the future or beyond the retention, by index; keeps the others', async () => {
    const sessionId = testId('ses')
    const events = [
      event('page_view', daysAgo(3), { sessionId }),
      event('page_view', new Date(Date.now() + 3_600_000), { id: testId('evt'), sessionId }),
      event('page_view', daysAgo(400), { id: testId('evt'), sessionId }),
      event('page_view', daysAgo(2), { id: testId('evt'), sessionId }),
    ]
    const res = await h.call('POST', path, { events }, h.as(h.admin))
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1, 2])
    expect(res.body.rejected[0].errors[0].path).toBe('/events/0/id')
    expect(await rowsOf(sessionId)).toHaveLength(1)
  })

  test('a body that is not a batch, or one too big, is a 422 and stores nothing', async () => {
    const sessionId = testId('ses')
    const tooMany = Array.from({ length: 1001 }, () =>
      event('page_view', daysAgo(1), { id: testId('evt'), sessionId }),
    )
    for (const body of [{ events: tooMany }, { events: {} }, { rows: [] }]) {
      expect((await h.call('POST', path, body, h.as(h.admin))).status).toBe(422)
    }
    expect(await rowsOf(sessionId)).toHaveLength(0)
  })

  test('is for administrators only (analytics:import)', async () => {
    const sessionId = testId('ses')
    const body = { events: [event('page_view', daysAgo(1), { id: testId('evt'), sessionId })] }
    expect((await h.call('POST', path, body)).status).toBe(401)
    expect((await h.call('POST', path, body, h.as(h.customer))).status).toBe(403)
    expect((await h.call('POST', path, body, h.as(h.analyst))).status).toBe(403)
    expect(await rowsOf(sessionId)).toHaveLength(0)
  })
})
