import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase } from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'

/**
 * MyShop booted as `myshop start` boots it, on ports picked at boot, with the given first administrator (if any): on a fresh
 * database of the server named by DATABASE_URL (and REDIS_URL) when set, else on a fresh embedded PGlite.
 */
export const startTestPlatform = async (
  admin?: { email: string; password: string },
  env: Record<string, string> = {},
): Promise<RunningPlatform> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-e2e-'))
  const all: Record<string, string> = {
    GATEWAY_PORT: '0',
    USER_PORT: '0',
    PRODUCT_PORT: '0',
    MYSHOP_DATA_DIR: dataDir,
    ...(admin && { MYSHOP_ADMIN_EMAIL: admin.email, MYSHOP_ADMIN_PASSWORD: admin.password }),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_AUTH_PER_IP: '1000',
    ...env,
  }
  if (process.env.DATABASE_URL) {
    all.USER_DATABASE_URL = (await testDatabase()).url
    all.PRODUCT_DATABASE_URL = all.USER_DATABASE_URL
  } else await freshPgliteDir(join(dataDir, 'pg'))
  if (process.env.REDIS_URL) all.REDIS_URL = process.env.REDIS_URL
  return startPlatform(all)
}
