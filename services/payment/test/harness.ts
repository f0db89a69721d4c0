import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import type { PaymentDeps } from '../src/deps.ts'
import { createTestProvider, signCallback } from '../src/test-provider/service.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/payment')

export const webhookSecret = 'a-test-secret-of-the-test-provider'

/** A payment service app on the test database, with a clock tests can move forward. */
export const paymentHarness = async () => {
  const { sql, kind } = await testDatabase()
  await migrate(sql, 'payments', migrationsDir)
  const tokens = await testTokens()
  let offsetMs = 0
  let eventsWritten = 0
  const now = () => Date.now() + offsetMs
  const testProvider = createTestProvider({ sql, now, secret: webhookSecret, toleranceSeconds: 300 })
  const deps: PaymentDeps = {
    sql,
    now,
    logger: silentLogger(),
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => eventsWritten++,
    providers: { test: testProvider },
    offered: ['test'],
    publicKeys: {},
    publicUrl: 'http://shop.test',
    testProvider,
  }
  const app = createApp(deps)
  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const [admin, customer, support, manager] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
    tokens.sign({ roles: ['support'], sub: 'usr_support' }),
    tokens.sign({ roles: ['inventory_manager'], sub: 'usr_manager' }),
  ])
  const reference = () => `ord_${crypto.randomUUID().slice(0, 8)}`

  /** Authorizes as an administrator (who holds payment:authorize) under a fresh idempotency key unless given one. */
  const authorize = (body: Record<string, unknown>, key: string = crypto.randomUUID(), token = admin) =>
    call(
      'POST',
      '/api/v1/payments',
      { reference: reference(), amount: 4999, currency: 'EUR', provider: 'test', token: 'tok_visa', ...body },
      { ...as(token), 'idempotency-key': key },
    )

  /** A captured payment of `amount`. */
  const captured = async (amount = 5000) => {
    const res = await authorize({ amount })
    const id = res.body.id as string
    const capture = await call('POST', `/api/v1/payments/${id}/capture`, undefined, as(admin))
    if (capture.status !== 200) throw new Error(`capture failed: ${capture.status}`)
    return id
  }

  const refund = (id: string, body: unknown = {}, key: string = crypto.randomUUID(), token = admin) =>
    call('POST', `/api/v1/payments/${id}/refunds`, body, { ...as(token), 'idempotency-key': key })

  /** The events of `type` the service wrote about a payment. */
  const events = async (type: string, paymentId: string) =>
    (
      await sql<{ data: Record<string, unknown> }[]>`
        select data from payments.outbox where type = ${type} and data->>'paymentId' = ${paymentId} order by seq`
    ).map((row) => row.data)

  /** What the database holds for a payment: its row, ledger and the provider's charges under its key. */
  const rows = async (paymentId: string) => ({
    payment: (
      await sql<{ status: string; capturedAmount: number; refundedAmount: number }[]>`
        select status, captured_amount as "capturedAmount", refunded_amount as "refundedAmount"
        from payments.payments where id = ${paymentId}`
    )[0],
    ledger: [
      ...(await sql<{ kind: string; outcome: string; amount: number }[]>`
        select kind, outcome, amount from payments.transactions where payment_id = ${paymentId} order by seq`),
    ],
    charges: [
      ...(await sql<{ status: string }[]>`
        select status from payments.test_provider_charges where idempotency_key = ${`${paymentId}:authorize`}`),
    ],
  })

  /** A callback signed as the test provider signs them, at `timestamp` (now unless given). */
  const signed = (body: unknown, secret = webhookSecret, timestamp = Math.floor(now() / 1000)) => {
    const text = JSON.stringify(body)
    return { text, signature: signCallback(secret, text, timestamp) }
  }

  const postCallback = (text: string, signature?: string) =>
    app.handle(
      new Request('http://localhost/api/v1/webhooks/test-provider', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature && { 'test-provider-signature': signature }),
        },
        body: text,
      }),
    )

  return {
    app,
    deps,
    sql,
    kind,
    call,
    as,
    admin,
    customer,
    support,
    manager,
    tokens,
    reference,
    authorize,
    captured,
    refund,
    events,
    rows,
    signed,
    postCallback,
    advance: (ms: number) => {
      offsetMs += ms
    },
    eventsWritten: () => eventsWritten,
  }
}

export type PaymentHarness = Awaited<ReturnType<typeof paymentHarness>>
