import type { Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import { AppError, type FieldError } from '@myshop/errors'
import type { Logger } from '@myshop/logger'
import type { Recipients } from '../consumers/recipients.ts'
import type { Category, Channel } from '../messages/model.ts'
import { hasPushSubscription } from '../push/service.ts'
import {
  type Contact,
  categories,
  channels,
  channelsFor,
  isLocked,
  isTimeZone,
  type PreferenceChoice,
  type Preferences,
  resolvePreferences,
} from './model.ts'
import { nextSmsTime } from './quiet-hours.ts'
import * as repo from './repository.ts'
import {
  signUnsubscribeToken,
  type UnsubscribeScope,
  unsubscribeHeaders,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from './unsubscribe.ts'

/** What the preferences feature needs; the notification service's deps satisfy it. */
export interface PreferencesDeps {
  sql: Db
  verifier: Verifier
  now: () => number
  logger: Logger
  config: { NOTIFICATION_UNSUBSCRIBE_SECRET: string }
}

/** A person's preferences as they see and change them. */
export interface PreferencesView {
  preferences: Preferences
  contact: Contact
}

/** The changes a person asks for; a field left out stays as it is, `null` clears it. */
export interface PreferencesPatch {
  preferences?: Partial<Record<Category, Partial<Record<Channel, boolean>>>>
  phone?: string | null
  phoneOptIn?: boolean
  timeZone?: string | null
  locale?: string | null
}

const noContact: Contact = { email: null, phone: null, phoneOptIn: false, timeZone: null, locale: null }

/** A person's preferences for every category and channel, with where they can be reached. */
export const getPreferences = async (deps: PreferencesDeps, userId: string): Promise<PreferencesView> => {
  const [made, contact] = await Promise.all([repo.choices(deps.sql, userId), repo.contact(deps.sql, userId)])
  return { preferences: resolvePreferences(made), contact: contact ?? noContact }
}

/** The choices a patch makes, in a fixed order. */
const choicesOf = (patch: PreferencesPatch): PreferenceChoice[] =>
  categories.flatMap((category) =>
    channels.flatMap((channel) => {
      const enabled = patch.preferences?.[category]?.[channel]
      return enabled === undefined ? [] : [{ category, channel, enabled }]
    }),
  )

/** Why a patch cannot be applied to the contact it would change, field by field. */
const patchProblems = (made: PreferenceChoice[], next: Contact, patch: PreferencesPatch): FieldError[] => [
  ...made
    .filter((c) => !c.enabled && isLocked(c.category, c.channel))
    .map((c) => ({
      path: `/preferences/${c.category}/${c.channel}`,
      message: `${c.category} email is transactional and cannot be turned off`,
    })),
  ...(patch.timeZone && !isTimeZone(patch.timeZone)
    ? [{ path: '/timeZone', message: `${patch.timeZone} is not an IANA time zone such as Europe/Berlin` }]
    : []),
  ...(next.phoneOptIn && !next.phone
    ? [{ path: '/phoneOptIn', message: 'Give a phone number to opt in to SMS' }]
    : []),
]

/**
 * Applies a person's changes in one transaction: channel choices and contact fields together, or nothing (422) if
 * any is refused — turning off transactional email, an unknown time zone, opting in to SMS with no phone.
 */
export const updatePreferences = async (
  deps: PreferencesDeps,
  userId: string,
  patch: PreferencesPatch,
): Promise<PreferencesView> => {
  const made = choicesOf(patch)
  const at = new Date(deps.now())
  await deps.sql.begin(async (tx) => {
    const current = (await repo.lockContact(tx, userId)) ?? noContact
    const next: Contact = {
      ...current,
      ...(patch.phone !== undefined && { phone: patch.phone }),
      // A new number needs its own consent: opting in stays only when asked for again.
      ...(patch.phone !== undefined && patch.phone !== current.phone && { phoneOptIn: false }),
      ...(patch.phoneOptIn !== undefined && { phoneOptIn: patch.phoneOptIn }),
      ...(patch.timeZone !== undefined && { timeZone: patch.timeZone }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
    }
    const problems = patchProblems(made, next, patch)
    if (problems.length > 0)
      throw new AppError('validation_failed', { detail: problems[0]!.message, errors: problems })
    await repo.saveChoices(tx, userId, made, at)
    await repo.saveContact(tx, userId, next, at)
  })
  return getPreferences(deps, userId)
}

/**
 * Records the address and language a person signed up with (from `user.registered`), keeping what they set since.
 */
export const recordContact = (deps: PreferencesDeps, userId: string, email: string, locale?: string) =>
  deps.sql.begin(async (tx) => {
    const current = (await repo.lockContact(tx, userId)) ?? noContact
    await repo.saveContact(
      tx,
      userId,
      { ...current, email, locale: current.locale ?? locale ?? null },
      new Date(deps.now()),
    )
  })

/** The channels a message of `category` goes out on to the person (see `channelsFor`), and their contact. */
export const reachFor = async (deps: PreferencesDeps, userId: string, category: Category) => {
  const [{ preferences, contact }, pushSubscribed] = await Promise.all([
    getPreferences(deps, userId),
    hasPushSubscription(deps, userId),
  ])
  return { channels: channelsFor(category, preferences, { ...contact, pushSubscribed }), contact }
}

const invalidLink = () =>
  new AppError('bad_request', { detail: 'This unsubscribe link is not valid or has expired' })

/** The unsubscribe link for a non-transactional message and the headers that offer it to the mail client. */
export const unsubscribeLink = (
  deps: PreferencesDeps,
  baseUrl: string,
  scope: UnsubscribeScope,
  validForMs = 90 * 24 * 3600 * 1000,
) => {
  const token = signUnsubscribeToken(
    deps.config.NOTIFICATION_UNSUBSCRIBE_SECRET,
    scope,
    new Date(deps.now() + validForMs),
  )
  const url = unsubscribeUrl(baseUrl, token)
  return { url, headers: unsubscribeHeaders(url) }
}

/** What a link's token turns off, or 400 for a forged or expired one. Changes nothing. */
export const readUnsubscribeToken = (deps: PreferencesDeps, token: string): UnsubscribeScope => {
  const scope = verifyUnsubscribeToken(deps.config.NOTIFICATION_UNSUBSCRIBE_SECRET, token, deps.now())
  if (!scope) throw invalidLink()
  return scope
}

/** Turns off what a valid link's token names (again is fine); a forged or expired one is 400 and changes nothing. */
export const unsubscribe = async (deps: PreferencesDeps, token: string): Promise<UnsubscribeScope> => {
  const scope = readUnsubscribeToken(deps, token)
  await repo.saveChoices(
    deps.sql,
    scope.userId,
    [{ category: scope.category, channel: scope.channel, enabled: false }],
    new Date(deps.now()),
  )
  deps.logger.info({ userId: scope.userId, category: scope.category, channel: scope.channel }, 'unsubscribed')
  return scope
}

/**
 * Where a person is reached for a category, from what they chose and told us: email (always, for transactional
 * messages), text messages to the phone they opted in with (held back to the end of their quiet hours), and the
 * browsers they subscribed for push. Someone the notification service has not heard of yet is reached by the
 * address the event carries, in English.
 */
export const preferredRecipients = (
  deps: PreferencesDeps,
  pushSubscriptions: (
    userId: string,
  ) => Promise<{ endpoint: string; keys: { p256dh: string; auth: string } }[]>,
): Recipients => ({
  async forUser({ userId, email, category }) {
    if (!userId) return { locale: 'en', email, sms: null, push: [] }
    const [{ preferences, contact: known }, pushSubscribed] = await Promise.all([
      getPreferences(deps, userId),
      hasPushSubscription(deps, userId),
    ])
    // The address the event carries reaches someone who never told this service theirs.
    const contact = { ...known, email: known.email ?? email }
    const channels = channelsFor(category, preferences, { ...contact, pushSubscribed })
    const sms = channels.includes('sms') ? contact.phone : null
    const timeZone = contact.timeZone ?? 'UTC'
    const next = sms ? nextSmsTime(deps.now(), timeZone).getTime() : deps.now()
    return {
      userId,
      locale: contact.locale ?? 'en',
      email: channels.includes('email') ? contact.email : null,
      sms,
      push: channels.includes('push') ? await pushSubscriptions(userId) : [],
      ...(next > deps.now() && { smsNotBefore: next }),
    }
  },
})
