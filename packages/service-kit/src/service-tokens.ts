import type { ServiceIdentity } from '@myshop/auth'
import { AppError } from '@myshop/errors'

export interface ServiceTokensOptions {
  /** Where the user service answers, e.g. USER_SERVICE_URL. */
  userServiceUrl: string
  service: ServiceIdentity
  /** The service's own secret (SERVICE_SECRET), derived from the shop's SERVICE_AUTH_SECRET. */
  secret: string
  /** How long one request for a token may take. */
  timeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
}

/** A service's access tokens for calling other services, fetched when needed and kept until shortly before expiry. */
export interface ServiceTokens {
  /** A valid token; callers at the same moment share one request for it. */
  token(): Promise<string>
  /** The Authorization header value for a call to another service. */
  authorization(): Promise<string>
  /** Forgets the kept token (the callee refused it: keys were rotated or it expired early). */
  forget(): void
}

/** Gets and keeps a service's access tokens from the user service's `POST /api/v1/auth/service-token`. */
export const serviceTokens = ({
  userServiceUrl,
  service,
  secret,
  timeoutMs = 3_000,
  fetch: fetchImpl = fetch,
  now = Date.now,
}: ServiceTokensOptions): ServiceTokens => {
  let kept: { token: string; renewAt: number } | undefined
  let pending: Promise<string> | undefined

  const request = async (): Promise<string> => {
    const unavailable = (detail: string, cause?: unknown) =>
      new AppError('unavailable', {
        detail,
        headers: { 'retry-after': '1' },
        ...(cause !== undefined && { cause }),
      })
    let response: Response
    try {
      response = await fetchImpl(`${userServiceUrl.replace(/\/+$/, '')}/api/v1/auth/service-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service, secret }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (cause) {
      throw unavailable('The user service could not be reached for a service token', cause)
    }
    if (!response.ok)
      throw unavailable(
        `The user service refused a token to the ${service} service (HTTP ${response.status})`,
      )
    const body = (await response.json()) as { accessToken?: unknown; expiresIn?: unknown }
    if (typeof body.accessToken !== 'string' || typeof body.expiresIn !== 'number')
      throw unavailable('The user service answered a service token request with something else')
    // Renewed with a fifth of its life left (at least 10 s), so a call never leaves with a token about to expire.
    const margin = Math.max(10_000, body.expiresIn * 200)
    kept = { token: body.accessToken, renewAt: now() + body.expiresIn * 1000 - margin }
    return body.accessToken
  }

  const token = () => {
    if (kept && now() < kept.renewAt) return Promise.resolve(kept.token)
    pending ??= request().finally(() => {
      pending = undefined
    })
    return pending
  }

  return {
    token,
    authorization: async () => `Bearer ${await token()}`,
    forget: () => {
      kept = undefined
    },
  }
}

export interface ServiceGetOptions {
  baseUrl: string
  tokens: ServiceTokens | null
  timeoutMs: number
  fetch?: typeof fetch
}

/** GETs a path of another service as JSON, bounded by `timeoutMs`, with the headers given. */
const jsonRequest = ({ baseUrl, timeoutMs, fetch: fetchImpl = fetch }: Omit<ServiceGetOptions, 'tokens'>) => {
  const root = baseUrl.replace(/\/+$/, '')
  return (path: string, headers: Record<string, string> = {}) =>
    fetchImpl(`${root}${path}`, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    })
}

/** A response's JSON; null for a 404; any other failure throws. */
const jsonOf = async <T>(path: string, response: Response): Promise<T | null> => {
  if (response.status === 404) return null
  if (!response.ok) throw new AppError('bad_gateway', { detail: `GET ${path} answered ${response.status}` })
  return (await response.json()) as T
}

/** Reads another MyShop service's public JSON (the catalog): null for a 404; any other failure throws. */
export const publicGet = (options: Omit<ServiceGetOptions, 'tokens'>) => {
  const request = jsonRequest(options)
  return async <T>(path: string): Promise<T | null> => jsonOf<T>(path, await request(path))
}

/**
 * Reads another MyShop service's JSON with the calling service's own identity: a refused token (401) is forgotten
 * and the call made once more. Answers null for a 404; any other failure throws (an event being handled is then
 * retried by the bus).
 */
export const serviceGet = ({ tokens, ...options }: ServiceGetOptions) => {
  const request = jsonRequest(options)
  return async <T>(path: string): Promise<T | null> => {
    if (!tokens)
      throw new AppError('unavailable', { detail: 'The service has no SERVICE_SECRET to call others with' })
    const once = async () => request(path, { authorization: await tokens.authorization() })
    let response = await once()
    if (response.status === 401) {
      tokens.forget()
      response = await once()
    }
    return jsonOf<T>(path, response)
  }
}
