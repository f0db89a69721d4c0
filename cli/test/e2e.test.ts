// End to end: MyShop booted as `myshop start` boots it (gateway + user service on real ports), driven over
// HTTP and through the real CLI. With DATABASE_URL / REDIS_URL it runs in distributed mode on a fresh
// database; without, in embedded mode on PGlite.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventually, testDatabase, uniqueEmail } from '@myshop/testing'
import { parse } from 'csv-parse/sync'
import { base64url } from 'jose'
import type { RunningPlatform } from '../src/platform.ts'
import { runCli } from './run-cli.ts'
import { startTestPlatform } from './test-platform.ts'

const adminEmail = uniqueEmail('admin')
const adminPassword = 'copper-Meadow-71-falcon'
const home = mkdtempSync(join(tmpdir(), 'myshop-cli-e2e-'))
let platform: RunningPlatform

beforeAll(async () => {
  platform = await startTestPlatform({ email: adminEmail, password: adminPassword })
}, 120_000)
afterAll(async () => {
  await platform?.stop()
})

const api = async (method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(`${platform.gatewayUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary bodies
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, headers: res.headers, body: json }
}

const cli = (...args: string[]) => runCli([...args, '--url', platform.gatewayUrl], { home })

describe('through the gateway', () => {
  test('a shopper registers, signs in, reads and edits their profile, refreshes and signs out', async () => {
    const email = uniqueEmail('shopper')
    const password = 'amber-Willow-44-harbor'
    const reg = await api('POST', '/api/v1/auth/register', { email, password, name: 'Shopper' })
    expect(reg.status).toBe(201)
    expect(reg.headers.get('x-request-id')).toBeString()
    const login = await api('POST', '/api/v1/auth/login', { email, password })
    expect(login.status).toBe(200)
    expect(login.headers.get('ratelimit-limit')).toBeString()
    const me = await api('GET', '/api/v1/users/me', undefined, login.body.accessToken)
    expect(me.status).toBe(200)
    expect(me.body.email).toBe(email)
    expect(
      (await api('PATCH', '/api/v1/users/me', { name: 'Renamed' }, login.body.accessToken)).body.name,
    ).toBe('Renamed')
    const refreshed = await api('POST', '/api/v1/auth/refresh', { refreshToken: login.body.refreshToken })
    expect(refreshed.status).toBe(200)
    expect((await api('POST', '/api/v1/auth/logout', {}, refreshed.body.accessToken)).status).toBe(204)
    expect((await api('GET', '/api/v1/users/me', undefined, refreshed.body.accessToken)).status).toBe(401)
  })

  test('customers cannot reach admin routes; the administrator from MYSHOP_ADMIN_* can', async () => {
    const email = uniqueEmail('customer')
    await api('POST', '/api/v1/auth/register', { email, password: 'amber-Willow-44-harbor', name: 'C' })
    const customer = (await api('POST', '/api/v1/auth/login', { email, password: 'amber-Willow-44-harbor' }))
      .body
    expect((await api('GET', '/api/v1/users', undefined, customer.accessToken)).status).toBe(403)
    expect((await api('GET', '/api/v1/users')).status).toBe(401)
    const admin = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body
    const list = await api('GET', '/api/v1/users?limit=100', undefined, admin.accessToken)
    expect(list.status).toBe(200)
    const someone = list.body.items[0]
    expect((await api('GET', `/api/v1/users/${someone.id}`, undefined, admin.accessToken)).body.email).toBe(
      someone.email,
    )
    expect((await api('GET', `/api/v1/users/${someone.id}`, undefined, customer.accessToken)).status).toBe(
      403,
    )
    // Key rotation through the gateway: the old token keeps working, the gateway learns the new kid.
    const rotated = await api('POST', '/api/v1/auth/keys/rotate', undefined, admin.accessToken)
    expect(rotated.status).toBe(200)
    expect((await api('POST', '/api/v1/auth/keys/rotate', undefined, customer.accessToken)).status).toBe(403)
    expect((await api('GET', '/api/v1/users/me', undefined, admin.accessToken)).status).toBe(200)
    const fresh = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(fresh.accessToken.split('.')[0]))).kid).toBe(
      rotated.body.kid,
    )
    expect((await api('GET', '/api/v1/users/me', undefined, fresh.accessToken)).status).toBe(200)
  })

  test('forged tokens are refused at the gateway', async () => {
    const email = uniqueEmail('victim')
    await api('POST', '/api/v1/auth/register', { email, password: 'amber-Willow-44-harbor', name: 'V' })
    const { accessToken } = (
      await api('POST', '/api/v1/auth/login', { email, password: 'amber-Willow-44-harbor' })
    ).body
    const [h, p, s] = accessToken.split('.')
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p)))
    const raised = base64url.encode(JSON.stringify({ ...payload, roles: ['admin'] }))
    expect((await api('GET', '/api/v1/users', undefined, `${h}.${raised}.${s}`)).status).toBe(401)
    const none = `${base64url.encode(JSON.stringify({ alg: 'none' }))}.${raised}.`
    expect((await api('GET', '/api/v1/users', undefined, none)).status).toBe(401)
  })

  test('bad input is a 4xx problem, unknown routes 404', async () => {
    const bad = await api('POST', '/api/v1/auth/register', { email: 'nope' })
    expect(bad.status).toBe(422)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect((await api('GET', '/api/v1/does-not-exist')).status).toBe(404)
  })

  test('health, merged OpenAPI, API reference and metrics are served', async () => {
    const health = await api('GET', '/health')
    expect(health.status).toBe(200)
    expect(health.body).toEqual({ status: 'ok' })
    const ready = await api('GET', '/ready')
    expect(ready.status).toBe(200)
    expect(ready.body.services.user.status).toBe('ok')
    expect(ready.body.services.product.status).toBe('ok')
    const spec = await api('GET', '/openapi.json')
    expect(spec.status).toBe(200)
    expect(Object.keys(spec.body.paths)).toContain('/api/v1/auth/register')
    const docs = await fetch(`${platform.gatewayUrl}/docs`)
    expect(docs.status).toBe(200)
    expect(docs.headers.get('content-type')).toContain('text/html')
    const metrics = await fetch(`${platform.gatewayUrl}/metrics`)
    expect(await metrics.text()).toContain('# TYPE')
  })
})

describe('the catalog through the gateway', () => {
  test('a catalog manager creates products; shoppers search, browse and read them; drafts stay hidden', async () => {
    const admin = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body.accessToken
    const category = await api('POST', '/api/v1/categories', { name: `Phones ${Date.now()}` }, admin)
    expect(category.status).toBe(201)
    const make = (name: string, sku: string, status: string) =>
      api(
        'POST',
        '/api/v1/products',
        {
          name,
          brand: 'Apex',
          status,
          categoryIds: [category.body.id],
          variants: [{ sku, price: { amount: 79900, currency: 'EUR' } }],
        },
        admin,
      )
    const phone = await make('Apex Nebula 9', `NEB-${Date.now()}`, 'active')
    expect(phone.status).toBe(201)
    const draft = await make('Apex Nebula 10 Prototype', `PROTO-${Date.now()}`, 'draft')
    expect(draft.status).toBe(201)
    const anon = await api('POST', '/api/v1/products', {
      name: 'X',
      variants: [{ sku: 'ANON-1', price: { amount: 1, currency: 'EUR' } }],
    })
    expect(anon.status).toBe(401)

    const found = await api('GET', `/api/v1/products?q=nebula&category=${category.body.id}`)
    expect(found.status).toBe(200)
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([phone.body.id])
    expect(found.body.total).toBe(1)
    const typo = await api('GET', '/api/v1/products?q=nebual')
    expect(typo.body.items.map((p: { id: string }) => p.id)).toContain(phone.body.id)
    const detail = await api('GET', `/api/v1/products/${phone.body.slug}`)
    expect(detail.status).toBe(200)
    expect(detail.headers.get('etag')).toBeString()
    expect((await api('GET', `/api/v1/products/${draft.body.id}`)).status).toBe(404)
  })
})

describe('the audit trail through the CLI', () => {
  test('audit verify walks the inventory trail; in distributed mode a row changed behind the database’s back is named', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const token = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body.accessToken
    const sku = `AUD-${Date.now()}`
    const product = {
      name: 'Audit Lamp',
      status: 'active',
      variants: [{ sku, price: { amount: 100, currency: 'EUR' } }],
    }
    expect((await api('POST', '/api/v1/products', product, token)).status).toBe(201)
    await eventually(
      'the inventory service counts the new SKU',
      async () => (await api('GET', `/api/v1/inventory/${sku}`)).status === 200,
    )
    const adjusted = await api(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: 5, reason: 'delivery' },
      token,
    )
    expect(adjusted.status).toBe(201)

    const intact = await cli('audit', 'verify', '--json')
    expect(intact.code).toBe(0)
    const report = JSON.parse(intact.stdout)
    expect(report).toMatchObject({
      ok: true,
      services: [
        { service: 'inventory', ok: true },
        { service: 'order', ok: true },
      ],
    })
    expect(report.services[0].entries).toBeGreaterThanOrEqual(1)

    // The embedded database is one session the running services hold; only a server can be reached beside them.
    if (platform.mode !== 'distributed') return
    const { sql } = await testDatabase()
    const [entry] = await sql<{ seq: number; data: unknown }[]>`
      select seq, data from inventory.event_store where stream_id = ${`${sku}@default`}`
    const rewrite = (data: unknown) =>
      sql.begin(async (tx) => {
        await tx`alter table inventory.event_store disable trigger event_store_append_only`
        await tx`update inventory.event_store set data = ${tx.json(data as never)} where seq = ${entry!.seq}`
        await tx`alter table inventory.event_store enable always trigger event_store_append_only`
      })
    await rewrite({ ...(entry!.data as object), delta: 50 })
    try {
      const broken = await cli('audit', 'verify', '--service', 'inventory')
      expect(broken.code).toBe(1)
      expect(broken.stdout).toContain(
        `inventory  broken    at entry ${entry!.seq}: its hash does not match its contents`,
      )
    } finally {
      await rewrite(entry!.data)
    }
    expect((await cli('audit', 'verify')).code).toBe(0)
  }, 60_000)
})

describe('the myshop CLI against a running MyShop', () => {
  test('signs in, lists, creates and grants users, and checks health', async () => {
    const bad = await cli('login', '--email', adminEmail, '--password', 'wrong-password-123')
    expect(bad.code).toBe(1)
    const login = await cli('login', '--email', adminEmail, '--password', adminPassword)
    expect(login.code).toBe(0)
    expect(login.stdout).toContain(adminEmail)

    const staff = uniqueEmail('staff')
    const created = await cli(
      'users',
      'create',
      '--email',
      staff,
      '--password',
      'granite-Orchid-62-meadow',
      '--name',
      'Staff Member',
      '--json',
    )
    expect(created.code).toBe(0)
    const user = JSON.parse(created.stdout)
    expect(user.email).toBe(staff)

    const granted = await cli('users', 'grant', staff, 'catalog_manager', '--json')
    expect(granted.code).toBe(0)
    expect(JSON.parse(granted.stdout).roles).toContain('catalog_manager')

    const list = await cli('users', 'list', '--all', '--json')
    expect(list.code).toBe(0)
    const emails = JSON.parse(list.stdout).items.map((u: { email: string }) => u.email)
    expect(emails).toContain(staff)
    expect(emails).toContain(adminEmail)

    const health = await cli('health', '--json')
    expect(health.code).toBe(0)
    expect(JSON.parse(health.stdout).status).toBe('ok')
  }, 60_000)

  test('users unlock reopens sign-ins paused by failures, and its code signs the owner in through the gateway', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const email = uniqueEmail('locked')
    const password = 'granite-Orchid-62-meadow'
    const registered = await api('POST', '/api/v1/auth/register', { email, password, name: 'Locked Out' })
    expect(registered.status).toBe(201)
    for (let i = 0; i < 5; i++) {
      await api('POST', '/api/v1/auth/login', { email, password: `wrong-${i}-abcdef` })
    }
    expect((await api('POST', '/api/v1/auth/login', { email, password })).status).toBe(429)

    const unlocked = await cli('users', 'unlock', email, '--code', '--json')
    expect(unlocked.code).toBe(0)
    const { cleared, unlockCode } = JSON.parse(unlocked.stdout)
    expect(cleared).toBeGreaterThan(0)
    expect((await api('POST', '/api/v1/auth/login', { email, password })).status).toBe(200)
    // Locked again, the owner still gets in with the code the operator handed over, once.
    for (let i = 0; i < 5; i++) {
      await api('POST', '/api/v1/auth/login', { email, password: `again-${i}-abcdef` })
    }
    expect((await api('POST', '/api/v1/auth/login', { email, password })).status).toBe(429)
    // The owner's own machine: a CLI home of its own.
    const owner = await runCli(
      [
        'login',
        '--email',
        email,
        '--password',
        password,
        '--unlock-code',
        unlockCode,
        '--url',
        platform.gatewayUrl,
      ],
      { home: mkdtempSync(join(tmpdir(), 'myshop-cli-owner-')) },
    )
    expect(owner.code).toBe(0)
    expect((await api('POST', '/api/v1/auth/login', { email, password, unlockCode })).status).toBe(429)
    // The gateway lets no customer, and no anonymous caller, reach the admin route.
    const customer = uniqueEmail('cust')
    await api('POST', '/api/v1/auth/register', { email: customer, password, name: 'Customer' })
    const { accessToken } = (await api('POST', '/api/v1/auth/login', { email: customer, password })).body
    const target = `/api/v1/users/${registered.body.id}/unlock`
    expect((await api('POST', target, {}, accessToken)).status).toBe(403)
    expect((await api('POST', target, {})).status).toBe(401)
  }, 60_000)

  test('imports a CSV catalog, reports bad rows by line, reindexes and exports through the real product service', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const tag = Date.now().toString(36).toUpperCase()
    const csv = join(home, 'products.csv')
    await Bun.write(
      csv,
      [
        'sku,name,description,brand,category,price,currency',
        `E2E-${tag}-1,"Kettle, steel",Boils fast,Hearth,Home > Kitchen,39.90,EUR`,
        `E2E-${tag}-2,Toaster,,Hearth,Home > Kitchen,24.50,EUR`,
        `E2E-${tag}-3,Broken,,Hearth,Home > Kitchen,-1,EUR`,
      ].join('\n'),
    )
    // A dry run through the gateway answers the same and writes nothing.
    const dry = await cli('catalog', 'import', csv, '--json', '--dry-run')
    expect(dry.code).toBe(1)
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 2, updated: 0, dryRun: true })
    expect((await api('GET', `/api/v1/products?q=toaster`)).body.total).toBe(0)
    const imported = await cli('catalog', 'import', csv, '--json')
    expect(imported.code).toBe(1)
    const result = JSON.parse(imported.stdout)
    expect(result).toMatchObject({ created: 2, updated: 0 })
    expect(result.failed.map((f: { line: number }) => f.line)).toEqual([4])
    const found = await api('GET', `/api/v1/products?q=kettle`)
    expect(found.body.items.map((p: { name: string }) => p.name)).toContain('Kettle, steel')

    const reindexed = await cli('catalog', 'reindex', '--json')
    expect(reindexed.code).toBe(0)
    expect(JSON.parse(reindexed.stdout).indexed).toBeGreaterThanOrEqual(2)

    const out = join(home, 'export.csv')
    expect((await cli('catalog', 'export', '--format', 'csv', '--output', out)).code).toBe(0)
    const exported = await Bun.file(out).text()
    expect(exported).toContain(`E2E-${tag}-1,"Kettle, steel",Boils fast,Hearth,Home > Kitchen,39.90,EUR`)
  }, 60_000)

  test('a seeded catalog with variants survives export and import through the real product service', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    // The catalog is what this test is about: stocking 300 products' SKUs is tested on its own.
    expect((await cli('seed', '--products', '300', '--seed', '11', '--yes', '--no-stock')).code).toBe(0)
    // And one made through the API with two categories and attributes: export writes them all.
    const token = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body.accessToken
    const category = async (name: string) =>
      (await api('POST', '/api/v1/categories', { name: `${name} ${Date.now()}` }, token)).body
    const [lamps, sale] = [await category('Lamps'), await category('Sale')]
    const made = await api(
      'POST',
      '/api/v1/products',
      {
        name: 'Arc Floor Lamp',
        status: 'active',
        categoryIds: [lamps.id, sale.id],
        attributes: { dimmable: true, watts: 9, material: 'brass' },
        variants: [
          {
            sku: `ARC-${Date.now()}-B`,
            options: { Finish: 'Brass' },
            price: { amount: 14900, currency: 'EUR' },
          },
          {
            sku: `ARC-${Date.now()}-C`,
            options: { Finish: 'Chrome' },
            price: { amount: 13900, currency: 'EUR' },
          },
        ],
      },
      token,
    )
    expect(made.status).toBe(201)
    const exported = await cli('catalog', 'export', '--format', 'jsonl')
    expect(exported.code).toBe(0)
    const rows: Record<string, string>[] = exported.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    const bySlug = new Map<string, Record<string, string>[]>()
    for (const r of rows) bySlug.set(r.slug!, [...(bySlug.get(r.slug!) ?? []), r])
    const sold = [...bySlug.values()].filter((v) => v.length > 1 && v[0]!.status === 'active')
    expect(sold.length).toBeGreaterThan(50)
    expect(
      bySlug
        .get(made.body.slug)!
        .map((r) => [r.options, r.category?.split(' | ').sort(), JSON.parse(r.attributes!)]),
    ).toEqual(
      ['Finish=Brass', 'Finish=Chrome'].map((options) => [
        options,
        [lamps.path, sale.path].sort(),
        { dimmable: true, watts: 9, material: 'brass' },
      ]),
    )

    // A product in variants, as a shopper reads it through the gateway.
    const rowsOf = sold.find((v) => v.some((r) => r.compare_at_price)) ?? sold[0]!
    const product = await api('GET', `/api/v1/products/${rowsOf[0]!.slug}`)
    expect(product.status).toBe(200)
    expect(
      product.body.variants.map((v: { sku: string; options: Record<string, string> }) => [
        v.sku,
        Object.entries(v.options)
          .map(([k, value]) => `${k}=${value}`)
          .join('; '),
      ]),
    ).toEqual(rowsOf.map((r) => [r.sku, r.options]))
    const prices = product.body.variants.map((v: { price: { amount: number } }) => v.price.amount)
    expect(product.body.price.amount).toBe(Math.min(...prices))

    // The export imported again changes nothing and exports the same bytes.
    const file = join(home, 'catalog.csv')
    expect((await cli('catalog', 'export', '--output', file, '--yes')).code).toBe(0)
    const before = await Bun.file(file).text()
    const again = await cli('catalog', 'import', file, '--json')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: rows.length, failed: [] })
    expect((await cli('catalog', 'export', '--output', file, '--yes')).code).toBe(0)
    expect(await Bun.file(file).text()).toBe(before)
  }, 120_000)

  test('validation problems read as sentences, through the gateway and as the CLI prints them', async () => {
    const sort = await api('GET', '/api/v1/products?sort=cheapest')
    expect(sort.status).toBe(422)
    expect(sort.body).toMatchObject({
      code: 'validation_failed',
      detail: 'sort must be one of relevance, price_asc, price_desc, newest.',
      errors: [{ path: '/sort', message: 'must be one of relevance, price_asc, price_desc, newest' }],
    })
    const register = await api('POST', '/api/v1/auth/register', { email: 'nope', name: 'Ada' })
    expect(register.status).toBe(422)
    expect(register.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/email', message: 'must be an email address' },
        { path: '/password', message: 'is required' },
      ]),
    )

    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const listed = await cli('users', 'list', '--cursor', 'abc')
    expect(listed.code).toBe(1)
    expect(listed.stderr).toContain('cursor must be an id like usr_….')
    expect(listed.stderr).toContain('/cursor: must be an id like usr_…')
    expect(listed.stderr).not.toMatch(/Expected|should be|\^usr_/)
  }, 60_000)

  test('cells a spreadsheet would run as formulas are exported neutralised and imported back unchanged', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const token = (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword }))
      .body.accessToken
    const run = Date.now()
    const hostile = [
      {
        name: '=HYPERLINK("https://evil.example","Click")',
        slug: `formula-a-${run}`,
        description: '-5% off, first',
        brand: '+Brand',
        status: 'active',
        attributes: { note: '-2+3', tag: '@sale', cmd: '=1+1' },
        variants: [
          { sku: `F-${run}-A`, options: { '-Size': '=M' }, price: { amount: 100, currency: 'EUR' } },
          { sku: `F-${run}-B`, options: { '-Size': '@L' }, price: { amount: 200, currency: 'EUR' } },
        ],
      },
      {
        name: "'=already quoted",
        slug: `formula-b-${run}`,
        description: '@mention first',
        brand: '@brand',
        status: 'active',
        attributes: {},
        variants: [
          { sku: `F-${run}-C`, options: { '@Edition': '+1' }, price: { amount: 300, currency: 'EUR' } },
        ],
      },
    ]
    const view = (p: {
      name: string
      description: string
      brand: string
      attributes: object
      variants: object[]
    }) => ({
      name: p.name,
      description: p.description,
      brand: p.brand,
      attributes: p.attributes,
      variants: p.variants.map((v) => {
        const { sku, options } = v as { sku: string; options: Record<string, string> }
        return { sku, options }
      }),
    })
    const ids: string[] = []
    for (const product of hostile) {
      const made = await api('POST', '/api/v1/products', product, token)
      expect(made.status).toBe(201)
      ids.push(made.body.id)
    }
    const before = await Promise.all(
      hostile.map((p) => api('GET', `/api/v1/products/${p.slug}`, undefined, token)),
    )
    expect(before.map((r) => view(r.body))).toEqual(hostile.map(view))

    const file = join(home, 'formulas.csv')
    expect((await cli('catalog', 'export', '--output', file)).code).toBe(0)
    const text = await Bun.file(file).text()
    // No cell of the file starts a formula; the hostile ones are quoted behind an apostrophe. (The API trims a
    // leading tab or carriage return off names and descriptions; the unit tests cover those.)
    const cells = parse(text, { relax_quotes: true }) as string[][]
    expect(cells.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
    for (const cell of [
      '"\'=HYPERLINK(""https://evil.example"",""Click"")"',
      '"\'+Brand"',
      '"\'-5% off, first"',
      '"\'@mention first"',
      '"\'-Size=\\=M"',
      '"\'@Edition=+1"',
      '"\'\'=already quoted"',
    ])
      expect(text).toContain(cell)

    // Into a shop without them: the import gives the same products back, apostrophes gone.
    for (const id of ids)
      expect((await api('DELETE', `/api/v1/products/${id}`, undefined, token)).status).toBe(204)
    const imported = await cli('catalog', 'import', file, '--json')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout).failed).toEqual([])
    const after = await Promise.all(
      hostile.map((p) => api('GET', `/api/v1/products/${p.slug}`, undefined, token)),
    )
    expect(after.map((r) => view(r.body))).toEqual(hostile.map(view))
  }, 120_000)

  test('an import whose batches are over the gateway body limit goes through in smaller requests', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const tag = Date.now().toString(36).toUpperCase()
    const csv = join(home, 'long-descriptions.csv')
    const description = 'A long description of a product as shops write them. '.repeat(45)
    const lines = ['sku,name,description,price,currency']
    for (let i = 0; i < 500; i++) lines.push(`LONG-${tag}-${i},Long ${i},${description},${i}.00,EUR`)
    await Bun.write(csv, lines.join('\n'))
    expect(Bun.file(csv).size).toBeGreaterThan(1024 * 1024)
    const imported = await cli('catalog', 'import', csv, '--json')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toEqual({ created: 500, updated: 0, failed: [] })
  }, 60_000)

  test('the CLI keeps its device token, so a password-guessing spree does not lock the operator out', async () => {
    expect((await cli('login', '--email', adminEmail, '--password', adminPassword)).code).toBe(0)
    const devices = join(home, 'devices.json')
    expect(statSync(devices).mode & 0o777).toBe(0o600)
    expect(Object.values(JSON.parse(readFileSync(devices, 'utf8')))).toHaveLength(1)
    // Someone on the same address guesses until sign-ins without a device token are refused...
    for (let i = 0; i < 6; i++)
      await api('POST', '/api/v1/auth/login', { email: adminEmail, password: `guess-${i}-xyz` })
    expect(
      (await api('POST', '/api/v1/auth/login', { email: adminEmail, password: adminPassword })).status,
    ).toBe(429)
    // ...while the operator's CLI, presenting its device token, still signs in.
    expect((await cli('logout')).code).toBe(0)
    const again = await cli('login', '--email', adminEmail, '--password', adminPassword)
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
  }, 60_000)
})

describe('a service called around the gateway', () => {
  test('believes the X-Real-IP of loopback callers only, the default TRUSTED_PROXIES of myshop start', async () => {
    const email = uniqueEmail('direct')
    const password = 'granite-Orchid-62-meadow'
    expect((await api('POST', '/api/v1/auth/register', { email, password, name: 'Direct' })).status).toBe(201)
    const direct = async (pw: string, realIp: string) =>
      (
        await fetch(`${platform.services.user}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-real-ip': realIp },
          body: JSON.stringify({ email, password: pw }),
        })
      ).status
    for (let i = 0; i < 5; i++) expect(await direct(`wrong-${i}-abcdef`, '203.0.113.5')).toBe(401)
    expect(await direct(password, '203.0.113.5')).toBe(429)
    expect(await direct(password, '203.0.113.6')).toBe(200)
  })
})

describe('the published API document', () => {
  test('every operation it lists is one the gateway routes', async () => {
    const doc = (await api('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{[^}]+\}/g, 'x1').replace('*', 'x1'),
        })),
    )
    expect(operations.length).toBeGreaterThan(20)
    const unrouted: string[] = []
    for (const { method, path } of operations) {
      const res = await api(method, path)
      if (res.body?.code === 'route_not_found') unrouted.push(`${method} ${path}`)
    }
    expect(unrouted).toEqual([])
  })
})
