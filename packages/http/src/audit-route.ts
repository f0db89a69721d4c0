import type { Verifier } from '@myshop/auth'
import type { Static } from '@sinclair/typebox'
import { Elysia } from 'elysia'
import { authGuard } from './auth-guard.ts'
import { auditVerificationSchema, errorResponses } from './schemas.ts'

/**
 * `GET /api/v1/admin/audit/<service>` (`audit:read`): walks the service's hash-chained audit trail with `verify`
 * and reports the first entry that does not hold. Every service with an audit trail mounts it the same way, under
 * the operation `verify<Service>Audit` that `myshop audit verify` calls.
 */
export const auditRoute = (
  service: string,
  verifier: Verifier,
  verify: () => Promise<Static<typeof auditVerificationSchema>>,
) =>
  new Elysia({ prefix: '/api/v1/admin/audit', tags: ['audit'] })
    .use(authGuard(verifier))
    .get(`/${service}`, verify, {
      auth: 'audit:read',
      response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: `verify${service[0]!.toUpperCase()}${service.slice(1)}Audit`,
        summary: `Walk the ${service} service's hash-chained audit trail and report the first entry that does not hold`,
      },
    })
