import { describe, expect, test } from 'bun:test'
import { browserFamily, ipPrefix, normalizeTerm } from './model.ts'

describe('what is kept of a client', () => {
  test('an address is cut to its /24 or /48 network', () => {
    expect(ipPrefix('203.0.113.77')).toBe('203.0.113.0/24')
    expect(ipPrefix('::ffff:203.0.113.77')).toBe('203.0.113.0/24')
    expect(ipPrefix('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48')
    expect(ipPrefix('2001:db8::1')).toBe('2001:db8:0::/48')
    expect(ipPrefix('fe80::1%eth0')).toBe('fe80:0:0::/48')
    expect(ipPrefix(null)).toBeNull()
    expect(ipPrefix('not an address')).toBeNull()
  })

  test('a user agent becomes its browser family', () => {
    const base = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)'
    expect(browserFamily(`${base} Chrome/126.0 Safari/537.36`)).toBe('Chrome')
    expect(browserFamily(`${base} Chrome/126.0 Safari/537.36 Edg/126.0`)).toBe('Edge')
    expect(browserFamily('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox',
    )
    expect(browserFamily(`${base} Version/17.5 Safari/605.1.15`)).toBe('Safari')
    expect(browserFamily('SomethingElse/1.0')).toBe('Other')
    expect(browserFamily(null)).toBeNull()
  })

  test('search terms are lower-cased, trimmed and their spaces collapsed', () => {
    expect(normalizeTerm('  Desk \t  LAMP ')).toBe('desk lamp')
  })
})
