import { type ApiClient, ApiError, type Stock } from '../api-client.ts'
import { CliError, interrupted } from '../errors.ts'
import type { LineFailure } from '../line-failures.tsx'
import { maxQuantity, type StockTarget } from './stock-file.ts'

/** One location's on hand moved from what it is to what a line asks for, by one adjustment of `delta`. */
export type StockChange = {
  line: number
  sku: string
  location: string
  from: number
  to: number
  delta: number
}

export type StockPlan = { changes: StockChange[]; unchanged: number; failed: LineFailure[] }

export type StockLevelsOptions = {
  api: ApiClient
  /** Aborted by Ctrl-C: no further request is sent. */
  signal?: AbortSignal | undefined
  /**
   * How long a SKU the inventory service does not count yet is waited for: a product just imported reaches it by
   * event, a moment later. 0 (the default) reports such a SKU at once.
   */
  waitForSkusMs?: number
  /** Requests in flight at once. */
  concurrency?: number
  now?: () => number
}

const pollMs = 250
// A 429 names when to try again; a wait longer than this is reported instead of sat through.
const longestWaitMs = 60_000
const rateLimitRetries = 10

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

/**
 * Calls again when MyShop answers 429 with a `Retry-After` in reach: setting many SKUs takes more requests than a
 * minute's rate limit allows, and waiting is what the limit asks for.
 */
const patiently = async <T>(call: () => Promise<T>, { signal, now = Date.now }: StockLevelsOptions) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 429 || !error.retryAt) throw error
      const wait = error.retryAt.getTime() - now()
      if (attempt >= rateLimitRetries || wait > longestWaitMs) throw error
      await sleep(Math.max(wait, 100), signal)
      if (signal?.aborted) throw interrupted()
    }
  }
}

/** Runs `work` on every item, at most `limit` at once; the first failure stops the rest from starting. */
const eachLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0
  let failed = false
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!failed && next < items.length) {
        const item = items[next++] as T
        try {
          await work(item)
        } catch (error) {
          failed = true
          throw error
        }
      }
    }),
  )
}

/** A SKU's stock per location, or undefined when the inventory service counts no such SKU (after waiting). */
const readStock = async (sku: string, options: StockLevelsOptions): Promise<Stock | undefined> => {
  const { api, signal, waitForSkusMs = 0, now = Date.now } = options
  const giveUpAt = now() + waitForSkusMs
  for (;;) {
    if (signal?.aborted) throw interrupted('interrupted; nothing was changed')
    try {
      return await patiently(() => api.getStock(sku), options)
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error
      if (now() >= giveUpAt) return undefined
      await sleep(pollMs, signal)
    }
  }
}

/**
 * Reads every SKU the targets name and works out the adjustment that brings each location to its target. Nothing
 * is written: a SKU MyShop does not count, or a target below what is reserved there, is a failure of its line.
 */
export const planStockLevels = async (
  targets: readonly StockTarget[],
  options: StockLevelsOptions,
): Promise<StockPlan> => {
  const stock = new Map<string, Stock | undefined>()
  await eachLimited([...new Set(targets.map((t) => t.sku))], options.concurrency ?? 8, async (sku) => {
    const read = await readStock(sku, options)
    // Only holders of inventory:read are shown the locations; without them no target can be compared.
    if (read && !read.locations)
      throw new CliError(
        'not_permitted',
        'setting stock needs inventory:read and inventory:write: sign in as an inventory manager or an administrator',
      )
    stock.set(sku, read)
  })
  const plan: StockPlan = { changes: [], unchanged: 0, failed: [] }
  for (const target of targets) {
    const { line, sku, location, onHand: to } = target
    const known = stock.get(sku)
    if (!known) {
      plan.failed.push({
        line,
        sku,
        errors: [{ path: '/sku', message: 'MyShop keeps no stock for this SKU' }],
      })
      continue
    }
    const here = known.locations?.find((l) => l.location === location)
    const from = here?.onHand ?? 0
    const reserved = here?.reserved ?? 0
    if (to < reserved) {
      plan.failed.push({
        line,
        sku,
        errors: [
          { path: '/on_hand', message: `${reserved} reserved at ${location}: on_hand cannot go below that` },
        ],
      })
      continue
    }
    if (Math.abs(to - from) > maxQuantity) {
      plan.failed.push({
        line,
        sku,
        errors: [
          { path: '/on_hand', message: `${from} on hand: one adjustment moves at most ${maxQuantity}` },
        ],
      })
      continue
    }
    if (to === from) plan.unchanged++
    else plan.changes.push({ line, sku, location, from, to, delta: to - from })
  }
  return plan
}

export type AppliedStock = { changed: StockChange[]; failed: LineFailure[] }

/**
 * Posts each planned adjustment with `reason`. One refused (stock reserved meanwhile, a permission) is a failure
 * of its line and the others still go; an unreachable shop or Ctrl-C stops the rest.
 */
export const applyStockLevels = async (
  changes: readonly StockChange[],
  reason: string,
  options: StockLevelsOptions,
): Promise<AppliedStock> => {
  const applied: AppliedStock = { changed: [], failed: [] }
  await eachLimited(changes, options.concurrency ?? 8, async (change) => {
    if (options.signal?.aborted) throw interrupted()
    try {
      await patiently(
        () => options.api.adjustStock(change.sku, { delta: change.delta, reason, location: change.location }),
        options,
      )
      applied.changed.push(change)
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 401 || error.status === 403) throw error
      applied.failed.push({
        line: change.line,
        sku: change.sku,
        errors: error.detail
          ? [{ path: '', message: error.detail }]
          : error.errors.length
            ? error.errors
            : [{ path: '', message: error.title }],
      })
    }
  })
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line
  applied.changed.sort(byLine)
  applied.failed.sort(byLine)
  return applied
}

/**
 * The units `myshop seed` stocks a SKU with: 10..100, the same for the same seed and SKU, so seeding again
 * changes nothing.
 */
export const seedQuantity = (seed: number, sku: string): number => {
  // FNV-1a: a few lines, and spread well enough for demo quantities.
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(`${seed}:${sku}`)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return 10 + (hash % 91)
}
