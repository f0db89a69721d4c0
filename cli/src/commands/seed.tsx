import { type Command, InvalidArgumentError } from 'commander'
import { readCatalog } from '../analytics/catalog.ts'
import { type HistoryEvent, type HistoryOrder, historyEvents, historyOrders } from '../analytics/history.ts'
import { placeLiveOrders } from '../analytics/live-orders.ts'
import { sendHistory } from '../analytics/send-history.tsx'
import { ApiError } from '../api-client.ts'
import { generateCatalog } from '../catalog/generator.ts'
import type { SourceItem } from '../catalog/rows.ts'
import { runImport } from '../catalog/run-import.tsx'
import type { ActionEnv, CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'
import {
  applyStockLevels,
  planStockLevels,
  type StockLevelsOptions,
  seedQuantity,
} from '../inventory/levels.ts'
import { defaultLocation } from '../inventory/stock-file.ts'
import type { Output } from '../output.tsx'
import { confirm } from '../prompt.tsx'
import { batchSize } from './catalog.tsx'

/** A commander parser of a whole number in min..max. */
const wholeNumber =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number ${min}..${max}`)
    return n
  }

const count = wholeNumber(1, 10_000_000)
const seedNumber = wholeNumber(0, 0xffffffff)
const days = wholeNumber(1, 365)
const liveCount = wholeNumber(0, 100)

type SeedOptions = {
  products?: number
  orders?: number
  events?: number
  days: number
  customers?: number
  liveOrders?: number
  seed: number
  batchSize: number
  stock: boolean
  yes?: boolean
}

// The inventory service learns of a product from its product.created event, a moment after the import answered.
const newSkuWaitMs = 60_000

// Each import's progress label and what it counts; a batch is what one request of the analytics API takes at most.
const historyImports = {
  orders: { label: 'Orders', unit: 'orders', batchSize: 500, idOf: (order: HistoryOrder) => order.orderId },
  events: { label: 'Events', unit: 'events', batchSize: 1000, idOf: (event: HistoryEvent) => event.id },
}

const n = (count: number) => count.toLocaleString('en')

/**
 * `myshop seed`: demo data, the same for the same seed. `--products N`: a realistic catalog through the import API,
 * and its stock (each SKU's on hand set to a quantity drawn from the seed, by adjustments with the reason `seed`).
 * `--orders N --events N`: a history of the last `--days` days selling the live catalog, imported into analytics
 * (ids derive from the seed, so seeding again adds nothing twice), and a few real orders placed now.
 */
export const registerSeed = (program: Command, { action }: CommandContext): void => {
  action<SeedOptions>(
    program
      .command('seed')
      .description(
        'fill the catalog with generated products and analytics with a generated history (the same for the same --seed)',
      )
      .option('--products <n>', 'how many products', count)
      .option('--orders <n>', 'paid orders in the history (sells the live catalog)', count)
      .option('--events <n>', 'tracked shopper events in the history (sessions around the orders)', count)
      .option('--days <n>', 'days the history covers, up to today (1..365)', days, 90)
      .option('--customers <n>', 'distinct customers at most (default: three for every four orders)', count)
      .option(
        '--live-orders <n>',
        'real orders a new shopper places now through checkout (0..100; default: the orders, at most 5)',
        liveCount,
      )
      .option('--seed <s>', 'random seed', seedNumber, 1)
      .option('--batch-size <n>', 'catalog rows per request (1..2000)', batchSize, 1000)
      .option('--no-stock', 'leave the stock of the products as it is')
      .option('--yes', 'add the data without asking'),
    async ({ opts, api, out, url, deps }) => {
      const { products, orders = 0, events = 0, seed } = opts
      const live = opts.liveOrders ?? Math.min(orders, 5)
      if (!products && !orders && !events && !live)
        throw new CliError(
          'usage',
          'nothing to seed: give --products N, --orders N, --events N or --live-orders N',
          exitCodes.usage,
        )
      // Products sold in variants take a row each: the progress bar counts rows, so they are counted first.
      let rows = 0
      if (products) {
        for (const _ of generateCatalog({ products, seed })) rows++
        out.line(`${n(products)} products in ${n(rows)} rows (one per variant)`)
      }
      // Generated data lands among the real (and products update any with the same SKUs): asked first.
      const history = [orders && `${n(orders)} orders`, events && `${n(events)} tracked events`].filter(
        Boolean,
      )
      const parts = [
        products && `${n(products)} generated products`,
        history.length && `a ${opts.days}-day history of ${history.join(' and ')}`,
        live && `${n(live)} live orders placed by a new shopper`,
      ].filter(Boolean)
      await confirm(
        deps,
        parts.length === 1 && products
          ? `Add ${n(products)} generated products to the catalog of ${url}?`
          : `Add ${parts.join(', ')} to ${url}?`,
        opts.yes,
      )
      let report: Record<string, unknown> = {}
      let code: number = exitCodes.ok
      if (products) {
        const seeded = await seedProducts(opts, { products, rows, api, out, deps })
        report = seeded.report
        code = seeded.code
      }
      if (!orders && !events && !live) {
        if (out.json) out.printJson(report)
        return code
      }
      const catalog = await out.during('Reading the catalog', () => readCatalog(api))
      // The history ends where today begins: today's orders are the live ones.
      const end = new Date(deps.now())
      end.setUTCHours(0, 0, 0, 0)
      const options = { seed, orders, events, days: opts.days, customers: opts.customers, end, catalog }
      const shared = { out, signal: deps.signal }
      const imported = [
        orders
          ? await sendHistory({
              ...shared,
              ...historyImports.orders,
              items: historyOrders(options),
              total: orders,
              send: (batch) => api.importAnalyticsOrders(batch),
            })
          : undefined,
        events
          ? await sendHistory({
              ...shared,
              ...historyImports.events,
              items: historyEvents(options),
              total: events,
              send: (batch) => api.importAnalyticsEvents(batch),
            })
          : undefined,
      ] as const
      const [orderSummary, eventSummary] = imported
      if (orderSummary) report.orders = orderSummary
      if (eventSummary) report.events = eventSummary
      if (imported.some((summary) => summary?.rejected.length)) code = exitCodes.failure
      if (live) {
        const placed = await out.during('Placing live orders', () =>
          placeLiveOrders({ api, catalog, count: live, seed, now: deps.now }),
        )
        report.liveOrders = placed
        if (placed.failed.length) code = exitCodes.failure
        if (!out.json) {
          out.line(
            `Live orders: ${placed.placed.length} of ${live} placed${placed.shopper ? ` by ${placed.shopper}` : ''}`,
          )
          for (const failure of placed.failed)
            out.note(
              `live order refused at ${failure.step}: ${failure.message} (--live-orders 0 leaves them out)`,
            )
        }
      }
      if (out.json) out.printJson(report)
      return code
    },
  )
}

/** The catalog part of a seed: the products through the import API, then their stock unless --no-stock. */
const seedProducts = async (
  opts: SeedOptions,
  {
    products,
    rows,
    api,
    out,
    deps,
  }: { products: number; rows: number } & Pick<ActionEnv<SeedOptions>, 'api' | 'out' | 'deps'>,
): Promise<{ report: Record<string, unknown>; code: number }> => {
  const { seed } = opts
  async function* source(): AsyncGenerator<SourceItem> {
    for (const row of generateCatalog({ products, seed })) yield { row }
  }
  // The import's JSON is held back, to be printed once with what stocking did.
  let imported: Record<string, unknown> = {}
  const code = await runImport({
    label: 'Seeding',
    source: source(),
    total: rows,
    batchSize: opts.batchSize,
    api,
    out: out.json ? { ...out, printJson: (value) => (imported = value as typeof imported) } : out,
    signal: deps.signal,
  })
  if (!opts.stock) return { report: imported, code }
  const stocked = await stock(out, { api, signal: deps.signal, products, seed })
  return { report: { ...imported, stock: stocked }, code: stocked.failed.length ? exitCodes.failure : code }
}

/**
 * Sets the on hand of every generated SKU at the default location to its seed quantity: a SKU already holding it
 * is left alone, so seeding twice stocks once.
 */
const stock = async (
  out: Output,
  {
    api,
    signal,
    products,
    seed,
  }: Pick<StockLevelsOptions, 'api' | 'signal'> & { products: number; seed: number },
) => {
  const targets = [...generateCatalog({ products, seed })].map(({ line, sku }) => ({
    line,
    sku,
    location: defaultLocation,
    onHand: seedQuantity(seed, sku),
  }))
  const options = { api, signal, waitForSkusMs: newSkuWaitMs }
  const result = await out
    .during('Stocking', async () => {
      const plan = await planStockLevels(targets, options)
      const applied = await applyStockLevels(plan.changes, 'seed', options)
      return { ...applied, unchanged: plan.unchanged, failed: [...plan.failed, ...applied.failed] }
    })
    .catch((error: unknown) => {
      // A catalog manager may add products but not count stock: the products stay, and the way on is said.
      const refused =
        (error instanceof ApiError && error.status === 403) ||
        (error instanceof CliError && error.code === 'not_permitted')
      if (!refused) throw error
      throw new CliError(
        'not_permitted',
        'the products were added, but stocking them needs inventory:write (an inventory manager or an ' +
          'administrator): run the same seed again as one, or add --no-stock',
      )
    })
  const units = result.changed.reduce((sum, change) => sum + change.delta, 0)
  const summary = {
    stocked: result.changed.length,
    units,
    unchanged: result.unchanged,
    failed: result.failed,
  }
  if (!out.json) {
    out.line(
      `Stocked ${summary.stocked.toLocaleString('en')} SKUs with ${units.toLocaleString('en')} units ` +
        `(${summary.unchanged.toLocaleString('en')} already held their seed quantity, ${summary.failed.length} failed)`,
    )
    for (const failure of summary.failed.slice(0, 20))
      out.note(`row ${failure.line} ${failure.sku}: ${failure.errors.map((e) => e.message).join('; ')}`)
  }
  return summary
}
