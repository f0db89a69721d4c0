import type { CommonConfig, Service } from '@myshop/service-kit'

/** A declared service of any configuration and dependencies. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds services of every configuration and dependency type
export type AnyService = Service<CommonConfig & Record<string, any>, unknown, any>

/**
 * Every MyShop service, in boot order (a service may name one before it: the product service verifies tokens
 * against the user service's keys). `myshop start` boots them and `myshop db migrate` migrates them; a new service
 * adds one line. Loaded on demand, since most commands need none of them.
 */
export const loadServices = async (): Promise<AnyService[]> => [
  (await import('@myshop/user-service')).userService,
  (await import('@myshop/product-service')).productService,
  (await import('@myshop/inventory-service')).inventoryService,
  (await import('@myshop/payment-service')).paymentService,
  (await import('@myshop/order-service')).orderService,
  (await import('@myshop/notification-service')).notificationService,
  (await import('@myshop/analytics-service')).analyticsService,
]

/** The services' names in boot order: what `loadServices` returns, without loading any of them. */
export const serviceNamesInBootOrder = [
  'user',
  'product',
  'inventory',
  'payment',
  'order',
  'notification',
  'analytics',
] as const

/** Every service's port variable set to `value` (`'0'` picks free ports): `{ USER_PORT: '0', ... }`. */
export const servicePorts = (value = '0'): Record<string, string> =>
  Object.fromEntries(serviceNamesInBootOrder.map((name) => [`${name.toUpperCase()}_PORT`, value]))

/** The variable a service's URL is handed to the gateway and the other services in: `PRODUCT_SERVICE_URL`. */
export const serviceUrlVar = (name: string) => `${name.toUpperCase()}_SERVICE_URL`
