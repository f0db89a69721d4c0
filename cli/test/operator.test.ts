// What an operator meets outside the happy path: lockouts, the shop's URL spelled another way, commands that
// would ask a question when nobody is there to answer.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, tempHome } from './run-cli.ts'

// A shop and a home of its own for every test: a locked sign-in or a stored session must not leak into the next.
let fake: FakeMyShop
let home: string
beforeEach(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
})
afterEach(() => Promise.all([fake.stop(), removeHome(home)]))

const cli = (args: string[], url = fake.url) => runCli([...args, '--url', url], { home })
const signIn = async (url = fake.url) =>
  expect((await cli(['login', '--email', adminEmail, '--password', adminPassword], url)).code).toBe(0)
const localhost = () => fake.url.replace('127.0.0.1', 'localhost')

describe('a locked sign-in', () => {
  test('says when to try again', async () => {
    fake.lockLogins(900)
    const before = Date.now()
    const result = await cli(['login', '--email', adminEmail, '--password', adminPassword])
    expect(result.code).toBe(1)
    const [head, retry] = result.stderr.trimEnd().split('\n')
    expect(head).toMatch(
      /^error: Too many attempts: Too many failed sign-ins; try again later \(too_many_attempts/,
    )
    const [, at, wait] = /^ {2}try again after (\S+) \(in (.+)\)$/.exec(retry ?? '') ?? []
    expect(wait).toBe('15 min')
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000)
    const json = await cli(['login', '--email', adminEmail, '--password', adminPassword, '--json'])
    expect(JSON.parse(json.stderr)).toMatchObject({ status: 429, retryAt: expect.any(String) })
  })
})

describe('localhost and 127.0.0.1', () => {
  test('are the same shop: a session stored under one is used under the other', async () => {
    await signIn(localhost())
    const whoami = await cli(['whoami', '--json'])
    expect(whoami.code).toBe(0)
    expect(JSON.parse(whoami.stdout).email).toBe(adminEmail)
  })

  test('share the device token the shop gave this machine', async () => {
    await signIn(localhost())
    await signIn()
    // One entry: signing in under the other spelling found the token instead of starting a second device.
    const devices = JSON.parse(await readFile(join(home, 'devices.json'), 'utf8')) as Record<string, string>
    expect(Object.keys(devices)).toEqual([`${fake.url} ${adminEmail}`])
  })

  test('a different host is still a different shop', async () => {
    await signIn()
    const result = await cli(['whoami'], fake.url.replace('127.0.0.1', '127.0.0.2'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`signed in to ${fake.url}, not`)
  })
})

describe('without a terminal', () => {
  test('users create needs --name, and creates nothing without it', async () => {
    await signIn()
    const result = await runCli(['users', 'create', '--email', 'n@example.com', '--url', fake.url], {
      home,
      stdin: 'password1\n',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('error: --name is required when stdin is not a terminal\n')
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/users')).toBe(false)
  })

  test('granting admin is refused without --yes; --yes grants it; other roles are not asked about', async () => {
    const user = fake.addUser({ email: 'ops@example.com', name: 'Ops' })
    await signIn()
    const refused = await cli(['users', 'grant', 'ops@example.com', 'admin'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`Make ops@example.com an administrator of ${fake.url}?`)
    expect(fake.requests.some((r) => r.method === 'PUT')).toBe(false)
    expect((await cli(['users', 'grant', 'ops@example.com', 'support'])).code).toBe(0)
    expect((await cli(['users', 'grant', 'ops@example.com', 'admin', '--yes'])).code).toBe(0)
    expect(fake.users.get(user.id)?.roles).toEqual(['customer', 'support', 'admin'])
  })
})
