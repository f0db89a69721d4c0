import { beforeAll, describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { testTokens } from '@myshop/testing'
import { t } from 'elysia'
import { authGuard, createHttpApp, errorResponses } from '../src/index.ts'

type Operation = {
  operationId?: string
  security?: unknown[]
  description?: string
  'x-myshop-permission'?: string
  requestBody?: { content: Record<string, { example?: unknown }> }
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: unknown; example?: unknown }> }
  >
}
type Doc = {
  servers?: unknown[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

let doc: Doc

beforeAll(async () => {
  const tokens = await testTokens()
  const app = createHttpApp({ service: 'demo', logger: silentLogger() })
    .use(authGuard(tokens.verifier(async () => true)))
    .group('/api/v1/things', (group) =>
      group
        .get('/', () => [], { detail: { operationId: 'listThings' } })
        .post('/', ({ body }) => ({ id: 'thg_1', name: body.name }), {
          auth: 'catalog:write',
          body: t.Object({ name: t.String({ minLength: 2 }), sku: t.String({ pattern: '^[A-Z]{3}$' }) }),
          response: { 200: t.Object({ id: t.String(), name: t.String() }), ...errorResponses(409) },
          detail: { operationId: 'createThing' },
        })
        .delete(
          '/:id',
          ({ set }) => {
            set.status = 204
          },
          {
            auth: true,
            params: t.Object({ id: t.String({ pattern: '^thg_[0-9A-HJKMNP-TV-Z]{26}$' }) }),
            response: { 204: t.Void() },
            detail: { operationId: 'deleteThing' },
          },
        ),
    )
  const res = await app.handle(new Request('http://service.test/openapi.json'))
  expect(res.headers.get('x-request-id')).toBeString()
  doc = (await res.json()) as Doc
})

const problem = { $ref: '#/components/schemas/Problem' }

describe("a service's published OpenAPI document", () => {
  test('declares every operation public (security: []) or bearer, with the permission it needs', () => {
    const list = doc.paths['/api/v1/things']!.get!
    expect(list.security).toEqual([])
    expect(list.description).toBe('Public: no token needed.')
    const create = doc.paths['/api/v1/things']!.post!
    expect(create.security).toEqual([{ bearer: [] }])
    expect(create['x-myshop-permission']).toBe('catalog:write')
    expect(create.description).toBe('Needs a bearer token with the `catalog:write` permission.')
    const remove = doc.paths['/api/v1/things/{id}']!.delete!
    expect(remove.security).toEqual([{ bearer: [] }])
    expect(remove['x-myshop-permission']).toBeUndefined()
  })

  test('documents errors as problem+json with one Problem component, declared ones and inferred ones', () => {
    const problemSchema = doc.components.schemas.Problem as { properties: { code: { enum?: unknown } } }
    expect(Array.isArray(problemSchema.properties.code.enum)).toBe(true)
    const create = doc.paths['/api/v1/things']!.post!
    expect(Object.keys(create.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '422',
      '500',
    ])
    for (const status of ['400', '401', '403', '409', '413', '415', '422', '500']) {
      expect(Object.keys(create.responses[status]!.content!)).toEqual(['application/problem+json'])
      expect(create.responses[status]!.content!['application/problem+json']!.schema).toEqual(problem)
    }
    const remove = doc.paths['/api/v1/things/{id}']!.delete!
    // The input guard refuses a NUL in the path or query (400).
    expect(Object.keys(remove.responses).sort()).toEqual(['204', '400', '401', '404', '422', '500'])
  })

  test('a 204 carries no content (Elysia renders t.Void() as a media type that is not one)', () => {
    expect(doc.paths['/api/v1/things/{id}']!.delete!.responses['204']).toEqual({
      description: expect.any(String),
    })
  })

  test('shows examples of bodies that satisfy their schemas, and paths without a trailing slash', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/things', '/api/v1/things/{id}'])
    expect(doc.servers).toEqual([{ url: '/' }])
    const create = doc.paths['/api/v1/things']!.post!
    const example = create.requestBody!.content['application/json']!.example as { name: string; sku: string }
    expect(example.name.length).toBeGreaterThanOrEqual(2)
    expect(example.sku).toMatch(/^[A-Z]{3}$/)
    expect(create.responses['200']!.content!['application/json']!.example).toEqual({
      id: expect.any(String),
      name: expect.any(String),
    })
    expect(create.responses['409']!.content!['application/problem+json']!.example).toMatchObject({
      status: 409,
      code: 'conflict',
    })
  })
})
