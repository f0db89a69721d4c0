import { afterAll, describe, expect, test } from 'bun:test'
import { openTestDatabase } from '@myshop/testing'
import { maintainPartitions } from '../src/tracking/service.ts'
import { analyticsHarness, event, testId } from './harness.ts'

// Partitions are dropped here: this suite has a database of its own.
const db = await openTestDatabase()
afterAll(() => db.close())

let now = Date.parse('2026-05-15T12:00:00Z')
const h = await analyticsHarness({ sql: db.sql, now: () => now })

const partitions = async () =>
  (
    await db.sql<{ name: string }[]>`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'analytics.tracked_events'::regclass order by 1`
  ).map((r) => r.name)

const countIn = async (table: string) =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from ${db.sql(`analytics.${table}`)}`)[0]!.n

const importEvents = async (events: Record<string, unknown>[]) => {
  const res = await h.call('POST', '/api/v1/admin/analytics/events/import', { events }, h.as(h.admin))
  expect(res.status).toBe(200)
  expect(res.body.rejected).toEqual([])
  return res.body
}

describe('partitions and retention', () => {
  test('this month and the next two have partitions from the start', async () => {
    expect(await partitions()).toEqual([
      'tracked_events_default',
      'tracked_events_p202605',
      'tracked_events_p202606',
      'tracked_events_p202607',
    ])
  })

  test('an event of a month without a partition waits in the default one, then moves into its own', async () => {
    const sessionId = testId('ses')
    await importEvents([
      event('page_view', '2026-02-10T08:00:00Z', { id: testId('evt'), sessionId }),
      event('purchase', '2026-02-10T09:00:00Z', { id: testId('evt'), sessionId }),
      event('page_view', '2026-05-02T08:00:00Z', { id: testId('evt'), sessionId: testId('ses') }),
    ])
    expect(await countIn('tracked_events_default')).toBe(2)
    expect(await countIn('tracked_events_p202605')).toBe(1)
    const funnelBefore = await db.sql`select * from analytics.funnel_daily order by bucket`
    expect(await maintainPartitions(h.deps)).toBe(1)
    expect(await partitions()).toContain('tracked_events_p202602')
    expect(await countIn('tracked_events_default')).toBe(0)
    expect(await countIn('tracked_events_p202602')).toBe(2)
    // Moving rows counts nothing twice.
    expect(await db.sql`select * from analytics.funnel_daily order by bucket`).toEqual(funnelBefore)
    // The same events again are still duplicates in their new partition.
    const again = await importEvents(
      (
        await db.sql<{ id: string; time: Date }[]>`
        select id, time from analytics.tracked_events_p202602`
      ).map((r) => event('page_view', r.time, { id: r.id, sessionId })),
    )
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 })
  })

  test('a later pass makes partitions ahead as months go by', async () => {
    now = Date.parse('2026-07-03T00:00:00Z')
    await maintainPartitions(h.deps)
    expect(await partitions()).toContain('tracked_events_p202609')
  })

  test('retention drops whole old partitions and deletes older rollups, sessions and stray rows', async () => {
    await importEvents([
      event('search', '2026-03-20T08:00:00Z', { id: testId('evt'), sessionId: testId('ses') }),
      event('search', '2026-06-20T08:00:00Z', { id: testId('evt'), sessionId: testId('ses') }),
    ])
    h.deps.tracking.settings.retentionDays = 100
    // Cutoff: 2026-03-25. February's partition ends before it; March's does not (its rows stay until it does).
    const changed = await maintainPartitions(h.deps)
    expect(changed).toBeGreaterThan(0)
    const names = await partitions()
    expect(names).not.toContain('tracked_events_p202602')
    expect(names).toContain('tracked_events_p202603')
    const cutoff = new Date('2026-03-25T00:00:00Z')
    for (const table of ['event_counts_hourly', 'event_counts_daily', 'funnel_daily', 'search_terms_daily']) {
      const [row] = await db.sql<{ n: number }[]>`
        select count(*)::int as n from ${db.sql(`analytics.${table}`)} where bucket < ${cutoff}`
      expect(row?.n).toBe(0)
    }
    const [old] = await db.sql<{ sessions: number }[]>`
      select count(*)::int as sessions from analytics.tracked_sessions where first_time < ${cutoff}`
    expect(old?.sessions).toBe(0)
    const [june] = await db.sql<{ kept: number }[]>`
      select count(*)::int as kept from analytics.search_terms_daily where bucket = '2026-06-20T00:00:00Z'`
    expect(june?.kept).toBe(1)
  })
})
