import { type Command, InvalidArgumentError } from 'commander'
import { generateCatalog } from '../catalog/generator.ts'
import type { SourceItem } from '../catalog/rows.ts'
import { runImport } from '../catalog/run-import.tsx'
import type { CommandContext } from '../command.ts'
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

type SeedOptions = { products: number; seed: number; batchSize: number; yes?: boolean }

/** `myshop seed --products N`: a realistic demo catalog, the same for the same seed, through the import API. */
export const registerSeed = (program: Command, { action }: CommandContext): void => {
  action<SeedOptions>(
    program
      .command('seed')
      .description('fill the catalog with generated products (the same ones for the same --seed)')
      .requiredOption('--products <n>', 'how many products', count)
      .option('--seed <s>', 'random seed', seedNumber, 1)
      .option('--batch-size <n>', 'rows per request (1..2000)', batchSize, 1000)
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
      return runImport({
        label: 'Seeding',
        source: source(),
        total: rows,
        batchSize: opts.batchSize,
        api,
        out,
        signal: deps.signal,
      })
    },
  )
}
