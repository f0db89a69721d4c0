import { optionLimits } from '@myshop/catalog-format'
import { problemSchema } from '@myshop/http'
import { type TSchema, t } from 'elysia'
import type { OpenAPIV3 } from 'openapi-types'
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

export const suggestQuerySchema = t.Object({
  q: t.String({ minLength: 1, maxLength: 100 }),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 20 })),
})

export const suggestionsSchema = t.Object({ suggestions: t.Array(t.String()) })

export const productIdParamSchema = t.Object({ id: t.String({ minLength: 1, maxLength: 120 }) })

// OpenAPI's types want its own schema objects; TypeBox schemas are JSON Schema, which is what they are.
const problem = (description: string): OpenAPIV3.ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema as OpenAPIV3.SchemaObject } },
})

/**
 * A cached read's responses: the body with its ETag, 304, and the problems `errors` names. Such reads are served
 * from the response cache as bytes, so their schemas document rather than validate.
 */
export const cachedReadResponses = (
  schema: TSchema,
  errors: Record<number, string>,
): OpenAPIV3.ResponsesObject => ({
  200: {
    description: 'OK (ETag; 304 when If-None-Match matches)',
    content: { 'application/json': { schema: schema as OpenAPIV3.SchemaObject } },
  },
  304: { description: 'Not modified' },
  ...Object.fromEntries(
    Object.entries(errors).map(([status, description]) => [status, problem(description)]),
  ),
})

/** How many SKUs one lookup takes. */
export const lookupLimit = 100

export const variantLookupSchema = t.Object(
  {
    skus: t.Array(t.String({ minLength: 1, maxLength: productLimits.sku, pattern: skuPattern }), {
      minItems: 1,
      maxItems: lookupLimit,
      uniqueItems: true,
      description: `Up to ${lookupLimit} different SKUs`,
    }),
  },
  { additionalProperties: false },
)

export const variantLookupResultSchema = t.Object({
  items: t.Array(
    t.Object({
      sku: t.String(),
      productId: t.String(),
      name: t.String({ description: "The product's name" }),
      options: t.Record(t.String(), t.String()),
      displayName: t.String({ description: "The product's name with the variant's option values" }),
      price: moneySchema,
      status,
    }),
    { description: 'The SKUs found, in SKU order; a SKU not found (or not visible to the caller) is absent' },
  ),
})
