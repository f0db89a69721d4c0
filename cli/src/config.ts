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
