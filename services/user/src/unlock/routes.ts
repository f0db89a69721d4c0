import { authGuard, errorResponses } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { UserDeps } from '../deps.ts'
import { type Addressing, clientContext, noStore } from '../http.ts'
import { userIdParam } from '../users/schemas.ts'
import { unlockOptionsBody, unlockRequestBody, unlockResultSchema } from './schemas.ts'
import { requestUnlock, unlockAccount } from './service.ts'

/** Recovering an account whose sign-ins are paused by failures: a code for the owner, a reset for administrators. */
export const unlockRoutes = (deps: UserDeps, addressing: Addressing) =>
  new Elysia({ prefix: '/api/v1' })
    .use(authGuard(deps.verifier))
    .onAfterHandle(noStore)
    .post(
      '/auth/unlock',
      async ({ body, request, set }) => {
        await requestUnlock(deps, body.email, clientContext(request, addressing))
        set.status = 202
      },
      {
        body: unlockRequestBody,
        response: { 202: t.Void(), ...errorResponses(400, 422) },
        detail: {
          operationId: 'requestUnlock',
          summary: 'Send the account owner a one-time unlock code',
          description:
            'Answers 202 whether or not the account exists. The code, sent with the password to /auth/login as ' +
            '`unlockCode`, signs in even while failures from other clients pause sign-ins to the account.',
          tags: ['auth'],
        },
      },
    )
    .post(
      '/users/:id/unlock',
      async ({ principal, params, body, request }) =>
        unlockAccount(deps, principal, params.id, body ?? {}, clientContext(request, addressing)),
      {
        auth: 'users:write',
        params: userIdParam,
        body: unlockOptionsBody,
        response: { 200: unlockResultSchema, ...errorResponses(400, 401, 403, 404, 422) },
        detail: {
          operationId: 'unlockUser',
          summary: "Clear a user's sign-in failure counters (admin)",
          tags: ['users'],
        },
      },
    )
