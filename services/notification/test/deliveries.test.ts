import { afterEach, describe, expect, test } from 'bun:test'
import { userRegistered } from '@myshop/events'
import { eventually, uniqueEmail } from '@myshop/testing'
import { onOrderEvent, onUserRegistered } from '../src/consumers/service.ts'
import { deliver, startDelivering, suppressRecipient } from '../src/deliveries/service.ts'
import type { NotificationDeps } from '../src/deps.ts'
import { notificationHarness, recordingSender, shippedOrder } from './harness.ts'

const registered = (email = uniqueEmail()) =>
  userRegistered.create(
    {
      userId: 'usr_01KC0000000000000000000001',
      email,
      name: 'Ada',
      roles: ['customer'],
      registeredAt: new Date().toISOString(),
    },
    { source: 'user' },
  )

const job = (id: string, attempt = 1) => ({
  id,
  data: { channel: 'email' as const },
  attempt,
  lastAttempt: attempt >= 3,
})

const started: NotificationDeps[] = []
afterEach(async () => {
  for (const deps of started.splice(0)) await deps.queue.stop()
})

describe('deliveries, exactly once', () => {
  test('a redelivered event makes one delivery, sent once', async () => {
    const h = await notificationHarness()
    const event = registered()
    await onUserRegistered(h.deps, event)
    await onUserRegistered(h.deps, event)
    // Even past the inbox (another consumer, a lost inbox row) the unique key holds.
    await h.sql`delete from notifications.inbox where event_id = ${event.id}`
    await onUserRegistered(h.deps, event)
    const rows = await h.deliveriesFor(event.id)
    expect(rows.map((r) => [r.channel, r.recipient, r.template, r.status])).toEqual([
      ['email', event.data.email, 'welcome', 'queued'],
    ])
    started.push(h.deps)
    await startDelivering(h.deps)
    await eventually(
      'the welcome was sent',
      async () => (await h.deliveriesFor(event.id))[0]?.status === 'sent',
    )
    expect(h.email.calls.filter((c) => c.key === rows[0]!.id)).toHaveLength(1)
    const [sent] =
      await h.sql`select provider, provider_message_id, attempts from notifications.deliveries where id = ${rows[0]!.id}`
    expect(sent).toEqual({
      provider: 'email-standin',
      provider_message_id: `msg-${rows[0]!.id}`,
      attempts: 1,
    })
  })

  test('two workers given the same delivery send it once', async () => {
    const h = await notificationHarness()
    const event = registered()
    const [created] = await onUserRegistered(h.deps, event)
    const other = { ...h.deps, settings: { ...h.deps.settings, owner: 'other-instance' } }
    const results = await Promise.all([deliver(h.deps, job(created!.id)), deliver(other, job(created!.id))])
    expect(results).toEqual([{ result: 'done' }, { result: 'done' }])
    expect(h.email.calls).toHaveLength(1)
    expect((await h.deliveriesFor(event.id))[0]!.status).toBe('sent')
  })

  test('a process stopped mid-send records the send when it completes: nothing is sent again after a restart', async () => {
    let release: () => void = () => {}
    const slow = recordingSender(
      'email',
      (_m, _k) => new Promise((resolve) => (release = () => resolve(undefined))),
    )
    const h = await notificationHarness({ senders: [slow.sender] })
    const event = registered()
    const [created] = await onUserRegistered(h.deps, event)
    const sending = deliver(h.deps, job(created!.id))
    await eventually('the send began', async () => slow.calls.length === 1)
    release()
    await sending
    const restarted = { ...h.deps, settings: { ...h.deps.settings, owner: 'restarted' } }
    expect(await deliver(restarted, job(created!.id, 2))).toEqual({ result: 'done' })
    expect(slow.calls).toHaveLength(1)
    expect((await h.deliveriesFor(event.id))[0]).toMatchObject({ status: 'sent', attempts: 1 })
  })

  test('a process killed mid-send: after its lease the restarted one sends with the same key, and the message goes out once', async () => {
    const hung: (() => void)[] = []
    const provider = recordingSender('email', async () => {
      if (hung.length === 0) await new Promise<void>((resolve) => hung.push(resolve))
      return undefined
    })
    const h = await notificationHarness({ senders: [provider.sender] })
    const event = registered()
    const [created] = await onUserRegistered(h.deps, event)
    // The first process sends, and dies before recording what came of it.
    const killed = deliver(h.deps, job(created!.id))
    await eventually('the first send began', async () => provider.calls.length === 1)
    // Before its lease is over nobody takes the delivery over.
    const restarted = { ...h.deps, settings: { ...h.deps.settings, owner: 'restarted' } }
    expect(await deliver(restarted, job(created!.id, 2))).toEqual({ result: 'done' })
    expect(provider.calls).toHaveLength(1)
    h.advance(h.deps.settings.leaseMs + 1)
    expect(await deliver(restarted, job(created!.id, 2))).toEqual({ result: 'done' })
    // The dead process's late answer is not recorded: the lease is the restarted one's.
    hung[0]!()
    expect(await killed).toEqual({ result: 'done' })
    expect(provider.calls.map((c) => c.key)).toEqual([created!.id, created!.id])
    expect(provider.sent.size).toBe(1)
    expect((await h.deliveriesFor(event.id))[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })

  test('a suppressed address is never sent to', async () => {
    const h = await notificationHarness()
    const event = registered()
    await suppressRecipient(h.deps, 'email', event.data.email, 'hard bounce')
    const [created] = await onUserRegistered(h.deps, event)
    expect(await deliver(h.deps, job(created!.id))).toEqual({ result: 'done' })
    expect(h.email.calls).toHaveLength(0)
    expect((await h.deliveriesFor(event.id))[0]!.status).toBe('suppressed')
  })

  test('a retryable failure queues the delivery again, and the last one fails it', async () => {
    const flaky = recordingSender('email', async () => ({
      outcome: 'retry',
      errorClass: 'provider_error',
      detail: 'HTTP 503',
    }))
    const h = await notificationHarness({ senders: [flaky.sender] })
    const event = registered()
    const [created] = await onUserRegistered(h.deps, event)
    expect(await deliver(h.deps, job(created!.id, 1))).toMatchObject({
      result: 'retry',
      errorClass: 'provider_error',
    })
    expect((await h.deliveriesFor(event.id))[0]).toMatchObject({ status: 'queued', attempts: 1 })
    expect(await deliver(h.deps, job(created!.id, 3))).toMatchObject({ result: 'retry' })
    const [row] =
      await h.sql`select status, attempts, last_error from notifications.deliveries where id = ${created!.id}`
    expect(row).toEqual({ status: 'failed', attempts: 2, last_error: 'provider_error: HTTP 503' })
  })

  test('a shipped order is told by email, and by text and push when the shopper wants them', async () => {
    const sms = recordingSender('sms')
    const h = await notificationHarness()
    h.deps.senders.push(sms.sender)
    h.deps.recipients = {
      forUser: async ({ email }) => ({
        locale: 'de',
        email,
        sms: '+4915112345678',
        push: [{ endpoint: 'https://push.example/abc', keys: { p256dh: 'p', auth: 'a' } }],
      }),
    }
    const orderId = 'ord_01KC0000000000000000000009'
    h.orders[orderId] = { id: orderId, shippingAddress: { name: 'Ada', city: 'Berlin' } }
    const event = shippedOrder('usr_01KC0000000000000000000001', uniqueEmail(), orderId)
    await onOrderEvent(h.deps, event)
    const rows = await h.deliveriesFor(event.id)
    expect(rows.map((r) => [r.channel, r.template])).toEqual([
      ['email', 'order_shipped'],
      ['push', 'order_shipped'],
      ['sms', 'order_shipped'],
    ])
    const [email] =
      await h.sql`select payload from notifications.deliveries where event_id = ${event.id} and channel = 'email'`
    expect(email!.payload.subject).toBe('order_shipped:de')
    expect(JSON.parse(email!.payload.text)).toMatchObject({
      shippingAddress: { city: 'Berlin' },
      fulfillment: { trackingNumber: 'TRACK1' },
    })
  })
})
