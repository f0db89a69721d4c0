import { auditVerificationSchema, authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { OrderDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: OrderDeps) =>
  new Elysia({ prefix: '/api/v1/admin/audit', tags: ['audit'] })
    .use(authGuard(deps.verifier))
    .get('/order', () => verifyAudit(deps), {
      auth: 'audit:read',
      response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'verifyOrderAudit',
        summary:
          "Walk the order service's hash-chained audit trail and report the first entry that does not hold",
      },
    })
