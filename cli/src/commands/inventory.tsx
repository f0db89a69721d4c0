import { readFile, stat } from 'node:fs/promises'
import { type Command, InvalidArgumentError } from 'commander'
import type { LocationStock, LowStockPage, Stock } from '../api-client.ts'
import type { CommandContext } from '../command.ts'
import { isLocalUrl } from '../config.ts'
import { CliError, exitCodes } from '../errors.ts'
import { applyStockLevels, planStockLevels, type StockChange } from '../inventory/levels.ts'
import {
  locationProblem,
  maxQuantity,
  parseStockFile,
  skuProblem,
  stockColumns,
} from '../inventory/stock-file.ts'
import { type LineFailure, printLineFailures } from '../line-failures.tsx'
import { type Column, Details, type Output, Table } from '../output.tsx'
import { confirm } from '../prompt.tsx'

const usage = (message: string) => new CliError('usage_error', message, exitCodes.usage)

/** A SKU as the inventory service takes it, checked before any request. */
const checkSku = (sku: string): string => {
  const problem = skuProblem(sku)
  if (problem) throw usage(`SKU ${JSON.stringify(sku)} ${problem}`)
  return sku
}

const delta = (value: string): number => {
  const n = Number(value)
  if (!/^[+-]?\d+$/.test(value.trim()) || n === 0 || Math.abs(n) > maxQuantity)
    throw new InvalidArgumentError(
      `expected a whole number of units to count in (5) or out (-5), not 0, at most ${maxQuantity}`,
    )
  return n
}

const location = (value: string): string => {
  const problem = locationProblem(value)
  if (problem) throw new InvalidArgumentError(`the location ${problem}`)
  return value
}

const reason = (value: string): string => {
  if (!value.trim() || value.length > 200) throw new InvalidArgumentError('expected 1..200 characters')
  return value
}

const threshold = (value: string): number | null => {
  if (value === 'none') return null
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n > maxQuantity)
    throw new InvalidArgumentError(`expected a whole number 0..${maxQuantity}, or none to clear it`)
  return n
}

const positiveInt = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw new InvalidArgumentError('expected a whole number 1..200')
  return n
}

const locationColumns: Column<LocationStock>[] = [
  { header: 'location', value: (l) => l.location },
  { header: 'on hand', value: (l) => String(l.onHand) },
  { header: 'reserved', value: (l) => String(l.reserved) },
  { header: 'available', value: (l) => String(l.available) },
]

const lowColumns: Column<LowStockPage['items'][number]>[] = [
  { header: 'sku', value: (s) => s.sku },
  { header: 'available', value: (s) => String(s.available) },
  { header: 'threshold', value: (s) => String(s.threshold) },
  { header: 'status', value: (s) => s.status },
]

const changeColumns: Column<StockChange>[] = [
  { header: 'line', value: (c) => String(c.line) },
  { header: 'sku', value: (c) => c.sku },
  { header: 'location', value: (c) => c.location },
  { header: 'on hand', value: (c) => `${c.from} -> ${c.to}` },
  { header: 'delta', value: (c) => (c.delta > 0 ? `+${c.delta}` : String(c.delta)) },
]

/** The SKU, what shoppers are told, and for inventory managers its threshold and each location. */
const printStock = (out: Output, stock: Stock) => {
  out.print(
    <Details
      entries={[
        ['sku', stock.sku],
        ['available', String(stock.available)],
        ['status', stock.status],
        ...(stock.threshold === undefined
          ? []
          : [['threshold', stock.threshold === null ? 'none' : String(stock.threshold)] as [string, string]]),
      ]}
      color={out.color}
    />,
  )
  if (stock.locations)
    out.print(<Table columns={locationColumns} rows={stock.locations} color={out.color} width={out.width} />)
}

type AdjustOptions = { reason: string; location?: string }
type LowOptions = { limit?: number; cursor?: string; all?: boolean }
type ImportOptions = { yes?: boolean; dryRun?: boolean }

/** inventory show / adjust / low / threshold / import: stock for inventory managers. */
export const registerInventory = (program: Command, { action, deps }: CommandContext): void => {
  const inventory = program
    .command('inventory')
    .description('read and count stock per SKU and location (inventory manager)')

  action(
    inventory
      .command('show')
      .description("a SKU's available stock; per location when signed in with inventory:read")
      .argument('<sku>', 'the SKU, as in the catalog'),
    async ({ args, api, out }) => {
      const stock = await api.getStock(checkSku(args[0] as string))
      if (out.json) out.printJson(stock)
      else printStock(out, stock)
      return undefined
    },
  )

  action<AdjustOptions>(
    inventory
      .command('adjust')
      .description('count stock in (a positive delta) or out (a negative one), recorded with a reason')
      .argument('<sku>', 'the SKU, as in the catalog')
      .argument('<delta>', 'units counted in (12) or out (-3)', delta)
      .requiredOption('--reason <reason>', 'why, kept in the ledger (delivery, damaged, recount...)', reason)
      .option('--location <location>', 'where (default: the default location)', location),
    async ({ opts, args, api, out }) => {
      const [sku, units] = args as [string, number]
      const adjustment = await api.adjustStock(checkSku(sku), {
        delta: units,
        reason: opts.reason,
        ...(opts.location !== undefined && { location: opts.location }),
      })
      if (out.json) {
        out.printJson(adjustment)
        return undefined
      }
      const { onHand, reserved, available } = adjustment.stock
      out.line(
        `Counted ${Math.abs(adjustment.delta)} ${adjustment.delta > 0 ? 'in' : 'out'} of ${adjustment.sku} at ${adjustment.location}: ` +
          `${onHand} on hand, ${reserved} reserved, ${available} available`,
      )
      return undefined
    },
  )

  action<LowOptions>(
    inventory
      .command('low')
      .description('SKUs at or below their low-stock threshold')
      .option('--limit <n>', 'page size (1..200)', positiveInt)
      .option('--cursor <sku>', 'continue from a previous page')
      .option('--all', 'follow every page'),
    async ({ opts, api, out }) => {
      const fetchAll = async () => {
        let page = await api.lowStock({ cursor: opts.cursor, limit: opts.limit })
        const items = [...page.items]
        const seen = new Set<string>()
        // A cursor seen twice would loop forever; stop instead of trusting the server blindly.
        while (opts.all && page.nextCursor && !seen.has(page.nextCursor)) {
          seen.add(page.nextCursor)
          page = await api.lowStock({ cursor: page.nextCursor, limit: opts.limit })
          items.push(...page.items)
        }
        return { items, nextCursor: opts.all ? null : page.nextCursor }
      }
      const result = await out.during('Loading low stock', fetchAll)
      if (out.json) {
        out.printJson(result)
        return undefined
      }
      if (!result.items.length) out.line('No SKU is at or below its low-stock threshold')
      else out.print(<Table columns={lowColumns} rows={result.items} color={out.color} width={out.width} />)
      if (result.nextCursor) out.note(`more SKUs: --cursor ${result.nextCursor} (or --all)`)
      return undefined
    },
  )

  action(
    inventory
      .command('threshold')
      .description("set a SKU's low-stock threshold (stock.low is sent when available falls to it)")
      .argument('<sku>', 'the SKU, as in the catalog')
      .argument('<units>', `0..${maxQuantity}, or none to clear it`, threshold),
    async ({ args, api, out }) => {
      const [sku, units] = args as [string, number | null]
      const stock = await api.setStockThreshold(checkSku(sku), units)
      if (out.json) out.printJson(stock)
      else
        out.line(
          stock.threshold === null || stock.threshold === undefined
            ? `${stock.sku} has no low-stock threshold (${stock.available} available, ${stock.status})`
            : `Low-stock threshold of ${stock.sku}: ${stock.threshold} (${stock.available} available, ${stock.status})`,
        )
      return undefined
    },
  )

  action<ImportOptions>(
    inventory
      .command('import')
      .description(
        'set on hand per SKU and location from a CSV file, by one adjustment each (reason import); ' +
          'nothing is changed when any line is invalid',
      )
      .argument('<file>', `.csv with the header ${stockColumns.join(',')}`)
      .option('--dry-run', 'check every line against the stock MyShop holds and report, writing nothing')
      .option('--yes', 'change the stock of a shop on another machine without asking'),
    async ({ opts, args, api, out, url }) => {
      const [file] = args as [string]
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) throw new CliError('file_not_found', `no such file: ${file}`)
      const refuse = (failed: LineFailure[]) => {
        if (out.json) out.printJson({ changed: [], unchanged: 0, failed })
        else printLineFailures(out, failed)
        const lines = new Set(failed.map((f) => f.line)).size
        return new CliError(
          'invalid_lines',
          `${file}: ${lines} line${lines === 1 ? ' is' : 's are'} invalid; nothing was changed`,
        )
      }
      const { targets, failed } = parseStockFile(await readFile(file, 'utf8'))
      if (failed.length) throw refuse(failed)
      // Stock on another machine is likely a live shop's, where a wrong file cannot be taken back.
      if (!opts.dryRun && !isLocalUrl(url))
        await confirm(deps, `Set the stock of ${targets.length} lines from ${file} in ${url}?`, opts.yes)
      const options = { api, signal: deps.signal }
      const plan = await out.during('Reading stock', () => planStockLevels(targets, options))
      if (plan.failed.length) throw refuse(plan.failed)
      const result = opts.dryRun
        ? { changed: plan.changes, failed: [] }
        : await out.during('Adjusting', () => applyStockLevels(plan.changes, 'import', options))
      if (out.json) {
        out.printJson({
          changed: result.changed,
          unchanged: plan.unchanged,
          failed: result.failed,
          ...(opts.dryRun && { dryRun: true }),
        })
      } else {
        if (opts.dryRun)
          out.line('Dry run: every line was checked against the stock, and nothing was written.')
        out.line(
          `${targets.length} lines: ${result.changed.length} ${opts.dryRun ? 'would change' : 'changed'}, ` +
            `${plan.unchanged} unchanged, ${result.failed.length} failed`,
        )
        if (result.changed.length)
          out.print(
            <Table columns={changeColumns} rows={result.changed} color={out.color} width={out.width} />,
          )
        if (result.failed.length) printLineFailures(out, result.failed)
      }
      return result.failed.length ? exitCodes.failure : exitCodes.ok
    },
  )
}
