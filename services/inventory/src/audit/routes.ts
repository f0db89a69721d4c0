import { auditRoute } from '@myshop/http'
import type { InventoryDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: InventoryDeps) =>
  auditRoute('inventory', deps.verifier, () => verifyAudit(deps))
