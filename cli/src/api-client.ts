import { roles } from '@myshop/auth'
import { type components, createMyShopClient, type operations } from '@myshop/client'
import { shopKey } from './config.ts'
import type { CredentialStore, Credentials } from './credentials.ts'
import { CliError, notSignedIn, unreachable } from './errors.ts'

// Every API type below comes from the generated schema, so a change to the API breaks the CLI at
// type-check time instead of at run time.
type Json<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
  ? Served<Body>
  : never

// The document describes numeric fields with the schema that also reads numeric strings (a request may send
// either), but MyShop always answers with JSON numbers: what the CLI reads is typed as it is served.
type Served<T> = [T] extends [string | number]
  ? [number] extends [T]
    ? [string] extends [T]
      ? number
      : T
    : T
  : T extends readonly (infer Item)[]
    ? Served<Item>[]
    : T extends object
      ? { [K in keyof T]: Served<T[K]> }
      : T

type JsonBody<Op extends keyof operations> = operations[Op]['requestBody'] extends
  | { content: { 'application/json': infer Body } }
  | undefined
  ? Body
  : never

export type User = Json<'getCurrentUser', 200>

export type NewUser = JsonBody<'createUser'>

export type UnlockResult = Json<'unlockUser', 200>

export type UserFilter = NonNullable<operations['listUsers']['parameters']['query']>

export type Role = NonNullable<UserFilter['role']>

/**
 * Every role the API accepts, to check input before a request. The generated schema holds types only, so the
 * values are MyShop's role list; typing it as the document's `Role` fails the type-check when the two part ways.
 */
export const apiRoles: readonly Role[] = roles

/** True for a role the API accepts. */
export const isApiRole = (value: string): value is Role => (apiRoles as readonly string[]).includes(value)

export type AuthTokens = Json<'login', 200>

export type FieldError = NonNullable<components['schemas']['Problem']['errors']>[number]

/** A product as the catalog export returns it (the fields the CLI reads). */
export type CatalogProduct = Omit<Json<'exportCatalog', 200>['items'][number], 'images' | 'options'>

/** One row of `POST /api/v1/catalog/import`; `line` is echoed back in failures. */
export type CatalogImportRow = Served<JsonBody<'importCatalog'>['rows'][number]>

export type CatalogImportResult = Json<'importCatalog', 200>

/** A SKU's stock: available and its status, and per location with its threshold for holders of inventory:read. */
export type Stock = Json<'getStock', 200>

/** A SKU's counts at one location (in a `Stock` read with inventory:read). */
export type LocationStock = NonNullable<Stock['locations']>[number]

/** An adjustment as the inventory ledger recorded it, with the location's counts after it. */
export type StockAdjustment = Json<'adjustStock', 201>

export type NewStockAdjustment = Served<JsonBody<'adjustStock'>>

/** One page of the SKUs at or below their low-stock threshold. */
export type LowStockPage = Json<'listLowStock', 200>

/** An order with its lines, totals, payment, fulfilments and status history. */
export type Order = Json<'getOrder', 200>

/** The payment ledger compared with a provider's records since a time: every difference found. */
export type Reconciliation = Json<'reconcilePayments', 200>

/** One difference between the ledger and a provider. */
export type PaymentDifference = Reconciliation['differences'][number]

/** The providers reconciliation compares the ledger with. */
export type PaymentProviderName = NonNullable<
  operations['reconcilePayments']['parameters']['query']
>['provider']

/** One payment beside the provider's record of it. */
export type PaymentAtProvider = Json<'getPaymentAtProvider', 200>

/** One page of orders, newest first. */
export type OrderPage = Json<'listOrders', 200>

/** Which orders `listOrders` reads: by status, placed since a time, a page at a time. */
export type OrderFilter = NonNullable<operations['listOrders']['parameters']['query']>

export type OrderStatus = NonNullable<OrderFilter['status']>

/** What a refund asks for: an amount in minor units (everything left when absent), and whether to restock. */
export type NewRefund = Served<JsonBody<'refundOrder'>>

/** A checkout, cancellation or refund as the order service runs it: its status and the timeline of its steps. */
/** One page of notification deliveries, newest first. */
export type DeliveryPage = Json<'listDeliveries', 200>

/** Which deliveries `listDeliveries` reads: by status or recipient, a page at a time. */
export type DeliveryFilter = NonNullable<operations['listDeliveries']['parameters']['query']>

export type DeliveryStatus = NonNullable<DeliveryFilter['status']>

/** One delivery with the rendered message it sends. */
export type Delivery = Json<'getDelivery', 200>

export type TestNotification = JsonBody<'sendTestNotification'>

/** A template's email rendered with its sample data. */
export type TemplatePreview = Json<'previewNotificationTemplate', 200>

export type Saga = Json<'getSaga', 200>

/** One page of sagas, newest first. */
export type SagaPage = Json<'listSagas', 200>

export type SagaFilter = NonNullable<operations['listSagas']['parameters']['query']>

export type SagaStatus = NonNullable<SagaFilter['status']>

/** A background reindex as the product service reports it. */
export type ReindexJob = Json<'getReindexJob', 200>

/** What `myshop catalog reindex` reports once the job has finished. */
export type ReindexResult = Pick<ReindexJob, 'engine' | 'indexed'>

/** Whether one service's hash-chained audit trail holds, and the first entry that does not if it does not. */
export type AuditVerification = Json<'verifyInventoryAudit', 200>

/** The services that keep an audit trail, which `verifyAudit` checks. */
export const auditedServices = ['inventory', 'order', 'payment'] as const

export type AuditedService = (typeof auditedServices)[number]

/** One service's (or the signing keys') readiness, as the gateway's `/ready` reports it. */
export type ServiceHealth = Json<'getReadiness', 200>['services'][string]

/** The gateway's readiness as `myshop health` reports it: anything short of ready is degraded. */
export type Health = { status: 'ok' | 'degraded'; services: Record<string, ServiceHealth> }

/** One page of the public product listing. */
export type ProductPage = Json<'listProducts', 200>

/** A shopper's cart. */
export type Cart = Json<'createCart', 201>

/** What checkout takes: the cart, the contact email, the delivery and the payment. */
export type CheckoutInput = JsonBody<'checkout'>

/** The order a checkout placed. */
export type PlacedOrder = Json<'checkout', 201>

/** What an analytics import answers: rows taken, rows it already had (by id), and rows refused by index. */
export type AnalyticsImportResult = {
  accepted: number
  duplicates: number
  rejected: { index: number; errors: FieldError[] }[]
}

/** What `POST /api/v1/track` answers. */
export type TrackResult = {
  accepted: number
  rejected: { index: number; errors: FieldError[] }[]
  dropped: null | 'consent' | 'bot'
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
// handle one error type for every failed response. `body` is what the typed client read from the response:
// the parsed JSON, or the text when it was not JSON.
const toApiError = (response: Response, body: unknown, now: Date): ApiError => {
  const problem: Record<string, unknown> =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  return new ApiError({
    status: response.status,
    code: str(problem.code) ?? `http_${response.status}`,
    title: str(problem.title) ?? (response.statusText || `HTTP ${response.status}`),
    detail: str(problem.detail),
    requestId: str(problem.requestId) ?? response.headers.get('x-request-id') ?? undefined,
    type: str(problem.type),
    errors: fieldErrors(problem.errors),
    retryAt: retryAt(response.headers.get('retry-after'), now),
  })
}

/** Turns the token pair MyShop returns into what the CLI keeps on disk. */
export const toCredentials = (
  tokens: Pick<AuthTokens, 'accessToken' | 'refreshToken' | 'expiresIn'>,
  url: string,
  email: string,
  now: Date,
): Credentials => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  expiresAt: new Date(now.getTime() + tokens.expiresIn * 1000).toISOString(),
  url,
  email,
})

/** The gateway's `/ready` report, which a 503 (not ready) carries too. */
export type Readiness = Json<'getReadiness', 200>

const isReadiness = (value: unknown): value is Readiness =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Readiness).status === 'string' &&
  typeof (value as Readiness).services === 'object'

const accept = 'application/json, application/problem+json'

/** What the typed client answers for one call: the body of a success, or what a failure's body held. */
type Outcome<Data> = { data?: Data; error?: unknown; response: Response }

type CallOptions = {
  token?: string | undefined
  /** Overrides the client's timeout for a request known to be slow (bulk import, reindex). */
  timeoutMs?: number
}

/** Drops empty filters, so `--query ''` lists everyone rather than searching for an empty string. */
const given = <T extends Record<string, unknown>>(query: T): T =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as T

/** Typed access to the MyShop HTTP API through the gateway, over the client generated from its document. */
export const createApiClient = ({
  url,
  fetch,
  credentials,
  now,
  signal,
  timeoutMs = 15_000,
}: ApiClientOptions) => {
  /** Sends one request within its time limit; a network failure or a timeout means MyShop cannot be reached. */
  const transport =
    (limitMs: number) =>
    async (request: Request): Promise<Response> => {
      const timeout = AbortSignal.timeout(limitMs)
      try {
        const response = await fetch(request, {
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        })
        if (response.ok) return response
        // A failure's body is read here, so one cut off midway still leaves its status to report.
        const text = await response.text().catch(() => '')
        return new Response(text || null, response)
      } catch (error) {
        if (signal?.aborted) throw error
        if (timeout.aborted) throw unreachable(url, `no answer within ${limitMs / 1000}s`)
        throw unreachable(url)
      }
    }

  const shop = createMyShopClient({ baseUrl: url, fetch: transport(timeoutMs) })

  /** Per-request options of the typed client: the bearer, the accepted media types and the time limit. */
  const init = ({ token, timeoutMs: limitMs }: CallOptions = {}) => ({
    headers: {
      accept,
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(limitMs !== undefined && { fetch: transport(limitMs) }),
  })

  const result = <Data>({ data, error, response }: Outcome<Data>): Served<Data> => {
    if (!response.ok) throw toApiError(response, error, now())
    return data as Served<Data>
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

  // Requests in flight at once may all find the access token expired: one refresh serves them all, since a refresh
  // token presented twice revokes the session.
  const refreshes = new Map<string, Promise<Credentials>>()
  const refresh = (used: Credentials): Promise<Credentials> => {
    let next = refreshes.get(used.refreshToken)
    if (!next) {
      next = rotate(used)
      refreshes.set(used.refreshToken, next)
    }
    return next
  }

  const rotate = async (used: Credentials): Promise<Credentials> => {
    // Another myshop process may have rotated the pair already; presenting the old refresh token
    // again would count as reuse and revoke the whole session, so take its result instead.
    const latest = await credentials.read()
    if (latest && shopKey(latest.url) === shopKey(used.url) && latest.refreshToken !== used.refreshToken)
      return latest
    const outcome = await shop.POST('/api/v1/auth/refresh', {
      body: { refreshToken: used.refreshToken },
      ...init(),
    })
    if (outcome.response.status === 401 || outcome.response.status === 403) {
      throw new CliError('session_expired', 'your session has expired: run `myshop login` again')
    }
    const next = toCredentials(result(outcome), used.url, used.email, now())
    await credentials.write(next)
    return next
  }

  /** Calls with the stored bearer; on a 401 refreshes the pair once and calls once more. */
  const authed = async <Data>(
    call: (options: ReturnType<typeof init>) => Promise<Outcome<Data>>,
    options: Omit<CallOptions, 'token'> = {},
  ): Promise<Served<Data>> => {
    const current = await session()
    let outcome = await call(init({ ...options, token: current.accessToken }))
    if (outcome.response.status === 401) {
      const next = await refresh(current)
      outcome = await call(init({ ...options, token: next.accessToken }))
    }
    return result(outcome)
  }

  /**
   * The bearer for a route open to anyone that shows a signed-in operator more: such a route answers an expired
   * token as if none were sent (no 401 to refresh on), so a pair past its expiry is refreshed first. None when
   * signed in to no session for this shop.
   */
  const optionalBearer = async (): Promise<string | undefined> => {
    const stored = await credentials.read()
    if (!stored || shopKey(stored.url) !== shopKey(url)) return undefined
    if (Date.parse(stored.expiresAt) - 30_000 > now().getTime()) return stored.accessToken
    return (await refresh(stored)).accessToken
  }

  /**
   * A JSON POST to an analytics route (tracking and the history imports), whose bodies the CLI types itself from
   * the analytics API: the same transport, time limits, bearer and problems as the typed calls.
   */
  const postJson =
    <Data>(path: string, body: unknown) =>
    async (options: ReturnType<typeof init>): Promise<Outcome<Data>> => {
      const send = ('fetch' in options && options.fetch) || transport(timeoutMs)
      const response = await send(
        new Request(`${url}${path}`, {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      )
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {}
      return response.ok ? { data: parsed as Data, response } : { error: parsed, response }
    }

  /** Each audited service's verification route; the paths are literal so each call is typed by the document. */
  const auditRoutes: Record<
    AuditedService,
    (
      options: ReturnType<typeof init>,
    ) => Promise<Outcome<operations['verifyInventoryAudit']['responses'][200]['content']['application/json']>>
  > = {
    inventory: (options) => shop.GET('/api/v1/admin/audit/inventory', options),
    order: (options) => shop.GET('/api/v1/admin/audit/order', options),
    payment: (options) => shop.GET('/api/v1/admin/audit/payment', options),
  }

  /**
   * A GET whose body the caller reads as it arrives (a report export can be far larger than memory), with the same
   * bearer, refresh-once-on-401 and problem+json errors as every other call. It is a plain fetch rather than the
   * generated client: that client reads each body whole before handing it over, and has no report operations.
   * The time limit covers the wait for the response's head only; the body then takes as long as it takes, and
   * Ctrl-C still cancels it.
   */
  const streamed = async (path: string, query: URLSearchParams, mediaType: string): Promise<Response> => {
    const current = await session()
    const target = `${url}${path}${query.size ? `?${query}` : ''}`
    const send = async (token: string): Promise<Response> => {
      const head = new AbortController()
      const timer = setTimeout(() => head.abort(), timeoutMs)
      try {
        return await fetch(target, {
          headers: { accept: `${mediaType}, application/problem+json`, authorization: `Bearer ${token}` },
          signal: signal ? AbortSignal.any([signal, head.signal]) : head.signal,
        })
      } catch (error) {
        if (signal?.aborted) throw error
        if (head.signal.aborted) throw unreachable(url, `no answer within ${timeoutMs / 1000}s`)
        throw unreachable(url)
      } finally {
        clearTimeout(timer)
      }
    }
    let response = await send(current.accessToken)
    if (response.status === 401) {
      await response.body?.cancel()
      response = await send((await refresh(current)).accessToken)
    }
    if (response.ok) return response
    const text = await response.text().catch(() => '')
    let problem: unknown = text
    try {
      problem = JSON.parse(text)
    } catch {}
    throw toApiError(response, problem, now())
  }

  return {
    url,
    login: async (
      email: string,
      password: string,
      deviceToken?: string,
      unlockCode?: string,
    ): Promise<AuthTokens> =>
      result(
        await shop.POST('/api/v1/auth/login', {
          body: { email, password, ...(deviceToken && { deviceToken }), ...(unlockCode && { unlockCode }) },
          ...init(),
        }),
      ),

    /** Revokes the stored session on the server. */
    logout: async (): Promise<void> => {
      const current = await session()
      await authed((options) =>
        shop.POST('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken }, ...options }),
      )
    },

    me: (): Promise<User> => authed((options) => shop.GET('/api/v1/users/me', options)),

    listUsers: (filter: UserFilter = {}) =>
      authed((options) => shop.GET('/api/v1/users', { params: { query: given(filter) }, ...options })),

    createUser: (input: NewUser) =>
      authed((options) => shop.POST('/api/v1/users', { body: input, ...options })),

    setRoles: (id: string, roles: Role[]) =>
      authed((options) =>
        shop.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles }, ...options }),
      ),

    /** Clears a user's sign-in failure counters; with `issueCode`, also returns a one-time unlock code. */
    unlockUser: (id: string, issueCode: boolean) =>
      authed((options) =>
        shop.POST('/api/v1/users/{id}/unlock', { params: { path: { id } }, body: { issueCode }, ...options }),
      ),

    /** Upserts up to 2000 products by SKU; bad rows come back by line, the others are written. */
    importCatalog: (rows: CatalogImportRow[], { dryRun = false }: { dryRun?: boolean } = {}) =>
      authed(
        (options) =>
          shop.POST('/api/v1/catalog/import', {
            body: { rows },
            ...(dryRun && { params: { query: { dryRun: true } } }),
            ...options,
          }),
        { timeoutMs: 120_000 },
      ),

    /** One page of every product in every status, in id order. */
    exportCatalog: (page: { cursor?: string | undefined; limit?: number } = {}) =>
      authed((options) =>
        shop.GET('/api/v1/catalog/export', {
          params: { query: given({ cursor: page.cursor, limit: page.limit }) },
          ...options,
        }),
      ),

    /** Walks a service's audit trail and reports whether every entry holds. */
    verifyAudit: (service: AuditedService): Promise<AuditVerification> =>
      authed((options) => auditRoutes[service](options)),

    /** Starts rebuilding the search index in the background (or returns the reindex already running). */
    startReindex: (): Promise<ReindexJob> =>
      authed((options) => shop.POST('/api/v1/catalog/reindex', options)),

    /** The progress of a reindex started with `startReindex`. */
    reindexJob: (jobId: string): Promise<ReindexJob> =>
      authed((options) =>
        shop.GET('/api/v1/catalog/reindex/{jobId}', { params: { path: { jobId } }, ...options }),
      ),

    /** A SKU's stock; per location and with its threshold when signed in with inventory:read. */
    getStock: async (sku: string): Promise<Stock> => {
      const token = await optionalBearer()
      return result(
        await shop.GET('/api/v1/inventory/{sku}', { params: { path: { sku } }, ...init({ token }) }),
      )
    },

    /** Counts stock in (a positive delta) or out at a location, the default one unless named. */
    adjustStock: (sku: string, input: NewStockAdjustment): Promise<StockAdjustment> =>
      authed((options) =>
        shop.POST('/api/v1/inventory/{sku}/adjustments', {
          params: { path: { sku } },
          body: input,
          ...options,
        }),
      ),

    /** One page of the SKUs at or below their low-stock threshold, by SKU. */
    lowStock: (page: { cursor?: string | undefined; limit?: number } = {}): Promise<LowStockPage> =>
      authed((options) =>
        shop.GET('/api/v1/inventory/low', {
          params: { query: given({ cursor: page.cursor, limit: page.limit }) },
          ...options,
        }),
      ),

    /** Sets a SKU's low-stock threshold, or clears it with null. */
    setStockThreshold: (sku: string, threshold: number | null): Promise<Stock> =>
      authed((options) =>
        shop.PUT('/api/v1/inventory/{sku}/threshold', {
          params: { path: { sku } },
          body: { threshold },
          ...options,
        }),
      ),

    /** One page of every customer's orders (orders:read_all), newest first. */
    listOrders: (filter: OrderFilter = {}): Promise<OrderPage> =>
      authed((options) => shop.GET('/api/v1/admin/orders', { params: { query: given(filter) }, ...options })),

    /** Compares the payment ledger with a provider's records of payments made since `since` (ISO 8601). */
    reconcilePayments: (provider: PaymentProviderName, since: string): Promise<Reconciliation> =>
      authed((options) =>
        shop.GET('/api/v1/admin/payments/reconciliation', {
          params: { query: { provider, since } },
          ...options,
        }),
      ),

    /** A payment, its ledger, and the provider's record of it side by side. */
    getPaymentAtProvider: (id: string): Promise<PaymentAtProvider> =>
      authed((options) =>
        shop.GET('/api/v1/admin/payments/{id}/provider', { params: { path: { id } }, ...options }),
      ),

    /** An order with its history. */
    getOrder: (id: string): Promise<Order> =>
      authed((options) => shop.GET('/api/v1/orders/{id}', { params: { path: { id } }, ...options })),

    /** Cancels an order before it ships: its stock is released and its payment voided or refunded. */
    cancelOrder: (id: string): Promise<Order> =>
      authed((options) => shop.POST('/api/v1/orders/{id}/cancel', { params: { path: { id } }, ...options })),

    /** Gives back all or part of what an order's payment took, restocking its units when asked. */
    refundOrder: (id: string, refund: NewRefund): Promise<Order> =>
      authed((options) =>
        shop.POST('/api/v1/orders/{id}/refunds', { params: { path: { id } }, body: refund, ...options }),
      ),

    /** Marks a paid order shipped with its tracking number. */
    shipOrder: (id: string, shipment: { trackingNumber: string; carrier?: string }): Promise<Order> =>
      authed((options) =>
        shop.POST('/api/v1/orders/{id}/fulfillments', {
          params: { path: { id } },
          body: shipment,
          ...options,
        }),
      ),

    /** One page of notification deliveries (notifications:send), newest first. */
    listDeliveries: (filter: DeliveryFilter = {}): Promise<DeliveryPage> =>
      authed((options) =>
        shop.GET('/api/v1/admin/notifications', { params: { query: given(filter) }, ...options }),
      ),

    /** Sends a failed delivery again. */
    retryDelivery: (id: string): Promise<Delivery> =>
      authed((options) =>
        shop.POST('/api/v1/admin/notifications/{id}/retry', { params: { path: { id } }, ...options }),
      ),

    /** Sends every failed delivery again; answers how many. */
    retryFailedDeliveries: (): Promise<{ retried: number }> =>
      authed((options) => shop.POST('/api/v1/admin/notifications/retry-failed', options)),

    /** Queues the test message to an address or number through the whole pipeline. */
    sendTestNotification: (input: TestNotification): Promise<Delivery> =>
      authed((options) => shop.POST('/api/v1/admin/notifications/test', { body: input, ...options })),

    /** A template's email in a locale, rendered with its sample data. */
    previewTemplate: (name: string, locale?: string): Promise<TemplatePreview> =>
      authed((options) =>
        shop.GET('/api/v1/admin/notifications/templates/{name}/preview', {
          params: { path: { name }, query: given({ locale }) },
          ...options,
        }),
      ),

    /** One page of sagas (sagas:manage), newest first. */
    listSagas: (filter: SagaFilter = {}): Promise<SagaPage> =>
      authed((options) => shop.GET('/api/v1/admin/sagas', { params: { query: given(filter) }, ...options })),

    /** A saga with the timeline of its steps. */
    getSaga: (id: string): Promise<Saga> =>
      authed((options) => shop.GET('/api/v1/admin/sagas/{id}', { params: { path: { id } }, ...options })),

    /** Runs a stopped saga forward again from the step that failed. */
    retrySaga: (id: string): Promise<Saga> =>
      authed((options) =>
        shop.POST('/api/v1/admin/sagas/{id}/retry', { params: { path: { id } }, ...options }),
      ),

    /** Undoes what a saga did so far: stock released, payment voided or refunded, order cancelled. */
    compensateSaga: (id: string): Promise<Saga> =>
      authed((options) =>
        shop.POST('/api/v1/admin/sagas/{id}/compensate', { params: { path: { id } }, ...options }),
      ),

    /** One page of the active products, as shoppers see them (no session needed). */
    listProducts: async (page: { cursor?: string | undefined; limit?: number } = {}): Promise<ProductPage> =>
      result(
        await shop.GET('/api/v1/products', {
          params: { query: given({ cursor: page.cursor, limit: page.limit }) },
          ...init(),
        }),
      ),

    /** Imports up to 500 paid orders (with their refunds) into analytics; idempotent on order and refund ids. */
    importAnalyticsOrders: (orders: readonly unknown[]): Promise<AnalyticsImportResult> =>
      authed(postJson<AnalyticsImportResult>('/api/v1/admin/analytics/orders/import', { orders }), {
        timeoutMs: 120_000,
      }),

    /** Imports up to 1000 tracked events into analytics; idempotent on event ids. */
    importAnalyticsEvents: (events: readonly unknown[]): Promise<AnalyticsImportResult> =>
      authed(postJson<AnalyticsImportResult>('/api/v1/admin/analytics/events/import', { events }), {
        timeoutMs: 120_000,
      }),

    /** A new shopper account (not signed in: `login` signs it in). */
    register: async (input: { email: string; password: string; name: string }): Promise<User> =>
      result(await shop.POST('/api/v1/auth/register', { body: input, ...init() })),

    /** A new empty cart of the shopper whose access token is given. */
    createCart: async (token: string): Promise<Cart> =>
      result(await shop.POST('/api/v1/carts', init({ token }))),

    /** Puts `quantity` of a SKU in the shopper's cart. */
    addCartItem: async (token: string, cartId: string, sku: string, quantity: number): Promise<Cart> =>
      result(
        await shop.POST('/api/v1/carts/{id}/items', {
          params: { path: { id: cartId } },
          body: { sku, quantity },
          ...init({ token }),
        }),
      ),

    /** Checks the shopper's cart out; the same key with the same body answers the same order. */
    checkout: async (token: string, input: CheckoutInput, idempotencyKey: string): Promise<PlacedOrder> =>
      result(
        await shop.POST('/api/v1/checkout', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: input,
          ...init({ token, timeoutMs: 60_000 }),
        }),
      ),

    /**
     * Sends a shopper's tracked events, as a storefront's page does, with the shopper's token when signed in and
     * the user agent of the shopper's browser (tracking drops what comes from an automated client).
     */
    track: async (
      token: string | undefined,
      events: readonly unknown[],
      { consent = true, userAgent }: { consent?: boolean; userAgent?: string } = {},
    ): Promise<TrackResult> => {
      const options = init({ token })
      const outcome = await postJson<TrackResult>('/api/v1/track', { consent, events })({
        ...options,
        headers: { ...options.headers, ...(userAgent && { 'user-agent': userAgent }) },
      })
      return result(outcome)
    },

    /**
     * A report (`GET /api/v1/reports/<name>`, reports:read) as CSV or JSON, its body unread: the caller streams it.
     * `query` holds the window (from, to, groupBy, currency) and the report's own filters, empty ones dropped.
     */
    report: (name: string, query: Record<string, string | undefined>, format: 'csv' | 'json') =>
      streamed(
        `/api/v1/reports/${encodeURIComponent(name)}`,
        new URLSearchParams({ ...(given(query) as Record<string, string>), format }),
        format === 'csv' ? 'text/csv' : 'application/json',
      ),

    /**
     * The gateway's aggregated readiness (`/ready`: every service, and the signing keys) as a health report; a
     * degraded answer (a 503) is a result, not an error.
     */
    health: async (): Promise<Health> => {
      const { data, error, response } = await shop.GET('/ready', init())
      const report: unknown = response.ok ? data : response.status === 503 ? error : undefined
      if (isReadiness(report))
        return { status: report.status === 'ready' ? 'ok' : 'degraded', services: report.services }
      throw toApiError(response, error, now())
    },
  }
}
