import { createHash } from 'node:crypto'
import {
  categoryChanged,
  type EnvelopeOf,
  priceChanged,
  productCreated,
  productDeleted,
  productUpdated,
} from '@myshop/events'
import type { ProductDeps } from '../deps.ts'
import type { LayeredResponseCache } from './response-cache.ts'

/** The response-cache key of one product's detail, read by id or by slug. */
export const productCacheKey = (idOrSlug: string): string => `product:${idOrSlug}`

/** A cache key for one read of the listings (`listing`) or of the suggestions (`suggest`) in a generation. */
export const searchKey = (query: Record<string, unknown>, generation: number, kind = 'listing') => {
  const normalized = JSON.stringify(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .sort(),
  )
  return `${kind}:${generation}:${createHash('sha1').update(normalized).digest('base64url')}`
}

/**
 * Deletes product entries now and once more when `cacheSettleMs` has passed: a read that rendered the old row
 * before the commit can store it after the first delete (listings need no second pass: their keys carry a
 * generation that the write has already moved on).
 */
export const dropProductEntries = async (deps: ProductDeps, keys: string[]) => {
  if (keys.length === 0) return
  await deps.cache.delete(keys)
  setTimeout(() => void deps.cache.delete(keys), deps.settings.cacheSettleMs).unref()
}

/** The events that can make a cached catalog read stale. */
export const catalogEvents = [
  productCreated,
  productUpdated,
  productDeleted,
  priceChanged,
  categoryChanged,
] as const

type CatalogEvent = EnvelopeOf<(typeof catalogEvents)[number]>

/** The product detail keys an event makes stale: the product's id and every slug it was or is read by. */
const staleProductKeys = (event: Exclude<CatalogEvent, { type: 'category.changed' }>): string[] => {
  const slugs = (() => {
    switch (event.type) {
      case 'product.created':
        return [event.data.slug]
      case 'product.updated':
        return [event.data.slug, ...(event.data.previousSlug ? [event.data.previousSlug] : [])]
      case 'product.deleted':
        return event.data.slug ? [event.data.slug] : []
      // A price change is committed with a product.updated that names the slug.
      case 'price.changed':
        return []
    }
  })()
  return [event.data.productId, ...slugs].map(productCacheKey)
}

/**
 * Keeps this instance's in-process cache layer in step with writes made on other instances: every catalog event
 * drops the product's local entries and the local listing generation, so the next read goes to the shared cache,
 * which the writing instance invalidated before the event was published. Every instance needs every event, so
 * this handles a broadcast subscription rather than a consumer group; a missed event costs at most the layer's TTL.
 */
export const forgetStaleEntries =
  (cache: LayeredResponseCache) =>
  (event: CatalogEvent): void =>
    // A category change reaches any number of products: the whole layer goes, which is at most a second's worth.
    event.type === 'category.changed' ? cache.forgetAllLocal() : cache.forgetLocal(staleProductKeys(event))
