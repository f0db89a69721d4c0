import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ReferenceAssetReader } from './index.ts'

/** The reference UI's files read from the installed package, for runtimes with a file system (Bun, Deno). */
export const packageReferenceAssets: ReferenceAssetReader = async (file) => {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  return new Uint8Array(await readFile(join(dir, file)))
}
