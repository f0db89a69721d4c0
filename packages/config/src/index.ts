import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'
import { type ConfigProblem, problemsOf } from './problems.ts'

export { type ConfigProblem, z }

/** Raised when the environment does not satisfy a config schema; lists every problem at once, in words. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[]
  constructor(problems: ConfigProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`
    super(`The configuration has ${count}:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

/**
 * Parses `env` against a schema of variables once, at boot, reporting all problems together.
 * Empty strings count as unset so `FOO=` in a .env file falls back to the default.
 */
export const loadConfig = <S extends z.ZodRawShape>(shape: S, env: Env): z.infer<z.ZodObject<S>> => {
  const cleaned: Env = {}
  for (const key of Object.keys(shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') cleaned[key] = value
  }
  const result = z.object(shape).safeParse(cleaned)
  if (!result.success) throw new ConfigError(problemsOf(result.error.issues, shape, cleaned))
  return result.data
}

/**
 * Runs the config loaders of several processes booted together and reports the problems of all of them in one
 * ConfigError; a problem shared by several (one bad REDIS_URL) is listed once, naming the processes that read it.
 */
export const loadConfigs = <L extends Record<string, () => unknown>>(
  loaders: L,
): { [K in keyof L]: ReturnType<L[K]> } => {
  const loaded: Record<string, unknown> = {}
  const found = new Map<string, { problem: ConfigProblem; readers: string[] }>()
  for (const [name, load] of Object.entries(loaders)) {
    try {
      loaded[name] = load()
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      for (const problem of error.problems) {
        const seen = found.get(problem.message)
        if (seen) seen.readers.push(name)
        else found.set(problem.message, { problem, readers: [name] })
      }
    }
  }
  if (found.size > 0) {
    const names = Object.keys(loaders)
    throw new ConfigError(
      [...found.values()].map(({ problem, readers }) => ({
        variable: problem.variable,
        message: names.length > 1 ? `${problem.message} (read by ${readers.join(', ')})` : problem.message,
      })),
    )
  }
  return loaded as { [K in keyof L]: ReturnType<L[K]> }
}

/**
 * For a process's entry point: loads its configuration, or prints every problem on stderr and exits with 78
 * (EX_CONFIG) without starting anything, instead of a stack trace.
 */
export const configOrExit = <T>(name: string, load: () => T): T => {
  try {
    return load()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`${name} cannot start. ${error.message}\n`)
    process.exit(78)
  }
}

const isAddressRange = (entry: string) => {
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  const n = Number(bits)
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128)
}

/** Reusable variable schemas. */
// Each says, as its description, what its value must be: a problem report quotes it whole.
export const vars = {
  port: (fallback: number) =>
    z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(fallback)
      .describe('a whole number between 0 and 65535 (0 picks a free port)'),
  url: () => z.url(),
  optionalUrl: () => z.url().optional(),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes')
      .describe('true or false (also yes/no, 1/0)'),
  int: (fallback: number, min = 0) =>
    z.coerce.number().int().min(min).default(fallback).describe(`a whole number of at least ${min}`),
  list: (fallback: string[]) =>
    z
      .string()
      .default(fallback.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
  /** Comma-separated IPv4 / IPv6 addresses and CIDR ranges; `none` is the empty list. */
  addressRanges: (fallback: string[]) =>
    z
      .string()
      .default(fallback.join(',') || 'none')
      .transform((v, ctx) => {
        const entries = v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
        if (entries.length === 1 && entries[0] === 'none') return []
        const bad = entries.filter((e) => !isAddressRange(e))
        if (bad.length > 0)
          ctx.addIssue({
            code: 'custom',
            message: `${bad.join(' and ')} ${bad.length === 1 ? 'is' : 'are'} neither`,
          })
        return entries
      })
      .describe('a comma-separated list of IP addresses or CIDR ranges (such as 10.0.0.0/8 or ::1), or none'),
  logLevel: () => z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** `auto` is readable lines on a terminal and JSON otherwise (a pipe, a file, a log collector). */
  logFormat: () => z.enum(['auto', 'json', 'pretty']).default('auto'),
}

/** REDIS_PREFIX: what every Redis key and stream name of one shop starts with. */
export const redisPrefixVar = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
    .optional()
    .describe('up to 100 letters, digits and the characters _ . : -')

/**
 * The namespace of a shop's Redis keys when REDIS_PREFIX is unset: `myshop:` and the name of its PostgreSQL
 * database, or of its embedded data directory. Two shops sharing a Redis have two databases, so they read and
 * invalidate none of each other's cache entries, counters and event streams; every process of one shop derives
 * the same one.
 */
export const redisPrefixOf = (
  explicit: string | undefined,
  databaseUrl: string | undefined,
  dataDir: string,
) => {
  if (explicit) return explicit
  if (databaseUrl) {
    const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''))
    // A URL without a path names the database after its user, as PostgreSQL does.
    return `myshop:${name || decodeURIComponent(new URL(databaseUrl).username) || 'postgres'}`
  }
  // A runtime without a working directory (Workers) has no data directory either: the path is taken as given.
  const hasCwd = typeof process !== 'undefined' && typeof process.cwd === 'function'
  return `myshop:embedded:${hasCwd ? resolve(dataDir) : dataDir}`
}
