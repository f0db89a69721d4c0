import { ProgressBar } from '@inkjs/ui'
import { Box, render, Text } from 'ink'
import type { Stream } from '../output.tsx'
import type { ExportProgress } from './export.ts'

const count = (n: number) => n.toLocaleString('en')

/** 12.4 MB: a byte count as a person reads it. */
export const size = (bytes: number): string =>
  bytes < 1000
    ? `${bytes} B`
    : bytes < 1e6
      ? `${(bytes / 1e3).toFixed(1)} kB`
      : `${(bytes / 1e6).toFixed(1)} MB`

/**
 * `Exporting sales ███░░░ 45% · 120,000 rows · 12.4 MB`: the share of the window the rows have reached when they
 * carry a time, else the rows and bytes taken so far.
 */
export const ExportBar = ({ label, progress }: { label: string; progress: ExportProgress }) => (
  <Box gap={1}>
    <Text>{label}</Text>
    {progress.share === null ? null : (
      <>
        <Box width={30}>
          <ProgressBar value={progress.share * 100} />
        </Box>
        <Text>{Math.floor(progress.share * 100)}%</Text>
      </>
    )}
    <Text dimColor>
      · {count(progress.rows)} rows · {size(progress.bytes)}
    </Text>
  </Box>
)

/** Shows the bar on `stream` while it is a terminal, redrawn at most ten times a second; nothing otherwise. */
export const progressOn = (stream: Stream, label: string) => {
  if (!stream.isTTY) return { update: (_: ExportProgress) => {}, done: () => {} }
  const shown = render(<ExportBar label={label} progress={{ bytes: 0, rows: 0, share: null }} />, {
    stdout: stream as NodeJS.WriteStream,
    patchConsole: false,
    // Drawn as it moves on a terminal, even where CI=true would make ink write only its last frame.
    interactive: true,
  })
  let drawn = 0
  return {
    update: (progress: ExportProgress) => {
      const now = Date.now()
      if (now - drawn < 100) return
      drawn = now
      shown.rerender(<ExportBar label={label} progress={{ ...progress }} />)
    },
    done: () => {
      shown.clear()
      shown.unmount()
    },
  }
}
