// Hostile input against MyShop as `myshop start` boots it (gateway, user and product services on real ports):
// every answer is a 4xx problem, and afterwards the same processes still answer. Without DATABASE_URL the
// services share embedded PGlite's single connection, where one stuck statement used to stop the whole shop.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { uniqueEmail } from '@myshop/testing'
import type { RunningPlatform } from '../src/platform.ts'
import { startTestPlatform } from './test-platform.ts'

const adminEmail = uniqueEmail('admin')
const adminPassword = 'copper-Meadow-71-falcon'
let platform: RunningPlatform

beforeAll(async () => {
  platform = await startTestPlatform(
    { email: adminEmail, password: adminPassword },
    { RATE_LIMIT_PER_IP: '10000' },
  )
}, 120_000)
afterAll(async () => {
  await platform?.stop()
})

const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${platform.gatewayUrl}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body }),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await res.text()
  return { status: res.status, type: res.headers.get('content-type') ?? '', text }
}

const signIn = async (email: string, password: string) => {
  const res = await call('POST', '/api/v1/auth/login', JSON.stringify({ email, password }))
  expect(res.status).toBe(200)
  return JSON.parse(res.text).accessToken as string
}

const forge = (s: string, a: unknown[]) => Buffer.from(JSON.stringify({ s, a })).toString('base64url')
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** The shop's health as a shopper and an operator see it: both services ready, sign-in and the catalog answering. */
const shopAnswers = async () => {
  for (const service of ['user', 'product']) {
    const ready = await fetch(`${platform.services[service]}/ready`, { signal: AbortSignal.timeout(10_000) })
    expect({ service, status: ready.status }).toEqual({ service, status: 200 })
  }
  await signIn(adminEmail, adminPassword)
  expect((await call('GET', '/api/v1/products?limit=2')).status).toBe(200)
}

describe('hostile input through the gateway', () => {
  test('forged cursors, NUL characters, huge numbers and deep bodies are 4xx problems, and the shop keeps answering', async () => {
    const admin = await signIn(adminEmail, adminPassword)
    const asAdmin = { authorization: `Bearer ${admin}` }
    const product = (name: string, extra = '') =>
      `{"name":${JSON.stringify(name)},"status":"active",${extra}"variants":[{"sku":"H-${crypto.randomUUID().slice(0, 8).toUpperCase()}","price":{"amount":1999,"currency":"EUR"}}]}`
    // A word of its own, so the check of what was written holds in a database other suites fill too.
    const tag = `hostile${Date.now().toString(36)}`
    for (const name of [`${tag} lamp`, `${tag} chair`]) {
      expect((await call('POST', '/api/v1/products', product(name), asAdmin)).status).toBe(201)
    }
    const id = 'prd_01JZ0000000000000000000000'
    const hostile: [string, string, string?, Record<string, string>?][] = [
      ['GET', `/api/v1/products?sort=newest&cursor=${forge('newest', [true, id])}`],
      ['GET', `/api/v1/products?sort=newest&cursor=${forge('newest', ['yesterday', id])}`],
      ['GET', `/api/v1/products?sort=price_asc&cursor=${forge('price_asc', ['abc', id])}`],
      ['GET', `/api/v1/products?sort=price_desc&cursor=${forge('price_desc', [1e30, false])}`],
      ['GET', `/api/v1/products?q=lamp&sort=relevance&cursor=${forge('relevance', [{}, id])}`],
      ['GET', '/api/v1/products?minPrice=1e23'],
      ['GET', '/api/v1/products?q=lamp%00'],
      ['GET', '/api/v1/products/prd_%00'],
      ['GET', '/api/v1/categories/x%00y'],
      [
        'POST',
        '/api/v1/auth/login',
        JSON.stringify({ email: `${adminEmail}\u0000`, password: adminPassword }),
      ],
      ['POST', '/api/v1/products', product(`Nul\u0000 ${tag}`), asAdmin],
      ['POST', '/api/v1/products', product(`Deep ${tag}`, `"attributes":{"a":${nested(100_000)}},`), asAdmin],
    ]
    // Three rounds beside ordinary reads: in embedded mode, three forged cursors used to leave the shop stuck.
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        ...hostile.map(([method, path, body, headers]) => call(method, path, body, headers)),
        call('GET', '/api/v1/products?limit=1'),
      ])
      for (const [i, res] of answers.slice(0, -1).entries()) {
        const [method, path] = hostile[i]!
        expect({ method, path, status: res.status >= 400 && res.status < 500 }).toEqual({
          method,
          path,
          status: true,
        })
        expect(res.type).toContain('application/problem+json')
        expect(res.text).not.toMatch(/select |insert |\bat .*\.ts:\d+/i)
      }
      expect(answers.at(-1)!.status).toBe(200)
    }
    const written = JSON.parse((await call('GET', `/api/v1/products?q=${tag}&limit=20`)).text).items
    expect(written.map((p: { name: string }) => p.name).sort()).toEqual([`${tag} chair`, `${tag} lamp`])
    await shopAnswers()
  }, 120_000)

  test("a form posted to the auth routes gets the service's 415 problem, and signs no one in", async () => {
    const bodies: [string, BodyInit, string | undefined][] = [
      [
        'urlencoded',
        new URLSearchParams({ email: adminEmail, password: adminPassword }).toString(),
        'application/x-www-form-urlencoded',
      ],
      ['text/plain', JSON.stringify({ email: adminEmail, password: adminPassword }), 'text/plain'],
      [
        'multipart',
        (() => {
          const form = new FormData()
          form.set('email', adminEmail)
          form.set('password', adminPassword)
          return form
        })(),
        undefined,
      ],
    ]
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
    ]) {
      for (const [label, body, type] of bodies) {
        const res = await fetch(`${platform.gatewayUrl}${path}`, {
          method: 'POST',
          body,
          ...(type && { headers: { 'content-type': type } }),
        })
        const problem = await res.json()
        // Logout needs a session first: without one the gateway's own 401 comes before the body is looked at.
        const expected = path.endsWith('logout') ? [401, 415] : [415]
        expect({ path, label, status: expected.includes(res.status) }).toEqual({ path, label, status: true })
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        expect(problem.accessToken).toBeUndefined()
      }
    }
    const session = await signIn(adminEmail, adminPassword)
    const logout = await fetch(`${platform.gatewayUrl}/api/v1/auth/logout`, {
      method: 'POST',
      body: 'refreshToken=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${session}` },
    })
    expect(logout.status).toBe(415)
    expect((await logout.json()).code).toBe('unsupported_media_type')
    await shopAnswers()
  }, 60_000)
})
