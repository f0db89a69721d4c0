import type { ServiceTokens } from '@myshop/service-kit'

/** A problem document another service answered with. */
export interface RemoteProblem {
  status: number
  code: string
  detail: string
  body: Record<string, unknown>
}

/**
 * What a call to another service came to, as a value: the answer; a business answer (a 4xx the caller acts on); or
 * a failure worth retrying (network error, timeout, 5xx, 504), after which the same call with the same idempotency
 * key is safe.
 */
export type CallResult<T> =
  | { ok: true; value: T }
  | { ok: false; retryable: false; problem: RemoteProblem }
  | { ok: false; retryable: true; reason: string }

export interface ServiceCallerOptions {
  baseUrl: string
  tokens: ServiceTokens
  /** How long one call may take before it counts as a failure worth retrying. */
  timeoutMs: number
  fetch?: typeof fetch
}

export type ServiceCaller = <T>(
  method: 'GET' | 'POST',
  path: string,
  options?: { body?: unknown; idempotencyKey?: string },
) => Promise<CallResult<T>>

const readJson = async (response: Response): Promise<Record<string, unknown>> => {
  const text = await response.text()
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/**
 * Calls another MyShop service with the order service's own identity: a refused token (401) is forgotten and the
 * call made once more with a fresh one; every call has a timeout.
 */
export const serviceCaller = ({
  baseUrl,
  tokens,
  timeoutMs,
  fetch: fetchImpl = fetch,
}: ServiceCallerOptions): ServiceCaller => {
  const root = baseUrl.replace(/\/+$/, '')
  const once = async (
    method: string,
    path: string,
    options: { body?: unknown; idempotencyKey?: string },
  ): Promise<Response | string> => {
    let authorization: string
    try {
      authorization = await tokens.authorization()
    } catch (error) {
      return `no service token: ${(error as Error).message}`
    }
    try {
      return await fetchImpl(`${root}${path}`, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...(options.idempotencyKey && { 'idempotency-key': options.idempotencyKey }),
        },
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      return `${method} ${path} failed: ${(error as Error).message}`
    }
  }
  return async <T>(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<CallResult<T>> => {
    let response = await once(method, path, options)
    if (typeof response !== 'string' && response.status === 401) {
      tokens.forget()
      response = await once(method, path, options)
    }
    if (typeof response === 'string') return { ok: false, retryable: true, reason: response }
    let body: Record<string, unknown>
    try {
      body = await readJson(response)
    } catch (error) {
      return { ok: false, retryable: true, reason: `${method} ${path}: ${(error as Error).message}` }
    }
    if (response.ok) return { ok: true, value: body as T }
    // A request with the same key still under way there (409 idempotency_in_flight) settles shortly: ask again.
    if (
      response.status >= 500 ||
      response.status === 429 ||
      response.status === 408 ||
      body.code === 'idempotency_in_flight'
    )
      return {
        ok: false,
        retryable: true,
        reason: `${method} ${path} answered ${response.status}${typeof body.detail === 'string' ? `: ${body.detail}` : ''}`,
      }
    return {
      ok: false,
      retryable: false,
      problem: {
        status: response.status,
        code: typeof body.code === 'string' ? body.code : 'unknown',
        detail: typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`,
        body,
      },
    }
  }
}
