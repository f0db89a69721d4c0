// Providers reporting what became of a message, through the service's webhook routes: SendGrid's signed Event
// Webhook and Twilio's signed status callbacks, both produced by local stand-ins with each provider's signing.
import { afterAll, afterEach, describe, expect, test } from 'bun:test'
import { userRegistered } from '@myshop/events'
import { startSendgridStandIn } from '@myshop/provider-standins/sendgrid'
import { startTwilioStandIn } from '@myshop/provider-standins/twilio'
import { eventually, uniqueEmail } from '@myshop/testing'
import { twilioSms } from '../src/channels/twilio.ts'
import { onUserRegistered } from '../src/consumers/service.ts'
import { startDelivering } from '../src/deliveries/service.ts'
import type { NotificationDeps } from '../src/deps.ts'
import { notificationHarness } from './harness.ts'

const sendgrid = startSendgridStandIn()
const twilio = startTwilioStandIn()
const callbackUrl = 'https://shop.example/api/v1/webhooks/twilio'
afterAll(() => Promise.all([sendgrid.stop(), twilio.stop()]))

const started: NotificationDeps[] = []
afterEach(async () => {
  for (const deps of started.splice(0)) await deps.queue.stop()
})

const harness = async () => {
  const h = await notificationHarness()
  h.deps.settings.callbacks = {
    sendgridPublicKey: sendgrid.publicKey,
    twilioAuthToken: twilio.authToken,
    twilioCallbackUrl: callbackUrl,
  }
  started.push(h.deps)
  await startDelivering(h.deps)
  return h
}

/** A welcome email sent to a new address: its delivery, once the provider took it. */
const sentWelcome = async (h: Awaited<ReturnType<typeof harness>>) => {
  const email = uniqueEmail('callbacks')
  const event = userRegistered.create(
    {
      userId: 'usr_01KC0000000000000000000009',
      email,
      name: 'Ada',
      roles: ['customer'],
      registeredAt: new Date().toISOString(),
    },
    { source: 'user' },
  )
  await onUserRegistered(h.deps, event)
  await eventually(
    'the welcome was sent',
    async () => (await h.deliveriesFor(event.id))[0]?.status === 'sent',
  )
  return { email, delivery: (await h.deliveriesFor(event.id))[0]! }
}

const post = (
  h: Awaited<ReturnType<typeof harness>>,
  path: string,
  hook: { body: string; headers: Record<string, string> },
) =>
  h.app.handle(
    new Request(`http://localhost${path}`, { method: 'POST', headers: hook.headers, body: hook.body }),
  )

const statusOf = async (h: Awaited<ReturnType<typeof harness>>, id: string) =>
  (await h.sql<{ status: string }[]>`select status from notifications.deliveries where id = ${id}`)[0]!.status

describe('SendGrid Event Webhook', () => {
  test('delivered marks the delivery delivered; a repeat of the same event changes nothing', async () => {
    const h = await harness()
    const { email, delivery } = await sentWelcome(h)
    const hook = sendgrid.events([{ email, event: 'delivered', delivery_id: delivery.id }])
    const res = await post(h, '/api/v1/webhooks/sendgrid', hook)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: 1, applied: 1 })
    expect(await statusOf(h, delivery.id)).toBe('delivered')
    expect(await (await post(h, '/api/v1/webhooks/sendgrid', hook)).json()).toEqual({
      received: 1,
      applied: 0,
    })
  })

  test('a hard bounce marks it bounced and stops every later email to the address', async () => {
    const h = await harness()
    const { email, delivery } = await sentWelcome(h)
    const res = await post(
      h,
      '/api/v1/webhooks/sendgrid',
      sendgrid.events([{ email, event: 'bounce', type: 'bounce', delivery_id: delivery.id }]),
    )
    expect(res.status).toBe(200)
    expect(await statusOf(h, delivery.id)).toBe('bounced')
    const [suppressed] =
      await h.sql`select reason from notifications.suppressions where channel = 'email' and recipient = ${email}`
    expect(suppressed).toBeDefined()
  })

  test('a forged or tampered post is 400 and records nothing', async () => {
    const h = await harness()
    const { email, delivery } = await sentWelcome(h)
    const forged = sendgrid.events([{ email, event: 'bounce', delivery_id: delivery.id }], {
      privateKey: sendgrid.otherPrivateKey,
    })
    const genuine = sendgrid.events([{ email, event: 'delivered', delivery_id: delivery.id }])
    for (const hook of [
      forged,
      { ...genuine, body: genuine.body.replace('delivered', 'bounce') },
      { body: genuine.body, headers: {} },
    ]) {
      const res = await post(h, '/api/v1/webhooks/sendgrid', hook)
      expect(res.status).toBe(400)
      expect((await res.json()).code).toBe('invalid_signature')
    }
    expect(await statusOf(h, delivery.id)).toBe('sent')
    expect(
      (
        await h.sql`select count(*)::int as n from notifications.provider_events where delivery_id = ${delivery.id}`
      )[0]!.n,
    ).toBe(0)
  })

  test('without a verification key the callbacks are off (404)', async () => {
    const h = await notificationHarness()
    const res = await post(
      h,
      '/api/v1/webhooks/sendgrid',
      sendgrid.events([{ email: 'a@example.com', event: 'delivered' }]),
    )
    expect(res.status).toBe(404)
  })
})

describe('Twilio status callbacks', () => {
  test('a signed "delivered" moves the text message on; a forged one is 400', async () => {
    const h = await harness()
    // A text message the service sent through Twilio, as the delivery and Twilio both know it.
    const id = `ntf_${crypto.randomUUID()}`
    const sender = twilioSms({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: twilio.from,
      apiUrl: twilio.url,
      statusCallbackUrl: callbackUrl,
    })
    const sent = await sender.send({ channel: 'sms', to: '+4915112345678', body: 'shipped' }, id)
    if (sent.outcome !== 'sent') throw new Error(`not sent: ${JSON.stringify(sent)}`)
    const sid = sent.providerMessageId!
    const [row] = await h.sql<{ id: string }[]>`
      insert into notifications.deliveries (id, event_id, event_type, template, channel, recipient, category, status,
                                            attempts, provider, provider_message_id, payload)
      values (${id}, ${crypto.randomUUID()}, 'order.fulfilled', 'order_shipped', 'sms', '+4915112345678', 'order',
              'sent', 1, 'twilio', ${sid}, ${h.sql.json({ channel: 'sms', to: '+4915112345678', body: 'shipped' })})
      returning id`
    const hook = twilio.statusCallback(sid, 'delivered')
    const query = new URL(hook.url).search
    const send = (headers: Record<string, string>, body = hook.body) =>
      h.app.handle(
        new Request(`http://localhost/api/v1/webhooks/twilio${query}`, { method: 'POST', headers, body }),
      )
    const forged = twilio.statusCallback(sid, 'delivered', { authToken: 'not-the-token' })
    expect((await send(forged.headers)).status).toBe(400)
    expect((await send(hook.headers, hook.body.replace('delivered', 'failed'))).status).toBe(400)
    expect(await statusOf(h, row!.id)).toBe('sent')
    const res = await send(hook.headers)
    expect(res.status).toBe(200)
    expect(await statusOf(h, row!.id)).toBe('delivered')
  })
})
