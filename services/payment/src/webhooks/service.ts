import { AppError } from '@myshop/errors'
import type { PaymentDeps } from '../deps.ts'
import type { ProviderName } from '../payments/provider.ts'
import {
  type EventContext,
  getPayment,
  paymentIdForProviderIds,
  providerActor,
  recordDispute,
  resolvePayment,
} from '../payments/service.ts'
import * as receipts from './repository.ts'

/** What the service answers a provider's webhook with. */
export interface WebhookReceipt {
  received: true
  /** The event was received before: acknowledged again, and nothing done. */
  duplicate: boolean
  /** The payment it concerned, when one was found. */
  paymentId: string | null
  /** That payment's status after the event was applied. */
  status: string | null
}

/**
 * Takes a provider's webhook: checks its signature over the raw body (400 and nothing recorded when it fails),
 * records it once by the provider's event id, and acts on it. What it says is taken as a hint, never as the truth:
 * about an authorization or capture, the provider is asked where the payment stands (so events arriving out of
 * order, late or twice come to the same end); a dispute is recorded and announced. A repeat is acknowledged, so the
 * provider stops sending it, and changes nothing.
 */
export const receiveWebhook = async (
  deps: PaymentDeps,
  name: ProviderName,
  rawBody: string,
  headers: Headers,
  ctx: EventContext = {},
): Promise<WebhookReceipt> => {
  const provider = deps.providers[name]
  if (!provider) throw new AppError('not_found', { detail: `The ${name} provider is not configured` })
  const check = await provider.parseWebhook(rawBody, headers)
  if (!check.ok) throw new AppError('invalid_signature', { detail: check.reason })
  const { event } = check
  let disputed = false
  const first = await deps.sql.begin(async (tx) => {
    const at = new Date(deps.now())
    if (!(await receipts.receive(tx, { provider: name, eventId: event.id, eventType: event.type, at })))
      return { fresh: false, paymentId: await receipts.paymentOfReceipt(tx, name, event.id) }
    const paymentId = await paymentIdForProviderIds(tx, name, event.references)
    if (!paymentId) return { fresh: true, paymentId: null }
    await receipts.concerned(tx, name, event.id, paymentId)
    if (event.kind === 'dispute' && event.dispute)
      disputed = await recordDispute(deps, tx, paymentId, name, event.dispute, ctx)
    return { fresh: true, paymentId }
  })
  if (disputed) deps.eventsWritten()
  if (!first.paymentId) return { received: true, duplicate: !first.fresh, paymentId: null, status: null }
  if (!first.fresh) {
    const payment = await getPayment(deps, first.paymentId)
    return { received: true, duplicate: true, paymentId: payment.id, status: payment.status }
  }
  let payment = await getPayment(deps, first.paymentId)
  if ((event.kind === 'authorization' || event.kind === 'capture') && payment.status === 'requires_action') {
    // The provider not answering now leaves the payment waiting: the shopper's return or the checkout asks again.
    payment = await resolvePayment(deps, payment.id, providerActor(name), ctx).catch((error: unknown) => {
      deps.logger.warn({ err: error, paymentId: payment.id, provider: name }, 'webhook: provider not asked')
      return payment
    })
  }
  return { received: true, duplicate: false, paymentId: payment.id, status: payment.status }
}
