/** The largest push endpoint accepted; browsers' are a few hundred characters. */
export const maxEndpointLength = 2048

/** base64url without padding, as browsers write a subscription's keys. */
export const base64urlPattern = '^[A-Za-z0-9_-]+$'

/**
 * Why a subscription's keys cannot be used to encrypt a push (RFC 8291), or null: `p256dh` must be an uncompressed
 * P-256 public key (65 bytes starting 0x04) and `auth` a 16-byte secret.
 */
export const keyProblem = (keys: {
  p256dh: string
  auth: string
}): { path: string; message: string } | null => {
  const p256dh = Buffer.from(keys.p256dh, 'base64url')
  if (p256dh.length !== 65 || p256dh[0] !== 0x04)
    return { path: '/keys/p256dh', message: 'p256dh must be an uncompressed P-256 public key (65 bytes)' }
  if (Buffer.from(keys.auth, 'base64url').length !== 16)
    return { path: '/keys/auth', message: 'auth must be a 16-byte secret' }
  return null
}

/** Whether an endpoint is one a push service gives: an https URL with a host name, no credentials. */
export const isPushEndpoint = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}
