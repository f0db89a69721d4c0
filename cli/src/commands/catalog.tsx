import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { encodeOptions } from '@myshop/catalog-format'
import { formatDecimalPrice as formatPrice } from '@myshop/money'
import { type Command, InvalidArgumentError, Option } from 'commander'
import type { CatalogProduct, ReindexResult } from '../api-client.ts'
import { type CsvDelimiter, csvLine, detectDelimiter, parseCsv, scanCsv } from '../catalog/csv.ts'
import { countJsonl, parseJsonl } from '../catalog/jsonl.ts'
import { catalogColumns } from '../catalog/rows.ts'
import { runImport } from '../catalog/run-import.tsx'
import type { CommandContext } from '../command.ts'
import { CliError, exitCodes } from '../errors.ts'

type Format = 'csv' | 'jsonl'

/** 1..2000: the import endpoint takes at most 2000 rows a request. */
export const batchSize = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 2000)
    throw new InvalidArgumentError('expected a whole number 1..2000')
  return n
}

const formatOf = (file: string, given: Format | undefined): Format => {
  if (given) return given
  const ext = extname(file).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl'
  throw new CliError(
    'usage_error',
    `cannot tell the format of ${file} from its name: use --format csv or --format jsonl`,
    exitCodes.usage,
  )
}

/** A file's first line (its first 64 KiB at most): the header a CSV starts with. */
const firstLine = async (file: string): Promise<string> => {
  const handle = await open(file)
  try {
    const buffer = Buffer.alloc(1 << 16)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.toString('utf8', 0, bytesRead).split(/\r?\n/, 1)[0] ?? ''
  } finally {
    await handle.close()
  }
}

const formatOption = () => new Option('--format <format>', 'csv or jsonl').choices(['csv', 'jsonl'])

/** The catalog columns of every variant of a product, as import reads them back. */
export const exportRows = (product: CatalogProduct): Record<(typeof catalogColumns)[number], string>[] =>
  [...product.variants]
    .sort((a, b) => a.position - b.position)
    .map((variant) => ({
      sku: variant.sku,
      name: product.name,
      description: product.description,
      brand: product.brand ?? '',
      category: product.categories.map((c) => c.path).join(' | '),
      price: formatPrice(variant.price.amount, variant.price.currency),
      currency: variant.price.currency,
      status: product.status,
      slug: product.slug,
      options: encodeOptions(variant.options),
      compare_at_price: variant.compareAtPrice
        ? formatPrice(variant.compareAtPrice.amount, variant.compareAtPrice.currency)
        : '',
      attributes: Object.keys(product.attributes).length ? JSON.stringify(product.attributes) : '',
    }))

type ImportOptions = { batchSize: number; format?: Format; dryRun?: boolean }
type ExportOptions = { format?: Format; output?: string; delimiter: 'comma' | 'semicolon' | 'tab' }

const delimiters = { comma: ',', semicolon: ';', tab: '\t' } as const satisfies Record<
  ExportOptions['delimiter'],
  CsvDelimiter
>

const reindexPollMs = 500

/** catalog import / export / reindex: bulk catalog work for catalog managers. */
export const registerCatalog = (program: Command, { action, deps }: CommandContext): void => {
  const catalog = program
    .command('catalog')
    .description('import, export and reindex the product catalog (catalog manager)')

  action<ImportOptions>(
    catalog
      .command('import')
      .description('upsert products by SKU from a CSV or JSON Lines file; failed rows are listed by line')
      .argument('<file>', `.csv with a header, or .jsonl; columns ${catalogColumns.join(',')}`)
      .option('--batch-size <n>', 'rows per request (1..2000)', batchSize, 1000)
      .option('--dry-run', 'check every row against the catalog and report, writing nothing')
      .addOption(formatOption()),
    async ({ opts, args, api, out }) => {
      const [file] = args as [string]
      const format = formatOf(file, opts.format)
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) throw new CliError('file_not_found', `no such file: ${file}`)
      let total: number
      const delimiter = format === 'csv' ? detectDelimiter(await firstLine(file)) : ','
      if (format === 'csv') {
        const scan = await scanCsv(createReadStream(file, { highWaterMark: 1 << 20 }), delimiter)
        if (scan.unclosedQuoteLine !== null) {
          throw new CliError(
            'malformed_csv',
            `${file}: line ${scan.unclosedQuoteLine}: a quoted field is never closed (nothing was imported)`,
          )
        }
        total = scan.records
      } else {
        total = await countJsonl(createReadStream(file, { highWaterMark: 1 << 20 }))
      }
      const input = createReadStream(file)
      try {
        return await runImport({
          label: opts.dryRun ? 'Checking' : 'Importing',
          source: format === 'csv' ? parseCsv(input, delimiter) : parseJsonl(input),
          total,
          batchSize: opts.batchSize,
          api,
          out,
          dryRun: opts.dryRun === true,
        })
      } finally {
        input.destroy()
      }
    },
  )

  action<ExportOptions>(
    catalog
      .command('export')
      .description('write every product variant as one catalog row (the columns import reads)')
      .addOption(formatOption())
      .option('--output <file>', 'write to this file instead of stdout')
      .addOption(
        new Option(
          '--delimiter <separator>',
          'CSV field separator (semicolon for spreadsheets in many European locales)',
        )
          .choices(['comma', 'semicolon', 'tab'])
          .default('comma'),
      ),
    async ({ opts, api, out }) => {
      const format =
        opts.format ?? (opts.output && extname(opts.output).toLowerCase() === '.csv' ? 'csv' : 'jsonl')
      const delimiter = delimiters[opts.delimiter]
      const target = opts.output ? createWriteStream(opts.output) : deps.stdout
      const write = async (text: string) => {
        if (!target.write(text)) await once(target, 'drain')
      }
      let products = 0
      let rows = 0
      const work = async () => {
        if (format === 'csv') await write(`${csvLine(catalogColumns, delimiter)}\n`)
        let cursor: string | undefined
        const seen = new Set<string>()
        do {
          const page = await api.exportCatalog({ cursor, limit: 1000 })
          let text = ''
          for (const product of page.items) {
            products++
            for (const row of exportRows(product)) {
              rows++
              if (format === 'csv')
                text += `${csvLine(
                  catalogColumns.map((c) => row[c]),
                  delimiter,
                )}\n`
              else {
                const compact = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''))
                text += `${JSON.stringify(compact)}\n`
              }
            }
          }
          if (text) await write(text)
          // A cursor seen twice would loop forever; stop instead of trusting the server blindly.
          cursor = page.nextCursor && !seen.has(page.nextCursor) ? page.nextCursor : undefined
          if (cursor) seen.add(cursor)
        } while (cursor)
      }
      if (opts.output) {
        const file = target as ReturnType<typeof createWriteStream>
        try {
          await out.during('Exporting', work)
        } finally {
          await new Promise<void>((resolve, reject) =>
            file.end((error?: Error | null) => (error ? reject(error) : resolve())),
          )
        }
        if (out.json) out.printJson({ products, rows, output: opts.output, format })
        else out.line(`Exported ${rows} rows (${products} products) to ${opts.output}`)
      } else {
        await work()
      }
      return undefined
    },
  )

  action(
    catalog.command('reindex').description('rebuild the search index from the catalog'),
    async ({ api, out, deps }) => {
      // A large catalog takes minutes: the service works in the background and is polled here.
      const job = await out.during('Reindexing', async () => {
        let current = await api.startReindex()
        while (current.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, reindexPollMs))
          if (deps.signal.aborted)
            throw new CliError('interrupted', 'interrupted; the reindex goes on in the background')
          current = await api.reindexJob(current.jobId)
        }
        return current
      })
      if (job.status === 'failed')
        throw new CliError('reindex_failed', `reindex failed: ${job.error ?? 'unknown error'}`)
      const result: ReindexResult = { engine: job.engine, indexed: job.indexed }
      if (out.json) out.printJson(result)
      else out.line(`Reindexed ${result.indexed} products (${result.engine})`)
      return undefined
    },
  )
}
