import { AppError } from '@myshop/errors'
import { Elysia } from 'elysia'

/** How deeply arrays and objects may nest in a request body; no MyShop schema comes near it. */
export const maxBodyDepth = 32

const refuse = (detail: string, path = '/'): AppError =>
  new AppError('bad_request', { detail, errors: [{ path, message: detail }] })

const hasNul = (text: string): boolean => text.includes('\u0000')

/**
 * The first reason to refuse a parsed body, or null: arrays and objects nested deeper than `maxDepth`, or a NUL
 * character in a text or a key (PostgreSQL cannot store one in text or jsonb, and no field of ours means one).
 * Walked with a stack of its own, so a body of any depth cannot overflow the walk itself; schema validation, which
 * recurses, only ever sees shallow bodies.
 */
export const bodyProblem = (
  body: unknown,
  maxDepth = maxBodyDepth,
): { path: string; detail: string } | null => {
  const stack: [value: unknown, path: string, depth: number][] = [[body, '', 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path, depth] = next
    if (typeof value === 'string') {
      if (hasNul(value)) return { path: path || '/', detail: 'A text in the body contains a NUL character' }
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= maxDepth)
        return {
          path: path || '/',
          detail: `The body nests arrays and objects deeper than ${maxDepth} levels`,
        }
      for (const [key, item] of Object.entries(value)) {
        if (hasNul(key)) return { path: path || '/', detail: 'A name in the body contains a NUL character' }
        stack.push([item, `${path}/${key}`, depth + 1])
      }
    }
  }
  return null
}

const isJson = (contentType: string | null): boolean =>
  contentType !== null && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json'

const notJson = () => new AppError('unsupported_media_type', { detail: 'Send the body as application/json' })

/**
 * Refuses hostile input before any route sees it: a NUL (`%00`) anywhere in the path or query; on every route that
 * reads a body, a body that was not sent as JSON (415, so a cross-site HTML form, which can only send form or plain
 * text bodies, cannot post to the API); and a JSON body nested too deeply or carrying a NUL. It runs after parsing
 * and before validation. Routes that read their body themselves (uploads, `parse: 'none'`) have none parsed and are
 * left to their own checks.
 */
export const inputGuard = () =>
  new Elysia({ name: 'myshop-input-guard' })
    .onRequest(({ request }) => {
      // The URL is kept percent-encoded, and a raw NUL is encoded by the URL parser.
      if (request.url.includes('%00'))
        throw refuse('The path or query contains a NUL character (%00)', new URL(request.url).pathname)
    })
    .onTransform({ as: 'global' }, ({ body, request }) => {
      if (body === undefined) {
        // Content without a type is not parsed at all: refused rather than taken for a request without a body.
        const h = request.headers
        if (!h.has('content-type') && (Number(h.get('content-length')) > 0 || h.has('transfer-encoding')))
          throw notJson()
        return
      }
      if (!isJson(request.headers.get('content-type'))) throw notJson()
      const problem = bodyProblem(body)
      if (problem) throw refuse(problem.detail, problem.path)
    })
