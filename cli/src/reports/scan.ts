import type { ReportRow } from './model.ts'

/**
 * Reads a report's rows out of its body as the text arrives, holding only the row in progress, so an export can
 * watch what it writes (how far it has come, the points of its chart) without keeping it.
 */
export type RowScanner = {
  /** The rows completed by this piece of text, in order. */
  push: (text: string) => ReportRow[]
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

/** Rows of a CSV export: the first line names the columns, each later line is a row of text cells. */
export const csvScanner = (): RowScanner => {
  let pending = ''
  let scanned = 0
  let quoted = false
  let header: string[] | null = null
  return {
    push: (text) => {
      pending += text
      const rows: ReportRow[] = []
      let start = 0
      for (let i = scanned; i < pending.length; i++) {
        const c = pending.charCodeAt(i)
        if (c === 34) quoted = !quoted
        else if (c === 10 && !quoted) {
          const fields = csvFields(pending.slice(start, pending[i - 1] === '\r' ? i - 1 : i))
          start = i + 1
          if (!header) header = fields
          else rows.push(Object.fromEntries(header.map((key, j) => [key, fields[j] ?? ''])))
        }
      }
      pending = pending.slice(start)
      scanned = pending.length
      return rows
    },
    complete: () => header !== null && pending === '',
    head: () => null,
  }
}

// Past this a "head" is not report metadata but something else answering: stop keeping it.
const maxHead = 1 << 20

/**
 * Rows of a JSON export `{"report":…, "columns":[…], "rows":[{…},…]}`: a scan that tracks strings and nesting,
 * parsing each element of the top-level `rows` array once its closing brace arrives.
 */
export const jsonScanner = (): RowScanner => {
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
  return {
    push: (text) => {
      const rows: ReportRow[] = []
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
            rows.push(JSON.parse((element ?? '') + text.slice(elementStart, i + 1)) as ReportRow)
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
      return rows
    },
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
