import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshPgliteDir, testDatabase } from '@myshop/testing'
import { type RunningPlatform, startPlatform } from '../src/platform.ts'

/**
 * MyShop booted as `myshop start` boots it, on free ports and a fresh database: with DATABASE_URL / REDIS_URL
 * in distributed mode on this test process's database, otherwise embedded on a fresh PGlite. `env` adds to or
 * overrides the defaults (the administrator, limits).
 */
export const startTestPlatform = async (
  label: string,
  env: Record<string, string>,
): Promise<RunningPlatform> => {
  const dataDir = mkdtempSync(join(tmpdir(), `myshop-${label}-`))
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
