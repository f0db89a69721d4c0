import { tokenAlgorithm } from '@myshop/auth'
import type { Db } from '@myshop/db'
import { newId } from '@myshop/ids'
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose'
import * as keys from './repository.ts'
import { isSealed, type SealedJwk, type Sealer } from './sealing.ts'

export interface KeyRingOptions {
  sql: Db
  now: () => number
  /** How long a rotated-out key stays in the JWKS. */
  retireAfterSeconds: number
  /** How long a loaded key set is trusted before the database is read again (other instances may rotate). */
  reloadAfterMs?: number
  /** Encrypts private keys at rest (KEY_ENCRYPTION_SECRET); without it they are stored as plain JWKs. */
  sealer?: Sealer
}

export interface SigningKey {
  kid: string
  key: CryptoKey
}

/** The access-token signing keys: created on first boot, persisted, and rotatable without downtime. */
export interface KeyRing {
  /** Makes sure an active key exists (first boot generates one). */
  ensure(): Promise<void>
  signingKey(): Promise<SigningKey>
  jwks(): Promise<JSONWebKeySet>
  /**
   * Promotes the already-published `next` key to signing and publishes a fresh `next`; the previous key keeps
   * verifying until it retires. Verifiers that cache the JWKS therefore never see a token with a kid they lack.
   */
  rotate(): Promise<{ kid: string; retiring: string[] }>
}

const publicOnly = ({ kty, crv, x, y }: JWK, kid: string): JWK => ({
  kty,
  crv,
  x,
  y,
  kid,
  alg: tokenAlgorithm,
  use: 'sig',
})

export const createKeyRing = ({
  sql,
  now,
  retireAfterSeconds,
  reloadAfterMs = 30_000,
  sealer,
}: KeyRingOptions): KeyRing => {
  let loaded: { at: number; signing: SigningKey; jwks: JSONWebKeySet } | undefined

  const generate = async () => {
    const { publicKey, privateKey } = await generateKeyPair(tokenAlgorithm, { extractable: true })
    const kid = newId('key').slice(4)
    return {
      kid,
      alg: tokenAlgorithm,
      publicJwk: publicOnly(await exportJWK(publicKey), kid),
      privateJwk: sealer ? await sealer.seal(await exportJWK(privateKey)) : await exportJWK(privateKey),
    }
  }

  const unseal = async (stored: JWK | SealedJwk): Promise<JWK> => {
    if (!isSealed(stored)) return stored
    if (!sealer)
      throw new Error(
        'signing keys are encrypted: set KEY_ENCRYPTION_SECRET to the secret they were sealed with',
      )
    try {
      return await sealer.open(stored)
    } catch {
      throw new Error('KEY_ENCRYPTION_SECRET does not open the stored signing keys')
    }
  }

  const load = async () => {
    await sql.begin(async (tx) => {
      await keys.lockKeys(tx)
      const cutoff = new Date(now() - retireAfterSeconds * 1000)
      await keys.retireOlderThan(tx, cutoff, new Date(now()))
      const rows = await keys.listUsable(tx)
      if (!rows.some((r) => r.status === 'active')) await keys.insertKey(tx, await generate(), 'active')
      if (!rows.some((r) => r.status === 'next')) await keys.insertKey(tx, await generate(), 'next')
    })
    const rows = await keys.listUsable(sql)
    const active = rows.find((r) => r.status === 'active')
    if (!active) throw new Error('no active signing key after ensure')
    loaded = {
      at: now(),
      signing: {
        kid: active.kid,
        key: (await importJWK(await unseal(active.privateJwk), tokenAlgorithm)) as CryptoKey,
      },
      jwks: { keys: rows.map((r) => publicOnly(r.publicJwk, r.kid)) },
    }
    return loaded
  }

  const current = async () => (loaded && now() - loaded.at < reloadAfterMs ? loaded : load())

  return {
    async ensure() {
      await load()
    },
    async signingKey() {
      return (await current()).signing
    },
    async jwks() {
      return (await current()).jwks
    },
    async rotate() {
      const fresh = await generate()
      let retiring: string[] = []
      let promoted = ''
      await sql.begin(async (tx) => {
        await keys.lockKeys(tx)
        const rows = await keys.listUsable(tx)
        retiring = rows.filter((r) => r.status === 'active').map((r) => r.kid)
        await keys.demoteActive(tx, new Date(now()))
        const next = rows.find((r) => r.status === 'next')
        if (next) {
          // The published next key signs from now on; verifiers have had it in their key sets already.
          await keys.promoteNext(tx)
          promoted = next.kid
          await keys.insertKey(tx, fresh, 'next')
        } else {
          await keys.insertKey(tx, fresh, 'active')
          promoted = fresh.kid
        }
      })
      await load()
      return { kid: promoted, retiring }
    },
  }
}
