import type { ServiceIdentity } from './rbac.ts'

const encoder = new TextEncoder()

const base64url = (bytes: ArrayBuffer): string => {
  let binary = ''
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * A service's secret, derived from the shop's SERVICE_AUTH_SECRET: HMAC-SHA256 of the service's name. Only the user
 * service holds the shop's secret; each service is given its own derived one (`myshop services secret NAME` prints
 * it), so a service can prove who it is and nothing more.
 */
export const serviceSecret = async (shopSecret: string, service: ServiceIdentity): Promise<string> => {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(shopSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return base64url(await crypto.subtle.sign('HMAC', key, encoder.encode(`myshop-service:${service}`)))
}

/** Whether `given` is the service's secret, compared in time that does not depend on where they differ. */
export const verifyServiceSecret = async (
  shopSecret: string,
  service: ServiceIdentity,
  given: string,
): Promise<boolean> => {
  const expected = await serviceSecret(shopSecret, service)
  if (given.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i)
  return difference === 0
}
