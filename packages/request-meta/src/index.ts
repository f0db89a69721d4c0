export {
  clientAddress,
  type ForwardingOptions,
  type HeaderSource,
  isIpAddress,
  type ProxyTrust,
  proxyTrust,
  trustEveryProxy,
  trustNoProxy,
} from './client-address.ts'
export { isRequestId, requestIdFrom } from './request-id.ts'
export { type TraceContext, traceContext } from './trace-context.ts'
