// `myshop` as the install links it (node_modules/.bin/myshop, which `npx myshop` runs): a Node launcher that finds
// Bun and hands over, adding nothing to stdout and keeping the CLI's exit code and its Ctrl-C.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, readFile, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, runInTerminal, tempHome } from './run-cli.ts'

const root = join(import.meta.dir, '../..')
const linked = join(root, 'node_modules', '.bin', 'myshop')

let fake: FakeMyShop
let home: string

beforeAll(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
})

afterAll(async () => {
  await fake.stop()
  await removeHome(home)
})

const run = (program: string[], args: string[], cwd: string, env: Record<string, string> = {}) =>
  runCli(args, { home, program, cwd, env: { MYSHOP_URL: fake.url, ...env } })

describe('the myshop command', () => {
  test('npx myshop … --json in the checkout prints nothing but the JSON document, with Bun off the PATH', async () => {
    // A machine with Node.js and npm only: Bun is where the quick start put it (here, named by BUN_INSTALL_BIN).
    const nodeOnly = await mkdtemp(join(tmpdir(), 'myshop-path-'))
    for (const tool of ['node', 'npm', 'npx', 'sh']) await symlink(Bun.which(tool)!, join(nodeOnly, tool))
    const env = { PATH: nodeOnly, BUN_INSTALL_BIN: process.execPath }
    const login = await run(
      ['npx', 'myshop'],
      ['login', '--email', adminEmail, '--password', adminPassword, '--json'],
      root,
      env,
    )
    expect(login.code).toBe(0)
    expect(JSON.parse(login.stdout)).toMatchObject({ email: adminEmail, url: fake.url })
    const users = await run(['npx', 'myshop'], ['users', 'list', '--json'], root, env)
    expect(users.code).toBe(0)
    expect(JSON.parse(users.stdout).items.map((u: { email: string }) => u.email)).toEqual([adminEmail])
    await removeHome(nodeOnly)
  }, 60_000)

  test("keeps the CLI's exit code, and reads paths from the operator's folder", async () => {
    fake.setHealth({ status: 'degraded', services: { user: { status: 'down', latencyMs: 2001 } } }, 503)
    const health = await run([linked], ['health', '--json'], root)
    expect(health.code).toBe(1)
    expect(JSON.parse(health.stdout).status).toBe('degraded')
    const folder = await mkdtemp(join(tmpdir(), 'myshop-cwd-'))
    const exported = await run([linked], ['catalog', 'export', '--output', 'catalog.jsonl'], folder)
    expect(exported.code).toBe(0)
    expect(await readFile(join(folder, 'catalog.jsonl'), 'utf8')).toBe('')
    await removeHome(folder)
  }, 60_000)

  test('Ctrl-C reaches the CLI, which reports and exits 130 through the launcher', async () => {
    fake.hold('/api/v1/catalog/import', 0)
    const t = runInTerminal(['seed', '--products', '50', '--yes', '--url', fake.url], {
      home,
      program: [linked],
    })
    while (fake.count('/api/v1/catalog/import') < 1) await Bun.sleep(20)
    t.type('\x03')
    expect(await t.exited).toBe(130)
    expect(t.screen()).toMatch(
      /interrupted after 0 of [\d,]+ rows \(0 created, 0 updated, 0 failed\): a batch in flight may be written/,
    )
  }, 60_000)
})
