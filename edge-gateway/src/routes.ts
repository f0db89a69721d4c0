import type { Permission } from '@myshop/auth'
import type { ServiceName } from './config.ts'

/** Who may call a route: anyone, any signed-in user, or a user holding a permission. */
export type Policy = 'public' | 'authenticated' | { permission: Permission }

/**
 * Which per-IP limit applies. `auth` routes are brute-force targets and `checkout` is where stolen cards are tried:
 * both fail closed when Redis is down, each with a bucket of its own so signing in does not use up buying.
 */
export type LimitClass = 'auth' | 'checkout' | 'default'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Route {
  method: Method
  /**
   * A Hono path pattern; the request path is forwarded to the service unchanged. Patterns never overlap (a
   * parameter excludes its fixed siblings, as `:id` excludes `me`), so each request matches one route and
   * Hono calls its handler directly.
   */
  path: string
  /** The pattern without parameter constraints: the metrics label. */
  label: string
  service: ServiceName
  policy: Policy
  limit: LimitClass
  /** Bodies this route takes: `upload` for files, allowed up to UPLOAD_BODY_LIMIT_BYTES; else BODY_LIMIT_BYTES. */
  body?: 'upload'
}

/** A route's path as OpenAPI writes it: `:id{(?!me$)[^/]+}` becomes `{id}`. */
export const openApiPath = (path: string): string =>
  path.replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, '{$1}')

const r = (
  method: Method,
  path: string,
  service: ServiceName,
  policy: Policy,
  limit: LimitClass = 'default',
): Route => ({
  method,
  path,
  label: path.replace(/\{[^}]*\}/g, ''),
  service,
  policy,
  limit,
})

const v1 = '/api/v1'

/** Every route the gateway exposes. A new service adds one line per route. */
export const routes: Route[] = [
  r('POST', `${v1}/auth/register`, 'user', 'public', 'auth'),
  r('POST', `${v1}/auth/login`, 'user', 'public', 'auth'),
  r('POST', `${v1}/auth/refresh`, 'user', 'public', 'auth'),
  r('POST', `${v1}/auth/unlock`, 'user', 'public', 'auth'),
  r('POST', `${v1}/auth/service-token`, 'user', 'public', 'auth'),
  r('POST', `${v1}/auth/logout`, 'user', 'authenticated', 'auth'),
  r('POST', `${v1}/auth/keys/rotate`, 'user', { permission: 'keys:rotate' }),
  r('GET', `${v1}/users/me`, 'user', 'authenticated'),
  r('PATCH', `${v1}/users/me`, 'user', 'authenticated'),
  r('GET', `${v1}/users`, 'user', { permission: 'users:read' }),
  r('POST', `${v1}/users`, 'user', { permission: 'users:write' }),
  r('GET', `${v1}/users/:id{(?!me$)[^/]+}`, 'user', { permission: 'users:read' }),
  r('PUT', `${v1}/users/:id/roles`, 'user', { permission: 'roles:write' }),
  r('POST', `${v1}/users/:id/unlock`, 'user', { permission: 'users:write' }),
  r('GET', `${v1}/products`, 'product', 'public'),
  r('GET', `${v1}/products/suggest`, 'product', 'public'),
  r('GET', `${v1}/products/:id{(?!suggest$)[^/]+}`, 'product', 'public'),
  r('POST', `${v1}/products`, 'product', { permission: 'catalog:write' }),
  r('POST', `${v1}/products/variants/lookup`, 'product', 'public'),
  r('PATCH', `${v1}/products/:id`, 'product', { permission: 'catalog:write' }),
  r('DELETE', `${v1}/products/:id`, 'product', { permission: 'catalog:write' }),
  { ...r('POST', `${v1}/products/:id/images`, 'product', { permission: 'catalog:write' }), body: 'upload' },
  r('POST', `${v1}/products/:id/images/presign`, 'product', { permission: 'catalog:write' }),
  r('POST', `${v1}/products/:id/images/confirm`, 'product', { permission: 'catalog:write' }),
  r('DELETE', `${v1}/products/:id/images/:imageId`, 'product', { permission: 'catalog:write' }),
  r('GET', `${v1}/categories`, 'product', 'public'),
  r('GET', `${v1}/categories/:id`, 'product', 'public'),
  r('POST', `${v1}/categories`, 'product', { permission: 'catalog:write' }),
  r('PATCH', `${v1}/categories/:id`, 'product', { permission: 'catalog:write' }),
  r('DELETE', `${v1}/categories/:id`, 'product', { permission: 'catalog:write' }),
  r('POST', `${v1}/catalog/import`, 'product', { permission: 'catalog:write' }),
  r('GET', `${v1}/catalog/export`, 'product', { permission: 'catalog:write' }),
  r('POST', `${v1}/catalog/reindex`, 'product', { permission: 'catalog:write' }),
  r('GET', `${v1}/catalog/reindex/:jobId`, 'product', { permission: 'catalog:write' }),
  r('GET', `${v1}/inventory/low`, 'inventory', { permission: 'inventory:read' }),
  r('GET', `${v1}/inventory/:sku{(?!low$)[^/]+}`, 'inventory', 'public'),
  r('POST', `${v1}/inventory/:sku/adjustments`, 'inventory', { permission: 'inventory:write' }),
  r('PUT', `${v1}/inventory/:sku/threshold`, 'inventory', { permission: 'inventory:write' }),
  r('POST', `${v1}/reservations`, 'inventory', { permission: 'inventory:reserve' }),
  r('GET', `${v1}/reservations/:id`, 'inventory', { permission: 'inventory:reserve' }),
  r('POST', `${v1}/reservations/:id/commit`, 'inventory', { permission: 'inventory:reserve' }),
  r('POST', `${v1}/reservations/:id/release`, 'inventory', { permission: 'inventory:reserve' }),
  r('POST', `${v1}/reservations/:id/restocks`, 'inventory', { permission: 'inventory:reserve' }),
  // Carts: guests and signed-in shoppers alike; a shopper's cart is theirs alone (the service answers 404).
  r('POST', `${v1}/carts`, 'order', 'public'),
  r('GET', `${v1}/carts/:id`, 'order', 'public'),
  r('POST', `${v1}/carts/:id/items`, 'order', 'public'),
  r('PATCH', `${v1}/carts/:id/items/:sku`, 'order', 'public'),
  r('DELETE', `${v1}/carts/:id/items/:sku`, 'order', 'public'),
  r('POST', `${v1}/payments`, 'payment', { permission: 'payment:authorize' }),
  // What checkout offers, and where a provider sends the shopper back: public, as the shopper holds no token there.
  r('GET', `${v1}/payments/providers`, 'payment', 'public'),
  r('GET', `${v1}/payments/:id/return`, 'payment', 'public'),
  r('GET', `${v1}/payments/:id{(?!providers$)[^/]+}`, 'payment', { permission: 'payment:authorize' }),
  r('POST', `${v1}/payments/:id/resolve`, 'payment', { permission: 'payment:authorize' }),
  r('POST', `${v1}/payments/:id/capture`, 'payment', { permission: 'payment:authorize' }),
  r('POST', `${v1}/payments/:id/void`, 'payment', { permission: 'payment:authorize' }),
  r('POST', `${v1}/payments/:id/refunds`, 'payment', { permission: 'payment:refund' }),
  // The test provider's own: the page a customer approves a payment at, and its signed callback.
  r('GET', `${v1}/payments/test-provider/3ds/:chargeId`, 'payment', 'public'),
  r('POST', `${v1}/webhooks/test-provider`, 'payment', 'public'),
  // Providers' events: public, each trusted for its signature over the raw body, which the gateway passes on as sent.
  r('POST', `${v1}/webhooks/stripe`, 'payment', 'public'),
  r('POST', `${v1}/webhooks/paypal`, 'payment', 'public'),
  r('GET', `${v1}/admin/payments/reconciliation`, 'payment', { permission: 'payments:reconcile' }),
  r('GET', `${v1}/admin/payments/:id/provider`, 'payment', { permission: 'payments:reconcile' }),
  r('GET', `${v1}/admin/audit/payment`, 'payment', { permission: 'audit:read' }),
  r('GET', `${v1}/admin/audit/inventory`, 'inventory', { permission: 'audit:read' }),
  // Checkout moves money and stock: its per-IP limit fails closed like sign-in's.
  r('POST', `${v1}/checkout`, 'order', 'public', 'checkout'),
  r('POST', `${v1}/orders/:id/cancel`, 'order', 'authenticated'),
  r('POST', `${v1}/orders/:id/refunds`, 'order', { permission: 'orders:write_all' }),
  r('GET', `${v1}/admin/sagas`, 'order', { permission: 'sagas:manage' }),
  r('GET', `${v1}/admin/sagas/:id`, 'order', { permission: 'sagas:manage' }),
  r('POST', `${v1}/admin/sagas/:id/retry`, 'order', { permission: 'sagas:manage' }),
  r('POST', `${v1}/admin/sagas/:id/compensate`, 'order', { permission: 'sagas:manage' }),
  r('GET', `${v1}/orders`, 'order', { permission: 'orders:read_own' }),
  r('GET', `${v1}/orders/:id`, 'order', 'authenticated'),
  r('POST', `${v1}/orders/:id/fulfillments`, 'order', { permission: 'orders:write_all' }),
  r('POST', `${v1}/orders/:id/deliveries`, 'order', { permission: 'orders:write_all' }),
  r('GET', `${v1}/admin/orders`, 'order', { permission: 'orders:read_all' }),
  r('GET', `${v1}/admin/audit/order`, 'order', { permission: 'audit:read' }),
  r('GET', `${v1}/shipping-options`, 'order', 'public'),
  r('GET', `${v1}/admin/notifications`, 'notification', { permission: 'notifications:send' }),
  r('POST', `${v1}/admin/notifications/retry-failed`, 'notification', { permission: 'notifications:send' }),
  r('POST', `${v1}/admin/notifications/test`, 'notification', { permission: 'notifications:send' }),
  r('GET', `${v1}/admin/notifications/templates/:name/preview`, 'notification', {
    permission: 'notifications:send',
  }),
  r('GET', `${v1}/admin/notifications/:id`, 'notification', { permission: 'notifications:send' }),
  r('POST', `${v1}/admin/notifications/:id/retry`, 'notification', { permission: 'notifications:send' }),
  r('GET', `${v1}/notifications/preferences`, 'notification', 'authenticated'),
  r('PATCH', `${v1}/notifications/preferences`, 'notification', 'authenticated'),
  // One-click unsubscribe (RFC 8058): the link in the email is the credential, signed by the notification service.
  r('GET', `${v1}/notifications/unsubscribe`, 'notification', 'public'),
  r('POST', `${v1}/notifications/unsubscribe`, 'notification', 'public'),
  r('GET', `${v1}/push/vapid-public-key`, 'notification', 'public'),
  r('POST', `${v1}/push/subscriptions`, 'notification', 'authenticated'),
  r('DELETE', `${v1}/push/subscriptions`, 'notification', 'authenticated'),
  // Email and SMS providers' delivery reports: public, each trusted for its signature over the raw body.
  r('POST', `${v1}/webhooks/sendgrid`, 'notification', 'public'),
  r('POST', `${v1}/webhooks/twilio`, 'notification', 'public'),
  r('GET', `${v1}/admin/shipping-options`, 'order', { permission: 'checkout:configure' }),
  r('POST', `${v1}/admin/shipping-options`, 'order', { permission: 'checkout:configure' }),
  r('GET', `${v1}/admin/shipping-options/:id`, 'order', { permission: 'checkout:configure' }),
  r('PATCH', `${v1}/admin/shipping-options/:id`, 'order', { permission: 'checkout:configure' }),
  r('DELETE', `${v1}/admin/shipping-options/:id`, 'order', { permission: 'checkout:configure' }),
  r('GET', `${v1}/admin/tax-rates`, 'order', { permission: 'checkout:configure' }),
  r('PUT', `${v1}/admin/tax-rates/:country`, 'order', { permission: 'checkout:configure' }),
  r('DELETE', `${v1}/admin/tax-rates/:country`, 'order', { permission: 'checkout:configure' }),
  // Shoppers' browsers send events with or without a token; the analytics service reads one when it is there.
  r('POST', `${v1}/track`, 'analytics', 'public'),
  r('POST', `${v1}/admin/analytics/events/import`, 'analytics', { permission: 'analytics:import' }),
  r('GET', `${v1}/reports/funnel`, 'analytics', { permission: 'reports:read' }),
  r('GET', `${v1}/reports/search`, 'analytics', { permission: 'reports:read' }),
  r('POST', `${v1}/admin/analytics/orders/import`, 'analytics', { permission: 'analytics:import' }),
  r('GET', `${v1}/reports/sales`, 'analytics', { permission: 'reports:read' }),
  r('GET', `${v1}/reports/products`, 'analytics', { permission: 'reports:read' }),
  r('GET', `${v1}/reports/cohorts`, 'analytics', { permission: 'reports:read' }),
  r('GET', `${v1}/reports/inventory`, 'analytics', { permission: 'reports:read' }),
  r('GET', '/media/*', 'product', 'public'),
  r('GET', '/.well-known/jwks.json', 'user', 'public'),
  r('GET', `${v1}/.well-known/jwks.json`, 'user', 'public'),
]
