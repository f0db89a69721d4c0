import { describe, expect, test } from 'bun:test'
import { clientAddress, isIpAddress, proxyTrust, trustEveryProxy, trustNoProxy } from './client-address.ts'

const headers = (entries: Record<string, string>) => new Headers(entries)
const claiming = headers({ 'x-real-ip': '203.0.113.66', 'x-forwarded-for': '198.51.100.1, 192.0.2.9' })

describe('isIpAddress', () => {
  test('reads IPv4 and IPv6 as node:net does', () => {
    for (const ok of [
      '0.0.0.0',
      '192.0.2.10',
      '255.255.255.255',
      '::',
      '::1',
      'fd12::1',
      '2001:db8:0:0:0:0:2:1',
    ])
      expect(isIpAddress(ok)).toBe(true)
    expect(isIpAddress('::ffff:10.1.0.9')).toBe(true)
    expect(isIpAddress('fe80::1%eth0')).toBe(true)
  })

  test('refuses what is not one address', () => {
    for (const bad of [
      '',
      'unknown',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4:443',
      '[::1]',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      '::1.2.3',
      '%eth0',
      ' 1.2.3.4',
    ])
      expect(isIpAddress(bad)).toBe(false)
  })
})

describe('proxyTrust', () => {
  const gateways = proxyTrust(['192.0.2.10', '10.1.0.0/16', 'fd00::/8', '198.51.100.0/25'])

  test('matches listed addresses and ranges, IPv4 seen as IPv4-mapped IPv6 included', () => {
    for (const peer of ['192.0.2.10', '10.1.200.3', '::ffff:10.1.0.9', 'fd12::1', '198.51.100.127'])
      expect(gateways(peer)).toBe(true)
  })

  test('refuses every other peer, and anything that is not an address', () => {
    for (const peer of ['192.0.2.11', '10.2.0.1', '::ffff:127.0.0.1', 'fe00::1', '198.51.100.128', 'unknown'])
      expect(gateways(peer)).toBe(false)
  })

  test('an empty list trusts nobody; an entry that is no address or range is refused', () => {
    expect(proxyTrust([])('192.0.2.10')).toBe(false)
    expect(() => proxyTrust(['10.0.0.0/33'])).toThrow('10.0.0.0/33')
    expect(() => proxyTrust(['the-gateway'])).toThrow('the-gateway')
    expect(() => proxyTrust(['10.0.0.0/'])).toThrow()
  })
})

describe('clientAddress', () => {
  test('an untrusted peer is the client, whatever it claims', () => {
    expect(clientAddress(claiming, '192.0.2.200', { trusted: trustNoProxy, realIp: true })).toBe(
      '192.0.2.200',
    )
  })

  test('behind a proxy that appends, the last x-forwarded-for hop; a client x-real-ip is not believed', () => {
    expect(clientAddress(claiming, '10.0.0.1', { trusted: trustEveryProxy, realIp: false })).toBe('192.0.2.9')
  })

  test('behind the gateway, the x-real-ip it set, not the last hop (its own proxy)', () => {
    const forwarded = headers({
      'x-forwarded-for': '198.51.100.1, 192.0.2.9, 10.0.0.2',
      'x-real-ip': '192.0.2.9',
    })
    expect(clientAddress(forwarded, '10.0.0.7', { trusted: trustEveryProxy, realIp: true })).toBe('192.0.2.9')
    const appendedOnly = headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.4' })
    expect(clientAddress(appendedOnly, '10.0.0.7', { trusted: trustEveryProxy, realIp: true })).toBe(
      '203.0.113.4',
    )
  })

  test('a stated value that is not an address is not believed', () => {
    const garbage = headers({ 'x-real-ip': 'unknown', 'x-forwarded-for': '192.0.2.1, evil' })
    expect(clientAddress(garbage, '10.0.0.7', { trusted: trustEveryProxy, realIp: true })).toBe('10.0.0.7')
    const empty = headers({ 'x-forwarded-for': '192.0.2.1,' })
    expect(clientAddress(empty, '10.0.0.7', { trusted: trustEveryProxy, realIp: false })).toBe('10.0.0.7')
  })

  test('without a known peer no header is believed', () => {
    expect(clientAddress(claiming, null, { trusted: trustEveryProxy, realIp: true })).toBeNull()
  })
})
