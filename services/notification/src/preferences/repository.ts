import type { Queryable } from '@myshop/db'
import type { Contact, PreferenceChoice } from './model.ts'

/** The choices a person has made; categories and channels without one have their defaults. */
export const choices = (sql: Queryable, userId: string) =>
  sql<PreferenceChoice[]>`
    select category, channel, enabled from notifications.preferences where user_id = ${userId}`

/** Records choices, each replacing the one made before for its category and channel. */
export const saveChoices = async (sql: Queryable, userId: string, made: PreferenceChoice[], at: Date) => {
  if (made.length === 0) return
  const rows = made.map((c) => ({ ...c, user_id: userId, updated_at: at }))
  await sql`
    insert into notifications.preferences ${sql(rows, 'user_id', 'category', 'channel', 'enabled', 'updated_at')}
    on conflict (user_id, category, channel) do update set enabled = excluded.enabled, updated_at = excluded.updated_at`
}

/** Where a person can be reached, or null before anything is known of them. */
export const contact = async (sql: Queryable, userId: string): Promise<Contact | null> => {
  const [row] = await sql<Contact[]>`
    select email, phone, phone_opt_in as "phoneOptIn", time_zone as "timeZone", locale
    from notifications.contacts where user_id = ${userId}`
  return row ?? null
}

/** Writes a person's whole contact, locking it for the rest of the transaction. */
export const saveContact = async (sql: Queryable, userId: string, c: Contact, at: Date) => {
  await sql`
    insert into notifications.contacts (user_id, email, phone, phone_opt_in, time_zone, locale, updated_at)
    values (${userId}, ${c.email}, ${c.phone}, ${c.phoneOptIn}, ${c.timeZone}, ${c.locale}, ${at})
    on conflict (user_id) do update set email = excluded.email, phone = excluded.phone,
      phone_opt_in = excluded.phone_opt_in, time_zone = excluded.time_zone, locale = excluded.locale,
      updated_at = excluded.updated_at`
}

/** Reads a person's contact locked for update, so two changes at once do not overwrite each other's fields. */
export const lockContact = async (sql: Queryable, userId: string): Promise<Contact | null> => {
  const [row] = await sql<Contact[]>`
    select email, phone, phone_opt_in as "phoneOptIn", time_zone as "timeZone", locale
    from notifications.contacts where user_id = ${userId} for update`
  return row ?? null
}
