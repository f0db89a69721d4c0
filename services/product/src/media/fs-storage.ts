import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { contentTypeByExtension, extensionOf, isValidKey, joinUrl, type MediaStorage } from './storage.ts'

export interface FileStorageOptions {
  /** Directory the objects are written under. */
  dir: string
  /** Where `mediaFileRoutes` (or a CDN in front of it) serves `dir`, e.g. `http://localhost:3002/media`. */
  publicBaseUrl: string
}

/** The filesystem store, plus what the file route needs to serve it. */
export interface FileStorage extends MediaStorage {
  readonly kind: 'file'
  /** The absolute path of a key's file, or null when the key is not one this store could hold. */
  pathOf(key: string): string | null
  /** The content type a key is served with (the filesystem keeps no metadata, so it follows the extension). */
  contentTypeOf(key: string): string
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code === 'ENOENT'

/** Media storage on the local filesystem, for the embedded single-binary setup and tests. */
export const fileStorage = ({ dir, publicBaseUrl }: FileStorageOptions): FileStorage => {
  const root = resolve(dir)
  const pathOf = (key: string): string | null => {
    if (!isValidKey(key)) return null
    const path = resolve(root, key)
    // Belt and braces: the key pattern already excludes `..`, this holds even if it is ever loosened.
    return path.startsWith(root + sep) ? path : null
  }
  const mustPath = (key: string): string => {
    const path = pathOf(key)
    if (!path) throw new Error(`invalid storage key: ${JSON.stringify(key)}`)
    return path
  }
  const contentTypeOf = (key: string) =>
    contentTypeByExtension[extensionOf(key)] ?? 'application/octet-stream'

  return {
    kind: 'file',
    pathOf,
    contentTypeOf,
    async put(key, body, contentType) {
      const path = mustPath(key)
      if (contentTypeOf(key) !== contentType)
        throw new Error(`the key ${key} would be served as ${contentTypeOf(key)}, not ${contentType}`)
      await mkdir(dirname(path), { recursive: true })
      // Write then rename, so a reader never sees half a file.
      const temp = join(dirname(path), `.${randomUUID()}.tmp`)
      try {
        await writeFile(temp, body)
        await rename(temp, path)
      } catch (e) {
        await rm(temp, { force: true })
        throw e
      }
    },
    async get(key) {
      try {
        const body = new Uint8Array(await readFile(mustPath(key)))
        return { body, contentType: contentTypeOf(key) }
      } catch (e) {
        if (isMissing(e)) return null
        throw e
      }
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(mustPath(key), { force: true })))
    },
    url: (key) => joinUrl(publicBaseUrl, key),
    presignUpload: async () => null,
  }
}
