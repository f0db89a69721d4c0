import { describe, expect, test } from 'bun:test'
import { type ApiClient, ApiError, type Stock } from '../src/api-client.ts'
import { CliError } from '../src/errors.ts'
import { applyStockLevels, planStockLevels, seedQuantity } from '../src/inventory/levels.ts'
import { parseStockFile } from '../src/inventory/stock-file.ts'

describe('parseStockFile', () => {
  test('reads columns in any order and case, a BOM, CRLF and blank lines; an empty location is default', () => {
    const text = '\uFEFFOn_Hand,Location,SKU\r\n5,berlin,A-1\r\n\r\n0,,B-1\n 7 , default , C-1 \n'
    expect(parseStockFile(text)).toEqual({
      targets: [
        { line: 2, sku: 'A-1', location: 'berlin', onHand: 5 },
        { line: 4, sku: 'B-1', location: 'default', onHand: 0 },
        { line: 5, sku: 'C-1', location: 'default', onHand: 7 },
      ],
      failed: [],
    })
  })

  test('numbers a line by where its record starts, past quoted line breaks', () => {
    const { failed } = parseStockFile('sku,location,on_hand\n"A\n-1",default,1\nB-1,default,x\n')
    expect(failed.map((f) => f.line)).toEqual([2, 4])
  })

  test('the same SKU at two locations is two lines; twice at one location names the first line', () => {
    const { targets, failed } = parseStockFile('sku,location,on_hand\nA,default,1\nA,berlin,2\nA,,3\n')
    expect(targets).toHaveLength(2)
    expect(failed).toEqual([
      { line: 4, sku: 'A', errors: [{ path: '/sku', message: 'default is set on line 2 too' }] },
    ])
  })

  test('a header without every column, or with others, is a usage error naming them', () => {
    for (const [text, message] of [
      ['sku,on_hand\nA,1\n', 'missing location'],
      ['sku,location,on_hand,price\nA,d,1,2\n', 'unknown price'],
      ['sku,location,on_hand,sku\nA,d,1,A\n', 'repeated sku'],
      ['', 'missing sku, location, on_hand'],
    ] as const) {
      const error = (() => {
        try {
          parseStockFile(text)
        } catch (caught) {
          return caught
        }
      })()
      expect(error).toBeInstanceOf(CliError)
      expect((error as CliError).exitCode).toBe(2)
      expect((error as CliError).message).toContain(message)
    }
  })
})

/** An API client answering reads from `stock` and recording adjustments; `fail` may throw for a call first. */
const stubApi = (stock: Record<string, Stock | undefined>, fail: (call: string) => void = () => {}) => {
  const adjustments: { sku: string; delta: number; reason: string; location?: string | undefined }[] = []
  const notFound = () =>
    new ApiError({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No stock is kept for this SKU',
    })
  const api = {
    getStock: async (sku: string) => {
      fail(`get ${sku}`)
      const found = stock[sku]
      if (!found) throw notFound()
      return found
    },
    adjustStock: async (sku: string, input: { delta: number; reason: string; location?: string }) => {
      fail(`adjust ${sku}`)
      adjustments.push({ sku, ...input })
      return {} as never
    },
  } as unknown as ApiClient
  return { api, adjustments }
}

const counted = (sku: string, onHand: number, reserved = 0): Stock => ({
  sku,
  available: onHand - reserved,
  status: 'in_stock',
  threshold: null,
  locations: [{ location: 'default', onHand, reserved, available: onHand - reserved }],
})

describe('planStockLevels and applyStockLevels', () => {
  test('a 429 with a Retry-After in reach is waited out and the request sent again', async () => {
    let refused = 0
    const { api, adjustments } = stubApi({ 'A-1': counted('A-1', 2) }, (call) => {
      if (call.startsWith('adjust') && refused++ < 2)
        throw new ApiError({
          status: 429,
          code: 'rate_limited',
          title: 'Too many requests',
          retryAt: new Date(Date.now() + 50),
        })
    })
    const plan = await planStockLevels([{ line: 2, sku: 'A-1', location: 'default', onHand: 5 }], { api })
    expect(plan.changes).toEqual([{ line: 2, sku: 'A-1', location: 'default', from: 2, to: 5, delta: 3 }])
    const applied = await applyStockLevels(plan.changes, 'import', { api })
    expect(applied).toEqual({ changed: plan.changes, failed: [] })
    expect(adjustments).toEqual([{ sku: 'A-1', delta: 3, reason: 'import', location: 'default' }])
    expect(refused).toBe(3)
  })

  test('a SKU not counted yet is read again until it is, within the wait given', async () => {
    const stock: Record<string, Stock | undefined> = {}
    let reads = 0
    const { api } = stubApi(stock, () => {
      if (++reads === 3) stock['A-1'] = counted('A-1', 0)
    })
    const target = { line: 1, sku: 'A-1', location: 'default', onHand: 4 }
    expect((await planStockLevels([target], { api, waitForSkusMs: 5_000 })).changes).toHaveLength(1)
    const never = stubApi({}).api
    const plan = await planStockLevels([target], { api: never })
    expect(plan.failed).toEqual([
      { line: 1, sku: 'A-1', errors: [{ path: '/sku', message: 'MyShop keeps no stock for this SKU' }] },
    ])
  })

  test('an adjustment refused on its own (stock reserved meanwhile) fails its line; the others still go', async () => {
    const { api, adjustments } = stubApi({}, (call) => {
      if (call === 'adjust B-1')
        throw new ApiError({
          status: 409,
          code: 'insufficient_stock',
          title: 'Not enough stock',
          detail: 'B-1 has 1 available at default, fewer than the 2 counted out',
        })
    })
    const changes = [
      { line: 2, sku: 'A-1', location: 'default', from: 0, to: 1, delta: 1 },
      { line: 3, sku: 'B-1', location: 'default', from: 3, to: 1, delta: -2 },
    ]
    const applied = await applyStockLevels(changes, 'import', { api, concurrency: 1 })
    expect(applied.changed).toEqual(changes.slice(0, 1))
    expect(applied.failed).toEqual([
      {
        line: 3,
        sku: 'B-1',
        errors: [{ path: '', message: 'B-1 has 1 available at default, fewer than the 2 counted out' }],
      },
    ])
    expect(adjustments.map((a) => a.sku)).toEqual(['A-1'])
  })
})

describe('seedQuantity', () => {
  test('is 10..100, the same for the same seed and SKU, and differs between seeds', () => {
    const skus = Array.from({ length: 500 }, (_, i) => `SKU-${i}`)
    const quantities = skus.map((sku) => seedQuantity(1, sku))
    expect(quantities.every((q) => Number.isInteger(q) && q >= 10 && q <= 100)).toBe(true)
    expect(new Set(quantities).size).toBeGreaterThan(50)
    expect(skus.map((sku) => seedQuantity(1, sku))).toEqual(quantities)
    expect(skus.map((sku) => seedQuantity(2, sku))).not.toEqual(quantities)
  })
})
