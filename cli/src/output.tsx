import { Spinner } from '@inkjs/ui'
import { Box, type Instance, render, renderToString, Text } from 'ink'
import type { ReactElement } from 'react'
import { ApiError } from './api-client.ts'
import { CliError } from './errors.ts'

export type Column<Row> = { header: string; value: (row: Row) => string }

export type TableProps<Row> = { columns: Column<Row>[]; rows: Row[]; color?: boolean }

/** Rows under a bold header, each column as wide as its widest cell. */
export const Table = <Row,>({ columns, rows, color = true }: TableProps<Row>) => {
  const cells = rows.map((row) => columns.map((column) => column.value(row)))
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length)),
  )
  // Two spaces between columns; the last column is not padded so piped output has no trailing blanks.
  const pad = (text: string, i: number) =>
    i === columns.length - 1 ? text : text.padEnd((widths[i] ?? 0) + 2)
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
  const live = (node: ReactElement): Instance | null =>
    interactive ? render(node, { stdout: stdout as NodeJS.WriteStream, patchConsole: false }) : null
  return {
    json,
    color,
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

/** `title: detail (code, request id …)` followed by one line per field error. */
export const formatError = (error: unknown): string => {
  if (error instanceof ApiError) {
    const refs = [error.code, error.requestId ? `request id ${error.requestId}` : undefined].filter(Boolean)
    const head = `${error.title}${error.detail ? `: ${error.detail}` : ''} (${refs.join(', ')})`
    return [head, ...error.errors.map((e) => `  ${e.path || '(body)'}: ${e.message}`)].join('\n')
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
    }
  }
  const code = error instanceof CliError ? error.code : 'internal_error'
  return { type: 'about:blank', title: formatError(error), code }
}
