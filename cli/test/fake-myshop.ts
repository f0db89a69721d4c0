import { isRole } from '@myshop/auth'
// The product service's own price parser: the fake must accept and refuse exactly what it does.
import { decodeOptions } from '@myshop/catalog-format'
import { isCurrency, parseDecimalPrice, priceProblem } from '@myshop/money'
import type { AuditVerification, CatalogProduct, Health, Readiness, User } from '../src/api-client.ts'
import { answerReport, type FakeReports } from './fake-reports.ts'

// A stand-in for the gateway that speaks the same HTTP contract (problem+json errors, rotating
// refresh tokens, cursor pages, RBAC), with real state, so CLI tests observe real effects.

type StoredUser = User & { password: string }
type NewFakeUser = { email: string; name: string; password?: string; roles?: string[] }
type AccessToken = { userId: string; expiresAt: number }
type RefreshToken = { userId: string; family: string; used: boolean }

export type FakeStock = {
  threshold: number | null
  locations: Map<string, { onHand: number; reserved: number }>
}

export type FakeAdjustment = { sku: string; location: string; delta: number; reason: string; actor: string }

export type FakeRequest = { method: string; path: string; search: string; authorization: string | null }

export type FakeMyShop = {
  url: string
  users: Map<string, StoredUser>
  requests: FakeRequest[]
  /** Paid orders imported into analytics, by order id (the first copy of each). */
  analyticsOrders: Map<string, Record<string, unknown>>
  /** Tracked events stored by analytics (imported or tracked), by event id. */
  analyticsEvents: Map<string, Record<string, unknown>>
  /** Sizes of every analytics import request, in order. */
  analyticsImports: { path: string; size: number }[]
  /** Orders placed through checkout, in order. */
  checkouts: { id: string; userId: string; email: string; lines: { sku: string; quantity: number }[] }[]
  /** Empties analytics and the orders placed, and forgets the requests. */
  resetAnalytics: () => void
  /** Makes every access token issued so far expired, as if time had passed. */
  expireAccessTokens: () => void
  setHealth: (health: Health, status?: number) => void
  /** A stored account; a customer with the password `password1` unless told otherwise. */
  addUser: (input: NewFakeUser) => StoredUser
  /** The catalog by product id, as the import/export endpoints keep it. */
  products: Map<string, CatalogProduct>
  /** Bodies of every `POST /api/v1/catalog/import`, in order. */
  imports: { rows: Record<string, unknown>[] }[]
  /** Stock by SKU, as the inventory service counts it: a product's SKUs appear with none when it is imported. */
  stock: Map<string, FakeStock>
  /** Every adjustment written, in order: the inventory ledger. */
  adjustments: FakeAdjustment[]
  /** Counts a SKU (with stock at a location, reserved units, a threshold) as if it had been in the catalog. */
  addStock: (
    sku: string,
    counts?: { location?: string; onHand?: number; reserved?: number; threshold?: number | null },
  ) => void
  /**
   * SKUs imported from now on are unknown to inventory for their first `reads` requests, as a product.created
   * still on its way leaves them.
   */
  delayNewSkus: (reads: number) => void
  /** Empties the catalog and forgets requests, so tests can share one signed-in fake. */
  resetCatalog: () => void
  /** Ids of the users whose sign-in lockout was cleared, in order. */
  unlocks: string[]
  /** What `GET /api/v1/admin/audit/<service>` answers, by service: an intact trail of 12 entries unless set. */
  audits: Map<string, AuditVerification>
  /** How many times a path was requested (any method). */
  count: (path: string) => number
  /** Requests to `path` after the first `after` never answer, as a slow server's, until `stop`. */
  hold: (path: string, after: number) => void
  /** Every sign-in answers 429 with `Retry-After: seconds`, as MyShop does after too many failures. */
  lockLogins: (seconds: number) => void
  /** What `GET /api/v1/reports/<name>` answers (reports:read: analyst, admin): rows by report, broken bodies. */
  reports: FakeReports
  stop: () => Promise<void>
}

// The import row schema of the product service: field, maximum length, required.
const importFields: [string, number, boolean][] = [
  ['sku', 200, true],
  ['name', 500, true],
  ['description', 20_000, false],
  ['brand', 200, false],
  ['category', 5000, false],
  ['price', 50, true],
  ['currency', 10, true],
  ['status', 20, false],
  ['slug', 200, false],
  ['options', 2000, false],
  ['compareAtPrice', 50, false],
  ['attributes', 40_000, false],
]

// The product service's per-row rules: these fail the row, not the request.
const checkImportRow = (row: Record<string, unknown>): { path: string; message: string }[] => {
  const errors: { path: string; message: string }[] = []
  const sku = typeof row.sku === 'string' ? row.sku : ''
  const name = typeof row.name === 'string' ? row.name : ''
  const currency = typeof row.currency === 'string' ? row.currency : ''
  const price = typeof row.price === 'string' ? row.price : ''
  if (!sku.trim()) errors.push({ path: '/sku', message: 'is required' })
  else if (sku.length > 64) errors.push({ path: '/sku', message: 'is longer than 64 characters' })
  if (!name.trim() && !row.slug) errors.push({ path: '/name', message: 'is required' })
  if (!currency || !isCurrency(currency))
    errors.push({ path: '/currency', message: `unknown currency ${currency}`.trim() })
  else {
    const problem = priceProblem(price, currency)
    if (problem) errors.push({ path: '/price', message: problem })
  }
  if (row.status && !['draft', 'active', 'archived'].includes(row.status as string))
    errors.push({ path: '/status', message: 'must be draft, active or archived' })
  return errors
}

export const adminEmail = 'admin@myshop.test'
export const adminPassword = 'correct horse battery'

export const startFakeMyShop = (): FakeMyShop => {
  const users = new Map<string, StoredUser>()
  const accessTokens = new Map<string, AccessToken>()
  const refreshTokens = new Map<string, RefreshToken>()
  const revokedFamilies = new Set<string>()
  const requests: FakeRequest[] = []
  const unlocks: string[] = []
  const audits = new Map<string, AuditVerification>([
    ['inventory', { service: 'inventory', ok: true, entries: 12 }],
    ['order', { service: 'order', ok: true, entries: 12 }],
    ['payment', { service: 'payment', ok: true, entries: 12 }],
  ])
  let health: { body: Health; status: number } = {
    body: { status: 'ok', services: { user: { status: 'ok', latencyMs: 3 } } },
    status: 200,
  }
  let sequence = 0
  let clock = Date.parse('2030-01-01T00:00:00.000Z')

  const products = new Map<string, CatalogProduct>()
  const reindexJobs = new Map<
    string,
    { jobId: string; engine: string; status: string; indexed: number; error: string | null; polls: number }
  >()
  const productIdBySku = new Map<string, string>()
  const categories = new Map<string, CatalogProduct['categories'][number]>()
  const imports: { rows: Record<string, unknown>[] }[] = []
  const stock = new Map<string, FakeStock>()
  const adjustments: FakeAdjustment[] = []
  const unseenSkus = new Map<string, number>()
  let newSkuDelay = 0
  // What product.created does in the inventory service: a new SKU is counted, with none at the default location.
  const countSku = (sku: string) => {
    if (stock.has(sku)) return
    stock.set(sku, { threshold: null, locations: new Map([['default', { onHand: 0, reserved: 0 }]]) })
    if (newSkuDelay) unseenSkus.set(sku, newSkuDelay)
  }

  const nextId = (prefix: string) => `${prefix}_${String(++sequence).padStart(6, '0')}`
  // User ids look like the real ones (26 Crockford base32 characters, sorting in creation order),
  // because the CLI relies on the cursor following id order.
  const nextSortableId = (prefix: string) => {
    let n = ++sequence
    let digits = ''
    while (digits.length < 26) {
      digits = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[n % 32] + digits
      n = Math.floor(n / 32)
    }
    return `${prefix}_${digits}`
  }
  const nextUserId = () => nextSortableId('usr')

  const addUser = ({ password = 'password1', roles = ['customer'], ...input }: NewFakeUser): StoredUser => {
    clock += 1000
    const at = new Date(clock).toISOString()
    const user: StoredUser = { id: nextUserId(), ...input, password, roles, createdAt: at, updatedAt: at }
    users.set(user.id, user)
    return user
  }
  addUser({ email: adminEmail, name: 'Ada Admin', password: adminPassword, roles: ['admin'] })

  const publicUser = ({ password: _, ...user }: StoredUser): User => user

  const problem = (
    status: number,
    code: string,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) => {
    const requestId = nextId('req')
    return Response.json(
      { type: `https://myshop.dev/problems/${code}`, title, status, code, detail, requestId, errors },
      { status, headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId } },
    )
  }

  const issue = (userId: string, family = nextId('fam')) => {
    const accessToken = `at_${crypto.randomUUID()}`
    const refreshToken = `rt_${crypto.randomUUID()}`
    accessTokens.set(accessToken, { userId, expiresAt: Date.now() + 900_000 })
    refreshTokens.set(refreshToken, { userId, family, used: false })
    return Response.json({
      accessToken,
      refreshToken,
      expiresIn: 900,
      tokenType: 'Bearer',
      deviceToken: 'dev_1',
    })
  }

  const principal = (request: Request): StoredUser | Response => {
    const header = request.headers.get('authorization')
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    if (!token) return problem(401, 'unauthorized', 'Authentication required', 'missing bearer token')
    const access = accessTokens.get(token)
    if (!access) return problem(401, 'unauthorized', 'Authentication required', 'unknown token')
    if (access.expiresAt <= Date.now()) return problem(401, 'token_expired', 'Token expired')
    const user = users.get(access.userId)
    if (!user) return problem(401, 'unauthorized', 'Authentication required', 'unknown user')
    return user
  }

  const admin = (request: Request): StoredUser | Response => {
    const user = principal(request)
    if (user instanceof Response) return user
    if (!user.roles.includes('admin')) return problem(403, 'forbidden', 'Forbidden', 'requires users:write')
    return user
  }

  const body = async (request: Request): Promise<Record<string, unknown>> => {
    try {
      const parsed: unknown = await request.json()
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }

  const catalogManager = (request: Request): StoredUser | Response => {
    const user = principal(request)
    if (user instanceof Response) return user
    if (!user.roles.includes('admin') && !user.roles.includes('catalog_manager'))
      return problem(403, 'forbidden', 'Forbidden', 'requires catalog:write')
    return user
  }

  const catalogImport = (rows: unknown): Response => {
    // The request schema first, as Elysia checks it: one bad field refuses the whole request.
    const schemaErrors: { path: string; message: string }[] = []
    if (!Array.isArray(rows) || rows.length < 1 || rows.length > 2000) {
      return problem(422, 'validation_failed', 'Invalid request', undefined, [
        { path: '/rows', message: 'must be an array of 1..2000 rows' },
      ])
    }
    rows.forEach((row: Record<string, unknown>, i) => {
      if (typeof row !== 'object' || row === null) {
        schemaErrors.push({ path: `/rows/${i}`, message: 'must be an object' })
        return
      }
      if (!Number.isInteger(row.line) || (row.line as number) < 1)
        schemaErrors.push({ path: `/rows/${i}/line`, message: 'must be an integer >= 1' })
      for (const [key, max, required] of importFields) {
        const value = row[key]
        if (value === undefined && !required) continue
        if (typeof value !== 'string')
          schemaErrors.push({ path: `/rows/${i}/${key}`, message: 'must be a string' })
        else if (value.length > max)
          schemaErrors.push({ path: `/rows/${i}/${key}`, message: `must be at most ${max} characters` })
      }
    })
    if (schemaErrors.length)
      return problem(422, 'validation_failed', 'Invalid request', undefined, schemaErrors)

    const failed: { line: number; sku: string; errors: { path: string; message: string }[] }[] = []
    const seen = new Map<string, number>()
    let created = 0
    let updated = 0
    clock += 1000
    const at = new Date(clock).toISOString()
    const valid: { row: Record<string, string | number | undefined>; sku: string; amount: number }[] = []
    for (const row of rows as Record<string, string | number | undefined>[]) {
      const errors = checkImportRow(row)
      const sku = String(row.sku ?? '').trim()
      if (sku && seen.has(sku)) errors.push({ path: '/sku', message: `duplicate of line ${seen.get(sku)}` })
      if (errors.length) {
        failed.push({ line: row.line as number, sku: String(row.sku ?? ''), errors })
        continue
      }
      seen.set(sku, row.line as number)
      valid.push({
        row,
        sku,
        amount: parseDecimalPrice(row.price as string, row.currency as string) as number,
      })
    }
    // Rows with a slug join the product holding it (created by an earlier row if need be), as the service does.
    for (const { row, sku, amount } of valid) {
      const categories = (typeof row.category === 'string' ? row.category.split('|') : []).flatMap(
        (path) => ensureCategory(path) ?? [],
      )
      const attributes =
        typeof row.attributes === 'string' && row.attributes
          ? (JSON.parse(row.attributes) as CatalogProduct['attributes'])
          : null
      const price = { amount, currency: row.currency as string }
      const compareAtPrice =
        typeof row.compareAtPrice === 'string' && row.compareAtPrice
          ? {
              amount: parseDecimalPrice(row.compareAtPrice, price.currency) as number,
              currency: price.currency,
            }
          : null
      const decoded = typeof row.options === 'string' ? decodeOptions(row.options) : { options: {} }
      const options = 'options' in decoded ? decoded.options : {}
      const brand = typeof row.brand === 'string' ? row.brand.trim() || null : null
      const slug = typeof row.slug === 'string' && row.slug ? row.slug : null
      const existingId =
        productIdBySku.get(sku) ??
        (slug ? [...products.values()].find((p) => p.slug === slug)?.id : undefined)
      const existing = existingId ? products.get(existingId) : undefined
      if (existing) {
        const variant = existing.variants.find((v) => v.sku === sku)
        if (variant) {
          updated++
          variant.price = price
          if (row.options) variant.options = options
          if (compareAtPrice) variant.compareAtPrice = compareAtPrice
        } else {
          created++
          const position = existing.variants.length
          existing.variants.push({ id: nextSortableId('var'), sku, options, price, compareAtPrice, position })
          productIdBySku.set(sku, existing.id)
          countSku(sku)
        }
        if (String(row.name ?? '').trim()) existing.name = String(row.name).trim()
        if (typeof row.description === 'string') existing.description = row.description
        existing.brand = brand ?? existing.brand
        if (row.status) existing.status = row.status as CatalogProduct['status']
        for (const category of categories)
          if (!existing.categories.some((c) => c.id === category.id)) existing.categories.push(category)
        if (attributes) existing.attributes = attributes
        existing.price = existing.variants.map((v) => v.price).sort((a, b) => a.amount - b.amount)[0] ?? null
        existing.updatedAt = at
        continue
      }
      created++
      const id = nextSortableId('prd')
      products.set(id, {
        id,
        slug:
          slug ??
          `${String(row.name)
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')}-${sku.toLowerCase()}`,
        name: String(row.name).trim(),
        description: typeof row.description === 'string' ? row.description : '',
        brand,
        status: (row.status as CatalogProduct['status'] | undefined) ?? 'active',
        categories,
        attributes: attributes ?? {},
        variants: [{ id: nextSortableId('var'), sku, options, price, compareAtPrice, position: 0 }],
        price,
        createdAt: at,
        updatedAt: at,
      })
      productIdBySku.set(sku, id)
      countSku(sku)
    }
    return Response.json({ created, updated, failed })
  }

  const ensureCategory = (path: string) => {
    const names = path
      .split('>')
      .map((n) => n.trim())
      .filter(Boolean)
    let full = ''
    let category: CatalogProduct['categories'][number] | undefined
    for (const name of names) {
      full = full ? `${full} > ${name}` : name
      category = categories.get(full.toLowerCase())
      if (!category) {
        category = {
          id: nextSortableId('cat'),
          name,
          slug: full.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          path: full,
        }
        categories.set(full.toLowerCase(), category)
      }
    }
    return category ?? null
  }

  const invalidRoles = (roles: unknown) =>
    !Array.isArray(roles) || roles.some((r) => typeof r !== 'string' || !isRole(r))

  const held = new Map<string, number>()
  const reports: FakeReports = { rows: new Map(), breakAfter: new Map() }
  let loginLockSeconds: number | undefined

  const may = (request: Request, permission: 'inventory:read' | 'inventory:write'): StoredUser | Response => {
    const user = principal(request)
    if (user instanceof Response) return user
    const roles =
      permission === 'inventory:read'
        ? ['admin', 'inventory_manager', 'catalog_manager']
        : ['admin', 'inventory_manager']
    if (!user.roles.some((role) => roles.includes(role)))
      return problem(403, 'forbidden', 'Forbidden', `requires ${permission}`)
    return user
  }

  // The inventory service's rules (services/inventory/src/stock): its schemas, statuses and problems.
  const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
  const validSku = (sku: string) => sku.length >= 1 && sku.length <= 64 && skuPattern.test(sku)
  const available = (entry: FakeStock) =>
    [...entry.locations.values()].reduce((sum, l) => sum + l.onHand - l.reserved, 0)
  const status = (units: number, threshold: number | null) =>
    units <= 0 ? 'out' : threshold !== null && units <= threshold ? 'low' : 'in_stock'
  const stockView = (sku: string, entry: FakeStock, detailed: boolean) => {
    const units = available(entry)
    const view = { sku, available: units, status: status(units, entry.threshold) }
    if (!detailed) return view
    const locations = [...entry.locations.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([location, l]) => ({
        location,
        onHand: l.onHand,
        reserved: l.reserved,
        available: l.onHand - l.reserved,
      }))
    return { ...view, threshold: entry.threshold, locations }
  }
  const noStock = () => problem(404, 'not_found', 'Not found', 'No stock is kept for this SKU')
  /** The SKU's stock, unless product.created has not reached inventory yet for it. */
  const counted = (sku: string) => {
    const unseen = unseenSkus.get(sku)
    if (unseen) {
      unseenSkus.set(sku, unseen - 1)
      return undefined
    }
    return stock.get(sku)
  }

  const inventory = async (request: Request, url: URL): Promise<Response> => {
    const path = url.pathname
    if (request.method === 'GET' && path === '/api/v1/inventory/low') {
      const caller = may(request, 'inventory:read')
      if (caller instanceof Response) return caller
      const limit = Number(url.searchParams.get('limit') ?? 50)
      const cursor = url.searchParams.get('cursor')
      const errors: { path: string; message: string }[] = []
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        errors.push({ path: '/limit', message: 'must be 1..200' })
      if (cursor !== null && !validSku(cursor)) errors.push({ path: '/cursor', message: 'must be a SKU' })
      if (errors.length) return problem(422, 'validation_failed', 'Invalid request', undefined, errors)
      const all = [...stock.entries()]
        .filter(
          ([sku, entry]) =>
            entry.threshold !== null && available(entry) <= entry.threshold && (!cursor || sku > cursor),
        )
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([sku, entry]) => ({
          sku,
          available: available(entry),
          threshold: entry.threshold as number,
          status: status(available(entry), entry.threshold),
        }))
      const items = all.slice(0, limit)
      return Response.json({ items, nextCursor: all.length > limit ? (items.at(-1)?.sku ?? null) : null })
    }
    const match = path.match(/^\/api\/v1\/inventory\/([^/]+)(\/adjustments|\/threshold)?$/)
    if (!match) return problem(404, 'not_found', 'Not found', `${request.method} ${path} is not a route`)
    const sku = decodeURIComponent(match[1] ?? '')
    const action = match[2]
    if (request.method === 'GET' && !action) {
      // Anyone may read a SKU; a valid token with inventory:read sees it per location, any other token is ignored.
      const reader = principal(request)
      const detailed =
        !(reader instanceof Response) &&
        reader.roles.some((role) => ['admin', 'inventory_manager', 'catalog_manager'].includes(role))
      if (!validSku(sku))
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: '/sku', message: 'must be a SKU' },
        ])
      const entry = counted(sku)
      return entry ? Response.json(stockView(sku, entry, detailed)) : noStock()
    }
    if (request.method === 'POST' && action === '/adjustments') {
      const caller = may(request, 'inventory:write')
      if (caller instanceof Response) return caller
      const input = await body(request)
      const errors: { path: string; message: string }[] = []
      if (!validSku(sku)) errors.push({ path: '/sku', message: 'must be a SKU' })
      const { delta, reason, location = 'default', ...rest } = input
      if (!Number.isInteger(delta) || Math.abs(delta as number) > 1_000_000)
        errors.push({ path: '/delta', message: 'must be an integer -1000000..1000000' })
      else if (delta === 0) errors.push({ path: '/delta', message: 'must not be 0' })
      if (typeof reason !== 'string' || !/\S/.test(reason) || reason.length > 200)
        errors.push({ path: '/reason', message: 'must be 1..200 characters' })
      if (typeof location !== 'string' || location.length > 64 || !/^[a-z0-9][a-z0-9_-]*$/.test(location))
        errors.push({ path: '/location', message: 'must be a location name' })
      for (const key of Object.keys(rest)) errors.push({ path: `/${key}`, message: 'is not allowed' })
      if (errors.length) return problem(422, 'validation_failed', 'Validation failed', undefined, errors)
      const entry = counted(sku)
      if (!entry) return noStock()
      const at = entry.locations.get(location as string) ?? { onHand: 0, reserved: 0 }
      const units = delta as number
      if (at.onHand - at.reserved + units < 0)
        return problem(
          409,
          'insufficient_stock',
          'Not enough stock',
          `${sku} has ${at.onHand - at.reserved} available at ${location}, fewer than the ${-units} counted out`,
          [{ path: '/delta', message: `${at.onHand - at.reserved} available` }],
        )
      at.onHand += units
      entry.locations.set(location as string, at)
      adjustments.push({
        sku,
        location: location as string,
        delta: units,
        reason: reason as string,
        actor: caller.id,
      })
      clock += 1000
      return Response.json(
        {
          id: nextSortableId('adj'),
          sku,
          location,
          delta: units,
          reason,
          actor: caller.id,
          reservationId: null,
          createdAt: new Date(clock).toISOString(),
          stock: { onHand: at.onHand, reserved: at.reserved, available: at.onHand - at.reserved },
        },
        { status: 201 },
      )
    }
    if (request.method === 'PUT' && action === '/threshold') {
      const caller = may(request, 'inventory:write')
      if (caller instanceof Response) return caller
      const { threshold } = await body(request)
      if (
        !validSku(sku) ||
        !(
          threshold === null ||
          (Number.isInteger(threshold) && (threshold as number) >= 0 && (threshold as number) <= 1_000_000)
        )
      )
        return problem(422, 'validation_failed', 'Validation failed', undefined, [
          { path: '/threshold', message: 'must be 0..1000000 or null' },
        ])
      const entry = counted(sku)
      if (!entry) return noStock()
      entry.threshold = threshold as number | null
      return Response.json(stockView(sku, entry, true))
    }
    return problem(404, 'not_found', 'Not found', `${request.method} ${path} is not a route`)
  }

  // Analytics and the shopper's checkout, as the analytics, product and order services answer them.
  const analyticsOrders = new Map<string, Record<string, unknown>>()
  const analyticsRefunds = new Set<string>()
  const analyticsEvents = new Map<string, Record<string, unknown>>()
  const analyticsImports: { path: string; size: number }[] = []
  const carts = new Map<string, { userId: string; lines: { sku: string; quantity: number }[] }>()
  const checkouts: FakeMyShop['checkouts'] = []
  const idPattern = /^[A-Za-z0-9_-]{8,64}$/
  const eventTypes = [
    'page_view',
    'product_view',
    'search',
    'add_to_cart',
    'remove_from_cart',
    'checkout_started',
    'purchase',
  ]

  /** The rules of one tracked event: the errors that refuse it. */
  const eventErrors = (event: Record<string, unknown>, index: number, imported: boolean) => {
    const errors: { path: string; message: string }[] = []
    const at = `/events/${index}`
    if (
      imported
        ? typeof event.id !== 'string' || !idPattern.test(event.id)
        : event.id !== undefined && !idPattern.test(String(event.id))
    )
      errors.push({ path: `${at}/id`, message: 'must be 8..64 characters [A-Za-z0-9_-]' })
    if (!eventTypes.includes(event.type as string))
      errors.push({ path: `${at}/type`, message: 'unknown type' })
    for (const key of ['anonymousId', 'sessionId'])
      if (typeof event[key] !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(event[key] as string))
        errors.push({ path: `${at}/${key}`, message: 'must be 1..64 characters [A-Za-z0-9_-]' })
    const time = typeof event.time === 'string' ? Date.parse(event.time) : Number.NaN
    if (Number.isNaN(time) || time > Date.now() + 300_000)
      errors.push({ path: `${at}/time`, message: 'must be an instant, not in the future' })
    if (typeof event.properties !== 'object' || event.properties === null)
      errors.push({ path: `${at}/properties`, message: 'must be an object' })
    return errors
  }

  const analytics = async (request: Request, url: URL): Promise<Response | undefined> => {
    const route = `${request.method} ${url.pathname}`
    if (route === 'GET /api/v1/products') {
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const cursor = url.searchParams.get('cursor')
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: '/limit', message: 'must be 1..100' },
        ])
      const all = [...products.values()]
        .filter((p) => p.status === 'active')
        .sort((a, b) => a.id.localeCompare(b.id))
        .filter((p) => !cursor || p.id > cursor)
      const items = all.slice(0, limit).map((p) => ({ ...p, options: [], images: [] }))
      return Response.json({
        items,
        facets: { categories: [], brands: [], prices: [], options: [] },
        total: all.length,
        nextCursor: all.length > limit ? (items.at(-1)?.id ?? null) : null,
      })
    }
    const orderImport = route === 'POST /api/v1/admin/analytics/orders/import'
    if (orderImport || route === 'POST /api/v1/admin/analytics/events/import') {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      const payload = await body(request)
      const rows = orderImport ? payload.orders : payload.events
      const max = orderImport ? 500 : 1000
      if (!Array.isArray(rows) || rows.length < 1 || rows.length > max)
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: orderImport ? '/orders' : '/events', message: `must be an array of 1..${max}` },
        ])
      analyticsImports.push({ path: url.pathname, size: rows.length })
      let accepted = 0
      let duplicates = 0
      const rejected: { index: number; errors: { path: string; message: string }[] }[] = []
      for (const [index, row] of (rows as Record<string, unknown>[]).entries()) {
        if (orderImport) {
          const errors: { path: string; message: string }[] = []
          const lines = Array.isArray(row.lines) ? (row.lines as Record<string, unknown>[]) : []
          if (typeof row.orderId !== 'string' || !row.orderId || row.orderId.length > 64)
            errors.push({ path: `/orders/${index}/orderId`, message: 'must be 1..64 characters' })
          if (!lines.length || lines.some((l) => !Number.isInteger(l.quantity) || (l.quantity as number) < 1))
            errors.push({
              path: `/orders/${index}/lines`,
              message: 'must be 1..200 lines of positive quantity',
            })
          if (!(Date.parse(row.paidAt as string) <= Date.now()))
            errors.push({ path: `/orders/${index}/paidAt`, message: 'must be a past instant' })
          if (errors.length) rejected.push({ index, errors })
          else if (analyticsOrders.has(row.orderId as string)) {
            const refunds = (row.refunds ?? []) as { refundId: string }[]
            // A refund new to a known order is taken: the order itself is a duplicate.
            for (const refund of refunds) analyticsRefunds.add(refund.refundId)
            duplicates++
          } else {
            analyticsOrders.set(row.orderId as string, row)
            for (const refund of (row.refunds ?? []) as { refundId: string }[])
              analyticsRefunds.add(refund.refundId)
            accepted++
          }
          continue
        }
        const errors = eventErrors(row, index, true)
        if (errors.length) rejected.push({ index, errors })
        else if (analyticsEvents.has(row.id as string)) duplicates++
        else {
          analyticsEvents.set(row.id as string, row)
          accepted++
        }
      }
      return Response.json({ accepted, duplicates, rejected })
    }
    if (route === 'POST /api/v1/track') {
      let userId: string | undefined
      if (request.headers.get('authorization')) {
        const user = principal(request)
        if (user instanceof Response) return user
        userId = user.id
      }
      const payload = await body(request)
      if (!Array.isArray(payload.events) || payload.events.length > 100)
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: '/events', message: 'must be an array of at most 100 events' },
        ])
      if (payload.consent === false)
        return Response.json({ accepted: 0, rejected: [], dropped: 'consent' }, { status: 202 })
      // As the service does, what an automated client sends (Bun's `Bun/1.x` by default) is dropped.
      const agent = request.headers.get('user-agent')
      if (agent && !/^Mozilla\/5\.0 \(/.test(agent))
        return Response.json({ accepted: 0, rejected: [], dropped: 'bot' }, { status: 202 })
      let accepted = 0
      const rejected: { index: number; errors: { path: string; message: string }[] }[] = []
      for (const [index, event] of (payload.events as Record<string, unknown>[]).entries()) {
        const errors = eventErrors(event, index, false)
        if (errors.length) rejected.push({ index, errors })
        else {
          accepted++
          analyticsEvents.set((event.id as string | undefined) ?? nextId('evt'), { ...event, userId })
        }
      }
      return Response.json({ accepted, rejected, dropped: null }, { status: 202 })
    }
    if (route === 'POST /api/v1/auth/register') {
      const { email, password, name } = await body(request)
      if (typeof email !== 'string' || !email.includes('@') || typeof password !== 'string' || !password)
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: '/email', message: 'invalid email' },
        ])
      if ([...users.values()].some((u) => u.email === email.toLowerCase()))
        return problem(409, 'email_taken', 'Email already registered')
      const user = addUser({ email: email.toLowerCase(), password, name: String(name ?? '') })
      return Response.json(publicUser(user), { status: 201 })
    }
    if (route === 'POST /api/v1/carts') {
      const user = principal(request)
      if (user instanceof Response) return user
      const id = nextId('cart')
      carts.set(id, { userId: user.id, lines: [] })
      clock += 1000
      const at = new Date(clock).toISOString()
      return Response.json(
        {
          id,
          userId: user.id,
          currency: null,
          items: [],
          totals: { subtotal: 0, itemCount: 0 },
          createdAt: at,
          updatedAt: at,
        },
        { status: 201 },
      )
    }
    const items = url.pathname.match(/^\/api\/v1\/carts\/([^/]+)\/items$/)
    if (items && request.method === 'POST') {
      const user = principal(request)
      if (user instanceof Response) return user
      const cart = carts.get(items[1] ?? '')
      if (!cart || cart.userId !== user.id) return problem(404, 'not_found', 'Not found', 'no such cart')
      const { sku, quantity } = await body(request)
      const entry = typeof sku === 'string' ? stock.get(sku) : undefined
      if (!entry || available(entry) < Number(quantity))
        return problem(409, 'insufficient_stock', 'Not enough stock')
      cart.lines.push({ sku: sku as string, quantity: Number(quantity) })
      return Response.json({ id: items[1], userId: user.id, items: cart.lines })
    }
    if (route === 'POST /api/v1/checkout') {
      const user = principal(request)
      if (user instanceof Response) return user
      if (!request.headers.get('idempotency-key'))
        return problem(400, 'idempotency_key_required', 'Idempotency-Key required')
      const { cartId, email, payment } = await body(request)
      const cart = carts.get(String(cartId))
      if (!cart || cart.userId !== user.id) return problem(404, 'not_found', 'Not found', 'no such cart')
      if ((payment as { token?: string } | undefined)?.token !== 'tok_visa')
        return problem(402, 'payment_declined', 'Payment declined')
      let total = 0
      for (const line of cart.lines) {
        const at = stock.get(line.sku)?.locations.get('default')
        if (at) at.onHand -= line.quantity
        const product = products.get(productIdBySku.get(line.sku) ?? '')
        total += (product?.variants.find((v) => v.sku === line.sku)?.price.amount ?? 0) * line.quantity
      }
      const id = nextSortableId('ord')
      checkouts.push({ id, userId: user.id, email: String(email), lines: cart.lines })
      carts.delete(String(cartId))
      return Response.json(
        { id, status: 'paid', email, currency: 'EUR', lines: cart.lines, totals: { subtotal: total, total } },
        { status: 201 },
      )
    }
    return undefined
  }

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const path = url.pathname
    requests.push({
      method: request.method,
      path,
      search: url.search,
      authorization: request.headers.get('authorization'),
    })
    const route = `${request.method} ${path}`
    const after = held.get(path)
    if (after !== undefined && requests.filter((r) => r.path === path).length > after) {
      return new Promise<Response>(() => {})
    }
    if (route === 'POST /api/v1/auth/login' && loginLockSeconds !== undefined) {
      const locked = problem(
        429,
        'too_many_attempts',
        'Too many attempts',
        'Too many failed sign-ins; try again later',
      )
      locked.headers.set('retry-after', String(loginLockSeconds))
      return locked
    }

    if (route === 'GET /ready')
      return Response.json(
        {
          ...health.body,
          status: health.body.status === 'ok' ? 'ready' : 'not_ready',
          checks: { jwks: { status: 'ok', latencyMs: 1, httpStatus: 200 } },
        } satisfies Readiness,
        { status: health.status },
      )

    if (route === 'POST /api/v1/auth/login') {
      const { email, password } = await body(request)
      if (typeof email !== 'string' || typeof password !== 'string') {
        return problem(422, 'validation_failed', 'Invalid request', undefined, [
          { path: '/email', message: 'required' },
        ])
      }
      const user = [...users.values()].find((u) => u.email === email.toLowerCase())
      if (!user || user.password !== password) {
        return problem(401, 'invalid_credentials', 'Invalid credentials', 'email or password is wrong')
      }
      return issue(user.id)
    }

    if (route === 'POST /api/v1/auth/refresh') {
      const { refreshToken } = await body(request)
      const stored = typeof refreshToken === 'string' ? refreshTokens.get(refreshToken) : undefined
      if (!stored || revokedFamilies.has(stored.family)) {
        return problem(401, 'invalid_refresh_token', 'Invalid refresh token')
      }
      if (stored.used) {
        revokedFamilies.add(stored.family)
        return problem(401, 'refresh_token_reused', 'Refresh token reused', 'the session has been revoked')
      }
      stored.used = true
      return issue(stored.userId, stored.family)
    }

    if (route === 'POST /api/v1/auth/logout') {
      const user = principal(request)
      if (user instanceof Response) return user
      const { refreshToken } = await body(request)
      const stored = typeof refreshToken === 'string' ? refreshTokens.get(refreshToken) : undefined
      if (stored) revokedFamilies.add(stored.family)
      return new Response(null, { status: 204 })
    }

    if (route === 'GET /api/v1/users/me') {
      const user = principal(request)
      return user instanceof Response ? user : Response.json(publicUser(user))
    }

    if (route === 'GET /api/v1/users') {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const role = url.searchParams.get('role')
      const q = url.searchParams.get('q')?.toLowerCase()
      const cursor = url.searchParams.get('cursor')
      const errors: { path: string; message: string }[] = []
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        errors.push({ path: '/limit', message: 'must be 1..100' })
      if (cursor !== null && !/^usr_[0-9A-HJKMNP-TV-Z]{26}$/.test(cursor)) {
        errors.push({ path: '/cursor', message: 'must be a user id' })
      }
      if (role !== null && !isRole(role)) errors.push({ path: '/role', message: 'unknown role' })
      if (q === '') errors.push({ path: '/q', message: 'must not be empty' })
      if (errors.length) return problem(422, 'validation_failed', 'Invalid request', undefined, errors)
      // Id order, which is creation order; the cursor is the id of the last item returned.
      let all = [...users.values()].sort((a, b) => a.id.localeCompare(b.id))
      if (role) all = all.filter((u) => u.roles.includes(role))
      if (q) all = all.filter((u) => u.email.includes(q) || u.name.toLowerCase().includes(q))
      if (cursor) all = all.filter((u) => u.id > cursor)
      const items = all.slice(0, limit)
      const nextCursor = all.length > limit ? (items.at(-1)?.id ?? null) : null
      return Response.json({ items: items.map(publicUser), nextCursor })
    }

    if (route === 'POST /api/v1/users') {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      const { email, password, name, roles } = await body(request)
      const errors: { path: string; message: string }[] = []
      if (typeof email !== 'string' || !email.includes('@'))
        errors.push({ path: '/email', message: 'invalid email' })
      if (typeof password !== 'string' || password.length < 8) {
        errors.push({ path: '/password', message: 'must be at least 8 characters' })
      }
      if (typeof name !== 'string' || !name) errors.push({ path: '/name', message: 'required' })
      if (invalidRoles(roles)) errors.push({ path: '/roles', message: 'unknown role' })
      if (errors.length) return problem(422, 'validation_failed', 'Invalid request', undefined, errors)
      const lower = (email as string).toLowerCase()
      if ([...users.values()].some((u) => u.email === lower)) {
        return problem(409, 'email_taken', 'Email already registered', `${lower} already has an account`)
      }
      const user = addUser({
        email: lower,
        password: password as string,
        name: name as string,
        roles: roles as string[],
      })
      return Response.json(publicUser(user), { status: 201 })
    }

    if (route === 'POST /api/v1/catalog/import') {
      const caller = catalogManager(request)
      if (caller instanceof Response) return caller
      const payload = await body(request)
      imports.push({ rows: Array.isArray(payload.rows) ? (payload.rows as Record<string, unknown>[]) : [] })
      if (new URL(request.url).searchParams.get('dryRun') !== 'true') return catalogImport(payload.rows)
      // As the service does it: the whole import, then everything it wrote undone.
      const maps = [products, productIdBySku, categories, stock, unseenSkus]
      const saved = maps.map((map) => structuredClone(map))
      const answer = await catalogImport(payload.rows)
      for (const [i, map] of maps.entries()) {
        map.clear()
        for (const [k, v] of saved[i]! as Map<string, never>) (map as Map<string, unknown>).set(k, v)
      }
      return answer
    }

    if (route === 'GET /api/v1/catalog/export') {
      const caller = catalogManager(request)
      if (caller instanceof Response) return caller
      const limit = Number(url.searchParams.get('limit') ?? 500)
      const cursor = url.searchParams.get('cursor')
      const errors: { path: string; message: string }[] = []
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        errors.push({ path: '/limit', message: 'must be 1..1000' })
      if (cursor !== null && !/^prd_[0-9A-HJKMNP-TV-Z]{26}$/.test(cursor))
        errors.push({ path: '/cursor', message: 'must be a product id' })
      if (errors.length) return problem(422, 'validation_failed', 'Invalid request', undefined, errors)
      const all = [...products.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .filter((p) => !cursor || p.id > cursor)
      const items = all.slice(0, limit)
      return Response.json({ items, nextCursor: all.length > limit ? (items.at(-1)?.id ?? null) : null })
    }

    // Like the product service: the reindex runs in the background; the first poll finds it running.
    if (route === 'POST /api/v1/catalog/reindex') {
      const caller = catalogManager(request)
      if (caller instanceof Response) return caller
      const job = {
        jobId: `rix_${reindexJobs.size + 1}`,
        engine: 'memory',
        status: 'running',
        indexed: 0,
        error: null,
        polls: 0,
      }
      reindexJobs.set(job.jobId, job)
      const { polls: _, ...body } = job
      return Response.json(body, { status: 202 })
    }
    const reindexPoll = path.match(/^\/api\/v1\/catalog\/reindex\/([^/]+)$/)
    if (reindexPoll && request.method === 'GET') {
      const caller = catalogManager(request)
      if (caller instanceof Response) return caller
      const job = reindexJobs.get(decodeURIComponent(reindexPoll[1] ?? ''))
      if (!job) return problem(404, 'not_found', 'No such reindex job')
      job.polls++
      if (job.polls > 1) Object.assign(job, { status: 'succeeded', indexed: products.size })
      const { polls: _, ...body } = job
      return Response.json(body)
    }

    if (path.startsWith('/api/v1/inventory/')) return inventory(request, url)

    // Like the user service, there is no GET by id: only the roles of one user can be addressed.
    const one = path.match(/^\/api\/v1\/users\/([^/]+)\/roles$/)
    if (one && request.method === 'PUT') {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      const user = users.get(decodeURIComponent(one[1] ?? ''))
      if (!user) return problem(404, 'not_found', 'Not found', `no user ${one[1]}`)
      {
        const { roles } = await body(request)
        if (invalidRoles(roles)) {
          return problem(422, 'validation_failed', 'Invalid request', undefined, [
            { path: '/roles', message: 'unknown role' },
          ])
        }
        clock += 1000
        user.roles = [...new Set(roles as string[])]
        user.updatedAt = new Date(clock).toISOString()
        return Response.json(publicUser(user))
      }
    }

    const unlock = path.match(/^\/api\/v1\/users\/([^/]+)\/unlock$/)
    if (unlock && request.method === 'POST') {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      const user = users.get(decodeURIComponent(unlock[1] ?? ''))
      if (!user) return problem(404, 'not_found', 'Not found', `no user ${unlock[1]}`)
      const { issueCode } = await body(request)
      unlocks.push(user.id)
      return Response.json({
        userId: user.id,
        cleared: 3,
        ...(issueCode === true && {
          unlockCode: 'K7QX-2M9D-TR4B-W8NZ',
          expiresAt: '2026-01-01T01:00:00.000Z',
        }),
      })
    }

    const report = path.match(/^\/api\/v1\/reports\/([^/]+)$/)
    if (report && request.method === 'GET') {
      const caller = principal(request)
      if (caller instanceof Response) return caller
      if (!caller.roles.some((role) => role === 'analyst' || role === 'admin'))
        return problem(403, 'forbidden', 'Forbidden', 'requires reports:read')
      return answerReport(
        reports,
        decodeURIComponent(report[1] ?? ''),
        url,
        request.headers.get('accept'),
        problem,
      )
    }

    const audit = path.match(/^\/api\/v1\/admin\/audit\/([^/]+)$/)
    const verification = audit && request.method === 'GET' ? audits.get(audit[1] ?? '') : undefined
    if (verification) {
      const caller = admin(request)
      if (caller instanceof Response) return caller
      return Response.json(verification)
    }

    const answered = await analytics(request, url)
    if (answered) return answered

    return problem(404, 'not_found', 'Not found', `${route} is not a route`)
  }

  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handle })

  return {
    url: `http://127.0.0.1:${server.port}`,
    users,
    products,
    imports,
    stock,
    adjustments,
    addStock: (sku, { location = 'default', onHand = 0, reserved = 0, threshold = null } = {}) => {
      const entry = stock.get(sku) ?? { threshold: null, locations: new Map() }
      entry.threshold = threshold
      entry.locations.set(location, { onHand, reserved })
      stock.set(sku, entry)
    },
    delayNewSkus: (reads) => {
      newSkuDelay = reads
    },
    resetCatalog: () => {
      stock.clear()
      adjustments.length = 0
      unseenSkus.clear()
      newSkuDelay = 0
      products.clear()
      productIdBySku.clear()
      categories.clear()
      imports.length = 0
      requests.length = 0
      held.clear()
    },
    analyticsOrders,
    analyticsEvents,
    analyticsImports,
    checkouts,
    resetAnalytics: () => {
      analyticsOrders.clear()
      analyticsRefunds.clear()
      analyticsEvents.clear()
      analyticsImports.length = 0
      carts.clear()
      checkouts.length = 0
      requests.length = 0
    },
    requests,
    unlocks,
    audits,
    expireAccessTokens: () => {
      for (const token of accessTokens.values()) token.expiresAt = 0
    },
    setHealth: (body, status = 200) => {
      health = { body, status }
    },
    addUser,
    count: (path) => requests.filter((r) => r.path === path).length,
    hold: (path, after) => {
      held.set(path, after)
    },
    lockLogins: (seconds) => {
      loginLockSeconds = seconds
    },
    reports,
    stop: () => server.stop(true),
  }
}
