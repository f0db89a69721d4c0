import { describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { jsonRequest, testDatabase } from '@myshop/testing'
import { t } from 'elysia'
import { createHttpApp } from '../src/index.ts'
import { bodyProblem, maxBodyDepth } from '../src/input-guard.ts'

const reached: string[] = []
const app = createHttpApp({ service: 'demo', logger: silentLogger() })
  .get('/things/:id', ({ params, query }) => {
    reached.push(`get ${params.id}`)
    return { id: params.id, q: query.q ?? null }
  })
  .post(
    '/things',
    ({ body }) => {
      reached.push('post')
      return body
    },
    { body: t.Object({ name: t.String(), tags: t.Optional(t.Any()) }) },
  )
  .post(
    '/sessions/end',
    ({ body }) => {
      reached.push('end')
      return { ended: true, token: body?.token ?? null }
    },
    { body: t.Optional(t.Object({ token: t.Optional(t.String()) })) },
  )
  .post(
    '/uploads',
    async ({ request }) => {
      reached.push('upload')
      return { size: (await request.arrayBuffer()).byteLength }
    },
    { parse: 'none' },
  )
  .get('/numbers/:value', async ({ params }) => {
    const { sql } = await testDatabase()
    return (await sql`select ${params.value}::bigint as n`)[0]
  })

const send = async (request: Request) => {
  reached.length = 0
  const res = await app.handle(request)
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: await res.json(),
    reached: [...reached],
  }
}

const post = (path: string, body: BodyInit, contentType?: string) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    ...(contentType !== undefined && { headers: { 'content-type': contentType } }),
  })

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('the input guard', () => {
  test('a NUL in the path or the query is a 400 problem before any route runs', async () => {
    for (const path of ['/things/a%00b', '/things/ok?q=x%00y', '/things/ok?%00=1', '/nowhere%00']) {
      const res = await send(jsonRequest('GET', path))
      expect({ path, status: res.status, reached: res.reached }).toEqual({ path, status: 400, reached: [] })
      expect(res.type).toContain('application/problem+json')
      expect(res.body).toMatchObject({ code: 'bad_request', detail: expect.stringContaining('NUL') })
    }
    expect((await send(jsonRequest('GET', '/things/a%2500b?q=%2500'))).body).toEqual({
      id: 'a%00b',
      q: '%00',
    })
  })

  test('a NUL in any text or name of a JSON body is a 400 naming where it is, and the route never runs', async () => {
    for (const [body, path] of [
      [{ name: 'a\u0000b' }, '/name'],
      [{ name: 'ok', tags: ['x', { deep: ['\u0000'] }] }, '/tags/1/deep/0'],
      [{ name: 'ok', tags: { 'key\u0000': 1 } }, '/tags'],
    ] as const) {
      const res = await send(jsonRequest('POST', '/things', body))
      expect({ path, status: res.status, reached: res.reached }).toEqual({ path, status: 400, reached: [] })
      expect(res.body.errors).toEqual([{ path, message: expect.stringContaining('NUL') }])
    }
  })

  test(`a body nested deeper than ${maxBodyDepth} levels is a 400, however deep, and the route never runs`, async () => {
    for (const depth of [maxBodyDepth, 1_000, 100_000]) {
      const res = await send(post('/things', `{"name":"ok","tags":${nested(depth)}}`, 'application/json'))
      expect({ depth, status: res.status, reached: res.reached }).toEqual({ depth, status: 400, reached: [] })
      expect(res.body).toMatchObject({ code: 'bad_request', detail: expect.stringContaining('deeper than') })
    }
    const fits = await send(
      post('/things', `{"name":"ok","tags":${nested(maxBodyDepth - 1)}}`, 'application/json'),
    )
    expect(fits).toMatchObject({ status: 200, reached: ['post'] })
  })

  test('a body that is not JSON is a 415, so a cross-site form cannot post to a JSON route', async () => {
    const form = new FormData()
    form.set('name', 'from a form')
    for (const [label, request] of [
      ['urlencoded', post('/things', 'name=from+a+form', 'application/x-www-form-urlencoded')],
      ['multipart', post('/things', form)],
      ['text/plain', post('/things', '{"name":"from a form"}', 'text/plain')],
      [
        'no type',
        new Request('http://localhost/things', {
          method: 'POST',
          body: '{"name":"no type"}',
          headers: { 'content-length': '18' },
        }),
      ],
      ['optional body, urlencoded', post('/sessions/end', 'token=abc', 'application/x-www-form-urlencoded')],
      ['optional body, text/plain', post('/sessions/end', 'token=abc', 'text/plain')],
    ] as const) {
      const res = await send(request)
      expect({ label, status: res.status, reached: res.reached }).toEqual({ label, status: 415, reached: [] })
      expect(res.type).toContain('application/problem+json')
      expect(res.body.code).toBe('unsupported_media_type')
    }
  })

  test('JSON bodies (with a charset too) and bodiless posts are accepted; raw-body routes are left alone', async () => {
    expect(await send(post('/things', '{"name":"a"}', 'application/json; charset=utf-8'))).toMatchObject({
      status: 200,
      body: { name: 'a' },
    })
    expect(await send(new Request('http://localhost/sessions/end', { method: 'POST' }))).toMatchObject({
      status: 200,
      body: { ended: true, token: null },
    })
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(10)]), 'a.bin')
    expect(await send(post('/uploads', form))).toMatchObject({ status: 200, reached: ['upload'] })
  })

  test('a value the database refuses as data is a 400 without the SQL or the database message', async () => {
    const res = await send(jsonRequest('GET', '/numbers/99999999999999999999999'))
    expect(res.status).toBe(400)
    expect(res.type).toContain('application/problem+json')
    expect(res.body).toMatchObject({ code: 'bad_request' })
    expect(JSON.stringify(res.body)).not.toMatch(/select|bigint|out of range/i)
    expect((await send(jsonRequest('GET', '/numbers/42'))).body).toEqual({ n: 42 })
  })
})

describe('bodyProblem', () => {
  test('walks any depth without recursion and names the first problem it meets', () => {
    let deep: unknown = 'end'
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(bodyProblem(deep)).toMatchObject({ detail: expect.stringContaining('deeper than') })
    expect(bodyProblem({ a: [1, true, null, 'x'] })).toBeNull()
  })
})
