export { attestedSession, type Handoff, handOff, handoffOf } from './attestation.ts'
export { bearerToken } from './bearer.ts'
export { tokenAlgorithm, tokenAudience } from './constants.ts'
export {
  hasPermission,
  isRole,
  isServiceIdentity,
  type Permission,
  permissions,
  permissionsFor,
  type Role,
  roles,
  type ServiceIdentity,
  serviceIdentities,
  servicePermissions,
} from './rbac.ts'
export { serviceSecret, verifyServiceSecret } from './service-secret.ts'
export {
  memorySessionStore,
  type OutageTolerantOptions,
  type OutageTolerantSessionStore,
  outageTolerantSessions,
  redisSessionStore,
  type SessionStore,
  sessionKey,
} from './sessions.ts'
export {
  createVerifier,
  type Principal,
  serviceSubject,
  type Verifier,
  type VerifierOptions,
  type VerifyOptions,
  type VerifyResult,
} from './verify.ts'
