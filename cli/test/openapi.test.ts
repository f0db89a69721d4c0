// The OpenAPI documents as a contract, checked on a real boot (gateway + services, embedded or distributed as the
// environment says): Redocly's linter passes on the merged document and each service's, the merged document
// agrees with the gateway's route table, and every operation documents its security, errors, bodies and id.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMyShopClient } from '@myshop/client'
import { clientTypes } from '@myshop/client/generate'
import { opsRoutes } from '@myshop/edge-gateway/ops-openapi'
import { openApiPath, routes } from '@myshop/edge-gateway/routes'
import { uniqueEmail } from '@myshop/testing'
import type { RunningPlatform } from '../src/platform.ts'
import { startTestPlatform } from './test-platform.ts'

type Json = Record<string, unknown>
type Operation = Json & {
  operationId?: string
  security?: Record<string, string[]>[]
  description?: string
  parameters?: Json[]
  requestBody?: { content?: Record<string, Json> }
  responses?: Record<string, { content?: Record<string, Json> }>
}

const root = join(import.meta.dir, '../..')
const methods = ['get', 'put', 'post', 'delete', 'patch']
let platform: RunningPlatform
let merged: Json & { paths: Record<string, Record<string, Operation>>; components: { schemas: Json } }
const serviceDocs: Record<string, Json> = {}

beforeAll(async () => {
  platform = await startTestPlatform()
  merged = await (await fetch(`${platform.gatewayUrl}/openapi.json`)).json()
  for (const [name, url] of Object.entries(platform.services))
    serviceDocs[name] = await (await fetch(`${url}/openapi.json`)).json()
}, 120_000)
afterAll(async () => {
  await platform?.stop()
})

const operations = (doc: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })),
  )

interface LintProblem {
  ruleId: string
  severity: 'error' | 'warn'
  message: string
  location: { pointer: string }[]
}

/** Runs Redocly's CLI (it has no Node API of its own since version 2) on one document with the repository's config. */
const lint = async (name: string, doc: Json): Promise<LintProblem[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'myshop-openapi-lint-'))
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(doc, null, 2))
  const run = Bun.spawn(
    [
      join(root, 'node_modules/.bin/redocly'),
      'lint',
      file,
      '--config',
      join(root, 'redocly.yaml'),
      '--format=json',
    ],
    {
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  )
  const [out, err] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text()])
  await run.exited
  let report: { problems: LintProblem[] }
  try {
    report = JSON.parse(out)
  } catch {
    throw new Error(`redocly gave no report for ${name}: ${err}`)
  }
  return report.problems
}

const show = (problems: LintProblem[]) =>
  problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)

describe('redocly lint (recommended rules, redocly.yaml)', () => {
  test("the merged document has no error and no warning but the gateway's own operations' lack of a 4xx", async () => {
    // The gateway's own operations (/health, /ready...) take no input and are neither rate limited nor forwarded:
    // they answer 200, 503 or 500, never a 4xx.
    const ops = opsRoutes.map((path) => `#/paths/${path.replaceAll('/', '~1')}/get/responses`)
    const unexplained = (await lint('merged', merged)).filter(
      (p) => p.ruleId !== 'operation-4xx-response' || !ops.includes(p.location[0]?.pointer ?? ''),
    )
    expect(show(unexplained)).toEqual([])
  }, 60_000)

  test("each service's document has no error, and warnings only where redocly.yaml says why", async () => {
    for (const [name, doc] of Object.entries(serviceDocs)) {
      const problems = await lint(name, doc)
      // operation-4xx-response: an operation taking no input cannot fail with a 4xx at the service itself.
      const unexplained = problems.filter(
        (p) => p.severity === 'error' || p.ruleId !== 'operation-4xx-response',
      )
      expect({ name, problems: show(unexplained) }).toEqual({ name, problems: [] })
    }
  }, 60_000)
})

describe("the merged document and the gateway's route table", () => {
  test('every route is documented and every documented operation is a route, with the same access policy', () => {
    const fromRoutes = routes
      .map((r) => {
        const access =
          r.policy === 'public'
            ? 'public'
            : r.policy === 'authenticated'
              ? 'bearer'
              : `bearer ${r.policy.permission}`
        return `${r.method} ${openApiPath(r.path)} ${access}`
      })
      .concat(opsRoutes.map((path) => `GET ${path} public`))
      .sort()
    const fromDocument = operations(merged)
      .map(({ method, path, op }) => {
        const bearer = op.security?.some((s) => 'bearer' in s)
        const permission = op['x-myshop-permission']
        const access = !bearer ? 'public' : permission ? `bearer ${permission}` : 'bearer'
        return `${method.toUpperCase()} ${path} ${access}`
      })
      .sort()
    expect(fromDocument).toEqual(fromRoutes)
  })

  test("every service's operation is routed by the gateway, which guards it at least as the service does", () => {
    const problems: string[] = []
    for (const [service, doc] of Object.entries(serviceDocs))
      for (const { method, path, op } of operations(doc as Parameters<typeof operations>[0])) {
        const where = `${service} ${method.toUpperCase()} ${path}`
        const route = routes.find(
          (r) => r.service === service && r.method === method.toUpperCase() && openApiPath(r.path) === path,
        )
        if (!route) {
          problems.push(`${where}: no gateway route`)
          continue
        }
        const permission = op['x-myshop-permission']
        if (op.security?.length && route.policy === 'public') problems.push(`${where}: public at the gateway`)
        if (typeof route.policy === 'object' && permission && permission !== route.policy.permission)
          problems.push(`${where}: ${permission} at the service, ${route.policy.permission} at the gateway`)
      }
    expect(problems).toEqual([])
  })

  test('every operation declares its security explicitly and says who may call it', () => {
    for (const { method, path, op } of operations(merged)) {
      const where = `${method.toUpperCase()} ${path}`
      expect({ where, security: Array.isArray(op.security) }).toEqual({ where, security: true })
      const permission = op['x-myshop-permission']
      const sentence = !op.security?.length
        ? 'Public: no token needed.'
        : permission
          ? `Needs a bearer token with the \`${permission}\` permission.`
          : 'Needs a bearer token (any signed-in user).'
      expect({ where, description: op.description?.endsWith(sentence) }).toEqual({ where, description: true })
    }
  })
})

describe('every operation of the merged document', () => {
  test('has a readable operationId, unique across the document', () => {
    const ids = operations(merged).map(({ op }) => op.operationId)
    const unreadable = ids.filter(
      // Readable: a camelCase verb phrase (`listProducts`), not Elysia's path-derived default (`getApiV1Products`).
      (id) =>
        typeof id !== 'string' || !/^[a-z]+(?:[A-Z][a-z0-9]*)*$/.test(id) || /Api(V\d|ById)|By[A-Z]/.test(id),
    )
    expect(unreadable).toEqual([])
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  test('documents its errors as problem+json with the shared Problem schema, as applicable', () => {
    // Read, not matched with expect.any(): Bun's toMatchObject leaves its matchers in the object it checks.
    const problemSchema = merged.components.schemas.Problem as { type?: string; required?: unknown }
    expect(problemSchema.type).toBe('object')
    expect(Array.isArray(problemSchema.required)).toBe(true)
    for (const { method, path, op } of operations(merged)) {
      const where = `${method.toUpperCase()} ${path}`
      const responses = op.responses ?? {}
      const statuses = Object.keys(responses).map(Number)
      // The gateway's own operations are neither rate limited nor forwarded: only its own failure is a problem.
      const own = opsRoutes.includes(path)
      const expected = own ? [500] : [429, 500, 502, 503, 504]
      if (op.security?.length) expected.push(401)
      if (op['x-myshop-permission']) expected.push(403)
      if (op.parameters?.some((p) => p.in === 'path')) expected.push(404)
      if (op.requestBody) expected.push(413, 422)
      // The input guard's refusals: a body not sent as JSON (415), a NUL in the path or query or a JSON body
      // carrying a NUL or nested too deeply (400).
      if (op.requestBody?.content?.['application/json']) expected.push(400, 415)
      if (op.parameters?.length) expected.push(400)
      expect({ where, missing: expected.filter((s) => !statuses.includes(s)) }).toEqual({
        where,
        missing: [],
      })
      // A readiness report that says not ready is still the report, not a problem.
      for (const status of statuses.filter((s) => s >= 400 && !(path === '/ready' && s === 503))) {
        const content = responses[String(status)]?.content ?? {}
        expect({ where, status, types: Object.keys(content) }).toEqual({
          where,
          status,
          types: ['application/problem+json'],
        })
        expect(content['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' })
      }
    }
  })

  test("answers the input guard's refusals with statuses the document lists", async () => {
    const documented = (path: string, method: string) =>
      Object.keys(merged.paths[path]?.[method]?.responses ?? {}).map(Number)
    // A form post to a JSON-body route is refused as not JSON; a NUL in a path parameter is a bad request.
    const form = await fetch(`${platform.gatewayUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.com&password=violet-Harbor-93&name=Ada',
    })
    expect(form.status).toBe(415)
    expect(form.headers.get('content-type')).toContain('application/problem+json')
    expect(documented('/api/v1/auth/register', 'post')).toContain(415)
    const nul = await fetch(`${platform.gatewayUrl}/api/v1/products/prd%00x`)
    expect(nul.status).toBe(400)
    expect(documented('/api/v1/products/{id}', 'get')).toContain(400)
  })

  test("the gateway's own operations answer as documented", async () => {
    const seen: Json[] = []
    for (const path of opsRoutes) {
      const res = await fetch(`${platform.gatewayUrl}${path}`)
      const documented = merged.paths[path]?.get?.responses?.[String(res.status)]?.content ?? {}
      const type = res.headers.get('content-type')?.split(';')[0] ?? ''
      seen.push({ path, status: res.status, documentedType: type in documented })
      if (path === '/ready') {
        const body = await res.json()
        expect(Object.keys(body).sort()).toEqual(['checks', 'services', 'status'])
        expect(['ready', 'degraded']).toContain(body.status)
        expect(Object.keys(body.services).sort()).toEqual(Object.keys(platform.services).sort())
        expect(Object.keys(body.checks.jwks)).toEqual(expect.arrayContaining(['status', 'latencyMs']))
      } else await res.body?.cancel()
    }
    expect(seen).toEqual(opsRoutes.map((path) => ({ path, status: 200, documentedType: true })))
  })

  test('shows an example of each JSON request and response body', () => {
    const missing: string[] = []
    for (const { method, path, op } of operations(merged)) {
      const bodies = [
        ['request', op.requestBody?.content ?? {}],
        ...Object.entries(op.responses ?? {}).map(([status, r]) => [status, r.content ?? {}]),
      ] as [string, Record<string, Json>][]
      for (const [which, content] of bodies)
        for (const [type, media] of Object.entries(content))
          if (type.endsWith('json') && media.example === undefined && media.examples === undefined)
            missing.push(`${method.toUpperCase()} ${path} ${which} ${type}`)
    }
    expect(missing).toEqual([])
  })
})

describe('the typed client (@myshop/client)', () => {
  test('is generated from this document: run `bun run generate:client` after an API change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'myshop-client-'))
    const regenerated = join(dir, 'schema.ts')
    writeFileSync(regenerated, await clientTypes(merged))
    const checkedIn = readFileSync(join(root, 'packages/client/src/schema.ts'), 'utf8')
    expect(readFileSync(regenerated, 'utf8') === checkedIn).toBe(true)
  }, 60_000)

  test('lists products and reads a problem as typed values', async () => {
    const client = createMyShopClient({ baseUrl: platform.gatewayUrl })
    const listed = await client.GET('/api/v1/products', { params: { query: { limit: 5 } } })
    expect(listed.response.status).toBe(200)
    expect(Array.isArray(listed.data?.items)).toBe(true)
    const missing = await client.GET('/api/v1/products/{id}', { params: { path: { id: 'no-such-product' } } })
    expect(missing.response.status).toBe(404)
    expect(missing.error).toMatchObject({ status: 404, code: 'not_found' })
  })

  test('sends the access token it is given, and without one a guarded call is refused', async () => {
    const email = uniqueEmail('client')
    const password = 'amber-Willow-44-harbor'
    const anonymous = createMyShopClient({ baseUrl: platform.gatewayUrl })
    const registered = await anonymous.POST('/api/v1/auth/register', {
      body: { email, password, name: 'Client' },
    })
    expect(registered.response.status).toBe(201)
    const refused = await anonymous.GET('/api/v1/users/me')
    expect(refused.response.status).toBe(401)
    expect(refused.error).toMatchObject({ code: 'unauthenticated' })
    const login = await anonymous.POST('/api/v1/auth/login', { body: { email, password } })
    const signedIn = createMyShopClient({
      baseUrl: platform.gatewayUrl,
      accessToken: () => login.data?.accessToken,
    })
    const me = await signedIn.GET('/api/v1/users/me')
    expect(me.data?.email).toBe(email)
  })
})
