import { describe, expect, test } from 'bun:test'
import { stockLow, userRegistered } from '@myshop/events'
import { uniqueEmail } from '@myshop/testing'
import { onStockLow, onUserRegistered } from '../src/consumers/service.ts'
import { deliver } from '../src/deliveries/service.ts'
import { notificationHarness, recordingSender } from './harness.ts'

const registered = () =>
  userRegistered.create(
    {
      userId: 'usr_01KC0000000000000000000001',
      email: uniqueEmail(),
      name: 'Ada',
      roles: ['customer'],
      registeredAt: new Date().toISOString(),
    },
    { source: 'user' },
  )

/** A delivery that failed for good: the provider refused the address. */
const failedDelivery = async (h: Awaited<ReturnType<typeof notificationHarness>>) => {
  const [created] = await onUserRegistered(h.deps, registered())
  await deliver(h.deps, { id: created!.id, data: { channel: 'email' }, attempt: 1, lastAttempt: false })
  return created!.id
}

describe('the admin API of deliveries', async () => {
  const refusing = recordingSender('email', async () => ({
    outcome: 'failed',
    errorClass: 'rejected',
    detail: 'invalid address',
  }))
  const h = await notificationHarness({ senders: [refusing.sender] })

  test('lists deliveries by status and recipient, newest first, a page at a time', async () => {
    const ids = [await failedDelivery(h), await failedDelivery(h), await failedDelivery(h)]
    const first = await h.call(
      'GET',
      '/api/v1/admin/notifications?status=failed&limit=2',
      undefined,
      h.as(h.admin),
    )
    expect(first.status).toBe(200)
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]])
    expect(first.body.items[0]).toMatchObject({
      status: 'failed',
      lastError: 'rejected: invalid address',
      attempts: 1,
    })
    const next = await h.call(
      'GET',
      `/api/v1/admin/notifications?status=failed&limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      h.as(h.admin),
    )
    expect(next.body.items.map((d: { id: string }) => d.id)[0]).toBe(ids[0])
    const [row] = await h.sql`select recipient from notifications.deliveries where id = ${ids[0]!}`
    const byTo = await h.call(
      'GET',
      `/api/v1/admin/notifications?to=${row!.recipient}`,
      undefined,
      h.as(h.admin),
    )
    expect(byTo.body.items.map((d: { id: string }) => d.id)).toEqual([ids[0]])
  })

  test('shows one delivery with its rendered message; 404 for an unknown one', async () => {
    const id = await failedDelivery(h)
    const res = await h.call('GET', `/api/v1/admin/notifications/${id}`, undefined, h.as(h.admin))
    expect(res.status).toBe(200)
    expect(res.body.payload).toMatchObject({ channel: 'email', subject: 'welcome:en' })
    const missing = await h.call(
      'GET',
      '/api/v1/admin/notifications/ntf_01KC0000000000000000000000',
      undefined,
      h.as(h.admin),
    )
    expect(missing.status).toBe(404)
  })

  test('retries a failed delivery, and refuses one that is not failed', async () => {
    const id = await failedDelivery(h)
    const res = await h.call('POST', `/api/v1/admin/notifications/${id}/retry`, undefined, h.as(h.admin))
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('queued')
    const [job] = await h.sql`select status from notifications.jobs where id = ${id}`
    expect(job).toEqual({ status: 'waiting' })
    const again = await h.call('POST', `/api/v1/admin/notifications/${id}/retry`, undefined, h.as(h.admin))
    expect(again.status).toBe(409)
  })

  test('retries every failed delivery at once', async () => {
    await failedDelivery(h)
    const [{ count }] =
      (await h.sql`select count(*)::int as count from notifications.deliveries where status = 'failed'`) as unknown as [
        { count: number },
      ]
    const res = await h.call('POST', '/api/v1/admin/notifications/retry-failed', undefined, h.as(h.admin))
    expect(res.body).toEqual({ retried: count })
    const left = await h.sql`select 1 from notifications.deliveries where status = 'failed'`
    expect(left).toHaveLength(0)
  })

  test('sends a test message through the pipeline; a bad address is 422', async () => {
    const res = await h.call(
      'POST',
      '/api/v1/admin/notifications/test',
      { channel: 'email', to: 'ops@example.com' },
      h.as(h.admin),
    )
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({
      template: 'test',
      channel: 'email',
      recipient: 'ops@example.com',
      status: 'queued',
    })
    expect(res.headers.get('location')).toBe(`/api/v1/admin/notifications/${res.body.id}`)
    const bad = await h.call(
      'POST',
      '/api/v1/admin/notifications/test',
      { channel: 'sms', to: 'not a number' },
      h.as(h.admin),
    )
    expect(bad.status).toBe(422)
  })

  /** The preview of a template (and query string) as the admin, or as another caller. */
  const preview = (path: string, as = h.as(h.admin)) =>
    h.call('GET', `/api/v1/admin/notifications/templates/${path}`, undefined, as)

  test("previews a template's email with its sample data in a locale", async () => {
    const res = await preview('order_confirmation/preview?locale=de')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ template: 'order_confirmation', locale: 'de' })
    expect(res.body.subject.length).toBeGreaterThan(0)
    expect(res.body.html).toStartWith('<!DOCTYPE html')
    expect(res.body.text.length).toBeGreaterThan(0)
    const english = await preview('order_confirmation/preview')
    expect(english.body.locale).toBe('en')
    expect(english.body.subject).not.toBe(res.body.subject)
  })

  test('answers 404 for an unknown template and 422 for a malformed locale', async () => {
    expect((await preview('no_such_template/preview')).status).toBe(404)
    expect((await preview('welcome/preview?locale=english')).status).toBe(422)
  })

  test('is for holders of notifications:send only', async () => {
    expect((await h.call('GET', '/api/v1/admin/notifications')).status).toBe(401)
    expect((await h.call('GET', '/api/v1/admin/notifications', undefined, h.as(h.customer))).status).toBe(403)
    const res = await h.call('POST', '/api/v1/admin/notifications/retry-failed', undefined, h.as(h.customer))
    expect(res.status).toBe(403)
    expect((await preview('welcome/preview', h.as(h.customer))).status).toBe(403)
  })
})

test('stock running low is told to every inventory manager', async () => {
  const h = await notificationHarness()
  h.staff.inventory_manager = [
    { id: 'usr_1', email: 'stock1@example.com', name: 'One' },
    { id: 'usr_2', email: 'stock2@example.com', name: 'Two' },
  ]
  const event = stockLow.create(
    { sku: 'LAMP-1', available: 2, threshold: 5, occurredAt: new Date().toISOString() },
    { source: 'inventory' },
  )
  await onStockLow(h.deps, event)
  expect((await h.deliveriesFor(event.id)).map((d) => [d.recipient, d.template])).toEqual([
    ['stock1@example.com', 'stock_low'],
    ['stock2@example.com', 'stock_low'],
  ])
})
