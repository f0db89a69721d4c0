import type { JWK } from 'jose'

/** A private key as stored when KEY_ENCRYPTION_SECRET is set: AES-256-GCM over the JWK's JSON. */
export interface SealedJwk {
  enc: 'A256GCM'
  iv: string
  ct: string
}

const b64 = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url')

export const isSealed = (value: JWK | SealedJwk): value is SealedJwk => (value as SealedJwk).enc === 'A256GCM'

/** Seals and opens private signing keys with a key derived (HKDF-SHA256) from an operator-held secret. */
export const createSealer = async (secret: string) => {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, [
    'deriveKey',
  ])
  const key = await crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode('myshop.signing-keys'),
      info: new Uint8Array(),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
  return {
    async seal(jwk: JWK): Promise<SealedJwk> {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        key,
        new TextEncoder().encode(JSON.stringify(jwk)),
      )
      return { enc: 'A256GCM', iv: b64(iv), ct: b64(ct) }
    },
    async open(sealed: SealedJwk): Promise<JWK> {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: Buffer.from(sealed.iv, 'base64url') },
        key,
        Buffer.from(sealed.ct, 'base64url'),
      )
      return JSON.parse(new TextDecoder().decode(plain)) as JWK
    },
  }
}

export type Sealer = Awaited<ReturnType<typeof createSealer>>
