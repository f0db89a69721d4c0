/**
 * The policy for everything the gateway answers except the reference UI's page: JSON, problems, metrics and images
 * are never documents that run code or get framed, so nothing may load from them and nobody may frame them.
 */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'"

/** The reference UI's page: everything from the gateway itself (see `@myshop/api-reference`). */
export { docsContentSecurityPolicy } from '@myshop/api-reference'

/**
 * Stamps the headers every gateway response carries, whoever built it (the gateway or a service): no MIME
 * sniffing, no referrer leaking the API's URLs, no framing (`X-Frame-Options` for browsers without CSP level 2).
 */
export const setSecurityHeaders = (headers: Headers, contentSecurityPolicy: string): void => {
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'no-referrer')
  headers.set('x-frame-options', 'DENY')
  headers.set('content-security-policy', contentSecurityPolicy)
}
