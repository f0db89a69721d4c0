import {
  createVerifier,
  memorySessionStore,
  redisSessionStore,
  type SessionStore,
  type Verifier,
} from '@myshop/auth'
import { AppError } from '@myshop/errors'
import type Redis from 'ioredis'
import type { TokenConfig } from './config.ts'

export interface SessionCheckedVerifierOptions {
  issuer: string
  audience: string
  /** Where the user service publishes its token keys. */
  jwksUrl: string
  /** Where ended sessions are recorded (Redis, or in process). */
  sessions: SessionStore
}

/**
 * How a service that keeps no record of sessions verifies access tokens: the signature and claims against the user
 * service's keys, and the session against the shared store. When the store cannot say whether a session was ended,
 * a signed-in request is refused with a 503 rather than trusted (anonymous requests need no session).
 */
export const sessionCheckedVerifier = ({
  issuer,
  audience,
  jwksUrl,
  sessions,
}: SessionCheckedVerifierOptions): Verifier =>
  createVerifier({
    issuer,
    audience,
    jwksUrl,
    cacheSize: 10_000,
    isSessionActive: (id) =>
      sessions.isActive(id).catch((cause: unknown) => {
        throw new AppError('unavailable', {
          detail: 'Signed-in requests are paused while the session store is unreachable; try again shortly',
          headers: { 'retry-after': '5' },
          cause,
        })
      }),
  })

/**
 * The verifier of a service configured with `tokenVars`: the user service's keys (or JWKS_URL), and ended sessions
 * looked up in the store the embedding process shares, else in Redis when the service has it, else in process.
 */
export const tokenVerifier = (
  config: TokenConfig,
  { redis, sessions }: { redis?: Redis | undefined; sessions?: SessionStore | undefined },
): Verifier =>
  sessionCheckedVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    jwksUrl: config.JWKS_URL ?? `${config.USER_SERVICE_URL}/.well-known/jwks.json`,
    sessions: sessions ?? (redis ? redisSessionStore(redis) : memorySessionStore()),
  })
