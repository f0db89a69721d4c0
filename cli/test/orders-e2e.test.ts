// End to end: the orders and sagas commands through the real CLI against MyShop booted as `myshop start` boots it,
// in distributed mode with DATABASE_URL / REDIS_URL, else embedded. Orders are placed by shoppers through the
// gateway's checkout; the operator reads, ships, refunds and cancels them, and inspects their sagas.
import { describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outbox, paymentDisputed } from '@myshop/events'
import { eventually, testDatabase, uniqueEmail } from '@myshop/testing'
import { runCli } from './run-cli.ts'
import { shopAt } from './shop.ts'
import { bootForFile } from './test-platform.ts'

const booted = bootForFile('copper-Meadow-71-falcon')
const adminHome = mkdtempSync(join(tmpdir(), 'myshop-cli-orders-admin-'))
const shopperHome = mkdtempSync(join(tmpdir(), 'myshop-cli-orders-shopper-'))

const cliAt =
  (home: string) =>
  (...args: string[]) =>
    runCli([...args, '--url', booted.platform.gatewayUrl], { home })
const cli = cliAt(adminHome)
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json')
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' })
  return JSON.parse(result.stdout)
}
const shop = () => shopAt(booted.platform.gatewayUrl)

describe('myshop orders and sagas against a running MyShop', () => {
  test('an operator lists, shows, ships, refunds and cancels real orders, and reads their sagas', async () => {
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const { signIn, register, stockedSku, cartOf, checkout, available } = shop()
    const admin = await signIn(booted.admin.email, booted.admin.password)
    const sku = await stockedSku(admin, 'ORDERS', 'Orders teapot', 3000, 10)

    const email = uniqueEmail('orders-buyer')
    const password = 'amber-Willow-44-harbor'
    const shopper = await register(email, password)
    const buy = async (quantity: number) => {
      const bought = await checkout(shopper, await cartOf(shopper, sku, quantity), email)
      expect(bought.status).toBe(201)
      return bought.body as { id: string; sagaId: string; totals: { total: number } }
    }
    const shipped = await buy(1)
    const refunded = await buy(2)
    const cancelled = await buy(3)
    expect(await available(sku)).toBe(4)

    // list: newest first, filtered by status; show: the order's facts, lines and history.
    const listed = await json('orders', 'list', '--status', 'paid', '--limit', '100', '--all')
    const ids = listed.items.map((order: { id: string }) => order.id)
    expect(ids.indexOf(cancelled.id)).toBeLessThan(ids.indexOf(shipped.id))
    expect(ids).toEqual(expect.arrayContaining([shipped.id, refunded.id, cancelled.id]))
    const table = await cli('orders', 'list', '--status', 'paid')
    expect(table.stdout).toMatch(/ID\s+PLACED\s+STATUS\s+EMAIL\s+TOTAL/)
    const shown = await cli('orders', 'show', shipped.id)
    expect(shown).toMatchObject({ code: 0, stderr: '' })
    expect(shown.stdout).toMatch(new RegExp(`id: +${shipped.id}\\nstatus: +paid\\n`))
    expect(shown.stdout).toMatch(new RegExp(`${sku}\\s+Orders teapot\\s+1\\s+30\\.00 EUR\\s+30\\.00 EUR`))
    expect(shown.stdout).toMatch(/pending\s+usr_\w+\n.*awaiting_payment\s+svc:order\n.*paid\s+svc:order\n/)

    // ship: the order is fulfilled with its tracking number.
    const ship = await json(
      'orders',
      'ship',
      shipped.id,
      '--tracking',
      '1Z999AA10123456784',
      '--carrier',
      'UPS',
    )
    expect(ship).toMatchObject({
      status: 'fulfilled',
      fulfillments: [{ trackingNumber: '1Z999AA10123456784', carrier: 'UPS' }],
    })
    // Shipping it again is refused by the status machine: the CLI exits non-zero and says why.
    const again = await cli('orders', 'ship', shipped.id, '--tracking', 'SECOND')
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('invalid_transition')

    // refund: part of the order's total in its currency, then the rest with the units put back.
    const part = await json('orders', 'refund', refunded.id, '--amount', '10.00', '--yes')
    expect(part).toMatchObject({ status: 'partially_refunded', totals: { refunded: 1000 } })
    const rest = await json('orders', 'refund', refunded.id, '--restock', '--yes')
    expect(rest).toMatchObject({ status: 'refunded', totals: { refunded: refunded.totals.total } })
    expect(await available(sku)).toBe(6)
    // Without --yes on a non-terminal, nothing is asked and nothing changes.
    const unconfirmed = await cli('orders', 'cancel', cancelled.id)
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain('--yes')

    // cancel: the paid order is refunded and its stock released.
    const cancel = await json('orders', 'cancel', cancelled.id, '--yes')
    expect(cancel.status).toBe('cancelled')
    expect(await available(sku)).toBe(9)

    // sagas: the checkout, refunds and cancellation, each with its timeline.
    const sagas = await json('sagas', 'list', '--limit', '100')
    const mine = sagas.items.filter((saga: { orderId: string }) =>
      [shipped.id, refunded.id, cancelled.id].includes(saga.orderId),
    )
    expect(mine.map((saga: { kind: string }) => saga.kind).sort()).toEqual([
      'cancel',
      'checkout',
      'checkout',
      'checkout',
      'refund',
      'refund',
    ])
    expect(mine.every((saga: { status: string }) => saga.status === 'completed')).toBe(true)
    const completed = await json('sagas', 'list', '--status', 'completed', '--limit', '100')
    expect(completed.items.every((saga: { status: string }) => saga.status === 'completed')).toBe(true)
    const timeline = await cli('sagas', 'show', shipped.sagaId)
    expect(timeline).toMatchObject({ code: 0, stderr: '' })
    expect(timeline.stdout).toMatch(/kind: +checkout\n/)
    expect(timeline.stdout).toMatch(/STARTED\s+STEP\s+STATUS\s+ATTEMPTS\s+TOOK\s+ERROR/)
    for (const step of ['reserve_stock', 'authorize_payment', 'capture_payment'])
      expect(timeline.stdout).toContain(step)
    // A completed saga has nothing to retry or undo: refused with the service's reason, nothing changed.
    const retry = await cli('sagas', 'retry', shipped.sagaId)
    expect(retry.code).not.toBe(0)
    const undo = await cli('sagas', 'compensate', shipped.sagaId, '--yes')
    expect(undo.code).not.toBe(0)
    expect((await json('orders', 'show', shipped.id)).status).toBe('fulfilled')

    // A shopper signed in to the CLI may not read every order or any saga.
    const asShopper = cliAt(shopperHome)
    expect((await asShopper('login', '--email', email, '--password', password)).code).toBe(0)
    const refused = await asShopper('orders', 'list')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/forbidden|permission/i)
    expect((await asShopper('sagas', 'list')).code).not.toBe(0)
  }, 120_000)

  test('lists only the orders whose payment is disputed, with their dispute', async () => {
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const { signIn, boughtByNewShopper } = shop()
    const bought = await boughtByNewShopper(
      await signIn(booted.admin.email, booted.admin.password),
      'DISPUTE',
      2500,
    )
    expect(bought.status).toBe(201)
    const order = bought.body as { id: string; totals: { total: number } }
    const disputedIds = async () =>
      (await json('orders', 'list', '--disputed', '--limit', '100', '--all')).items.map(
        (o: { id: string; dispute: unknown }) => {
          expect(o.dispute).not.toBeNull()
          return o.id
        },
      )
    expect(await disputedIds()).not.toContain(order.id)
    expect(
      (await json('orders', 'list', '--limit', '100', '--all')).items.map((o: { id: string }) => o.id),
    ).toContain(order.id)

    // The shopper's bank disputes the payment: the payment service writes payment.disputed, as its provider's
    // notice makes it. Only a database server can be reached beside the running services.
    if (booted.platform.mode !== 'distributed') return
    const { sql } = await testDatabase()
    await sql.begin((tx) =>
      outbox.add(
        tx,
        'payments',
        paymentDisputed.create(
          {
            paymentId: (bought.body as { payment: { id: string } }).payment.id,
            reference: order.id,
            provider: 'test',
            providerReference: null,
            currency: 'EUR',
            occurredAt: new Date().toISOString(),
            disputeId: 'dp_e2e_1',
            amount: 2500,
            reason: 'fraudulent',
            status: 'needs_response',
          },
          { source: 'payment' },
        ),
      ),
    )
    await eventually('the order lists as disputed', async () => (await disputedIds()).includes(order.id))
    const table = await cli('orders', 'list', '--disputed', '--limit', '100')
    expect(table.stdout).toMatch(/ID\s+PLACED\s+STATUS\s+EMAIL\s+TOTAL\s+DISPUTE/)
    expect(table.stdout).toMatch(new RegExp(`${order.id}.*needs_response 25\\.00 EUR fraudulent`))
    const shown = await cli('orders', 'show', order.id)
    expect(shown.stdout).toMatch(/dispute: +needs_response 25\.00 EUR fraudulent \(dp_e2e_1\)\n/)
    expect(shown.stdout).toMatch(/paid\s+provider:test\s+Payment disputed: 25\.00 EUR/)
  }, 60_000)

  test('refuses malformed ids, statuses and amounts before any request', async () => {
    for (const args of [
      ['orders', 'show', 'nope'],
      ['orders', 'list', '--status', 'lost'],
      ['orders', 'list', '--since', 'yesterday'],
      ['orders', 'ship', 'ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J'],
      ['sagas', 'show', 'ord_01JD6Z3Q8X5V7W9Y2A4C6E8G0J'],
      ['sagas', 'list', '--limit', '0'],
    ]) {
      const result = await cli(...args)
      expect({ args, code: result.code }).toEqual({ args, code: 2 })
    }
  })
})
