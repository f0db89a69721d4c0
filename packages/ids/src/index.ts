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
  'txn',
  'rfd',
  'tpc',
  'tpo',
  'sag',
  'ful',
  'shp',
  'dsp',
  'psb',
] as const
export type IdPrefix = (typeof idPrefixes)[number]

const encodeTime = (ms: number): string => {
  let out = ''
  let t = ms
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32] + out
    t = Math.floor(t / 32)
  }
  return out
}

/** One millisecond's ids: its encoding, and the random part's digits and text, incremented for each id. */
interface Millisecond {
  time: number
  timeText: string
  digits: Uint8Array
  randText: string
}

const startMillisecond = (time: number): Millisecond => {
  const digits = crypto.getRandomValues(new Uint8Array(16))
  let randText = ''
  for (let i = 0; i < digits.length; i++) {
    digits[i] = digits[i]! & 31
    // Leave headroom so increments within one millisecond never wrap.
    if (i === 0) digits[0] = digits[0]! & 15
    randText += alphabet[digits[i]!]
  }
  return { time, timeText: encodeTime(time), digits, randText }
}

/** The next id's random part in `ms`: its text is rewritten only from the lowest digit that changed. */
const increment = (ms: Millisecond) => {
  const { digits } = ms
  let i = digits.length - 1
  while (digits[i] === 31) {
    digits[i] = 0
    i--
  }
  digits[i]!++
  ms.randText = ms.randText.slice(0, i) + alphabet[digits[i]!] + '0'.repeat(digits.length - 1 - i)
}

// The two milliseconds ids were last minted in. Within one, the random part is incremented, keeping ids from one
// process monotonic, and nothing is encoded again. Two, because a batch often mints ids at its own start time (the
// rows it writes) between ids at the current time (their events): with one, every id re-encoded the time and drew
// new randomness.
// No randomness is drawn until the first id: Workers refuse it at a module's top level. NaN equals no time.
const none: Millisecond = { time: Number.NaN, timeText: '', digits: new Uint8Array(16), randText: '' }
let current = none
let previous = none

/** A new time-sortable id with the given prefix, e.g. `usr_01JD…`. */
export const newId = (prefix: IdPrefix, now: number = Date.now()): string => {
  let ms = current
  if (now === ms.time) increment(ms)
  else if (now === previous.time) {
    ms = previous
    previous = current
    current = ms
    increment(ms)
  } else {
    ms = startMillisecond(now)
    previous = current
    current = ms
  }
  return `${prefix}_${ms.timeText}${ms.randText}`
}

const idPattern = /^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/

/** True when `value` has the shape of an id with the given prefix. */
export const isId = (value: string, prefix?: IdPrefix): boolean =>
  idPattern.test(value) && (prefix === undefined || value.startsWith(`${prefix}_`))

// `randomHex` cuts its values from a block of random hex: the CSPRNG and the decoder run once per block, and a
// value is a slice of it. Building each value a character at a time allocated a piece per character, and
// decoding each one was a native call per value. The block is small, so a value kept long holds little.
const hexBlockBytes = 1024
const hexDigits = new TextEncoder().encode('0123456789abcdef')
const hexRaw = new Uint8Array(hexBlockBytes)
const hexChars = new Uint8Array(hexBlockBytes * 2)
const ascii = new TextDecoder()
let hexBlock = ''
let hexUsed = hexBlock.length

const refillHex = () => {
  crypto.getRandomValues(hexRaw)
  for (let i = 0; i < hexBlockBytes; i++) {
    const b = hexRaw[i]!
    hexChars[2 * i] = hexDigits[b >> 4]!
    hexChars[2 * i + 1] = hexDigits[b & 15]!
  }
  hexBlock = ascii.decode(hexChars)
  hexUsed = 0
}

/** `bytes` random bytes as lowercase hex (trace and span ids); at most 1024 bytes. */
export const randomHex = (bytes: number): string => {
  const length = bytes * 2
  if (length > hexChars.length) throw new RangeError(`randomHex gives at most ${hexBlockBytes} bytes`)
  if (hexUsed + length > hexBlock.length) refillHex()
  const value = hexBlock.slice(hexUsed, hexUsed + length)
  hexUsed += length
  return value
}
