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

// Random bytes for `randomHex` are drawn from the CSPRNG in blocks rather than one small call per value.
const hexPool = new Uint8Array(4096)
let hexUsed = hexPool.length
const hexDigits = new TextEncoder().encode('0123456789abcdef')
const hexChars = new Map<number, Uint8Array>()
const ascii = new TextDecoder()

/**
 * `bytes` random bytes as lowercase hex (trace and span ids). The characters are written into a reused buffer
 * and decoded once: building the string a character at a time allocated a piece per character.
 */
export const randomHex = (bytes: number): string => {
  if (hexUsed + bytes > hexPool.length) {
    crypto.getRandomValues(hexPool)
    hexUsed = 0
  }
  let chars = hexChars.get(bytes)
  if (!chars) {
    chars = new Uint8Array(bytes * 2)
    hexChars.set(bytes, chars)
  }
  for (let i = 0; i < bytes; i++) {
    const b = hexPool[hexUsed + i]!
    chars[2 * i] = hexDigits[b >> 4]!
    chars[2 * i + 1] = hexDigits[b & 15]!
  }
  hexUsed += bytes
  return ascii.decode(chars)
}
