import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { serviceSecret } from '@myshop/auth'
import { checkoutPlatform, http, shopSecret } from './checkout-platform.ts'

const entry = join(import.meta.dir, '../src/index.ts')

const freePort = () => {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const port = probe.port
  probe.stop(true)
  return port
}

// A real process, killed with SIGKILL mid-saga, needs the real servers: the distributed mode.
describe.skipIf(!process.env.DATABASE_URL)('the order service killed mid-checkout', async () => {
  const p = await checkoutPlatform()
  const port = freePort()
  const url = `http://127.0.0.1:${port}`

  /** The order service as a process of its own, ready to take requests. */
  const spawn = async (extra: Record<string, string>) => {
    const child = Bun.spawn(['bun', entry], {
      env: {
        ...process.env,
        ...p.processEnv(),
        ORDER_PORT: String(port),
        SERVICE_SECRET: await serviceSecret(shopSecret, 'order'),
        SAGA_LEASE_MS: '2000',
        SAGA_RECOVERY_INTERVAL_MS: '200',
        ...extra,
      },
      stdout: 'ignore',
      stderr: 'ignore',
    })
    for (let i = 0; i < 400; i++) {
      const ready = await fetch(`${url}/ready`).catch(() => null)
      if (ready?.status === 200) return child
      await Bun.sleep(50)
    }
    child.kill('SIGKILL')
    throw new Error('the order service process did not become ready')
  }

  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs
    while (Date.now() < end) {
      if (await check()) return
      await Bun.sleep(50)
    }
    throw new Error(`timed out waiting until ${what}`)
  }

  test('SIGKILL after the order is paid and before capture: restarted, it captures once and completes', async () => {
    const sku = await p.product(4)
    const first = await spawn({ SAGA_PAUSE_AT: 'forward:capture_payment:started' })
    let orderId = ''
    try {
      const cart = await http(`${url}/api/v1/carts`, 'POST')
      expect(cart.status).toBe(201)
      expect(
        (await http(`${url}/api/v1/carts/${cart.body.id}/items`, 'POST', { sku, quantity: 3 })).status,
      ).toBe(200)
      const request = http(`${url}/api/v1/checkout`, 'POST', p.checkoutBody(cart.body.id), {
        'idempotency-key': crypto.randomUUID(),
      }).catch((error: unknown) => error)
      await until('the saga reaches capture', async () => {
        const [row] = await p.deps.sql<{ orderId: string; step: string | null }[]>`
          select order_id as "orderId", current_step as step from orders.sagas where payload ->> 'cartId' = ${cart.body.id}`
        orderId = row?.orderId ?? ''
        return row?.step === 'capture_payment'
      })
      first.kill('SIGKILL')
      await first.exited
      expect(await request).toBeInstanceOf(Error)
    } finally {
      first.kill('SIGKILL')
    }
    // Killed where it stood: paid, the stock taken, the payment authorized and not captured.
    const [paid] = await p.deps.sql<
      { status: string }[]
    >`select status from orders.orders where id = ${orderId}`
    expect(paid!.status).toBe('paid')
    expect(await p.payments(orderId)).toEqual([expect.objectContaining({ status: 'authorized' })])
    expect(await p.stock(sku)).toMatchObject({ onHand: 1, reserved: 0 })

    const second = await spawn({})
    try {
      await until(
        'the restarted service completes the checkout',
        async () => (await p.sagaOf(orderId)).status === 'completed',
      )
    } finally {
      second.kill('SIGKILL')
      await second.exited
    }
    expect(await p.payments(orderId)).toEqual([expect.objectContaining({ status: 'captured' })])
    expect(await p.ledger(orderId)).toEqual([
      { kind: 'authorize', outcome: 'succeeded' },
      { kind: 'capture', outcome: 'succeeded' },
    ])
    expect(await p.charges(orderId)).toEqual([{ status: 'captured' }])
    expect(await p.reservations(orderId)).toEqual([expect.objectContaining({ status: 'committed' })])
    expect(await p.stock(sku)).toEqual({ onHand: 1, reserved: 0, available: 1, ledger: 1 })
  }, 60_000)
})
