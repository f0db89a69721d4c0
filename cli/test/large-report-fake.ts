// A fake MyShop in a process of its own whose sales and inventory reports hold `rows` rows each (argv[2], 200,000
// unless told), made as they are read: a test in another process measures the CLI's memory without the server's in it.
import { startFakeMyShop } from './fake-myshop.ts'
import type { FakeReportRow } from './fake-reports.ts'

export const hour = 3_600_000
export const firstHour = Date.parse('2026-06-01T00:00:00Z')
export const rowsPerHour = 90

export const bucketOf = (i: number) => new Date(firstHour + Math.floor(i / rowsPerHour) * hour).toISOString()

/** `count` hourly sales rows, 90 to an hour from 2026-06-01 on. */
export function* salesRows(count: number): Generator<FakeReportRow> {
  for (let i = 0; i < count; i++)
    yield {
      bucket: bucketOf(i),
      currency: 'EUR',
      orders: i % 97,
      units: i % 193,
      revenue: 100_000 + i,
      refunds: i % 1000,
      net: 100_000 + i - (i % 1000),
      averageOrderValue: 4321,
    }
}

const longName = 'Merino wool crew-neck jumper, hand-finished seams, ribbed cuffs and hem, '.repeat(13)

/** `count` inventory rows of about 1 kB each, one per SKU. */
export function* inventoryRows(count: number): Generator<FakeReportRow> {
  for (let i = 0; i < count; i++)
    yield {
      sku: `SKU-${String(i).padStart(7, '0')}`,
      productId: `prd_${String(i).padStart(26, '0')}`,
      name: `${longName}#${i}`,
      available: i % 500,
      unitsSold: i % 90,
      dailyRate: (i % 90) / 30,
      daysOfCover: i % 90 === 0 ? null : Math.round(((i % 500) * 30) / (i % 90)),
      low: i % 7 === 0 ? 'true' : 'false',
    }
}

if (import.meta.main) {
  const fake = startFakeMyShop()
  const count = Number(process.argv[2] ?? 200_000)
  fake.reports.rows.set('sales', () => salesRows(count))
  fake.reports.rows.set('inventory', () => inventoryRows(count))
  process.stdout.write(`${fake.url}\n`)
}
