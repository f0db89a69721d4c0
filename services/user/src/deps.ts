import type { SessionStore, Verifier } from '@myshop/auth'
import type { Db } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type { PasswordHasher, PasswordPolicy } from './auth/passwords.ts'
import type { AttemptStore } from './auth/throttle.ts'
import type { KeyRing } from './keys/service.ts'
import type { MailSink } from './unlock/mail.ts'

/** Everything the user service's features need, passed in so tests supply their own. */
export interface UserDeps {
  sql: Db
  now: () => number
  logger: Logger
  keys: KeyRing
  sessions: SessionStore
  attempts: AttemptStore
  hasher: PasswordHasher
  passwordPolicy: PasswordPolicy
  verifier: Verifier
  /** Messages to account owners (unlock codes). */
  mail: MailSink
  /** Wakes the outbox relay after a commit that wrote events. */
  eventsWritten: () => void
  settings: UserSettings
}

export interface UserSettings {
  issuer: string
  audience: string
  accessTtlSeconds: number
  refreshTtlSeconds: number
  refreshReuseGraceSeconds: number
  maxFailuresPerClient: number
  maxFailuresPerAccount: number
  lockSeconds: number
  /** The shop's secret services derive theirs from; undefined turns service identities off. */
  serviceAuthSecret: string | undefined
  serviceTokenTtlSeconds: number
}

/** Facts about the caller that auth decisions and audit fields use. */
export interface ClientContext {
  ip: string | null
  userAgent: string | null
  requestId?: string
  traceparent?: string
}

export const source = 'user'
export const schema = 'users'
