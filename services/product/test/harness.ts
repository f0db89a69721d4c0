import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createVerifier } from '@myshop/auth'
import { migrate } from '@myshop/db'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase } from '@myshop/testing'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { createApp } from '../src/app.ts'
import { memoryResponseCache } from '../src/cache/response-cache.ts'
import { loadProductConfig } from '../src/config.ts'
import type { ProductDeps } from '../src/deps.ts'
import { fileStorage } from '../src/media/fs-storage.ts'
import { postgresSearch } from '../src/search/postgres-repository.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/product')

/** Signs access tokens the way the user service does, with a key the harness's verifier trusts. */
export const tokenIssuer = async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' }] }
  const sign = (
    roles: string[],
    userId = `usr_${crypto.randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase()}`,
  ) =>
    new SignJWT({ sid: 'ses_test', roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setIssuer('myshop')
      .setAudience('myshop-api')
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey)
  return { jwks, sign }
}

/** A product service app on the test database with the Postgres search engine and an in-process cache. */
export const productHarness = async (overrides: Partial<ProductDeps> = {}) => {
  const { sql } = await testDatabase()
  await migrate(sql, 'catalog', migrationsDir)
  const issuer = await tokenIssuer()
  let eventsWritten = 0
  const deps: ProductDeps = {
    sql,
    now: Date.now,
    logger: silentLogger(),
    verifier: createVerifier({ issuer: 'myshop', audience: 'myshop-api', jwks: () => issuer.jwks }),
    search: postgresSearch(sql),
    storage: fileStorage({
      dir: mkdtempSync(join(tmpdir(), 'myshop-media-')),
      publicBaseUrl: 'http://localhost/media',
    }),
    cache: memoryResponseCache(),
    eventsWritten: () => eventsWritten++,
    // The production default: a product read that renders for more than half of it is answered but not kept, so a
    // short one would leave reads on a busy machine uncached and tests expecting a cache hit failing by chance.
    settings: { maxImageBytes: 2 * 1024 * 1024, publicMaxAgeSeconds: 60, cacheSettleMs: 2_000 },
    ...overrides,
  }
  const app = createApp(deps)
  const manager = await issuer.sign(['catalog_manager'])
  const customer = await issuer.sign(['customer'])

  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const unique = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}`

  /** Creates a product as a catalog manager and returns it. */
  const product = async (overrides: Record<string, unknown> = {}) => {
    const res = await call(
      'POST',
      '/api/v1/products',
      {
        name: unique('Widget'),
        status: 'active',
        variants: [{ sku: unique('SKU').toUpperCase(), price: { amount: 1999, currency: 'EUR' } }],
        ...overrides,
      },
      as(manager),
    )
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }

  return {
    app,
    deps,
    sql,
    call,
    as,
    manager,
    customer,
    issuer,
    product,
    unique,
    eventsWritten: () => eventsWritten,
  }
}

export type ProductHarness = Awaited<ReturnType<typeof productHarness>>

/**
 * Calls a running product service over HTTP, writes as the holder of `token()`; answers the status, the `x-cache`
 * header and the parsed body. `create` adds an active product of `brand` with one variant.
 */
export const serviceCaller = (token: () => string) => {
  const call = async (service: { url: string }, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(method !== 'GET' && { authorization: `Bearer ${token()}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, cache: res.headers.get('x-cache'), body: text ? JSON.parse(text) : null }
  }
  const unique = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}`
  const create = async (service: { url: string }, brand: string) => {
    const res = await call(service, 'POST', '/api/v1/products', {
      name: unique('Lamp'),
      brand,
      status: 'active',
      variants: [{ sku: unique('SKU').toUpperCase(), price: { amount: 1999, currency: 'EUR' } }],
    })
    if (res.status !== 201)
      throw new Error(`creating a product answered ${res.status}: ${JSON.stringify(res.body)}`)
    return res.body
  }
  return { call, unique, create }
}

/** The configuration of a product service on `databaseUrl` and the test Redis, trusting the keys at `jwksPort`. */
export const distributedConfig = (
  databaseUrl: string,
  jwksPort: number | undefined,
  cacheLocalTtlMs: number,
) =>
  loadProductConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    PRODUCT_PORT: '0',
    MYSHOP_DATA_DIR: mkdtempSync(join(tmpdir(), 'myshop-product-')),
    JWKS_URL: `http://127.0.0.1:${jwksPort}/`,
    CACHE_LOCAL_TTL_MS: String(cacheLocalTtlMs),
    LOG_LEVEL: 'silent',
  })
