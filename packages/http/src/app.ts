import { openapi } from '@elysiajs/openapi'
import './formats.ts'
import type { ReferenceAssetReader } from '@myshop/api-reference'
import { packageReferenceAssets } from '@myshop/api-reference/package-files'
import { AppError, type ErrorCode, type FieldError, problem, problemResponse } from '@myshop/errors'
import type { Logger } from '@myshop/logger'
import { Elysia, type ValidationError } from 'elysia'
import { collectDefaultMetrics, Registry } from 'prom-client'
import { isClientDataError } from './database-errors.ts'
import { referenceDocs } from './docs.ts'
import { inputGuard } from './input-guard.ts'
import { serviceDocument } from './openapi-document.ts'
import { assessReadiness, type ReadinessCheck } from './readiness.ts'
import { requestMeta } from './request-meta.ts'
import { requestMetrics } from './request-metrics.ts'
import { validationProblem } from './validation-messages.ts'

export interface HttpAppOptions {
  service: string
  version?: string
  description?: string
  logger: Logger
  /** Named probes of the dependencies the service cannot answer without, run by `/ready` (503 when one fails). */
  readiness?: Record<string, ReadinessCheck>
  /** Named probes of the dependencies the service answers without, in a reduced way (200 `degraded` when one fails). */
  degradable?: Record<string, ReadinessCheck>
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number
  /** The reference UI's files for `/docs`: the installed package unless given; `undefined` makes `/docs` a 503. */
  docsAssets?: ReferenceAssetReader | undefined
}

const readinessTimeoutMs = 2_000
const specPath = '/openapi.json'
const completeKey = Symbol('myshop.completeResponse')

/**
 * Marks a Response its handler built with every header the kit adds (`x-request-id` and the security headers),
 * so the kit passes it on untouched. Hot cached reads use it; anything else can leave headers to the kit.
 */
export const completeResponse = (response: Response): Response => {
  ;(response as Response & { [completeKey]?: true })[completeKey] = true
  return response
}

/** Sent on every response; handlers that build a Response themselves may include them up front. */
export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

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
  degradable = {},
  maxBodyBytes = 1024 * 1024,
  ...options
}: HttpAppOptions) => {
  const docsAssets = 'docsAssets' in options ? options.docsAssets : packageReferenceAssets
  const registry = new Registry()
  registry.setDefaultLabels({ service })
  collectDefaultMetrics({ register: registry })
  const metrics = requestMetrics(registry)
  const startedAt = Date.now()
  // Building a debug line reads the trace context, which is made on first use: skip both when it is off.
  const logRequests = logger.isLevelEnabled('debug')
  // The OpenAPI plugin keeps its generated document until a route is added; the published one is kept with it.
  const published = new WeakMap<object, Record<string, unknown>>()

  /** Counts and (at debug level) logs a request once, whichever of the response paths reaches it first. */
  const finish = (request: Request, route: string | undefined, status: number) => {
    const meta = requestMeta(request)
    if (meta.finished) return
    meta.finished = true
    const elapsed = (performance.now() - meta.startedAt) / 1000
    const label = route || 'unmatched'
    metrics.record(request.method, label, status, elapsed)
    if (!logRequests) return
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
  }

  const render = (
    request: Request,
    code: ErrorCode,
    extra: { detail?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
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
          ...(error.extensions && { extensions: error.extensions }),
        },
        error.headers,
      )
    }
    switch (code) {
      case 'VALIDATION':
        return render(request, 'validation_failed', validationProblem(error as ValidationError, request))
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
        if (isClientDataError(error)) {
          // A value validation should have refused: a 4xx for the client, a warning (not the SQL) for us.
          logger.warn(
            { err: error, requestId: requestMeta(request).requestId },
            'database refused request data',
          )
          return render(request, 'bad_request', { detail: 'A value in the request is not valid here' })
        }
        logger.error({ err: error, requestId: requestMeta(request).requestId }, 'unhandled error')
        return render(request, 'internal')
    }
  }

  return (
    new Elysia({ name: `myshop-http-${service}` })
      .decorate('metricsRegistry', registry)
      .use(inputGuard())
      // Written so that Elysia, which judges a hook by its source and takes any `return f(` for an async one,
      // calls it without an await on every request.
      .onRequest(({ request }) => {
        // Reading headers makes the runtime build them; reads carry no body, so they are not asked.
        if (request.method === 'GET' || request.method === 'HEAD') return
        let refusal: Response | undefined
        if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes)
          refusal = render(request, 'payload_too_large', {
            detail: `Bodies are limited to ${maxBodyBytes} bytes`,
          })
        return refusal
      })
      // Headers go straight onto a Response a handler built (cached catalog reads): filling `set.headers` for
      // those makes Elysia rebuild the response, which cost more than the handler itself.
      // The request is counted here, when its response is ready, rather than in an after-response hook, which
      // Elysia runs on a later tick for every request (a fifth of a cached read's cost).
      .mapResponse({ as: 'global' }, ({ request, response, set, route }) => {
        const meta = requestMeta(request)
        if (
          route === specPath &&
          response &&
          typeof response === 'object' &&
          !(response instanceof Response)
        ) {
          // The plugin's document as MyShop publishes it: security, problem responses and examples on every route.
          let doc = published.get(response)
          if (!doc) {
            doc = serviceDocument(response as Record<string, unknown>)
            published.set(response, doc)
          }
          finish(request, route, 200)
          return Response.json(doc, { headers: { 'x-request-id': meta.requestId, ...securityHeaders } })
        }
        if (response instanceof Response) {
          finish(request, route, response.status)
          if ((response as Response & { [completeKey]?: true })[completeKey]) return response
          try {
            const h = response.headers
            if (!h.has('x-request-id')) h.set('x-request-id', meta.requestId)
            if (!h.has('x-frame-options'))
              for (const name in securityHeaders)
                h.set(name, securityHeaders[name as keyof typeof securityHeaders])
            return response
          } catch {
            // Immutable headers (a fetched response): fall through to the general path.
          }
        }
        finish(request, route, typeof set.status === 'number' ? set.status : 200)
        set.headers['x-request-id'] = meta.requestId
        Object.assign(set.headers, securityHeaders)
      })
      .onError({ as: 'global' }, ({ code, error, request, route }) => {
        const response = renderError(code, error, request)
        finish(request, route, response.status)
        return response
      })
      .use(
        openapi({
          // The plugin's own page loads its UI from a public CDN; `/docs` is served below from the installed package.
          provider: null,
          specPath,
          documentation: {
            info: { title: `MyShop ${service} service`, version, ...(description && { description }) },
            components: {
              securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
            },
          },
          // Not `staticFile`: it would leave out `/.well-known/jwks.json`, which clients need documented.
          exclude: {
            paths: ['/health', '/ready', '/metrics', '/docs', '/docs/assets/:file', specPath],
            staticFile: false,
          },
        }),
      )
      .use(referenceDocs({ title: `MyShop ${service} service`, read: docsAssets, headers: securityHeaders }))
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
          const report = await assessReadiness({ required: readiness, degradable }, readinessTimeoutMs)
          set.status = report.status === 'not_ready' ? 503 : 200
          return { status: report.status, service, checks: report.checks, degraded: report.degraded }
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
