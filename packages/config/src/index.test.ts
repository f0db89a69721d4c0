import { describe, expect, test } from 'bun:test'
import { ConfigError, loadConfig, vars, z } from './index.ts'

const shape = {
  PORT: vars.port(8080),
  DATABASE_URL: vars.optionalUrl(),
  DEBUG: vars.bool(false),
  ORIGINS: vars.list([]),
  NAME: z.string().min(2),
}

describe('loadConfig', () => {
  test('applies defaults and coerces values', () => {
    const c = loadConfig(shape, {
      NAME: 'shop',
      DEBUG: 'yes',
      ORIGINS: 'https://a.example, https://b.example',
    })
    expect(c).toEqual({
      PORT: 8080,
      DATABASE_URL: undefined,
      DEBUG: true,
      ORIGINS: ['https://a.example', 'https://b.example'],
      NAME: 'shop',
    })
  })

  test('reports every problem at once', () => {
    try {
      loadConfig(shape, { PORT: '99999', DATABASE_URL: 'not a url', DEBUG: 'maybe' })
      throw new Error('expected a ConfigError')
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      const problems = (e as ConfigError).problems.map((p) => p.split(':')[0])
      expect(problems.sort()).toEqual(['DATABASE_URL', 'DEBUG', 'NAME', 'PORT'])
    }
  })

  test('treats empty strings as unset so defaults apply', () => {
    expect(loadConfig(shape, { NAME: 'shop', PORT: '', DATABASE_URL: '' }).PORT).toBe(8080)
  })

  test('ignores variables outside the schema', () => {
    expect(Object.keys(loadConfig(shape, { NAME: 'shop', SECRET: 'x' }))).not.toContain('SECRET')
  })

  test('reads address ranges, with none for the empty list, and names each bad entry', () => {
    const ranges = { PROXIES: vars.addressRanges([]) }
    expect(loadConfig(ranges, { PROXIES: '10.0.0.0/8, ::1,192.0.2.7' }).PROXIES).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.0.2.7',
    ])
    expect(loadConfig(ranges, { PROXIES: 'none' }).PROXIES).toEqual([])
    expect(loadConfig({ PROXIES: vars.addressRanges(['127.0.0.0/8']) }, {}).PROXIES).toEqual(['127.0.0.0/8'])
    try {
      loadConfig(ranges, { PROXIES: '10.0.0.0/33,gateway,::1/64' })
      throw new Error('expected a ConfigError')
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'PROXIES: 10.0.0.0/33 is not an IP address or a CIDR range (such as 10.0.0.0/8 or ::1)',
        'PROXIES: gateway is not an IP address or a CIDR range (such as 10.0.0.0/8 or ::1)',
      ])
    }
  })
})
