import type { Principal } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { clientIp, type ProxyTrust, trustNoProxy } from '@myshop/http'
import { Elysia } from 'elysia'
import {
  fingerprint,
  type Idempotency,
  idempotencyError,
  isValidIdempotencyKey,
  type Proceed,
} from './idempotency.ts'

// The claim a request holds while its handler runs; the response (or error) settles it.
const pending = new WeakMap<Request, Proceed>()

const replayedHeader = 'idempotent-replayed'

// Stores the final response of an idempotent request, or releases the key when it failed with a 5xx.
const settle = async (request: Request, response: Response): Promise<void> => {
  const claim = pending.get(request)
  if (!claim) return
  pending.delete(request)
  if (response.status >= 500) return claim.abandon()
  const headers: Record<string, string> = {}
  for (const name of ['content-type', 'location']) {
    const value = response.headers.get(name)
    if (value) headers[name] = value
  }
  await claim.complete({ status: response.status, headers, body: await response.clone().text() })
}

/**
 * An opt-in Elysia plugin adding the `idempotent: true` route option (ARCHITECTURE §4): a request carrying
 * `Idempotency-Key` runs once per caller and key; a retry with the same body gets the stored response, with
 * another body 422, and while the first is still running 409. Requests without the header run normally. Mount it
 * on a `createHttpApp` app after `authGuard`, so the key is scoped to the signed-in user (anonymous callers are
 * scoped by address), and before the routes that set the option; the service's migration creates the table
 * (`idempotencyTableSql`).
 */
export const idempotent = (
  idempotency: Idempotency,
  { trustedProxies = trustNoProxy }: { trustedProxies?: ProxyTrust } = {},
) =>
  new Elysia({ name: 'myshop-idempotent' })
    .macro({
      idempotent: (enabled: boolean) => ({
        detail: {
          parameters: enabled
            ? [
                {
                  in: 'header',
                  name: 'Idempotency-Key',
                  required: false,
                  description: 'Makes retries safe: the same key and body return the first response',
                  schema: { type: 'string', maxLength: 255 },
                },
              ]
            : [],
        },
        async beforeHandle(ctx) {
          if (!enabled) return
          const { request, body, server } = ctx
          const key = request.headers.get('idempotency-key')
          if (key === null) return
          if (!isValidIdempotencyKey(key)) {
            throw new AppError('bad_request', {
              detail: 'Idempotency-Key must be 1–255 visible ASCII characters',
            })
          }
          const principal = (ctx as { principal?: Principal }).principal
          const scope = principal
            ? `user:${principal.userId}`
            : `ip:${clientIp(request, server, trustedProxies) ?? 'unknown'}`
          const url = new URL(request.url)
          const started = await idempotency.begin({
            scope,
            key,
            fingerprint: fingerprint(request.method, url.pathname + url.search, JSON.stringify(body ?? null)),
          })
          if (started.kind === 'replay') {
            return new Response(started.response.body, {
              status: started.response.status,
              headers: { ...started.response.headers, [replayedHeader]: 'true' },
            })
          }
          if (started.kind !== 'proceed') throw idempotencyError(started.kind)
          pending.set(request, started)
        },
        // A Response the handler built is handed on by createHttpApp's mapResponse, which ends Elysia's
        // mapResponse chain before the hook below: it is settled here, before that chain runs.
        async afterHandle({ request, responseValue }) {
          if (responseValue instanceof Response) await settle(request, responseValue)
        },
      }),
    })
    // Elysia runs mapResponse hooks on the response an error handler rendered too, so a failed request is settled
    // here as well: a 4xx is its answer and is replayed, a 5xx frees the key for a retry.
    .mapResponse({ as: 'global' }, async ({ request, response, set }) => {
      if (!pending.has(request)) return
      const res =
        response instanceof Response
          ? response
          : new Response(response === undefined ? null : JSON.stringify(response), {
              status: typeof set.status === 'number' ? set.status : 200,
              headers: {
                ...(set.headers as Record<string, string>),
                ...(response !== undefined && { 'content-type': 'application/json' }),
              },
            })
      await settle(request, res)
      return res
    })
