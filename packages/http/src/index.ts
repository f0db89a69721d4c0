export { t } from 'elysia'
export {
  completeResponse,
  createHttpApp,
  type HttpAppOptions,
  securityHeaders,
} from './app.ts'
export { auditRoute } from './audit-route.ts'
export { authGuard } from './auth-guard.ts'
export { clientIp, type PeerSource, type ProxyTrust, proxyTrust, trustNoProxy } from './client-ip.ts'
export {
  assessReadiness,
  type ReadinessCheck,
  type ReadinessChecks,
  type ReadinessReport,
} from './readiness.ts'
export { eventContext, type RequestMeta, requestMeta } from './request-meta.ts'
export { auditVerificationSchema, errorResponses, problemSchema } from './schemas.ts'
