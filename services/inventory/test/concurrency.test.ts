// Overselling, deadlocks and double reservations only show under real concurrency: these run against a real
// PostgreSQL server (the embedded one has a single connection, so every transaction there runs alone).
import { describe, expect, test } from 'bun:test'
import { hasRealInfrastructure } from '@myshop/testing'
import { stockFromAudit, verifyAudit } from '../src/audit/service.ts'
import { reservationSweeper } from '../src/reservations/sweeper.ts'
import { inventoryHarness } from './harness.ts'

describe.skipIf(!hasRealInfrastructure())('reservations under concurrency', async () => {
  const h = await inventoryHarness()
  const { call, as, admin } = h

  const statuses = (responses: { status: number }[]) => {
    const counts: Record<number, number> = {}
    for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1
    return counts
  }

  test('200 buyers of one unit of a SKU with 20: exactly 20 hold one, 180 get 409, nothing goes negative', async () => {
    const sku = await h.stocked(20)
    let lowest = Number.POSITIVE_INFINITY
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        const [row] = await h.sql<{ available: number }[]>`
          select available from inventory.stock where sku = ${sku} and location = 'default'`
        lowest = Math.min(lowest, row!.available)
        await Bun.sleep(1)
      }
    })()
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.reserve({ reference: `buyer-${i}`, lines: [{ sku, quantity: 1 }] }),
      ),
    )
    sampling = false
    await sampler
    expect(statuses(responses)).toEqual({ 201: 20, 409: 180 })
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({
        code: 'insufficient_stock',
        errors: [{ message: `${sku}: 0 available` }],
      })
    expect(lowest).toBeGreaterThanOrEqual(0)
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 20, reserved: 20, available: 0, ledger: 20 },
    ])

    // The paid ones are committed: the stock is gone, and the ledger still sums to it.
    const held = responses.filter((r) => r.status === 201).map((r) => r.body.id as string)
    const commits = await Promise.all(
      held.map((id) => call('POST', `/api/v1/reservations/${id}/commit`, undefined, as(admin))),
    )
    expect(statuses(commits)).toEqual({ 200: 20 })
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 0, reserved: 0, available: 0, ledger: 0 },
    ])
    // The audit trail kept one chain through the rush, and rebuilds the same stock.
    expect(await stockFromAudit(h.deps, sku, 'default')).toEqual({ onHand: 0, reserved: 0 })
    expect(await verifyAudit(h.deps)).toMatchObject({ service: 'inventory', ok: true })
  }, 60_000)

  test('buyers of [A, B] and [B, A] at once never deadlock, and each holds both or neither', async () => {
    const [a, b] = [await h.stocked(50), await h.stocked(50)]
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        h.reserve({
          reference: `pair-${i}`,
          lines:
            i % 2 === 0
              ? [
                  { sku: a, quantity: 1 },
                  { sku: b, quantity: 1 },
                ]
              : [
                  { sku: b, quantity: 1 },
                  { sku: a, quantity: 1 },
                ],
        }),
      ),
    )
    expect(statuses(responses)).toEqual({ 201: 50, 409: 70 })
    for (const held of responses.filter((r) => r.status === 201))
      expect(held.body.lines.map((line: { sku: string }) => line.sku).sort()).toEqual([a, b].sort())
    expect((await h.stockRows(a))[0]).toMatchObject({ reserved: 50, available: 0 })
    expect((await h.stockRows(b))[0]).toMatchObject({ reserved: 50, available: 0 })
  }, 60_000)

  test('two identical requests with one Idempotency-Key at once make one reservation', async () => {
    const sku = await h.stocked(100)
    for (let round = 0; round < 10; round++) {
      const key = crypto.randomUUID()
      const body = { reference: `twice-${round}`, lines: [{ sku, quantity: 1 }] }
      const [first, second] = await Promise.all([h.reserve(body, key), h.reserve(body, key)])
      expect([first!.status, second!.status]).toEqual([201, 201])
      expect(second!.body.id).toBe(first!.body.id)
    }
    expect((await h.stockRows(sku))[0]).toMatchObject({ reserved: 10 })
    const [count] = await h.sql<{ n: number }[]>`
      select count(*)::int as n from inventory.reservations r
      join inventory.reservation_lines l on l.reservation_id = r.id where l.sku = ${sku}`
    expect(count!.n).toBe(10)
  }, 60_000)

  test('expired reservations are released once, even by two sweepers and a holder releasing at the same time', async () => {
    const sku = await h.stocked(30)
    const held = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.reserve({ reference: `late-${i}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 5 }),
      ),
    )
    h.advance(6_000)
    const ids = held.map((r) => r.body.id as string)
    const [one, two] = [reservationSweeper(h.deps, 60_000), reservationSweeper(h.deps, 60_000)]
    const [swept1, swept2, ...releases] = await Promise.all([
      one.sweep(),
      two.sweep(),
      ...ids
        .slice(0, 5)
        .map((id) => call('POST', `/api/v1/reservations/${id}/release`, undefined, as(admin))),
    ])
    for (const release of releases as { status: number }[]) expect(release.status).toBe(200)
    expect((swept1 as number) + (swept2 as number)).toBeLessThanOrEqual(30)
    expect(await h.stockRows(sku)).toEqual([
      { location: 'default', onHand: 30, reserved: 0, available: 30, ledger: 30 },
    ])
    const released = await h.sql<{ n: number }[]>`
      select count(*)::int as n from inventory.outbox
      where type = 'stock.released' and data->>'reservationId' = any(${ids})`
    expect(released[0]!.n).toBe(30)
  }, 60_000)
})
