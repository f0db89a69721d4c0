import {
  createVerifier,
  memorySessionStore,
  outageTolerantSessions,
  redisSessionStore,
  type SessionStore,
} from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type Redis from 'ioredis'
import { createPasswordHasher, createPasswordPolicy, type PasswordHasherOptions } from './auth/passwords.ts'
import { isFamilyLive } from './auth/repository.ts'
import { type AttemptStore, memoryAttemptStore, redisAttemptStore } from './auth/throttle.ts'
import { outageTolerantAttempts } from './auth/throttle-outage.ts'
import type { UserConfig } from './config.ts'
import type { UserDeps } from './deps.ts'
import type { Sealer } from './keys/sealing.ts'
import { createKeyRing } from './keys/service.ts'
import { fileMailSink, type MailSink } from './unlock/mail.ts'

export interface WiringOptions {
  /** From KEY_ENCRYPTION_SECRET, when set. */
  sealer?: Sealer | undefined
  config: UserConfig
  sql: Db
  redis?: Redis | undefined
  logger: Logger
  eventsWritten?: () => void
  sessions?: SessionStore | undefined
  attempts?: AttemptStore | undefined
  /** Default: a file under MYSHOP_DATA_DIR. */
  mail?: MailSink | undefined
  now?: () => number
  /** Cheaper argon2 parameters, for tests only. */
  hashing?: Partial<PasswordHasherOptions>
}

/** Assembles the user service's dependencies from configuration: Redis-backed when REDIS_URL is set, in-process otherwise. */
export const createUserDeps = ({
  config,
  sql,
  redis,
  logger,
  eventsWritten = () => {},
  sessions: givenSessions,
  attempts,
  mail,
  now = Date.now,
  hashing,
  sealer,
}: WiringOptions): UserDeps => {
  const keys = createKeyRing({
    sql,
    now,
    retireAfterSeconds: config.KEY_RETIRE_AFTER_SECONDS,
    ...(sealer && { sealer }),
  })
  const liveInDatabase = (id: string) => isFamilyLive(sql, id, new Date(now()))
  const sessions =
    givenSessions ??
    (redis
      ? outageTolerantSessions(redisSessionStore(redis), {
          stillLive: liveInDatabase,
          onError: (op, sessionId, error) =>
            logger.warn(
              { op, sessionId, error: String(error) },
              'session store unreachable; write kept for retry',
            ),
        })
      : memorySessionStore(now))
  // PostgreSQL holds every session's truth and Redis mirrors it for speed: while Redis is unreachable (not
  // connected, or a command timed out) the session is looked up there, so signed-in reads keep working and a
  // session ended meanwhile is ended at once.
  const isSessionActive = (id: string) =>
    redis && redis.status !== 'ready'
      ? liveInDatabase(id)
      : sessions.isActive(id).catch((error: unknown) => {
          if (!redis) throw error
          return liveInDatabase(id)
        })
  return {
    sql,
    now,
    logger,
    keys,
    sessions,
    attempts:
      attempts ??
      (redis
        ? outageTolerantAttempts(redisAttemptStore(redis, config.REDIS_PREFIX), memoryAttemptStore(now), {
            reachable: () => redis.status === 'ready',
            onError: (error) =>
              logger.warn({ error: String(error) }, 'login counters unreachable; counting in process'),
          })
        : memoryAttemptStore(now)),
    hasher: createPasswordHasher({ concurrency: config.PASSWORD_HASH_CONCURRENCY, ...hashing }),
    passwordPolicy: createPasswordPolicy(),
    verifier: createVerifier({
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      jwks: () => keys.jwks(),
      // Signatures are checked once per token; the session is still asked on every request.
      cacheSize: 10_000,
      isSessionActive,
      now,
    }),
    eventsWritten,
    mail: mail ?? fileMailSink(config.MYSHOP_DATA_DIR, now),
    settings: {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
      maxFailuresPerClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      lockSeconds: config.LOGIN_LOCK_SECONDS,
      serviceAuthSecret: config.SERVICE_AUTH_SECRET,
      serviceTokenTtlSeconds: config.SERVICE_TOKEN_TTL_SECONDS,
    },
  }
}
