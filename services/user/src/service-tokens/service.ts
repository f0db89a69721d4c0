import { type ServiceIdentity, serviceSubject, tokenAlgorithm, verifyServiceSecret } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import { SignJWT } from 'jose'
import type { UserDeps } from '../deps.ts'

/**
 * A short-lived access token for a MyShop service calling another, by its credentials (OAuth 2.0's client
 * credentials grant, in MyShop's shape). It carries no session and no roles: the permissions its service is
 * granted in `@myshop/auth`'s rbac, nothing that stands for a person.
 */
export const issueServiceToken = async (deps: UserDeps, service: ServiceIdentity, secret: string) => {
  const shopSecret = deps.settings.serviceAuthSecret
  if (!shopSecret)
    throw new AppError('unavailable', {
      detail: 'Service identities are off: the user service has no SERVICE_AUTH_SECRET',
    })
  if (!(await verifyServiceSecret(shopSecret, service, secret))) {
    deps.logger.warn({ service }, 'service token refused: wrong secret')
    throw new AppError('invalid_credentials', { detail: 'The service’s secret is not valid' })
  }
  const { kid, key } = await deps.keys.signingKey()
  const iat = Math.floor(deps.now() / 1000)
  const expiresIn = deps.settings.serviceTokenTtlSeconds
  const accessToken = await new SignJWT({ svc: service })
    .setProtectedHeader({ alg: tokenAlgorithm, kid, typ: 'at+jwt' })
    .setIssuer(deps.settings.issuer)
    .setAudience(deps.settings.audience)
    .setSubject(serviceSubject(service))
    .setJti(newId('req').slice(4))
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + expiresIn)
    .sign(key)
  return { accessToken, expiresIn, tokenType: 'Bearer' as const }
}
