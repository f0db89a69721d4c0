export type {
  AuthorizeInput as ProviderAuthorizeInput,
  DeclineReason,
  NextAction,
  PaymentProvider,
  ProviderEvent,
  ProviderOutcome,
  ProviderRecord,
  WebhookCheck,
} from '../providers/types.ts'

/** The providers a payment can name: the built-in test provider, Stripe and PayPal. */
export const providerNames = ['test', 'stripe', 'paypal'] as const
export type ProviderName = (typeof providerNames)[number]

export const isProviderName = (value: string): value is ProviderName =>
  (providerNames as readonly string[]).includes(value)

/** Providers that charge a card the shopper entered, and so need its token; PayPal's shopper signs in there instead. */
export const cardProviders: readonly ProviderName[] = ['test', 'stripe']
