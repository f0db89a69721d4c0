import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import { rememberingRouter } from '../src/router.ts'
import { routes } from '../src/routes.ts'

/** An app over the gateway's route table whose handlers answer with their route and the `:id` they were given. */
const appWith = (remember?: { capacity?: number }) => {
  const app = remember ? new Hono({ router: rememberingRouter(remember.capacity) }) : new Hono()
  for (const r of routes)
    app.on(r.method, r.path, (c) =>
      c.json({ route: `${r.method} ${r.label}`, id: c.req.param('id') ?? null }),
    )
  app.notFound((c) => c.json({ route: null }, 404))
  return app
}

const paths = [
  ['GET', '/api/v1/users/me'],
  ['PATCH', '/api/v1/users/me'],
  ['GET', '/api/v1/users/usr_1'],
  ['GET', '/api/v1/users/usr_2'],
  ['PUT', '/api/v1/users/usr_1/roles'],
  ['GET', '/api/v1/products'],
  ['GET', '/api/v1/products/suggest'],
  ['GET', '/api/v1/products/prd_1'],
  ['GET', '/api/v1/products/prd_2'],
  ['DELETE', '/api/v1/products/prd_1/images/img_9'],
  ['GET', '/media/prd_1/img_9/medium.webp'],
  ['GET', '/api/v1/nothing-here'],
  ['DELETE', '/api/v1/users/me'],
  ['GET', `/api/v1/products/${'p'.repeat(400)}`],
] as const

describe('the remembering router', () => {
  test('answers every path as the default router does, the first time and every time after', async () => {
    const plain = appWith()
    const remembering = appWith({})
    for (let round = 0; round < 3; round++)
      for (const [method, path] of paths) {
        const want = await plain.request(path, { method })
        const got = await remembering.request(path, { method })
        expect({ method, path, status: got.status, body: await got.json() }).toEqual({
          method,
          path,
          status: want.status,
          body: await want.json(),
        })
      }
  })

  test('stays bounded: past its capacity it starts over, and answers stay right', async () => {
    const app = appWith({ capacity: 4 })
    for (let i = 0; i < 50; i++) {
      const res = await app.request(`/api/v1/products/prd_${i}`)
      expect(await res.json()).toEqual({ route: 'GET /api/v1/products/:id', id: `prd_${i}` })
    }
    expect(await (await app.request('/api/v1/products/suggest')).json()).toEqual({
      route: 'GET /api/v1/products/suggest',
      id: null,
    })
  })
})
