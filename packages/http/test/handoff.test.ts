import { describe, expect, test } from 'bun:test'
import { handOff } from '@myshop/auth'
import { clientIp, eventContext, proxyTrust, requestMeta, trustNoProxy } from '@myshop/http'

const peer = { requestIP: () => ({ address: '10.0.0.7' }) }
const gatewayPeer = proxyTrust(['10.0.0.0/8'])
const gatewayTrace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'

/** A request as a client could send it straight to a service, claiming an address, a request id and a trace. */
const spoofed = () =>
  new Request('http://service.test/api/v1/users/me', {
    headers: {
      'x-forwarded-for': '203.0.113.9',
      'x-request-id': 'client-chosen-id',
      traceparent: '00-11111111111111111111111111111111-2222222222222222-01',
    },
  })

describe('a request handed over by the gateway in this process', () => {
  test("the gateway's facts win over every header the caller sent", () => {
    const req = spoofed()
    handOff(req, { clientIp: '198.51.100.4', requestId: 'req_gateway_0001', traceparent: gatewayTrace })
    expect(clientIp(req, peer, gatewayPeer)).toBe('198.51.100.4')
    expect(clientIp(req, peer, trustNoProxy)).toBe('198.51.100.4')
    const meta = requestMeta(req)
    expect(meta.requestId).toBe('req_gateway_0001')
    // The service continues the gateway's trace with a span of its own.
    expect(meta.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736')
    expect(meta.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/)
    expect(meta.traceparent).not.toBe(gatewayTrace)
    expect(eventContext(req)).toEqual({ requestId: 'req_gateway_0001', traceparent: meta.traceparent })
  })

  test('without a hand-over, headers are read as before: believed only from a trusted proxy', () => {
    expect(clientIp(spoofed(), peer, gatewayPeer)).toBe('203.0.113.9')
    // Behind the gateway over the network: the client it worked out, not the chain's last hop (its own proxy).
    const behindGateway = new Request('http://service.test/', {
      headers: { 'x-forwarded-for': '198.51.100.1, 192.0.2.9, 10.0.0.2', 'x-real-ip': '192.0.2.9' },
    })
    expect(clientIp(behindGateway, peer, gatewayPeer)).toBe('192.0.2.9')
    expect(clientIp(behindGateway, peer, trustNoProxy)).toBe('10.0.0.7')
    expect(clientIp(spoofed(), peer, trustNoProxy)).toBe('10.0.0.7')
    const meta = requestMeta(spoofed())
    expect(meta.requestId).toBe('client-chosen-id')
    expect(meta.traceId).toBe('11111111111111111111111111111111')
  })

  test('a copy of a handed-over request carries nothing: the mark cannot travel in what a client sends', () => {
    const req = spoofed()
    handOff(req, { clientIp: '198.51.100.4', requestId: 'req_gateway_0001', traceparent: gatewayTrace })
    const copy = new Request(req)
    expect(clientIp(copy, peer, trustNoProxy)).toBe('10.0.0.7')
    expect(requestMeta(copy).requestId).toBe('client-chosen-id')
  })
})
