import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { ConfigError } from '@myshop/config'
import { silentLogger } from '@myshop/logger'
import { uniqueEmail } from '@myshop/testing'
import { loadUserConfig } from '../src/config.ts'
import { startUserService } from '../src/index.ts'
import { ensureAdmin } from '../src/users/service.ts'
import { strongPassword, type UserHarness, userHarness } from './harness.ts'

let h: UserHarness
beforeAll(async () => {
  h = await userHarness()
}, 60_000)
afterAll(() => h.close())

const bootPassword = 'amber-Lighthouse-71-quartz'

/** What a holder of the account's earlier tokens can still do. */
const whatOldTokensDo = async (tokens: { accessToken: string; refreshToken: string }) => ({
  me: (await h.call('GET', '/api/v1/users/me', undefined, h.bearer(tokens.accessToken))).status,
  adminList: (await h.call('GET', '/api/v1/users', undefined, h.bearer(tokens.accessToken))).status,
  refresh: (await h.call('POST', '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status,
})

describe('MYSHOP_ADMIN_EMAIL on an account that already exists', () => {
  test('promoting it ends every session it had: old access and refresh tokens stop working', async () => {
    const { email } = await h.register()
    const squatter = await h.login(email)
    const second = await h.login(email)
    // Before the boot, the tokens work (and, being a customer's, open no admin route).
    expect(await whatOldTokensDo(second)).toEqual({ me: 200, adminList: 403, refresh: 200 })

    const result = await ensureAdmin(h.deps, email, bootPassword)
    expect(result).toEqual({ outcome: 'promoted', sessionsEnded: 2 })

    expect(await whatOldTokensDo(squatter)).toEqual({ me: 401, adminList: 401, refresh: 401 })
    const rows = await h.sql<{ revokedReason: string }[]>`
      select f.revoked_reason as "revokedReason" from users.token_families f
      join users.accounts a on a.id = f.user_id where lower(a.email) = lower(${email})`
    expect(rows.map((r) => r.revokedReason)).toEqual(['promoted_at_boot', 'promoted_at_boot'])
    const events = await h.sql<{ data: Record<string, unknown> }[]>`
      select o.data from users.outbox o join users.accounts a on a.id = o.data->>'userId'
      where o.type = 'user.role_changed' and lower(a.email) = lower(${email})`
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        roles: ['admin', 'customer'],
        previousRoles: ['customer'],
        changedBy: 'MYSHOP_ADMIN_EMAIL',
      }),
    ])
    // The squatter's password no longer opens the account; the boot password does, as an administrator.
    expect((await h.call('POST', '/api/v1/auth/login', { email, password: strongPassword })).status).toBe(401)
    const admin = await h.login(email, bootPassword)
    const list = await h.call('GET', '/api/v1/users', undefined, h.bearer(admin.accessToken))
    expect(list.status).toBe(200)
  })

  test("a new boot password for an existing administrator ends the account's sessions too", async () => {
    const { email } = await h.register()
    await ensureAdmin(h.deps, email, bootPassword)
    const before = await h.login(email, bootPassword)
    const next = 'copper-Meadow-26-violin'
    expect(await ensureAdmin(h.deps, email, next)).toEqual({ outcome: 'password_set', sessionsEnded: 1 })
    expect(await whatOldTokensDo(before)).toEqual({ me: 401, adminList: 401, refresh: 401 })
  })

  test('booting again with the same settings changes nothing and keeps the sessions', async () => {
    const { email } = await h.register()
    await ensureAdmin(h.deps, email, bootPassword)
    const tokens = await h.login(email, bootPassword)
    expect(await ensureAdmin(h.deps, email, bootPassword)).toEqual({ outcome: 'unchanged', sessionsEnded: 0 })
    expect((await h.call('GET', '/api/v1/users', undefined, h.bearer(tokens.accessToken))).status).toBe(200)
  })
})

describe('the bootstrap password', () => {
  // The configuration is read as the entry point reads it, so a refusal there is a refusal of the boot.
  const boot = (password: string, email = uniqueEmail('admin')) =>
    Promise.resolve()
      .then(() =>
        startUserService(
          loadUserConfig({
            LOG_LEVEL: 'silent',
            USER_PORT: '0',
            MYSHOP_ADMIN_EMAIL: email,
            MYSHOP_ADMIN_PASSWORD: password,
          }),
          { sql: h.sql, logger: silentLogger() },
        ),
      )
      .then(
        async (service) => {
          await service.stop()
          return 'booted'
        },
        (error: Error) =>
          error instanceof ConfigError ? error.problems.map((p) => p.message).join('\n') : error.message,
      )

  test('a password registration would refuse stops the boot with a message that says why', async () => {
    const email = uniqueEmail('admin')
    expect(await boot('password1', email)).toBe(
      'MYSHOP_ADMIN_PASSWORD is refused: This password is too common or too easy to guess. Choose a stronger passphrase.',
    )
    // Nothing was written: the account does not exist.
    const [row] =
      await h.sql`select count(*)::int as n from users.accounts where lower(email) = lower(${email})`
    expect(row?.n).toBe(0)
  })

  test('it is refused for an existing account too, which keeps its password and roles', async () => {
    const { email, user } = await h.register()
    expect(await boot('password1', email)).toMatch(/^MYSHOP_ADMIN_PASSWORD is refused: /)
    const tokens = await h.login(email)
    const me = await h.call('GET', '/api/v1/users/me', undefined, h.bearer(tokens.accessToken))
    expect(me.body).toMatchObject({ id: user.id, roles: ['customer'] })
  })

  test('is judged with the rest of the configuration, before anything opens: every problem together', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadUserConfig(env)
        return []
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.variable)
      }
    }
    expect(
      problems({
        USER_PORT: 'abc',
        MYSHOP_ADMIN_EMAIL: 'owner@example.com',
        MYSHOP_ADMIN_PASSWORD: 'password1',
      }),
    ).toEqual(['USER_PORT', 'MYSHOP_ADMIN_PASSWORD'])
    // A short one is one problem in the same words as registration's, not a schema's and a policy's.
    expect(() =>
      loadUserConfig({ MYSHOP_ADMIN_EMAIL: 'owner@example.com', MYSHOP_ADMIN_PASSWORD: 'Zq7!' }),
    ).toThrow(
      'The configuration has a problem:\n  - MYSHOP_ADMIN_PASSWORD is refused: Use at least 8 characters. Choose a stronger passphrase.',
    )
    // The email is one of the words a guesser tries first.
    expect(
      problems({ MYSHOP_ADMIN_EMAIL: 'quartermaster@example.com', MYSHOP_ADMIN_PASSWORD: 'quartermaster1' }),
    ).toEqual(['MYSHOP_ADMIN_PASSWORD'])
    expect(
      problems({ MYSHOP_ADMIN_EMAIL: 'owner@example.com', MYSHOP_ADMIN_PASSWORD: bootPassword }),
    ).toEqual([])
  })

  test('an administrator email without a password, or the reverse, is a configuration error, not ignored', () => {
    expect(() => loadUserConfig({ MYSHOP_ADMIN_EMAIL: 'admin@example.com' })).toThrow(
      'MYSHOP_ADMIN_PASSWORD is not set; set both MYSHOP_ADMIN_EMAIL and MYSHOP_ADMIN_PASSWORD',
    )
    expect(() => loadUserConfig({ MYSHOP_ADMIN_PASSWORD: bootPassword })).toThrow(
      'MYSHOP_ADMIN_EMAIL is not set; set both MYSHOP_ADMIN_EMAIL and MYSHOP_ADMIN_PASSWORD',
    )
  })

  test('a strong one boots and creates the administrator', async () => {
    const email = uniqueEmail('admin')
    expect(await boot(bootPassword, email)).toBe('booted')
    const admin = await h.login(email, bootPassword)
    expect((await h.call('GET', '/api/v1/users', undefined, h.bearer(admin.accessToken))).status).toBe(200)
  })
})
