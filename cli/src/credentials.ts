import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export type Credentials = {
  accessToken: string
  refreshToken: string
  /** ISO-8601 UTC instant after which the access token is no longer accepted. */
  expiresAt: string
  /** The MyShop URL these tokens were issued by. */
  url: string
  email: string
}

export type CredentialStore = {
  readonly path: string
  read: () => Promise<Credentials | null>
  write: (credentials: Credentials) => Promise<void>
  remove: () => Promise<void>
}

const isCredentials = (value: unknown): value is Credentials => {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return ['accessToken', 'refreshToken', 'expiresAt', 'url', 'email'].every((k) => typeof v[k] === 'string')
}

/** Token storage in `<home>/credentials.json`, readable by the owner only. */
export const credentialStore = (home: string): CredentialStore => {
  const path = join(home, 'credentials.json')
  return {
    path,
    read: async () => {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
      try {
        const parsed: unknown = JSON.parse(text)
        // A damaged file behaves like no file, so `myshop login` repairs it instead of every command crashing.
        return isCredentials(parsed) ? parsed : null
      } catch {
        return null
      }
    },
    write: async (credentials) => {
      await mkdir(home, { recursive: true, mode: 0o700 })
      // Write beside and rename so a crash never leaves half a file, and the tokens are never
      // readable by others, not even for the instant between create and chmod.
      const temp = `${path}.${process.pid}.tmp`
      await writeFile(temp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
      await chmod(temp, 0o600)
      await rename(temp, path)
    },
    remove: async () => {
      await rm(path, { force: true })
    },
  }
}
