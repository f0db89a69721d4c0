import { describe, expect, test } from 'bun:test'
import {
  checkTransition,
  decodeCursor,
  encodeCursor,
  nextStatuses,
  type OrderStatus,
  orderInputProblems,
  orderStatuses,
} from './model.ts'

// The machine as the order API documents it, written out pair by pair.
const legal = new Set([
  'pending→awaiting_payment',
  'pending→cancelled',
  'awaiting_payment→paid',
  'awaiting_payment→cancelled',
  'paid→fulfilled',
  'paid→cancelled',
  'paid→partially_refunded',
  'paid→refunded',
  'fulfilled→delivered',
  'fulfilled→partially_refunded',
  'fulfilled→refunded',
  'delivered→partially_refunded',
  'delivered→refunded',
  'partially_refunded→partially_refunded',
  'partially_refunded→refunded',
])

/** Totals under which each refund status is due: half refunded for a partial refund, all for a full one. */
const totalsFor = (to: OrderStatus) => ({
  total: 1000,
  refunded: to === 'refunded' ? 1000 : to === 'partially_refunded' ? 500 : 0,
})

describe('the order status machine', () => {
  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const))

  test.each(pairs)('%s → %s', (from, to) => {
    const check = checkTransition({ status: from, totals: totalsFor(to) }, to)
    if (legal.has(`${from}→${to}`)) expect(check).toEqual({ kind: 'move' })
    else if (from === to) expect(check).toEqual({ kind: 'stay' })
    else expect(check).toEqual({ kind: 'refuse', reason: `An order that is ${from} cannot become ${to}` })
  })

  test('lists for each status exactly the moves it allows; cancelled and refunded are final', () => {
    for (const from of orderStatuses)
      expect([...nextStatuses(from)].sort()).toEqual(
        orderStatuses.filter((to) => legal.has(`${from}→${to}`)).sort(),
      )
    expect(nextStatuses('cancelled')).toEqual([])
    expect(nextStatuses('refunded')).toEqual([])
  })

  test('refuses refunded until all of the total is refunded', () => {
    for (const refunded of [0, 1, 999])
      expect(checkTransition({ status: 'paid', totals: { total: 1000, refunded } }, 'refunded').kind).toBe(
        'refuse',
      )
    expect(
      checkTransition({ status: 'delivered', totals: { total: 1000, refunded: 1000 } }, 'refunded'),
    ).toEqual({ kind: 'move' })
  })

  test('refuses partially_refunded unless some but not all of the total is refunded', () => {
    for (const refunded of [0, 1000])
      expect(
        checkTransition({ status: 'fulfilled', totals: { total: 1000, refunded } }, 'partially_refunded'),
      ).toMatchObject({ kind: 'refuse', reason: expect.stringContaining(`${refunded} of 1000`) })
    expect(
      checkTransition(
        { status: 'partially_refunded', totals: { total: 1000, refunded: 999 } },
        'partially_refunded',
      ),
    ).toEqual({ kind: 'move' })
  })
})

describe('orderInputProblems', () => {
  const line = {
    sku: 'LAMP-1',
    productId: 'prd_1',
    name: 'Lamp',
    unitPrice: 1999,
    quantity: 2,
    lineTotal: 3998,
  }
  const totals = { subtotal: 3998, shipping: 495, tax: 760, total: 5253 }

  test('finds nothing wrong with lines and totals that add up', () => {
    expect(orderInputProblems([line], totals)).toEqual([])
  })

  test('names each field that does not add up', () => {
    expect(
      orderInputProblems(
        [
          { ...line, lineTotal: 3997 },
          { ...line, quantity: 0, lineTotal: 0 },
        ],
        {
          ...totals,
          total: 1,
        },
      ).map((p) => p.path),
    ).toEqual(['/lines/0/lineTotal', '/lines/1/quantity', '/totals/subtotal', '/totals/total'])
    expect(orderInputProblems([], { subtotal: 0, shipping: 0, tax: 0, total: 0 })).toEqual([
      { path: '/lines', message: 'must hold at least one line' },
    ])
    expect(
      orderInputProblems([{ ...line, unitPrice: 0.5, lineTotal: 1 }], { ...totals, tax: -1 }).map(
        (p) => p.path,
      ),
    ).toEqual(['/lines/0/unitPrice', '/totals/tax', '/totals/subtotal', '/totals/total'])
  })
})

describe('page cursors', () => {
  test('read back what they were made from', () => {
    const position = { createdAt: '2026-12-07T09:30:00.123Z', id: 'ord_01KBV8QZ7E0000000000000000' }
    expect(decodeCursor(encodeCursor(position))).toEqual(position)
  })

  test('are refused when not made here', () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const cursor of [
      'not-a-cursor',
      forge({ createdAt: '2026-12-07T09:30:00.123Z' }),
      forge(['2026-12-07T09:30:00.123Z']),
      forge(['yesterday', 'ord_01KBV8QZ7E0000000000000000']),
      forge(['2026-12-07T09:30:00.123Z', "ord_x' or 1=1"]),
      forge([1, 'ord_01KBV8QZ7E0000000000000000']),
    ])
      expect(decodeCursor(cursor)).toBeNull()
  })
})
