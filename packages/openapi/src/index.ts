import { type ErrorCode, errorCodes, problem } from '@myshop/errors'
import { isObject, type Json } from './json.ts'

export { exampleOf } from './examples.ts'
export { isObject, type Json } from './json.ts'

/** The HTTP methods an OpenAPI path item holds operations under. */
export const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** The one problem document component every error response refers to. */
export const problemComponent = 'Problem'
export const problemRef = { $ref: `#/components/schemas/${problemComponent}` }
/** The media type of every error response (RFC 9457). */
export const problemMediaType = 'application/problem+json'

/** The extension naming the permission an operation needs, beside its bearer security requirement. */
export const permissionExtension = 'x-myshop-permission'

/** What each error status means, as an operation's response description says it. */
export const statusText: Record<number, string> = {
  400: 'The request could not be read (malformed JSON or multipart)',
  401: 'No valid access token',
  403: 'The token lacks the permission this operation needs',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The request body is over the size limit',
  415: 'The request body has a media type this operation does not take',
  422: 'The input breaks the schema or a rule',
  429: 'Too many requests; Retry-After says when to try again',
  500: 'An unexpected error',
  502: 'The service behind the gateway failed',
  503: 'The service behind the gateway is unavailable',
  504: 'The service behind the gateway did not answer in time',
}

/** A problem+json response for `status`, referring to the shared problem component, with a problem as example. */
export const problemResponseObject = (status: number, description?: string): Json => {
  const code = (Object.keys(errorCodes) as ErrorCode[]).find((c) => errorCodes[c] === status) ?? 'internal'
  return {
    description: description ?? statusText[status] ?? `Error ${status}`,
    content: {
      [problemMediaType]: {
        schema: problemRef,
        example: problem(code, {
          ...(description && { detail: description }),
          requestId: 'req_01JD8X5ZQ4V3N6M2K7P9R1T0W5',
        }),
      },
    },
  }
}

/** Adds a problem response for each status the operation does not document yet. */
export const addProblemResponses = (op: Json, statuses: number[]) => {
  const responses = (isObject(op.responses) ? op.responses : {}) as Json
  for (const status of statuses) responses[String(status)] ??= problemResponseObject(status)
  op.responses = responses
}

/** The sentence an operation's description carries about who may call it. */
export const accessSentence = (permission: string | undefined, secured: boolean): string =>
  !secured
    ? 'Public: no token needed.'
    : permission
      ? `Needs a bearer token with the \`${permission}\` permission.`
      : 'Needs a bearer token (any signed-in user).'

const describeAccess = (op: Json, sentence: string) => {
  // An access sentence written before (by the service, then again by the gateway) is replaced, not repeated.
  const base =
    typeof op.description === 'string'
      ? op.description.replace(/(^|\n\n)(Public: no token needed\.|Needs a bearer token[^\n]*)$/, '')
      : ''
  op.description = base ? `${base}\n\n${sentence}` : sentence
}

/** Sets an operation's security requirement, permission extension and access sentence. */
export const declareAccess = (op: Json, access: { secured: boolean; permission?: string | undefined }) => {
  op.security = access.secured ? [{ bearer: [] }] : []
  if (access.permission) op[permissionExtension] = access.permission
  else delete op[permissionExtension]
  describeAccess(op, accessSentence(access.permission, access.secured))
}
