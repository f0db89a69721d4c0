import { newId } from '@myshop/ids'

// Callers may bring their own id (a client retry, an upstream proxy), but it ends up in logs and headers, so only a
// short, plain one is kept.
const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/

/** Whether `value` is a request id a caller may choose: 8 to 128 letters, digits, `.`, `_`, `:` or `-`. */
export const isRequestId = (value: string): boolean => requestIdPattern.test(value)

/** The caller's `x-request-id` when it is one we keep, else a new `req_` id. */
export const requestIdFrom = (incoming: string | null | undefined): string =>
  incoming && requestIdPattern.test(incoming) ? incoming : newId('req')
