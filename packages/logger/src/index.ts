import pino, { type DestinationStream, type Logger } from 'pino'

export type { Logger }

export interface LoggerOptions {
  service: string
  level?: string
}

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

/** A JSON logger for one service with secrets and PII redacted; writes to stdout unless given a stream. */
export const createLogger = (
  { service, level = 'info' }: LoggerOptions,
  destination?: DestinationStream,
): Logger =>
  pino(
    {
      level,
      base: { service },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  )

/** A logger that discards everything, for tests. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
