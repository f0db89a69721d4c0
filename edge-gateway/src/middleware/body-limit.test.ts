import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import type { GatewayEnv } from '../context.ts'
import { bodyLimit } from './body-limit.ts'

const app = new Hono<GatewayEnv>()
app.post('/upload', bodyLimit(8), async (c) => c.text(`got ${(await c.req.raw.text()).length}`))
app.get('/upload', bodyLimit(8), (c) => c.text('no body'))

/** A body whose length is not declared: the limit counts it as it streams. */
const streamed = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })

describe('bodyLimit', () => {
  test('passes bodies up to the limit, and requests without one', async () => {
    expect(await (await app.request('/upload', { method: 'POST', body: '12345678' })).text()).toBe('got 8')
    expect(await (await app.request('/upload')).text()).toBe('no body')
  })

  test('refuses a larger declared body with a 413 problem', async () => {
    const res = await app.request('/upload', { method: 'POST', body: '123456789' })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'The request body exceeds 8 bytes.',
    })
  })

  test('refuses a larger streamed body, and passes a small one on whole', async () => {
    const big = await app.request('/upload', {
      method: 'POST',
      body: streamed('123456789'),
      duplex: 'half',
    } as RequestInit)
    expect(big.status).toBe(413)
    const small = await app.request('/upload', {
      method: 'POST',
      body: streamed('1234'),
      duplex: 'half',
    } as RequestInit)
    expect(await small.text()).toBe('got 4')
  })
})
