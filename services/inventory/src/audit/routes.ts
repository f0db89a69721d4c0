import { auditVerificationSchema, authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { InventoryDeps } from '../deps.ts'
import { verifyAudit } from './service.ts'

export const auditRoutes = (deps: InventoryDeps) =>
  new Elysia({ prefix: '/api/v1/admin/audit', tags: ['audit'] })
    .use(authGuard(deps.verifier))
    .get('/inventory', () => verifyAudit(deps), {
      auth: 'audit:read',
      response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'verifyInventoryAudit',
        summary:
          "Walk the inventory service's hash-chained audit trail and report the first entry that does not hold",
      },
    })
