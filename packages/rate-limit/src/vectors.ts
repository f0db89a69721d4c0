import type { RateLimitOptions } from './gcra.ts'

/** A scripted run of requests against one key, shared by the TS and Lua tests so both must agree. */
export interface Step {
  /** Milliseconds since the run started. */
  at: number
  options: RateLimitOptions
}

const perSecond = { limit: 5, windowMs: 1000 }
const odd = { limit: 7, windowMs: 60_000 }

export const vectors: Record<string, Step[]> = {
  'a burst of limit+2 at one instant': Array.from({ length: 7 }, () => ({ at: 0, options: perSecond })),
  'steady refill after exhaustion': [
    ...Array.from({ length: 5 }, () => ({ at: 0, options: perSecond })),
    { at: 100, options: perSecond },
    { at: 199, options: perSecond },
    { at: 200, options: perSecond },
    { at: 201, options: perSecond },
    { at: 1500, options: perSecond },
  ],
  'a limit that does not divide the window': Array.from({ length: 10 }, (_, i) => ({
    at: i * 1000,
    options: odd,
  })),
  'weighted costs and a peek': [
    { at: 0, options: { ...perSecond, cost: 3 } },
    { at: 0, options: { ...perSecond, cost: 3 } },
    { at: 0, options: { ...perSecond, cost: 0 } },
    { at: 0, options: { ...perSecond, cost: 2 } },
    { at: 400, options: { ...perSecond, cost: 2 } },
  ],
  'idle longer than the window forgets history': [
    ...Array.from({ length: 6 }, () => ({ at: 0, options: perSecond })),
    { at: 5000, options: perSecond },
  ],
}

/** The outcomes both stores must produce for `vectors`; each store is held to this table. */
export const expectedOutcomes: Record<string, boolean[]> = {
  'a burst of limit+2 at one instant': [true, true, true, true, true, false, false],
  'steady refill after exhaustion': [true, true, true, true, true, false, false, true, false, true],
  'a limit that does not divide the window': [true, true, true, true, true, true, true, false, false, true],
  'weighted costs and a peek': [true, false, true, true, true],
  'idle longer than the window forgets history': [true, true, true, true, true, false, true],
}
