// Prefixed, time-sortable ids: `usr_` + 10 chars of millisecond time + 16 chars of randomness
// (Crockford base32, ULID layout), so ids sort by creation time as plain strings.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export const idPrefixes = [
  'usr',
  'evt',
  'ses',
  'fam',
  'key',
  'req',
  'idk',
  'prd',
  'var',
  'cat',
  'ord',
  'pay',
  'res',
  'adj',
  'ntf',
  'img',
  'rix',
] as const
export type IdPrefix = (typeof idPrefixes)[number]

let lastTime = 0
let lastRandom = new Uint8Array(16)

const encodeTime = (ms: number): string => {
  let out = ''
  let t = ms
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32] + out
    t = Math.floor(t / 32)
  }
  return out
}

// Within one millisecond the random part is incremented, keeping ids from one process monotonic.
const nextRandom = (ms: number): Uint8Array => {
  if (ms === lastTime) {
    const r = lastRandom
    for (let i = r.length - 1; i >= 0; i--) {
      if (r[i]! < 31) {
        r[i]!++
        return r
      }
      r[i] = 0
    }
  }
  lastTime = ms
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  lastRandom = bytes.map((b) => b & 31)
  // Leave headroom so increments within one millisecond never wrap.
  lastRandom[0] = lastRandom[0]! & 15
  return lastRandom
}

/** A new time-sortable id with the given prefix, e.g. `usr_01JD…`. */
let encodedAt = -1
let encodedTime = ''

export const newId = (prefix: IdPrefix, now: number = Date.now()): string => {
  const r = nextRandom(now)
  let rand = ''
  for (let i = 0; i < r.length; i++) rand += alphabet[r[i]!]
  // Busy services mint many ids per millisecond; the time part is worked out once for each.
  if (now !== encodedAt) {
    encodedAt = now
    encodedTime = encodeTime(now)
  }
  return `${prefix}_${encodedTime}${rand}`
}

const idPattern = /^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/

/** True when `value` has the shape of an id with the given prefix. */
export const isId = (value: string, prefix?: IdPrefix): boolean =>
  idPattern.test(value) && (prefix === undefined || value.startsWith(`${prefix}_`))
