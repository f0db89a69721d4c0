import { openapi } from '@elysiajs/openapi'
import { AppError, type ErrorCode, type FieldError, problem, problemResponse } from '@myshop/errors'
import type { Logger } from '@myshop/logger'
import { Elysia, type ValidationError } from 'elysia'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import { settleIdempotency } from './idempotent.ts'
import { requestMeta } from './request-meta.ts'

/** A dependency probe for `/ready`: resolves when the dependency answers, rejects otherwise. */
export type ReadinessCheck = () => Promise<unknown>

export interface HttpAppOptions {
  service: string
  version?: string
  description?: string
  logger: Logger
  /** Named dependency probes run by `/ready`. */
  readiness?: Record<string, ReadinessCheck>
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number
}

const readinessTimeoutMs = 2_000
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

const fieldErrors = (error: Readonly<ValidationError>): FieldError[] => {
  try {
    return error.all.map((e) => ({
      path: 'path' in e && e.path ? e.path : '/',
      message: ('summary' in e && e.summary) || e.message || 'invalid',
    }))
  } catch {
    return [{ path: '/', message: error.message }]
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  ])

/**
 * The Elysia app every MyShop service starts from: request ids and trace context, RFC 9457 errors for
 * everything that goes wrong, `/health`, `/ready`, `/metrics` and an OpenAPI 3.1 document at `/openapi.json`.
 */
export const createHttpApp = ({
  service,
  version = '0.1.0',
  description,
  logger,
  readiness = {},
  maxBodyBytes = 1024 * 1024,
}: HttpAppOptions) => {
  const registry = new Registry()
  registry.setDefaultLabels({ service })
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests handled',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const startedAt = Date.now()
  // prom-client hashes the labels on every call; routes are few, so each label set's child is kept.
  const children = new Map<string, { inc(): void } | { observe(v: number): void }>()
  const child = <T extends { inc(): void } | { observe(v: number): void }>(key: string, make: () => T): T => {
    let c = children.get(key) as T | undefined
    if (!c) {
      c = make()
      children.set(key, c)
    }
    return c
  }

  const render = (
    request: Request,
    code: ErrorCode,
    extra: { detail?: string; errors?: FieldError[] } = {},
    headers: Record<string, string> = {},
  ) => {
    const meta = requestMeta(request)
    return problemResponse(
      problem(code, { ...extra, requestId: meta.requestId, instance: new URL(request.url).pathname }),
      { 'x-request-id': meta.requestId, ...securityHeaders, ...headers },
    )
  }

  const renderError = (code: string | number, error: unknown, request: Request): Response => {
    if (error instanceof AppError) {
      if (error.status >= 500)
        logger.error({ err: error.cause ?? error, requestId: requestMeta(request).requestId }, error.message)
      return render(
        request,
        error.code,
        {
          ...(error.detail !== undefined && { detail: error.detail }),
          ...(error.errors && { errors: error.errors }),
        },
        error.headers,
      )
    }
    switch (code) {
      case 'VALIDATION':
        return render(request, 'validation_failed', {
          detail: 'The request does not match the schema',
          errors: fieldErrors(error as ValidationError),
        })
      case 'PARSE':
        return render(request, 'malformed_json', { detail: 'The request body could not be parsed' })
      case 'NOT_FOUND':
        return render(request, 'route_not_found', {
          detail: `${request.method} ${new URL(request.url).pathname} does not exist`,
        })
      case 'INVALID_COOKIE_SIGNATURE':
      case 'INVALID_FILE_TYPE':
        return render(request, 'bad_request')
      default:
        logger.error({ err: error, requestId: requestMeta(request).requestId }, 'unhandled error')
        return render(request, 'internal')
    }
  }

  return (
    new Elysia({ name: `myshop-http-${service}` })
      .decorate('metricsRegistry', registry)
      .onRequest(({ request }) => {
        const length = Number(request.headers.get('content-length') ?? 0)
        if (length > maxBodyBytes)
          return render(request, 'payload_too_large', {
            detail: `Bodies are limited to ${maxBodyBytes} bytes`,
          })
      })
      // Headers go straight onto a Response a handler built (cached catalog reads): filling `set.headers` for
      // those makes Elysia rebuild the response, which cost more than the handler itself.
      .mapResponse({ as: 'global' }, ({ request, response, set }) => {
        const meta = requestMeta(request)
        if (response instanceof Response) {
          try {
            response.headers.set('x-request-id', meta.requestId)
            for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value)
            return response
          } catch {
            // Immutable headers (a fetched response): fall through to the general path.
          }
        }
        set.headers['x-request-id'] = meta.requestId
        Object.assign(set.headers, securityHeaders)
      })
      .onError({ as: 'global' }, async ({ code, error, request }) => {
        const response = renderError(code, error, request)
        // An idempotent request that failed: a 4xx is its answer and is replayed, a 5xx frees the key for a retry.
        await settleIdempotency(request, response)
        return response
      })
      .onAfterResponse({ as: 'global' }, ({ request, route, set }) => {
        const meta = requestMeta(request)
        const status = typeof set.status === 'number' ? set.status : 200
        const elapsed = (performance.now() - meta.startedAt) / 1000
        const label = route || 'unmatched'
        child(`count ${request.method} ${label} ${status}`, () =>
          requests.labels({ method: request.method, route: label, status: String(status) }),
        ).inc()
        child(`duration ${request.method} ${label}`, () =>
          duration.labels({ method: request.method, route: label }),
        ).observe(elapsed)
        logger.debug(
          {
            requestId: meta.requestId,
            traceId: meta.traceId,
            method: request.method,
            route: label,
            status,
            ms: Math.round(elapsed * 1000),
          },
          'request',
        )
      })
      .use(
        openapi({
          path: '/docs',
          specPath: '/openapi.json',
          documentation: {
            info: { title: `MyShop ${service} service`, version, ...(description && { description }) },
            components: {
              securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
            },
          },
          exclude: { paths: ['/health', '/ready', '/metrics', '/docs', '/openapi.json'] },
        }),
      )
      .get(
        '/health',
        () => ({
          status: 'ok' as const,
          service,
          version,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        }),
        {
          detail: { hide: true },
        },
      )
      .get(
        '/ready',
        async ({ set }) => {
          const results = await Promise.all(
            Object.entries(readiness).map(async ([name, check]) => {
              try {
                await withTimeout(check(), readinessTimeoutMs)
                return [name, 'ok'] as const
              } catch (e) {
                return [name, e instanceof Error ? e.message : 'failed'] as const
              }
            }),
          )
          const ok = results.every(([, r]) => r === 'ok')
          set.status = ok ? 200 : 503
          return { status: ok ? 'ready' : 'not_ready', service, checks: Object.fromEntries(results) }
        },
        { detail: { hide: true } },
      )
      .get(
        '/metrics',
        async ({ set }) => {
          set.headers['content-type'] = registry.contentType
          return registry.metrics()
        },
        { detail: { hide: true } },
      )
  )
}
