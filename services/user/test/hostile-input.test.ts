import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { uniqueEmail } from '@myshop/testing'
import { strongPassword, type UserHarness, userHarness } from './harness.ts'

let h: UserHarness
beforeAll(async () => {
  h = await userHarness()
}, 60_000)
afterAll(() => h.close())

/** The bodies a cross-site HTML form (or a script without CORS approval) can send. */
const formBodies = (fields: Record<string, string>): [string, () => { body: BodyInit; type?: string }][] => [
  [
    'urlencoded',
    () => ({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' }),
  ],
  [
    'multipart',
    () => {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.set(k, v)
      return { body: form }
    },
  ],
  ['text/plain', () => ({ body: JSON.stringify(fields), type: 'text/plain' })],
]

const send = async (
  method: string,
  path: string,
  fields: Record<string, string>,
  kind: number,
  token?: string,
) => {
  const { body, type } = formBodies(fields)[kind]![1]()
  const res = await h.app.handle(
    new Request(`http://localhost${path}`, {
      method,
      body,
      headers: { ...(type && { 'content-type': type }), ...(token && { authorization: `Bearer ${token}` }) },
    }),
  )
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() }
}

const expect415 = (res: Awaited<ReturnType<typeof send>>) => {
  expect(res.status).toBe(415)
  expect(res.type).toContain('application/problem+json')
  expect(res.body.code).toBe('unsupported_media_type')
}

const accounts = async (email: string) =>
  Number((await h.sql`select count(*)::int as n from users.accounts where email = ${email}`)[0]!.n)

describe('bodies that are not JSON', () => {
  test('registration and sign-in from a form are 415: no account, no tokens', async () => {
    const { email } = await h.register()
    for (const [kind, [label]] of formBodies({}).entries()) {
      const fresh = uniqueEmail('form')
      const reg = await send(
        'POST',
        '/api/v1/auth/register',
        { email: fresh, password: strongPassword, name: 'F' },
        kind,
      )
      expect({ label, status: reg.status }).toEqual({ label, status: 415 })
      expect415(reg)
      expect(await accounts(fresh)).toBe(0)
      const login = await send('POST', '/api/v1/auth/login', { email, password: strongPassword }, kind)
      expect415(login)
      expect(login.body.accessToken).toBeUndefined()
    }
  })

  test('refresh and logout from a form are 415 and change nothing: the session and its refresh token live on', async () => {
    const { email } = await h.register()
    const tokens = await h.login(email)
    for (const kind of formBodies({}).keys()) {
      expect415(await send('POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken }, kind))
      expect415(
        await send(
          'POST',
          '/api/v1/auth/logout',
          { refreshToken: tokens.refreshToken },
          kind,
          tokens.accessToken,
        ),
      )
    }
    const refreshed = await h.call('POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })
    expect(refreshed.status).toBe(200)
  })

  test("an admin's and a user's own writes from a form are 415 and change nothing", async () => {
    const admin = await h.userWithRoles(['admin'])
    const { user, email } = await h.register({ name: 'Unchanged' })
    const own = await h.login(email)
    for (const kind of formBodies({}).keys()) {
      const created = uniqueEmail('byform')
      expect415(
        await send(
          'POST',
          '/api/v1/users',
          { email: created, password: strongPassword, name: 'X', roles: 'admin' },
          kind,
          admin.tokens.accessToken,
        ),
      )
      expect(await accounts(created)).toBe(0)
      expect415(
        await send(
          'PUT',
          `/api/v1/users/${user.id}/roles`,
          { roles: 'admin' },
          kind,
          admin.tokens.accessToken,
        ),
      )
      expect415(await send('PATCH', '/api/v1/users/me', { name: 'Changed' }, kind, own.accessToken))
    }
    const me = await h.call('GET', '/api/v1/users/me', undefined, h.bearer(own.accessToken))
    expect(me.body).toMatchObject({ name: 'Unchanged', roles: ['customer'] })
  })
})

describe('NUL characters', () => {
  test('in a JSON text, a path id or a query are 400 problems, nothing is written, and the service keeps answering', async () => {
    const email = uniqueEmail('nul')
    for (const [method, path, body] of [
      ['POST', '/api/v1/auth/register', { email, password: strongPassword, name: 'Nul\u0000' }],
      ['POST', '/api/v1/auth/register', { email: `a\u0000${email}`, password: strongPassword, name: 'N' }],
      ['POST', '/api/v1/auth/login', { email: `${email}\u0000`, password: strongPassword }],
      ['POST', '/api/v1/auth/refresh', { refreshToken: 'rt\u0000' }],
      ['GET', '/api/v1/users/usr_%00'],
      ['GET', '/api/v1/users?cursor=%00&limit=1'],
    ] as const) {
      const res = await h.call(method, path, body)
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(JSON.stringify(res.body)).not.toMatch(/insert|select|invalid byte sequence/i)
    }
    expect(await accounts(email)).toBe(0)
    expect((await h.call('GET', '/ready')).status).toBe(200)
    await h.login((await h.register()).email)
  })
})

describe('the user list', () => {
  test('a cursor that is not a user id, or a page size out of range, is a 422 naming it; valid pages still come', async () => {
    const admin = await h.userWithRoles(['admin'])
    const as = h.bearer(admin.tokens.accessToken)
    for (const [query, path] of [
      ['cursor=true', '/cursor'],
      ["cursor=usr_' or 1=1 --", '/cursor'],
      ['cursor=usr_01jz0000000000000000000000', '/cursor'],
      [`cursor=${'9'.repeat(40)}`, '/cursor'],
      ['limit=1e23', '/limit'],
      ['limit=-1', '/limit'],
      ['limit=0.5', '/limit'],
    ] as const) {
      const res = await h.call('GET', `/api/v1/users?${query}`, undefined, as)
      expect({ query, status: res.status }).toEqual({ query, status: 422 })
      expect(JSON.stringify(res.body.errors)).toContain(path)
    }
    const page = await h.call('GET', '/api/v1/users?limit=1', undefined, as)
    expect(page.status).toBe(200)
    const next = await h.call('GET', `/api/v1/users?limit=1&cursor=${page.body.nextCursor}`, undefined, as)
    expect(next.status).toBe(200)
  })
})
