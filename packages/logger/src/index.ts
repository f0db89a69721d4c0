import pino, { type DestinationStream, type Logger } from 'pino'
import pretty from 'pino-pretty'

export type { Logger }

/** `json`: one JSON object a line; `pretty`: coloured lines for people; `auto`: pretty on a terminal, else JSON. */
export const logFormats = ['auto', 'json', 'pretty'] as const
export type LogFormat = (typeof logFormats)[number]

export interface LoggerOptions {
  service: string
  level?: string
  format?: LogFormat
}

type Sink = DestinationStream & { isTTY?: boolean }

/** The format `auto` stands for on this sink: pretty only when a person watches it (a terminal). */
export const resolveLogFormat = (format: LogFormat, sink: { isTTY?: boolean }): 'json' | 'pretty' =>
  format === 'auto' ? (sink.isTTY ? 'pretty' : 'json') : format

// Anything that can carry a secret or a person's data is censored wherever it appears in a log line.
const redactPaths = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'email',
  'secret',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
  '*.cookie',
  '*.email',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
]

/**
 * A logger for one service with secrets and PII redacted (before any formatting); writes to stdout unless given a
 * stream, as JSON or, for `pretty`, as readable lines.
 */
export const createLogger = (
  { service, level = 'info', format = 'auto' }: LoggerOptions,
  destination?: Sink,
): Logger => {
  const sink = destination ?? (process.stdout as Sink)
  const options = {
    level,
    base: { service },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  }
  if (resolveLogFormat(format, sink) === 'json') return pino(options, destination)
  // Synchronous and in this thread: a log line written just before a crash is not lost in a worker's buffer.
  return pino(
    options,
    pretty({
      destination: destination ?? 1,
      sync: true,
      colorize: Boolean(sink.isTTY),
      // `myshop start` runs several services in one terminal: each line says whose it is.
      messageFormat: '[{service}] {msg}',
      ignore: 'service',
    }),
  )
}

/** A logger that discards everything, for tests. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
