import { addProblemResponses, declareAccess } from '@myshop/openapi'

type Json = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** The gateway's own schemas, as `ops.ts` answers them; named so no service's component can collide with them. */
export const opsSchemas: Json = {
  GatewayHealth: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', const: 'ok' } },
  },
  GatewayProbe: {
    type: 'object',
    description:
      'One look at a dependency. `degraded`: the service answered ready but works without a dependency it can do without.',
    required: ['status', 'latencyMs'],
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded', 'down'] },
      latencyMs: { type: 'number', minimum: 0 },
      httpStatus: { type: 'integer', description: 'Absent when the dependency did not answer at all.' },
    },
  },
  GatewayReadiness: {
    type: 'object',
    required: ['status', 'services', 'checks'],
    properties: {
      status: { type: 'string', enum: ['ready', 'degraded', 'not_ready'] },
      services: {
        type: 'object',
        description: "Each configured service's own `/ready`, by service name.",
        additionalProperties: ref('GatewayProbe'),
      },
      checks: {
        type: 'object',
        required: ['jwks'],
        properties: { jwks: ref('GatewayProbe') },
      },
    },
  },
}

const probe = (status: string, latencyMs: number, httpStatus?: number) => ({
  status,
  latencyMs,
  ...(httpStatus && { httpStatus }),
})

const json = (schema: Json, example: unknown) => ({ 'application/json': { schema, example } })

const get = (operationId: string, summary: string, description: string, responses: Json): Json => {
  const op: Json = { operationId, summary, description, tags: ['gateway'], responses }
  declareAccess(op, { secured: false })
  // Only an unexpected failure of the gateway itself: these routes are neither rate limited nor forwarded.
  addProblemResponses(op, [500])
  return op
}

/**
 * The gateway's own operations (mounted by `ops.ts`), in the merged document beside the services'. `/docs` and its
 * assets are left out: an HTML page for people reading the document, not an operation a client calls.
 */
export const opsPaths: Record<string, { get: Json }> = {
  '/health': {
    get: get('getHealth', 'Gateway liveness', 'The gateway itself answers; it asks no service.', {
      200: { description: 'The gateway is alive', content: json(ref('GatewayHealth'), { status: 'ok' }) },
    }),
  },
  '/ready': {
    get: get(
      'getReadiness',
      'Aggregated readiness',
      'Every configured service says it is ready and the signing keys can be fetched. One look is shared by every caller for a second.',
      {
        200: {
          description: 'Ready, or degraded: a service works without a dependency it can do without',
          content: {
            'application/json': {
              schema: ref('GatewayReadiness'),
              examples: {
                ready: {
                  value: {
                    status: 'ready',
                    services: { user: probe('ok', 3, 200), product: probe('ok', 4, 200) },
                    checks: { jwks: probe('ok', 2, 200) },
                  },
                },
                degraded: {
                  value: {
                    status: 'degraded',
                    services: { user: probe('ok', 3, 200), product: probe('degraded', 5, 200) },
                    checks: { jwks: probe('ok', 2, 200) },
                  },
                },
              },
            },
          },
        },
        503: {
          description: 'Not ready: a service is down or not ready, or the signing keys cannot be fetched',
          content: json(ref('GatewayReadiness'), {
            status: 'not_ready',
            services: { user: probe('ok', 3, 200), product: probe('down', 2001) },
            checks: { jwks: probe('ok', 2, 200) },
          }),
        },
      },
    ),
  },
  '/metrics': {
    get: get('getMetrics', 'Prometheus metrics', "The gateway's metrics in the Prometheus text format.", {
      200: {
        description: 'Metrics in the Prometheus text exposition format 0.0.4',
        content: {
          'text/plain': {
            schema: { type: 'string' },
            example:
              '# TYPE gateway_requests_total counter\ngateway_requests_total{route="/health",method="GET",status="200"} 1\n',
          },
        },
      },
    }),
  },
  '/openapi.json': {
    get: get('getOpenApiDocument', 'This document', 'The OpenAPI 3.1 document of the whole API.', {
      200: {
        description: 'The merged OpenAPI document',
        content: json(
          { type: 'object' },
          { openapi: '3.1.0', info: { title: 'MyShop API', version: '1.0.0' } },
        ),
      },
    }),
  },
}

/** The gateway's own `GET` routes that `ops.ts` mounts and the merged document shows (`/docs` aside). */
export const opsRoutes = Object.keys(opsPaths)
