import { once } from 'node:events'
import { createReadStream, type Stats } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { encodeOptions } from '@myshop/catalog-format'
import { formatDecimalPrice as formatPrice } from '@myshop/money'
import { type Command, InvalidArgumentError, Option } from 'commander'
import type { CatalogProduct, ReindexResult } from '../api-client.ts'
import { type CsvDelimiter, csvLine, detectDelimiter, parseCsv, scanCsv } from '../catalog/csv.ts'
import { countJsonl, parseJsonl } from '../catalog/jsonl.ts'
import { catalogColumns } from '../catalog/rows.ts'
import { runImport } from '../catalog/run-import.tsx'
import type { CliDeps, CommandContext } from '../command.ts'
import { isLocalUrl } from '../config.ts'
import { CliError, exitCodes, interrupted } from '../errors.ts'
import { confirm } from '../prompt.tsx'

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
    `cannot tell the format of ${file} from its name (known: .csv, .jsonl, .ndjson): use --format csv or --format jsonl`,
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

type OutputFile = {
  write: (text: string) => Promise<void>
  /** Puts the finished export in place. */
  commit: () => Promise<void>
  /** Drops what was written, leaving the target as it was. */
  discard: () => Promise<void>
}

const usage = (message: string) => new CliError('usage_error', message, exitCodes.usage)

type OutputTarget = { path: string; info: Stats | null }

/** Where an export goes, checked before anything else: a directory or a missing folder is a usage error. */
const checkOutput = async (path: string): Promise<OutputTarget> => {
  const info = await stat(path).catch(() => null)
  if (info?.isDirectory()) {
    throw usage(`--output ${path} is a directory: give a file name, such as ${join(path, 'catalog.csv')}`)
  }
  const folder = dirname(path)
  if (!info && !(await stat(folder).catch(() => null))?.isDirectory()) {
    throw usage(`--output ${path}: there is no folder ${folder} to write it in`)
  }
  return { path, info }
}

/**
 * Opens an export's file, once an existing one may be overwritten. Rows go to a file beside it that takes its place
 * when the export is complete, so a failed or interrupted export never leaves half a catalog under the name. A
 * device or a pipe (`--output /dev/stdout`) is written as it is.
 */
const openOutput = async (
  deps: CliDeps,
  { path, info }: OutputTarget,
  yes: boolean | undefined,
): Promise<OutputFile> => {
  if (info?.isFile()) await confirm(deps, `${path} exists. Overwrite it?`, yes)
  const temp =
    info && !info.isFile() ? undefined : join(dirname(path), `.${basename(path)}.${process.pid}.partial`)
  const handle = await open(temp ?? path, temp ? 'wx' : 'w').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      'cannot_write',
      `cannot write ${path}: ${error.code === 'EACCES' ? 'permission denied' : error.message}`,
    )
  })
  return {
    write: async (text) => {
      await handle.write(text)
    },
    commit: async () => {
      await handle.close()
      if (temp) await rename(temp, path)
    },
    discard: async () => {
      await handle.close().catch(() => {})
      if (temp) await rm(temp, { force: true })
    },
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

type ImportOptions = { batchSize: number; format?: Format; dryRun?: boolean; yes?: boolean }
type ExportOptions = {
  format?: Format
  output?: string
  delimiter: 'comma' | 'semicolon' | 'tab'
  yes?: boolean
}

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
      .option('--yes', 'import into a shop on another machine without asking')
      .addOption(formatOption()),
    async ({ opts, args, api, out, url }) => {
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
      // A shop on another machine is likely someone's live catalog, where a wrong file cannot be taken back.
      if (!opts.dryRun && !isLocalUrl(url)) {
        await confirm(deps, `Import ${total.toLocaleString('en')} rows from ${file} into ${url}?`, opts.yes)
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
          signal: deps.signal,
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
      .option(
        '--output <file>',
        'write to this file instead of stdout (.csv, .jsonl or .ndjson, or give --format)',
      )
      .option('--yes', 'overwrite an existing --output file without asking')
      .addOption(
        new Option(
          '--delimiter <separator>',
          'CSV field separator (semicolon for spreadsheets in many European locales)',
        )
          .choices(['comma', 'semicolon', 'tab'])
          .default('comma'),
      ),
    async ({ opts, api, out }) => {
      const target = opts.output ? await checkOutput(opts.output) : undefined
      const format = opts.output ? formatOf(opts.output, opts.format) : (opts.format ?? 'jsonl')
      const delimiter = delimiters[opts.delimiter]
      // The file is opened (and an overwrite agreed) before anything is fetched.
      const file = target ? await openOutput(deps, target, opts.yes) : undefined
      const write = file
        ? file.write
        : async (text: string) => {
            if (!deps.stdout.write(text)) await once(deps.stdout, 'drain')
          }
      let products = 0
      let rows = 0
      const work = async () => {
        if (format === 'csv') await write(`${csvLine(catalogColumns, delimiter)}\n`)
        let cursor: string | undefined
        const seen = new Set<string>()
        do {
          if (deps.signal.aborted) throw interrupted()
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
      try {
        await (file ? out.during('Exporting', work) : work())
        await file?.commit()
      } catch (error) {
        await file?.discard()
        if (deps.signal.aborted) {
          const where = opts.output
            ? `; ${opts.output} was left as it was`
            : '; the output above is incomplete'
          out.note(`interrupted after ${rows} rows (${products} products)${where}`)
          throw interrupted()
        }
        throw error
      }
      if (!opts.output) return undefined
      if (out.json) out.printJson({ products, rows, output: opts.output, format })
      else out.line(`Exported ${rows} rows (${products} products) to ${opts.output}`)
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
          if (deps.signal.aborted) throw interrupted('interrupted; the reindex goes on in the background')
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
