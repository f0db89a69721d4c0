import { Spinner } from '@inkjs/ui'
import { Box, type Instance, render, renderToString, Text } from 'ink'
import type { ReactElement } from 'react'
import { ApiError } from './api-client.ts'
import { CliError } from './errors.ts'

export type Column<Row> = { header: string; value: (row: Row) => string }

export type TableProps<Row> = {
  columns: Column<Row>[]
  rows: Row[]
  color?: boolean
  /** The terminal's width: wider rows have their widest columns cut with an ellipsis. Unset: never cut. */
  width?: number | undefined
}

const gap = 2
// A column is never cut below this, so every column still shows the start of its values.
const narrowest = 4

/** Each column as wide as its widest cell, then the widest taken down one at a time until the row fits `width`. */
export const fitColumns = (natural: readonly number[], width: number | undefined): number[] => {
  const widths = [...natural]
  if (width === undefined) return widths
  const total = () => widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1)
  while (total() > width) {
    const widest = Math.max(...widths)
    if (widest <= narrowest) break
    widths[widths.indexOf(widest)] = widest - 1
  }
  return widths
}

/** `text` cut to `width` characters, its last one an ellipsis when anything was cut. */
export const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`

/** Rows under a bold header, each column as wide as its widest cell, cut to fit the terminal. */
export const Table = <Row,>({ columns, rows, color = true, width }: TableProps<Row>) => {
  // A line break inside a cell would break the row in two.
  const cells = rows.map((row) => columns.map((column) => column.value(row).replace(/[\r\n\t]+/g, ' ')))
  const widths = fitColumns(
    columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length))),
    width,
  )
  // Two spaces between columns; the last column is not padded so piped output has no trailing blanks.
  const pad = (text: string, i: number) => {
    const cut = truncate(text, widths[i] ?? 0)
    return i === columns.length - 1 ? cut : cut.padEnd((widths[i] ?? 0) + gap)
  }
  return (
    <Box flexDirection="column">
      <Text bold={color}>{columns.map((column, i) => pad(column.header.toUpperCase(), i)).join('')}</Text>
      {cells.map((row, r) => (
        // Rows have no stable key of their own here; their order never changes within one render.
        // biome-ignore lint/suspicious/noArrayIndexKey: static list
        <Text key={r}>{row.map((cell, i) => pad(cell, i)).join('')}</Text>
      ))}
      {rows.length === 0 ? <Text dimColor={color}>(none)</Text> : null}
    </Box>
  )
}

export type Status = 'ok' | 'degraded' | 'down'

export type StatusItem = { name: string; status: Status | string; detail?: string }

const statusColor = (status: string): string =>
  status === 'ok' ? 'green' : status === 'degraded' ? 'yellow' : 'red'

/** One line per item with a coloured status word; unknown statuses are shown as failures. */
export const StatusList = ({ items, color = true }: { items: StatusItem[]; color?: boolean }) => {
  const width = Math.max(0, ...items.map((item) => item.name.length)) + 2
  return (
    <Box flexDirection="column">
      {items.map((item) => (
        <Box key={item.name}>
          <Text>{item.name.padEnd(width)}</Text>
          <Text color={color ? statusColor(item.status) : undefined} bold={color}>
            {item.status.padEnd(10)}
          </Text>
          {item.detail ? <Text dimColor={color}>{item.detail}</Text> : null}
        </Box>
      ))}
    </Box>
  )
}

/** Label/value pairs for a single record. */
export const Details = ({ entries, color = true }: { entries: [string, string][]; color?: boolean }) => {
  const width = Math.max(0, ...entries.map(([label]) => label.length)) + 2
  return (
    <Box flexDirection="column">
      {entries.map(([label, value]) => (
        <Box key={label}>
          <Text dimColor={color}>{`${label}:`.padEnd(width)}</Text>
          <Text>{value}</Text>
        </Box>
      ))}
    </Box>
  )
}

export const Waiting = ({ label }: { label: string }) => <Spinner label={label} />

export type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number }

export type Output = {
  json: boolean
  color: boolean
  /** The terminal's width in columns; undefined when stdout is piped (lines are then never cut). */
  width: number | undefined
  /** The single JSON document of a --json run. */
  printJson: (value: unknown) => void
  /** Renders a component once and leaves it on screen. */
  print: (node: ReactElement) => void
  /** A human line on stdout; ignored under --json so stdout stays one document. */
  line: (text: string) => void
  /** A human line on stderr, shown even under --json because it never pollutes stdout. */
  note: (text: string) => void
  /** Mounts a component that keeps updating (watch views, spinners) while stdout is a terminal. */
  live: (node: ReactElement) => Instance | null
  /** Shows a spinner while `work` runs, when a person is watching. */
  during: <T>(label: string, work: () => Promise<T>) => Promise<T>
}

export type OutputOptions = { stdout: Stream; stderr: Stream; json: boolean; color: boolean }

export const createOutput = ({ stdout, stderr, json, color }: OutputOptions): Output => {
  const interactive = Boolean(stdout.isTTY) && !json
  // When piped, lines must not be wrapped at an imaginary 80 columns or greps and cuts break.
  const columns = stdout.isTTY && stdout.columns ? stdout.columns : 1000
  // A person at a terminal sees it update even where CI=true would make ink write only its last frame (a shell inside
  // a CI job, an operator's environment that exports CI); piped, nothing is drawn at all.
  const live = (node: ReactElement): Instance | null =>
    interactive
      ? render(node, { stdout: stdout as NodeJS.WriteStream, patchConsole: false, interactive: true })
      : null
  return {
    json,
    color,
    width: stdout.isTTY && stdout.columns ? stdout.columns : undefined,
    printJson: (value) => {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    },
    print: (node) => {
      if (json) return
      stdout.write(`${renderToString(node, { columns })}\n`)
    },
    line: (text) => {
      if (!json) stdout.write(`${text}\n`)
    },
    note: (text) => {
      stderr.write(`${text}\n`)
    },
    live,
    during: async (label, work) => {
      const spinner = live(<Waiting label={label} />)
      try {
        return await work()
      } finally {
        spinner?.clear()
        spinner?.unmount()
      }
    },
  }
}

/** "3 min 20 s", "45 s", "2 h 5 min": how long until `at`, to the second. */
export const waitFor = (at: Date, now: Date): string => {
  const seconds = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000))
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || seconds === 0 ? `${s} s` : '']
  return parts.filter(Boolean).join(' ')
}

/** `title: detail (code, request id …)`, when to try again if MyShop said so, then one line per field error. */
export const formatError = (error: unknown, now: Date = new Date()): string => {
  if (error instanceof ApiError) {
    const refs = [error.code, error.requestId ? `request id ${error.requestId}` : undefined].filter(Boolean)
    const head = `${error.title}${error.detail ? `: ${error.detail}` : ''} (${refs.join(', ')})`
    const retry = error.retryAt
      ? [
          `  try again after ${error.retryAt.toISOString().replace(/\.\d+Z$/, 'Z')} (in ${waitFor(error.retryAt, now)})`,
        ]
      : []
    return [head, ...retry, ...error.errors.map((e) => `  ${e.path || '(body)'}: ${e.message}`)].join('\n')
  }
  if (error instanceof CliError) return error.message
  return error instanceof Error ? error.message : String(error)
}

/** The problem document printed on stderr under --json, shaped like MyShop's own problems. */
export const toProblem = (error: unknown): Record<string, unknown> => {
  if (error instanceof ApiError) {
    return {
      type: error.type,
      title: error.title,
      status: error.status,
      code: error.code,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(error.errors.length ? { errors: error.errors } : {}),
      ...(error.retryAt ? { retryAt: error.retryAt.toISOString() } : {}),
    }
  }
  const code = error instanceof CliError ? error.code : 'internal_error'
  return { type: 'about:blank', title: formatError(error), code }
}
