import { afterAll, beforeAll } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase, uniqueEmail } from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'
import { type AnyService, servicePorts } from '../src/services.ts'

/**
 * MyShop booted as `myshop start` boots it, on ports picked at boot, with the given first administrator (if any): on a fresh
 * database of the server named by DATABASE_URL (and REDIS_URL) when set, else on a fresh embedded PGlite. `services`
 * replaces the registry's list (a test adds a service of its own).
 */
export const startTestPlatform = async (
  admin?: { email: string; password: string },
  env: Record<string, string> = {},
  services?: AnyService[],
): Promise<RunningPlatform> => {
  const dataDir = env.MYSHOP_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'myshop-e2e-'))
  const all: Record<string, string> = {
    GATEWAY_PORT: '0',
    ...servicePorts(),
    MYSHOP_DATA_DIR: dataDir,
    ...(admin && { MYSHOP_ADMIN_EMAIL: admin.email, MYSHOP_ADMIN_PASSWORD: admin.password }),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_AUTH_PER_IP: '1000',
    ...env,
  }
  // Every service (and the gateway, for its Redis namespace) reads DATABASE_URL: the suite's shared test database
  // unless the caller gives one of its own.
  if (process.env.DATABASE_URL) all.DATABASE_URL = env.DATABASE_URL ?? (await testDatabase()).url
  else await freshPgliteDir(join(dataDir, 'pg'))
  if (process.env.REDIS_URL) all.REDIS_URL = process.env.REDIS_URL
  return services ? startPlatform(all, services) : startPlatform(all)
}

/**
 * Boots MyShop before a test file's tests with a first administrator of a fresh email (and `env` added to its
 * environment), and stops it after them; the platform is read from the returned object once the tests run.
 */
export const bootForFile = (password: string, env: Record<string, string> = {}) => {
  const booted = {
    admin: { email: uniqueEmail('admin'), password },
    platform: undefined as unknown as RunningPlatform,
  }
  beforeAll(async () => {
    booted.platform = await startTestPlatform(booted.admin, env)
  }, 120_000)
  afterAll(async () => {
    await booted.platform?.stop()
  })
  return booted
}
