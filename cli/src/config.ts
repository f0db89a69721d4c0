import { homedir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, z } from '@myshop/config'

export type CliConfig = {
  /** Base URL of the gateway, without a trailing slash. */
  url: string
  /** Folder holding credentials.json. */
  home: string
  color: boolean
}

export const defaultUrl = 'http://127.0.0.1:8080'

/** Reads MYSHOP_URL, MYSHOP_HOME and NO_COLOR once; the rest of the CLI receives the result. */
export const readConfig = (env: Record<string, string | undefined>): CliConfig => {
  const parsed = loadConfig(
    {
      MYSHOP_URL: z.url().default(defaultUrl),
      MYSHOP_HOME: z.string().optional(),
      // https://no-color.org: any non-empty value disables colour, whatever it says.
      NO_COLOR: z.string().optional(),
    },
    env,
  )
  return {
    url: normalizeUrl(parsed.MYSHOP_URL),
    home: parsed.MYSHOP_HOME ?? join(homedir(), '.myshop'),
    color: parsed.NO_COLOR === undefined,
  }
}

// Paths are appended as '/api/v1/...', so a trailing slash would double up.
export const normalizeUrl = (url: string): string => url.replace(/\/+$/, '')

// Every spelling of this machine's loopback address names the same shop.
const loopback = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The key a shop's stored credentials are kept under: `http://localhost:8080` and `http://127.0.0.1:8080/` are one
 * shop, so a session or device token saved under one spelling is found under the other.
 */
export const shopKey = (url: string): string => {
  try {
    const parsed = new URL(url)
    const host = loopback.has(parsed.hostname) ? '127.0.0.1' : parsed.hostname
    return normalizeUrl(
      `${parsed.protocol}//${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`,
    )
  } catch {
    return normalizeUrl(url)
  }
}

/** Whether `url` is this machine (changes there concern nobody else). */
export const isLocalUrl = (url: string): boolean => {
  try {
    const { hostname } = new URL(url)
    return loopback.has(hostname) || /^127\./.test(hostname)
  } catch {
    return false
  }
}
