import { type Command, InvalidArgumentError } from 'commander'
import { ApiError } from '../api-client.ts'
import { generateCatalog } from '../catalog/generator.ts'
import type { SourceItem } from '../catalog/rows.ts'
import { runImport } from '../catalog/run-import.tsx'
import type { CommandContext } from '../command.ts'
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

const count = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new InvalidArgumentError('expected a whole number 1..10000000')
  return n
}

const seedNumber = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new InvalidArgumentError('expected a whole number 0..4294967295')
  return n
}

type SeedOptions = { products: number; seed: number; batchSize: number; stock: boolean; yes?: boolean }

// The inventory service learns of a product from its product.created event, a moment after the import answered.
const newSkuWaitMs = 60_000

/**
 * `myshop seed --products N`: a realistic demo catalog, the same for the same seed, through the import API, and
 * its stock: each SKU's on hand set to a quantity drawn from the seed, by adjustments with the reason `seed`.
 */
export const registerSeed = (program: Command, { action }: CommandContext): void => {
  action<SeedOptions>(
    program
      .command('seed')
      .description('fill the catalog with generated products (the same ones for the same --seed)')
      .requiredOption('--products <n>', 'how many products', count)
      .option('--seed <s>', 'random seed', seedNumber, 1)
      .option('--batch-size <n>', 'rows per request (1..2000)', batchSize, 1000)
      .option('--no-stock', 'leave the stock of the products as it is')
      .option('--yes', 'add the products without asking'),
    async ({ opts, api, out, url, deps }) => {
      const { products, seed } = opts
      // Products sold in variants take a row each: the progress bar counts rows, so they are counted first.
      let rows = 0
      for (const _ of generateCatalog({ products, seed })) rows++
      out.line(
        `${products.toLocaleString('en')} products in ${rows.toLocaleString('en')} rows (one per variant)`,
      )
      // Generated products land among the real ones (and update any with the same SKUs): asked first.
      await confirm(
        deps,
        `Add ${products.toLocaleString('en')} generated products to the catalog of ${url}?`,
        opts.yes,
      )
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
      if (!opts.stock) {
        if (out.json) out.printJson(imported)
        return code
      }
      const stocked = await stock(out, { api, signal: deps.signal, products, seed })
      if (out.json) out.printJson({ ...imported, stock: stocked })
      return stocked.failed.length ? exitCodes.failure : code
    },
  )
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
