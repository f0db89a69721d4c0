import { beforeAll, describe, expect, test } from 'bun:test'
import webpush from 'web-push'
import { ensureVapidKeys } from '../src/push/service.ts'
import { featureHarness } from './feature-harness.ts'

let h: Awaited<ReturnType<typeof featureHarness>>
beforeAll(async () => {
  h = await featureHarness()
})

const subscriptions = '/api/v1/push/subscriptions'

/** A browser's subscription JSON with real keys, as `PushSubscription.toJSON()` gives it. */
const browserSubscription = async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair
  const raw = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey))
  return {
    endpoint: `https://push.example.com/send/${crypto.randomUUID()}`,
    expirationTime: null,
    keys: {
      p256dh: raw.toString('base64url'),
      auth: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url'),
    },
  }
}
const stored = async (endpoint: string) => [
  ...(await h.sql<{ userId: string; p256dh: string }[]>`
    select user_id as "userId", p256dh from notifications.push_subscriptions where endpoint = ${endpoint}`),
]

describe('VAPID keys', () => {
  test('GET /push/vapid-public-key answers the stored public key to anyone, the same every time', async () => {
    const first = await h.call('GET', '/api/v1/push/vapid-public-key')
    expect(first.status).toBe(200)
    expect(first.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/)
    expect((await h.call('GET', '/api/v1/push/vapid-public-key')).body).toEqual(first.body)
    const [row] = await h.sql<{ public_key: string }[]>`select public_key from notifications.vapid_keys`
    expect(row?.public_key).toBe(first.body.publicKey)
  })

  test('instances making keys at once keep one pair, and every instance reads that one', async () => {
    await h.sql`delete from notifications.vapid_keys`
    const made: string[] = []
    const instance = () =>
      ensureVapidKeys({
        ...h.deps,
        generateVapidKeys: () => {
          const keys = webpush.generateVAPIDKeys()
          made.push(keys.publicKey)
          return keys
        },
      })
    const kept = await Promise.all([instance(), instance(), instance()])
    expect(new Set(kept.map((k) => k.publicKey)).size).toBe(1)
    expect(made).toContain(kept[0]!.publicKey)
    const rows = await h.sql`select public_key from notifications.vapid_keys`
    expect(rows.length).toBe(1)
  })
})

describe('POST /push/subscriptions', () => {
  test("stores a browser's subscription for the signed-in person", async () => {
    const { userId, auth } = await h.person()
    const subscription = await browserSubscription()
    const res = await h.call('POST', subscriptions, subscription, auth)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^psb_/), endpoint: subscription.endpoint })
    expect(await stored(subscription.endpoint)).toEqual([{ userId, p256dh: subscription.keys.p256dh }])
  })

  test('a browser subscribed again by someone else now belongs to them, with its new keys', async () => {
    const a = await h.person()
    const b = await h.person()
    const subscription = await browserSubscription()
    await h.call('POST', subscriptions, subscription, a.auth)
    const renewed = { ...subscription, keys: (await browserSubscription()).keys }
    expect((await h.call('POST', subscriptions, renewed, b.auth)).status).toBe(201)
    expect(await stored(subscription.endpoint)).toEqual([{ userId: b.userId, p256dh: renewed.keys.p256dh }])
  })

  test('refuses an endpoint that is not https and keys a push cannot be encrypted for (422)', async () => {
    const { auth } = await h.person()
    const good = await browserSubscription()
    const bad = [
      { ...good, endpoint: 'http://push.example.com/send/1' },
      { ...good, endpoint: 'https://user:pass@push.example.com/send/1' },
      { ...good, keys: { ...good.keys, p256dh: Buffer.alloc(65, 1).toString('base64url') } },
      { ...good, keys: { ...good.keys, auth: Buffer.alloc(8).toString('base64url') } },
      { ...good, keys: { ...good.keys, auth: 'not base64url!' } },
      { endpoint: good.endpoint },
    ]
    for (const body of bad) {
      const res = await h.call('POST', subscriptions, body, auth)
      expect(res.status).toBe(422)
    }
    expect(
      (await h.sql`select 1 from notifications.push_subscriptions where endpoint like 'http%/send/1'`).length,
    ).toBe(0)
    expect((await stored(good.endpoint)).length).toBe(0)
  })

  test('needs a signed-in person', async () => {
    const subscription = await browserSubscription()
    expect((await h.call('POST', subscriptions, subscription)).status).toBe(401)
    expect((await stored(subscription.endpoint)).length).toBe(0)
  })
})

describe('DELETE /push/subscriptions', () => {
  test("removes the caller's subscription by its endpoint", async () => {
    const { auth } = await h.person()
    const subscription = await browserSubscription()
    await h.call('POST', subscriptions, subscription, auth)
    const res = await h.call('DELETE', subscriptions, { endpoint: subscription.endpoint }, auth)
    expect(res.status).toBe(204)
    expect((await stored(subscription.endpoint)).length).toBe(0)
    expect((await h.call('DELETE', subscriptions, { endpoint: subscription.endpoint }, auth)).status).toBe(
      404,
    )
  })

  test("cannot remove someone else's subscription (404), nor without signing in (401)", async () => {
    const owner = await h.person()
    const other = await h.person()
    const subscription = await browserSubscription()
    await h.call('POST', subscriptions, subscription, owner.auth)
    expect(
      (await h.call('DELETE', subscriptions, { endpoint: subscription.endpoint }, other.auth)).status,
    ).toBe(404)
    expect((await h.call('DELETE', subscriptions, { endpoint: subscription.endpoint })).status).toBe(401)
    expect(await stored(subscription.endpoint)).toEqual([
      { userId: owner.userId, p256dh: subscription.keys.p256dh },
    ])
  })
})
