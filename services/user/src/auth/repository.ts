import type { Queryable } from '@myshop/db'

export interface RefreshTokenRow {
  tokenHash: string
  familyId: string
  usedAt: Date | null
  expiresAt: Date
  userId: string
  familyRevokedAt: Date | null
  familyExpiresAt: Date
}

export const insertFamily = (
  sql: Queryable,
  f: { id: string; userId: string; expiresAt: Date; userAgent: string | null; ip: string | null; at: Date },
) =>
  sql`insert into users.token_families (id, user_id, created_at, last_used_at, expires_at, user_agent, ip)
      values (${f.id}, ${f.userId}, ${f.at}, ${f.at}, ${f.expiresAt}, ${f.userAgent}, ${f.ip})`

export const insertToken = (
  sql: Queryable,
  t: { tokenHash: string; familyId: string; parentHash: string | null; expiresAt: Date; at: Date },
) =>
  sql`insert into users.refresh_tokens (token_hash, family_id, parent_hash, created_at, expires_at)
      values (${t.tokenHash}, ${t.familyId}, ${t.parentHash}, ${t.at}, ${t.expiresAt})`

/** Reads a refresh token with its family and locks the token row, so concurrent refreshes take turns. */
export const lockToken = async (sql: Queryable, tokenHash: string): Promise<RefreshTokenRow | null> => {
  const [row] = await sql<RefreshTokenRow[]>`
    select t.token_hash as "tokenHash", t.family_id as "familyId", t.used_at as "usedAt", t.expires_at as "expiresAt",
           f.user_id as "userId", f.revoked_at as "familyRevokedAt", f.expires_at as "familyExpiresAt"
    from users.refresh_tokens t join users.token_families f on f.id = t.family_id
    where t.token_hash = ${tokenHash}
    for update of t`
  return row ?? null
}

export const markUsed = (sql: Queryable, tokenHash: string, at: Date) =>
  sql`update users.refresh_tokens set used_at = ${at} where token_hash = ${tokenHash} and used_at is null`

export const touchFamily = (sql: Queryable, familyId: string, at: Date) =>
  sql`update users.token_families set last_used_at = ${at} where id = ${familyId}`

export const revokeFamily = (sql: Queryable, familyId: string, reason: string, at: Date) =>
  sql`update users.token_families set revoked_at = ${at}, revoked_reason = ${reason}
      where id = ${familyId} and revoked_at is null`

/** Revokes every live family of a user except `keep`; returns the revoked ids. */
export const revokeUserFamilies = async (
  sql: Queryable,
  userId: string,
  reason: string,
  at: Date,
  keep?: string,
) =>
  (
    await sql<{ id: string }[]>`
      update users.token_families set revoked_at = ${at}, revoked_reason = ${reason}
      where user_id = ${userId} and revoked_at is null ${keep ? sql`and id <> ${keep}` : sql``}
      returning id`
  ).map((r) => r.id)

export const familyOwner = async (sql: Queryable, familyId: string) => {
  const [row] = await sql<{ userId: string; revokedAt: Date | null }[]>`
    select user_id as "userId", revoked_at as "revokedAt" from users.token_families where id = ${familyId}`
  return row ?? null
}

/** Whether a session (token family) is neither revoked nor expired: the record the session store mirrors. */
export const isFamilyLive = async (sql: Queryable, familyId: string, at: Date) => {
  const [row] = await sql<{ live: boolean }[]>`
    select true as live from users.token_families
    where id = ${familyId} and revoked_at is null and expires_at > ${at}`
  return row !== undefined
}
