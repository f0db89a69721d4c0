import { describe, expect, test } from 'bun:test'
import { Readable } from 'node:stream'
import { decodeOptions, slugPattern } from '@myshop/catalog-format'
import { formatDecimalPrice as formatPrice } from '@myshop/money'
import { ApiError } from '../src/api-client.ts'
import { csvLine, detectDelimiter, parseCsv, scanCsv } from '../src/catalog/csv.ts'
import { generateCatalog, seedBrands, seedCategories } from '../src/catalog/generator.ts'
import { countJsonl, parseJsonl } from '../src/catalog/jsonl.ts'
import type { ImportRow, SourceItem } from '../src/catalog/rows.ts'
import { importBatches } from '../src/catalog/send.ts'
import { CliError } from '../src/errors.ts'

const header = 'sku,name,description,brand,category,price,currency,status'

/** The text in chunks of `size` bytes, so state carried across chunk boundaries is exercised. */
async function* chunksOf(text: string, size = 3): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size)
}

const collect = async (items: AsyncIterable<SourceItem>) => {
  const all: SourceItem[] = []
  for await (const item of items) all.push(item)
  return all
}

const csv = (text: string) => collect(parseCsv(Readable.from(chunksOf(text, 7))))
const jsonl = (text: string) => collect(parseJsonl(Readable.from(chunksOf(text, 5))))
const rows = (items: SourceItem[]) => items.flatMap((i) => ('row' in i ? [i.row] : []))
const failures = (items: SourceItem[]) => items.flatMap((i) => ('failure' in i ? [i.failure] : []))

describe('CSV', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks, and numbers rows by their first line', async () => {
    const items = await csv(
      `\uFEFF${header}\n` +
        'P-1,"Phone, 128 GB","Says ""hi""\nand more\non three lines",Apex,Electronics > Phones,12.99,EUR,active\n' +
        '\n' +
        'P-2,Plain,,,,5,EUR,\r\n' +
        'P-3,"Last, no newline",d,b,Home,1.50,EUR,draft',
    )
    expect(failures(items)).toEqual([])
    expect(rows(items)).toEqual([
      {
        line: 2,
        sku: 'P-1',
        name: 'Phone, 128 GB',
        description: 'Says "hi"\nand more\non three lines',
        brand: 'Apex',
        category: 'Electronics > Phones',
        price: '12.99',
        currency: 'EUR',
        status: 'active',
      },
      // Empty optional fields are left out, so an update keeps what the product had.
      { line: 6, sku: 'P-2', name: 'Plain', price: '5', currency: 'EUR' },
      {
        line: 7,
        sku: 'P-3',
        name: 'Last, no newline',
        description: 'd',
        brand: 'b',
        category: 'Home',
        price: '1.50',
        currency: 'EUR',
        status: 'draft',
      },
    ])
  })

  test('takes the header in any order and case, with the BOM stripped', async () => {
    const items = await csv('\uFEFFPrice, SKU ,Currency,Name\n3.00,X-1,USD,Thing\n')
    expect(rows(items)).toEqual([{ line: 2, sku: 'X-1', name: 'Thing', price: '3.00', currency: 'USD' }])
  })

  test('a record with the wrong number of fields is a failed row with its line; the rest still come', async () => {
    const items = await csv(`${header}\nA,a,,,,1,EUR,\nB,b,1\nC,c,,,,2,EUR,,extra\nD,d,,,,3,EUR,\n`)
    expect(rows(items).map((r) => [r.line, r.sku])).toEqual([
      [2, 'A'],
      [5, 'D'],
    ])
    expect(failures(items)).toEqual([
      { line: 3, sku: 'B', errors: [{ path: '', message: 'has 3 fields, the header has 8' }] },
      { line: 4, sku: 'C', errors: [{ path: '', message: 'has 9 fields, the header has 8' }] },
    ])
  })

  test('a stray quote inside a field is kept as text', async () => {
    const items = await csv('sku,name,price,currency\nT-1,27" monitor,199,EUR\n')
    expect(rows(items)[0]?.name).toBe('27" monitor')
  })

  test('unknown, duplicate or missing columns are a usage error before any row', async () => {
    const error = await csv('sku,name,prise,currency,colour\nA,a,1,EUR,red\n').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
    expect((error as CliError).message).toContain('unknown columns "prise", "colour"')
    expect((error as CliError).message).toContain('missing column price')
    const dup = await csv('sku,name,price,currency,sku\n').catch((e: unknown) => e)
    expect((dup as CliError).message).toContain('duplicate column sku')
  })

  test('a quote never closed stops the stream with a clear error', async () => {
    const error = await csv(`${header}\nA,a,,,,1,EUR,\nB,"never closed,,,,1,EUR,\nC,c,,,,1,EUR,\n`).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).message).toBe('line 3: a quoted field is never closed')
  })

  test('the scan counts records (not lines) across chunk boundaries and finds an unclosed quote', async () => {
    const text = `\uFEFF${header}\n"a\nb",x,,,,1,EUR,\n\nc,"q""\n",,,,1,EUR,\r\nd,e,,,,1,EUR,`
    for (const size of [1, 2, 3, 1024]) {
      expect(await scanCsv(chunksOf(text, size))).toEqual({ records: 3, unclosedQuoteLine: null })
    }
    expect(await scanCsv(chunksOf(`${header}\nA,a\nB,"b\nc\n`, 1))).toEqual({
      records: 1,
      unclosedQuoteLine: 3,
    })
    expect(await scanCsv(chunksOf(''))).toEqual({ records: 0, unclosedQuoteLine: null })
  })

  test('a file saved with semicolons or tabs is read by the separator its header uses', async () => {
    // As a spreadsheet set to a European locale saves it: BOM, semicolons, CRLF, a decimal comma's neighbours
    // quoted when they hold the separator.
    const semicolons =
      '\uFEFFsku;name;slug;options;price;currency\r\n' +
      'J-S;Storm Jacket;storm-jacket;"Size=S; Colour=Navy";129.00;EUR\r\n' +
      'J-M;Storm Jacket;storm-jacket;"Size=M; Colour=Navy";129.00;EUR\r\n'
    expect(detectDelimiter(semicolons.split('\r\n')[0]!)).toBe(';')
    const items = await collect(parseCsv(Readable.from(chunksOf(semicolons, 7)), ';'))
    expect(failures(items)).toEqual([])
    expect(rows(items).map((r) => [r.line, r.sku, r.options])).toEqual([
      [2, 'J-S', 'Size=S; Colour=Navy'],
      [3, 'J-M', 'Size=M; Colour=Navy'],
    ])
    expect(await scanCsv(chunksOf(semicolons, 2), ';')).toEqual({ records: 2, unclosedQuoteLine: null })

    const tabs = 'sku\tname\tprice\tcurrency\nT-1\tA, with a comma\t3.00\tEUR\n'
    expect(detectDelimiter('sku\tname\tprice\tcurrency')).toBe('\t')
    expect(rows(await collect(parseCsv(Readable.from(chunksOf(tabs)), '\t')))).toEqual([
      { line: 2, sku: 'T-1', name: 'A, with a comma', price: '3.00', currency: 'EUR' },
    ])
    // Commas win when nothing does better, so a header that is not a catalog's is reported as usual.
    expect(detectDelimiter(header)).toBe(',')
    expect(detectDelimiter('Artikel;Preis')).toBe(',')
  })

  test('csvLine neutralises cells a spreadsheet would run as formulas, and parseCsv restores them', async () => {
    const fields = [
      'S-2',
      '=HYPERLINK("https://evil.example","Click")',
      '\tTabbed',
      '+Brand',
      '@Home',
      '1.00',
      'EUR',
      '',
    ]
    const line = csvLine(fields)
    expect(line).toBe(
      'S-2,"\'=HYPERLINK(""https://evil.example"",""Click"")","\'\tTabbed","\'+Brand","\'@Home",1.00,EUR,',
    )
    const [item] = await csv(`${header}\n${line}\n`)
    expect(item).toEqual({
      row: {
        line: 2,
        sku: 'S-2',
        name: '=HYPERLINK("https://evil.example","Click")',
        description: '\tTabbed',
        brand: '+Brand',
        category: '@Home',
        price: '1.00',
        currency: 'EUR',
      },
    })
  })

  test('csvLine quotes only what needs it and parses back to the same fields', async () => {
    const fields = [
      'S-1',
      'Cable, 2 m',
      'He said "yes"\nthen left',
      ' padded',
      'Home > Kitchen',
      '0.05',
      'EUR',
      'active',
    ]
    expect(csvLine(fields)).toBe(
      'S-1,"Cable, 2 m","He said ""yes""\nthen left"," padded",Home > Kitchen,0.05,EUR,active',
    )
    const [item] = await csv(`${header}\n${csvLine(fields)}\n`)
    expect(item).toEqual({
      row: {
        line: 2,
        sku: 'S-1',
        name: 'Cable, 2 m',
        description: 'He said "yes"\nthen left',
        brand: ' padded',
        category: 'Home > Kitchen',
        price: '0.05',
        currency: 'EUR',
        status: 'active',
      },
    })
  })
})

describe('JSON Lines', () => {
  test('reads one object a line, skipping blank lines but counting them', async () => {
    const items = await jsonl(
      '\uFEFF{"sku":"J-1","name":"One","price":"1.00","currency":"EUR","brand":null}\n\n' +
        '{"sku":"J-2","name":"Two","price":2.5,"currency":"EUR","category":"Home > Garden"}\r\n',
    )
    expect(rows(items)).toEqual([
      { line: 1, sku: 'J-1', name: 'One', price: '1.00', currency: 'EUR' },
      { line: 3, sku: 'J-2', name: 'Two', price: '2.5', currency: 'EUR', category: 'Home > Garden' },
    ])
    expect(await countJsonl(chunksOf('{"a":1}\n\n  \n{"b":2}', 2))).toBe(2)
  })

  test('a line that is not an object, or has a field of the wrong type, fails on its own line', async () => {
    const items = await jsonl(
      '{"sku":"J-1","name":"One","price":"1","currency":"EUR"}\n{"sku": oops}\n[1]\n{"sku":"J-4","name":7,"price":"1","currency":"EUR","colour":"red"}\n',
    )
    expect(rows(items).map((r) => r.line)).toEqual([1])
    expect(failures(items)).toEqual([
      { line: 2, sku: '', errors: [{ path: '', message: expect.stringMatching(/^not JSON/) }] },
      { line: 3, sku: '', errors: [{ path: '', message: 'not a JSON object' }] },
      {
        line: 4,
        sku: 'J-4',
        errors: [
          { path: '/name', message: 'must be a string' },
          { path: '/colour', message: 'is not a catalog column' },
        ],
      },
    ])
  })

  test('options and attributes may be objects; numbers and booleans in options are their text', async () => {
    const items = await jsonl(
      '{"sku":"J-1","slug":"tee","name":"Tee","price":"9","currency":"EUR","options":{"Size":42,"Organic":true,"Fit":"a;b"},"attributes":{"cotton":100}}\n' +
        '{"sku":"J-2","slug":"tee","name":"Tee","price":"9","currency":"EUR","options":{"Size":{"eu":44}}}\n',
    )
    expect(rows(items)).toEqual([
      {
        line: 1,
        sku: 'J-1',
        slug: 'tee',
        name: 'Tee',
        price: '9',
        currency: 'EUR',
        options: 'Size=42; Organic=true; Fit=a\\;b',
        attributes: '{"cotton":100}',
      },
    ])
    expect(failures(items)).toEqual([
      { line: 2, sku: 'J-2', errors: [{ path: '/options', message: 'must be a string' }] },
    ])
  })

  test('unknown keys on the first record are a usage error', async () => {
    const error = await jsonl('{"sku":"J-1","title":"One","price":"1","currency":"EUR"}\n').catch(
      (e: unknown) => e,
    )
    expect((error as CliError).exitCode).toBe(2)
    expect((error as CliError).message).toContain('line 1: unknown column "title"')
  })
})

describe('prices', () => {
  test('format minor units with the currency’s digits', () => {
    expect(formatPrice(1299, 'EUR')).toBe('12.99')
    expect(formatPrice(5, 'EUR')).toBe('0.05')
    expect(formatPrice(0, 'USD')).toBe('0.00')
    expect(formatPrice(500, 'JPY')).toBe('500')
    expect(formatPrice(1234, 'KWD')).toBe('1.234')
  })
})

/** Generated rows by product: its slug, or the SKU of a product sold in one variant. */
const byProduct = (rows: ImportRow[]) => {
  const products = new Map<string, ImportRow[]>()
  for (const r of rows) products.set(r.slug ?? r.sku, [...(products.get(r.slug ?? r.sku) ?? []), r])
  return products
}

describe('generated catalog', () => {
  test('is the same for the same seed, different for another, and a prefix of a larger one', () => {
    const a = [...generateCatalog({ products: 500, seed: 7 })]
    expect([...generateCatalog({ products: 500, seed: 7 })]).toEqual(a)
    expect([...generateCatalog({ products: 500, seed: 8 })]).not.toEqual(a)
    const fewer = [...generateCatalog({ products: 200, seed: 7 })]
    expect(fewer).toEqual(a.slice(0, fewer.length))
  })

  test('has exactly N products with unique SKUs, valid prices and realistic spread', () => {
    const all = [...generateCatalog({ products: 20_000, seed: 1 })]
    const products = byProduct(all)
    expect(products.size).toBe(20_000)
    expect(new Set(all.map((r) => r.sku)).size).toBe(all.length)
    expect(all.map((r) => r.line)).toEqual(all.map((_, i) => i + 1))
    for (const row of all) {
      expect(row.sku).toMatch(/^[A-Z]{3}-\d{6}(-\d)?$/)
      expect(row.price).toMatch(/^\d+\.\d{2}$/)
      expect(['EUR', 'USD']).toContain(row.currency)
      expect(seedCategories).toContain(row.category as string)
      expect(seedBrands).toContain(row.brand as string)
      expect(row.name.length).toBeGreaterThan(3)
      if (row.compareAtPrice) expect(Number(row.compareAtPrice)).toBeGreaterThan(Number(row.price))
    }
    const drafts = all.filter((r) => r.status === 'draft').length / all.length
    expect(drafts).toBeGreaterThan(0.03)
    expect(drafts).toBeLessThan(0.07)
    const onSale = all.filter((r) => r.compareAtPrice).length / all.length
    expect(onSale).toBeGreaterThan(0.08)
    expect(onSale).toBeLessThan(0.16)
    expect(seedCategories.length).toBeGreaterThanOrEqual(30)
    expect(seedBrands.length).toBeGreaterThanOrEqual(60)
    expect(new Set(all.map((r) => r.brand)).size).toBe(seedBrands.length)
  })

  test('sells about a third of its products in 2 to 4 variants that differ in one option and share the rest', () => {
    const all = [...generateCatalog({ products: 5_000, seed: 2 })]
    const multi = [...byProduct(all).values()].filter((rows) => rows.length > 1)
    expect(multi.length / 5_000).toBeGreaterThan(0.28)
    expect(multi.length / 5_000).toBeLessThan(0.4)
    for (const rows of multi) {
      expect(rows.length).toBeLessThanOrEqual(4)
      const [first] = rows as [ImportRow]
      // One product: the same slug, name, brand, category and currency on every row, rows next to each other.
      expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => first.line + i))
      for (const r of rows) {
        expect(r).toMatchObject({
          slug: first.slug,
          name: first.name,
          brand: first.brand,
          category: first.category,
          currency: first.currency,
        })
        expect(r.slug).toMatch(new RegExp(slugPattern))
      }
      const options = rows.map((r) => decodeOptions(r.options ?? '')) as { options: Record<string, string> }[]
      const axis = Object.keys(options[0]!.options)[0]!
      expect(new Set(options.map((o) => o.options[axis])).size).toBe(rows.length)
      expect(new Set(options.map((o) => JSON.stringify({ ...o.options, [axis]: '' }))).size).toBe(1)
    }
    const singles = all.filter((r) => !r.slug)
    expect(singles.every((r) => r.options === undefined)).toBe(true)
  })

  test('starts with well-known products and covers every category within the first batch', () => {
    const first = [...generateCatalog({ products: 1000, seed: 3 })]
    expect(first.map((r) => r.name)).toContain('iPhone 15 128 GB')
    expect(first.map((r) => r.name)).toContain('Samsung Galaxy S24 128 GB')
    expect(new Set(first.slice(0, 60).map((r) => r.category))).toEqual(new Set(seedCategories))
    expect(new Set([...generateCatalog({ products: 2, seed: 3 })].map((r) => r.slug ?? r.sku)).size).toBe(2)
  })
})

describe('batches', () => {
  const source = async function* (n: number): AsyncGenerator<SourceItem> {
    for (let i = 1; i <= n; i++) {
      if (i % 10 === 0) yield { failure: { line: i, sku: `S-${i}`, errors: [{ path: '', message: 'bad' }] } }
      else yield { row: { line: i, sku: `S-${i}`, name: 'n', price: '1', currency: 'EUR' } }
    }
  }

  test('sends the first batch alone, then at most two at once, and merges failures by line', async () => {
    let inFlight = 0
    let most = 0
    const concurrentAtStart: number[] = []
    const send = async (batch: ImportRow[]) => {
      inFlight++
      most = Math.max(most, inFlight)
      concurrentAtStart.push(inFlight)
      await Bun.sleep(5)
      inFlight--
      const bad = batch.filter((r) => r.line % 7 === 0)
      return {
        created: batch.length - bad.length,
        updated: 0,
        failed: bad.map((r) => ({ line: r.line, sku: r.sku, errors: [{ path: '/price', message: 'no' }] })),
      }
    }
    const progress: number[] = []
    const result = await importBatches({
      source: source(1000),
      send,
      batchSize: 100,
      onProgress: (t) => progress.push(t.done),
    })
    expect(most).toBe(2)
    expect(concurrentAtStart[0]).toBe(1)
    expect(result.created + result.failed.length).toBe(1000)
    expect(result.failed.map((f) => f.line)).toEqual(
      [...result.failed.map((f) => f.line)].sort((a, b) => a - b),
    )
    const expected = Array.from({ length: 1000 }, (_, i) => i + 1).filter((n) => n % 10 === 0 || n % 7 === 0)
    expect(result.failed.map((f) => f.line)).toEqual(expected)
    expect(progress.at(-1)).toBe(1000)
  })

  test("keeps a product's rows in one batch, and splits only a product larger than a batch", async () => {
    const rows = async function* (): AsyncGenerator<SourceItem> {
      let line = 0
      // Products of 3 rows, then one of 7 rows (larger than a batch of 5).
      for (let p = 0; p < 6; p++)
        for (let v = 0; v < 3; v++)
          yield {
            row: { line: ++line, sku: `P${p}-${v}`, slug: `p${p}`, name: 'n', price: '1', currency: 'EUR' },
          }
      for (let v = 0; v < 7; v++)
        yield { row: { line: ++line, sku: `BIG-${v}`, slug: 'big', name: 'n', price: '1', currency: 'EUR' } }
    }
    const batches: ImportRow[][] = []
    const result = await importBatches({
      source: rows(),
      send: async (batch) => {
        batches.push(batch)
        return { created: batch.length, updated: 0, failed: [] }
      },
      batchSize: 5,
      concurrency: 1,
    })
    expect(result.created).toBe(25)
    expect(batches.map((b) => b.map((r) => r.slug).join(' '))).toEqual([
      'p0 p0 p0',
      'p1 p1 p1',
      'p2 p2 p2',
      'p3 p3 p3',
      'p4 p4 p4',
      'p5 p5 p5',
      'big big big big big',
      'big big',
    ])
  })

  test('a batch refused as too large is sent again in halves, later batches are smaller, and a row too large alone fails', async () => {
    const sizes: number[] = []
    // Takes at most 3 rows a request, and never the row "HUGE".
    const send = async (batch: ImportRow[]) => {
      sizes.push(batch.length)
      if (batch.length > 3 || batch.some((r) => r.sku === 'HUGE'))
        throw new ApiError({ status: 413, code: 'payload_too_large', title: 'Payload too large' })
      return { created: batch.length, updated: 0, failed: [] }
    }
    const rows = async function* (): AsyncGenerator<SourceItem> {
      for (let i = 1; i <= 20; i++)
        yield { row: { line: i, sku: i === 13 ? 'HUGE' : `R-${i}`, name: 'n', price: '1', currency: 'EUR' } }
    }
    const result = await importBatches({ source: rows(), send, batchSize: 8, concurrency: 1 })
    expect(result.created).toBe(19)
    expect(result.failed).toEqual([
      {
        line: 13,
        sku: 'HUGE',
        errors: [
          {
            path: '',
            message: 'is larger than MyShop takes in one request (shorten the row or raise BODY_LIMIT_BYTES)',
          },
        ],
      },
    ])
    // The first batch of 8 is halved until it fits; from then on batches start at the smaller size.
    expect(sizes.slice(0, 7)).toEqual([8, 4, 2, 2, 4, 2, 2])
    expect(Math.max(...sizes.slice(7))).toBeLessThanOrEqual(2)
  })

  test('retries a batch the server failed as a whole once, and stops on other errors', async () => {
    let calls = 0
    const flaky = async (batch: ImportRow[]) => {
      calls++
      if (calls === 1) throw new ApiError({ status: 503, code: 'unavailable', title: 'Unavailable' })
      return { created: batch.length, updated: 0, failed: [] }
    }
    const ok = await importBatches({ source: source(9), send: flaky, batchSize: 100 })
    expect(ok.created).toBe(9)
    expect(calls).toBe(2)
    const denied = async () => {
      throw new ApiError({ status: 403, code: 'forbidden', title: 'Forbidden' })
    }
    await expect(importBatches({ source: source(300), send: denied, batchSize: 100 })).rejects.toMatchObject({
      status: 403,
    })
  })
})
