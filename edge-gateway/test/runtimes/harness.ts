// Shared by the per-runtime smoke scripts: a real upstream and JWKS on Bun, and the checks every
// runtime's gateway must pass. Prints the plain "N passed, N failed" closing line CI reads.
import { bearer, echoUpstream, signingKeys } from '../helpers.ts'

export const freePort = () => {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const port = probe.port!
  probe.stop(true)
  return port
}

export const waitFor = async (url: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await Bun.sleep(100)
    }
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`)
}

export interface Fixtures {
  upstreamUrl: string
  jwksUrl: string
  stop(): void
  check(name: string, send: (path: string, init?: RequestInit) => Promise<Response>): Promise<boolean>
}

export const fixtures = async (): Promise<Fixtures> => {
  const keys = await signingKeys()
  const upstream = echoUpstream({ openapi: '3.1.0', info: { title: 'user', version: '1' }, paths: {} })
  return {
    upstreamUrl: upstream.url,
    jwksUrl: keys.jwksUrl,
    stop: () => {
      keys.stop()
      upstream.stop()
    },
    async check(runtime, send) {
      const results: [string, boolean, string][] = []
      const expectThat = async (name: string, fn: () => Promise<string | undefined>) => {
        try {
          const problem = await fn()
          results.push([name, problem === undefined, problem ?? ''])
        } catch (e) {
          results.push([name, false, String(e)])
        }
      }
      const token = await keys.sign({ roles: ['customer'] })

      await expectThat('proxies an authenticated request to the upstream', async () => {
        const res = await send('/api/v1/users/me?x=1', {
          headers: { ...bearer(token), 'x-request-id': 'smoke-req-0001' },
        })
        const body = (await res.json()) as {
          path?: string
          search?: string
          headers?: Record<string, string>
        }
        if (res.status !== 200) return `status ${res.status}: ${JSON.stringify(body)}`
        if (body.path !== '/api/v1/users/me' || body.search !== '?x=1') return `echo ${JSON.stringify(body)}`
        if (body.headers?.authorization !== `Bearer ${token}`) return 'authorization not forwarded'
        if (body.headers?.['x-request-id'] !== 'smoke-req-0001') return 'request id not propagated'
        if (!/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(body.headers?.traceparent ?? ''))
          return 'no traceparent'
        if (res.headers.get('x-request-id') !== 'smoke-req-0001') return 'no x-request-id on the response'
        if (!res.headers.get('ratelimit-limit')) return 'no RateLimit headers'
        return undefined
      })
      await expectThat('rejects a bad token with 401 problem+json', async () => {
        const tampered = `${token.slice(0, -4)}AAAA`
        const res = await send('/api/v1/users/me', { headers: bearer(tampered) })
        const body = (await res.json()) as { code?: string }
        if (res.status !== 401 || body.code !== 'invalid_token')
          return `status ${res.status}: ${JSON.stringify(body)}`
        if (!res.headers.get('www-authenticate')?.startsWith('Bearer')) return 'no WWW-Authenticate'
        return undefined
      })
      await expectThat('answers /health itself and /ready with the aggregated services', async () => {
        const health = await send('/health')
        if (health.status !== 200) return `/health status ${health.status}`
        const res = await send('/ready')
        const body = (await res.json()) as { status?: string; services?: { user?: { status?: string } } }
        if (res.status !== 200 || body.status !== 'ready' || body.services?.user?.status !== 'ok')
          return `status ${res.status}: ${JSON.stringify(body)}`
        return undefined
      })
      await expectThat('serves the reference UI from its own origin, with security headers', async () => {
        const page = await send('/docs')
        const html = await page.text()
        if (page.status !== 200 || !html.includes('docs/assets/swagger-ui-bundle.js'))
          return `/docs status ${page.status}`
        if (!page.headers.get('content-security-policy')?.includes("script-src 'self'")) return 'no docs CSP'
        const script = await send('/docs/assets/swagger-ui-bundle.js')
        const text = await script.text()
        if (script.status !== 200 || !text.includes('SwaggerUIBundle'))
          return `script status ${script.status}, ${text.length} characters`
        if (script.headers.get('x-content-type-options') !== 'nosniff') return 'no nosniff'
        if (script.headers.get('x-frame-options') !== 'DENY') return 'no X-Frame-Options'
        return undefined
      })
      await expectThat('answers an unknown route with 404 route_not_found', async () => {
        const res = await send('/api/v1/nope')
        const body = (await res.json()) as { code?: string }
        return res.status === 404 && body.code === 'route_not_found' ? undefined : `status ${res.status}`
      })

      for (const [name, ok, why] of results)
        console.log(`${ok ? '(pass)' : '(fail)'} ${runtime} > ${name}${ok ? '' : `: ${why}`}`)
      const passed = results.filter(([, ok]) => ok).length
      console.log(`${passed} passed, ${results.length - passed} failed`)
      return passed === results.length
    },
  }
}
