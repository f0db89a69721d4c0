/** The local hours in which no SMS is sent, `HH:MM` to `HH:MM`; a window past midnight wraps. */
export interface QuietHours {
  start: string
  end: string
}

export const defaultQuietHours: QuietHours = { start: '21:00', end: '08:00' }

const minuteOf = (hhmm: string): number => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!m) throw new RangeError(`Quiet hours: ${hhmm} is not HH:MM`)
  return Number(m[1]) * 60 + Number(m[2])
}

/** Minutes since local midnight in the zone at the instant. */
const localMinute = (at: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return part('hour') * 60 + part('minute')
}

const isQuiet = (minute: number, window: QuietHours): boolean => {
  const start = minuteOf(window.start)
  const end = minuteOf(window.end)
  if (start === end) return false
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

/** Whether an SMS may be sent at `now` to someone in `timeZone`: not in their quiet hours. */
export const smsAllowedAt = (now: Date | number, timeZone: string, window: QuietHours = defaultQuietHours) =>
  !isQuiet(localMinute(new Date(now), timeZone), window)

/**
 * The first instant from `now` on at which an SMS may be sent: `now` itself outside quiet hours, else the end of
 * them in the person's zone. A daylight-saving change inside the window is accounted for by asking the zone again
 * rather than adding hours.
 */
export const nextSmsTime = (
  now: Date | number,
  timeZone: string,
  window: QuietHours = defaultQuietHours,
): Date => {
  let at = new Date(now)
  if (smsAllowedAt(at, timeZone, window)) return at
  const end = minuteOf(window.end)
  // Up to three steps: to the end as the clock reads now, then corrections for an offset change on the way.
  for (let step = 0; step < 3 && !smsAllowedAt(at, timeZone, window); step++) {
    const wait = (end - localMinute(at, timeZone) + 1440) % 1440 || 1
    at = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + wait * 60_000)
  }
  // Clocks moved forward on the way: the end came sooner than the minutes counted, so step back to it.
  const over = localMinute(at, timeZone) - end
  const earlier = new Date(at.getTime() - over * 60_000)
  return over > 0 && over <= 180 && smsAllowedAt(earlier, timeZone, window) ? earlier : at
}
