import { t } from '@myshop/http'
import { cartIdPattern } from './model.ts'

const skuSchema = t.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$',
  examples: ['SHIRT-LINEN-M'],
})

/** Units of a SKU: at least 1; the configured maximum per line (CART_MAX_QUANTITY) is checked by the cart. */
const quantitySchema = t.Integer({ minimum: 1, maximum: 100_000, examples: [2] })

export const cartParams = t.Object({ id: t.String({ pattern: cartIdPattern, maxLength: 31 }) })
export const cartItemParams = t.Object({
  id: t.String({ pattern: cartIdPattern, maxLength: 31 }),
  sku: skuSchema,
})

/** A line to add; its price and name come from the catalog, so a client sends neither. */
export const addItemSchema = t.Object(
  { sku: skuSchema, quantity: quantitySchema },
  { additionalProperties: false },
)
export const updateItemSchema = t.Object({ quantity: quantitySchema }, { additionalProperties: false })

export const cartSchema = t.Object({
  id: t.String({ description: 'For a guest cart, the secret that reaches it: keep it private' }),
  userId: t.Union([t.String(), t.Null()]),
  currency: t.Union([t.String(), t.Null()], { description: "The lines' currency; null while empty" }),
  items: t.Array(
    t.Object({
      sku: t.String(),
      productId: t.String(),
      name: t.String(),
      unitPrice: t.Integer({ description: 'Minor units' }),
      quantity: t.Integer(),
      lineTotal: t.Integer({ description: 'Minor units' }),
    }),
  ),
  totals: t.Object({
    subtotal: t.Integer({ description: 'Minor units; shipping and tax are added at checkout' }),
    itemCount: t.Integer(),
  }),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})
