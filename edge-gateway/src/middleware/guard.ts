import { bearerToken, type Verifier } from '@myshop/auth'
import { fail, type GatewayMiddleware, type RequestState, type Shared } from '../context.ts'
import { type LimitCheck, type Limiter, type LimitOutcome, rateLimitHeaders } from '../limiter.ts'
import type { Route } from '../routes.ts'

export interface GuardDeps {
  shared: Shared
  limiter: Limiter
  verifier: Verifier
  isSessionActive: ((sessionId: string) => Promise<boolean>) | undefined
  /** The session's key in the limiter's store, when sessions live there: one script then answers both. */
  sessionKey: ((sessionId: string) => string) | undefined
}

const challenge = (error?: string) => ({
  'WWW-Authenticate': error ? `Bearer realm="myshop", error="${error}"` : 'Bearer realm="myshop"',
})

const sessionOutcome = (active: boolean) => (active ? ('active' as const) : ('ended' as const))
// Session store down: the token's signature and expiry still hold and the service checks the session again, so
// reads keep working rather than logging everyone out.
const sessionUnknown = () => 'unknown' as const

/**
 * Authentication, authorisation and rate limiting for one route. The token is verified first
 * (CPU only, usually a cache hit) so the per-IP and per-user limits, and the session lookup, go to
 * Redis together in one round trip. Every request is counted against its IP, including ones that
 * end in 401, so invalid-token floods are limited too.
 */
export const guard = (route: Route, deps: GuardDeps): GatewayMiddleware => {
  const limits = deps.shared.config.rateLimit
  // The route's per-IP limit and key prefix, worked out once rather than per request.
  const perIp = { auth: limits.authPerIp, checkout: limits.checkoutPerIp, default: limits.perIp }
  const ipLimit = perIp[route.limit]
  const ipKeyPrefix = `ip:${route.limit}:`
  return async (c, next) => {
    const { metrics } = deps.shared
    const state = c.get('state')
    state.routeLabel = route.label

    let authProblem: { code: 'unauthenticated' | 'invalid_token'; detail: string } | undefined
    let principal: RequestState['principal']
    if (route.policy !== 'public') {
      const header = c.req.header('authorization')
      const token = bearerToken(header)
      if (!token) {
        authProblem = header
          ? { code: 'invalid_token', detail: 'The Authorization header is not a Bearer token.' }
          : { code: 'unauthenticated', detail: 'This route needs a Bearer access token.' }
      } else {
        const verified = await deps.verifier.verify(token)
        if (verified.ok && verified.principal.kind === 'service')
          // A service's token opens other services' doors from inside the shop, not the shop's front door.
          authProblem = {
            code: 'invalid_token',
            detail: 'A service’s access token is not accepted here; services call each other directly.',
          }
        else if (verified.ok) principal = verified.principal
        else
          authProblem = {
            code: 'invalid_token',
            detail: `The access token was rejected (${verified.reason}).`,
          }
      }
    }

    const checks: LimitCheck[] = [
      { scope: 'ip', class: route.limit, key: ipKeyPrefix + state.clientIp, options: ipLimit },
    ]
    if (principal)
      checks.push({
        scope: 'user',
        class: route.limit,
        key: `user:${principal.userId}`,
        options: limits.perUser,
      })

    const sessionId = principal?.sessionId
    let outcome: LimitOutcome
    let session: 'active' | 'ended' | 'unknown'
    if (sessionId && deps.sessionKey && deps.limiter.canLookUp) {
      // Sessions live beside the limits: the limit script looks the session up in the same round trip. A
      // store that failed answers neither, and the session is then unknown, as when its own lookup fails.
      outcome = await deps.limiter(checks, deps.sessionKey(sessionId))
      session = outcome.exists === undefined ? 'unknown' : sessionOutcome(outcome.exists)
    } else
      [outcome, session] = await Promise.all([
        deps.limiter(checks),
        sessionId && deps.isSessionActive
          ? deps.isSessionActive(sessionId).then(sessionOutcome, sessionUnknown)
          : ('unknown' as const),
      ])
    const headers = rateLimitHeaders(outcome)

    const rejected = outcome.results.findIndex((r) => !r.allowed)
    if (rejected >= 0) {
      metrics.rateLimited.inc({ class: route.limit, scope: outcome.checks[rejected]!.scope })
      return fail(c, 'rate_limited', 'Too many requests; retry after the time in Retry-After.', headers)
    }
    if (authProblem) {
      const error = authProblem.code === 'invalid_token' ? 'invalid_token' : undefined
      return fail(c, authProblem.code, authProblem.detail, { ...headers, ...challenge(error) })
    }
    if (principal && session === 'ended') {
      return fail(c, 'invalid_token', 'The session behind this token has ended.', {
        ...headers,
        ...challenge('invalid_token'),
      })
    }
    if (
      principal &&
      typeof route.policy === 'object' &&
      !principal.permissions.has(route.policy.permission)
    ) {
      return fail(c, 'forbidden', `This route needs the ${route.policy.permission} permission.`, headers)
    }

    state.principal = principal
    if (session === 'active') state.confirmedSession = sessionId
    await next()
    const res = c.res
    for (const k in headers) res.headers.set(k, headers[k]!)
  }
}
