import type { Queryable } from '@myshop/db'
import {
  type categoryChanged,
  type EnvelopeOf,
  inbox,
  type productCreated,
  type productDeleted,
  type productUpdated,
} from '@myshop/events'
import { type AnalyticsDeps, schema } from '../deps.ts'
import * as catalog from './repository.ts'

/** The consumer group keeping the product dimension. */
export const catalogConsumer = 'analytics-catalog'

/** Remembers SKUs with their product, in the caller's transaction. */
export const rememberSkus = (tx: Queryable, lines: readonly { sku: string; productId: string }[]) =>
  catalog.rememberSkus(tx, lines)

/**
 * A product created or changed: the dimension takes its name, brand, first category and SKUs. The category's name
 * is read from the product service first (the event carries only ids); when it cannot be, the name stays unknown
 * until the next event of the product or its category.
 */
export const onProductChanged = async (
  deps: AnalyticsDeps,
  event: EnvelopeOf<typeof productCreated> | EnvelopeOf<typeof productUpdated>,
) => {
  const { data } = event
  const categoryId = data.categoryIds[0] ?? null
  const categoryName = categoryId ? await deps.products.categoryName(categoryId) : null
  const skus = data.variants.map((v) => v.sku)
  return inbox.handleOnce(deps.sql, schema, catalogConsumer, event, async (tx) => {
    await catalog.upsertProduct(tx, {
      productId: data.productId,
      name: data.name,
      brand: data.brand,
      categoryId,
      categoryName,
      skus,
      updatedAt: new Date(data.occurredAt),
    })
    await catalog.rememberSkus(
      tx,
      skus.map((sku) => ({ sku, productId: data.productId })),
    )
  })
}

/** A product deleted: kept, marked so, for the history that names it. */
export const onProductDeleted = (deps: AnalyticsDeps, event: EnvelopeOf<typeof productDeleted>) =>
  inbox.handleOnce(deps.sql, schema, catalogConsumer, event, (tx) =>
    catalog.markDeleted(tx, event.data.productId, event.data.skus, new Date(event.data.occurredAt)),
  )

/** A category renamed: every product in it shows the new name. */
export const onCategoryChanged = (deps: AnalyticsDeps, event: EnvelopeOf<typeof categoryChanged>) =>
  inbox.handleOnce(deps.sql, schema, catalogConsumer, event, (tx) =>
    catalog.renameCategory(tx, event.data.categoryId, event.data.name),
  )

/**
 * Fills the dimension with the products of `productIds` it does not know, from the product service, before facts
 * about them are recorded. A product the service cannot tell of is left out; its next event fills it in.
 */
export const ensureProducts = async (deps: AnalyticsDeps, productIds: readonly string[]) => {
  const missing = await catalog.missingProducts(deps.sql, [...new Set(productIds)])
  for (let i = 0; i < missing.length; i += 8) {
    const found = await Promise.all(missing.slice(i, i + 8).map((id) => deps.products.product(id)))
    for (const product of found) {
      if (!product) continue
      // Dated at the epoch: any product event, whenever it arrives, is newer than what was read here.
      await catalog.upsertProduct(deps.sql, {
        productId: product.productId,
        name: product.name,
        brand: product.brand,
        categoryId: product.category?.id ?? null,
        categoryName: product.category?.name ?? null,
        skus: product.skus,
        updatedAt: new Date(0),
      })
    }
  }
}
