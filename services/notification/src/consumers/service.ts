import {
  type EnvelopeOf,
  type EventEnvelope,
  inbox,
  type orderCancelled,
  type orderFulfilled,
  type orderPaid,
  type orderRefunded,
  type paymentDisputed,
  type stockLow,
  type userRegistered,
} from '@myshop/events'
import type { NewDelivery } from '../deliveries/model.ts'
import { enqueue, recordDeliveries } from '../deliveries/service.ts'
import { type NotificationDeps, schema } from '../deps.ts'
import {
  type Category,
  type Channel,
  type OutgoingMessage,
  recipientOf,
  transactionalCategories,
} from '../messages/model.ts'
import type { RenderInput, TemplateName } from '../messages/renderer.ts'
import { recordContact, unsubscribeLink } from '../preferences/service.ts'
import type { RecipientSet } from './recipients.ts'

/** The consumer group that turns the shop's events into deliveries. */
export const messagesConsumer = 'notification-messages'

/** One message to write: which template with which data, to whom, on which channels they may be reached. */
export interface MessagePlan {
  template: TemplateName
  category: Category
  data: Record<string, unknown>
  to: RecipientSet[]
  channels: readonly Channel[]
}

/** Renders a plan into one message per recipient and channel the recipient can be reached on. */
export const renderPlan = async (deps: NotificationDeps, plan: MessagePlan): Promise<NewDelivery[]> => {
  const wanted: NewDelivery[] = []
  const add = (message: OutgoingMessage, notBefore?: number) =>
    wanted.push({ template: plan.template, category: plan.category, message, notBefore })
  for (const person of plan.to) {
    // A message the person chose to get carries the one-click way to stop it (RFC 8058), in the body and headers.
    const unsubscribe =
      !transactionalCategories.includes(plan.category) && person.userId
        ? unsubscribeLink(deps.features, deps.settings.publicUrl, {
            userId: person.userId,
            category: plan.category,
            channel: 'email',
          })
        : null
    const data = unsubscribe ? { ...plan.data, unsubscribeUrl: unsubscribe.url } : plan.data
    const input: RenderInput = { template: plan.template, locale: person.locale, data }
    if (plan.channels.includes('email') && person.email) {
      const email = await deps.renderer.renderEmail(input)
      add({
        channel: 'email',
        to: person.email,
        from: deps.settings.emailFrom,
        headers: unsubscribe?.headers ?? {},
        ...email,
      })
    }
    if (plan.channels.includes('sms') && person.sms)
      add({ channel: 'sms', to: person.sms, body: deps.renderer.renderSms(input) }, person.smsNotBefore)
    if (plan.channels.includes('push'))
      for (const subscription of person.push)
        add({ channel: 'push', subscription, payload: JSON.stringify(deps.renderer.renderPush(input)) })
  }
  return wanted
}

/**
 * Records an event's deliveries with the event itself as handled, in one transaction, then hands the new ones to
 * the queue. A redelivered event finds itself handled, and the deliveries' unique key holds even if it did not.
 */
export const notify = async (
  deps: NotificationDeps,
  event: Pick<EventEnvelope, 'id' | 'type'>,
  plans: MessagePlan[],
) => {
  const wanted = (await Promise.all(plans.map((plan) => renderPlan(deps, plan)))).flat()
  let created: { id: string; channel: Channel; recipient: string }[] = []
  await inbox.handleOnce(deps.sql, schema, messagesConsumer, event, async (tx) => {
    created = await recordDeliveries(deps, tx, event, wanted)
  })
  // A text message inside the recipient's quiet hours is queued to go out when they end.
  const waits = new Map(
    wanted
      .filter((w) => w.notBefore !== undefined)
      .map((w) => [`${w.message.channel}:${recipientOf(w.message)}`, w.notBefore!]),
  )
  await enqueue(
    deps,
    created.map((row) => ({
      ...row,
      delayMs: Math.max(0, (waits.get(`${row.channel}:${row.recipient}`) ?? 0) - deps.now()),
    })),
  )
  return created
}

type OrderEvent =
  | EnvelopeOf<typeof orderPaid>
  | EnvelopeOf<typeof orderFulfilled>
  | EnvelopeOf<typeof orderCancelled>
  | EnvelopeOf<typeof orderRefunded>

/** What an order message shows: the event's facts and the order's shipping address from the order service. */
const orderData = async (deps: NotificationDeps, event: OrderEvent) => {
  const { actor: _actor, ...facts } = event.data
  const order = await deps.directory.order(event.data.orderId)
  return { ...facts, shippingAddress: order?.shippingAddress ?? null }
}

const shopper = (deps: NotificationDeps, event: OrderEvent) =>
  deps.recipients.forUser({ userId: event.data.userId, email: event.data.email, category: 'order' })

/** Welcome, by email, to a new account. */
export const onUserRegistered = async (deps: NotificationDeps, event: EnvelopeOf<typeof userRegistered>) => {
  const { userId, email, name } = event.data
  // The address the account was made with is where its messages go until its owner changes it.
  await recordContact(deps.features, userId, email)
  const person = await deps.recipients.forUser({ userId, email, category: 'account' })
  return notify(deps, event, [
    { template: 'welcome', category: 'account', data: { name, email }, to: [person], channels: ['email'] },
  ])
}

const orderTemplates = {
  'order.paid': { template: 'order_confirmation', channels: ['email'] },
  'order.fulfilled': { template: 'order_shipped', channels: ['email', 'sms', 'push'] },
  'order.cancelled': { template: 'order_cancelled', channels: ['email'] },
  'order.refunded': { template: 'order_refunded', channels: ['email'] },
} as const satisfies Record<OrderEvent['type'], { template: TemplateName; channels: readonly Channel[] }>

/** The shopper hears of their order being paid, shipped (by text and push too, if they want), cancelled, refunded. */
export const onOrderEvent = async (deps: NotificationDeps, event: OrderEvent) => {
  const { template, channels } = orderTemplates[event.type]
  const [data, person] = await Promise.all([orderData(deps, event), shopper(deps, event)])
  return notify(deps, event, [{ template, category: 'order', data, to: [person], channels }])
}

/** Staff of `role`, each reached by email in their own language. */
const staff = async (deps: NotificationDeps, role: 'inventory_manager' | 'admin') =>
  Promise.all(
    (await deps.directory.usersWithRole(role)).map((member) =>
      deps.recipients.forUser({ userId: member.id, email: member.email, category: 'staff' }),
    ),
  )

/** Staff of `role` hear of an event, by email, with the event's facts. */
const alertStaff = async (
  deps: NotificationDeps,
  event: EnvelopeOf<typeof stockLow> | EnvelopeOf<typeof paymentDisputed>,
  template: TemplateName,
  role: 'inventory_manager' | 'admin',
) =>
  notify(deps, event, [
    {
      template,
      category: 'staff',
      data: { ...event.data },
      to: await staff(deps, role),
      channels: ['email'],
    },
  ])

/** Inventory managers hear of a SKU running low. */
export const onStockLow = (deps: NotificationDeps, event: EnvelopeOf<typeof stockLow>) =>
  alertStaff(deps, event, 'stock_low', 'inventory_manager')

/** Administrators hear of a disputed payment. */
export const onPaymentDisputed = (deps: NotificationDeps, event: EnvelopeOf<typeof paymentDisputed>) =>
  alertStaff(deps, event, 'payment_disputed', 'admin')
