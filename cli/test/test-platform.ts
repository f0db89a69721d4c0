import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase } from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'

/**
 * Boots MyShop as `myshop start` does (gateway and services on ports picked at boot) on storage of its own: a
 * fresh database on DATABASE_URL's server, else a fresh embedded PGlite; REDIS_URL when it is set.
 */
export const startTestPlatform = async (env: Record<string, string> = {}): Promise<RunningPlatform> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'myshop-e2e-'))
  const all: Record<string, string> = {
    GATEWAY_PORT: '0',
    USER_PORT: '0',
    PRODUCT_PORT: '0',
    MYSHOP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  }
  if (process.env.DATABASE_URL) {
    all.USER_DATABASE_URL = (await testDatabase()).url
    all.PRODUCT_DATABASE_URL = all.USER_DATABASE_URL
  } else await freshPgliteDir(join(dataDir, 'pg'))
  if (process.env.REDIS_URL) all.REDIS_URL = process.env.REDIS_URL
  return startPlatform(all)
}
