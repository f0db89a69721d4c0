import type { Product } from '@myshop/product-service/model'
import { shopKey } from './config.ts'
import type { CredentialStore, Credentials } from './credentials.ts'
import { CliError, notSignedIn, unreachable } from './errors.ts'

export type User = {
  id: string
  email: string
  name: string
  roles: string[]
  createdAt: string
  updatedAt: string
}

export type NewUser = { email: string; password: string; name: string; roles: string[] }

export type Page<T> = { items: T[]; nextCursor: string | null }

export type UnlockResult = { userId: string; cleared: number; unlockCode?: string; expiresAt?: string }

export type UserFilter = { limit?: number; role?: string; q?: string; cursor?: string }

export type AuthTokens = {
  accessToken: string
  refreshToken: string
  /** Seconds until the access token expires. */
  expiresIn: number
  tokenType: 'Bearer'
  /** Identifies this machine at later sign-ins, so failed attempts elsewhere cannot lock it out. */
  deviceToken?: string
}

export type ServiceHealth = {
  status: 'ok' | 'degraded' | 'down'
  latencyMs?: number
  httpStatus?: number
  error?: string
}

export type Health = { status: 'ok' | 'degraded'; services: Record<string, ServiceHealth> }

export type FieldError = { path: string; message: string }

/** A product as the catalog export returns it (the fields the CLI reads). */
export type CatalogProduct = Omit<Product, 'images' | 'options'>

/** One row of `POST /api/v1/catalog/import`; `line` is echoed back in failures. */
export type CatalogImportRow = {
  line: number
  sku: string
  name: string
  description?: string
  brand?: string
  category?: string
  price: string
  currency: string
  status?: string
  slug?: string
  options?: string
  compareAtPrice?: string
  attributes?: string
}

export type CatalogImportResult = {
  created: number
  updated: number
  failed: { line: number; sku: string; errors: FieldError[] }[]
}

export type ReindexResult = { engine: string; indexed: number }

/** A background reindex as the product service reports it. */
export type ReindexJob = {
  jobId: string
  engine: string
  status: 'running' | 'succeeded' | 'failed'
  indexed: number
  error: string | null
}

/** An RFC 9457 problem answered by MyShop. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string | undefined
  readonly requestId: string | undefined
  readonly type: string
  readonly errors: FieldError[]
  /** When trying again may succeed, from a 429's or 503's `Retry-After`. */
  readonly retryAt: Date | undefined
  constructor(problem: {
    status: number
    code: string
    title: string
    detail?: string | undefined
    requestId?: string | undefined
    type?: string | undefined
    errors?: FieldError[] | undefined
    retryAt?: Date | undefined
  }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.code = problem.code
    this.title = problem.title
    this.detail = problem.detail
    this.requestId = problem.requestId
    this.type = problem.type ?? 'about:blank'
    this.errors = problem.errors ?? []
    this.retryAt = problem.retryAt
  }
}

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

export type ApiClientOptions = {
  /** Gateway base URL without a trailing slash. */
  url: string
  fetch: Fetch
  credentials: CredentialStore
  now: () => Date
  /** Cancels in-flight requests (Ctrl-C). */
  signal?: AbortSignal | undefined
  timeoutMs?: number
}

export type ApiClient = ReturnType<typeof createApiClient>

type RequestOptions = {
  body?: unknown
  query?: Record<string, string | number | undefined>
  token?: string
  /** Overrides the client's timeout for a request known to be slow (bulk import, reindex). */
  timeoutMs?: number
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const fieldErrors = (value: unknown): FieldError[] =>
  Array.isArray(value)
    ? value.flatMap((e) => {
        const path = str((e as Record<string, unknown>)?.path)
        const message = str((e as Record<string, unknown>)?.message)
        return message === undefined ? [] : [{ path: path ?? '', message }]
      })
    : []

/** The instant `Retry-After` names: a number of seconds from `now`, or an HTTP date (RFC 9110). */
export const retryAt = (value: string | null, now: Date): Date | undefined => {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return new Date(now.getTime() + Number(value) * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : new Date(at)
}

// Anything not problem+json (a proxy's HTML 502, an empty body) still becomes an ApiError, so callers
// handle one error type for every failed response.
const toApiError = async (response: Response, now: Date): Promise<ApiError> => {
  const headerRequestId = response.headers.get('x-request-id') ?? undefined
  const text = await response.text().catch(() => '')
  let body: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>
  } catch {}
  return new ApiError({
    status: response.status,
    code: str(body.code) ?? `http_${response.status}`,
    title: str(body.title) ?? (response.statusText || `HTTP ${response.status}`),
    detail: str(body.detail),
    requestId: str(body.requestId) ?? headerRequestId,
    type: str(body.type),
    errors: fieldErrors(body.errors),
    retryAt: retryAt(response.headers.get('retry-after'), now),
  })
}

/** Turns the token pair MyShop returns into what the CLI keeps on disk. */
export const toCredentials = (tokens: AuthTokens, url: string, email: string, now: Date): Credentials => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  expiresAt: new Date(now.getTime() + tokens.expiresIn * 1000).toISOString(),
  url,
  email,
})

/** The gateway's `/ready` answer. */
type Readiness = { status: 'ready' | 'degraded' | 'not_ready'; services: Record<string, ServiceHealth> }

const isReadiness = (value: unknown): value is Readiness =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Readiness).status === 'string' &&
  typeof (value as Readiness).services === 'object'

/** Typed access to the MyShop HTTP API through the gateway. */
export const createApiClient = ({
  url,
  fetch,
  credentials,
  now,
  signal,
  timeoutMs = 15_000,
}: ApiClientOptions) => {
  const send = async (method: string, path: string, options: RequestOptions = {}): Promise<Response> => {
    const target = new URL(`${url}${path}`)
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') target.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.token) headers.authorization = `Bearer ${options.token}`
    const limitMs = options.timeoutMs ?? timeoutMs
    const timeout = AbortSignal.timeout(limitMs)
    try {
      return await fetch(target, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      })
    } catch (error) {
      if (signal?.aborted) throw error
      if (timeout.aborted) throw unreachable(url, `no answer within ${limitMs / 1000}s`)
      throw unreachable(url)
    }
  }

  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw await toApiError(response, now())
    if (response.status === 204) return undefined as T
    return (await response.json()) as T
  }

  const session = async (): Promise<Credentials> => {
    const stored = await credentials.read()
    if (!stored) throw notSignedIn()
    // A token is only ever sent to the server that issued it; --url pointing elsewhere must not leak it.
    if (shopKey(stored.url) !== shopKey(url)) {
      throw new CliError(
        'not_signed_in',
        `signed in to ${stored.url}, not ${url}: run \`myshop login --url ${url}\` first`,
      )
    }
    return stored
  }

  const refresh = async (used: Credentials): Promise<Credentials> => {
    // Another myshop process may have rotated the pair already; presenting the old refresh token
    // again would count as reuse and revoke the whole session, so take its result instead.
    const latest = await credentials.read()
    if (latest && shopKey(latest.url) === shopKey(used.url) && latest.refreshToken !== used.refreshToken)
      return latest
    const response = await send('POST', '/api/v1/auth/refresh', { body: { refreshToken: used.refreshToken } })
    if (response.status === 401 || response.status === 403) {
      throw new CliError('session_expired', 'your session has expired: run `myshop login` again')
    }
    const tokens = await json<AuthTokens>(response)
    const next = toCredentials(tokens, used.url, used.email, now())
    await credentials.write(next)
    return next
  }

  /** Sends with the stored bearer; on a 401 refreshes the pair once and retries once. */
  const authed = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
    const current = await session()
    let response = await send(method, path, { ...options, token: current.accessToken })
    if (response.status === 401) {
      await response.body?.cancel()
      const next = await refresh(current)
      response = await send(method, path, { ...options, token: next.accessToken })
    }
    return json<T>(response)
  }

  return {
    url,
    login: async (
      email: string,
      password: string,
      deviceToken?: string,
      unlockCode?: string,
    ): Promise<AuthTokens> =>
      json<AuthTokens>(
        await send('POST', '/api/v1/auth/login', {
          body: { email, password, ...(deviceToken && { deviceToken }), ...(unlockCode && { unlockCode }) },
        }),
      ),

    /** Revokes the stored session on the server. */
    logout: async (): Promise<void> => {
      const current = await session()
      await authed<unknown>('POST', '/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } })
    },

    me: () => authed<User>('GET', '/api/v1/users/me'),

    listUsers: (filter: UserFilter = {}) =>
      authed<Page<User>>('GET', '/api/v1/users', {
        query: { limit: filter.limit, role: filter.role, q: filter.q, cursor: filter.cursor },
      }),

    createUser: (input: NewUser) => authed<User>('POST', '/api/v1/users', { body: input }),

    setRoles: (id: string, roles: string[]) =>
      authed<User>('PUT', `/api/v1/users/${encodeURIComponent(id)}/roles`, { body: { roles } }),

    /** Clears a user's sign-in failure counters; with `issueCode`, also returns a one-time unlock code. */
    unlockUser: (id: string, issueCode: boolean) =>
      authed<UnlockResult>('POST', `/api/v1/users/${encodeURIComponent(id)}/unlock`, { body: { issueCode } }),

    /** Upserts up to 2000 products by SKU; bad rows come back by line, the others are written. */
    importCatalog: (rows: CatalogImportRow[], { dryRun = false }: { dryRun?: boolean } = {}) =>
      authed<CatalogImportResult>('POST', '/api/v1/catalog/import', {
        body: { rows },
        ...(dryRun && { query: { dryRun: 'true' } }),
        timeoutMs: 120_000,
      }),

    /** One page of every product in every status, in id order. */
    exportCatalog: (page: { cursor?: string | undefined; limit?: number } = {}) =>
      authed<Page<CatalogProduct>>('GET', '/api/v1/catalog/export', {
        query: { cursor: page.cursor, limit: page.limit },
      }),

    /** Starts rebuilding the search index in the background (or returns the reindex already running). */
    startReindex: () => authed<ReindexJob>('POST', '/api/v1/catalog/reindex'),

    /** The progress of a reindex started with `startReindex`. */
    reindexJob: (jobId: string) =>
      authed<ReindexJob>('GET', `/api/v1/catalog/reindex/${encodeURIComponent(jobId)}`),

    /**
     * The gateway's aggregated readiness (`/ready`: every service, and the signing keys) as a health report; a
     * degraded answer (a 503) is a result, not an error.
     */
    health: async (): Promise<Health> => {
      const response = await send('GET', '/ready')
      if (response.ok || response.status === 503) {
        const body: unknown = await response
          .clone()
          .json()
          .catch(() => null)
        if (isReadiness(body))
          return { status: body.status === 'ready' ? 'ok' : 'degraded', services: body.services }
      }
      throw await toApiError(response, now())
    },
  }
}
