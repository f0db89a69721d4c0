import { AppError } from '@myshop/errors'
import { authGuard, errorResponses } from '@myshop/http'
import { Elysia } from 'elysia'
import { confirmPage, donePage, pageHeaders } from './page.ts'
import {
  htmlPageSchema,
  preferencesPatchSchema,
  preferencesSchema,
  unsubscribeQuerySchema,
} from './schemas.ts'
import {
  getPreferences,
  type PreferencesDeps,
  readUnsubscribeToken,
  unsubscribe,
  updatePreferences,
} from './service.ts'

export type { PreferencesDeps } from './service.ts'

/** A one-click body is one short form field; anything much larger is not one. */
const maxOneClickBytes = 1024

const html = (body: string) => new Response(body, { headers: pageHeaders })

/**
 * Reads the one-click body a mail client (or the confirm page) posts: `List-Unsubscribe=One-Click`, form-encoded.
 * Read raw, as the link's token is its authority and mail clients send no JSON.
 */
const isOneClick = async (request: Request) => {
  const raw = await request.text()
  if (raw.length > maxOneClickBytes) throw new AppError('payload_too_large')
  return new URLSearchParams(raw).get('List-Unsubscribe') === 'One-Click'
}

/** A person's notification preferences, and the unsubscribe link every non-transactional email carries. */
export const preferencesRoutes = (deps: PreferencesDeps) =>
  new Elysia({ prefix: '/api/v1/notifications', tags: ['notifications'] })
    .use(authGuard(deps.verifier))
    .get('/preferences', ({ principal }) => getPreferences(deps, principal.userId), {
      auth: true,
      response: { 200: preferencesSchema, ...errorResponses(401, 403) },
      detail: {
        operationId: 'getNotificationPreferences',
        summary: 'What the signed-in person hears about, on which channel, and where they are reached',
      },
    })
    .patch('/preferences', ({ principal, body }) => updatePreferences(deps, principal.userId, body), {
      auth: true,
      body: preferencesPatchSchema,
      response: { 200: preferencesSchema, ...errorResponses(401, 403, 422) },
      detail: {
        operationId: 'updateNotificationPreferences',
        summary:
          'Change channels per category, phone and SMS consent, time zone and language (transactional email cannot be turned off: 422)',
      },
    })
    .get(
      '/unsubscribe',
      ({ query }) => html(confirmPage(readUnsubscribeToken(deps, query.token), query.token)),
      {
        query: unsubscribeQuerySchema,
        response: { 200: htmlPageSchema, ...errorResponses(400, 422) },
        detail: {
          operationId: 'showUnsubscribe',
          summary:
            'The page an unsubscribe link opens, asking to confirm; changes nothing (a bad link is 400)',
        },
      },
    )
    .post(
      '/unsubscribe',
      async ({ query, request }) => {
        if (!(await isOneClick(request)))
          throw new AppError('bad_request', { detail: 'Send List-Unsubscribe=One-Click, form-encoded' })
        return html(donePage(await unsubscribe(deps, query.token)))
      },
      {
        parse: 'none',
        query: unsubscribeQuerySchema,
        response: { 200: htmlPageSchema, ...errorResponses(400, 413, 422) },
        detail: {
          operationId: 'unsubscribe',
          summary:
            'One-click unsubscribe (RFC 8058): List-Unsubscribe=One-Click turns off what the token names; a forged or expired token is 400 and changes nothing',
        },
      },
    )
