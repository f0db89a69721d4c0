import { isIP } from 'node:net'
import { z } from 'zod'

export { z }

/** Raised when the environment does not satisfy a config schema; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
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
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`))
  }
  return result.data
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
export const vars = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.url(),
  optionalUrl: () => z.url().optional(),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  int: (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback),
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
        for (const entry of entries.filter((e) => !isAddressRange(e))) {
          ctx.addIssue({
            code: 'custom',
            message: `${entry} is not an IP address or a CIDR range (such as 10.0.0.0/8 or ::1)`,
          })
        }
        return entries
      }),
  logLevel: () => z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
}
