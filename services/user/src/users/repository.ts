import type { Queryable } from '@myshop/db'
import type { NewUser, User, UserFilter, UserWithSecret } from './model.ts'

type Row = Omit<UserWithSecret, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date }

const toUser = ({ passwordHash: _, ...row }: Row): User => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
})

const select = (sql: Queryable) =>
  sql`select id, email, name, roles, password_hash as "passwordHash", created_at as "createdAt", updated_at as "updatedAt" from users.accounts`

/** Inserts an account; returns null when the email is already taken (case-insensitively). */
export const insert = async (sql: Queryable, user: NewUser): Promise<User | null> => {
  const rows = await sql<Row[]>`
    insert into users.accounts (id, email, name, password_hash, roles)
    values (${user.id}, ${user.email}, ${user.name}, ${user.passwordHash}, ${user.roles})
    on conflict (lower(email)) do nothing
    returning id, email, name, roles, password_hash as "passwordHash", created_at as "createdAt", updated_at as "updatedAt"`
  return rows[0] ? toUser(rows[0]) : null
}

export const findByEmail = async (sql: Queryable, email: string): Promise<UserWithSecret | null> => {
  const [row] = await sql<Row[]>`${select(sql)} where lower(email) = lower(${email})`
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : null
}

export const findById = async (
  sql: Queryable,
  id: string,
  forUpdate = false,
): Promise<UserWithSecret | null> => {
  const [row] = await sql<Row[]>`${select(sql)} where id = ${id} ${forUpdate ? sql`for update` : sql``}`
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : null
}

export const update = async (
  sql: Queryable,
  id: string,
  changes: { name?: string; passwordHash?: string; roles?: string[] },
  at: Date,
): Promise<User | null> => {
  const [row] = await sql<Row[]>`
    update users.accounts set
      name = coalesce(${changes.name ?? null}, name),
      password_hash = coalesce(${changes.passwordHash ?? null}, password_hash),
      roles = coalesce(${changes.roles ?? null}::text[], roles),
      updated_at = ${at}
    where id = ${id}
    returning id, email, name, roles, password_hash as "passwordHash", created_at as "createdAt", updated_at as "updatedAt"`
  return row ? toUser(row) : null
}

/** One page of users in id order (ids are time-sortable, so this is creation order). */
export const list = async (sql: Queryable, f: UserFilter): Promise<User[]> => {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const rows = await sql<Row[]>`
    ${select(sql)}
    where true
      ${f.cursor ? sql`and id > ${f.cursor}` : sql``}
      ${pattern ? sql`and (email ilike ${pattern} or name ilike ${pattern})` : sql``}
      ${f.role ? sql`and ${f.role} = any(roles)` : sql``}
    order by id
    limit ${f.limit}`
  return rows.map(toUser)
}
