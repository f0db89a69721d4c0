import type { Logger } from '@myshop/logger'
import {
  memoryStore,
  type RateLimitCheck,
  type RateLimitResult,
  type RateLimitStore,
} from '@myshop/rate-limit'

/** Checks clients' limits; answers one result per check, in order. Never fails: see `clientLimiter`. */
export type ClientLimiter = (checks: RateLimitCheck[]) => Promise<RateLimitResult[]>

const logEveryMs = 10_000

/**
 * Limits on the shared store (Redis) when there is one, in process otherwise. When the shared store fails, each
 * instance counts alone with the same limits: tracking stays open (the gateway's per-address limit still holds)
 * rather than refusing every shopper while Redis is down.
 */
export const clientLimiter = (
  shared: RateLimitStore | null,
  logger: Logger,
  now = Date.now,
): ClientLimiter => {
  const local = memoryStore({ now })
  const primary = shared ?? local
  let lastLogged = Number.NEGATIVE_INFINITY
  return async (checks) => {
    const answer = await primary.checkMany(checks)
    if (Array.isArray(answer)) return answer
    if (now() - lastLogged >= logEveryMs) {
      lastLogged = now()
      logger.warn(
        { err: answer.error.message },
        'rate-limit store unavailable, tracking limits counted locally',
      )
    }
    const counted = await local.checkMany(checks)
    // The memory store cannot fail; the type still says it might.
    if (!Array.isArray(counted)) throw counted.error
    return counted
  }
}
