import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import type { GatewayEnv } from '../context.ts'
import { cors } from './cors.ts'

const shop = 'https://shop.example'
const appFor = (origins: string[]) => {
  const app = new Hono<GatewayEnv>()
  const allow = cors(origins)
  if (allow) app.use('*', allow)
  // An answer built as a service's would be, not through the context: CORS headers still land on it.
  app.get('/thing', () => Response.json({ ok: true }, { headers: { 'x-upstream': 'yes' } }))
  return app
}

describe('cors', () => {
  test('adds no step when no origin is allowed', () => {
    expect(cors([])).toBeNull()
  })

  test('answers a preflight from an allowed origin itself, with the methods, headers and max age', async () => {
    const res = await appFor([shop]).request('/thing', {
      method: 'OPTIONS',
      headers: { origin: shop, 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(shop)
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toContain('Idempotency-Key')
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  test('puts the allow and expose headers on a response the route built itself', async () => {
    const res = await appFor([shop]).request('/thing', { headers: { origin: shop } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('x-upstream')).toBe('yes')
    expect(res.headers.get('access-control-allow-origin')).toBe(shop)
    expect(res.headers.get('access-control-expose-headers')).toContain('RateLimit-Remaining')
    expect(res.headers.get('vary')).toContain('Origin')
  })

  test('names no origin for one that is not allowed; `*` allows any', async () => {
    const other = await appFor([shop]).request('/thing', { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const any = await appFor(['*']).request('/thing', { headers: { origin: 'https://evil.example' } })
    expect(any.headers.get('access-control-allow-origin')).toBe('*')
  })
})
