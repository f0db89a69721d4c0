import type { GatewayContext, GatewayMiddleware } from '../context.ts'

/** A route's last step: answers the request. */
export type GatewayHandler = (c: GatewayContext) => Response | Promise<Response>

/**
 * Middleware and the handler after them as one Hono handler, run as Hono runs a chain: each step's `next` runs the
 * ones after it, a step's answer becomes `c.res` unless a later step already set it, and an error goes back up
 * through the steps before it. Hono calls a route that has one handler directly, and composes a route with several
 * anew for every request.
 */
export const chain = (steps: readonly GatewayMiddleware[], handler: GatewayHandler) => {
  const run = (c: GatewayContext, i: number): Promise<void> => {
    const step = steps[i]
    const out = step ? step(c, () => run(c, i + 1)) : handler(c)
    return Promise.resolve(out).then((res) => {
      if (res && !c.finalized) c.res = res
    })
  }
  return (c: GatewayContext): Promise<Response> => run(c, 0).then(() => c.res)
}
