import { createVerifier, type Role, tokenAudience, type Verifier } from '@myshop/auth'
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose'

/** Claims a test token may set; the rest are those the user service issues. */
export interface TestClaims {
  sid?: string
  sub?: string
  roles?: Role[]
}

/**
 * A real ES256 key with its key set, a signer for access tokens shaped like the user service's, and a
 * verifier over a session check the test supplies.
 */
export const testTokens = async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const jwks: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
  }
  const sign = ({ sid = 'ses_test', sub = 'usr_test', roles = ['customer'] }: TestClaims = {}) =>
    new SignJWT({ sid, roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' })
      .setIssuer('myshop')
      .setAudience(tokenAudience)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
  const verifier = (isSessionActive: (sid: string) => Promise<boolean>): Verifier =>
    createVerifier({
      issuer: 'myshop',
      audience: tokenAudience,
      jwks: () => jwks,
      cacheSize: 100,
      isSessionActive,
    })
  return { jwks, sign, verifier }
}
