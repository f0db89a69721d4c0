import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, tempHome } from './run-cli.ts'

let fake: FakeMyShop
let home: string
beforeAll(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
  expect((await cli(['login', '--email', adminEmail, '--password', adminPassword])).code).toBe(0)
})
afterAll(() => Promise.all([fake.stop(), removeHome(home)]))

const cli = (args: string[], own = home) => runCli([...args, '--url', fake.url], { home: own })
const intact = { service: 'inventory', ok: true, entries: 12 }
const broken = {
  service: 'inventory',
  ok: false,
  entries: 56,
  firstBroken: { seq: 57, reason: 'its hash does not match its contents: the entry was changed' },
}

describe('myshop audit verify', () => {
  test('reports every audit trail that holds and exits 0', async () => {
    fake.audits.set('inventory', intact)
    const result = await cli(['audit', 'verify'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^inventory\s+ok\s+12 entries hold$/),
      expect.stringMatching(/^order\s+ok\s+12 entries hold$/),
    ])
    const json = await cli(['audit', 'verify', '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      services: [intact, { service: 'order', ok: true, entries: 12 }],
    })
  })

  test('names the first broken link and exits 1', async () => {
    fake.audits.set('inventory', broken)
    try {
      const result = await cli(['audit', 'verify', '--service', 'inventory'])
      expect(result.code).toBe(1)
      expect(result.stdout.trim()).toMatch(
        /^inventory\s+broken\s+at entry 57: its hash does not match its contents: the entry was changed \(56 entries before it hold\)$/,
      )
      const json = await cli(['audit', 'verify', '--service', 'inventory', '--json'])
      expect(json.code).toBe(1)
      expect(JSON.parse(json.stdout)).toEqual({ ok: false, services: [broken] })
    } finally {
      fake.audits.set('inventory', intact)
    }
  })

  test('refuses a service that keeps no audit trail without asking the shop (exit 2)', async () => {
    const before = fake.requests.length
    const result = await cli(['audit', 'verify', '--service', 'gateway'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no audit trail for "gateway": --service takes inventory, order')
    expect(fake.requests.length).toBe(before)
  })

  test('needs a signed-in administrator', async () => {
    const stranger = await tempHome()
    try {
      const anonymous = await cli(['audit', 'verify'], stranger)
      expect(anonymous.code).toBe(1)
      expect(anonymous.stderr).toContain('not signed in')
      fake.addUser({ email: 'cora@example.com', name: 'Cora' })
      expect(
        (await cli(['login', '--email', 'cora@example.com', '--password', 'password1'], stranger)).code,
      ).toBe(0)
      const customer = await cli(['audit', 'verify'], stranger)
      expect(customer.code).toBe(1)
      expect(customer.stderr).toContain('Forbidden')
    } finally {
      await removeHome(stranger)
    }
  })
})
