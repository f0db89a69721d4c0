import { auditRoute } from '@myshop/http'
import type { OrderDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: OrderDeps) => auditRoute('order', deps.verifier, () => verifyAudit(deps))
