import { attestedSession, bearerToken, type Permission, type Principal, type Verifier } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { permissionExtension } from '@myshop/openapi'
import { Elysia } from 'elysia'

const challenge = { 'www-authenticate': 'Bearer realm="myshop"' }

/**
 * Adds the `auth` route option: `auth: true` needs a person's valid access token, `auth: 'users:read'` a valid
 * token holding that permission, a person's or a service's (see Principal). A service's token never stands for a
 * person: routes that act for the signed-in user refuse it. Services verify tokens themselves; a request that
 * bypassed the gateway is not trusted.
 */
export const authGuard = (verifier: Verifier) =>
  new Elysia({ name: 'myshop-auth-guard' }).macro({
    auth: (requirement: true | Permission) => ({
      detail: {
        security: [{ bearer: [] }],
        ...(requirement !== true && { [permissionExtension]: requirement }),
      },
      // The raw header, not Elysia's `headers`: asking for that copies every header into an object per request.
      async resolve({ request }): Promise<{ principal: Principal; accessToken: string }> {
        const token = bearerToken(request.headers.get('authorization'))
        if (!token) throw new AppError('unauthenticated', { headers: challenge })
        // The signature and claims are always checked; only the session lookup the gateway in this process
        // has just made is not repeated.
        const result = await verifier.verify(token, { activeSession: attestedSession(request) })
        if (!result.ok) {
          throw new AppError('invalid_token', {
            detail: result.reason === 'revoked' ? 'The session has ended' : 'The access token is not valid',
            headers: { 'www-authenticate': 'Bearer realm="myshop", error="invalid_token"' },
          })
        }
        if (requirement === true && result.principal.kind === 'service') {
          throw new AppError('forbidden', {
            detail: 'This route acts for a signed-in person, not for a service',
          })
        }
        if (requirement !== true && !result.principal.permissions.has(requirement)) {
          throw new AppError('forbidden', { detail: `Requires the ${requirement} permission` })
        }
        return { principal: result.principal, accessToken: token }
      },
    }),
  })
