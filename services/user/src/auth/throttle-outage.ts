import type { AttemptStore } from './throttle.ts'

const none = { count: 0, ttlSeconds: 0 }

/**
 * Login failure counters that survive an unreachable shared store: a failure the store refuses is counted in
 * `local` instead, and a check reads both and keeps the higher count, so guesses made during an outage still
 * lock (in this process) and still count once the store is back. Sign-in keeps working rather than failing
 * with a 500; the gateway's strict per-address limit for auth routes bounds guessing across processes meanwhile.
 */
export const outageTolerantAttempts = (
  shared: AttemptStore,
  local: AttemptStore,
  {
    reachable = () => true,
    onError = () => {},
  }: { reachable?: () => boolean; onError?: (error: unknown) => void } = {},
): AttemptStore => {
  const fromShared = async <T>(run: () => Promise<T>, otherwise: T): Promise<T> => {
    if (!reachable()) return otherwise
    try {
      return await run()
    } catch (error) {
      onError(error)
      return otherwise
    }
  }
  return {
    async fail(key, windowSeconds) {
      const counted = await fromShared(() => shared.fail(key, windowSeconds), null)
      return counted ?? local.fail(key, windowSeconds)
    },
    async peek(key) {
      const [remote, here] = await Promise.all([fromShared(() => shared.peek(key), none), local.peek(key)])
      return here.count > remote.count ? here : remote
    },
    async reset(key) {
      await Promise.all([local.reset(key), fromShared(() => shared.reset(key), undefined)])
    },
    // An unlock code issued during an outage works on this instance, as the failures counted meanwhile do.
    async hold(key, ttlSeconds) {
      const held = await fromShared(() => shared.hold(key, ttlSeconds), null)
      return held ?? local.hold(key, ttlSeconds)
    },
    async clear(start) {
      const [remote, here] = await Promise.all([fromShared(() => shared.clear(start), 0), local.clear(start)])
      return Math.max(remote, here)
    },
  }
}
