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
  return checks.map((c, i) => ({
    ok: true,
    allowed: Number(reply[i * 4]) === 1,
    limit: c.options.limit,
    remaining: Number(reply[i * 4 + 1]),
    resetMs: Number(reply[i * 4 + 2]),
    retryAfterMs: Number(reply[i * 4 + 3]),
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
  /**
   * Runs the script (by SHA, or from source after a NOSCRIPT) and reads its reply with `read`, settling with a
   * failure when Redis errs, the reply is malformed or `timeoutMs` pass first. One promise per call: this runs on
   * every request, and each layer of promise chaining was work and garbage of its own.
   */
  const call = <T>(
    keys: string[],
    args: string[],
    read: (reply: unknown) => T,
  ): Promise<T | RateLimitFailure> =>
    new Promise((resolve) => {
      const timer = setTimeout(
        () => resolve(failure(new Error(`${what} timed out after ${o.timeoutMs} ms`))),
        o.timeoutMs,
      )
      const settle = (value: T | RateLimitFailure) => {
        clearTimeout(timer)
        resolve(value)
      }
      const fail = (error: unknown) => settle(failure(error))
      const onReply = (reply: unknown) => {
        let value: T
        try {
          value = read(reply)
        } catch (e) {
          return fail(e)
        }
        settle(value)
      }
      try {
        const sent =
          knownSha !== undefined
            ? run.evalsha(knownSha, keys, args)
            : sha.then((h) => run.evalsha(h, keys, args))
        sent.then(onReply, (e: unknown) => {
          if (!isNoScript(e)) return fail(e)
          try {
            run.eval(source, keys, args).then(onReply, fail)
          } catch (e) {
            fail(e)
          }
        })
      } catch (e) {
        fail(e)
      }
    })
  const checkMany: RateLimitStore['checkMany'] = (checks) => {
    const { keys, args } = scriptCall(checks, prefix, o.now)
    return call(keys, args, (reply) => fromScriptReply(reply, checks))
  }
  const checkManyAndExists: NonNullable<RateLimitStore['checkManyAndExists']> = (checks, key) => {
    const { keys, args } = scriptCall(checks, prefix, o.now)
    keys.push(key)
    return call(keys, args, (reply) => ({
      results: fromScriptReply(reply, checks, 1),
      exists: Number((reply as unknown[])[checks.length * 4]) === 1,
    }))
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
