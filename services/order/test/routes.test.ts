import { describe, expect, test } from 'bun:test'
import { newId } from '@myshop/ids'
import { getOrder } from '../src/orders/service.ts'
import { orderFixtures } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const f = await orderFixtures(h)

/** A customer of their own for tests that count a customer's orders. */
const newCustomer = async () => {
  const userId = `usr_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`
  return { userId, token: await h.tokens.sign({ roles: ['customer'], sub: userId }) }
}

describe('GET /api/v1/orders', () => {
  test('lists the customer’s own orders, newest first, a page at a time, stable under new orders', async () => {
    const { userId, token } = await newCustomer()
    const placed = []
    for (let i = 0; i < 5; i++) placed.push(await f.place({ userId }))
    await f.place({ userId: 'usr_other' })
    const first = await h.call('GET', '/api/v1/orders?limit=2', undefined, h.as(token))
    expect(first.status).toBe(200)
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual([placed[4]!.id, placed[3]!.id])
    expect(first.body.items[0]).toEqual(await getOrder(h.deps, placed[4]!.id))
    // An order placed between pages comes first in a new listing, not in the pages under way.
    const later = await f.place({ userId })
    const ids: string[] = []
    let cursor: string | null = first.body.nextCursor
    while (cursor) {
      const page = await h.call('GET', `/api/v1/orders?limit=2&cursor=${cursor}`, undefined, h.as(token))
      expect(page.status).toBe(200)
      ids.push(...page.body.items.map((o: { id: string }) => o.id))
      cursor = page.body.nextCursor
    }
    expect(ids).toEqual([placed[2]!.id, placed[1]!.id, placed[0]!.id])
    const all = await h.call('GET', '/api/v1/orders?limit=100', undefined, h.as(token))
    expect(all.body).toMatchObject({ nextCursor: null })
    expect(all.body.items.map((o: { id: string }) => o.id)).toEqual([
      later.id,
      ...[...placed].reverse().map((o) => o.id),
    ])
  })

  test('narrows to a status', async () => {
    const { userId, token } = await newCustomer()
    const paid = await f.paid({ userId })
    await f.place({ userId })
    const res = await h.call('GET', '/api/v1/orders?status=paid', undefined, h.as(token))
    expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([paid.id])
  })

  test('answers a customer with no orders an empty page', async () => {
    const { token } = await newCustomer()
    expect(await h.call('GET', '/api/v1/orders', undefined, h.as(token))).toMatchObject({
      status: 200,
      body: { items: [], nextCursor: null },
    })
  })

  test('refuses a bad limit, status or cursor with 422', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "ord_' or 1=1"])).toString(
      'base64url',
    )
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=x',
      'status=shipped',
      `cursor=${forged}`,
      'cursor=%20',
    ])
      expect([
        query,
        (await h.call('GET', `/api/v1/orders?${query}`, undefined, h.as(h.customer))).status,
      ]).toEqual([query, 422])
  })

  test('refuses the anonymous (401) and those without orders:read_own (403)', async () => {
    expect((await h.call('GET', '/api/v1/orders')).status).toBe(401)
    expect((await h.call('GET', '/api/v1/orders', undefined, h.as(f.catalogManager))).status).toBe(403)
    expect((await h.call('GET', '/api/v1/orders', undefined, h.as('not.a.token'))).status).toBe(401)
  })
})

describe('GET /api/v1/admin/orders', () => {
  test('lists everyone’s orders for support, by status, email and creation time', async () => {
    const email = `Mixed.${crypto.randomUUID().slice(0, 8)}@Example.com`
    const older = await f.place({ email, userId: null })
    h.advance(60_000)
    const since = new Date(h.deps.now()).toISOString()
    const newer = await f.paid({ email, userId: 'usr_someone' })
    const byEmail = await h.call(
      'GET',
      `/api/v1/admin/orders?email=${encodeURIComponent(email.toLowerCase())}`,
      undefined,
      h.as(h.support),
    )
    expect(byEmail.status).toBe(200)
    expect(byEmail.body.items.map((o: { id: string }) => o.id)).toEqual([newer.id, older.id])
    const recent = await h.call(
      'GET',
      `/api/v1/admin/orders?email=${encodeURIComponent(email)}&since=${encodeURIComponent(since)}`,
      undefined,
      h.as(h.admin),
    )
    expect(recent.body.items.map((o: { id: string }) => o.id)).toEqual([newer.id])
    const pending = await h.call(
      'GET',
      `/api/v1/admin/orders?status=pending&email=${encodeURIComponent(email)}`,
      undefined,
      h.as(h.admin),
    )
    expect(pending.body.items.map((o: { id: string }) => o.id)).toEqual([older.id])
  })

  test('refuses a bad since or email with 422', async () => {
    for (const query of ['since=yesterday', 'email=nobody', 'limit=1000'])
      expect((await h.call('GET', `/api/v1/admin/orders?${query}`, undefined, h.as(h.admin))).status).toBe(
        422,
      )
  })

  test('refuses the anonymous and customers', async () => {
    expect((await h.call('GET', '/api/v1/admin/orders')).status).toBe(401)
    const res = await h.call('GET', '/api/v1/admin/orders', undefined, h.as(h.customer))
    expect(res.status).toBe(403)
    expect(res.body.items).toBeUndefined()
  })
})

describe('GET /api/v1/orders/:id', () => {
  test('answers the customer their own order with its history', async () => {
    const order = await f.paid()
    const res = await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(h.customer))
    expect(res.status).toBe(200)
    expect(res.body).toEqual(order)
    expect(res.body.history.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'awaiting_payment',
      'paid',
    ])
  })

  test('answers support and admins any order, a guest’s too', async () => {
    const order = await f.place({ userId: null })
    for (const token of [h.support, h.admin])
      expect(await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(token))).toMatchObject({
        status: 200,
        body: { id: order.id, userId: null },
      })
  })

  test('answers someone else’s order as missing, the same as one that does not exist', async () => {
    const order = await f.place()
    const theirs = await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(f.otherCustomer))
    const none = await h.call('GET', `/api/v1/orders/${newId('ord')}`, undefined, h.as(f.otherCustomer))
    expect(theirs.status).toBe(404)
    expect(theirs.body).toEqual({
      ...none.body,
      instance: theirs.body.instance,
      requestId: theirs.body.requestId,
    })
    // A guest's order is no signed-in customer's.
    const guest = await f.place({ userId: null })
    expect((await h.call('GET', `/api/v1/orders/${guest.id}`, undefined, h.as(h.customer))).status).toBe(404)
  })

  test('refuses a malformed id with 422, the anonymous with 401 and those who may read no orders with 403', async () => {
    const order = await f.place()
    expect((await h.call('GET', '/api/v1/orders/ord_x', undefined, h.as(h.customer))).status).toBe(422)
    expect((await h.call('GET', `/api/v1/orders/${order.id}`)).status).toBe(401)
    expect(
      (await h.call('GET', `/api/v1/orders/${order.id}`, undefined, h.as(f.catalogManager))).status,
    ).toBe(403)
  })
})

describe('POST /api/v1/orders/:id/fulfillments', () => {
  test('records a paid order shipped: 201 with the shipment, history, event and audit entries', async () => {
    const order = await f.paid()
    const written = h.eventsWritten()
    const res = await h.call(
      'POST',
      `/api/v1/orders/${order.id}/fulfillments`,
      { trackingNumber: '1Z999AA10123456784', carrier: 'UPS' },
      h.as(h.support),
    )
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('fulfilled')
    expect(res.body.fulfillments).toEqual([
      {
        id: expect.stringMatching(/^ful_[0-9A-Z]{26}$/),
        trackingNumber: '1Z999AA10123456784',
        carrier: 'UPS',
        shippedAt: res.body.updatedAt,
      },
    ])
    expect(res.body.history.at(-1)).toEqual({
      status: 'fulfilled',
      at: res.body.updatedAt,
      actor: 'usr_support',
      note: null,
    })
    expect(await getOrder(h.deps, order.id)).toEqual(res.body)
    expect((await f.events(order.id)).at(-1)).toMatchObject({
      type: 'order.fulfilled',
      data: { status: 'fulfilled', actor: 'usr_support', fulfillment: res.body.fulfillments[0] },
    })
    expect((await f.auditEntries(order.id)).slice(-2).map((e) => e.type)).toEqual([
      'order.fulfillment_added',
      'order.status_changed',
    ])
    expect(h.eventsWritten()).toBe(written + 1)
  })

  test('refuses an order not paid, or already shipped, with 409 invalid_transition, writing nothing', async () => {
    const pending = await f.place()
    const shipped = await f.paid()
    expect(
      (
        await h.call(
          'POST',
          `/api/v1/orders/${shipped.id}/fulfillments`,
          { trackingNumber: 'T1' },
          h.as(h.admin),
        )
      ).status,
    ).toBe(201)
    const before = await f.counts()
    for (const [id, detail] of [
      [pending.id, 'An order that is pending cannot become fulfilled'],
      [shipped.id, 'The order is already fulfilled'],
    ])
      expect(
        await h.call('POST', `/api/v1/orders/${id}/fulfillments`, { trackingNumber: 'T2' }, h.as(h.admin)),
      ).toMatchObject({ status: 409, body: { code: 'invalid_transition', detail } })
    expect(await f.counts()).toEqual(before)
  })

  test('refuses bad input with 422 and an unknown order with 404, writing nothing', async () => {
    const order = await f.paid()
    const before = await f.counts()
    for (const body of [
      {},
      { trackingNumber: '' },
      { trackingNumber: 'x'.repeat(65) },
      { trackingNumber: ' leading space' },
      { trackingNumber: 'T1', carrier: '' },
      { trackingNumber: 42 },
    ])
      expect([
        JSON.stringify(body),
        (await h.call('POST', `/api/v1/orders/${order.id}/fulfillments`, body, h.as(h.admin))).status,
      ]).toEqual([JSON.stringify(body), 422])
    expect(
      (
        await h.call(
          'POST',
          `/api/v1/orders/${newId('ord')}/fulfillments`,
          { trackingNumber: 'T1' },
          h.as(h.admin),
        )
      ).status,
    ).toBe(404)
    expect(await f.counts()).toEqual(before)
  })

  test('refuses the anonymous and customers, even the order’s own, writing nothing', async () => {
    const order = await f.paid()
    const before = await f.counts()
    const path = `/api/v1/orders/${order.id}/fulfillments`
    expect((await h.call('POST', path, { trackingNumber: 'T1' })).status).toBe(401)
    expect((await h.call('POST', path, { trackingNumber: 'T1' }, h.as(h.customer))).status).toBe(403)
    expect(await f.counts()).toEqual(before)
    expect((await getOrder(h.deps, order.id)).status).toBe('paid')
  })
})

describe('POST /api/v1/orders/:id/deliveries', () => {
  test('records a shipped order delivered', async () => {
    const order = await f.paid()
    await h.call('POST', `/api/v1/orders/${order.id}/fulfillments`, { trackingNumber: 'T1' }, h.as(h.admin))
    const res = await h.call('POST', `/api/v1/orders/${order.id}/deliveries`, undefined, h.as(h.support))
    expect(res.status).toBe(200)
    expect(res.body.history.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'awaiting_payment',
      'paid',
      'fulfilled',
      'delivered',
    ])
    expect((await f.events(order.id)).at(-1)).toMatchObject({
      type: 'order.delivered',
      data: { status: 'delivered' },
    })
  })

  test('refuses an order not shipped, or delivered already, with 409, and an unknown one with 404', async () => {
    const paid = await f.paid()
    const before = await f.counts()
    expect(
      await h.call('POST', `/api/v1/orders/${paid.id}/deliveries`, undefined, h.as(h.admin)),
    ).toMatchObject({
      status: 409,
      body: { code: 'invalid_transition' },
    })
    expect(
      (await h.call('POST', `/api/v1/orders/${newId('ord')}/deliveries`, undefined, h.as(h.admin))).status,
    ).toBe(404)
    expect((await h.call('POST', '/api/v1/orders/nope/deliveries', undefined, h.as(h.admin))).status).toBe(
      422,
    )
    expect(await f.counts()).toEqual(before)
    await h.call('POST', `/api/v1/orders/${paid.id}/fulfillments`, { trackingNumber: 'T1' }, h.as(h.admin))
    await h.call('POST', `/api/v1/orders/${paid.id}/deliveries`, undefined, h.as(h.admin))
    expect(
      (await h.call('POST', `/api/v1/orders/${paid.id}/deliveries`, undefined, h.as(h.admin))).status,
    ).toBe(409)
  })

  test('refuses the anonymous and customers', async () => {
    const order = await f.paid()
    await h.call('POST', `/api/v1/orders/${order.id}/fulfillments`, { trackingNumber: 'T1' }, h.as(h.admin))
    expect((await h.call('POST', `/api/v1/orders/${order.id}/deliveries`)).status).toBe(401)
    expect(
      (await h.call('POST', `/api/v1/orders/${order.id}/deliveries`, undefined, h.as(h.customer))).status,
    ).toBe(403)
    expect((await getOrder(h.deps, order.id)).status).toBe('fulfilled')
  })
})
