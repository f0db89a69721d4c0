import type { Queryable } from '@myshop/db'
import type { JWK } from 'jose'
import type { SealedJwk } from './sealing.ts'

export interface SigningKeyRow {
  kid: string
  alg: string
  publicJwk: JWK
  privateJwk: JWK | SealedJwk
  status: 'next' | 'active' | 'retiring' | 'retired'
  createdAt: Date
  retiringAt: Date | null
}

const columns = (sql: Queryable) =>
  sql`kid, alg, public_jwk as "publicJwk", private_jwk as "privateJwk", status, created_at as "createdAt", retiring_at as "retiringAt"`

export const lockKeys = (tx: Queryable) =>
  tx`select pg_advisory_xact_lock(hashtext('myshop.users.signing_keys'))`

export const listUsable = (sql: Queryable) =>
  sql<
    SigningKeyRow[]
  >`select ${columns(sql)} from users.signing_keys where status <> 'retired' order by created_at desc`

export const insertKey = (
  sql: Queryable,
  key: { kid: string; alg: string; publicJwk: JWK; privateJwk: JWK | SealedJwk },
  status: 'next' | 'active',
) =>
  sql`insert into users.signing_keys (kid, alg, public_jwk, private_jwk, status)
      values (${key.kid}, ${key.alg}, ${sql.json(key.publicJwk as never)}, ${sql.json(key.privateJwk as never)}, ${status})`

export const promoteNext = (sql: Queryable) =>
  sql`update users.signing_keys set status = 'active' where status = 'next'`

export const demoteActive = (sql: Queryable, at: Date) =>
  sql`update users.signing_keys set status = 'retiring', retiring_at = ${at} where status = 'active'`

export const retireOlderThan = (sql: Queryable, cutoff: Date, at: Date) =>
  sql`update users.signing_keys set status = 'retired', retired_at = ${at}
      where status = 'retiring' and retiring_at < ${cutoff}`
