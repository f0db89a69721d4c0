// How a catalog file writes what the product API holds as structures: a product's slug, and a variant's
// option values (`{ Size: 'M', Colour: 'Black' }`) as one cell, `Size=M; Colour=Black`.
//
// A contract package: two deployables rely on it. The CLI writes and reads catalog files with it (`myshop catalog
// export`, `import`, `seed`) and sends their rows as they are, and the product service's catalog import
// (`POST /api/v1/catalog/import`) decodes the same option cells and checks the same slugs and option limits.
// A change here changes the file format and the import API at once: keep old files readable, and ship the CLI
// and the product service together.

/**
 * Lower case without accents (compatibility decomposition, combining marks dropped): near enough what the search
 * engines fold text to (PostgreSQL's `unaccent`, Elasticsearch's `asciifolding`) to tell two spellings of one word.
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** A URL slug from a name: folded (`foldText`), anything but letters and digits a single dash. */
export const slugify = (name: string): string =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'product'

/** What a slug looks like (the product API's `slug` pattern): lower-case letters and digits in dash-joined runs. */
export const slugPattern = '^[a-z0-9]+(?:-[a-z0-9]+)*$'

/** The longest option name and value the product API takes, and the most options a variant has. */
export const optionLimits = { name: 50, value: 100, perVariant: 10 } as const

/**
 * Why an option name cannot be taken, or null: besides its length, a name holds no `:` (the search's filters are
 * written `option=Size:M`) and no control character (the catalog joins names and values with one).
 */
export const optionNameProblem = (name: string): string | null => {
  if (name.length > optionLimits.name)
    return `option name "${name.slice(0, 20)}…" is longer than ${optionLimits.name} characters`
  if (name.includes(':')) return `option name "${name}" holds a ":"`
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return `option name "${name}" holds a control character`
  return null
}

const escapeOption = (text: string) => text.replace(/[\\;=]/g, (c) => `\\${c}`)

/**
 * One cell for a variant's option values, in the variant's order: `Size=M; Colour=Black`. A backslash escapes
 * `;`, `=` and itself inside names and values, so any text survives `decodeOptions`.
 */
export const encodeOptions = (options: Readonly<Record<string, string>>): string =>
  Object.entries(options)
    .map(([name, value]) => `${escapeOption(name)}=${escapeOption(value)}`)
    .join('; ')

/** What `decodeOptions` makes of a cell: the options, or why the cell cannot be read. */
export type DecodedOptions = { options: Record<string, string> } | { problem: string }

/**
 * Reads a cell written by `encodeOptions` (or by hand): pairs separated by `;`, each `name=value`, spaces around
 * names and values ignored. An empty cell is no options.
 */
export const decodeOptions = (cell: string): DecodedOptions => {
  const options: Record<string, string> = {}
  const pairs: [string, string | null][] = []
  let current = ''
  let name: string | null = null
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!
    if (c === '\\') {
      const next = cell[i + 1]
      if (next !== '\\' && next !== ';' && next !== '=')
        return { problem: 'a backslash may only escape \\, ; or =' }
      current += next
      i++
    } else if (c === '=' && name === null) {
      name = current
      current = ''
    } else if (c === '=') {
      return { problem: `"${name!.trim()}" has two "=" (write \\= for one in a value)` }
    } else if (c === ';') {
      pairs.push(name === null ? [current, null] : [name, current])
      name = null
      current = ''
    } else current += c
  }
  pairs.push(name === null ? [current, null] : [name, current])
  for (const [rawName, rawValue] of pairs) {
    const optionName = rawName.trim()
    if (rawValue === null) {
      if (optionName === '') continue
      return { problem: `"${optionName}" has no value (expected name=value)` }
    }
    const value = rawValue.trim()
    if (optionName === '') return { problem: 'an option has no name (expected name=value)' }
    if (value === '') return { problem: `option "${optionName}" has no value` }
    const nameProblem = optionNameProblem(optionName)
    if (nameProblem) return { problem: nameProblem }
    if (value.length > optionLimits.value)
      return { problem: `option "${optionName}" is longer than ${optionLimits.value} characters` }
    if (Object.hasOwn(options, optionName)) return { problem: `option "${optionName}" is given twice` }
    options[optionName] = value
  }
  if (Object.keys(options).length > optionLimits.perVariant)
    return { problem: `a variant has at most ${optionLimits.perVariant} options` }
  return { options }
}

// What a spreadsheet takes as the start of a formula when it opens a CSV file (OWASP, "CSV Injection"): `=`, `+`,
// `-`, `@`, a tab or a carriage return. Apostrophes before one count too, so that a value which itself starts with
// `'=` keeps its own apostrophe through `neutraliseFormula` and `restoreFormula`.
const formulaStart = /^'*[=+\-@\t\r]/
const neutralised = /^'+[=+\-@\t\r]/

/**
 * A CSV cell that no spreadsheet runs as a formula: one that would start one gains a leading `'`, which
 * spreadsheets show as text (OWASP's advice; the writer also quotes it). Everything else is returned as it is.
 */
export const neutraliseFormula = (cell: string): string => (formulaStart.test(cell) ? `'${cell}` : cell)

/** Undoes `neutraliseFormula` when a catalog file is read: `'=1+1` is `=1+1` again, `''=x` is `'=x`. */
export const restoreFormula = (cell: string): string => (neutralised.test(cell) ? cell.slice(1) : cell)
