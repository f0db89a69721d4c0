// Importing the OpenAPI plugin replaces TypeBox's string formats (email, uuid, url, ip, date, time, …) with checks
// that build a fresh Zod schema on every call. Every request or response schema with such a format then paid
// for that: the email in a `GET /users/me` response cost more than the rest of the request. This module runs
// after the plugin's and puts Elysia's own precompiled checks back, the ones Elysia registers when nothing came
// first.
import '@elysiajs/openapi'
import { FormatRegistry } from '@sinclair/typebox'
import { fullFormats } from 'elysia/type-system/format'

// The formats the plugin replaces that Elysia also defines; others keep whatever check they have.
const replacedByPlugin = ['date', 'time', 'duration', 'email', 'url', 'uuid', 'ipv4', 'ipv6']

/** Formats whose checks are Elysia's precompiled ones again. */
export const restoredFormats: string[] = []

for (const name of replacedByPlugin) {
  const check: unknown = fullFormats[name as keyof typeof fullFormats]
  if (check instanceof RegExp) FormatRegistry.Set(name, (value) => check.test(value))
  else if (typeof check === 'function') FormatRegistry.Set(name, check as (value: string) => boolean)
  else continue
  restoredFormats.push(name)
}
