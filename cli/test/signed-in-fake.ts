import { afterAll, beforeAll, beforeEach, expect } from 'bun:test'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { removeHome, runCli, tempHome } from './run-cli.ts'

// One fake and one home signed in as its administrator for a test file (each CLI run is a process start), the
// catalog and stock emptied before each test. Tests about other sessions use a home of their own.

/** The fake of the running test file, once `setUpSignedInFake` has started it. */
export let fake: FakeMyShop
/** The home whose credentials are the administrator's session on `fake`. */
export let home: string

/** Starts the fake and signs in before the file's tests, and stops it after them. */
export const setUpSignedInFake = () => {
  beforeAll(async () => {
    fake = startFakeMyShop()
    home = await tempHome()
    await signIn()
  })
  beforeEach(() => fake.resetCatalog())
  afterAll(async () => {
    await fake.stop()
    await removeHome(home)
  })
}

/** Runs the CLI against `target`, with the credentials in `at`. */
export const cli = (args: string[], target: FakeMyShop = fake, at = home) =>
  runCli([...args, '--url', target.url], { home: at })

export async function signIn(
  email = adminEmail,
  password = adminPassword,
  target: FakeMyShop = fake,
  at = home,
) {
  expect((await cli(['login', '--email', email, '--password', password], target, at)).code).toBe(0)
}

/** A separate home (credentials) for tests that need another session, or none. */
export const withHome = async (use: (at: string) => Promise<void>) => {
  const at = await tempHome()
  try {
    await use(at)
  } finally {
    await removeHome(at)
  }
}

/** Writes a file into the home, for a command to read. */
export const file = async (name: string, text: string) => {
  const path = join(home, name)
  await writeFile(path, text)
  return path
}
