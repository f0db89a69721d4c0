import { ProgressBar } from '@inkjs/ui'
import { Box, Text } from 'ink'
import type { ImportTally } from './send.ts'

export type ImportProgressProps = {
  label: string
  tally: ImportTally
  /** Rows expected, when known beforehand (counted from the file, or asked for). */
  total: number | null
  elapsedMs: number
  color?: boolean
  /** What is counted (default `rows`). */
  unit?: string
}

const count = (n: number) => n.toLocaleString('en')

/** `Importing ███░░░ 45,000 / 100,000 rows · 4,812 rows/s · 3 failed`, redrawn as batches come back. */
export const ImportProgress = ({
  label,
  tally,
  total,
  elapsedMs,
  color = true,
  unit = 'rows',
}: ImportProgressProps) => {
  const rate = elapsedMs > 0 ? Math.round((tally.done * 1000) / elapsedMs) : 0
  // A CSV count can be a little off (a field with a line break in it): never show more done than expected.
  const expected = total === null ? null : Math.max(total, tally.done)
  return (
    <Box gap={1}>
      <Text>{label}</Text>
      {expected ? (
        <Box width={30}>
          <ProgressBar value={(tally.done / expected) * 100} />
        </Box>
      ) : null}
      <Text>
        {count(tally.done)}
        {expected === null ? '' : ` / ${count(expected)}`} {unit}
      </Text>
      <Text dimColor={color}>
        · {count(rate)} {unit}/s
      </Text>
      {tally.failed ? <Text color={color ? 'red' : undefined}>· {count(tally.failed)} failed</Text> : null}
    </Box>
  )
}
