import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose'
import { tokenAlgorithm } from './constants.ts'
import {
  isRole,
  isServiceIdentity,
  type Permission,
  permissionsFor,
  type Role,
  type ServiceIdentity,
  servicePermissions,
} from './rbac.ts'

/**
 * Who a verified access token speaks for: a person signed in (`user`), or a MyShop service calling another with a
 * token of its own (`service`: no session, no roles, its subject `svc_<name>`, the permissions its service is granted).
 */
export interface Principal {
  kind: 'user' | 'service'
  userId: string
  /** The sign-in the token belongs to; empty for a service. */
  sessionId: string
  roles: Role[]
  permissions: Set<Permission>
  /** Expiry, seconds since the epoch. */
  exp: number
  /** The calling service, for a service's token. */
  service?: ServiceIdentity
}

/** The subject of a service's tokens. */
export const serviceSubject = (service: ServiceIdentity): string => `svc_${service}`

export type VerifyResult =
  | { ok: true; principal: Principal }
  | {
      ok: false
      reason:
        | 'malformed'
        | 'bad_kid'
        | 'expired'
        | 'not_yet_valid'
        | 'invalid'
        | 'claims'
        | 'revoked'
        | 'jwks_unavailable'
    }

export interface VerifierOptions {
  issuer: string
  audience: string
  /** Where the issuer publishes its keys; refetched on an unknown `kid` (rate-limited by jose's cooldown). */
  jwksUrl?: string
  /** A fixed key set instead of a URL (the user service verifies against its own keys). */
  jwks?: () => JSONWebKeySet | Promise<JSONWebKeySet>
  /** Leeway for `exp`/`nbf`, in seconds. */
  clockToleranceSeconds?: number
  /** Cache verified tokens until they expire; entries are bounded by `cacheSize`. */
  cacheSize?: number
  /** Asked after the signature checks out; a session that is not active makes the token fail. */
  isSessionActive?: (sessionId: string) => Promise<boolean>
  /** Custom fetch for the JWKS (tests, runtimes). */
  fetch?: typeof fetch
  now?: () => number
}

export interface VerifyOptions {
  /** A session this process already found active for the request (see `handOff`): not asked again. */
  activeSession?: string | undefined
}

export interface Verifier {
  verify(token: string, options?: VerifyOptions): Promise<VerifyResult>
  /** Drops cached verifications (a session was revoked). */
  forget(token?: string): void
}

const kidPattern = /^[A-Za-z0-9_-]{1,64}$/
const b64urlJson = (part: string): Record<string, unknown> | null => {
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'))
    const v: unknown = JSON.parse(json)
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const toPrincipal = (payload: JWTPayload): Principal | null => {
  const { sub, sid, roles, exp, svc } = payload as JWTPayload & {
    sid?: unknown
    roles?: unknown
    svc?: unknown
  }
  if (svc !== undefined) {
    // A service's token: its name must be one MyShop knows and its subject must say the same; it has no session.
    if (typeof svc !== 'string' || !isServiceIdentity(svc) || sub !== serviceSubject(svc)) return null
    if (typeof exp !== 'number' || sid !== undefined) return null
    const permissions = servicePermissions(svc)
    return { kind: 'service', userId: sub, sessionId: '', roles: [], permissions, exp, service: svc }
  }
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null
  if (!Array.isArray(roles) || !roles.every((r): r is string => typeof r === 'string')) return null
  const known = roles.filter(isRole)
  return { kind: 'user', userId: sub, sessionId: sid, roles: known, permissions: permissionsFor(known), exp }
}

/**
 * Verifies MyShop access tokens: ES256 only, `kid` required and well-formed, `iss`, `aud`, `exp`
 * and `nbf` checked with a small skew, then the session is asked whether it is still active.
 */
export const createVerifier = (options: VerifierOptions): Verifier => {
  const tolerance = options.clockToleranceSeconds ?? 30
  const now = options.now ?? (() => Date.now())
  let keySet: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>
  let localVersion: JSONWebKeySet | undefined
  const getKeys = async () => {
    if (options.jwks) {
      const jwks = await options.jwks()
      if (jwks !== localVersion) {
        localVersion = jwks
        keySet = createLocalJWKSet(jwks)
      }
      return keySet
    }
    if (!keySet) {
      if (!options.jwksUrl) throw new Error('createVerifier needs jwksUrl or jwks')
      keySet = createRemoteJWKSet(new URL(options.jwksUrl), {
        cooldownDuration: 10_000,
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 3_000,
        ...(options.fetch && { [customFetch]: options.fetch }),
      })
    }
    return keySet
  }

  const max = options.cacheSize ?? 0
  const cache = new Map<string, Principal>()

  const verifySignature = async (token: string): Promise<VerifyResult> => {
    const parts = token.split('.')
    if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' }
    const header = b64urlJson(parts[0])
    if (!header) return { ok: false, reason: 'malformed' }
    if (header.alg !== tokenAlgorithm) return { ok: false, reason: 'invalid' }
    // A kid is looked up, never used as a path or URL; refuse odd ones before they cost a JWKS refetch.
    if (typeof header.kid !== 'string' || !kidPattern.test(header.kid))
      return { ok: false, reason: 'bad_kid' }
    try {
      const keys = await getKeys()
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [tokenAlgorithm],
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: tolerance,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'iat', 'sub'],
      })
      const principal = toPrincipal(payload)
      return principal ? { ok: true, principal } : { ok: false, reason: 'claims' }
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
      if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'nbf')
        return { ok: false, reason: 'not_yet_valid' }
      if (e instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: 'claims' }
      if (e instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'bad_kid' }
      if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid)
        return { ok: false, reason: 'jwks_unavailable' }
      if (e instanceof errors.JOSEError) return { ok: false, reason: 'invalid' }
      if (e instanceof TypeError || e instanceof SyntaxError) return { ok: false, reason: 'malformed' }
      return { ok: false, reason: 'jwks_unavailable' }
    }
  }

  return {
    async verify(token, verifyOptions) {
      let principal = max > 0 ? cache.get(token) : undefined
      if (principal && principal.exp + tolerance <= now() / 1000) {
        cache.delete(token)
        principal = undefined
      }
      if (!principal) {
        const result = await verifySignature(token)
        if (!result.ok) return result
        principal = result.principal
        if (max > 0) {
          if (cache.size >= max) cache.delete(cache.keys().next().value as string)
          cache.set(token, principal)
        }
      }
      if (
        options.isSessionActive &&
        principal.kind === 'user' &&
        principal.sessionId !== verifyOptions?.activeSession &&
        !(await options.isSessionActive(principal.sessionId))
      ) {
        cache.delete(token)
        return { ok: false, reason: 'revoked' }
      }
      return { ok: true, principal }
    },
    forget(token) {
      if (token === undefined) cache.clear()
      else cache.delete(token)
    },
  }
}
