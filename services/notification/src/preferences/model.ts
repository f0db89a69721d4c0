import type { Category, Channel } from '../messages/model.ts'

export const categories: readonly Category[] = ['account', 'order', 'staff', 'marketing']
export const channels: readonly Channel[] = ['email', 'sms', 'push']

/** Messages a person needs whatever they chose (their account, their orders, alerts staff must act on). */
export const isTransactional = (category: Category): boolean => category !== 'marketing'

/** Whether a person may turn a category off on a channel: never transactional email. */
export const isLocked = (category: Category, channel: Channel): boolean =>
  isTransactional(category) && channel === 'email'

/** Each category's channels, on or off. */
export type Preferences = Record<Category, Record<Channel, boolean>>

/** A choice a person made; a category and channel without one has its default. */
export interface PreferenceChoice {
  category: Category
  channel: Channel
  enabled: boolean
}

/** Transactional messages are on everywhere, marketing is opt-in: off until turned on. */
export const defaultEnabled = (category: Category): boolean => isTransactional(category)

/** Every category and channel, from the choices made and the defaults for the rest; locked ones always on. */
export const resolvePreferences = (choices: readonly PreferenceChoice[]): Preferences => {
  const made = new Map(choices.map((c) => [`${c.category}:${c.channel}`, c.enabled]))
  const row = (category: Category) =>
    Object.fromEntries(
      channels.map((channel) => [
        channel,
        isLocked(category, channel) || (made.get(`${category}:${channel}`) ?? defaultEnabled(category)),
      ]),
    ) as Record<Channel, boolean>
  return Object.fromEntries(categories.map((category) => [category, row(category)])) as Preferences
}

/** Where a person can be reached. */
export interface Contact {
  email: string | null
  /** E.164. */
  phone: string | null
  phoneOptIn: boolean
  /** IANA zone; null reads as UTC. */
  timeZone: string | null
  locale: string | null
}

/** How a person can be reached right now: their contact, and whether any browser of theirs takes push. */
export interface Reach extends Contact {
  pushSubscribed: boolean
}

/**
 * The channels a message of `category` goes out on: those the person left on and can be reached through. Email
 * needs an address, SMS a phone number the person opted in with, push a subscribed browser; transactional email is
 * sent whatever the preferences say.
 */
export const channelsFor = (category: Category, prefs: Preferences, contact: Reach): Channel[] =>
  channels.filter((channel) => {
    const wanted = isLocked(category, channel) || prefs[category][channel]
    if (!wanted) return false
    if (channel === 'email') return Boolean(contact.email)
    if (channel === 'sms') return Boolean(contact.phone) && contact.phoneOptIn
    return contact.pushSubscribed
  })

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const e164Pattern = '^\\+[1-9][0-9]{1,14}$'

/** Whether the runtime knows a time zone by this IANA name (`Europe/Berlin`). */
export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}
