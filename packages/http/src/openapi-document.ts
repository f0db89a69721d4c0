import {
  addProblemResponses,
  declareAccess,
  exampleOf,
  isObject,
  type Json,
  operationMethods,
  permissionExtension,
  problemComponent,
  problemResponseObject,
  statusText,
} from '@myshop/openapi'
import { problemSchema } from './schemas.ts'

/** The problem schema as plain JSON Schema (TypeBox schemas serialise to it), published as the `Problem` component. */
const problemJsonSchema: Json = JSON.parse(JSON.stringify(problemSchema))

// The problem schema as the routes declare it, serialised once: a response carrying it is an error response.
const problemShape = JSON.stringify(problemSchema.properties.code)
const isProblemSchema = (schema: unknown) =>
  isObject(schema) && isObject(schema.properties) && JSON.stringify(schema.properties.code) === problemShape

/** Media types a response or request body documents, without the bogus ones (Elysia renders `t.Void()` as one). */
const mediaTypes = (content: unknown): [string, Json][] =>
  isObject(content) ? (Object.entries(content).filter(([, m]) => isObject(m)) as [string, Json][]) : []

/** A response description a route wrote itself, rather than the schema's or Elysia's stand-in. */
const ownDescription = (text: unknown) =>
  typeof text === 'string' && text !== problemSchema.description && !/^Response for status/.test(text)
    ? text
    : undefined

/** A body's media types, each with an example: the route's own, else one worked out from its schema. */
const withExamples = (content: unknown): Json =>
  Object.fromEntries(
    mediaTypes(content).map(([type, m]) => {
      if (m.example !== undefined || m.examples !== undefined || !isObject(m.schema)) return [type, m]
      const example = exampleOf(m.schema)
      return [type, example === undefined ? m : { ...m, example }]
    }),
  )

const fixResponse = (status: string, response: unknown): Json => {
  if (!isObject(response)) return { description: statusText[Number(status)] ?? 'OK' }
  const types = mediaTypes(response.content)
  if (types.some(([, m]) => isProblemSchema(m.schema)))
    return problemResponseObject(Number(status), ownDescription(response.description))
  const { content: _, ...rest } = response
  if (!types.length || status === '204' || status === '304') return rest
  return { ...rest, content: withExamples(response.content) }
}

/**
 * The problems any operation of a service can answer, worked out from what it declares: every one can fail
 * (500); a token-guarded one refuses a missing or bad token (401), and one needing a permission a token without
 * it (403); one taking input refuses input that breaks its schema (422); one with a JSON body refuses one that
 * does not parse (400), and any body over the service's limit (413); one with path parameters answers 404 for
 * an object that does not exist.
 */
const serviceProblemStatuses = (op: Json): number[] => {
  const params = Array.isArray(op.parameters) ? (op.parameters as Json[]) : []
  const body = isObject(op.requestBody) ? mediaTypes(op.requestBody.content).map(([t]) => t) : []
  const secured = Array.isArray(op.security) && op.security.length > 0
  return [
    // The input guard refuses a NUL in the path or query, and a JSON body nested too deeply or carrying a NUL.
    ...(body.includes('application/json') || params.length ? [400] : []),
    ...(secured ? [401] : []),
    ...(secured && typeof op[permissionExtension] === 'string' ? [403] : []),
    ...(params.some((p) => p.in === 'path') ? [404] : []),
    ...(body.length ? [413] : []),
    // A body sent as anything but JSON is refused before validation (a cross-site form cannot post).
    ...(body.includes('application/json') ? [415] : []),
    ...(params.length || body.length ? [422] : []),
    500,
  ]
}

/**
 * Turns the document Elysia generates for a service into the one MyShop publishes: every operation declares its
 * security (public ones with `security: []`), its error responses as problem+json referring to one `Problem`
 * component, and examples of its bodies (worked out from their schemas where the route gives none); `204` and
 * `304` responses carry no content; paths have no trailing slash.
 */
export const serviceDocument = (raw: Json): Json => {
  const doc = structuredClone(raw)
  // A prefix's own route (`.get('/')` under `/api/v1/users`) is documented with a trailing slash; the service
  // answers without it too, and that is the path clients call.
  const paths = Object.fromEntries(
    Object.entries(isObject(doc.paths) ? doc.paths : {}).map(([path, item]) => [
      path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path,
      item,
    ]),
  )
  doc.paths = paths
  doc.servers ??= [{ url: '/' }]
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue
    for (const method of operationMethods) {
      const op = item[method]
      if (!isObject(op)) continue
      if (isObject(op.responses))
        op.responses = Object.fromEntries(
          Object.entries(op.responses).map(([status, r]) => [status, fixResponse(status, r)]),
        )
      else op.responses = {}
      if (isObject(op.requestBody))
        op.requestBody = { ...op.requestBody, content: withExamples(op.requestBody.content) }
      const secured = Array.isArray(op.security) && op.security.length > 0
      declareAccess(op, {
        secured,
        permission: typeof op[permissionExtension] === 'string' ? op[permissionExtension] : undefined,
      })
      addProblemResponses(op, serviceProblemStatuses(op))
    }
  }
  const components = isObject(doc.components) ? doc.components : {}
  const schemas = isObject(components.schemas) ? components.schemas : {}
  doc.components = { ...components, schemas: { ...schemas, [problemComponent]: problemJsonSchema } }
  return doc
}
