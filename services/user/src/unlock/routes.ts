import { authGuard, errorResponses } from '@myshop/http'
import { Elysia, t } from 'elysia'
import { type Addressing, clientContext, noStore } from '../auth/routes.ts'
import type { UserDeps } from '../deps.ts'
import { emailSchema, userIdParam } from '../users/model.ts'
import { requestUnlock, unlockAccount } from './service.ts'

const unlockResultSchema = t.Object({
  userId: t.String({ examples: ['usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8'] }),
  cleared: t.Integer({ description: 'Failure counters removed', examples: [3] }),
  unlockCode: t.Optional(
    t.String({
      description: 'A one-time code for the owner to sign in with',
      examples: ['K7QX-2M9P-4RTW-8HJN'],
    }),
  ),
  expiresAt: t.Optional(t.String({ format: 'date-time', examples: ['2026-03-01T12:15:00.000Z'] })),
})

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
        body: t.Object({ email: emailSchema }),
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
        body: t.Optional(
          t.Object(
            {
              issueCode: t.Optional(
                t.Boolean({ description: 'Also issue an unlock code to hand to the owner' }),
              ),
            },
            { additionalProperties: false },
          ),
        ),
        response: { 200: unlockResultSchema, ...errorResponses(400, 401, 403, 404, 422) },
        detail: {
          operationId: 'unlockUser',
          summary: "Clear a user's sign-in failure counters (admin)",
          tags: ['users'],
        },
      },
    )
