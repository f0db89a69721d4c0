import { authGuard, errorResponses } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { UserDeps } from '../deps.ts'
import { type Addressing, clientContext, noStore } from '../http.ts'
import { userSchema } from '../users/schemas.ts'
import { createAccount } from '../users/service.ts'
import {
  credentialsBody,
  logoutBody,
  refreshBody,
  registrationBody,
  rotatedKeySchema,
  signInSchema,
  tokenPairSchema,
} from './schemas.ts'
import { login, logout, refresh } from './service.ts'

export const authRoutes = (deps: UserDeps, addressing: Addressing) =>
  new Elysia({ prefix: '/api/v1/auth', tags: ['auth'] })
    .use(authGuard(deps.verifier))
    .onAfterHandle(noStore)
    .post(
      '/register',
      async ({ body, request, set }) => {
        const user = await createAccount(
          deps,
          { ...body, roles: ['customer'] },
          clientContext(request, addressing),
        )
        set.status = 201
        set.headers.location = `/api/v1/users/${user.id}`
        return user
      },
      {
        body: registrationBody,
        response: { 201: userSchema, ...errorResponses(400, 409, 422) },
        detail: { operationId: 'register', summary: 'Create a customer account' },
      },
    )
    .post('/login', async ({ body, request }) => login(deps, body, clientContext(request, addressing)), {
      body: credentialsBody,
      response: { 200: signInSchema, ...errorResponses(400, 401, 422, 429) },
      detail: { operationId: 'login', summary: 'Sign in with email and password' },
    })
    .post('/refresh', async ({ body }) => refresh(deps, body.refreshToken), {
      body: refreshBody,
      response: { 200: tokenPairSchema, ...errorResponses(400, 401, 422) },
      detail: { operationId: 'refreshTokens', summary: 'Rotate a refresh token for a new token pair' },
    })
    .post(
      '/logout',
      async ({ principal, body, set }) => {
        await logout(deps, principal, body?.refreshToken)
        set.status = 204
      },
      {
        auth: true,
        body: logoutBody,
        response: { 204: t.Void(), ...errorResponses(400, 401, 422) },
        detail: { operationId: 'logout', summary: 'End the current session' },
      },
    )
    .post('/keys/rotate', async () => deps.keys.rotate(), {
      auth: 'keys:rotate',
      response: { 200: rotatedKeySchema, ...errorResponses(401, 403) },
      detail: { operationId: 'rotateSigningKey', summary: 'Rotate the access-token signing key (admin)' },
    })
