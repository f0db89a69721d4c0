// Who hears of a shipped order, and how: the shopper's own choices (phone and consent, time zone, push
// subscriptions, language) decide the channels, and a text inside their quiet hours waits for the morning.
import { describe, expect, test } from 'bun:test'
import { uniqueEmail } from '@myshop/testing'
import { notify, onOrderEvent } from '../src/consumers/service.ts'
import { smsAllowedAt } from '../src/preferences/quiet-hours.ts'
import { preferredRecipients } from '../src/preferences/service.ts'
import { subscriptionsOf } from '../src/push/service.ts'
import { notificationHarness, shippedOrder } from './harness.ts'

/** An IANA zone where it is (or is not) quiet for text messages right now. */
const zoneWhere = (quiet: boolean) =>
  Intl.supportedValuesOf('timeZone').find((zone) => smsAllowedAt(Date.now(), zone) !== quiet)!

const shipped = (userId: string, email: string) => shippedOrder(userId, email)

const reachHarness = async () => {
  const h = await notificationHarness()
  h.deps.recipients = preferredRecipients(h.deps.features, async (userId) =>
    (await subscriptionsOf(h.deps.features, userId)).map((s) => ({
      endpoint: s.endpoint,
      keys: { p256dh: s.p256dh, auth: s.auth },
    })),
  )
  return h
}

const subscription = {
  endpoint: 'https://push.example.net/send/abc123',
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
}

describe('reaching a shopper about a shipped order', () => {
  test('email only until they give a phone with consent and subscribe a browser; then all three', async () => {
    const h = await reachHarness()
    const email = uniqueEmail('reach')
    const first = shipped('usr_customer', email)
    await onOrderEvent(h.deps, first)
    expect((await h.deliveriesFor(first.id)).map((r) => r.channel)).toEqual(['email'])

    const patched = await h.call(
      'PATCH',
      '/api/v1/notifications/preferences',
      { phone: '+4915112345678', phoneOptIn: true, timeZone: zoneWhere(false), locale: 'de' },
      h.as(h.customer),
    )
    expect(patched.status).toBe(200)
    expect((await h.call('POST', '/api/v1/push/subscriptions', subscription, h.as(h.customer))).status).toBe(
      201,
    )
    const second = shipped('usr_customer', email)
    await onOrderEvent(h.deps, second)
    const rows = await h.deliveriesFor(second.id)
    expect(rows.map((r) => [r.channel, r.recipient]).sort()).toEqual([
      ['email', email],
      ['push', subscription.endpoint],
      ['sms', '+4915112345678'],
    ])
  })

  test('inside their quiet hours a text waits in the queue until the morning; email goes now', async () => {
    const h = await reachHarness()
    await h.call(
      'PATCH',
      '/api/v1/notifications/preferences',
      { phone: '+4915112345679', phoneOptIn: true, timeZone: zoneWhere(true) },
      h.as(h.customer),
    )
    const event = shipped('usr_customer', uniqueEmail('quiet'))
    await onOrderEvent(h.deps, event)
    const rows = await h.deliveriesFor(event.id)
    const sms = rows.find((r) => r.channel === 'sms')!
    const mail = rows.find((r) => r.channel === 'email')!
    const runAt = async (id: string) =>
      (await h.sql<{ runAt: Date }[]>`select run_at as "runAt" from notifications.jobs where id = ${id}`)[0]!
        .runAt
    expect((await runAt(sms.id)).getTime()).toBeGreaterThan(Date.now() + 60_000)
    expect((await runAt(mail.id)).getTime()).toBeLessThanOrEqual(Date.now() + 1000)
  })
})

describe('a message the shopper chose to get', () => {
  test('carries a signed one-click unsubscribe (RFC 8058) that turns that category off; a forged one changes nothing', async () => {
    const h = await reachHarness()
    // Marketing is opt-in.
    const optIn = await h.call(
      'PATCH',
      '/api/v1/notifications/preferences',
      { preferences: { marketing: { email: true } } },
      h.as(h.customer),
    )
    expect(optIn.status).toBe(200)
    const email = uniqueEmail('news')
    const plan = async () =>
      notify(h.deps, { id: crypto.randomUUID(), type: 'marketing.news' }, [
        {
          template: 'test',
          category: 'marketing',
          data: { requestedBy: 'usr_admin', channel: 'email' },
          to: [await h.deps.recipients.forUser({ userId: 'usr_customer', email, category: 'marketing' })],
          channels: ['email'],
        },
      ])
    const [first] = await plan()
    const [row] = await h.sql<{ payload: { headers: Record<string, string> } }[]>`
      select payload from notifications.deliveries where id = ${first!.id}`
    const { headers } = row!.payload
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = /<([^>]+)>/.exec(headers['List-Unsubscribe']!)![1]!
    expect(link.startsWith('https://shop.example/api/v1/notifications/unsubscribe?token=')).toBe(true)
    const path = link.replace('https://shop.example', '')
    const oneClick = (target: string) =>
      h.app.handle(
        new Request(`http://localhost${target}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        }),
      )
    expect((await oneClick(`${path.slice(0, -4)}AAAA`)).status).toBe(400)
    expect((await plan()).length).toBe(1)
    expect((await oneClick(path)).status).toBe(200)
    expect(await plan()).toEqual([])
  })
})
