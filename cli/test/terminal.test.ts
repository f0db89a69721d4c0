// The CLI on a pseudo-terminal, as an operator uses it: prompts answered by typing, Ctrl-C pressed mid-command,
// tables on a narrow screen.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, runInTerminal, type Terminal, tempHome } from './run-cli.ts'

let fake: FakeMyShop
let home: string

beforeAll(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
  const login = await runCli(
    ['login', '--email', adminEmail, '--password', adminPassword, '--url', fake.url],
    {
      home,
    },
  )
  expect(login.code).toBe(0)
})

beforeEach(() => fake.resetCatalog())

afterAll(async () => {
  await fake.stop()
  await removeHome(home)
})

const terminal = (args: string[], columns?: number) =>
  runInTerminal([...args, '--url', fake.url], { home, ...(columns && { columns }) })

/** Waits (without a clock) until the fake has seen `n` requests to `path`. */
const requested = async (path: string, n: number) => {
  while (fake.count(path) < n) await Bun.sleep(20)
}

/** Answers the two hidden password prompts of `users create`. */
const typePasswords = async (t: Terminal, first: string, again: string) => {
  await t.waitFor('Password:')
  t.type(`${first}\r`)
  await t.waitFor('Password again:')
  t.type(`${again}\r`)
}

describe('prompts', () => {
  test('users create asks for a missing name and for the password twice, never showing it', async () => {
    const t = terminal(['users', 'create', '--email', 'grace@example.com'])
    await t.waitFor('Name:')
    t.type('Grace Hopper\r')
    await typePasswords(t, 'violet-Harbor-93', 'violet-Harbor-93')
    expect(await t.exited).toBe(0)
    expect(t.screen()).toContain('Created user grace@example.com')
    expect(t.screen()).not.toContain('violet-Harbor-93')
    const user = [...fake.users.values()].find((u) => u.email === 'grace@example.com')
    expect(user).toMatchObject({ name: 'Grace Hopper', password: 'violet-Harbor-93', roles: ['customer'] })
  })

  test('users create with two different passwords creates nothing and exits 2', async () => {
    const t = terminal(['users', 'create', '--email', 'typo@example.com', '--name', 'Typo'])
    await typePasswords(t, 'violet-Harbor-93', 'violet-Harbor-39')
    expect(await t.exited).toBe(2)
    expect(t.screen()).toContain('the two passwords differ; nothing was changed')
    expect([...fake.users.values()].some((u) => u.email === 'typo@example.com')).toBe(false)
  })

  test('seed asks first, and a no sends nothing', async () => {
    const t = terminal(['seed', '--products', '20'])
    await t.waitFor(`Add 20 generated products to the catalog of ${fake.url}?`)
    t.type('n')
    expect(await t.exited).toBe(1)
    expect(t.screen()).toContain('cancelled; nothing was changed')
    expect(fake.count('/api/v1/catalog/import')).toBe(0)
  })

  test('granting admin asks first; a yes grants it', async () => {
    const user = fake.addUser({ email: 'ops@example.com', name: 'Ops' })
    const t = terminal(['users', 'grant', 'ops@example.com', 'admin'])
    await t.waitFor(`Make ops@example.com an administrator of ${fake.url}?`)
    t.type('y')
    expect(await t.exited).toBe(0)
    expect(fake.users.get(user.id)?.roles).toEqual(['customer', 'admin'])
  })
})

describe('Ctrl-C', () => {
  test('during seed says how many rows were written and exits 130', async () => {
    // The first batch is answered, the next ones never are: Ctrl-C lands mid-import.
    fake.hold('/api/v1/catalog/import', 1)
    const t = terminal(['seed', '--products', '300', '--batch-size', '100', '--yes'])
    await requested('/api/v1/catalog/import', 2)
    t.type('\x03')
    expect(await t.exited).toBe(130)
    const done = fake.imports[0]?.rows.length ?? 0
    expect(done).toBeGreaterThan(0)
    expect(t.screen()).toMatch(
      new RegExp(
        `interrupted after ${done} of [\\d,]+ rows \\(${done} created, 0 updated, 0 failed\\): those are written`,
      ),
    )
  })

  test('during export leaves the existing file as it was and exits 130', async () => {
    const seeded = await runCli(['seed', '--products', '1200', '--yes', '--url', fake.url], { home })
    expect(seeded.code).toBe(0)
    const folder = join(home, 'exports')
    await Bun.write(join(folder, 'catalog.csv'), 'the previous export\n')
    fake.hold('/api/v1/catalog/export', 1)
    const t = terminal(['catalog', 'export', '--output', join(folder, 'catalog.csv'), '--yes'])
    await requested('/api/v1/catalog/export', 2)
    t.type('\x03')
    expect(await t.exited).toBe(130)
    expect(t.screen()).toMatch(
      /interrupted after \d+ rows \(1000 products\); .*catalog\.csv was left as it was/,
    )
    expect(await readFile(join(folder, 'catalog.csv'), 'utf8')).toBe('the previous export\n')
    expect(await readdir(folder)).toEqual(['catalog.csv'])
  })
})

describe('tables', () => {
  test('are cut to the terminal width with an ellipsis', async () => {
    fake.addUser({
      email: 'a-very-long-address-for-a-narrow-terminal@example.com',
      name: 'Someone With A Name Too Long For Its Column',
      password: 'password1',
      roles: ['customer', 'support', 'analyst'],
    })
    const t = terminal(['users', 'list'], 60)
    expect(await t.exited).toBe(0)
    // The spinner shown while loading is drawn with escape sequences; the table is what remains.
    const text = stripVTControlCharacters(t.screen())
    const lines = text.split(/\r?\n/).filter((l) => l.includes('usr_') || l.includes('EMAIL'))
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(text).toContain('…')
    expect(text).toContain('usr_')
  })
})

test('an export file confirmed on the terminal is replaced only when the export is complete', async () => {
  const path = join(home, 'replace.jsonl')
  await writeFile(path, 'old\n')
  const t = terminal(['catalog', 'export', '--output', path])
  await t.waitFor(`${path} exists. Overwrite it?`)
  t.type('y')
  expect(await t.exited).toBe(0)
  expect(await readFile(path, 'utf8')).toBe('')
})
