import { afterAll, describe, expect, test } from 'bun:test'
import type { ServiceTokens } from '@myshop/service-kit'
import { serviceCaller } from './service-call.ts'

/** A service of the test's own answering each path as told, recording what it was sent. */
const seen: { path: string; authorization: string | null; key: string | null }[] = []
const server = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  async fetch(request) {
    const path = new URL(request.url).pathname
    seen.push({
      path,
      authorization: request.headers.get('authorization'),
      key: request.headers.get('idempotency-key'),
    })
    if (path === '/ok') return Response.json({ id: 'x1' }, { status: 201 })
    if (path === '/stale-token')
      return request.headers.get('authorization') === 'Bearer fresh'
        ? Response.json({ id: 'x2' })
        : Response.json({ code: 'invalid_token' }, { status: 401 })
    if (path === '/declined')
      return Response.json({ code: 'payment_declined', detail: 'card declined' }, { status: 402 })
    if (path === '/busy') return Response.json({ code: 'idempotency_in_flight' }, { status: 409 })
    if (path === '/timeout')
      return Response.json({ code: 'gateway_timeout', detail: 'provider' }, { status: 504 })
    if (path === '/slow') await Bun.sleep(500)
    return new Response('not json', { status: 200 })
  },
})
afterAll(() => server.stop(true))

const tokens = (): ServiceTokens & { forgotten: number } => {
  let current = 'stale'
  const t = {
    forgotten: 0,
    token: async () => current,
    authorization: async () => `Bearer ${current}`,
    forget() {
      t.forgotten++
      current = 'fresh'
    },
  }
  return t
}

describe('serviceCaller', () => {
  test('sends the service’s token and the idempotency key, and answers the body', async () => {
    const call = serviceCaller({
      baseUrl: `http://127.0.0.1:${server.port}/`,
      tokens: tokens(),
      timeoutMs: 1000,
    })
    expect(await call('POST', '/ok', { body: { a: 1 }, idempotencyKey: 'sag_1:reserve_stock' })).toEqual({
      ok: true,
      value: { id: 'x1' },
    })
    expect(seen.at(-1)).toEqual({ path: '/ok', authorization: 'Bearer stale', key: 'sag_1:reserve_stock' })
  })

  test('a refused token is forgotten and the call made once more with a fresh one', async () => {
    const t = tokens()
    const call = serviceCaller({ baseUrl: `http://127.0.0.1:${server.port}`, tokens: t, timeoutMs: 1000 })
    expect(await call('GET', '/stale-token')).toEqual({ ok: true, value: { id: 'x2' } })
    expect(t.forgotten).toBe(1)
  })

  test('a 4xx is a business answer; 5xx, 504, a request in flight and a timeout are worth retrying', async () => {
    const call = serviceCaller({
      baseUrl: `http://127.0.0.1:${server.port}`,
      tokens: tokens(),
      timeoutMs: 200,
    })
    expect(await call('POST', '/declined')).toMatchObject({
      ok: false,
      retryable: false,
      problem: { status: 402, code: 'payment_declined', detail: 'card declined' },
    })
    expect(await call('POST', '/busy')).toMatchObject({ ok: false, retryable: true })
    expect(await call('POST', '/timeout')).toMatchObject({
      ok: false,
      retryable: true,
      reason: expect.stringContaining('504'),
    })
    expect(await call('GET', '/slow')).toMatchObject({ ok: false, retryable: true })
    const nowhere = serviceCaller({ baseUrl: 'http://127.0.0.1:9', tokens: tokens(), timeoutMs: 200 })
    expect(await nowhere('GET', '/ok')).toMatchObject({ ok: false, retryable: true })
  })

  test('no token to be had is worth retrying too', async () => {
    const call = serviceCaller({
      baseUrl: `http://127.0.0.1:${server.port}`,
      tokens: {
        token: async () => '',
        authorization: () => Promise.reject(new Error('user service down')),
        forget() {},
      },
      timeoutMs: 200,
    })
    expect(await call('GET', '/ok')).toMatchObject({
      ok: false,
      retryable: true,
      reason: expect.stringContaining('user service down'),
    })
  })
})
