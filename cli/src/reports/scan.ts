import type { ReportRow } from './model.ts'

/**
 * Reads a report's rows out of its body as the text arrives, holding only the row in progress, so an export can
 * watch what it writes (how far it has come, the points of its chart) without keeping it.
 */
export type RowScanner = {
  /**
   * How many rows this piece of text completed, and the rows themselves: every one when the scanner was made to
   * keep them all, else only the last (enough to tell progress, and no garbage made of the others).
   */
  push: (chunk: Uint8Array) => { count: number; rows: ReportRow[] }
  /** What the end of the body completes. */
  end: () => { count: number; rows: ReportRow[] }
  /** Whether the body ended where a whole document ends (a CSV ends after any whole line). */
  complete: () => boolean
  /** The JSON document's fields before its rows (from, to, groupBy, currency, columns); null for CSV. */
  head: () => Record<string, unknown> | null
}

/** The fields of one CSV line (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks). */
export const csvFields = (line: string): string[] => {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else field += c
  }
  fields.push(field)
  return fields
}

const utf8 = new TextDecoder()

/**
 * Rows of a CSV export: the first line names the columns, each later line is a row of text cells. Lines are found
 * in the bytes (a quote and a line feed are single bytes in UTF-8), and only the lines wanted are decoded.
 */
export const csvScanner = ({ every }: { every: boolean }): RowScanner => {
  // The start of a line the last piece left unfinished: a few hundred bytes, never the export.
  let pending = new Uint8Array(0)
  let quoted = false
  let header: string[] | null = null
  const joined = (head: Uint8Array, tail: Uint8Array) => {
    const both = new Uint8Array(head.length + tail.length)
    both.set(head)
    both.set(tail, head.length)
    return both
  }
  const text = (line: Uint8Array) => utf8.decode(line[line.length - 1] === 13 ? line.subarray(0, -1) : line)
  const row = (line: Uint8Array): ReportRow => {
    const fields = csvFields(text(line))
    return Object.fromEntries((header ?? []).map((key, j) => [key, fields[j] ?? '']))
  }
  return {
    push: (chunk) => {
      const rows: ReportRow[] = []
      let count = 0
      let start = 0
      let last: Uint8Array | null = null
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]
        if (c === 34) quoted = !quoted
        else if (c === 10 && !quoted) {
          const line =
            start === 0 && pending.length ? joined(pending, chunk.subarray(0, i)) : chunk.subarray(start, i)
          if (start === 0) pending = new Uint8Array(0)
          if (!header) header = csvFields(text(line))
          else {
            count++
            if (every) rows.push(row(line))
            else last = line
          }
          start = i + 1
        }
      }
      if (last) rows.push(row(last))
      pending = start === 0 ? joined(pending, chunk) : chunk.slice(start)
      return { count, rows }
    },
    end: () => ({ count: 0, rows: [] }),
    complete: () => header !== null && pending.length === 0,
    head: () => null,
  }
}

// Past this a "head" is not report metadata but something else answering: stop keeping it.
const maxHead = 1 << 20

/**
 * Rows of a JSON export `{"report":…, "columns":[…], "rows":[{…},…]}`: a scan that tracks strings and nesting,
 * parsing each element of the top-level `rows` array once its closing brace arrives.
 */
export const jsonScanner = ({ every }: { every: boolean }): RowScanner => {
  let depth = 0
  let inString = false
  let escaped = false
  let expectKey = false
  let keyOpen = false
  let keyText = ''
  let key = ''
  let inRows = false
  let complete = false
  let head = ''
  let headDone = false
  let element: string | null = null
  const decoder = new TextDecoder()
  const scan = (text: string) => {
    const rows: ReportRow[] = []
    let count = 0
    let last: string | null = null
    let keyStart = keyOpen ? 0 : -1
    let elementStart = element === null ? -1 : 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (inString) {
        if (escaped) escaped = false
        else if (c === '\\') escaped = true
        else if (c === '"') {
          inString = false
          if (keyOpen) {
            key = keyText + text.slice(keyStart, i)
            keyText = ''
            keyOpen = false
            keyStart = -1
            expectKey = false
          }
        }
        continue
      }
      if (c === '"') {
        inString = true
        if (depth === 1 && expectKey) {
          keyOpen = true
          keyStart = i + 1
        }
      } else if (c === '{' || c === '[') {
        depth++
        if (depth === 1) expectKey = c === '{'
        else if (depth === 2 && c === '[' && key === 'rows') {
          inRows = true
          if (!headDone) head += text.slice(0, i + 1)
          headDone = true
        } else if (inRows && depth === 3 && c === '{') elementStart = i
      } else if (c === '}' || c === ']') {
        if (inRows && depth === 3 && c === '}' && elementStart !== -1) {
          count++
          last = (element ?? '') + text.slice(elementStart, i + 1)
          if (every) rows.push(JSON.parse(last) as ReportRow)
          element = null
          elementStart = -1
        }
        depth--
        if (depth === 1 && inRows) inRows = false
        if (depth === 0) complete = true
      } else if (c === ',' && depth === 1) expectKey = true
    }
    if (keyOpen) keyText += text.slice(keyStart)
    if (elementStart !== -1) element = (element ?? '') + text.slice(elementStart)
    if (!headDone && head.length < maxHead) head += text
    if (!every && last !== null) rows.push(JSON.parse(last) as ReportRow)
    return { count, rows }
  }
  return {
    push: (chunk) => scan(decoder.decode(chunk, { stream: true })),
    end: () => scan(decoder.decode()),
    complete: () => complete,
    head: () => {
      if (!headDone) return null
      try {
        return JSON.parse(`${head}]}`) as Record<string, unknown>
      } catch {
        return null
      }
    },
  }
}
