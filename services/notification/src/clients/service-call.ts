import { AppError } from '@myshop/errors'
import type { ServiceTokens } from '@myshop/service-kit'

export interface ServiceGetOptions {
  baseUrl: string
  tokens: ServiceTokens | null
  timeoutMs: number
  fetch?: typeof fetch
}

/**
 * Reads another MyShop service's JSON with the notification service's own identity: a refused token (401) is
 * forgotten and the call made once more. Answers null for a 404; any other failure throws, so the event being
 * handled is retried by the bus (and dead-lettered at last).
 */
export const serviceGet = ({ baseUrl, tokens, timeoutMs, fetch: fetchImpl = fetch }: ServiceGetOptions) => {
  const root = baseUrl.replace(/\/+$/, '')
  return async <T>(path: string): Promise<T | null> => {
    if (!tokens)
      throw new AppError('unavailable', { detail: 'The notification service has no SERVICE_SECRET' })
    const once = async () =>
      fetchImpl(`${root}${path}`, {
        headers: { authorization: await tokens.authorization(), accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      })
    let response = await once()
    if (response.status === 401) {
      tokens.forget()
      response = await once()
    }
    if (response.status === 404) return null
    if (!response.ok) throw new AppError('bad_gateway', { detail: `GET ${path} answered ${response.status}` })
    return (await response.json()) as T
  }
}
