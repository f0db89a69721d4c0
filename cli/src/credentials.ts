import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { shopKey } from './config.ts'

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
  /** The device token MyShop gave this machine for an account; kept across logouts so the owner stays recognised. */
  readDevice: (url: string, email: string) => Promise<string | undefined>
  writeDevice: (url: string, email: string, token: string) => Promise<void>
}

const deviceKey = (url: string, email: string) => `${shopKey(url)} ${email.trim().toLowerCase()}`

const isCredentials = (value: unknown): value is Credentials => {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return ['accessToken', 'refreshToken', 'expiresAt', 'url', 'email'].every((k) => typeof v[k] === 'string')
}

// Write beside and rename so a crash never leaves half a file, and the tokens are never
// readable by others, not even for the instant between create and chmod.
const writePrivateJson = async (home: string, path: string, value: unknown) => {
  await mkdir(home, { recursive: true, mode: 0o700 })
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 })
  await chmod(temp, 0o600)
  await rename(temp, path)
}

const readJson = async (path: string): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null
    throw error
  }
}

/** Token storage in `<home>/credentials.json` and `<home>/devices.json`, readable by the owner only. */
export const credentialStore = (home: string): CredentialStore => {
  const path = join(home, 'credentials.json')
  const devicesPath = join(home, 'devices.json')
  const devices = async (): Promise<Record<string, string>> => {
    const parsed = await readJson(devicesPath)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {}
  }
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
    write: (credentials) => writePrivateJson(home, path, credentials),
    remove: async () => {
      await rm(path, { force: true })
    },
    readDevice: async (url, email) => {
      const known = await devices()
      // Files written before keys were normalised hold the URL as it was typed.
      const token = known[deviceKey(url, email)] ?? known[`${url} ${email.trim().toLowerCase()}`]
      return typeof token === 'string' ? token : undefined
    },
    writeDevice: async (url, email, token) =>
      writePrivateJson(home, devicesPath, { ...(await devices()), [deviceKey(url, email)]: token }),
  }
}
