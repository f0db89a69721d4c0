import { roles } from '@myshop/auth'
import { eventEmailPattern } from '@myshop/events'
import { t } from 'elysia'

export const userSchema = t.Object(
  {
    id: t.String({ examples: ['usr_01JDX8Q6Z3N1V7K2M4P5R6S7T8'] }),
    email: t.String({ format: 'email' }),
    name: t.String({ examples: ['Ada Lovelace'] }),
    roles: t.Array(t.String(), { examples: [['customer']] }),
    createdAt: t.String({ format: 'date-time' }),
    updatedAt: t.String({ format: 'date-time' }),
  },
  { description: 'A MyShop account' },
)

export const userIdParam = t.Object({
  id: t.String({ pattern: '^usr_[0-9A-HJKMNP-TV-Z]{26}$', description: 'A user id' }),
})

export const roleSchema = t.Union(roles.map((r) => t.Literal(r)))
// The route's email format alone lets through addresses the user.registered event refuses (a 500 after the
// account's insert), so the event's rule is the route's too.
export const emailSchema = t.String({ format: 'email', pattern: eventEmailPattern, maxLength: 254 })
export const nameSchema = t.String({
  minLength: 1,
  maxLength: 100,
  pattern: '\\S',
  examples: ['Ada Lovelace'],
})
/** Length is judged by the password policy, which explains itself; the schema only bounds the size. */
export const passwordSchema = t.String({
  minLength: 1,
  maxLength: 1024,
  examples: ['violet-Harbor-93-lantern'],
})

export const userListSchema = t.Object({
  items: t.Array(userSchema),
  nextCursor: t.Union([t.String(), t.Null()]),
})

/** A user's whole set of roles, as an administrator sets it. */
const roleListSchema = () => t.Array(roleSchema, { minItems: 1, maxItems: 6, uniqueItems: true })

export const profileChangesBody = t.Object(
  {
    name: t.Optional(nameSchema),
    password: t.Optional(passwordSchema),
    currentPassword: t.Optional(passwordSchema),
  },
  { minProperties: 1, additionalProperties: false },
)

export const userListQuery = t.Object({
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
  cursor: t.Optional(t.String({ pattern: '^usr_[0-9A-HJKMNP-TV-Z]{26}$' })),
  q: t.Optional(t.String({ minLength: 1, maxLength: 254 })),
  role: t.Optional(roleSchema),
})

export const newUserBody = t.Object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
  roles: t.Optional(roleListSchema()),
})

export const rolesBody = t.Object({ roles: roleListSchema() })
