import { t } from 'elysia'
import { slugPattern } from '../products/slug.ts'

export const categorySchema = t.Object({
  id: t.String(),
  parentId: t.Union([t.String(), t.Null()]),
  name: t.String(),
  slug: t.String(),
  path: t.String({ description: "Names from the root, joined by ' > '" }),
  createdAt: t.String({ format: 'date-time' }),
  updatedAt: t.String({ format: 'date-time' }),
})

export const categoryListSchema = t.Object({ items: t.Array(categorySchema) })

export const categoryIdParamSchema = t.Object({ id: t.String({ minLength: 1, maxLength: 100 }) })

const name = t.String({ minLength: 1, maxLength: 100, pattern: '\\S' })
const slug = t.String({ pattern: slugPattern, maxLength: 100 })
const parentId = t.Union([t.String({ pattern: '^cat_[0-9A-HJKMNP-TV-Z]{26}$' }), t.Null()])

export const categoryInputSchema = t.Object(
  { name, slug: t.Optional(slug), parentId: t.Optional(parentId) },
  { additionalProperties: false },
)

export const categoryChangesSchema = t.Object(
  { name: t.Optional(name), slug: t.Optional(slug), parentId: t.Optional(parentId) },
  { minProperties: 1, additionalProperties: false },
)
