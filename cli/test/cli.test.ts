import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Credentials } from '../src/credentials.ts'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, tempHome } from './run-cli.ts'

let fake: FakeMyShop
let home: string

beforeEach(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
})

afterEach(async () => {
  await fake.stop()
  await removeHome(home)
})

const cli = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) =>
  runCli([...args, '--url', fake.url], { home, ...options })

const signIn = async (email = adminEmail, password = adminPassword) => {
  const result = await cli(['login', '--email', email, '--password', password])
  expect(result.code).toBe(0)
}

const credentialsPath = () => join(home, 'credentials.json')
const readCredentials = async (): Promise<Credentials> =>
  JSON.parse(await readFile(credentialsPath(), 'utf8')) as Credentials
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** A port nothing listens on: one the OS just handed out and that was released again. */
const closedPortUrl = async () => {
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const url = `http://127.0.0.1:${server.port}`
  await server.stop(true)
  return url
}

const seedUsers = (n: number) => {
  for (let i = 1; i <= n; i++) {
    fake.addUser({
      email: `shopper${i}@example.com`,
      name: `Shopper ${i}`,
      password: 'password1',
      roles: ['customer'],
    })
  }
}

describe('login', () => {
  test('signs in, says so, and stores the session readable by the owner only', async () => {
    const result = await cli(['login', '--email', adminEmail, '--password', adminPassword])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout.trim()).toBe(`Signed in as ${adminEmail}`)
    const stored = await readCredentials()
    expect(stored).toMatchObject({ email: adminEmail, url: fake.url })
    expect(stored.accessToken).toStartWith('at_')
    expect(stored.refreshToken).toStartWith('rt_')
    expect(Date.parse(stored.expiresAt)).toBeGreaterThan(Date.now())
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600)
  })

  test('rejects a wrong password with the problem title, detail, code and request id', async () => {
    const result = await cli(['login', '--email', adminEmail, '--password', 'nope'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^error: Invalid credentials: email or password is wrong \(invalid_credentials, request id req_\d+\)\n$/,
    )
    expect(await exists(credentialsPath())).toBe(false)
  })

  test('reads the password from the first line of piped stdin when --password is omitted', async () => {
    const result = await cli(['login', '--email', adminEmail], { stdin: `${adminPassword}\nignored\n` })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Signed in as ${adminEmail}`)
  })

  test('exits 3 with a hint when MyShop is unreachable', async () => {
    const url = await closedPortUrl()
    const result = await runCli(['login', '--email', adminEmail, '--password', 'x', '--url', url], { home })
    expect(result.code).toBe(3)
    expect(result.stderr.trim()).toBe(
      `error: cannot reach MyShop at ${url}: is it running? (\`myshop start\`)`,
    )
  })

  test('uses MYSHOP_URL when --url is not given', async () => {
    const result = await runCli(['login', '--email', adminEmail, '--password', adminPassword], {
      home,
      env: { MYSHOP_URL: `${fake.url}/` },
    })
    expect(result.code).toBe(0)
    expect((await readCredentials()).url).toBe(fake.url)
  })

  test('--json prints one document without the tokens', async () => {
    const result = await cli(['login', '--email', adminEmail, '--password', adminPassword, '--json'])
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout)
    expect(doc).toEqual({ email: adminEmail, url: fake.url, expiresAt: expect.any(String) })
    expect(result.stdout).not.toContain('rt_')
  })

  test('--json reports a failed login as a problem on stderr and nothing on stdout', async () => {
    const result = await cli(['login', '--email', adminEmail, '--password', 'nope', '--json'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(JSON.parse(result.stderr)).toMatchObject({ status: 401, code: 'invalid_credentials' })
  })

  test('a missing --email is a usage error (exit 2)', async () => {
    const result = await cli(['login', '--password', 'x'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("required option '--email <email>' not specified")
    expect(fake.requests).toHaveLength(0)
  })
})

describe('session', () => {
  test('without credentials, commands say to run myshop login', async () => {
    const result = await cli(['whoami'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('not signed in: run `myshop login')
    expect(fake.requests).toHaveLength(0)
  })

  test('whoami --json prints the user', async () => {
    await signIn()
    const result = await cli(['whoami', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      id: expect.stringMatching(/^usr_/),
      email: adminEmail,
      name: 'Ada Admin',
      roles: ['admin'],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
  })

  test('whoami prints the user as labelled lines', async () => {
    await signIn()
    const result = await cli(['whoami'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/email:\s+admin@myshop\.test/)
    expect(result.stdout).toMatch(/roles:\s+admin/)
  })

  test('an expired access token is refreshed once, the request retried and the new pair saved', async () => {
    await signIn()
    const before = await readCredentials()
    fake.expireAccessTokens()
    const result = await cli(['whoami', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).email).toBe(adminEmail)
    expect(fake.count('/api/v1/auth/refresh')).toBe(1)
    expect(fake.count('/api/v1/users/me')).toBe(2)
    const after = await readCredentials()
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect((await stat(credentialsPath())).mode & 0o777).toBe(0o600)
    // The rotated pair works on its own: no second refresh.
    expect((await cli(['whoami'])).code).toBe(0)
    expect(fake.count('/api/v1/auth/refresh')).toBe(1)
  })

  test('a refresh token the server no longer accepts asks for a new login', async () => {
    await signIn()
    const stored = await readCredentials()
    fake.expireAccessTokens()
    await writeFile(credentialsPath(), JSON.stringify({ ...stored, refreshToken: 'rt_revoked' }))
    const result = await cli(['whoami'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('session has expired: run `myshop login`')
    expect(fake.count('/api/v1/auth/refresh')).toBe(1)
  })

  test('never sends the stored token to a different URL', async () => {
    await signIn()
    const other = startFakeMyShop()
    try {
      const result = await runCli(['whoami', '--url', other.url], { home })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`signed in to ${fake.url}, not ${other.url}`)
      expect(other.requests).toHaveLength(0)
    } finally {
      await other.stop()
    }
  })

  test('logout revokes the session on the server and deletes the credentials', async () => {
    await signIn()
    const stored = await readCredentials()
    const result = await cli(['logout', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ signedOut: true, email: adminEmail })
    const logout = fake.requests.find((r) => r.path === '/api/v1/auth/logout')
    expect(logout?.authorization).toBe(`Bearer ${stored.accessToken}`)
    expect(await exists(credentialsPath())).toBe(false)
    const refresh = await fetch(`${fake.url}/api/v1/auth/refresh`, {
      method: 'POST',
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    })
    expect(refresh.status).toBe(401)
    expect((await cli(['whoami'])).stderr).toContain('run `myshop login')
  })

  test('logout when not signed in is a harmless no-op', async () => {
    const result = await cli(['logout'])
    expect(result).toMatchObject({ code: 0, stdout: 'Not signed in\n' })
  })
})

describe('users', () => {
  test('list shows a table with a row per user', async () => {
    seedUsers(2)
    await signIn()
    const result = await cli(['users', 'list'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+ROLES\s+CREATED$/)
    expect(lines).toHaveLength(4)
    for (const user of fake.users.values()) {
      const row = lines.find((l) => l.startsWith(user.id))
      expect(row).toContain(user.email)
      expect(row).toContain(user.name)
      expect(row).toContain(user.roles.join(','))
      expect(row).toContain(user.createdAt)
    }
  })

  test('list --json prints the page with its cursor', async () => {
    seedUsers(3)
    await signIn()
    const result = await cli(['users', 'list', '--limit', '2', '--json'])
    expect(result.code).toBe(0)
    const page = JSON.parse(result.stdout)
    expect(page.items).toHaveLength(2)
    expect(page.items[1]).toEqual({
      id: expect.stringMatching(/^usr_[0-9A-Z]{26}$/),
      email: 'shopper1@example.com',
      name: 'Shopper 1',
      roles: ['customer'],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    expect(page.nextCursor).toBe(page.items[1].id)
  })

  test('list without --all points at the next page on stderr', async () => {
    seedUsers(3)
    await signIn()
    const result = await cli(['users', 'list', '--limit', '2'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/more users: --cursor usr_[0-9A-Z]{26} \(or --all\)/)
  })

  test('list --all follows cursors to the last page', async () => {
    seedUsers(6)
    await signIn()
    const result = await cli(['users', 'list', '--limit', '2', '--all', '--json'])
    expect(result.code).toBe(0)
    const page = JSON.parse(result.stdout)
    expect(page.nextCursor).toBeNull()
    expect(page.items.map((u: { email: string }) => u.email).sort()).toEqual(
      [...fake.users.values()].map((u) => u.email).sort(),
    )
    expect(fake.count('/api/v1/users')).toBe(4)
    const cursors = fake.requests.filter((r) => r.path === '/api/v1/users').map((r) => r.search)
    expect(cursors[1]).toContain('cursor=usr_')
  })

  test('list --all --json gathers many pages into one document', async () => {
    seedUsers(500)
    await signIn()
    const result = await cli(['users', 'list', '--limit', '100', '--all', '--json'])
    expect(result.code).toBe(0)
    expect(result.stdout.length).toBeGreaterThan(65_536)
    expect(JSON.parse(result.stdout).items).toHaveLength(501)
  })

  test('list passes role and query filters to the API', async () => {
    seedUsers(3)
    await signIn()
    const byRole = await cli(['users', 'list', '--role', 'admin', '--json'])
    expect(JSON.parse(byRole.stdout).items.map((u: { email: string }) => u.email)).toEqual([adminEmail])
    const byQuery = await cli(['users', 'list', '--query', 'shopper2', '--json'])
    expect(JSON.parse(byQuery.stdout).items.map((u: { email: string }) => u.email)).toEqual([
      'shopper2@example.com',
    ])
  })

  test('list rejects a non-numeric --limit as a usage error', async () => {
    await signIn()
    const result = await cli(['users', 'list', '--limit', 'ten'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('expected a positive whole number')
  })

  test('a non-admin gets the 403 problem', async () => {
    fake.addUser({ email: 'shopper@example.com', name: 'S' })
    await signIn('shopper@example.com', 'password1')
    const result = await cli(['users', 'list'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: Forbidden: requires users:write \(forbidden, request id req_\d+\)/)
  })

  test('create answers 201 with the new user', async () => {
    await signIn()
    const result = await cli([
      'users',
      'create',
      '--email',
      'new@example.com',
      '--password',
      'password1',
      '--name',
      'New Person',
      '--role',
      'support',
      '--role',
      'analyst',
      '--json',
    ])
    expect(result.code).toBe(0)
    const user = JSON.parse(result.stdout)
    expect(user).toMatchObject({
      email: 'new@example.com',
      name: 'New Person',
      roles: ['support', 'analyst'],
    })
    expect(fake.users.get(user.id)?.password).toBe('password1')
    const created = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/users')
    expect(created).toBeDefined()
  })

  test('create defaults to the customer role and prints the user', async () => {
    await signIn()
    const result = await cli(['users', 'create', '--email', 'c@example.com', '--name', 'C'], {
      stdin: 'password1\n',
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Created user c@example.com')
    expect(result.stdout).toMatch(/roles:\s+customer/)
  })

  test('create reports a duplicate email as the 409 problem', async () => {
    await signIn()
    const args = ['users', 'create', '--email', 'dup@example.com', '--password', 'password1', '--name', 'D']
    expect((await cli(args)).code).toBe(0)
    const result = await cli(args)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^error: Email already registered: dup@example.com already has an account \(email_taken, request id req_\d+\)/,
    )
    const json = await cli([...args, '--json'])
    expect(JSON.parse(json.stderr)).toMatchObject({ status: 409, code: 'email_taken' })
  })

  test('create prints field errors of a 422', async () => {
    await signIn()
    const result = await cli([
      'users',
      'create',
      '--email',
      'x@example.com',
      '--password',
      'short',
      '--name',
      'X',
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Invalid request (validation_failed, request id req_')
    expect(result.stderr).toContain('  /password: must be at least 8 characters')
  })

  test('grant by email adds roles to the ones the user has', async () => {
    seedUsers(1)
    await signIn()
    const result = await cli(['users', 'grant', 'shopper1@example.com', 'support', 'customer', 'analyst'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe('Roles of shopper1@example.com: customer, support, analyst')
    const user = [...fake.users.values()].find((u) => u.email === 'shopper1@example.com')
    expect(user?.roles).toEqual(['customer', 'support', 'analyst'])
    const put = fake.requests.find((r) => r.method === 'PUT')
    expect(put?.path).toBe(`/api/v1/users/${user?.id}/roles`)
  })

  test('grant --revoke by id removes roles and --json prints the user', async () => {
    const user = fake.addUser({
      email: 'staff@example.com',
      name: 'Staff',
      password: 'password1',
      roles: ['customer', 'support', 'analyst'],
    })
    await signIn()
    const result = await cli(['users', 'grant', user.id, 'support', 'analyst', '--revoke', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ id: user.id, roles: ['customer'] })
    expect(fake.users.get(user.id)?.roles).toEqual(['customer'])
  })

  test('unlock by email clears the lockout and says so', async () => {
    seedUsers(2)
    await signIn()
    const result = await cli(['users', 'unlock', 'shopper2@example.com'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(
      'Sign-ins of shopper2@example.com are open again (3 failure counters cleared)',
    )
    const user = [...fake.users.values()].find((u) => u.email === 'shopper2@example.com')
    expect(fake.unlocks).toEqual([user?.id ?? ''])
  })

  test('unlock --code --json prints the one-time code to hand over', async () => {
    const user = fake.addUser({ email: 'owner@example.com', name: 'Owner' })
    await signIn()
    const result = await cli(['users', 'unlock', user.id, '--code', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      userId: user.id,
      email: 'owner@example.com',
      cleared: 3,
      unlockCode: 'K7QX-2M9D-TR4B-W8NZ',
      expiresAt: '2026-01-01T01:00:00.000Z',
    })
  })

  test('unlock of an unknown email fails and unlocks nobody; a non-admin gets the 403 problem', async () => {
    seedUsers(1)
    await signIn()
    const unknown = await cli(['users', 'unlock', 'nobody@example.com'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no user with email nobody@example.com')
    await signIn('shopper1@example.com', 'password1')
    const forbidden = await cli(['users', 'unlock', 'shopper1@example.com'])
    expect(forbidden.code).toBe(1)
    expect(forbidden.stderr).toMatch(/^error: Forbidden: requires users:write/)
    expect(fake.unlocks).toEqual([])
  })

  test('grant finds a user by id through the id-ordered list, not by a neighbour', async () => {
    seedUsers(40)
    const target = [...fake.users.values()][32]!
    await signIn()
    const result = await cli(['users', 'grant', target.id, 'analyst', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ id: target.id, roles: ['customer', 'analyst'] })
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      `/api/v1/users/${target.id}/roles`,
    ])
  })

  test('grant to an unknown id says so and changes nothing', async () => {
    seedUsers(2)
    await signIn()
    const result = await cli(['users', 'grant', 'usr_ZZZZZZZZZZZZZZZZZZZZZZZZZZ', 'support'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('no user with id usr_ZZZZZZZZZZZZZZZZZZZZZZZZZZ')
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false)
  })

  test('grant rejects an unknown role before any request', async () => {
    await signIn()
    const before = fake.requests.length
    const result = await cli(['users', 'grant', adminEmail, 'support', 'superuser'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unknown role superuser (valid: customer, admin,')
    expect(fake.requests).toHaveLength(before)
  })

  test('grant to an unknown email says so', async () => {
    await signIn()
    const result = await cli(['users', 'grant', 'ghost@example.com', 'support'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('no user with email ghost@example.com')
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false)
  })
})

describe('health', () => {
  test('all ok exits 0 and lists each service', async () => {
    const result = await cli(['health'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/gateway\s+ok/)
    expect(result.stdout).toMatch(/user\s+ok\s+3ms/)
  })

  test('degraded exits 1 and --json prints the report', async () => {
    fake.setHealth({ status: 'degraded', services: { user: { status: 'down', latencyMs: 2000 } } }, 503)
    const result = await cli(['health', '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'degraded',
      services: { user: { status: 'down', latencyMs: 2000 } },
    })
    const human = await cli(['health'])
    expect(human.code).toBe(1)
    expect(human.stdout).toMatch(/gateway\s+degraded/)
    expect(human.stdout).toMatch(/user\s+down/)
  })

  test('exits 3 when the gateway is unreachable', async () => {
    const url = await closedPortUrl()
    const result = await runCli(['health', '--json', '--url', url], { home })
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('')
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'unreachable' })
  })

  test('--watch keeps checking until interrupted, then exits with the last status', async () => {
    const child = Bun.spawn(
      [process.execPath, join(import.meta.dir, '../src/index.ts'), 'health', '--watch', '--url', fake.url],
      {
        env: { ...process.env, MYSHOP_HOME: home, NO_COLOR: '1' },
        stdout: 'pipe',
        stderr: 'pipe',
      },
    )
    const reader = child.stdout.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toMatch(/gateway=ok user=ok/)
    child.kill('SIGINT')
    expect(await child.exited).toBe(0)
  })
})

describe('usage', () => {
  test('an unknown command exits 2', async () => {
    const result = await cli(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown command 'frobnicate'")
  })

  test('usage errors under --json are a problem document on stderr', async () => {
    const result = await cli(['users', 'list', '--limit', '0', '--json'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(JSON.parse(result.stderr)).toMatchObject({ code: 'usage_error' })
  })

  test('--help exits 0 and lists the commands', async () => {
    const result = await runCli(['--help'], { home })
    expect(result.code).toBe(0)
    for (const name of ['login', 'logout', 'whoami', 'users', 'health']) expect(result.stdout).toContain(name)
  })
})
