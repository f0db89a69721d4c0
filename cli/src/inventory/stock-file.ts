import { type CsvError, parse } from 'csv-parse/sync'
import { CliError, exitCodes } from '../errors.ts'
import type { LineFailure } from '../line-failures.tsx'

/** The columns of a stock file, in the order the examples write them. */
export const stockColumns = ['sku', 'location', 'on_hand'] as const

/** The location stock is counted at when a line leaves it empty, as the inventory service's own default. */
export const defaultLocation = 'default'

// The inventory service's limits (`services/inventory/src/stock/model.ts`): a line it would refuse is refused here,
// before anything is sent.
const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
const locationPattern = /^[a-z0-9][a-z0-9_-]*$/
const maxName = 64
/** The most units one adjustment counts in or out, and so the most a line can set. */
export const maxQuantity = 1_000_000

/** On hand wanted for a SKU at a location, from the line of the file it was read on. */
export type StockTarget = { line: number; sku: string; location: string; onHand: number }

export type StockFile = { targets: StockTarget[]; failed: LineFailure[] }

/** Why a SKU is not one the inventory service counts, or undefined when it is. */
export const skuProblem = (sku: string): string | undefined => {
  if (!sku) return 'is required'
  if (sku.length > maxName) return `is longer than ${maxName} characters`
  if (!skuPattern.test(sku))
    return 'must start with a letter or digit and hold only letters, digits and . _ / -'
  return undefined
}

/** Why a location name is not one the inventory service takes, or undefined when it is. */
export const locationProblem = (location: string): string | undefined => {
  if (location.length > maxName) return `is longer than ${maxName} characters`
  if (!locationPattern.test(location))
    return 'must start with a lowercase letter or digit and hold only lowercase letters, digits, _ and -'
  return undefined
}

const newlines = (fields: readonly string[]) => fields.reduce((n, f) => n + f.split('\n').length - 1, 0)

/**
 * Reads a stock file: CSV with a header naming `sku`, `location` and `on_hand` (any order, any case), one line per
 * SKU and location, an empty location meaning the default one. Every line is checked, and each bad one is a
 * failure by line (the line its record starts on); a bad header or an unreadable file is an error of its own.
 */
export const parseStockFile = (text: string): StockFile => {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      info: true,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    const where = typeof (error as CsvError).lines === 'number' ? `line ${(error as CsvError).lines}: ` : ''
    throw new CliError('malformed_csv', `${where}cannot read the CSV: ${(error as Error).message}`)
  }
  const [head, ...rows] = records
  const names = (head?.record ?? []).map((name) => name.trim().toLowerCase())
  const missing = stockColumns.filter((column) => !names.includes(column))
  const unknown = names.filter((name) => !(stockColumns as readonly string[]).includes(name))
  const repeated = names.filter((name, i) => names.indexOf(name) !== i)
  const problems = [
    ...(missing.length ? [`missing ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`unknown ${unknown.join(', ')}`] : []),
    ...(repeated.length ? [`repeated ${repeated.join(', ')}`] : []),
  ]
  if (problems.length)
    throw new CliError(
      'usage_error',
      `the CSV header is not a stock header (${stockColumns.join(',')}): ${problems.join('; ')}`,
      exitCodes.usage,
    )
  const at = (record: string[], column: (typeof stockColumns)[number]) =>
    (record[names.indexOf(column)] ?? '').trim()

  const targets: StockTarget[] = []
  const failed: LineFailure[] = []
  const seen = new Map<string, number>()
  for (const { record, info } of rows) {
    const line = info.lines - newlines(record)
    const sku = at(record, 'sku')
    if (record.length !== names.length) {
      failed.push({
        line,
        sku,
        errors: [{ path: '', message: `has ${record.length} fields, the header has ${names.length}` }],
      })
      continue
    }
    const location = at(record, 'location') || defaultLocation
    const quantity = at(record, 'on_hand')
    const errors: LineFailure['errors'] = []
    const badSku = skuProblem(sku)
    if (badSku) errors.push({ path: '/sku', message: badSku })
    const badLocation = locationProblem(location)
    if (badLocation) errors.push({ path: '/location', message: badLocation })
    if (!/^\d+$/.test(quantity) || Number(quantity) > maxQuantity)
      errors.push({
        path: '/on_hand',
        message: `must be a whole number 0..${maxQuantity}${quantity ? `, not "${quantity}"` : ''}`,
      })
    const key = `${sku}\u0000${location}`
    const first = seen.get(key)
    if (first !== undefined) errors.push({ path: '/sku', message: `${location} is set on line ${first} too` })
    else seen.set(key, line)
    if (errors.length) failed.push({ line, sku, errors })
    else targets.push({ line, sku, location, onHand: Number(quantity) })
  }
  return { targets, failed }
}
