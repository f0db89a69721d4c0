import { afterAll } from 'bun:test'

export interface CatalogEntry {
  sku: string
  productId: string
  name: string
  displayName?: string
  price: { amount: number; currency: string }
  status: 'draft' | 'active' | 'archived'
}

/**
 * A product service of the test's own over real HTTP, answering its SKU lookup
 * (`POST /api/v1/products/variants/lookup`) from entries the test sets, as the product service does: every known
 * SKU asked for, with its product's status. `stop()` makes it unreachable; it stops after the suite.
 */
export const catalogServer = () => {
  const entries = new Map<string, CatalogEntry>()
  let lookups = 0
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      if (request.method !== 'POST' || url.pathname !== '/api/v1/products/variants/lookup')
        return new Response('not found', { status: 404 })
      lookups++
      const { skus } = (await request.json()) as { skus: string[] }
      const items = skus.flatMap((sku) => {
        const entry = entries.get(sku)
        return entry ? [{ options: {}, displayName: entry.name, ...entry }] : []
      })
      return Response.json({ items })
    },
  })
  let stopped = false
  afterAll(() => {
    if (!stopped) server.stop(true)
  })
  const url = `http://127.0.0.1:${server.port}`
  return {
    url,
    /** Puts (or replaces) a SKU, active and priced in EUR unless told otherwise; answers its SKU. */
    put(entry: Partial<CatalogEntry> & { sku: string }) {
      entries.set(entry.sku, {
        productId: `prd_${entry.sku}`,
        name: `Product ${entry.sku}`,
        price: { amount: 1999, currency: 'EUR' },
        status: 'active',
        ...entry,
      })
      return entry.sku
    },
    remove(sku: string) {
      entries.delete(sku)
    },
    lookups: () => lookups,
    stop() {
      stopped = true
      server.stop(true)
    },
  }
}

export type CatalogServer = ReturnType<typeof catalogServer>

/** A fresh SKU no other test uses. */
export const uniqueSku = (label = 'SKU') => `${label}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase()
