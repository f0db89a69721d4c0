import { z } from 'zod'
import { defineEvent } from '../envelope.ts'

// The closed role list lives with the auth rules; events carry plain strings so a new role never
// makes an old consumer reject a valid event.
const roles = z.array(z.string().min(1))

/**
 * The addresses user events carry (zod's email rule, narrower than JSON Schema's `email` format): a service
 * accepts no other at its door, or an account it would store could not announce itself.
 */
export const eventEmailPattern: string = z.regexes.email.source

/** A new account was created; carries what consumers (notification, analytics) need without calling back. */
export const userRegistered = defineEvent({
  type: 'user.registered',
  version: 1,
  schema: z.object({
    userId: z.string().min(1),
    email: z.email({ pattern: new RegExp(eventEmailPattern) }),
    name: z.string(),
    roles,
    registeredAt: z.iso.datetime(),
  }),
})

/** An administrator changed a user's roles; both the new and previous sets are included. */
export const userRoleChanged = defineEvent({
  type: 'user.role_changed',
  version: 1,
  schema: z.object({
    userId: z.string().min(1),
    roles,
    previousRoles: roles,
    changedBy: z.string().min(1),
    changedAt: z.iso.datetime(),
  }),
})
