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

const encodeTime = (ms: number): string => {
  let out = ''
  let t = ms
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32] + out
    t = Math.floor(t / 32)
  }
  return out
}

// The current millisecond, its encoding, and the random part's digits and text. Within one millisecond the random
// part is incremented, keeping ids from one process monotonic; its text is rewritten only from the lowest digit
// that changed, so busy services mint ids without re-encoding them whole.
let lastTime = -1
let timeText = ''
const digits = new Uint8Array(16)
let randText = ''

/** A new time-sortable id with the given prefix, e.g. `usr_01JD…`. */
export const newId = (prefix: IdPrefix, now: number = Date.now()): string => {
  if (now !== lastTime) {
    lastTime = now
    timeText = encodeTime(now)
    crypto.getRandomValues(digits)
    randText = ''
    for (let i = 0; i < digits.length; i++) {
      digits[i] = digits[i]! & 31
      // Leave headroom so increments within one millisecond never wrap.
      if (i === 0) digits[0] = digits[0]! & 15
      randText += alphabet[digits[i]!]
    }
  } else {
    let i = digits.length - 1
    while (digits[i] === 31) {
      digits[i] = 0
      i--
    }
    digits[i]!++
    randText = randText.slice(0, i) + alphabet[digits[i]!] + '0'.repeat(digits.length - 1 - i)
  }
  return `${prefix}_${timeText}${randText}`
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
