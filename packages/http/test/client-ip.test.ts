import { describe, expect, test } from 'bun:test'
import { clientIp, proxyTrust } from '@myshop/http'

const from = (address: string) => ({ requestIP: () => ({ address }) })
const claiming = () =>
  new Request('http://service.test/api/v1/auth/login', {
    headers: { 'x-real-ip': '203.0.113.50', 'x-forwarded-for': '198.51.100.1, 203.0.113.50' },
  })
const gateways = proxyTrust(['192.0.2.10', '10.1.0.0/16', 'fd00::/8'])

describe('clientIp with TRUSTED_PROXIES', () => {
  test('believes x-real-ip from a listed proxy address or range, IPv4 seen as IPv6 included', () => {
    expect(clientIp(claiming(), from('192.0.2.10'), gateways)).toBe('203.0.113.50')
    expect(clientIp(claiming(), from('10.1.200.3'), gateways)).toBe('203.0.113.50')
    expect(clientIp(claiming(), from('::ffff:10.1.0.9'), gateways)).toBe('203.0.113.50')
    expect(clientIp(claiming(), from('fd12::1'), gateways)).toBe('203.0.113.50')
  })

  test('a caller that is not a listed proxy is its socket address, whatever it claims', () => {
    expect(clientIp(claiming(), from('192.0.2.11'), gateways)).toBe('192.0.2.11')
    expect(clientIp(claiming(), from('10.2.0.1'), gateways)).toBe('10.2.0.1')
    expect(clientIp(claiming(), from('::ffff:127.0.0.1'), gateways)).toBe('::ffff:127.0.0.1')
  })

  test('an empty list believes nobody, and without a known peer no header is believed', () => {
    expect(clientIp(claiming(), from('192.0.2.10'), proxyTrust([]))).toBe('192.0.2.10')
    expect(clientIp(claiming(), null, gateways)).toBeNull()
  })
})
