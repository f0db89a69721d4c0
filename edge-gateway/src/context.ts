import type { Principal } from '@myshop/auth'
import { type ErrorCode, problem, problemResponse } from '@myshop/errors'
import type { Context, MiddlewareHandler } from 'hono'
import type { GatewayConfig, ServiceName } from './config.ts'
import type { GatewayMetrics } from './metrics.ts'

/** The subset of pino the gateway uses, so Workers can pass a console-backed logger. */
export interface GatewayLogger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
  isLevelEnabled?(level: string): boolean
}

/** What the gateway works out about one request; `requestContext` puts it on the request's context. */
export interface RequestState {
  requestId: string
  /** The `traceparent` to send upstream: the caller's trace, our span. */
  traceparent: string
  traceId: string
  clientIp: string
  /** The socket peer: the client itself, or the proxy in front of us. */
  peerIp: string
  /** The route pattern, used as the metrics label so cardinality stays bounded. */
  routeLabel: string
  principal: Principal | undefined
  /** The token's session, when the session store itself (not a fallback) said it is active. */
  confirmedSession: string | undefined
}

/**
 * The gateway's one Hono variable, `state`: everything it works out about a request, in one object. One `c.set`
 * per request rather than one per value keeps Hono's variable map at a single entry. Read it with `c.get`:
 * Hono's `c.var` builds a fresh object from the map on every read.
 */
export interface GatewayEnv {
  Variables: { state: RequestState }
}

export type GatewayContext = Context<GatewayEnv>

export type GatewayMiddleware = MiddlewareHandler<GatewayEnv>

/** Reads the caller's address; each runtime entry supplies its own (socket address, `cf-connecting-ip`, ...). */
export type ClientIpResolver = (c: Context) => string | undefined

/** The one fetch signature the gateway needs; narrower than a runtime's `typeof fetch`. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** A service's request handler, called in this process instead of over a socket. */
export type LocalHandler = (request: Request) => Response | Promise<Response>

export interface Shared {
  config: GatewayConfig
  /** Services running in the gateway's own process, reached without HTTP. */
  local: Partial<Record<ServiceName, LocalHandler>>
  logger: GatewayLogger
  metrics: GatewayMetrics
  fetch: Fetch
  now: () => number
}

/** Answers with an RFC 9457 problem carrying the request id. */
export const fail = (
  c: GatewayContext,
  code: ErrorCode,
  detail?: string,
  headers: Record<string, string> = {},
) =>
  problemResponse(
    problem(code, {
      ...(detail !== undefined && { detail }),
      instance: c.req.path,
      // Unset only when the request context itself failed.
      requestId: (c.get('state') as RequestState | undefined)?.requestId,
    }),
    headers,
  )

export const noopLogger: GatewayLogger = { debug() {}, info() {}, warn() {}, error() {} }

/** JSON lines on the console, for runtimes where pino is not at home (Workers, Deno). */
export const consoleLogger = (service: string, level = 'info'): GatewayLogger => {
  const order = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']
  const min = order.indexOf(level)
  const at =
    (name: string, sink: (line: string) => void) =>
    (obj: object, msg?: string): void => {
      if (order.indexOf(name) < min) return
      sink(
        JSON.stringify({ level: name, time: new Date().toISOString(), service, ...obj, ...(msg && { msg }) }),
      )
    }
  return {
    debug: at('debug', console.debug),
    info: at('info', console.log),
    warn: at('warn', console.warn),
    error: at('error', console.error),
  }
}
