import { t } from 'elysia'
import { productSchema } from '../products/schemas.ts'

/** One row of a catalog file (`myshop catalog import`): a variant, keyed by SKU; the text is parsed by the service. */
export const importRowSchema = t.Object({
  line: t.Integer({
    minimum: 1,
    maximum: 1e9,
    description: 'The row’s line in its file, echoed back in failures',
  }),
  sku: t.String({ maxLength: 200, description: 'The key the import upserts by' }),
  name: t.String({
    maxLength: 500,
    description: 'Required for a new product, on one of its rows; may be empty',
  }),
  description: t.Optional(t.String({ maxLength: 20_000 })),
  brand: t.Optional(t.String({ maxLength: 200 })),
  category: t.Optional(
    t.String({
      maxLength: 5000,
      description:
        'Category paths, `Electronics > Phones`, up to 20 separated by `|`; missing ones are created',
    }),
  ),
  price: t.String({ maxLength: 50, description: 'A decimal in the currency’s major unit, e.g. `12.99`' }),
  currency: t.String({ maxLength: 10, description: 'A circulating ISO 4217 code' }),
  status: t.Optional(
    t.String({ maxLength: 20, description: '`draft`, `active` (the default) or `archived`' }),
  ),
  slug: t.Optional(
    t.String({ maxLength: 200, description: 'Rows with the same slug are the variants of one product' }),
  ),
  options: t.Optional(
    t.String({
      maxLength: 2000,
      description: 'Option values, `Size=M; Colour=Navy` (`\\` escapes `;`, `=`, `\\`)',
    }),
  ),
  compareAtPrice: t.Optional(
    t.String({ maxLength: 50, description: 'The price before a reduction, as `price`' }),
  ),
  attributes: t.Optional(
    t.String({
      maxLength: 40_000,
      description: 'The product’s attributes, a JSON object of texts, numbers, booleans',
    }),
  ),
})

export const importQuerySchema = t.Object({
  dryRun: t.Optional(
    t.Boolean({ description: 'Check and plan every row, answer as usual, and write nothing' }),
  ),
})

export const importBodySchema = t.Object({ rows: t.Array(importRowSchema, { minItems: 1, maxItems: 2000 }) })

export const importResultSchema = t.Object({
  created: t.Integer(),
  updated: t.Integer(),
  failed: t.Array(
    t.Object({
      line: t.Integer(),
      sku: t.String(),
      errors: t.Array(t.Object({ path: t.String(), message: t.String() })),
    }),
  ),
})

export const exportQuerySchema = t.Object({
  cursor: t.Optional(t.String({ pattern: '^prd_[0-9A-HJKMNP-TV-Z]{26}$' })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 1000 })),
})

export const exportPageSchema = t.Object({
  items: t.Array(productSchema),
  nextCursor: t.Union([t.String(), t.Null()]),
})
