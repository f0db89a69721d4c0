import { bucketOf, dayMs, funnelSteps, hourMs, normalizeTerm } from './model.ts'
import type {
  CountDelta,
  FunnelDelta,
  Grain,
  InsertedEvent,
  SearchDelta,
  SessionState,
} from './repository.ts'

// The rollups' arithmetic, apart from the SQL that applies it: what a batch of inserted events adds to each table.

const sizes: Record<Grain, number> = { hourly: hourMs, daily: dayMs }
export const grains: readonly Grain[] = ['hourly', 'daily']

const merge = <V>(map: Map<string, V>, key: string, make: () => V, add: (value: V) => void) => {
  let value = map.get(key)
  if (!value) {
    value = make()
    map.set(key, value)
  }
  add(value)
}

/** Events per bucket and type. */
export const countDeltas = (events: readonly InsertedEvent[], grain: Grain): CountDelta[] => {
  const counts = new Map<string, CountDelta>()
  for (const event of events) {
    const bucket = bucketOf(event.time, sizes[grain])
    merge(
      counts,
      `${bucket.getTime()}|${event.type}`,
      () => ({ bucket, type: event.type, events: 0 }),
      (c) => {
        c.events++
      },
    )
  }
  return [...counts.values()]
}

/** Searches per bucket and normalized term: how many, how many found nothing, and their results summed. */
export const searchDeltas = (events: readonly InsertedEvent[], grain: Grain): SearchDelta[] => {
  const terms = new Map<string, SearchDelta>()
  for (const event of events) {
    if (event.type !== 'search' || !event.properties) continue
    const term = normalizeTerm(String(event.properties.query ?? ''))
    const results = Number(event.properties.results ?? 0)
    const bucket = bucketOf(event.time, sizes[grain])
    merge(
      terms,
      `${bucket.getTime()}|${term}`,
      () => ({ bucket, term, searches: 0, zeroResults: 0, resultsSum: 0 }),
      (s) => {
        s.searches++
        if (results === 0) s.zeroResults++
        s.resultsSum += results
      },
    )
  }
  return [...terms.values()]
}

/** Each session of the batch: its earliest event and the steps its events reach. */
export const batchSessions = (events: readonly InsertedEvent[]): SessionState[] => {
  const sessions = new Map<string, SessionState>()
  for (const event of events) {
    const step = funnelSteps[event.type] ?? 0
    const known = sessions.get(event.sessionId)
    if (!known)
      sessions.set(event.sessionId, { sessionId: event.sessionId, firstTime: event.time, steps: step })
    else {
      if (event.time < known.firstTime) known.firstTime = event.time
      known.steps |= step
    }
  }
  return [...sessions.values()].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1))
}

/** A stored session joined with what the batch knows of it. */
export const mergeSession = (stored: SessionState, batch: SessionState): SessionState => ({
  sessionId: stored.sessionId,
  firstTime: new Date(Math.min(batch.firstTime.getTime(), stored.firstTime.getTime())),
  steps: stored.steps | batch.steps,
})

export const sameSession = (a: SessionState, b: SessionState) =>
  a.firstTime.getTime() === b.firstTime.getTime() && a.steps === b.steps

/**
 * What the funnel rollups gain: each new session counts once in its first event's bucket; a known session that
 * changed (an earlier event, a further step) leaves its old bucket's counts and counts again in its new one.
 */
export const funnelDeltas = (
  changes: readonly { before: SessionState | null; after: SessionState }[],
  grain: Grain,
): FunnelDelta[] => {
  const buckets = new Map<string, FunnelDelta>()
  const apply = (session: SessionState, sign: 1 | -1) => {
    const bucket = bucketOf(session.firstTime, sizes[grain])
    merge(
      buckets,
      String(bucket.getTime()),
      () => ({ bucket, sessions: 0, viewed: 0, carted: 0, checkedOut: 0, purchased: 0 }),
      (f) => {
        f.sessions += sign
        if (session.steps & 1) f.viewed += sign
        if (session.steps & 2) f.carted += sign
        if (session.steps & 4) f.checkedOut += sign
        if (session.steps & 8) f.purchased += sign
      },
    )
  }
  for (const { before, after } of changes) {
    if (before) apply(before, -1)
    apply(after, 1)
  }
  return [...buckets.values()]
    .filter(
      (f) => f.sessions !== 0 || f.viewed !== 0 || f.carted !== 0 || f.checkedOut !== 0 || f.purchased !== 0,
    )
    .sort((a, b) => a.bucket.getTime() - b.bucket.getTime())
}
