import { describe, expect, test } from 'bun:test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { seedQuantity } from '../src/inventory/levels.ts'
import { adminEmail, adminPassword, startFakeMyShop } from './fake-myshop.ts'
import { runCli } from './run-cli.ts'
import { cli, fake, file, home, setUpSignedInFake, signIn, withHome } from './signed-in-fake.ts'

setUpSignedInFake()

const asRole = async (role: string, use: (at: string) => Promise<void>) => {
  const email = `${role.replace('_', '-')}-${crypto.randomUUID().slice(0, 8)}@example.com`
  fake.addUser({ email, name: role, roles: [role] })
  await withHome(async (at) => {
    await signIn(email, 'password1', fake, at)
    await use(at)
  })
}

const onHand = (sku: string, location = 'default') => fake.stock.get(sku)?.locations.get(location)?.onHand

const writes = () => fake.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v1/inventory'))

describe('inventory show', () => {
  test('shows an operator the SKU per location with its threshold', async () => {
    fake.addStock('SHIRT-M', { onHand: 12, reserved: 2, threshold: 5 })
    fake.addStock('SHIRT-M', { location: 'berlin', onHand: 4, threshold: 5 })
    const result = await cli(['inventory', 'show', 'SHIRT-M'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^sku: +SHIRT-M\navailable: +14\nstatus: +in_stock\nthreshold: +5\n/)
    expect(result.stdout).toMatch(/LOCATION\s+ON HAND\s+RESERVED\s+AVAILABLE/)
    expect(result.stdout).toMatch(/berlin\s+4\s+0\s+4\n/)
    expect(result.stdout).toMatch(/default\s+12\s+2\s+10\n/)
    const json = await cli(['inventory', 'show', 'SHIRT-M', '--json'])
    expect(JSON.parse(json.stdout)).toEqual({
      sku: 'SHIRT-M',
      available: 14,
      status: 'in_stock',
      threshold: 5,
      locations: [
        { location: 'berlin', onHand: 4, reserved: 0, available: 4 },
        { location: 'default', onHand: 12, reserved: 2, available: 10 },
      ],
    })
  })

  test('shows anyone not signed in what a shopper sees', async () => {
    fake.addStock('SHIRT-M', { onHand: 3, threshold: 5 })
    await withHome(async (at) => {
      const result = await cli(['inventory', 'show', 'SHIRT-M', '--json'], fake, at)
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toEqual({ sku: 'SHIRT-M', available: 3, status: 'low' })
    })
  })

  test('refreshes an expired session first, so an operator still sees every location', async () => {
    fake.addStock('SHIRT-M', { onHand: 3 })
    await withHome(async (at) => {
      await signIn(adminEmail, adminPassword, fake, at)
      const stored = JSON.parse(await readFile(join(at, 'credentials.json'), 'utf8'))
      await writeFile(
        join(at, 'credentials.json'),
        JSON.stringify({ ...stored, expiresAt: '2000-01-01T00:00:00.000Z' }),
      )
      fake.expireAccessTokens()
      const result = await cli(['inventory', 'show', 'SHIRT-M', '--json'], fake, at)
      expect(JSON.parse(result.stdout).locations).toEqual([
        { location: 'default', onHand: 3, reserved: 0, available: 3 },
      ])
    })
  })

  test('an unknown SKU is a 404 explained, exit 1; a malformed one is refused before any request', async () => {
    const unknown = await cli(['inventory', 'show', 'NOPE-1'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^error: Not found: No stock is kept for this SKU \(not_found/)
    const json = await cli(['inventory', 'show', 'NOPE-1', '--json'])
    expect(JSON.parse(json.stderr)).toMatchObject({ status: 404, code: 'not_found' })
    fake.requests.length = 0
    const bad = await cli(['inventory', 'show', '-bad sku'])
    expect(bad.code).toBe(2)
    expect(fake.requests).toHaveLength(0)
  })

  test('exits 3 when MyShop is unreachable', async () => {
    const gone = startFakeMyShop()
    await gone.stop()
    const result = await cli(['inventory', 'show', 'SHIRT-M'], gone)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain(`cannot reach MyShop at ${gone.url}`)
  })
})

describe('inventory adjust', () => {
  test('counts stock in and out with a reason, at the default location or a named one', async () => {
    fake.addStock('SHIRT-M', { onHand: 2 })
    const into = await cli(['inventory', 'adjust', 'SHIRT-M', '10', '--reason', 'delivery'])
    expect(into).toMatchObject({
      code: 0,
      stdout: 'Counted 10 in of SHIRT-M at default: 12 on hand, 0 reserved, 12 available\n',
    })
    const out = await cli(['inventory', 'adjust', 'SHIRT-M', '-3', '--reason', 'damaged'])
    expect(out.stdout).toBe('Counted 3 out of SHIRT-M at default: 9 on hand, 0 reserved, 9 available\n')
    const json = await cli([
      'inventory',
      'adjust',
      'SHIRT-M',
      '+4',
      '--reason',
      'delivery',
      '--location',
      'berlin',
      '--json',
    ])
    expect(JSON.parse(json.stdout)).toMatchObject({
      sku: 'SHIRT-M',
      location: 'berlin',
      delta: 4,
      reason: 'delivery',
      reservationId: null,
      stock: { onHand: 4, reserved: 0, available: 4 },
    })
    expect(onHand('SHIRT-M')).toBe(9)
    expect(onHand('SHIRT-M', 'berlin')).toBe(4)
    expect(fake.adjustments.map(({ delta, reason, location }) => ({ delta, reason, location }))).toEqual([
      { delta: 10, reason: 'delivery', location: 'default' },
      { delta: -3, reason: 'damaged', location: 'default' },
      { delta: 4, reason: 'delivery', location: 'berlin' },
    ])
  })

  test('counting out more than is available is refused with 409 and changes nothing', async () => {
    fake.addStock('SHIRT-M', { onHand: 5, reserved: 3 })
    const result = await cli(['inventory', 'adjust', 'SHIRT-M', '-3', '--reason', 'damaged'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Not enough stock: SHIRT-M has 2 available at default, fewer than the 3 counted out',
    )
    const json = await cli(['inventory', 'adjust', 'SHIRT-M', '-3', '--reason', 'damaged', '--json'])
    expect(JSON.parse(json.stderr)).toMatchObject({ status: 409, code: 'insufficient_stock' })
    expect(onHand('SHIRT-M')).toBe(5)
    expect(fake.adjustments).toHaveLength(0)
  })

  test('an unknown SKU is a 404 and nothing is written', async () => {
    const result = await cli(['inventory', 'adjust', 'NOPE-1', '5', '--reason', 'delivery'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('No stock is kept for this SKU')
    expect(fake.adjustments).toHaveLength(0)
  })

  test('a bad delta, reason or location is a usage error before any request', async () => {
    fake.addStock('SHIRT-M', { onHand: 5 })
    for (const args of [
      ['SHIRT-M', '0', '--reason', 'x'],
      ['SHIRT-M', '1.5', '--reason', 'x'],
      ['SHIRT-M', 'ten', '--reason', 'x'],
      ['SHIRT-M', '1000001', '--reason', 'x'],
      ['SHIRT-M', '5'],
      ['SHIRT-M', '5', '--reason', ' '],
      ['SHIRT-M', '5', '--reason', 'x', '--location', 'Berlin Mitte'],
    ]) {
      const result = await cli(['inventory', 'adjust', ...args])
      expect({ args, code: result.code }).toEqual({ args, code: 2 })
    }
    expect(writes()).toHaveLength(0)
    expect(onHand('SHIRT-M')).toBe(5)
  })

  test('a customer or a catalog manager is refused with 403 and nothing is written', async () => {
    fake.addStock('SHIRT-M', { onHand: 5 })
    for (const role of ['customer', 'catalog_manager'])
      await asRole(role, async (at) => {
        const result = await cli(['inventory', 'adjust', 'SHIRT-M', '5', '--reason', 'delivery'], fake, at)
        expect(result.code).toBe(1)
        expect(result.stderr).toMatch(/^error: Forbidden: requires inventory:write \(forbidden/)
      })
    expect(fake.adjustments).toHaveLength(0)
  })

  test('not signed in is explained without a request', async () => {
    await withHome(async (at) => {
      const result = await cli(['inventory', 'adjust', 'SHIRT-M', '5', '--reason', 'delivery'], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('not signed in')
    })
    expect(writes()).toHaveLength(0)
  })

  test('exits 3 when MyShop is unreachable', async () => {
    const gone = startFakeMyShop()
    await withHome(async (at) => {
      await signIn(adminEmail, adminPassword, gone, at)
      await gone.stop()
      const result = await cli(['inventory', 'adjust', 'SHIRT-M', '5', '--reason', 'delivery'], gone, at)
      expect(result.code).toBe(3)
    })
  })
})

describe('inventory low and threshold', () => {
  test('a threshold makes a SKU low once available falls to it; none clears it', async () => {
    fake.addStock('A-1', { onHand: 3 })
    fake.addStock('B-1', { onHand: 30 })
    fake.addStock('C-1', { onHand: 0 })
    expect((await cli(['inventory', 'low'])).stdout).toBe('No SKU is at or below its low-stock threshold\n')
    const set = await cli(['inventory', 'threshold', 'A-1', '5'])
    expect(set).toMatchObject({ code: 0, stdout: 'Low-stock threshold of A-1: 5 (3 available, low)\n' })
    await cli(['inventory', 'threshold', 'B-1', '5'])
    const json = await cli(['inventory', 'threshold', 'C-1', '0', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ sku: 'C-1', threshold: 0, status: 'out' })
    const low = await cli(['inventory', 'low'])
    expect(low.code).toBe(0)
    expect(low.stdout).toMatch(
      /SKU\s+AVAILABLE\s+THRESHOLD\s+STATUS\nA-1\s+3\s+5\s+low\nC-1\s+0\s+0\s+out\n$/,
    )
    expect(JSON.parse((await cli(['inventory', 'low', '--json'])).stdout)).toEqual({
      items: [
        { sku: 'A-1', available: 3, threshold: 5, status: 'low' },
        { sku: 'C-1', available: 0, threshold: 0, status: 'out' },
      ],
      nextCursor: null,
    })
    const cleared = await cli(['inventory', 'threshold', 'A-1', 'none'])
    expect(cleared.stdout).toBe('A-1 has no low-stock threshold (3 available, in_stock)\n')
    expect(JSON.parse((await cli(['inventory', 'low', '--json'])).stdout).items).toEqual([
      { sku: 'C-1', available: 0, threshold: 0, status: 'out' },
    ])
  })

  test('pages with --limit and --cursor, or follows every page with --all', async () => {
    for (const sku of ['A-1', 'B-1', 'C-1']) fake.addStock(sku, { onHand: 1, threshold: 2 })
    const first = await cli(['inventory', 'low', '--limit', '2'])
    expect(first.stderr).toContain('more SKUs: --cursor B-1 (or --all)')
    const next = JSON.parse(
      (await cli(['inventory', 'low', '--limit', '2', '--cursor', 'B-1', '--json'])).stdout,
    )
    expect(next).toEqual({
      items: [{ sku: 'C-1', available: 1, threshold: 2, status: 'low' }],
      nextCursor: null,
    })
    const all = JSON.parse((await cli(['inventory', 'low', '--limit', '1', '--all', '--json'])).stdout)
    expect(all.items.map((i: { sku: string }) => i.sku)).toEqual(['A-1', 'B-1', 'C-1'])
  })

  test('a customer is refused with 403; a bad threshold or limit is a usage error', async () => {
    fake.addStock('A-1', { onHand: 3 })
    await asRole('customer', async (at) => {
      const low = await cli(['inventory', 'low', '--json'], fake, at)
      expect(low.code).toBe(1)
      expect(JSON.parse(low.stderr)).toMatchObject({ status: 403, code: 'forbidden' })
      expect((await cli(['inventory', 'threshold', 'A-1', '5'], fake, at)).code).toBe(1)
    })
    expect(fake.stock.get('A-1')?.threshold).toBeNull()
    fake.requests.length = 0
    expect((await cli(['inventory', 'threshold', 'A-1', '-1'])).code).toBe(2)
    expect((await cli(['inventory', 'threshold', 'A-1', 'lots'])).code).toBe(2)
    expect((await cli(['inventory', 'low', '--limit', '0'])).code).toBe(2)
    expect(fake.requests).toHaveLength(0)
  })

  test('an unknown SKU has no threshold to set: 404', async () => {
    const result = await cli(['inventory', 'threshold', 'NOPE-1', '5', '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stderr)).toMatchObject({ status: 404, code: 'not_found' })
  })
})

const stockCsv = [
  'sku,location,on_hand',
  'SHIRT-M,default,12',
  'SHIRT-M,berlin,4',
  'SHIRT-L,,7',
  'MUG-1,default,3',
].join('\n')

describe('inventory import', () => {
  test('sets on hand per SKU and location by one adjustment each with reason import, and says what changed', async () => {
    fake.addStock('SHIRT-M', { onHand: 20 })
    fake.addStock('SHIRT-L', { onHand: 0 })
    fake.addStock('MUG-1', { onHand: 3 })
    const path = await file('stock.csv', `${stockCsv}\n`)
    const result = await cli(['inventory', 'import', path])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^4 lines: 3 changed, 1 unchanged, 0 failed\n/)
    expect(result.stdout).toMatch(/2\s+SHIRT-M\s+default\s+20 -> 12\s+-8\n/)
    expect(result.stdout).toMatch(/3\s+SHIRT-M\s+berlin\s+0 -> 4\s+\+4\n/)
    expect(result.stdout).toMatch(/4\s+SHIRT-L\s+default\s+0 -> 7\s+\+7\n/)
    expect([onHand('SHIRT-M'), onHand('SHIRT-M', 'berlin'), onHand('SHIRT-L'), onHand('MUG-1')]).toEqual([
      12, 4, 7, 3,
    ])
    expect(fake.adjustments.every((a) => a.reason === 'import')).toBe(true)
    expect(fake.adjustments).toHaveLength(3)
    // The file holds levels, not deltas: importing it again changes nothing.
    const again = await cli(['inventory', 'import', path, '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({ changed: [], unchanged: 4, failed: [] })
    expect(fake.adjustments).toHaveLength(3)
  })

  test('--json lists each change with its line', async () => {
    fake.addStock('MUG-1', { onHand: 1 })
    const path = await file('stock.csv', 'On_Hand,SKU,Location\r\n5,MUG-1,default\r\n')
    const result = await cli(['inventory', 'import', path, '--json'])
    expect(JSON.parse(result.stdout)).toEqual({
      changed: [{ line: 2, sku: 'MUG-1', location: 'default', from: 1, to: 5, delta: 4 }],
      unchanged: 0,
      failed: [],
    })
  })

  test('any invalid line refuses the whole file by line, before anything is sent', async () => {
    fake.addStock('SHIRT-M', { onHand: 1 })
    const path = await file(
      'bad.csv',
      [
        'sku,location,on_hand',
        'SHIRT-M,default,5',
        'SHIRT-M,default,6',
        ',default,1',
        'SHIRT-L,Berlin,2',
        'MUG-1,default,-1',
        'MUG-2,default,1.5',
        'MUG-3,default',
        'MUG-4,default,2000000',
      ].join('\n'),
    )
    const result = await cli(['inventory', 'import', path])
    expect(result.code).toBe(1)
    const table = result.stdout.split('\n').filter((l) => /^\d+ {2}/.test(l))
    expect(table).toEqual([
      expect.stringMatching(/^3\s+SHIRT-M\s+sku\s+default is set on line 2 too$/),
      expect.stringMatching(/^4\s+-\s+sku\s+is required$/),
      expect.stringMatching(/^5\s+SHIRT-L\s+location\s+must start with a lowercase letter/),
      expect.stringMatching(/^6\s+MUG-1\s+on_hand\s+must be a whole number 0..1000000, not "-1"$/),
      expect.stringMatching(/^7\s+MUG-2\s+on_hand\s+must be a whole number 0..1000000, not "1.5"$/),
      expect.stringMatching(/^8\s+MUG-3\s+-\s+has 2 fields, the header has 3$/),
      expect.stringMatching(/^9\s+MUG-4\s+on_hand\s+must be a whole number 0..1000000, not "2000000"$/),
    ])
    expect(result.stderr).toBe(`error: ${path}: 7 lines are invalid; nothing was changed\n`)
    expect(fake.requests).toHaveLength(0)
    const json = await cli(['inventory', 'import', path, '--json'])
    expect(JSON.parse(json.stdout).failed[0]).toEqual({
      line: 3,
      sku: 'SHIRT-M',
      errors: [{ path: '/sku', message: 'default is set on line 2 too' }],
    })
    expect(JSON.parse(json.stderr)).toMatchObject({ code: 'invalid_lines' })
    expect(onHand('SHIRT-M')).toBe(1)
  })

  test('an unknown SKU or a level below what is reserved refuses the whole file, nothing written', async () => {
    fake.addStock('SHIRT-M', { onHand: 10, reserved: 4 })
    fake.addStock('MUG-1', { onHand: 1 })
    const path = await file(
      'stock.csv',
      ['sku,location,on_hand', 'MUG-1,default,9', 'NOPE-1,default,5', 'SHIRT-M,default,3'].join('\n'),
    )
    const result = await cli(['inventory', 'import', path])
    expect(result.code).toBe(1)
    const table = result.stdout.split('\n').filter((l) => /^\d+ {2}/.test(l))
    expect(table).toEqual([
      expect.stringMatching(/^3\s+NOPE-1\s+sku\s+MyShop keeps no stock for this SKU$/),
      expect.stringMatching(/^4\s+SHIRT-M\s+on_hand\s+4 reserved at default: on_hand cannot go below that$/),
    ])
    expect(result.stderr).toContain('2 lines are invalid; nothing was changed')
    expect(writes()).toHaveLength(0)
    expect(onHand('MUG-1')).toBe(1)
  })

  test('--dry-run reports what would change and writes nothing', async () => {
    fake.addStock('MUG-1', { onHand: 1 })
    const path = await file('stock.csv', 'sku,location,on_hand\nMUG-1,default,9\n')
    const result = await cli(['inventory', 'import', path, '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 lines: 1 would change, 0 unchanged, 0 failed')
    expect(writes()).toHaveLength(0)
  })

  test('a header that is not a stock header, a missing file or an unclosed quote are refused', async () => {
    const header = await cli(['inventory', 'import', await file('h.csv', 'sku,qty\nA,1\n')])
    expect(header.code).toBe(2)
    expect(header.stderr).toContain(
      'the CSV header is not a stock header (sku,location,on_hand): missing location, on_hand; unknown qty',
    )
    const missing = await cli(['inventory', 'import', join(home, 'nope.csv')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no such file')
    const quote = await cli([
      'inventory',
      'import',
      await file('q.csv', 'sku,location,on_hand\n"A,default,1\n'),
    ])
    expect(quote.code).toBe(1)
    expect(quote.stderr).toContain('cannot read the CSV')
    expect(fake.requests).toHaveLength(0)
  })

  test('a shop on another machine is asked about first: refused without --yes before anything is sent', async () => {
    const path = await file('stock.csv', stockCsv)
    const result = await runCli(['inventory', 'import', path, '--url', 'http://shop.example.invalid'], {
      home,
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`Set the stock of 4 lines from ${path} in http://shop.example.invalid?`)
    expect(result.stderr).toContain('add --yes to go ahead')
  })

  test('a customer cannot read stock per location, a catalog manager cannot write it: nothing changes', async () => {
    fake.addStock('MUG-1', { onHand: 1 })
    const path = await file('stock.csv', 'sku,location,on_hand\nMUG-1,default,9\n')
    await asRole('customer', async (at) => {
      const result = await cli(['inventory', 'import', path], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('setting stock needs inventory:read and inventory:write')
    })
    await asRole('catalog_manager', async (at) => {
      const result = await cli(['inventory', 'import', path, '--json'], fake, at)
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stderr)).toMatchObject({ status: 403, code: 'forbidden' })
    })
    expect(onHand('MUG-1')).toBe(1)
    expect(fake.adjustments).toHaveLength(0)
  })

  test('exits 3 when MyShop is unreachable', async () => {
    const path = await file('stock.csv', stockCsv)
    const gone = startFakeMyShop()
    await withHome(async (at) => {
      await signIn(adminEmail, adminPassword, gone, at)
      await gone.stop()
      const result = await cli(['inventory', 'import', path], gone, at)
      expect(result.code).toBe(3)
    })
  })
})

describe('seed stocks what it creates', () => {
  test('each SKU gets its seed quantity by an adjustment with reason seed; seeding again changes nothing', async () => {
    const result = await cli(['seed', '--products', '20', '--seed', '4', '--yes', '--json'])
    expect(result.code).toBe(0)
    const skus = fake.imports.flatMap((i) => i.rows.map((r) => r.sku as string))
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ created: skus.length, updated: 0, failed: [] })
    const units = skus.reduce((sum, sku) => sum + seedQuantity(4, sku), 0)
    expect(report.stock).toEqual({ stocked: skus.length, units, unchanged: 0, failed: [] })
    for (const sku of skus) expect(onHand(sku)).toBe(seedQuantity(4, sku))
    expect(skus.every((sku) => onHand(sku)! >= 10)).toBe(true)
    expect(fake.adjustments.every((a) => a.reason === 'seed')).toBe(true)
    const again = JSON.parse(
      (await cli(['seed', '--products', '20', '--seed', '4', '--yes', '--json'])).stdout,
    )
    expect(again.stock).toEqual({ stocked: 0, units: 0, unchanged: skus.length, failed: [] })
    expect(fake.adjustments).toHaveLength(skus.length)
  })

  test('waits for SKUs the inventory service has not counted yet, and says what it stocked', async () => {
    fake.delayNewSkus(3)
    const result = await cli(['seed', '--products', '3', '--seed', '9', '--yes'])
    expect(result.code).toBe(0)
    const skus = fake.imports.flatMap((i) => i.rows.map((r) => r.sku as string))
    expect(result.stdout.split('\n')[2]).toMatch(
      new RegExp(
        `^Stocked ${skus.length} SKUs with [\\d,]+ units \\(0 already held their seed quantity, 0 failed\\)$`,
      ),
    )
    for (const sku of skus) expect(onHand(sku)).toBe(seedQuantity(9, sku))
  })

  test('a catalog manager may seed products but not stock them: told how to go on, exit 1', async () => {
    await asRole('catalog_manager', async (at) => {
      const result = await cli(['seed', '--products', '2', '--yes'], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('the products were added, but stocking them needs inventory:write')
      expect(result.stderr).toContain('--no-stock')
    })
    expect(fake.products.size).toBe(2)
    expect(fake.adjustments).toHaveLength(0)
  })

  test('--no-stock leaves the new SKUs without stock', async () => {
    const result = await cli(['seed', '--products', '3', '--yes', '--no-stock', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).stock).toBeUndefined()
    expect(fake.adjustments).toHaveLength(0)
    expect([...fake.stock.values()].every((s) => s.locations.get('default')?.onHand === 0)).toBe(true)
  })
})
