import { beforeEach, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FakeReportRow } from './fake-reports.ts'
import { runInTerminal } from './run-cli.ts'
import { cli, fake, home, setUpSignedInFake, signIn, withHome } from './signed-in-fake.ts'

setUpSignedInFake()

const day = (d: number) => `2026-09-${String(d).padStart(2, '0')}T00:00:00.000Z`

const salesRows: FakeReportRow[] = [1, 2, 3, 4].flatMap((d) =>
  ['EUR', 'USD'].map((currency) => ({
    bucket: day(d),
    currency,
    orders: d,
    units: 2 * d,
    revenue: 1250 * d + (currency === 'USD' ? 1 : 0),
    refunds: 100,
    net: 1250 * d - 100,
    averageOrderValue: 1250,
  })),
)

const reportRequests = () => fake.requests.filter((r) => r.path.startsWith('/api/v1/reports/'))

beforeEach(() => {
  fake.reports.rows.clear()
  fake.reports.rows.set('sales', salesRows)
  fake.reports.rows.set('products', [
    {
      productId: 'prd_1',
      name: '=Red shirt, large',
      category: 'Shirts',
      brand: 'Acme',
      currency: 'EUR',
      units: 5,
      revenue: 9999,
      refunds: 0,
      net: 9999,
    },
    {
      productId: 'prd_2',
      name: 'Blue mug',
      category: 'Mugs',
      brand: 'Acme',
      currency: 'EUR',
      units: 9,
      revenue: 4500,
      refunds: 500,
      net: 4000,
    },
  ])
  fake.reports.rows.set('funnel', [
    {
      bucket: day(1),
      sessions: 200,
      viewed: 120,
      carted: 40,
      checkedOut: 20,
      purchased: 10,
      viewToCart: 40 / 120,
      cartToCheckout: 0.5,
      checkoutToPurchase: 0.5,
      conversion: 0.05,
    },
    {
      bucket: day(2),
      sessions: 100,
      viewed: 50,
      carted: 20,
      checkedOut: 10,
      purchased: 8,
      viewToCart: 0.4,
      cartToCheckout: 0.5,
      checkoutToPurchase: 0.8,
      conversion: 0.08,
    },
  ])
})

const window = ['--from', '2026-09-01', '--to', '2026-09-03']

describe('reports as a table', () => {
  test('shows money as decimals of each row and a chart of revenue per day under the table', async () => {
    const result = await cli(['reports', 'sales', ...window, '--format', 'table'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const out = result.stdout
    expect(out).toStartWith('sales, 2026-09-01 to 2026-09-03, by day\n')
    expect(out).toMatch(
      /PERIOD\s+CURRENCY\s+ORDERS\s+UNITS\s+REVENUE\s+REFUNDS\s+NET\s+AVERAGE ORDER VALUE\n/,
    )
    expect(out).toMatch(/2026-09-02\s+USD\s+2\s+4\s+25\.01\s+1\.00\s+24\.00\s+12\.50\n/)
    // The row for 2026-09-04 is outside the window the server was asked for.
    expect(out).not.toContain('2026-09-04')
    expect(out).toContain('Revenue (EUR) by day')
    expect(out).toMatch(/2026-09-03 ▆+ +37\.50 EUR\n/)
    expect(out).toContain('Revenue (USD) by day')
    expect(out).toMatch(/trend ▁[▁-█]+█\n/)
    expect(reportRequests().map((r) => r.search)).toEqual(['?from=2026-09-01&to=2026-09-03&format=json'])
  })

  test('funnel charts conversion as percentages; a top list as horizontal bars', async () => {
    const funnel = await cli(['reports', 'funnel', ...window, '--format', 'table'])
    expect(funnel.code).toBe(0)
    expect(funnel.stdout).toMatch(
      /2026-09-01\s+200\s+120\s+40\s+20\s+10\s+33\.3%\s+50\.0%\s+50\.0%\s+5\.0%\n/,
    )
    expect(funnel.stdout).toMatch(/Conversion by day\n2026-09-01 ▆+ +5\.0%\n2026-09-02 ▆+ +8\.0%\n/)
    const products = await cli(['reports', 'products', ...window, '--format', 'table'])
    expect(products.stdout).toStartWith('products, 2026-09-01 to 2026-09-03\n')
    expect(products.stdout).toMatch(
      /Revenue \(EUR\), top 2\n=Red shirt, large ▆+ +99\.99 EUR\nBlue mug +▆+ +45\.00 EUR\n/,
    )
  })

  test('rates, days of cover and average results are numbers with two decimals, not percentages', async () => {
    fake.reports.rows.set('inventory', [
      {
        sku: 'MUG-1',
        productId: 'prd_2',
        name: 'Blue mug',
        available: 14,
        unitsSold: 18,
        dailyRate: 0.6,
        daysOfCover: 23.33,
        low: 'false',
      },
      {
        sku: 'MUG-2',
        productId: 'prd_2',
        name: 'Blue mug',
        available: 5,
        unitsSold: 0,
        dailyRate: 0,
        daysOfCover: null,
        low: 'false',
      },
    ])
    fake.reports.rows.set('search', [
      { term: 'mug', searches: 4, zeroResultSearches: 1, averageResults: 2.5 },
    ])
    const inventory = await cli(['reports', 'inventory', ...window, '--format', 'table'])
    expect(inventory.code).toBe(0)
    expect(inventory.stdout).toMatch(/MUG-1\s+prd_2\s+Blue mug\s+14\s+18\s+0\.60\s+23\.33\s+false\n/)
    expect(inventory.stdout).toMatch(/MUG-2\s+prd_2\s+Blue mug\s+5\s+0\s+0\.00\s+-\s+false\n/)
    const search = await cli(['reports', 'search', ...window, '--format', 'table'])
    expect(search.stdout).toMatch(/mug\s+4\s+1\s+2\.50\n/)
    expect(`${inventory.stdout}${search.stdout}`).not.toContain('%')
  })

  test('is the default on a terminal, fitted to its width', async () => {
    const terminal = runInTerminal(['reports', 'sales', ...window, '--url', fake.url], { home, columns: 60 })
    expect(await terminal.exited).toBe(0)
    const screen = terminal.screen()
    expect(screen).toContain('sales, 2026-09-01 to 2026-09-03, by day')
    expect(screen).toContain('Revenue (EUR) by day')
    for (const line of screen.split(/\r?\n/)) expect(Bun.stripANSI(line).length).toBeLessThanOrEqual(60)
  })
})

describe('reports as data', () => {
  test('piped, the report is CSV as MyShop writes it; --json is the JSON document', async () => {
    const csv = await cli(['reports', 'sales', ...window])
    expect(csv.code).toBe(0)
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'bucket,currency,orders,units,revenue,refunds,net,averageOrderValue',
      '2026-09-01T00:00:00.000Z,EUR,1,2,12.50,1.00,11.50,12.50',
      '2026-09-01T00:00:00.000Z,USD,1,2,12.51,1.00,11.50,12.50',
    ])
    const json = await cli(['reports', 'sales', ...window, '--currency', 'EUR', '--json'])
    const document = JSON.parse(json.stdout)
    expect(document).toMatchObject({ report: 'sales', from: '2026-09-01T00:00:00.000Z', currency: 'EUR' })
    expect(document.rows).toHaveLength(3)
    expect(document.rows[2]).toEqual({ ...salesRows[4], currency: 'EUR' })
  })

  test('--out writes the whole export, named json by its extension, and says what it wrote', async () => {
    const file = join(home, 'sales.json')
    const result = await cli(['reports', 'sales', ...window, '--out', file])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Wrote 6 rows \([\d.]+ kB\) to .*sales\.json\n$/)
    expect(JSON.parse(await readFile(file, 'utf8')).rows).toHaveLength(6)
    expect((await readdir(home)).filter((name) => name.endsWith('.partial'))).toEqual([])
    const summary = await cli(['reports', 'sales', ...window, '--out', join(home, 's.csv'), '--json'])
    expect(JSON.parse(summary.stdout)).toMatchObject({ report: 'sales', format: 'csv', rows: 6, chart: null })
  })

  test('sends each report its own filters', async () => {
    await cli([
      'reports',
      'products',
      ...window,
      '--category',
      'Shirts',
      '--brand',
      'Acme',
      '--limit',
      '5',
      '--sort-by',
      'units',
    ])
    await cli(['reports', 'search', ...window, '--zero-only', '--limit', '10'])
    await cli(['reports', 'inventory', ...window, '--days', '7', '--low-only'])
    await cli([
      'reports',
      'sales',
      ...window,
      '--product',
      'prd_1',
      '--group-by',
      'week',
      '--currency',
      'EUR',
    ])
    expect(reportRequests().map((r) => `${r.path}${r.search}`)).toEqual([
      '/api/v1/reports/products?from=2026-09-01&to=2026-09-03&category=Shirts&brand=Acme&limit=5&sortBy=units&format=csv',
      '/api/v1/reports/search?from=2026-09-01&to=2026-09-03&zeroOnly=true&limit=10&format=csv',
      '/api/v1/reports/inventory?from=2026-09-01&to=2026-09-03&days=7&lowOnly=true&format=csv',
      '/api/v1/reports/sales?from=2026-09-01&to=2026-09-03&groupBy=week&currency=EUR&productId=prd_1&format=csv',
    ])
  })
})

describe('options are checked before any request', () => {
  const refused: [string[], RegExp][] = [
    [['sales', '--from', '2026-02-30', '--to', '2026-03-01'], /2026-02-30 is not a day of the calendar/],
    [['sales', '--from', '01/09/2026', '--to', '2026-09-03'], /expected a date \(2026-09-01\)/],
    [['sales', '--from', '2026-09-03', '--to', '2026-09-01'], /--to must be after --from/],
    [
      ['sales', '--from', '2026-01-01', '--to', '2026-12-31', '--group-by', 'hour'],
      /grouped by hour covers at most 93 days/,
    ],
    [['sales', ...window, '--group-by', 'year'], /expected one of hour, day, week, month/],
    [['sales', ...window, '--currency', 'EURO'], /expected an ISO 4217 currency/],
    [['products', ...window, '--limit', '0'], /expected a whole number 1\.\.1000/],
    [['inventory', ...window, '--days', '400'], /expected a whole number 1\.\.365/],
    [['products', ...window, '--sort-by', 'margin'], /expected one of revenue, units/],
    [['funnel', ...window, '--limit', '5'], /unknown option '--limit'/],
    [['sales', ...window, '--format', 'table', '--out', 'x.csv'], /--out writes csv or json/],
    [['sales', ...window, '--chart', 'chart.png'], /ending in \.svg/],
    [['sales', ...window, '--out', '/no/such/folder/x.csv'], /its folder does not exist/],
    [['sales', ...window, '--json', '--format', 'csv'], /--json and --format csv disagree/],
    [['sales', '--to', '2026-09-03'], /required option '--from <date>'/],
  ]
  for (const [args, message] of refused)
    test(`refuses ${args.join(' ')}`, async () => {
      const result = await cli(['reports', ...args])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(reportRequests()).toEqual([])
    })
})

describe('who may read reports', () => {
  test('a customer is told reports need the analyst role; an analyst reads them', async () => {
    const email = `analyst-${crypto.randomUUID().slice(0, 8)}@example.com`
    const customer = `customer-${crypto.randomUUID().slice(0, 8)}@example.com`
    fake.addUser({ email, name: 'Ann Analyst', roles: ['analyst'] })
    fake.addUser({ email: customer, name: 'Carl', roles: ['customer'] })
    await withHome(async (at) => {
      await signIn(customer, 'password1', fake, at)
      const refused = await cli(['reports', 'sales', ...window], fake, at)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(
        /^error: reports need the analyst or admin role \(permission reports:read\)/,
      )
      const json = await cli(['reports', 'sales', ...window, '--out', join(at, 'x.csv'), '--json'], fake, at)
      expect(JSON.parse(json.stderr)).toMatchObject({ code: 'forbidden' })
      expect(existsSync(join(at, 'x.csv'))).toBe(false)
      expect(existsSync(join(at, 'x.csv.partial'))).toBe(false)
    })
    await withHome(async (at) => {
      await signIn(email, 'password1', fake, at)
      const result = await cli(['reports', 'sales', ...window], fake, at)
      expect(result.code).toBe(0)
      expect(result.stdout).toStartWith('bucket,currency,')
    })
  })

  test('not signed in, nothing is asked; an expired token is refreshed once', async () => {
    await withHome(async (at) => {
      const result = await cli(['reports', 'sales', ...window], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/not signed in: run `myshop login/)
      expect(reportRequests()).toEqual([])
    })
    fake.expireAccessTokens()
    const result = await cli(['reports', 'sales', ...window, '--json'])
    expect(result.code).toBe(0)
    expect(reportRequests().map((r) => r.authorization === null)).toEqual([false, false])
    expect(fake.count('/api/v1/auth/refresh')).toBe(1)
  })
})
