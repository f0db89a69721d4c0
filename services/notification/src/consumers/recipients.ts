import type { Category, PushMessage } from '../messages/model.ts'

/** Where one person is reached for one category of message, in their language. */
export interface RecipientSet {
  /** Their account, when they have one: what an unsubscribe link turns off. */
  userId?: string | undefined
  locale: string
  /** Null when they turned email off for the category (never for a transactional one). */
  email: string | null
  /** E.164, when they gave a phone and opted in to text messages for the category. */
  sms: string | null
  /** Their browsers' push subscriptions, when they want push for the category. */
  push: PushMessage['subscription'][]
  /** When a text message may go out to them (epoch ms), if not now: the end of their quiet hours. */
  smsNotBefore?: number | undefined
}

/** Looks up how a person wants to be reached; the preferences feature implements it from their contact and choices. */
export interface Recipients {
  forUser(person: { userId: string | null; email: string; category: Category }): Promise<RecipientSet>
}

/** Email only, in English, to the address the event carries: what is known without any preferences. */
export const emailOnlyRecipients: Recipients = {
  forUser: async ({ email }) => ({ locale: 'en', email, sms: null, push: [] }),
}
