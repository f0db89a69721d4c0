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
  // Setting stock aside for an order: for the services that place orders (admins hold it until services have
  // identities of their own).
  'inventory:reserve',
  'orders:read_own',
  'orders:write_own',
  'orders:read_all',
  'orders:write_all',
  'payments:refund',
  'sagas:manage',
  'notifications:send',
  'reports:read',
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
    'payments:refund',
  ],
  analyst: ['profile:read', 'profile:write', 'reports:read'],
  admin: permissions,
}

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value)

/** The union of permissions granted by the given roles; unknown role names grant nothing. */
export const permissionsFor = (userRoles: readonly string[]): Set<Permission> => {
  const out = new Set<Permission>()
  for (const r of userRoles) if (isRole(r)) for (const p of grants[r]) out.add(p)
  return out
}

export const hasPermission = (userRoles: readonly string[], permission: Permission): boolean =>
  permissionsFor(userRoles).has(permission)
