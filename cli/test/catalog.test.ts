import { describe, expect, test } from 'bun:test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { seedQuantity } from '../src/inventory/levels.ts'
import { adminEmail, adminPassword, startFakeMyShop } from './fake-myshop.ts'
import { cliEntry, runCli } from './run-cli.ts'
import { cli, fake, file, home, setUpSignedInFake, signIn, withHome } from './signed-in-fake.ts'

setUpSignedInFake()

const header = 'sku,name,description,brand,category,price,currency,status'
const exportHeader = `${header},slug,options,compare_at_price,attributes`

const goodCsv = [
  header,
  'PH-1,"Apex Nova 2, 128 GB","A phone.\nWith a second line",Apex,Electronics > Phones,499.00,EUR,active',
  'PH-2,Apex Nova 2 Pro,,Apex,Electronics > Phones,699.99,EUR,draft',
  'KT-1,Kitchora Crema 3,"Says ""espresso""",Kitchora,Home > Kitchen,129.5,EUR,',
  'JP-1,Yen Thing,,,,1500,JPY,',
].join('\n')

describe('catalog import', () => {
  test('creates products from a CSV, says how many, and exits 0', async () => {
    const path = await file('catalog.csv', `${goodCsv}\n`)
    const result = await cli(['catalog', 'import', path])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^4 rows in \d+\.\d s \([\d,]+ rows\/s\): 4 created, 0 updated, 0 failed\n$/,
    )
    const products = [...fake.products.values()]
    expect(products.map((p) => p.variants[0]?.sku)).toEqual(['PH-1', 'PH-2', 'KT-1', 'JP-1'])
    expect(products[0]).toMatchObject({
      name: 'Apex Nova 2, 128 GB',
      description: 'A phone.\nWith a second line',
      brand: 'Apex',
      status: 'active',
      categories: [{ path: 'Electronics > Phones' }],
      price: { amount: 49900, currency: 'EUR' },
    })
    expect(products[2]?.price).toEqual({ amount: 12950, currency: 'EUR' })
    expect(products[3]?.price).toEqual({ amount: 1500, currency: 'JPY' })
    // Rows carry their source line: PH-1 spans lines 2-3, so KT-1 starts on line 5.
    expect(fake.imports[0]?.rows.map((r) => r.line)).toEqual([2, 4, 5, 6])
  })

  test('importing again updates by SKU', async () => {
    const path = await file('catalog.csv', goodCsv)
    expect((await cli(['catalog', 'import', path])).code).toBe(0)
    const result = await cli(['catalog', 'import', path, '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ created: 0, updated: 4, failed: [] })
    expect(fake.products.size).toBe(4)
  })

  test('reports bad rows by line with their field errors, imports the rest, and exits 1', async () => {
    const path = await file(
      'bad.csv',
      [
        header,
        'OK-1,Fine,,,,1.00,EUR,',
        'BAD-1,Too precise,,,,1.999,EUR,',
        ',No sku,,,,1.00,EUR,',
        'BAD-3,Money,,,,1.00,XXY,',
        'BAD-4,short row',
        'OK-2,Also fine,,,,2.00,USD,archived',
        'OK-1,Duplicate,,,,3.00,EUR,',
      ].join('\n'),
    )
    const result = await cli(['catalog', 'import', path])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('7 rows in')
    expect(result.stdout).toContain('2 created, 0 updated, 5 failed')
    const table = result.stdout.split('\n').filter((l) => /^\d+ {2}/.test(l))
    expect(table).toEqual([
      expect.stringMatching(/^3\s+BAD-1\s+price\s+"1\.999" has 3 decimals; EUR takes at most 2$/),
      expect.stringMatching(/^4\s+-\s+sku\s+is required$/),
      expect.stringMatching(/^5\s+BAD-3\s+currency\s+unknown currency XXY$/),
      expect.stringMatching(/^6\s+BAD-4\s+-\s+has 2 fields, the header has 8$/),
      expect.stringMatching(/^8\s+OK-1\s+sku\s+duplicate of line 2$/),
    ])
    expect(result.stdout).toMatch(/LINE\s+SKU\s+FIELD\s+ERROR/)
    expect(fake.products.size).toBe(2)
  })

  test('--json prints { created, updated, failed } with failures by line', async () => {
    const path = await file(
      'bad.jsonl',
      '{"sku":"J-1","name":"One","price":"1","currency":"EUR"}\n\n{"sku":"J-2","name":"","price":"x","currency":"EUR"}\n',
    )
    const result = await cli(['catalog', 'import', path, '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({
      created: 1,
      updated: 0,
      failed: [
        {
          line: 3,
          sku: 'J-2',
          errors: [
            { path: '/name', message: 'is required' },
            { path: '/price', message: '"x" is not a price such as 12.99' },
          ],
        },
      ],
    })
  })

  test('reads a CSV a spreadsheet saved with semicolons', async () => {
    const path = await file(
      'semicolons.csv',
      '\uFEFFsku;name;category;price;currency;options;slug\r\n' +
        'SC-1;Rain Jacket;Fashion > Jackets;89.00;EUR;"Size=M; Colour=Navy";rain-jacket\r\n' +
        'SC-2;Rain Jacket;Fashion > Jackets;89.00;EUR;"Size=L; Colour=Navy";rain-jacket\r\n',
    )
    const result = await cli(['catalog', 'import', path, '--json'])
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ created: 2, updated: 0, failed: [] })
    const jacket = [...fake.products.values()].find((p) => p.slug === 'rain-jacket')
    expect(jacket?.variants.map((v) => v.options)).toEqual([
      { Size: 'M', Colour: 'Navy' },
      { Size: 'L', Colour: 'Navy' },
    ])
  })

  test('--dry-run reports what the import would do and writes nothing', async () => {
    const lines = [header, 'DRY-1,Dry Lamp,,,Home,19.00,EUR,', 'DRY-2,Bad,,,,-1,EUR,']
    const path = await file('dry.csv', lines.join('\n'))
    const before = fake.products.size
    const human = await cli(['catalog', 'import', path, '--dry-run'])
    expect(human.code).toBe(1)
    expect(human.stdout).toStartWith(
      'Dry run: every row was checked against the catalog, and nothing was written.\n',
    )
    expect(human.stdout).toContain('1 created, 0 updated, 1 failed')
    const json = await cli(['catalog', 'import', path, '--dry-run', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ created: 1, updated: 0, dryRun: true })
    expect(fake.products.size).toBe(before)
    expect(fake.requests.filter((r) => r.search === '?dryRun=true').length).toBeGreaterThanOrEqual(2)
  })

  test('sends batches of --batch-size rows', async () => {
    const lines = [header]
    for (let i = 1; i <= 25; i++) lines.push(`B-${i},Product ${i},,,Home,${i}.00,EUR,`)
    const path = await file('many.csv', lines.join('\n'))
    const result = await cli(['catalog', 'import', path, '--batch-size', '10', '--json'])
    expect(result.code).toBe(0)
    // Two batches may be in flight at once, so they can arrive in either order.
    expect(fake.imports.map((i) => i.rows.length).sort((a, b) => b - a)).toEqual([10, 10, 5])
    expect(JSON.parse(result.stdout)).toMatchObject({ created: 25 })
  })

  test('unknown columns are a usage error and nothing is sent', async () => {
    const path = await file('typo.csv', 'sku,name,prise,currency\nA,a,1,EUR\n')
    const result = await cli(['catalog', 'import', path])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown column "prise"')
    expect(fake.count('/api/v1/catalog/import')).toBe(0)
  })

  test('a quote never closed is refused with its line before anything is sent', async () => {
    const path = await file('broken.csv', `${header}\nA,a,,,,1,EUR,\nB,"b,,,,1,EUR,\nC,c,,,,1,EUR,\n`)
    const result = await cli(['catalog', 'import', path])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `error: ${path}: line 3: a quoted field is never closed (nothing was imported)\n`,
    )
    expect(fake.count('/api/v1/catalog/import')).toBe(0)
  })

  test('a missing file or an unknown extension are explained', async () => {
    expect((await cli(['catalog', 'import', join(home, 'nope.csv')])).stderr).toContain('no such file')
    const txt = await file('catalog.txt', goodCsv)
    const result = await cli(['catalog', 'import', txt])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--format csv')
    expect((await cli(['catalog', 'import', txt, '--format', 'csv'])).code).toBe(0)
  })

  test('a signed-in user without catalog rights gets the 403 explained, exit 1', async () => {
    fake.addUser({ email: 'shopper@example.com', name: 'Shopper' })
    const path = await file('catalog.csv', goodCsv)
    await withHome(async (at) => {
      await signIn('shopper@example.com', 'password1', fake, at)
      const result = await cli(['catalog', 'import', path], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /^error: Forbidden: requires catalog:write \(forbidden, request id req_\d+\)\n$/,
      )
      const json = await cli(['catalog', 'reindex', '--json'], fake, at)
      expect(JSON.parse(json.stderr)).toMatchObject({ status: 403, code: 'forbidden' })
    })
  })

  test('a session the server no longer accepts (401) asks for a new login', async () => {
    const path = await file('catalog.csv', goodCsv)
    await withHome(async (at) => {
      const stored = JSON.parse(await readFile(join(home, 'credentials.json'), 'utf8'))
      await writeFile(
        join(at, 'credentials.json'),
        JSON.stringify({ ...stored, accessToken: 'at_bogus', refreshToken: 'rt_bogus' }),
      )
      const result = await cli(['catalog', 'import', path], fake, at)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('session has expired: run `myshop login`')
    })
  })

  test('exits 3 when MyShop is unreachable', async () => {
    const path = await file('catalog.csv', goodCsv)
    const gone = startFakeMyShop()
    await withHome(async (at) => {
      await signIn(adminEmail, adminPassword, gone, at)
      await gone.stop()
      const result = await cli(['catalog', 'import', path], gone, at)
      expect(result.code).toBe(3)
      expect(result.stderr).toContain(`cannot reach MyShop at ${gone.url}`)
    })
  })
})

describe('catalog export', () => {
  test('export then import into an empty shop gives the same rows back', async () => {
    expect((await cli(['catalog', 'import', await file('catalog.csv', goodCsv)])).code).toBe(0)
    const first = await cli(['catalog', 'export'])
    expect(first.code).toBe(0)
    const lines = first.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(JSON.parse(lines[0] as string)).toEqual({
      sku: 'PH-1',
      name: 'Apex Nova 2, 128 GB',
      description: 'A phone.\nWith a second line',
      brand: 'Apex',
      category: 'Electronics > Phones',
      price: '499.00',
      currency: 'EUR',
      status: 'active',
      slug: 'apex-nova-2-128-gb-ph-1',
    })
    expect(JSON.parse(lines[2] as string).price).toBe('129.50')
    expect(JSON.parse(lines[3] as string)).toEqual({
      sku: 'JP-1',
      name: 'Yen Thing',
      price: '1500',
      currency: 'JPY',
      status: 'active',
      slug: 'yen-thing-jp-1',
    })

    const csvPath = join(home, 'export.csv')
    const exported = await cli(['catalog', 'export', '--output', csvPath, '--json'])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toEqual({ products: 4, rows: 4, output: csvPath, format: 'csv' })

    const other = startFakeMyShop()
    try {
      await withHome(async (at) => {
        await signIn(adminEmail, adminPassword, other, at)
        const imported = await cli(['catalog', 'import', csvPath, '--json'], other, at)
        expect(JSON.parse(imported.stdout)).toEqual({ created: 4, updated: 0, failed: [] })
        const again = await cli(['catalog', 'export'], other, at)
        expect(again.stdout).toBe(first.stdout)
      })
    } finally {
      await other.stop()
    }
  })

  test('pages through the whole catalog and writes CSV with the import header', async () => {
    const seeded = await cli(['seed', '--products', '1200', '--batch-size', '2000', '--json', '--yes'])
    expect(seeded.code).toBe(0)
    const { created } = JSON.parse(seeded.stdout)
    const result = await cli(['catalog', 'export', '--format', 'csv'])
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith(`${exportHeader}\n`)).toBe(true)
    expect(fake.count('/api/v1/catalog/export')).toBe(2)
    const path = await file('roundtrip.csv', result.stdout)
    const reimport = await cli(['catalog', 'import', path, '--json'])
    expect(JSON.parse(reimport.stdout)).toEqual({ created: 0, updated: created, failed: [] })
    expect(fake.products.size).toBe(1200)
  })

  test('--delimiter semicolon writes what a European spreadsheet opens, and that file imports back the same', async () => {
    expect((await cli(['catalog', 'import', await file('catalog.csv', goodCsv)])).code).toBe(0)
    const path = join(home, 'semicolon-export.csv')
    expect((await cli(['catalog', 'export', '--output', path, '--delimiter', 'semicolon'])).code).toBe(0)
    const text = await readFile(path, 'utf8')
    expect(text.split('\n')[0]).toBe(exportHeader.replaceAll(',', ';'))
    // A field holding the separator is quoted; a comma no longer needs to be.
    expect(text).toContain(';Apex Nova 2, 128 GB;')
    const other = startFakeMyShop()
    try {
      await withHome(async (at) => {
        await signIn(adminEmail, adminPassword, other, at)
        const imported = await cli(['catalog', 'import', path, '--json'], other, at)
        expect(JSON.parse(imported.stdout)).toMatchObject({ failed: [] })
        const again = join(at, 'again.csv')
        await cli(['catalog', 'export', '--output', again, '--delimiter', 'semicolon'], other, at)
        expect(await readFile(again, 'utf8')).toBe(text)
      })
    } finally {
      await other.stop()
    }
    expect((await cli(['catalog', 'export', '--delimiter', 'pipe'])).code).toBe(2)
  })

  test('human output names the file', async () => {
    const path = join(home, 'out.jsonl')
    const result = await cli(['catalog', 'export', '--output', path])
    expect(result.stdout).toBe(`Exported 0 rows (0 products) to ${path}\n`)
    expect(await readFile(path, 'utf8')).toBe('')
  })
})

describe('catalog export --output', () => {
  const refusedCleanly = (result: { code: number; stdout: string; stderr: string }, message: string) => {
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    // One line of explanation, not a stack trace.
    expect(result.stderr).toBe(`error: ${message}\n`)
    expect(fake.count('/api/v1/catalog/export')).toBe(0)
  }

  test('into a missing folder or onto a directory is a usage error before anything is fetched', async () => {
    const missing = join(home, 'no-such-folder', 'catalog.csv')
    refusedCleanly(
      await cli(['catalog', 'export', '--output', missing]),
      `--output ${missing}: there is no folder ${join(home, 'no-such-folder')} to write it in`,
    )
    refusedCleanly(
      await cli(['catalog', 'export', '--output', home]),
      `--output ${home} is a directory: give a file name, such as ${join(home, 'catalog.csv')}`,
    )
  })

  test('with an unknown extension is refused with the known ones; --format chooses', async () => {
    const path = join(home, 'unknown-extension.txt')
    refusedCleanly(
      await cli(['catalog', 'export', '--output', path]),
      `cannot tell the format of ${path} from its name (known: .csv, .jsonl, .ndjson): use --format csv or --format jsonl`,
    )
    expect((await cli(['catalog', 'import', await file('one.csv', goodCsv)])).code).toBe(0)
    expect((await cli(['catalog', 'export', '--output', path, '--format', 'csv'])).code).toBe(0)
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(exportHeader)
  })

  test('over an existing file is refused without --yes when nobody can answer, and leaves it; --yes replaces it', async () => {
    const path = await file('existing.jsonl', 'keep me\n')
    const refused = await cli(['catalog', 'export', '--output', path])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      `error: ${path} exists. Overwrite it? Nobody can answer on a non-terminal stdin: add --yes to go ahead.\n`,
    )
    expect(await readFile(path, 'utf8')).toBe('keep me\n')
    expect(fake.count('/api/v1/catalog/export')).toBe(0)
    expect((await cli(['catalog', 'import', await file('one.csv', goodCsv)])).code).toBe(0)
    expect((await cli(['catalog', 'export', '--output', path, '--yes'])).code).toBe(0)
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(4)
  })
})

describe('catalog export to a reader that stops early', () => {
  test('ends quietly with exit 0, as `| head` expects', async () => {
    expect((await cli(['seed', '--products', '3000', '--yes'])).code).toBe(0)
    // head takes one line and leaves; the export still has a megabyte to write into the closed pipe.
    const script = `"$0" "$@" 2>"$ERR"; echo $? >"$CODE"`
    const [err, code] = [join(home, 'head.err'), join(home, 'head.code')]
    const child = Bun.spawn(
      [
        'bash',
        '-c',
        `(${script}) | head -n 1`,
        process.execPath,
        cliEntry,
        'catalog',
        'export',
        '--url',
        fake.url,
      ],
      { env: { ...process.env, MYSHOP_HOME: home, NO_COLOR: '1', ERR: err, CODE: code }, stdout: 'pipe' },
    )
    const first = await new Response(child.stdout).text()
    expect(await child.exited).toBe(0)
    expect(JSON.parse(first).sku).toBe('APP-000001')
    expect(await readFile(err, 'utf8')).toBe('')
    expect((await readFile(code, 'utf8')).trim()).toBe('0')
  })
})

describe('confirmation without a terminal', () => {
  test('seed is refused without --yes and sends nothing', async () => {
    const result = await cli(['seed', '--products', '5'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      `Add 5 generated products to the catalog of ${fake.url}? Nobody can answer on a non-terminal stdin: add --yes to go ahead.`,
    )
    expect(fake.count('/api/v1/catalog/import')).toBe(0)
  })

  test('an import into a shop on another machine is refused without --yes before anything is sent', async () => {
    const path = await file('remote.csv', goodCsv)
    const result = await runCli(['catalog', 'import', path, '--url', 'http://shop.example.invalid'], { home })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`Import 4 rows from ${path} into http://shop.example.invalid?`)
    expect(result.stderr).toContain('add --yes to go ahead')
    // A dry run changes nothing, so it is not asked about (here it then fails to reach the shop).
    const dry = await runCli(
      ['catalog', 'import', path, '--dry-run', '--url', 'http://shop.example.invalid'],
      {
        home,
      },
    )
    expect(dry.stderr).not.toContain('--yes')
  })
})

describe('catalog reindex', () => {
  test('prints the engine and how many products were indexed', async () => {
    await cli(['catalog', 'import', await file('catalog.csv', goodCsv)])
    const result = await cli(['catalog', 'reindex'])
    expect(result).toMatchObject({ code: 0, stdout: 'Reindexed 4 products (memory)\n' })
    expect(JSON.parse((await cli(['catalog', 'reindex', '--json'])).stdout)).toEqual({
      engine: 'memory',
      indexed: 4,
    })
  })
})

describe('seed', () => {
  test('generates N products through the import endpoint in batches, the same for the same seed', async () => {
    const result = await cli(['seed', '--products', '2500', '--seed', '7', '--json', '--yes'])
    expect(result.code).toBe(0)
    const rows = fake.imports.flatMap((i) => i.rows)
    const units = rows.reduce((sum, row) => sum + seedQuantity(7, row.sku as string), 0)
    expect(JSON.parse(result.stdout)).toEqual({
      created: rows.length,
      updated: 0,
      failed: [],
      stock: { stocked: rows.length, units, unchanged: 0, failed: [] },
    })
    expect(rows.length).toBeGreaterThan(3000)
    expect(fake.imports.every((i) => i.rows.length <= 1000)).toBe(true)
    // A product's variants travel together: no slug is in two requests.
    const slugsPerBatch = fake.imports.map((i) => new Set(i.rows.flatMap((r) => (r.slug ? [r.slug] : []))))
    const slugs = slugsPerBatch.flatMap((set) => [...set])
    expect(new Set(slugs).size).toBe(slugs.length)
    const products = [...fake.products.values()]
    expect(products).toHaveLength(2500)
    const multi = products.filter((p) => p.variants.length > 1)
    expect(multi.length).toBeGreaterThan(700)
    expect(multi.every((p) => p.variants.every((v) => Object.keys(v.options).length > 0))).toBe(true)
    expect(products.some((p) => p.variants.some((v) => v.compareAtPrice !== null))).toBe(true)
    expect(products.map((p) => p.name)).toContain('iPhone 15 128 GB')
    expect(products.filter((p) => p.status === 'draft').length).toBeGreaterThan(50)
    const again = await cli(['seed', '--products', '2500', '--seed', '7', '--json', '--yes'])
    expect(JSON.parse(again.stdout)).toEqual({
      created: 0,
      updated: rows.length,
      failed: [],
      stock: { stocked: 0, units: 0, unchanged: rows.length, failed: [] },
    })
    expect(fake.products.size).toBe(2500)
  })

  test('says how many rows the products take, then how the import went', async () => {
    const result = await cli(['seed', '--products', '30', '--seed', '3', '--yes'])
    expect(result.code).toBe(0)
    const [first, second] = result.stdout.split('\n')
    const rows = Number(/^30 products in (\d+) rows \(one per variant\)$/.exec(first!)?.[1])
    expect(rows).toBeGreaterThan(30)
    expect(second).toMatch(
      new RegExp(`^${rows} rows in \\d+\\.\\d s .*: \\d+ created, \\d+ updated, 0 failed$`),
    )
  })

  test('--products is required and must be a positive number', async () => {
    expect((await cli(['seed'])).code).toBe(2)
    expect((await cli(['seed', '--products', '0'])).code).toBe(2)
    expect(fake.requests).toHaveLength(0)
  })
})
