// Fuzzes every route of the merged OpenAPI document through the real gateway and services, as a stranger, a
// customer and an administrator: no answer may be a 5xx or a timeout, no body may show a stack or SQL, a refused
// write may change nothing, and after each route the platform still answers /ready and a catalog read.
//
//   FUZZ_SEED     the seed (default fixed; printed with every failure to replay it)
//   FUZZ_RUNS     requests per route and role (default 8)
//   FUZZ_TIME_MS  time budget for all routes together (default 40000); a route and role taking three times its
//                 share stops early (the count, not the clock, bounds a healthy run)
//   FUZZ_ONLY     a regular expression on `METHOD /path`, to replay one route
//   FUZZ_SKIP_KNOWN=1  local triage only, see knownClass below
import { afterAll, describe, expect, test } from 'bun:test'
import { opsRoutes } from '@myshop/edge-gateway/ops-openapi'
import { uniqueEmail } from '@myshop/testing'
import fc from 'fast-check'
import type { RunningPlatform } from '../src/platform.ts'
import { forgeCursors } from './fuzz/hostile.ts'
import {
  type FuzzRequest,
  jsonText,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  type RealValues,
  requestInit,
  schemaTools,
  urlOf,
} from './fuzz/requests.ts'
import { startTestPlatform } from './test-platform.ts'

const seed = Number(process.env.FUZZ_SEED ?? 20_261_207)
const runs = Number(process.env.FUZZ_RUNS ?? 8)
const budgetMs = Number(process.env.FUZZ_TIME_MS ?? 40_000)
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null
/** Longer than the gateway's upstream timeout (10 s): a request still unanswered by then has wedged something. */
const requestTimeoutMs = 12_000

const adminEmail = uniqueEmail('fuzz-admin')
const password = 'copper-Meadow-71-falcon'
const customerEmail = uniqueEmail('fuzz-customer')

const platform: RunningPlatform = await startTestPlatform(
  { email: adminEmail, password },
  {
    // The fuzzer is one client sending thousands of requests, many of them failed sign-ins: limits would answer
    // 429 and lock the accounts it signs in with, and the routes behind them would go untested.
    RATE_LIMIT_PER_IP: '1000000',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_AUTH_PER_IP: '1000000',
    LOGIN_MAX_FAILURES_PER_CLIENT: '1000000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
  },
)
afterAll(() => platform.stop())

interface Answer {
  status: number
  contentType: string
  /** Whether the answer went through the catalog cache (it says HIT or MISS). */
  cached: boolean
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: responses are arbitrary JSON
  json: any
}

const send = async (url: string, init: RequestInit = {}): Promise<Answer> => {
  const res = await fetch(`${platform.gatewayUrl}${url}`, {
    ...init,
    signal: AbortSignal.timeout(requestTimeoutMs),
  }).catch((error: Error) => {
    const what = error.name === 'TimeoutError' ? `no answer within ${requestTimeoutMs} ms` : error.message
    throw new Error(`${init.method ?? 'GET'} ${url.slice(0, 200)}: ${what}`)
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {}
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    cached: res.headers.has('x-cache'),
    text,
    json,
  }
}

const call = (method: string, url: string, body?: unknown, token?: string) =>
  send(url, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })

type Role = 'anonymous' | 'customer' | 'admin'
const roles: Role[] = ['anonymous', 'customer', 'admin']
const accounts = { customer: customerEmail, admin: adminEmail }
const tokens: Partial<Record<Role, string>> = {}

/** A working token for the role: fuzzed requests may sign it out, rename it or change its password. */
const session = async (role: Role): Promise<string | undefined> => {
  if (role === 'anonymous') return undefined
  const current = tokens[role]
  if (current && (await call('GET', '/api/v1/users/me', undefined, current)).status === 200) return current
  let login = await call('POST', '/api/v1/auth/login', { email: accounts[role], password })
  if (login.status !== 200 && role === 'customer') {
    accounts.customer = uniqueEmail('fuzz-customer')
    await call('POST', '/api/v1/auth/register', { email: accounts.customer, password, name: 'Fuzz' })
    login = await call('POST', '/api/v1/auth/login', { email: accounts.customer, password })
  }
  if (login.status !== 200) throw new Error(`${role} cannot sign in: ${login.status} ${login.text}`)
  tokens[role] = login.json.accessToken
  return tokens[role]
}

await call('POST', '/api/v1/auth/register', { email: customerEmail, password, name: 'Fuzz' })
const doc = (await send('/openapi.json')).json as OpenApiDocument
// A wildcard route (`/media/*`) is fuzzed like a path parameter.
const operations: Operation[] = operationsOf(doc).map((op) =>
  op.path.endsWith('*')
    ? {
        ...op,
        path: op.path.replace(/\*$/, '{rest}'),
        parameters: [...op.parameters, { name: 'rest', in: 'path' }],
      }
    : op,
)

/** Ids (and slugs) in a response, recursively: `id`, `slug` and any `…Id` field. */
const idsIn = (value: unknown, out: string[] = []): string[] => {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (k === 'id' || k === 'slug' || k.endsWith('Id'))) out.push(v)
      else idsIn(v, out)
    }
  return out
}

/**
 * Fresh real data before each route: a user, a category and a product with variants, so that path ids hit
 * existing objects as well as missing ones (an earlier route may have deleted the last ones).
 */
const prime = async (): Promise<string[]> => {
  const admin = await session('admin')
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const victim = await call('POST', '/api/v1/auth/register', {
    email: uniqueEmail('fuzz-victim'),
    password,
    name: 'Victim',
  })
  const category = await call('POST', '/api/v1/categories', { name: `Fuzz ${stamp}` }, admin)
  const product = await call(
    'POST',
    '/api/v1/products',
    {
      name: `Fuzz Phone ${stamp}`,
      brand: 'Fuzz',
      status: 'active',
      attributes: { weight: 180, waterproof: true, material: 'glass' },
      categoryIds: [category.json?.id],
      variants: ['S', 'M'].map((size) => ({
        sku: `FZ-${stamp}-${size}`,
        options: { Size: size, Colour: 'Navy' },
        price: { amount: 1999, currency: 'EUR' },
      })),
    },
    admin,
  )
  for (const [what, answer] of Object.entries({ victim, category, product }))
    if (answer.status !== 201) throw new Error(`priming: ${what} answered ${answer.status} ${answer.text}`)
  return [...new Set(idsIn([victim.json, category.json, product.json]))]
}

/** Real cursors: the next-page cursor of every listing that takes `limit`, read as an administrator. */
const harvestCursors = async (): Promise<string[]> => {
  const admin = await session('admin')
  const found: string[] = []
  for (const op of operations)
    if (op.method === 'GET' && op.parameters.some((p) => p.name === 'limit') && !op.path.includes('{')) {
      const page = await call('GET', `${op.path}?limit=1`, undefined, admin)
      for (const [k, v] of Object.entries(page.json ?? {}))
        if (/cursor/i.test(k) && typeof v === 'string') found.push(v)
    }
  return found
}
await prime()
await prime()
const cursors = await harvestCursors()
const forgedCursors = forgeCursors(cursors)

/**
 * What the API shows an administrator through every listing without parameters: a refused write must leave it
 * exactly as it was. The gateway's own operations are left out: they report on the gateway (its metrics count
 * every request, its readiness the probes' latency), not on the data.
 */
const snapshot = async (): Promise<string> => {
  const admin = await session('admin')
  const parts: string[] = []
  for (const op of operations)
    if (
      op.method === 'GET' &&
      !op.path.includes('{') &&
      !op.parameters.some((p) => p.required) &&
      !opsRoutes.includes(op.path)
    ) {
      const page = await call('GET', op.path, undefined, admin)
      // A listing served through the catalog cache is left out: its keys carry no database of their own, so on
      // a Redis shared with other test processes it may show their rows. The uncached export lists the same.
      if (page.cached) continue
      // Deliveries are made from events and sent in the background, so the list moves on by itself whatever the
      // request just refused did; what the notification routes refuse is checked by their own tests.
      if (op.path !== '/api/v1/admin/notifications') parts.push(`${op.path} ${page.text}`)
    }
  return parts.join('\n')
}

/** The first line that differs between two snapshots, before → after, cut short. */
const firstChange = (before: string, after: string) => {
  const a = before.split('\n')
  const b = after.split('\n')
  const i = a.findIndex((line, k) => line !== b[k])
  const at = i < 0 ? a.length : i
  const cut = (line: string | undefined) => (line ?? '(none)').slice(0, 600)
  return `${cut(a[at])} → ${cut(b[at])}`
}

/** Signs of internals in any body: stack frames, source paths, driver and SQL errors. */
const leaks: RegExp[] = [
  /\n\s+at \S/,
  /\bat \S+ \(\S+:\d+:\d+\)/,
  /node_modules/,
  /\.ts:\d+/,
  /syntax error/i,
  /relation "/,
  /column "/,
  /violates .*constraint/,
  /PostgresError|ZodError/,
  /Maximum call stack/,
]
/** More signs in an error body, where data (a product named after a database, say) is not expected. */
const errorLeaks: RegExp[] = [
  /\bpostgres\b/i,
  /\bpglite\b/i,
  /\bSELECT\b/,
  /\bINSERT INTO\b/,
  /\bUPDATE \w+ SET\b/,
  /ioredis|ECONNREFUSED/,
  /TypeError|RangeError|ReferenceError|SyntaxError/,
]

/** What the request carried, as sent and percent-decoded, for telling echoed input from leaked internals. */
const sentText = (r: FuzzRequest) => {
  const url = urlOf(r)
  const decoded = url.replace(/(%[0-9A-F]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m)
    } catch {
      return m
    }
  })
  const body = r.body?.kind === 'json' ? jsonText(r.body.value) : JSON.stringify(r.body ?? '')
  return `${url} ${decoded} ${JSON.stringify(r.headers)} ${body}`
}

const describeRequest = (r: FuzzRequest, role: Role) => {
  const body =
    r.body?.kind === 'json'
      ? `${r.body.contentType ?? '(no content type)'} ${jsonText(r.body.value)}`
      : r.body?.kind === 'text'
        ? `${r.body.contentType ?? '(no content type)'} ${JSON.stringify(r.body.text)}`
        : r.body?.kind === 'form'
          ? `multipart ${JSON.stringify(r.body.fields)}`
          : '(none)'
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s)
  return `${r.method} ${cut(urlOf(r))} as ${role}\n  headers: ${cut(JSON.stringify(r.headers))}\n  body: ${cut(body)}`
}

/** What is wrong with an answer, or null. */
const problemWith = (request: FuzzRequest, answer: Answer): string | null => {
  if (answer.status >= 500) return `answered ${answer.status}`
  // Bun's HTTP server refuses a request line or headers past its size limit with a bare 431 before any of
  // MyShop's code runs: a clear refusal that no handler can dress as a problem.
  if (answer.status === 431 && answer.text === '') return null
  if (answer.status >= 400) {
    if (!answer.contentType.includes('application/problem+json'))
      return `a ${answer.status} without application/problem+json (${answer.contentType})`
    if (answer.json?.status !== answer.status || typeof answer.json?.code !== 'string')
      return `a ${answer.status} whose problem has no matching status and code`
  }
  const sent = sentText(request)
  for (const leak of answer.status >= 400 ? [...leaks, ...errorLeaks] : leaks)
    if (leak.test(answer.text) && !leak.test(sent)) return `the body shows ${leak}`
  return null
}

// Local triage only (never set in CI): a failing request in one of the hostile-input classes below (NUL bytes,
// forged cursors, deep JSON, out-of-range numbers) is noted once per route and class instead of failing, so
// that failures of other classes behind it show.
const skipKnown = process.env.FUZZ_SKIP_KNOWN === '1'
const knownClass = (r: FuzzRequest): string | null => {
  const text = `${urlOf(r)} ${r.body?.kind === 'json' ? jsonText(r.body.value).slice(0, 20_000) : JSON.stringify(r.body ?? '')}`
  if (/\\u0000|%00/i.test(text) || text.includes('\u0000')) return 'NUL byte'
  if (r.query.some(([k]) => /cursor/i.test(k))) return 'forged cursor'
  if (
    r.body?.kind === 'json' &&
    /^\{"a":\{"a"|^\[\[\[|:\{"a":\{"a":|:\[\[\[/.test(
      jsonText(r.body.value).replace(/^.{0,2000}?(?=[{[]{3})/, ''),
    )
  )
    return 'deep JSON'
  if (/\d{16,}|\de\+?\d{2,}/i.test(text)) return 'number out of range'
  return null
}
const noted = new Set<string>()

/** A route and role may take three times its even share of the budget before it is cut short. */
const perRoleMs =
  (3 * budgetMs) /
  roles.length /
  Math.max(1, operations.filter((op) => !only || only.test(`${op.method} ${op.path}`)).length)
/** Room for every role's share, one request that hangs, and the checks around them. */
const routeTimeoutMs = roles.length * perRoleMs + requestTimeoutMs + 20_000
const fuzzSeed = (name: string) => {
  let h = seed | 0
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619)
  return h >>> 0
}

describe('every route of the merged OpenAPI document, fuzzed', () => {
  test('the document lists the services’ routes', () => {
    expect(operations.length).toBeGreaterThan(20)
    expect(operations.some((op) => op.path.startsWith('/api/v1/products'))).toBe(true)
    expect(operations.some((op) => op.path.startsWith('/api/v1/auth'))).toBe(true)
  })

  for (const op of operations) {
    const name = `${op.method} ${op.path}`
    if (only && !only.test(name)) continue
    test(
      `${name}: no 5xx, no internals shown, refused writes change nothing, the platform still answers`,
      async () => {
        const real: RealValues = {
          ids: await prime(),
          cursors: [...cursors, ...forgedCursors],
          issuedCursors: cursors,
        }
        const { requestOf } = schemaTools(doc, real)
        const writes = op.method !== 'GET'
        for (const role of roles) {
          let before = writes ? await snapshot() : ''
          /** What is wrong with sending `request`, or null; the platform's state is read around each write. */
          const check = async (
            request: FuzzRequest,
          ): Promise<{ problem: string; answer?: Answer } | null> => {
            const answer = await send(urlOf(request), requestInit(request, await session(role)))
            const problem = problemWith(request, answer)
            if (problem) return { problem, answer }
            if (!writes) return null
            const after = await snapshot()
            const changed = answer.status >= 400 && after !== before
            const previous = before
            before = after
            return changed
              ? {
                  problem: `refused with ${answer.status} but changed what the API shows: ${firstChange(previous, after)}`,
                  answer,
                }
              : null
          }
          const property = fc.asyncProperty(requestOf(op), async (request) => {
            const found = await check(request).catch((error: Error) => ({
              problem: error.message,
              answer: undefined,
            }))
            if (!found) return
            const known = skipKnown ? knownClass(request) : null
            const report = `${found.problem}\n${describeRequest(request, role)}\n  answer: ${found.answer?.status ?? '-'} ${found.answer?.text.slice(0, 600) ?? ''}`
            if (!known) throw new Error(report)
            if (!noted.has(`${name} ${known}`)) {
              noted.add(`${name} ${known}`)
              console.error(`[known: ${known}] ${report}`)
            }
          })
          const settings = { seed: fuzzSeed(`${name} ${role}`), numRuns: runs, endOnFailure: true }
          // The count bounds a route; the time limit only cuts a route that has become pathologically slow.
          let result = await fc.check(property, { ...settings, interruptAfterTimeLimit: perRoleMs })
          if (result.interrupted && result.numRuns === 0)
            result = await fc.check(property, { ...settings, numRuns: 1 })
          if (result.failed)
            throw new Error(
              `${name} as ${role}: ${result.errorInstance instanceof Error ? result.errorInstance.message : `stopped after ${result.numRuns} runs (${result.numSkips} skipped, interrupted: ${result.interrupted})`}\n` +
                `replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_ONLY='^${op.method} ${op.path.replace(/[{}*]/g, '\\$&')}$'`,
            )
        }
        const ready = await send('/ready')
        expect(ready.status).toBe(200)
        const read = await call('GET', '/api/v1/products')
        expect(read.status).toBe(200)
        expect(read.json.items).toBeArray()
      },
      routeTimeoutMs,
    )
  }
})
