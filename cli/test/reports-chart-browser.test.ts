// `--chart FILE.svg` opened in a real headless Chromium, as a person would open it: the bars, axes, title and
// legend must be drawn. Needs Debian's chromium (/usr/bin/chromium); skipped without. Also the progress bar a long
// export shows on a terminal.
import { describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeReportRow } from './fake-reports.ts'
import { salesRows } from './large-report-fake.ts'
import { runInTerminal } from './run-cli.ts'
import { cli, fake, home, setUpSignedInFake } from './signed-in-fake.ts'

setUpSignedInFake()

const chromium = '/usr/bin/chromium'
const hasChromium = existsSync(chromium)
if (!hasChromium)
  console.warn(
    `SKIP reports-chart-browser: ${chromium} is missing (apt-get install chromium) — charts are not rendered`,
  )

const daily: FakeReportRow[] = Array.from({ length: 14 }, (_, i) => ({
  bucket: `2026-09-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
  currency: 'EUR',
  orders: 10 + i,
  units: 20 + i,
  revenue: 100_000 + i * 5_000,
  refunds: 0,
  net: 100_000 + i * 5_000,
  averageOrderValue: 10_000,
}))

const terms: FakeReportRow[] = ['shoes', 'red dress', 'umbrella', 'scarf'].map((term, i) => ({
  term,
  searches: 400 - i * 90,
  zeroResultSearches: i,
  averageResults: 12.5,
}))

/** What the browser draws of an SVG file: its marks by role and the text a reader sees. */
const render = async (file: string) => {
  const { chromium: browserType } = await import('playwright-core')
  const browser = await browserType.launch({
    executablePath: chromium,
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
  try {
    const page = await browser.newPage()
    await page.goto(`file://${file}`)
    const bars = await page.locator('g.mark-rect.role-mark path').count()
    const lines = await page.locator('g.mark-line.role-mark path').count()
    const text = (await page.locator('text').allTextContents()).join('\n')
    const box = await page.locator('svg').first().boundingBox()
    // Each bar is really painted with a height: a zero-sized shape would be in the document and invisible.
    const sizes = await page
      .locator('g.mark-rect.role-mark path')
      .evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBBox().height))
    return { bars, lines, text, box, sizes }
  } finally {
    await browser.close()
  }
}

describe('--chart FILE.svg in a browser', () => {
  test.skipIf(!hasChromium)(
    'sales: a bar per day with its axes, title, currency and legend',
    async () => {
      fake.reports.rows.set('sales', daily)
      const file = join(home, 'sales.svg')
      const result = await cli([
        'reports',
        'sales',
        '--from',
        '2026-09-01',
        '--to',
        '2026-09-14',
        '--currency',
        'EUR',
        '--out',
        join(home, 'sales.csv'),
        '--chart',
        file,
      ])
      expect(result.code).toBe(0)
      expect(result.stderr).toContain(`Chart written to ${file}`)
      const drawn = await render(file)
      expect(drawn.bars).toBe(14)
      expect(drawn.sizes.every((h) => h > 0)).toBe(true)
      // Later days earned more: the last bar is the tallest.
      expect(drawn.sizes.at(-1)).toBe(Math.max(...drawn.sizes))
      expect(drawn.text).toContain('Sales, 2026-09-01 to 2026-09-14, EUR')
      expect(drawn.text).toContain('Revenue (EUR) by day')
      expect(drawn.text).toContain('2026-09-01')
      expect(drawn.text).toContain('Period')
      expect(drawn.text).toContain('Currency')
      expect(drawn.box?.width).toBeGreaterThan(300)
    },
    60_000,
  )

  test.skipIf(!hasChromium)(
    'search: horizontal bars, one per term; funnel: a line of conversion',
    async () => {
      fake.reports.rows.set('search', terms)
      const file = join(home, 'search.svg')
      const result = await cli([
        'reports',
        'search',
        '--from',
        '2026-09-01',
        '--to',
        '2026-09-14',
        '--format',
        'table',
        '--chart',
        file,
      ])
      expect(result.code).toBe(0)
      const drawn = await render(file)
      expect(drawn.bars).toBe(4)
      for (const term of ['shoes', 'red dress', 'umbrella', 'scarf']) expect(drawn.text).toContain(term)
      expect(drawn.text).toContain('Top search terms, 2026-09-01 to 2026-09-14')

      fake.reports.rows.set(
        'funnel',
        daily.map((row, i) => ({
          bucket: String(row.bucket),
          sessions: 100,
          purchased: i,
          conversion: i / 100,
        })),
      )
      const funnel = join(home, 'funnel.svg')
      expect(
        (
          await cli([
            'reports',
            'funnel',
            '--from',
            '2026-09-01',
            '--to',
            '2026-09-14',
            '--json',
            '--chart',
            funnel,
          ])
        ).code,
      ).toBe(0)
      const line = await render(funnel)
      expect(line.lines).toBe(1)
      expect(line.text).toContain('Conversion by day')
      expect(line.text).toContain('10%')
    },
    60_000,
  )
})

describe('progress on a terminal', () => {
  test('a long export to a file shows how far through the window it is, then what it wrote', async () => {
    fake.reports.rows.set('sales', () => salesRows(150_000))
    const file = join(home, 'long.csv')
    const terminal = runInTerminal(
      [
        'reports',
        'sales',
        '--from',
        '2026-06-01',
        '--to',
        '2026-09-01',
        '--group-by',
        'hour',
        '--out',
        file,
        '--url',
        fake.url,
      ],
      { home },
    )
    expect(await terminal.exited).toBe(0)
    const screen = Bun.stripANSI(terminal.screen())
    expect(screen).toContain('Exporting sales')
    expect(screen).toMatch(/\d+% · [\d,]+ rows · [\d.]+ (kB|MB)/)
    expect(screen).toContain('Wrote 150,000 rows')
    // Rows come ordered by hour: the share shown is how far the last row's hour is through the window.
    const shares = [...screen.matchAll(/(\d+)% · /g)].map((m) => Number(m[1]))
    expect(shares.some((share) => share > 0 && share < 100)).toBe(true)
  }, 60_000)
})
