import { createHash } from 'node:crypto'
import { tokenAlgorithm } from '@myshop/auth'
import { newId } from '@myshop/ids'
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose'
import type { KeyRing, SigningKey } from '../keys/service.ts'

export interface TokenSettings {
  issuer: string
  audience: string
  accessTtlSeconds: number
}

/** The audience of device tokens, which only the user service reads. */
const deviceAudience = 'myshop-device'
const deviceTtlSeconds = 365 * 24 * 3600

/** A new opaque refresh token: 256 random bits, of which only the SHA-256 is stored. */
export const newRefreshToken = (): string =>
  `rt_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * Signs an access token with `signing`, a key the caller took from the key ring beforehand: callers sign inside
 * a transaction, and asking the ring there could make it reload its keys through a connection of its own, which an
 * embedded database (one connection for everything) never frees while that transaction waits.
 */
export const signAccessToken = async (
  signing: SigningKey,
  s: TokenSettings,
  claims: { userId: string; sessionId: string; roles: string[] },
  nowMs: number,
): Promise<string> => {
  const { kid, key } = signing
  const iat = Math.floor(nowMs / 1000)
  return new SignJWT({ sid: claims.sessionId, roles: claims.roles })
    .setProtectedHeader({ alg: tokenAlgorithm, kid, typ: 'at+jwt' })
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setSubject(claims.userId)
    .setJti(newId('req').slice(4))
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + s.accessTtlSeconds)
    .sign(key)
}

/**
 * A device token remembers a browser or machine that signed in successfully; failures from a known
 * device are counted apart, so strangers hammering an account cannot lock its owner out.
 */
export const signDeviceToken = async (keys: KeyRing, issuer: string, userId: string, nowMs: number) => {
  const { kid, key } = await keys.signingKey()
  const iat = Math.floor(nowMs / 1000)
  return new SignJWT({ did: newId('ses').slice(4) })
    .setProtectedHeader({ alg: tokenAlgorithm, kid, typ: 'device+jwt' })
    .setIssuer(issuer)
    .setAudience(deviceAudience)
    .setSubject(userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + deviceTtlSeconds)
    .sign(key)
}

/** The device id of a valid device token for this user, or null. */
export const readDeviceToken = async (
  keys: KeyRing,
  issuer: string,
  token: string,
  userId: string,
  nowMs: number,
): Promise<string | null> => {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await keys.jwks()), {
      algorithms: [tokenAlgorithm],
      issuer,
      audience: deviceAudience,
      subject: userId,
      currentDate: new Date(nowMs),
    })
    return typeof payload.did === 'string' ? payload.did : null
  } catch {
    return null
  }
}
