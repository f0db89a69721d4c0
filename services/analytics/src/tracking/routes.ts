import { attestedSession, bearerToken } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { authGuard, clientIp, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { AnalyticsDeps } from '../deps.ts'
import { importAnswer, importBody, trackAnswer, trackBody } from './schemas.ts'
import { importEvents, track } from './service.ts'

/**
 * The shopper a request is for, or null for a guest. Credentials that are sent must be a valid access token (401
 * otherwise); a service's token stands for no shopper.
 */
const shopperOf = async (deps: AnalyticsDeps, request: Request): Promise<string | null> => {
  const header = request.headers.get('authorization')
  if (!header) return null
  const token = bearerToken(header)
  const result = token ? await deps.verifier.verify(token, { activeSession: attestedSession(request) }) : null
  if (!result?.ok)
    throw new AppError('invalid_token', {
      detail: 'The access token is not valid',
      headers: { 'www-authenticate': 'Bearer realm="myshop", error="invalid_token"' },
    })
  return result.principal.kind === 'user' ? result.principal.userId : null
}

export const trackingRoutes = (deps: AnalyticsDeps) => {
  const { peers, trustedProxies } = deps.tracking.addressing
  return new Elysia({ prefix: '/api/v1', tags: ['analytics'] })
    .use(authGuard(deps.verifier))
    .post(
      '/track',
      async ({ body, request, set }) => {
        const answer = await track(deps, body, {
          userId: await shopperOf(deps, request),
          ip: clientIp(request, peers, trustedProxies),
          userAgent: request.headers.get('user-agent'),
          globalPrivacyControl: request.headers.get('sec-gpc')?.trim() === '1',
        })
        set.status = 202
        return answer
      },
      {
        body: trackBody(deps.tracking.settings.batchMax),
        response: { 202: trackAnswer, ...errorResponses(401, 422, 429, 503) },
        detail: {
          operationId: 'trackEvents',
          summary:
            'Record a batch of shopper events (202; stored within moments). A bearer token, when sent, names the shopper',
        },
      },
    )
    .post('/admin/analytics/events/import', async ({ body }) => importEvents(deps, body.events), {
      auth: 'analytics:import',
      body: importBody,
      response: { 200: importAnswer, ...errorResponses(401, 403, 422) },
      detail: {
        operationId: 'importTrackedEvents',
        summary: 'Store events recorded elsewhere, each with its id (idempotent), before answering',
      },
    })
}
