import type { Verifier } from '@myshop/auth'
import { createGateway } from './app.ts'
import { gatewayConfig, type ServiceName } from './config.ts'

/**
 * The gateway as `myshop start` runs it, handing one service's requests to its app in process, with no Redis:
 * for a service's tests of who may reach its routes through the gateway.
 */
export const inProcessGateway = (
  service: ServiceName,
  handle: (request: Request) => Promise<Response>,
  verifier: Verifier,
) => {
  const gateway = createGateway({
    config: gatewayConfig({ JWKS_URL: 'http://127.0.0.1:9/jwks.json' }),
    store: null,
    verifier,
    getClientIp: () => '203.0.113.7',
    local: { [service]: handle },
  })
  /** Sends a request with an optional bearer token and JSON body; answers the status and the body as text. */
  const send = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await gateway.fetch(
      new Request(`http://gateway.test${path}`, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    )
    return { status: res.status, text: await res.text() }
  }
  return { gateway, send }
}
