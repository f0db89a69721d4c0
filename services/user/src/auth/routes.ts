import {
  authGuard,
  clientIp,
  errorResponses,
  type PeerSource,
  type ProxyTrust,
  requestMeta,
} from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { ClientContext, UserDeps } from '../deps.ts'
import { emailSchema, nameSchema, passwordSchema, userSchema } from '../users/model.ts'
import { createAccount, login, logout, refresh } from './service.ts'

const tokenPairSchema = t.Object({
  accessToken: t.String(),
  refreshToken: t.String(),
  expiresIn: t.Integer({ description: 'Seconds until the access token expires' }),
  tokenType: t.Literal('Bearer'),
})

/** How the service tells who calls: its sockets' peers, and which of them are proxies it believes. */
export interface Addressing {
  peers: PeerSource | null
  trustedProxies: ProxyTrust
}

/** The caller's address and trace, as auth decisions and events need them. */
export const clientContext = (request: Request, { peers, trustedProxies }: Addressing): ClientContext => {
  const meta = requestMeta(request)
  return {
    ip: clientIp(request, peers, trustedProxies),
    userAgent: request.headers.get('user-agent'),
    requestId: meta.requestId,
    traceparent: meta.traceparent,
  }
}

/** Tokens and codes must not be kept by any cache on the way. */
export const noStore = ({ set }: { set: { headers: Record<string, unknown> } }) => {
  set.headers['cache-control'] = 'no-store'
}

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
        body: t.Object({ email: emailSchema, password: passwordSchema, name: nameSchema }),
        response: { 201: userSchema, ...errorResponses(400, 409, 422) },
        detail: { operationId: 'register', summary: 'Create a customer account' },
      },
    )
    .post('/login', async ({ body, request }) => login(deps, body, clientContext(request, addressing)), {
      body: t.Object({
        email: t.String({ minLength: 1, maxLength: 254 }),
        password: passwordSchema,
        deviceToken: t.Optional(t.String({ maxLength: 4096 })),
        unlockCode: t.Optional(
          t.String({
            maxLength: 64,
            description: 'A one-time code from /auth/unlock, while sign-ins are paused',
            examples: ['K7QX-2M9P-4RTW-8HJN'],
          }),
        ),
      }),
      response: {
        200: t.Composite([
          tokenPairSchema,
          t.Object({
            deviceToken: t.String({ description: 'Send it back on later sign-ins from this device' }),
          }),
        ]),
        ...errorResponses(400, 401, 422, 429),
      },
      detail: { operationId: 'login', summary: 'Sign in with email and password' },
    })
    .post('/refresh', async ({ body }) => refresh(deps, body.refreshToken), {
      body: t.Object({ refreshToken: t.String({ minLength: 1, maxLength: 512 }) }),
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
        body: t.Optional(t.Object({ refreshToken: t.Optional(t.String({ maxLength: 512 })) })),
        response: { 204: t.Void(), ...errorResponses(400, 401, 422) },
        detail: { operationId: 'logout', summary: 'End the current session' },
      },
    )
    .post('/keys/rotate', async () => deps.keys.rotate(), {
      auth: 'keys:rotate',
      response: {
        200: t.Object({ kid: t.String(), retiring: t.Array(t.String()) }),
        ...errorResponses(401, 403),
      },
      detail: { operationId: 'rotateSigningKey', summary: 'Rotate the access-token signing key (admin)' },
    })
