import { auditVerificationSchema, authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { PaymentDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: PaymentDeps) =>
  new Elysia({ prefix: '/api/v1/admin/audit', tags: ['audit'] })
    .use(authGuard(deps.verifier))
    .get('/payment', () => verifyAudit(deps), {
      auth: 'audit:read',
      response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'verifyPaymentAudit',
        summary:
          "Walk the payment service's hash-chained audit trail and report the first entry that does not hold",
      },
    })
