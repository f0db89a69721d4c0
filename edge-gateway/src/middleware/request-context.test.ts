import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import { testShared } from '../../test/helpers.ts'
import { type GatewayEnv, type GatewayLogger, noopLogger } from '../context.ts'
import { requestContext, routeLabel } from './request-context.ts'

const peer = '192.0.2.1'
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'

const appWith = (
  env: Record<string, string> = {},
  logger: GatewayLogger = noopLogger,
  routes: (app: Hono<GatewayEnv>) => void = () => {},
) => {
  const shared = testShared(env, logger)
  const app = new Hono<GatewayEnv>()
  app.use(
    '*',
    requestContext(shared, () => peer),
  )
  app.use('/labelled/*', routeLabel('/labelled/*'))
  routes(app)
  app.all('*', (c) => c.json(c.get('state')))
  app.onError(() => {
    throw new Error('handled by the request context')
  })
  return { app, shared }
}

const state = async (res: Response) => (await res.json()) as Record<string, unknown>

describe('requestContext', () => {
  test("keeps a caller's plain request id and trace, with a span of its own, and stamps the id on the answer", async () => {
    const { app } = appWith()
    const res = await app.request('/x', {
      headers: { 'x-request-id': 'client-id-123', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    })
    expect(res.headers.get('x-request-id')).toBe('client-id-123')
    const s = await state(res)
    expect(s).toMatchObject({ requestId: 'client-id-123', traceId, clientIp: peer, peerIp: peer })
    expect(s.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`))
    expect(s.traceparent).not.toContain('00f067aa0ba902b7')
  })

  test('replaces an unusable request id and trace, and sets the security headers', async () => {
    const { app } = appWith()
    const res = await app.request('/x', { headers: { 'x-request-id': 'bad id', traceparent: 'ff-nonsense' } })
    const s = await state(res)
    expect(s.requestId).toMatch(/^req_/)
    expect(res.headers.get('x-request-id')).toBe(s.requestId as string)
    expect(s.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toBeTruthy()
  })

  test('believes X-Forwarded-For only with TRUST_PROXY, then its last hop and never X-Real-IP', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.1, 192.0.2.9', 'x-real-ip': '203.0.113.66' }
    expect(await state(await appWith().app.request('/x', { headers }))).toMatchObject({ clientIp: peer })
    const trusting = appWith({ TRUST_PROXY: 'true' }).app
    expect(await state(await trusting.request('/x', { headers }))).toMatchObject({
      clientIp: '192.0.2.9',
      peerIp: peer,
    })
  })

  test('counts each answer under its route label', async () => {
    const { app, shared } = appWith()
    await app.request('/labelled/one')
    await app.request('/other')
    const metrics = shared.metrics.registry.render()
    expect(metrics).toContain('gateway_requests_total{route="/labelled/*",method="GET",status="200"} 1')
    expect(metrics).toContain('gateway_requests_total{route="unmatched",method="GET",status="200"} 1')
  })

  test('answers 500 with the request id when the chain fails outside any handler, and logs it', async () => {
    const errors: object[] = []
    const { app } = appWith({}, { ...noopLogger, error: (obj) => errors.push(obj) }, (app) =>
      app.get('/boom', () => {
        throw new Error('boom')
      }),
    )
    const res = await app.request('/boom', { headers: { 'x-request-id': 'failing-req-1' } })
    expect(res.status).toBe(500)
    expect(res.headers.get('x-request-id')).toBe('failing-req-1')
    expect(await res.json()).toMatchObject({ code: 'internal', requestId: 'failing-req-1' })
    expect(errors).toMatchObject([{ requestId: 'failing-req-1', err: 'handled by the request context' }])
  })
})
