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

/** One caller's checks, and the key whose existence it asks about, waiting to go out in a script call. */
interface Ask {
  checks: RateLimitCheck[]
  lookUp: string | undefined
  settle(answer: Answer | RateLimitFailure): void
}

interface Answer {
  results: RateLimitResult[]
  /** Whether `lookUp` exists; false when nothing was looked up. */
  exists: boolean
}

/**
 * The script's keys and arguments for several callers' checks: every limited key in the callers' order, then
 * every looked-up key (taken as it is, not prefixed) in the same order. One EVALSHA answers them all.
 */
export const scriptCall = (
  asks: readonly Pick<Ask, 'checks' | 'lookUp'>[],
  prefix: string,
  nowUs: string,
) => {
  const keys: string[] = []
  const lookUps: string[] = []
  const args: string[] = [nowUs]
  for (const a of asks) {
    for (const c of a.checks) {
      keys.push(prefix + c.key)
      args.push(String(c.options.limit), String(c.options.windowMs), String(c.options.cost ?? 1))
    }
    if (a.lookUp !== undefined) lookUps.push(a.lookUp)
  }
  for (const k of lookUps) keys.push(k)
  return { keys, args }
}

/**
 * Splits the script's flattened reply (`[allowed, remaining, resetMs, retryAfterMs]` per limited key, then one
 * 0|1 per looked-up key) back into each caller's answer, in the order `scriptCall` laid them out.
 */
export const fromScriptReply = (
  reply: unknown,
  asks: readonly Pick<Ask, 'checks' | 'lookUp'>[],
): Answer[] => {
  let limited = 0
  let lookUps = 0
  for (const a of asks) {
    limited += a.checks.length
    if (a.lookUp !== undefined) lookUps++
  }
  if (!Array.isArray(reply) || reply.length !== limited * 4 + lookUps)
    throw new Error(`unexpected rate-limit reply: ${String(reply)}`)
  let at = 0
  let looked = limited * 4
  return asks.map((a) => {
    const results = a.checks.map((c): RateLimitResult => {
      const i = at
      at += 4
      return {
        ok: true,
        allowed: Number(reply[i]) === 1,
        limit: c.options.limit,
        remaining: Number(reply[i + 1]),
        resetMs: Number(reply[i + 2]),
        retryAfterMs: Number(reply[i + 3]),
      }
    })
    return { results, exists: a.lookUp !== undefined && Number(reply[looked++]) === 1 }
  })
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
  /**
   * Send the checks of callers that ask in the same turn of the event loop as one script call. A server
   * handling many connections runs a whole batch of requests per turn; each used to pay a command of its own,
   * about as much client CPU as the rest of the gateway's work. Only for clients whose connection every caller
   * may share: not on Workers, where I/O started by one request cannot be awaited by another.
   */
  coalesce?: boolean | undefined
}

/** At most this many keys in one script call: a call blocks Redis while it runs. */
export const maxKeysPerCall = 256

// After the I/O callbacks of this turn; where setImmediate is missing, a zero timer does the same, later.
const nextTurn: (run: () => void) => unknown =
  typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate : (run) => setTimeout(run, 0)

/**
 * A store running the GCRA script through any Redis client: every check of a request in one EVALSHA (with
 * `coalesce`, every check of the requests of one turn), the source sent once when the server's script cache is
 * empty (after a restart or flush), failures returned.
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
   * Runs the script for `asks` (by SHA, or from source after a NOSCRIPT) and settles each with its answer, or all
   * with one failure when Redis errs, the reply is malformed or `timeoutMs` pass first. No promise of its own:
   * this runs for every request, and each layer of promise chaining was work and garbage.
   */
  const send = (asks: Ask[]): void => {
    let open = true
    const settleAll = (answers: Answer[] | RateLimitFailure) => {
      if (!open) return
      open = false
      clearTimeout(timer)
      for (let i = 0; i < asks.length; i++) asks[i]!.settle(Array.isArray(answers) ? answers[i]! : answers)
    }
    const timer = setTimeout(
      () => settleAll(failure(new Error(`${what} timed out after ${o.timeoutMs} ms`))),
      o.timeoutMs,
    )
    const fail = (error: unknown) => settleAll(failure(error))
    const onReply = (reply: unknown) => {
      let answers: Answer[]
      try {
        answers = fromScriptReply(reply, asks)
      } catch (e) {
        return fail(e)
      }
      settleAll(answers)
    }
    try {
      const { keys, args } = scriptCall(asks, prefix, o.now ? String(Math.floor(o.now() * 1000)) : '')
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
  }

  let waiting: Ask[] = []
  let waitingKeys = 0
  const flush = () => {
    if (waiting.length === 0) return
    const asks = waiting
    waiting = []
    waitingKeys = 0
    send(asks)
  }
  const ask = (checks: RateLimitCheck[], lookUp: string | undefined): Promise<Answer | RateLimitFailure> =>
    new Promise((settle) => {
      const a: Ask = { checks, lookUp, settle }
      if (!o.coalesce) return send([a])
      const keys = checks.length + (lookUp === undefined ? 0 : 1)
      if (waitingKeys + keys > maxKeysPerCall) flush()
      if (waiting.length === 0) nextTurn(flush)
      waiting.push(a)
      waitingKeys += keys
    })

  const checkMany: RateLimitStore['checkMany'] = async (checks) => {
    const answer = await ask(checks, undefined)
    return 'results' in answer ? answer.results : answer
  }
  const checkManyAndExists: NonNullable<RateLimitStore['checkManyAndExists']> = (checks, key) =>
    ask(checks, key)
  return {
    async check(key, options) {
      const r = await checkMany([{ key, options }])
      return Array.isArray(r) ? r[0]! : r
    },
    checkMany,
    checkManyAndExists,
  }
}
