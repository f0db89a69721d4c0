import type { RateLimitOptions, RateLimitResult } from './gcra.ts'

/** The store could not answer (Redis down, timed out): returned, never thrown, so the caller picks a fallback. */
export interface RateLimitFailure {
  ok: false
  error: Error
}

/** One key and its limits, for checking several keys in one round trip. */
export interface RateLimitCheck {
  key: string
  options: RateLimitOptions
}

/** Where limiter state lives. Every implementation runs the same GCRA math. */
export interface RateLimitStore {
  check(key: string, options: RateLimitOptions): Promise<RateLimitResult | RateLimitFailure>
  /** Checks several keys in one round trip; each key is consumed independently. */
  checkMany(checks: RateLimitCheck[]): Promise<RateLimitResult[] | RateLimitFailure>
  /**
   * `checkMany`, and in the same round trip whether `key` (taken as it is, not prefixed) exists in the store:
   * a session kept in the same Redis as the limits. Only stores that run the limits in Redis have it.
   */
  checkManyAndExists?(
    checks: RateLimitCheck[],
    key: string,
  ): Promise<{ results: RateLimitResult[]; exists: boolean } | RateLimitFailure>
}

export const failure = (error: unknown): RateLimitFailure => ({
  ok: false,
  error: error instanceof Error ? error : new Error(String(error)),
})

/** Settles `promise` or gives up after `ms`, so a dead store answers fast instead of holding the request. */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })

/** The script's keys and arguments for some checks: one EVALSHA answers them all. */
export const scriptCall = (checks: RateLimitCheck[], prefix: string, now?: () => number) => {
  const args: string[] = [now ? String(Math.floor(now() * 1000)) : '']
  for (const c of checks)
    args.push(String(c.options.limit), String(c.options.windowMs), String(c.options.cost ?? 1))
  return { keys: checks.map((c) => prefix + c.key), args }
}

/**
 * Converts the script's flattened `[allowed, remaining, resetMs, retryAfterMs]*` reply into results; `extra`
 * is the number of values after them (the looked-up key's existence).
 */
export const fromScriptReply = (reply: unknown, checks: RateLimitCheck[], extra = 0): RateLimitResult[] => {
  if (!Array.isArray(reply) || reply.length !== checks.length * 4 + extra)
    throw new Error(`unexpected rate-limit reply: ${String(reply)}`)
  const n = reply.map(Number)
  return checks.map((c, i) => ({
    ok: true,
    allowed: n[i * 4] === 1,
    limit: c.options.limit,
    remaining: n[i * 4 + 1]!,
    resetMs: n[i * 4 + 2]!,
    retryAfterMs: n[i * 4 + 3]!,
  }))
}

/** SHA-1 of the script in hex, for EVALSHA; Web Crypto so it works on every runtime. */
export const scriptSha = async (script: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(script))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export const isNoScript = (e: unknown): boolean => e instanceof Error && e.message.includes('NOSCRIPT')

/** How a Redis client runs the limiter script: by its SHA, or from source after a NOSCRIPT. */
export interface ScriptRunner {
  evalsha(sha: string, keys: string[], args: string[]): Promise<unknown>
  eval(source: string, keys: string[], args: string[]): Promise<unknown>
}

export interface ScriptStoreOptions {
  prefix?: string | undefined
  timeoutMs: number
  now?: (() => number) | undefined
  /** Names the store in timeout errors. */
  name: string
}

/**
 * A store running the GCRA script through any Redis client: every check of a request in one EVALSHA, the
 * source sent once when the server's script cache is empty (after a restart or flush), failures returned.
 */
export const scriptStore = (run: ScriptRunner, source: string, o: ScriptStoreOptions): RateLimitStore => {
  const prefix = o.prefix ?? 'myshop:rl:'
  const what = `${o.name} rate-limit check`
  // Kept once known, so a check does not wait on the digest's promise every time.
  let knownSha: string | undefined
  const sha = scriptSha(source).then((value) => {
    knownSha = value
    return value
  })
  const runScript = async (keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await run.evalsha(knownSha ?? (await sha), keys, args)
    } catch (e) {
      if (!isNoScript(e)) throw e
      return run.eval(source, keys, args)
    }
  }
  const checkMany: RateLimitStore['checkMany'] = (checks) => {
    const { keys, args } = scriptCall(checks, prefix, o.now)
    const answer = runScript(keys, args).then((reply) => fromScriptReply(reply, checks))
    return withTimeout(answer, o.timeoutMs, what).catch(failure)
  }
  const checkManyAndExists: NonNullable<RateLimitStore['checkManyAndExists']> = (checks, key) => {
    const { keys, args } = scriptCall(checks, prefix, o.now)
    keys.push(key)
    const answer = runScript(keys, args).then((reply) => ({
      results: fromScriptReply(reply, checks, 1),
      exists: Number((reply as unknown[])[checks.length * 4]) === 1,
    }))
    return withTimeout(answer, o.timeoutMs, what).catch(failure)
  }
  return {
    async check(key, options) {
      const r = await checkMany([{ key, options }])
      return Array.isArray(r) ? r[0]! : r
    },
    checkMany,
    checkManyAndExists,
  }
}
