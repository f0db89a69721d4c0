// Roles map to permissions here and nowhere else; routes ask for permissions, never for roles.
export const roles = [
  'customer',
  'admin',
  'catalog_manager',
  'inventory_manager',
  'support',
  'analyst',
] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'profile:read',
  'profile:write',
  'users:read',
  'users:write',
  'roles:write',
  'catalog:write',
  'inventory:read',
  'inventory:write',
  // Setting stock aside for an order: for the order service's identity (and admins).
  'inventory:reserve',
  // Authorizing, capturing and voiding payments, and refunding them: for the order service's identity (and admins).
  // Support refunds through the order, which keeps its saga and status in step.
  'payment:authorize',
  'payment:refund',
  // Comparing the payment ledger with the providers' records, and a payment with its provider's view: operators.
  'payments:reconcile',
  'orders:read_own',
  'orders:write_own',
  'orders:read_all',
  'orders:write_all',
  'sagas:manage',
  // Configuring what checkout charges: shipping options and tax rates. Admins only.
  'checkout:configure',
  'notifications:send',
  'reports:read',
  // Bringing a shop's history from elsewhere into analytics (orders and tracked events with past times): admins.
  'analytics:import',
  'keys:rotate',
  // Reading whether a service's audit trail is intact: for operators.
  'audit:read',
] as const
export type Permission = (typeof permissions)[number]

const grants: Record<Role, readonly Permission[]> = {
  customer: ['profile:read', 'profile:write', 'orders:read_own', 'orders:write_own'],
  catalog_manager: ['profile:read', 'profile:write', 'catalog:write', 'inventory:read'],
  inventory_manager: ['profile:read', 'profile:write', 'inventory:read', 'inventory:write'],
  support: [
    'profile:read',
    'profile:write',
    'users:read',
    'orders:read_all',
    'orders:write_all',
    'payments:reconcile',
  ],
  analyst: ['profile:read', 'profile:write', 'reports:read'],
  admin: permissions,
}

/**
 * MyShop's services: what the gateway routes to, and who may call another service under an identity of its own
 * (never a shopper's endpoint), with a short-lived token the user service gives it for its credentials.
 */
export const serviceIdentities = [
  'user',
  'product',
  'order',
  'payment',
  'inventory',
  'notification',
  'analytics',
] as const
export type ServiceIdentity = (typeof serviceIdentities)[number]

/** What each service may do when it calls another; nothing beyond what its part of checkout needs. */
const serviceGrants: Record<ServiceIdentity, readonly Permission[]> = {
  user: [],
  product: [],
  // Checkout sets stock aside for an order and gives it back, and has the order's payment authorized, captured,
  // voided or refunded.
  order: ['inventory:reserve', 'payment:authorize', 'payment:refund'],
  payment: [],
  inventory: [],
  // Messages name the staff of a role (inventory managers, administrators) and show an order's shipping address.
  notification: ['users:read', 'orders:read_all'],
  // The inventory report reads current stock.
  analytics: ['inventory:read'],
}

export const isServiceIdentity = (value: string): value is ServiceIdentity =>
  (serviceIdentities as readonly string[]).includes(value)

/** The permissions a service's token carries. */
export const servicePermissions = (service: ServiceIdentity): Set<Permission> =>
  new Set(serviceGrants[service])

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value)

/** The union of permissions granted by the given roles; unknown role names grant nothing. */
export const permissionsFor = (userRoles: readonly string[]): Set<Permission> => {
  const out = new Set<Permission>()
  for (const r of userRoles) if (isRole(r)) for (const p of grants[r]) out.add(p)
  return out
}

export const hasPermission = (userRoles: readonly string[], permission: Permission): boolean =>
  permissionsFor(userRoles).has(permission)
