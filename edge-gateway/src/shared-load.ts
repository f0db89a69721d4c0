/**
 * `load` shared by every caller: callers that arrive during a load wait for that one, and its result is reused
 * for `freshForMs(result)` milliseconds after it arrived, so a burst of requests costs one load. A load that
 * fails is not kept: the next caller starts another.
 */
export const sharedLoad = <T>(
  now: () => number,
  load: () => Promise<T>,
  freshForMs: (value: T) => number,
): (() => Promise<T>) => {
  let cached: { until: number; value: T } | undefined
  let inFlight: Promise<T> | undefined
  return () => {
    if (cached && now() < cached.until) return Promise.resolve(cached.value)
    inFlight ??= load()
      .then((value) => {
        cached = { until: now() + freshForMs(value), value }
        return value
      })
      .finally(() => {
        inFlight = undefined
      })
    return inFlight
  }
}
