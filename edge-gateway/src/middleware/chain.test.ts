import { describe, expect, test } from 'bun:test'
import { Hono } from 'hono'
import type { GatewayEnv, GatewayMiddleware } from '../context.ts'
import { chain, type GatewayHandler } from './chain.ts'

/** Records the order steps run in, and adds a header on the way out. */
const step =
  (name: string, trail: string[]): GatewayMiddleware =>
  async (c, next) => {
    trail.push(`${name} in`)
    await next()
    trail.push(`${name} out`)
    c.res.headers.append('x-steps', name)
  }
const refuse: GatewayMiddleware = async (c) => c.json({ refused: true }, 403)
const answer: GatewayHandler = () => Response.json({ answered: true }, { headers: { 'x-handler': 'yes' } })

/** The same steps mounted by Hono itself and as one chained handler: both must answer alike. */
const both = (steps: (trail: string[]) => GatewayMiddleware[], handler: GatewayHandler = answer) => {
  const trails = { hono: [] as string[], chained: [] as string[] }
  const app = new Hono<GatewayEnv>()
  app.use('/hono', ...steps(trails.hono))
  app.get('/hono', handler)
  app.get('/chained', chain(steps(trails.chained), handler))
  return { app, trails }
}

const seen = async (res: Response) => ({
  status: res.status,
  body: await res.json(),
  steps: res.headers.get('x-steps'),
  handler: res.headers.get('x-handler'),
})

describe('chain', () => {
  test('runs the steps in order around the handler, each seeing its answer on the way out', async () => {
    const { app, trails } = both((t) => [step('a', t), step('b', t)])
    const hono = await seen(await app.request('/hono'))
    expect(await seen(await app.request('/chained'))).toEqual(hono)
    expect(hono).toEqual({ status: 200, body: { answered: true }, steps: 'b, a', handler: 'yes' })
    expect(trails.chained).toEqual(['a in', 'b in', 'b out', 'a out'])
    expect(trails.chained).toEqual(trails.hono)
  })

  test('a step that answers stops the chain, and the steps before it see its answer', async () => {
    const { app, trails } = both((t) => [step('a', t), refuse, step('never', t)])
    const hono = await seen(await app.request('/hono'))
    expect(await seen(await app.request('/chained'))).toEqual(hono)
    expect(hono).toEqual({ status: 403, body: { refused: true }, steps: 'a', handler: null })
    expect(trails.chained).toEqual(['a in', 'a out'])
  })

  test("a handler's error reaches the steps before it", async () => {
    const caught: GatewayMiddleware = async (c, next) => {
      try {
        await next()
      } catch (e) {
        c.res = Response.json({ caught: (e as Error).message }, { status: 500 })
      }
    }
    const app = new Hono<GatewayEnv>()
    app.get(
      '/x',
      chain([caught], () => {
        throw new Error('boom')
      }),
    )
    const res = await app.request('/x')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ caught: 'boom' })
  })
})
