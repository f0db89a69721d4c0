import { errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import type { UserDeps } from '../deps.ts'
import { noStore } from '../http.ts'
import { serviceTokenBody, serviceTokenSchema } from './schemas.ts'
import { issueServiceToken } from './service.ts'

export const serviceTokenRoutes = (deps: UserDeps) =>
  new Elysia({ prefix: '/api/v1/auth', tags: ['auth'] })
    .onAfterHandle(noStore)
    .post('/service-token', ({ body }) => issueServiceToken(deps, body.service, body.secret), {
      body: serviceTokenBody,
      response: { 200: serviceTokenSchema, ...errorResponses(400, 401, 422, 503) },
      detail: {
        operationId: 'issueServiceToken',
        summary: 'A short-lived access token for a MyShop service calling another, by its credentials',
      },
    })
