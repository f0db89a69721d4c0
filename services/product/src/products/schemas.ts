import { optionLimits } from '@myshop/catalog-format'
import { t } from 'elysia'
import { productLimits, skuPattern } from './model.ts'
import { slugPattern } from './slug.ts'

/** The largest amount of money the catalog takes, in minor units (prices are stored as bigint). */
const maxAmount = 1e12

export const moneySchema = t.Object({
  amount: t.Integer({ minimum: 0, maximum: maxAmount, description: 'Minor units (cents)', examples: [4900] }),
  currency: t.String({ pattern: '^[A-Z]{3}$', description: 'ISO-4217 code', examples: ['EUR'] }),
})

const attributeValue = t.Union([t.String({ maxLength: 500 }), t.Number(), t.Boolean()])
const status = t.Union([t.Literal('draft'), t.Literal('active'), t.Literal('archived')])

export const variantInputSchema = t.Object(
  {
    sku: t.String({
      minLength: 1,
      maxLength: productLimits.sku,
      pattern: skuPattern,
      examples: ['SHIRT-LINEN-M'],
    }),
    options: t.Optional(
      t.Record(t.String({ maxLength: optionLimits.name }), t.String({ maxLength: optionLimits.value })),
    ),
    price: moneySchema,
    compareAtPrice: t.Optional(t.Union([moneySchema, t.Null()])),
  },
  { additionalProperties: false },
)

const fields = {
  name: t.String({ minLength: 1, maxLength: productLimits.name, pattern: '\\S', examples: ['Linen shirt'] }),
  slug: t.String({ pattern: slugPattern, maxLength: productLimits.slug, examples: ['linen-shirt'] }),
  description: t.String({ maxLength: 20_000, examples: ['Washed linen, relaxed fit.'] }),
  brand: t.Union([t.String({ maxLength: productLimits.brand, examples: ['Acme'] }), t.Null()]),
  attributes: t.Record(t.String({ maxLength: 50 }), attributeValue, { maxProperties: 50 }),
  status,
  categoryIds: t.Array(t.String({ pattern: '^cat_[0-9A-HJKMNP-TV-Z]{26}$' }), {
    maxItems: productLimits.categories,
  }),
  variants: t.Array(variantInputSchema, { minItems: 1, maxItems: productLimits.variants }),
}

export const productInputSchema = t.Object(
  {
    name: fields.name,
    slug: t.Optional(fields.slug),
    description: t.Optional(fields.description),
    brand: t.Optional(fields.brand),
    attributes: t.Optional(fields.attributes),
    status: t.Optional(fields.status),
    categoryIds: t.Optional(fields.categoryIds),
    variants: fields.variants,
  },
  { additionalProperties: false },
)

export const productChangesSchema = t.Partial(t.Object(fields), {
  additionalProperties: false,
  minProperties: 1,
})

const imageSchema = t.Object({
  id: t.String(),
  contentType: t.String(),
  width: t.Integer(),
  height: t.Integer(),
  position: t.Integer(),
  urls: t.Object({ original: t.String(), medium: t.String(), thumbnail: t.String() }),
})

export const productSchema = t.Object({
  id: t.String(),
  slug: t.String(),
  name: t.String(),
  description: t.String(),
  brand: t.Union([t.String(), t.Null()]),
  attributes: t.Record(t.String(), attributeValue),
  status,
  categories: t.Array(t.Object({ id: t.String(), name: t.String(), slug: t.String(), path: t.String() })),
  variants: t.Array(
    t.Object({
      id: t.String(),
      sku: t.String(),
      options: t.Record(t.String(), t.String()),
      price: moneySchema,
      compareAtPrice: t.Union([moneySchema, t.Null()]),
      position: t.Integer(),
    }),
  ),
  options: t.Array(t.Object({ name: t.String(), values: t.Array(t.String()) }), {
    description: "The variants' options, each with its values in the order the variants first give them",
  }),
  images: t.Array(imageSchema),
  price: t.Union([moneySchema, t.Null()]),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

const bucket = t.Object({ value: t.String(), label: t.String(), count: t.Integer() })
export const searchResultSchema = t.Object({
  items: t.Array(productSchema),
  facets: t.Object({
    categories: t.Array(bucket),
    brands: t.Array(bucket),
    prices: t.Array(
      t.Object({ from: t.Integer(), to: t.Union([t.Integer(), t.Null()]), count: t.Integer() }),
    ),
    options: t.Array(
      t.Object(
        { name: t.String(), label: t.String(), values: t.Array(bucket) },
        {
          description:
            'Variant options among the matches; `name` and each `value` (folded) are what `option=name:value` filters by',
        },
      ),
    ),
  }),
  total: t.Integer(),
  nextCursor: t.Union([t.String(), t.Null()]),
})

export const searchQuerySchema = t.Object({
  q: t.Optional(t.String({ maxLength: 200 })),
  category: t.Optional(t.String({ maxLength: 100 })),
  brand: t.Optional(t.String({ maxLength: 100 })),
  minPrice: t.Optional(t.Integer({ minimum: 0, maximum: maxAmount })),
  maxPrice: t.Optional(t.Integer({ minimum: 0, maximum: maxAmount })),
  sort: t.Optional(
    t.Union([t.Literal('relevance'), t.Literal('price_asc'), t.Literal('price_desc'), t.Literal('newest')]),
  ),
  option: t.Optional(
    t.Array(
      t.String({
        maxLength: optionLimits.name + 1 + optionLimits.value,
        description: 'A variant option and a value, `Size:M`',
      }),
      {
        maxItems: 20,
        description:
          'Products with a variant of this option value; repeat for more: values of one option widen, options narrow (`option=Size:M&option=Size:L&option=Colour:Navy`). Case and accents are ignored',
      },
    ),
  ),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
  cursor: t.Optional(t.String({ maxLength: 1000 })),
})

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
