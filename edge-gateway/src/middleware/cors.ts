import { cors as honoCors } from 'hono/cors'
import type { GatewayMiddleware } from '../context.ts'

/**
 * CORS for the browser origins in `origins` (`*` for any): preflights are answered here, other responses get the
 * allow and expose headers. Null when no origin is allowed, so the gateway adds no step for it.
 */
export const cors = (origins: readonly string[]): GatewayMiddleware | null =>
  origins.length
    ? honoCors({
        origin: origins.includes('*') ? '*' : [...origins],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'traceparent'],
        exposeHeaders: [
          'X-Request-Id',
          'Retry-After',
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'RateLimit-Policy',
        ],
        // Cookies are never used for auth here (Bearer tokens), so credentials stay off.
        credentials: false,
        maxAge: 600,
      })
    : null
