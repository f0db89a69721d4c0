import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { uniqueEmail } from '@myshop/testing'
import { strongPassword, type UserHarness, userHarness } from './harness.ts'

let h: UserHarness
beforeAll(async () => {
  h = await userHarness()
}, 60_000)
afterAll(() => h.close())

describe('GET/PATCH /api/v1/users/me', () => {
  test('returns and updates the signed-in user', async () => {
    const { email } = await h.register({ name: 'Grace' })
    const { accessToken } = await h.login(email)
    const me = await h.call('GET', '/api/v1/users/me', undefined, h.bearer(accessToken))
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ email, name: 'Grace', roles: ['customer'] })
    const patched = await h.call('PATCH', '/api/v1/users/me', { name: 'Grace Hopper' }, h.bearer(accessToken))
    expect(patched.status).toBe(200)
    expect(patched.body.name).toBe('Grace Hopper')
    expect((await h.call('GET', '/api/v1/users/me', undefined, h.bearer(accessToken))).body.name).toBe(
      'Grace Hopper',
    )
  })

  test('changing the password needs the current one and ends the other sessions', async () => {
    const { email } = await h.register()
    const current = await h.login(email)
    const other = await h.login(email)
    const newPassword = 'saffron-Quarry-58-meadow'
    const refused = await h.call(
      'PATCH',
      '/api/v1/users/me',
      { password: newPassword, currentPassword: 'wrong-one-abc' },
      h.bearer(current.accessToken),
    )
    expect(refused.status).toBe(401)
    const ok = await h.call(
      'PATCH',
      '/api/v1/users/me',
      { password: newPassword, currentPassword: strongPassword },
      h.bearer(current.accessToken),
    )
    expect(ok.status).toBe(200)
    expect((await h.call('GET', '/api/v1/users/me', undefined, h.bearer(current.accessToken))).status).toBe(
      200,
    )
    expect((await h.call('GET', '/api/v1/users/me', undefined, h.bearer(other.accessToken))).status).toBe(401)
    expect((await h.call('POST', '/api/v1/auth/login', { email, password: strongPassword })).status).toBe(401)
    expect((await h.call('POST', '/api/v1/auth/login', { email, password: newPassword })).status).toBe(200)
  })

  test('guesses at the current password meet the sign-in limit of this client, counted with its sign-ins', async () => {
    const { email } = await h.register()
    const client = { 'x-forwarded-for': '203.0.113.41' }
    const { accessToken } = await h.login(email, strongPassword, client)
    const change = (currentPassword: string) =>
      h.call(
        'PATCH',
        '/api/v1/users/me',
        { password: 'saffron-Quarry-58-meadow', currentPassword },
        { ...h.bearer(accessToken), ...client },
      )
    for (let i = 0; i < h.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      expect((await change(`guess-${i}-abcdef`)).status).toBe(401)
    }
    const locked = await change(strongPassword)
    expect(locked.status).toBe(429)
    expect(locked.body.code).toBe('too_many_attempts')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    // The same counters as sign-in: this client cannot sign in either, another one can, and nothing changed.
    const signIn = (from: string) =>
      h.call('POST', '/api/v1/auth/login', { email, password: strongPassword }, { 'x-forwarded-for': from })
    expect((await signIn('203.0.113.41')).status).toBe(429)
    expect((await signIn('203.0.113.42')).status).toBe(200)
  })

  test('a stolen access token allows a few guesses at the password, from however many addresses', async () => {
    const { email } = await h.register()
    const { accessToken } = await h.login(email)
    const change = (currentPassword: string, address: string) =>
      h.call(
        'PATCH',
        '/api/v1/users/me',
        { password: 'saffron-Quarry-58-meadow', currentPassword },
        { ...h.bearer(accessToken), 'x-forwarded-for': address },
      )
    for (let i = 0; i < h.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      expect((await change(`guess-${i}-abcdef`, `10.74.0.${i}`)).status).toBe(401)
    }
    expect((await change(strongPassword, '10.74.1.1')).status).toBe(429)
  })

  test("failed sign-ins sprayed from many addresses do not stop the signed-in owner's password change", async () => {
    const { email } = await h.register()
    const { accessToken } = await h.login(email, strongPassword, { 'x-forwarded-for': '10.75.9.9' })
    await h.sprayFailures(email, h.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, 75)
    const changed = await h.call(
      'PATCH',
      '/api/v1/users/me',
      { password: 'saffron-Quarry-58-meadow', currentPassword: strongPassword },
      { ...h.bearer(accessToken), 'x-forwarded-for': '10.75.9.9' },
    )
    expect(changed.status).toBe(200)
  })

  test('a password change without the current password is refused and counts no guess', async () => {
    const { email } = await h.register()
    const { accessToken } = await h.login(email)
    for (let i = 0; i <= h.config.LOGIN_MAX_FAILURES_PER_CLIENT; i++) {
      const res = await h.call(
        'PATCH',
        '/api/v1/users/me',
        { password: 'saffron-Quarry-58-meadow' },
        h.bearer(accessToken),
      )
      expect(res.status).toBe(401)
    }
  })

  test('rejects an empty patch, an unknown field and a weak password, changing nothing', async () => {
    const { email, user } = await h.register({ name: 'Unchanged' })
    const { accessToken } = await h.login(email)
    expect((await h.call('PATCH', '/api/v1/users/me', {}, h.bearer(accessToken))).status).toBe(422)
    expect(
      (await h.call('PATCH', '/api/v1/users/me', { email: 'new@example.com' }, h.bearer(accessToken))).status,
    ).toBe(422)
    const weak = await h.call(
      'PATCH',
      '/api/v1/users/me',
      { password: 'password1', currentPassword: strongPassword },
      h.bearer(accessToken),
    )
    expect(weak.status).toBe(422)
    const [row] = await h.sql`select name, email from users.accounts where id = ${user.id}`
    expect(row).toMatchObject({ name: 'Unchanged', email })
  })

  test('answers 401 without a token and with a garbage token', async () => {
    expect((await h.call('GET', '/api/v1/users/me')).status).toBe(401)
    expect(
      (await h.call('GET', '/api/v1/users/me', undefined, { authorization: 'Bearer abc.def.ghi' })).status,
    ).toBe(401)
    expect((await h.call('PATCH', '/api/v1/users/me', { name: 'x' })).status).toBe(401)
  })
})

describe('admin user management', () => {
  test('GET /users lists, filters by role and text, and pages with a cursor without repeats', async () => {
    const admin = await h.userWithRoles(['admin'])
    const tag = `pager${Date.now().toString(36)}`
    for (let i = 0; i < 5; i++) await h.register({ email: uniqueEmail(tag), name: `Pager ${i}` })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const qs: string = `?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await h.call('GET', `/api/v1/users${qs}`, undefined, h.bearer(admin.tokens.accessToken))
      expect(page.status).toBe(200)
      seen.push(...page.body.items.map((u: { id: string }) => u.id))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen.length).toBe(5)
    expect(new Set(seen).size).toBe(5)
    expect([...seen].sort()).toEqual(seen)
    const admins = await h.call(
      'GET',
      '/api/v1/users?role=admin&limit=100',
      undefined,
      h.bearer(admin.tokens.accessToken),
    )
    expect(admins.body.items.every((u: { roles: string[] }) => u.roles.includes('admin'))).toBe(true)
  })

  test('GET /users: 403 for customers, 401 anonymous, 422 for a bad limit', async () => {
    const customer = await h.userWithRoles(['customer'])
    const admin = await h.userWithRoles(['admin'])
    expect(
      (await h.call('GET', '/api/v1/users', undefined, h.bearer(customer.tokens.accessToken))).status,
    ).toBe(403)
    expect((await h.call('GET', '/api/v1/users')).status).toBe(401)
    expect(
      (await h.call('GET', '/api/v1/users?limit=1000', undefined, h.bearer(admin.tokens.accessToken))).status,
    ).toBe(422)
    expect(
      (await h.call('GET', '/api/v1/users?role=emperor', undefined, h.bearer(admin.tokens.accessToken)))
        .status,
    ).toBe(422)
  })

  test('support staff can read users but cannot change roles', async () => {
    const support = await h.userWithRoles(['support'])
    const target = await h.register()
    expect(
      (await h.call('GET', '/api/v1/users', undefined, h.bearer(support.tokens.accessToken))).status,
    ).toBe(200)
    const res = await h.call(
      'PUT',
      `/api/v1/users/${target.user.id}/roles`,
      { roles: ['admin'] },
      h.bearer(support.tokens.accessToken),
    )
    expect(res.status).toBe(403)
    const [row] = await h.sql`select roles from users.accounts where id = ${target.user.id}`
    expect(row?.roles).toEqual(['customer'])
  })

  test('GET /users/:id returns one user to staff; 404 unknown, 422 malformed id, 403 customers', async () => {
    const support = await h.userWithRoles(['support'])
    const customer = await h.userWithRoles(['customer'])
    const target = await h.register({ name: 'Looked Up' })
    const auth = h.bearer(support.tokens.accessToken)
    const res = await h.call('GET', `/api/v1/users/${target.user.id}`, undefined, auth)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: target.user.id, name: 'Looked Up', email: target.email })
    expect(
      (await h.call('GET', '/api/v1/users/usr_00000000000000000000000000', undefined, auth)).status,
    ).toBe(404)
    expect((await h.call('GET', '/api/v1/users/42', undefined, auth)).status).toBe(422)
    const own = h.bearer(customer.tokens.accessToken)
    expect((await h.call('GET', `/api/v1/users/${target.user.id}`, undefined, own)).status).toBe(403)
  })

  test('POST /users creates a user with roles; duplicate 409; customers 403', async () => {
    const admin = await h.userWithRoles(['admin'])
    const customer = await h.userWithRoles(['customer'])
    const email = uniqueEmail('staff')
    const body = { email, password: strongPassword, name: 'Stock Keeper', roles: ['inventory_manager'] }
    const res = await h.call('POST', '/api/v1/users', body, h.bearer(admin.tokens.accessToken))
    expect(res.status).toBe(201)
    expect(res.body.roles).toEqual(['inventory_manager'])
    expect((await h.call('POST', '/api/v1/users', body, h.bearer(admin.tokens.accessToken))).status).toBe(409)
    expect(
      (
        await h.call(
          'POST',
          '/api/v1/users',
          { ...body, email: uniqueEmail() },
          h.bearer(customer.tokens.accessToken),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await h.call(
          'POST',
          '/api/v1/users',
          { ...body, roles: ['pope'] },
          h.bearer(admin.tokens.accessToken),
        )
      ).status,
    ).toBe(422)
  })

  test('POST /users refuses an address user.registered cannot carry with 422 and creates nobody', async () => {
    const admin = await h.userWithRoles(['admin'])
    const email = `odd+!z.=}.${Date.now()}@fbindb.example`
    const res = await h.call(
      'POST',
      '/api/v1/users',
      { email, password: strongPassword, name: 'Odd', roles: ['support'] },
      h.bearer(admin.tokens.accessToken),
    )
    expect(res.status).toBe(422)
    expect(res.body.errors[0].path).toBe('/email')
    const [row] =
      await h.sql`select count(*)::int as n from users.accounts where lower(email) = lower(${email})`
    expect(row?.n).toBe(0)
  })

  test('PUT /users/:id/roles replaces roles, emits user.role_changed, and removing a role ends sessions', async () => {
    const admin = await h.userWithRoles(['admin'])
    const target = await h.userWithRoles(['customer', 'catalog_manager'])
    const res = await h.call(
      'PUT',
      `/api/v1/users/${target.user.id}/roles`,
      { roles: ['customer'] },
      h.bearer(admin.tokens.accessToken),
    )
    expect(res.status).toBe(200)
    expect(res.body.roles).toEqual(['customer'])
    const [event] =
      await h.sql`select data from users.outbox where type = 'user.role_changed' and data->>'userId' = ${target.user.id}`
    expect(event?.data).toMatchObject({
      roles: ['customer'],
      previousRoles: ['customer', 'catalog_manager'],
      changedBy: admin.user.id,
    })
    expect(
      (await h.call('GET', '/api/v1/users/me', undefined, h.bearer(target.tokens.accessToken))).status,
    ).toBe(401)
    // Sign in again: the new token carries the reduced roles.
    const fresh = await h.login(target.email)
    const payload = JSON.parse(atob(fresh.accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')))
    expect(payload.roles).toEqual(['customer'])
  })

  test('PUT /users/:id/roles: 404 unknown user, 422 unknown role or bad id, 409 when an admin demotes themself', async () => {
    const admin = await h.userWithRoles(['admin'])
    const auth = h.bearer(admin.tokens.accessToken)
    expect(
      (
        await h.call(
          'PUT',
          '/api/v1/users/usr_00000000000000000000000000/roles',
          { roles: ['customer'] },
          auth,
        )
      ).status,
    ).toBe(404)
    expect(
      (await h.call('PUT', `/api/v1/users/${admin.user.id}/roles`, { roles: ['wizard'] }, auth)).status,
    ).toBe(422)
    expect((await h.call('PUT', '/api/v1/users/not-an-id/roles', { roles: ['customer'] }, auth)).status).toBe(
      422,
    )
    expect(
      (await h.call('PUT', `/api/v1/users/${admin.user.id}/roles`, { roles: ['customer'] }, auth)).status,
    ).toBe(409)
  })
})

describe('JWKS and key rotation', () => {
  test('publishes the public keys only', async () => {
    const res = await h.call('GET', '/.well-known/jwks.json')
    expect(res.status).toBe(200)
    expect(res.body.keys.length).toBeGreaterThan(0)
    for (const key of res.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })
      expect(key.d).toBeUndefined()
    }
  })

  test('serves the same key set under the API prefix, cacheable by anyone for five minutes', async () => {
    const [root, prefixed] = await Promise.all([
      h.call('GET', '/.well-known/jwks.json'),
      h.call('GET', '/api/v1/.well-known/jwks.json'),
    ])
    expect(prefixed.status).toBe(200)
    expect(prefixed.body).toEqual(root.body)
    for (const res of [root, prefixed]) expect(res.headers.get('cache-control')).toBe('public, max-age=300')
  })

  test('rotation: tokens signed with the old key keep working, new tokens use the new kid', async () => {
    const admin = await h.userWithRoles(['admin'])
    const oldKid = JSON.parse(atob(admin.tokens.accessToken.split('.')[0]!)).kid
    const rotated = await h.call(
      'POST',
      '/api/v1/auth/keys/rotate',
      undefined,
      h.bearer(admin.tokens.accessToken),
    )
    expect(rotated.status).toBe(200)
    expect(rotated.body.retiring).toContain(oldKid)
    const kids = (await h.call('GET', '/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid)
    expect(kids).toContain(oldKid)
    expect(kids).toContain(rotated.body.kid)
    expect(
      (await h.call('GET', '/api/v1/users/me', undefined, h.bearer(admin.tokens.accessToken))).status,
    ).toBe(200)
    const fresh = await h.login(admin.email)
    expect(JSON.parse(atob(fresh.accessToken.split('.')[0]!)).kid).toBe(rotated.body.kid)
  })

  test('only admins may rotate keys', async () => {
    const customer = await h.userWithRoles(['customer'])
    expect(
      (await h.call('POST', '/api/v1/auth/keys/rotate', undefined, h.bearer(customer.tokens.accessToken)))
        .status,
    ).toBe(403)
    expect((await h.call('POST', '/api/v1/auth/keys/rotate')).status).toBe(401)
  })
})
