import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase } from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'

/**
 * MyShop booted as `myshop start` boots it, on free ports and fresh data: a new PGlite directory, or with
 * DATABASE_URL / REDIS_URL (distributed mode) a fresh database and the given Redis.
 */
export const startTestPlatform = async (extraEnv: Record<string, string> = {}): Promise<RunningPlatform> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-e2e-'))
  const env: Record<string, string> = {
    GATEWAY_PORT: '0',
    USER_PORT: '0',
    PRODUCT_PORT: '0',
    MYSHOP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...extraEnv,
  }
  if (process.env.DATABASE_URL) {
    env.USER_DATABASE_URL = (await testDatabase()).url
    env.PRODUCT_DATABASE_URL = env.USER_DATABASE_URL
  } else await freshPgliteDir(join(dataDir, 'pg'))
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL
  return startPlatform(env)
}
