import { AppError } from '@myshop/errors'
import { inbox } from '@myshop/events'
import { newId } from '@myshop/ids'
import { renderPlan } from '../consumers/service.ts'
import type { Delivery } from '../deliveries/model.ts'
import { enqueue, getDelivery, recordDeliveries } from '../deliveries/service.ts'
import { type NotificationDeps, schema } from '../deps.ts'
import { isTemplateName, renderEmail, sampleData } from '../templates/index.ts'

const e164 = /^\+[1-9][0-9]{6,14}$/
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A delivery as the admin API lists it. */
export const deliveryView = ({ payload: _payload, ...delivery }: Delivery) => ({
  ...delivery,
  nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
  createdAt: delivery.createdAt.toISOString(),
  updatedAt: delivery.updatedAt.toISOString(),
})

/** One delivery on its own, with the rendered message it sends. */
export const deliveryDetail = (delivery: Delivery) => ({
  ...deliveryView(delivery),
  payload: delivery.payload as unknown as Record<string, unknown>,
})

/**
 * Sends the `test` template to an address or number through the whole pipeline (a delivery, the queue, the
 * channel's provider), so an operator sees the configuration work; answers the delivery as queued.
 */
export const sendTestMessage = async (
  deps: NotificationDeps,
  input: { channel: 'email' | 'sms'; to: string },
  actor: string,
) => {
  if (input.channel === 'email' ? !email.test(input.to) : !e164.test(input.to))
    throw new AppError('validation_failed', {
      detail:
        input.channel === 'email' ? 'to must be an email address' : 'to must be an E.164 number (+4915…)',
    })
  const event = { id: newId('evt', deps.now()), type: 'notification.test' }
  const wanted = await renderPlan(deps, {
    template: 'test',
    category: 'staff',
    data: { requestedBy: actor, channel: input.channel },
    to: [
      {
        locale: 'en',
        email: input.channel === 'email' ? input.to : null,
        sms: input.channel === 'sms' ? input.to : null,
        push: [],
      },
    ],
    channels: [input.channel],
  })
  let created: { id: string; channel: 'email' | 'sms' | 'push' }[] = []
  await inbox.handleOnce(deps.sql, schema, 'notification-test-messages', event, async (tx) => {
    created = await recordDeliveries(deps, tx, event, wanted)
  })
  await enqueue(deps, created)
  return getDelivery(deps, created[0]!.id)
}

/** A template's email rendered with its sample data, so an operator sees what shoppers get; 404 for no such template. */
export const previewTemplate = async (name: string, locale: string) => {
  if (!isTemplateName(name)) throw new AppError('not_found', { detail: 'No template has this name' })
  const email = await renderEmail({ template: name, locale, data: sampleData[name] })
  return { template: name, locale, ...email }
}
