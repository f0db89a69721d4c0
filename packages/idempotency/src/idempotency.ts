import { createHash } from 'node:crypto'
import { assertSchemaName, type Db } from '@myshop/db'
import { AppError } from '@myshop/errors'

/** A response as stored and replayed; the caller decides which headers are worth keeping (e.g. content-type, location). */
export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** What identifies one request under an idempotency key. */
export interface IdempotencyRequest {
  /** Whose key it is (a user id, or the client ip for anonymous calls): keys of different callers never collide. */
  scope: string
  /** The `Idempotency-Key` header; check it with `isValidIdempotencyKey` first. */
  key: string
  /** `fingerprint(method, path, body)` of the request. */
  fingerprint: string
}

/** The first request with this key: run the handler, then `complete` with its response or `abandon`. */
export interface Proceed {
  kind: 'proceed'
  /** Stores the response for replay; a 5xx is not stored but abandons the key, so a retry can run again. */
  complete(response: StoredResponse): Promise<void>
  /** Releases the key (the handler threw), so a retry with the same key runs the handler again. */
  abandon(): Promise<void>
}

/** What `begin` decided; `mismatch` maps to 422 and `in_flight` to 409 (see `idempotencyError`). */
export type BeginResult =
  | Proceed
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' }

export interface IdempotencyOptions {
  sql: Db
  /** The service schema holding `idempotency_keys`. */
  schema: string
  /** How long a completed response is replayed (default 24 h). */
  ttlMs?: number
  /** How long an unfinished request holds its key before a retry may take it over, e.g. after a crash (default 5 min). */
  lockMs?: number
  now?: () => Date
}

/** Idempotency-key storage for one service. */
export interface Idempotency {
  /** Claims the key for this request, or tells why the handler must not run. Race-safe: of concurrent begins, one proceeds. */
  begin(request: IdempotencyRequest): Promise<BeginResult>
  /** Deletes expired keys; returns how many. */
  purgeExpired(): Promise<number>
}

/** The request fingerprint: sha256 (hex) of method, path and raw body, so a reused key with another request is caught. */
export const fingerprint = (method: string, path: string, body: string): string =>
  createHash('sha256').update(`${method.toUpperCase()}\n${path}\n${body}`).digest('hex')

const keyPattern = /^[\x21-\x7e]{1,255}$/

/** True for a usable `Idempotency-Key`: 1–255 visible ASCII characters; anything else deserves a 400. */
export const isValidIdempotencyKey = (key: string): boolean => keyPattern.test(key)

/** The `AppError` a caller throws for a key that cannot proceed: 422 `idempotency_mismatch` or 409 `idempotency_in_flight`. */
export const idempotencyError = (kind: 'mismatch' | 'in_flight'): AppError =>
  new AppError(kind === 'mismatch' ? 'idempotency_mismatch' : 'idempotency_in_flight')

interface KeyRow {
  fingerprint: string
  status: 'in_flight' | 'completed'
  response_status: number | null
  response_headers: Record<string, string> | null
  response_body: string | null
}

/**
 * Creates the idempotency store. A framework adapter calls `begin` before the handler, replays or rejects according
 * to the result, and otherwise runs the handler and calls `complete` (any status) or `abandon` (it threw).
 */
export const createIdempotency = ({
  sql,
  schema,
  ttlMs = 24 * 60 * 60 * 1000,
  lockMs = 5 * 60 * 1000,
  now = () => new Date(),
}: IdempotencyOptions): Idempotency => {
  const table = `${assertSchemaName(schema)}.idempotency_keys`

  const begin = async ({ scope, key, fingerprint: print }: IdempotencyRequest): Promise<BeginResult> => {
    if (!isValidIdempotencyKey(key)) throw new AppError('bad_request', { detail: 'invalid Idempotency-Key' })
    // Each attempt gets its own owner token: complete/abandon only touch the row this attempt created.
    const owner = crypto.randomUUID()
    // An expired key, or one whose holder died without finishing, is taken over as if new.
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = now()
      const claimed = await sql`
        insert into ${sql(table)} as k
          (scope, key, fingerprint, status, owner, created_at, locked_until, expires_at)
        values (
          ${scope}, ${key}, ${print}, 'in_flight', ${owner}, ${at},
          ${new Date(at.getTime() + lockMs)}, ${new Date(at.getTime() + ttlMs)}
        )
        on conflict (scope, key) do update set
          fingerprint = excluded.fingerprint, status = 'in_flight', owner = excluded.owner,
          response_status = null, response_headers = null, response_body = null,
          created_at = excluded.created_at, locked_until = excluded.locked_until, expires_at = excluded.expires_at
        where k.expires_at <= ${at} or (k.status = 'in_flight' and k.locked_until <= ${at})
        returning 1`
      if (claimed.length > 0) return proceed(scope, key, owner)
      const [row] = await sql<KeyRow[]>`
        select fingerprint, status, response_status, response_headers, response_body
        from ${sql(table)} where scope = ${scope} and key = ${key}`
      // Abandoned between our insert and our read: try again.
      if (!row) continue
      if (row.fingerprint !== print) return { kind: 'mismatch' }
      if (row.status === 'in_flight') return { kind: 'in_flight' }
      return {
        kind: 'replay',
        response: {
          status: row.response_status ?? 200,
          headers: row.response_headers ?? {},
          body: row.response_body ?? '',
        },
      }
    }
    return { kind: 'in_flight' }
  }

  const proceed = (scope: string, key: string, owner: string): Proceed => {
    const abandon = async () => {
      await sql`
        delete from ${sql(table)}
        where scope = ${scope} and key = ${key} and owner = ${owner} and status = 'in_flight'`
    }
    return {
      kind: 'proceed',
      abandon,
      complete: async (response) => {
        // A server error says nothing about the request itself; the client's retry deserves a fresh run.
        if (response.status >= 500) return abandon()
        await sql`
          update ${sql(table)} set
            status = 'completed', response_status = ${response.status},
            response_headers = ${sql.json(response.headers)}, response_body = ${response.body}
          where scope = ${scope} and key = ${key} and owner = ${owner}`
      },
    }
  }

  return {
    begin,
    purgeExpired: async () => {
      const deleted = await sql`delete from ${sql(table)} where expires_at <= ${now()} returning 1`
      return deleted.length
    },
  }
}
