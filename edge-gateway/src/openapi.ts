import {
  addProblemResponses,
  declareAccess,
  isObject,
  type Json,
  operationMethods,
  problemComponent,
} from '@myshop/openapi'
import { type ServiceName, serviceNames } from './config.ts'
import type { Shared } from './context.ts'
import { opsPaths, opsSchemas } from './ops-openapi.ts'
import { routes as gatewayRoutes, openApiPath, type Route } from './routes.ts'
import { sharedLoad } from './shared-load.ts'

/** Components every service publishes alike, kept once under their own name (the problem document). */
const sharedSchemas = new Set([problemComponent])
const componentKinds = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
]

/** Rewrites local `$ref`s to components under the service's prefix, so two services' `User` do not collide. */
const prefixRefs = (value: unknown, prefix: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => prefixRefs(v, prefix))
  if (!isObject(value)) return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') {
      const shared = [...sharedSchemas].some((name) => v === `#/components/schemas/${name}`)
      out[k] = shared ? v : v.replace(/^#\/components\/([^/]+)\//, `#/components/$1/${prefix}_`)
    } else out[k] = prefixRefs(v, prefix)
  }
  return out
}

/**
 * What the gateway itself adds to a route's answers: every route is rate limited (429) and forwarded (502, 503,
 * 504); a guarded one is refused without a valid token (401), or without its permission (403).
 */
const gatewayProblemStatuses = (route: Route): number[] => [
  ...(route.policy === 'public' ? [] : [401]),
  ...(typeof route.policy === 'object' ? [403] : []),
  429,
  502,
  503,
  504,
]

/** Documents an operation with the gateway's policy for its route: security, permission and the gateway's problems. */
const applyPolicy = (op: Json, route: Route): Json => {
  const out = structuredClone(op)
  declareAccess(out, {
    secured: route.policy !== 'public',
    permission: typeof route.policy === 'object' ? route.policy.permission : undefined,
  })
  addProblemResponses(out, gatewayProblemStatuses(route))
  return out
}

/**
 * Merges the services' OpenAPI 3.1 documents into one, after the gateway's own operations: paths as the gateway routes them, tags and component names
 * prefixed by service (operationIds are kept, readable and unique across services). Each operation's security
 * and permission come from the gateway's route table, the policy it enforces, so the document cannot claim
 * otherwise; an operation the gateway does not route is left out, as clients cannot reach it. A service
 * documents a prefix's own route (`.get('/')` under `/api/v1/categories`) with a trailing slash, which the
 * gateway's routes do not have: the slash is dropped, so a client built from the document calls paths the
 * gateway answers.
 */
export const mergeOpenApi = (
  docs: Partial<Record<ServiceName, Json>>,
  unavailable: ServiceName[],
  routeTable: Route[] = gatewayRoutes,
): Json => {
  const byOperation = new Map(
    routeTable.map((route) => [`${route.service} ${route.method} ${openApiPath(route.path)}`, route]),
  )
  const paths: Json = structuredClone(opsPaths)
  const components: Record<string, Json> = {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: structuredClone(opsSchemas),
  }
  const tags: Json[] = [
    { name: 'gateway', description: "The gateway's own liveness, readiness, metrics and document." },
  ]
  // In the services' own order, not the order their documents arrived in: the merged document (and the client
  // generated from it) is the same on every load.
  for (const service of serviceNames) {
    const raw = docs[service]
    if (!raw) continue
    const doc = prefixRefs(raw, service) as Json
    for (const t of Array.isArray(doc.tags) ? doc.tags : []) {
      if (isObject(t) && typeof t.name === 'string') tags.push({ ...t, name: `${service}:${t.name}` })
    }
    for (const [documented, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue
      const path = documented.length > 1 && documented.endsWith('/') ? documented.slice(0, -1) : documented
      const merged: Json = isObject(paths[path]) ? { ...(paths[path] as Json) } : {}
      for (const [key, op] of Object.entries(item)) {
        if (!operationMethods.includes(key) || !isObject(op)) {
          merged[key] = op
          continue
        }
        const route = byOperation.get(`${service} ${key.toUpperCase()} ${path}`)
        if (!route) continue
        merged[key] = {
          ...applyPolicy(op, route),
          tags: (Array.isArray(op.tags) && op.tags.length ? op.tags : [service]).map(
            (t) => `${service}:${t}`,
          ),
        }
      }
      if (Object.keys(merged).some((key) => operationMethods.includes(key))) paths[path] = merged
    }
    const comps = isObject(doc.components) ? doc.components : {}
    for (const kind of componentKinds) {
      const entries = comps[kind]
      // Every service's bearer scheme is the gateway's one `bearer`, which the operations name.
      if (!isObject(entries) || kind === 'securitySchemes') continue
      components[kind] ??= {}
      for (const [name, value] of Object.entries(entries)) {
        const shared = kind === 'schemas' && sharedSchemas.has(name)
        components[kind]![shared ? name : `${service}_${name}`] = value
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MyShop API',
      version: '1.0.0',
      description: 'The public API of MyShop, merged by the edge gateway from every service.',
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components,
    ...(unavailable.length && { 'x-myshop-unavailable-services': unavailable }),
  }
}

const cacheMs = 30_000
// A partial document is cached too, but only briefly, so a restarted service shows up soon.
const partialCacheMs = 5_000
const fetchTimeoutMs = 2_000

/** Fetches and merges the services' documents, caching the result briefly; a down service is left out. */
export const openApiSource = (shared: Shared) =>
  sharedLoad(
    shared.now,
    async (): Promise<Json> => {
      const docs: Partial<Record<ServiceName, Json>> = {}
      const unavailable: ServiceName[] = []
      await Promise.all(
        (Object.entries(shared.config.services) as [ServiceName, string][]).map(async ([name, base]) => {
          try {
            const res = await shared.fetch(`${base}/openapi.json`, {
              signal: AbortSignal.timeout(fetchTimeoutMs),
            })
            const body: unknown = res.ok ? await res.json() : null
            if (isObject(body)) docs[name] = body
            else unavailable.push(name)
          } catch {
            unavailable.push(name)
          }
        }),
      )
      return mergeOpenApi(docs, unavailable.sort())
    },
    (doc) => (doc['x-myshop-unavailable-services'] ? partialCacheMs : cacheMs),
  )
