import { describe, expect, test } from 'bun:test'
import { reservationSweeper } from '../src/reservations/sweeper.ts'
import { inventoryHarness } from './harness.ts'

const h = await inventoryHarness()
const { call, as, admin, manager, customer } = h

const reservationCount = async (reference: string) =>
  Number(
    (
      await h.sql<
        { n: string }[]
      >`select count(*) as n from inventory.reservations where reference = ${reference}`
    )[0]!.n,
  )

describe('POST /api/v1/reservations', () => {
  test('holds every line, answers 201 with the reservation, and writes stock.reserved', async () => {
    const [a, b] = [await h.stocked(5), await h.stocked(3)]
    const reference = h.unique('ord')
    const res = await h.reserve({
      reference,
      lines: [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 3 },
      ],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      reference,
      status: 'reserved',
      lines: [
        { sku: a, location: 'default', quantity: 2 },
        { sku: b, location: 'default', quantity: 3 },
      ].sort((x, y) => (x.sku < y.sku ? -1 : 1)),
    })
    expect(res.body.id).toMatch(/^res_/)
    expect(res.headers.get('location')).toBe(`/api/v1/reservations/${res.body.id}`)
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)).toBe(900_000)
    expect(await h.stockRows(a)).toEqual([
      { location: 'default', onHand: 5, reserved: 2, available: 3, ledger: 5 },
    ])
    expect((await call('GET', `/api/v1/inventory/${b}`)).body).toMatchObject({ available: 0, status: 'out' })
    expect(await h.events('stock.reserved', res.body.id)).toHaveLength(1)
  })

  test('takes a SKU’s units from several locations, in location order, when one has too few', async () => {
    const sku = await h.stocked(2)
    await call(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: 4, reason: 'in', location: 'north' },
      as(manager),
    )
    const res = await h.reserve({ reference: 'split', lines: [{ sku, quantity: 5 }], ttlSeconds: 60 })
    expect(res.body.lines).toEqual([
      { sku, location: 'default', quantity: 2 },
      { sku, location: 'north', quantity: 3 },
    ])
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)).toBe(60_000)
  })

  test('holds nothing when any line is short: 409 insufficient_stock names each short SKU and what it has', async () => {
    const [plenty, few, none] = [await h.stocked(10), await h.stocked(1), await h.stocked(0)]
    const unknown = h.unique('NOPE')
    const reference = h.unique('ord')
    const res = await h.reserve({
      reference,
      lines: [
        { sku: plenty, quantity: 3 },
        { sku: few, quantity: 2 },
        { sku: none, quantity: 1 },
        { sku: unknown, quantity: 1 },
      ],
    })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('insufficient_stock')
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/lines/1/quantity', message: `${few}: 1 available` },
        { path: '/lines/2/quantity', message: `${none}: 0 available` },
        { path: '/lines/3/quantity', message: `${unknown}: 0 available` },
      ]),
    )
    expect(res.body.errors).toHaveLength(3)
    expect(res.body.shortages).toEqual(
      expect.arrayContaining([
        { sku: few, requested: 2, available: 1 },
        { sku: none, requested: 1, available: 0 },
        { sku: unknown, requested: 1, available: 0 },
      ]),
    )
    expect(res.body.detail).toContain(`${few} (1 available, 2 wanted)`)
    expect(await reservationCount(reference)).toBe(0)
    expect((await h.stockRows(plenty))[0]).toMatchObject({ reserved: 0, available: 10 })
  })

  test('the same Idempotency-Key answers the same reservation; with another request, 422', async () => {
    const sku = await h.stocked(5)
    const key = crypto.randomUUID()
    const reference = h.unique('ord')
    const body = { reference, lines: [{ sku, quantity: 2 }] }
    const first = await h.reserve(body, key)
    const again = await h.reserve(body, key)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const other = await h.reserve({ reference, lines: [{ sku, quantity: 3 }] }, key)
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('idempotency_mismatch')
    // Another caller using the same key is refused too, not shown the first caller's reservation.
    const otherAdmin = await h.tokens.sign({ roles: ['admin'], sub: 'usr_other_admin' })
    expect((await h.reserve(body, key, otherAdmin)).status).toBe(422)
    expect(await reservationCount(reference)).toBe(1)
    expect((await h.stockRows(sku))[0]).toMatchObject({ reserved: 2 })
  })

  test('refuses bad requests with 422, holding nothing', async () => {
    const sku = await h.stocked(5)
    for (const body of [
      { reference: 'x', lines: [] },
      { reference: 'x', lines: [{ sku, quantity: 0 }] },
      { reference: 'x', lines: [{ sku, quantity: 1.5 }] },
      { reference: '', lines: [{ sku, quantity: 1 }] },
      { reference: 'x', lines: [{ sku, quantity: 1 }], ttlSeconds: 0 },
      { lines: [{ sku, quantity: 1 }] },
    ])
      expect((await h.reserve(body)).status).toBe(422)
    const noKey = await call(
      'POST',
      '/api/v1/reservations',
      { reference: 'x', lines: [{ sku, quantity: 1 }] },
      as(admin),
    )
    expect(noKey.status).toBe(422)
    expect((await h.stockRows(sku))[0]).toMatchObject({ reserved: 0 })
  })

  test('is refused to the anonymous, customers and inventory managers, holding nothing', async () => {
    const sku = await h.stocked(5)
    const body = { reference: 'x', lines: [{ sku, quantity: 1 }] }
    expect(
      (await call('POST', '/api/v1/reservations', body, { 'idempotency-key': crypto.randomUUID() })).status,
    ).toBe(401)
    for (const token of [customer, manager])
      expect((await h.reserve(body, undefined, token)).status).toBe(403)
    expect((await h.stockRows(sku))[0]).toMatchObject({ reserved: 0 })
  })
})

describe('GET, commit and release', () => {
  const held = async (onHand = 5, quantity = 2) => {
    const sku = await h.stocked(onHand)
    const res = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity }] })
    return { sku, id: res.body.id as string, reservation: res.body }
  }

  test('GET answers the reservation, 404 for an unknown one and 422 for a malformed id', async () => {
    const { id, reservation } = await held()
    expect((await call('GET', `/api/v1/reservations/${id}`, undefined, as(admin))).body).toEqual(reservation)
    expect(
      (await call('GET', '/api/v1/reservations/res_00000000000000000000000000', undefined, as(admin))).status,
    ).toBe(404)
    expect((await call('GET', '/api/v1/reservations/nope', undefined, as(admin))).status).toBe(422)
  })

  test('commit takes the units out for good: on_hand and reserved drop, the ledger says why', async () => {
    const { sku, id } = await held(5, 2)
    const res = await call('POST', `/api/v1/reservations/${id}/commit`, undefined, as(admin))
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('committed')
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 3, reserved: 0, available: 3, ledger: 3 },
    ])
    const adjusted = await h.events('stock.adjusted', id)
    expect(adjusted).toEqual([
      expect.objectContaining({
        sku,
        delta: -2,
        reason: 'reservation committed',
        reservationId: id,
        onHand: 3,
      }),
    ])
    // Committing again changes nothing; a committed reservation cannot be released.
    expect((await call('POST', `/api/v1/reservations/${id}/commit`, undefined, as(admin))).body.status).toBe(
      'committed',
    )
    expect((await call('POST', `/api/v1/reservations/${id}/release`, undefined, as(admin))).status).toBe(409)
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 3, reserved: 0, available: 3, ledger: 3 },
    ])
  })

  test('release gives the units back and writes stock.released; a released reservation cannot be committed', async () => {
    const { sku, id } = await held(5, 2)
    const res = await call('POST', `/api/v1/reservations/${id}/release`, undefined, as(admin))
    expect(res.body.status).toBe('released')
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 5, reserved: 0, available: 5, ledger: 5 },
    ])
    expect((await call('POST', `/api/v1/reservations/${id}/release`, undefined, as(admin))).status).toBe(200)
    expect(await h.events('stock.released', id)).toEqual([expect.objectContaining({ status: 'released' })])
    const commit = await call('POST', `/api/v1/reservations/${id}/commit`, undefined, as(admin))
    expect(commit.status).toBe(409)
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 5, reserved: 0, available: 5, ledger: 5 },
    ])
  })

  test('commit and release answer 404 for an unknown reservation', async () => {
    for (const action of ['commit', 'release'])
      expect(
        (
          await call(
            'POST',
            `/api/v1/reservations/res_00000000000000000000000000/${action}`,
            undefined,
            as(admin),
          )
        ).status,
      ).toBe(404)
  })

  test('are refused to the anonymous, customers and inventory managers, changing nothing', async () => {
    const { sku, id } = await held(5, 2)
    for (const [method, path] of [
      ['GET', `/api/v1/reservations/${id}`],
      ['POST', `/api/v1/reservations/${id}/commit`],
      ['POST', `/api/v1/reservations/${id}/release`],
    ] as const) {
      expect((await call(method, path)).status).toBe(401)
      for (const token of [customer, manager])
        expect((await call(method, path, undefined, as(token))).status).toBe(403)
    }
    expect((await h.stockRows(sku))[0]).toMatchObject({ onHand: 5, reserved: 2 })
  })
})

describe('expiry', () => {
  test('the sweeper releases reservations past their expiry, and they can no longer be committed', async () => {
    const sku = await h.stocked(4)
    const expiring = await h.reserve({
      reference: h.unique('ord'),
      lines: [{ sku, quantity: 1 }],
      ttlSeconds: 30,
    })
    const lasting = await h.reserve({
      reference: h.unique('ord'),
      lines: [{ sku, quantity: 2 }],
      ttlSeconds: 600,
    })
    const sweeper = reservationSweeper(h.deps, 60_000)
    expect(await sweeper.sweep()).toBe(0)

    h.advance(31_000)
    // Past its expiry but not yet swept: it is not committed.
    expect(
      (await call('POST', `/api/v1/reservations/${expiring.body.id}/commit`, undefined, as(admin))).status,
    ).toBe(409)
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1)
    expect(
      (await call('GET', `/api/v1/reservations/${expiring.body.id}`, undefined, as(admin))).body.status,
    ).toBe('expired')
    expect(
      (await call('GET', `/api/v1/reservations/${lasting.body.id}`, undefined, as(admin))).body.status,
    ).toBe('reserved')
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 4, reserved: 2, available: 2, ledger: 4 },
    ])
    expect(await h.events('stock.released', expiring.body.id)).toEqual([
      expect.objectContaining({ status: 'expired' }),
    ])
    expect(await sweeper.sweep()).toBe(0)
  })

  test('a started sweeper releases on its own, and stops when told', async () => {
    const sku = await h.stocked(3)
    const res = await h.reserve({ reference: h.unique('ord'), lines: [{ sku, quantity: 3 }], ttlSeconds: 1 })
    h.advance(2_000)
    const sweeper = reservationSweeper(h.deps, 20)
    sweeper.start()
    const deadline = Date.now() + 5_000
    while ((await h.stockRows(sku))[0]!.reserved > 0 && Date.now() < deadline) await Bun.sleep(20)
    await sweeper.stop()
    expect((await call('GET', `/api/v1/reservations/${res.body.id}`, undefined, as(admin))).body.status).toBe(
      'expired',
    )
  })
})
