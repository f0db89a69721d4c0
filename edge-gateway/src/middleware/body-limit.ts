import { bodyLimit as honoBodyLimit } from 'hono/body-limit'
import { fail, type GatewayMiddleware } from '../context.ts'

/** Refuses a request body larger than `maxSize` bytes with a 413 problem, declared or streamed. */
export const bodyLimit = (maxSize: number): GatewayMiddleware => {
  const limit = honoBodyLimit({
    maxSize,
    onError: (c) => fail(c, 'payload_too_large', `The request body exceeds ${maxSize} bytes.`),
  })
  // Most requests have no body: they go on without an async step of their own.
  return (c, next) => (c.req.raw.body ? limit(c, next) : next())
}
