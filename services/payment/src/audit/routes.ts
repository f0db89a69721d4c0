import { auditRoute } from '@myshop/http'
import type { PaymentDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: PaymentDeps) =>
  auditRoute('payment', deps.verifier, () => verifyAudit(deps))
