/** The closed list of machine-readable error codes, each mapped to its HTTP status in one place. */
export const errorCodes = {
  bad_request: 400,
  invalid_signature: 400,
  malformed_json: 400,
  validation_failed: 422,
  unauthenticated: 401,
  payment_declined: 402,
  invalid_token: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  insufficient_stock: 409,
  cart_changed: 409,
  cart_empty: 422,
  sku_unavailable: 422,
  currency_mismatch: 422,
  cart_limit: 422,
  invalid_transition: 409,
  idempotency_in_flight: 409,
  idempotency_mismatch: 422,
  weak_password: 422,
  shipping_unavailable: 422,
  provider_unavailable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  too_many_attempts: 429,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
} as const

export type ErrorCode = keyof typeof errorCodes

const titles: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  invalid_signature: 'Signature not valid',
  malformed_json: 'Malformed JSON body',
  validation_failed: 'Validation failed',
  unauthenticated: 'Authentication required',
  payment_declined: 'Payment declined',
  invalid_token: 'Invalid token',
  invalid_credentials: 'Invalid credentials',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  route_not_found: 'No such route',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  email_taken: 'Email already registered',
  insufficient_stock: 'Not enough stock',
  cart_changed: 'The cart changed',
  cart_empty: 'The cart is empty',
  sku_unavailable: 'Not for sale',
  currency_mismatch: 'Another currency than the cart',
  cart_limit: 'Over the cart limits',
  invalid_transition: 'Not allowed in the current status',
  idempotency_in_flight: 'A request with this idempotency key is still in flight',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  weak_password: 'Password too weak',
  shipping_unavailable: 'Shipping option not available',
  provider_unavailable: 'Payment provider not offered',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  too_many_attempts: 'Too many attempts',
  internal: 'Internal error',
  bad_gateway: 'Bad gateway',
  unavailable: 'Service unavailable',
  gateway_timeout: 'Upstream timed out',
}

/** One invalid field of a request, as reported in a problem's `errors` member. */
export interface FieldError {
  path: string
  message: string
}

export interface AppErrorOptions {
  detail?: string
  cause?: unknown
  errors?: FieldError[]
  headers?: Record<string, string>
  /** Members of the problem document beyond the standard ones (e.g. `shortages`), for clients to act on. */
  extensions?: Record<string, unknown>
}

/** The only error type business code throws for expected failures; rendered as RFC 9457 problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly detail: string | undefined
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string> | undefined
  readonly extensions: Record<string, unknown> | undefined

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? titles[code], options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = errorCodes[code]
    this.detail = options.detail
    this.errors = options.errors
    this.headers = options.headers
    this.extensions = options.extensions
  }
}

/** An RFC 9457 problem document with MyShop's extension members. */
export interface Problem {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail?: string
  instance?: string
  requestId?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** Renders an error code (and optional detail) as a problem document. */
export const problem = (
  code: ErrorCode,
  extra: {
    detail?: string
    instance?: string
    requestId?: string
    errors?: FieldError[]
    extensions?: Record<string, unknown> | undefined
  } = {},
): Problem => ({
  // Extensions first: they never replace a standard member.
  ...extra.extensions,
  type: `https://myshop.dev/problems/${code.replaceAll('_', '-')}`,
  title: titles[code],
  status: errorCodes[code],
  code,
  ...(extra.detail !== undefined && { detail: extra.detail }),
  ...(extra.instance !== undefined && { instance: extra.instance }),
  ...(extra.requestId !== undefined && { requestId: extra.requestId }),
  ...(extra.errors !== undefined && { errors: extra.errors }),
})

/** Builds a `Response` carrying a problem document. */
export const problemResponse = (p: Problem, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
