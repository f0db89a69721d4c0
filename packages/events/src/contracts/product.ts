import { z } from 'zod'
import { defineEvent } from '../envelope.ts'

const money = z.object({ amount: z.number().int().nonnegative(), currency: z.string().length(3) })

const variant = z.object({
  id: z.string().min(1),
  sku: z.string().min(1),
  options: z.record(z.string(), z.string()),
  price: money,
  compareAtPrice: money.nullable(),
})

/** The product as consumers (inventory, search, analytics) need it, without calling back. */
const productSnapshot = z.object({
  productId: z.string().min(1),
  slug: z.string().min(1),
  name: z.string(),
  brand: z.string().nullable(),
  status: z.enum(['draft', 'active', 'archived']),
  categoryIds: z.array(z.string()),
  variants: z.array(variant),
  occurredAt: z.iso.datetime(),
})

/** A product was created (any status); inventory creates stock records for its SKUs from this. */
export const productCreated = defineEvent({ type: 'product.created', version: 1, schema: productSnapshot })

/** A product changed; carries the full new state, which top-level fields changed and, on a rename, the old slug. */
export const productUpdated = defineEvent({
  type: 'product.updated',
  version: 1,
  schema: productSnapshot.extend({
    changed: z.array(z.string()),
    // Optional so events written before it was added still validate.
    previousSlug: z.string().min(1).optional(),
  }),
})

/** A product was deleted; its SKUs are listed so stock and analytics can close them out. */
export const productDeleted = defineEvent({
  type: 'product.deleted',
  version: 1,
  schema: z.object({
    productId: z.string().min(1),
    // Optional so events written before it was added still validate.
    slug: z.string().min(1).optional(),
    skus: z.array(z.string()),
    occurredAt: z.iso.datetime(),
  }),
})

/** A variant's price changed; one event per SKU, with the old and new price. */
export const priceChanged = defineEvent({
  type: 'price.changed',
  version: 1,
  schema: z.object({
    productId: z.string().min(1),
    variantId: z.string().min(1),
    sku: z.string().min(1),
    previous: money,
    current: money,
    compareAtPrice: money.nullable(),
    occurredAt: z.iso.datetime(),
  }),
})

/**
 * A category was renamed, moved or given a new slug. Its products did not change, but what is shown and indexed
 * about them did (their category's name, path and ancestors): consumers holding that re-read the products in the
 * category's subtree. The products' versions were raised in the same transaction.
 */
export const categoryChanged = defineEvent({
  type: 'category.changed',
  version: 1,
  schema: z.object({
    categoryId: z.string().min(1),
    name: z.string().min(1),
    slug: z.string().min(1),
    path: z.string().min(1),
    previousPath: z.string().min(1),
    parentId: z.string().min(1).nullable(),
    /** How many products are in the category's subtree (what consumers will re-read). */
    products: z.number().int().nonnegative(),
    occurredAt: z.iso.datetime(),
  }),
})
