import { describe, expect, test } from 'bun:test'
import { type OfferedProviders, type ProviderName, paymentClient } from './payment.ts'
import type { CallResult, ServiceCaller } from './service-call.ts'

/** A payment service answering each call with the next of `answers`, recording what it was asked. */
const scripted = (answers: CallResult<unknown>[]) => {
  const asked: string[] = []
  const call = (async (method: string, path: string) => {
    asked.push(`${method} ${path}`)
    return answers.shift() ?? { ok: false, retryable: true, reason: 'nothing more to answer' }
  }) as ServiceCaller
  return { call, asked }
}

const offers = (...names: ProviderName[]): CallResult<OfferedProviders> => ({
  ok: true,
  value: { providers: names.map((name) => ({ name })) },
})

describe('the payment client', () => {
  test('remembers the offered providers for 30 seconds, then asks again', async () => {
    const service = scripted([offers('test'), offers('test', 'paypal')])
    let now = 1_000_000
    const client = paymentClient(service.call, { now: () => now })
    expect(await client.providers()).toEqual(offers('test'))
    now += 29_999
    expect(await client.providers()).toEqual(offers('test'))
    expect(service.asked).toEqual(['GET /api/v1/payments/providers'])
    now += 1
    expect(await client.providers()).toEqual(offers('test', 'paypal'))
    expect(service.asked).toHaveLength(2)
  })

  test('does not remember a failure: the next checkout asks again', async () => {
    const down: CallResult<OfferedProviders> = { ok: false, retryable: true, reason: 'connection refused' }
    const service = scripted([down, offers('stripe')])
    const client = paymentClient(service.call, { now: () => 0 })
    expect(await client.providers()).toEqual(down)
    expect(await client.providers()).toEqual(offers('stripe'))
    expect(service.asked).toHaveLength(2)
  })

  test('resolves a payment awaiting the shopper with POST /api/v1/payments/:id/resolve', async () => {
    const service = scripted([{ ok: true, value: { id: 'pay_1', status: 'authorized' } }])
    const client = paymentClient(service.call)
    const answer = await client.resolve('pay_1')
    expect(answer).toMatchObject({ ok: true, value: { id: 'pay_1', status: 'authorized' } })
    expect(service.asked).toEqual(['POST /api/v1/payments/pay_1/resolve'])
  })
})
