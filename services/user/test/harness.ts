import { connect, migrate } from '@myshop/db'
import { proxyTrust } from '@myshop/http'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testRedis, uniqueEmail } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import { loadUserConfig } from '../src/config.ts'
import { migrationsDir } from '../src/index.ts'
import type { Mail, MailSink } from '../src/unlock/mail.ts'
import { createUserDeps } from '../src/wiring.ts'

export const strongPassword = 'violet-Harbor-93-lantern'

/** The address the harness's requests come from: a gateway the service trusts. */
export const gatewayAddress = '192.0.2.254'

export interface HarnessOptions {
  env?: Record<string, string>
  /** Use Redis for sessions and login counters when REDIS_URL is set (default true). */
  redis?: boolean
  /** Run on one database connection, as embedded mode does for the whole platform (default: the shared pool). */
  oneConnection?: boolean
}

/** A user service app on the test database, with a controllable clock. */
export const userHarness = async ({
  env = {},
  redis: useRedis = true,
  oneConnection = false,
}: HarnessOptions = {}) => {
  const shared = await testDatabase()
  // The embedded test database is one connection already; on a server, a pool of one to the same database.
  const own = oneConnection && shared.kind === 'postgres' ? connect(shared.url, { max: 1 }) : null
  const sql = own ?? shared.sql
  await migrate(sql, 'users', migrationsDir)
  const config = loadUserConfig({ LOG_LEVEL: 'silent', ...env })
  const clock = { offsetMs: 0 }
  const now = () => Date.now() + clock.offsetMs
  const redis = useRedis ? testRedis() : null
  let eventsWritten = 0
  // Messages to owners are kept here for tests to read, instead of a file under the data directory.
  const mailbox: Mail[] = []
  const mail: MailSink = { location: 'memory', send: async (m) => void mailbox.push(m) }
  const deps = createUserDeps({
    config,
    sql,
    redis: redis ?? undefined,
    logger: silentLogger(),
    now,
    eventsWritten: () => eventsWritten++,
    mail,
    hashing: { memoryCost: 4096, timeCost: 1 },
  })
  await deps.keys.ensure()
  // Requests reach the app as from a gateway across the network, whose forwarding headers it believes: tests
  // choose the client's address with `x-forwarded-for` / `x-real-ip`.
  const app = createApp(deps, {
    trustedProxies: proxyTrust([gatewayAddress]),
    peers: { requestIP: () => ({ address: gatewayAddress }) },
  })

  const call = appCaller(app)
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  const register = async (overrides: { email?: string; name?: string; password?: string } = {}) => {
    const email = overrides.email ?? uniqueEmail()
    const password = overrides.password ?? strongPassword
    const res = await call('POST', '/api/v1/auth/register', {
      email,
      password,
      name: overrides.name ?? 'Test User',
    })
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`)
    return { user: res.body as { id: string; email: string; roles: string[] }, email, password }
  }

  const login = async (email: string, password = strongPassword, headers: Record<string, string> = {}) => {
    const res = await call('POST', '/api/v1/auth/login', { email, password }, headers)
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body as { accessToken: string; refreshToken: string; deviceToken: string }
  }

  /** Fails `count` sign-ins to `email`, each from its own address in `10.<net>.0.0/16`. */
  const sprayFailures = async (email: string, count: number, net: number) => {
    for (let i = 0; i < count; i++) {
      await call(
        'POST',
        '/api/v1/auth/login',
        { email, password: `spray-${i}-abcdef` },
        { 'x-forwarded-for': `10.${net}.${i >> 8}.${i & 255}` },
      )
    }
  }

  /** Registers a user with the given roles (set directly in the database) and signs them in. */
  const userWithRoles = async (roles: string[]) => {
    const { user, email } = await register()
    await sql`update users.accounts set roles = ${roles} where id = ${user.id}`
    return { user: { ...user, roles }, email, tokens: await login(email) }
  }

  return {
    app,
    deps,
    sql,
    config,
    clock,
    call,
    bearer,
    register,
    login,
    userWithRoles,
    sprayFailures,
    eventsWritten: () => eventsWritten,
    mailbox,
    close: async () => {
      await redis?.quit()
      await own?.end({ timeout: 5 })
    },
  }
}

export type UserHarness = Awaited<ReturnType<typeof userHarness>>
