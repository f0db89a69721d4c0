import { describe, expect, test } from 'bun:test'
import { ConfigError, configOrExit, loadConfig, loadConfigs, vars, z } from './index.ts'

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
      const problems = (e as ConfigError).problems.map((p) => p.variable)
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
      expect((e as ConfigError).problems.map((p) => p.message)).toEqual([
        'PROXIES must be a comma-separated list of IP addresses or CIDR ranges (such as 10.0.0.0/8 or ::1), or none; got "10.0.0.0/33,gateway,::1/64" (10.0.0.0/33 and gateway are neither).',
      ])
    }
  })
})

const problemsOf = (load: () => unknown): string[] => {
  try {
    load()
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => p.message)
    throw e
  }
  throw new Error('expected a ConfigError')
}

describe('problems in words', () => {
  test('each names the variable, what is expected and the value it got, with no validator jargon', () => {
    const messages = problemsOf(() =>
      loadConfig(
        {
          ...shape,
          LIMIT: vars.int(5, 1),
          LEVEL: vars.logLevel(),
          ADMIN_EMAIL: z.email().optional(),
          INDEX: z.string().regex(/^[a-z]+$/),
        },
        {
          PORT: 'abc',
          DATABASE_URL: 'not a url',
          DEBUG: 'maybe',
          LIMIT: '0',
          LEVEL: 'loud',
          ADMIN_EMAIL: 'admin',
          INDEX: 'Shop',
        },
      ),
    )
    expect(messages).toEqual([
      'PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc".',
      'DATABASE_URL must be a URL (scheme://host…); got "not a url".',
      'DEBUG must be true or false (also yes/no, 1/0); got "maybe".',
      'NAME is not set; it must be text.',
      'LIMIT must be a whole number of at least 1; got "0".',
      'LEVEL must be one of trace, debug, info, warn, error, fatal, silent; got "loud".',
      'ADMIN_EMAIL must be an email address; got "admin".',
      'INDEX must be text matching /^[a-z]+$/; got "Shop".',
    ])
    for (const message of messages) expect(message).not.toMatch(/expected \w+, received|NaN|Invalid input/)
  })

  test('a fractional or out-of-range number says the whole range', () => {
    expect(problemsOf(() => loadConfig(shape, { NAME: 'shop', PORT: '80.5' }))).toEqual([
      'PORT must be a whole number between 0 and 65535 (0 picks a free port); got "80.5".',
    ])
    expect(problemsOf(() => loadConfig(shape, { NAME: 'shop', PORT: '70000' }))[0]).toStartWith(
      'PORT must be',
    )
  })

  test('never repeats a secret or the password inside a URL', () => {
    const messages = problemsOf(() =>
      loadConfig(
        { API_SECRET: z.string().min(16), ADMIN_PASSWORD: z.string().min(8), DATABASE_URL: vars.url() },
        { API_SECRET: 'hunter2', ADMIN_PASSWORD: 'pw', DATABASE_URL: 'postgres://shop:hunter3@db:99999/x' },
      ),
    )
    expect(messages[0]).toBe('API_SECRET must be at least 16 characters long; got a value of 7 characters.')
    expect(messages[1]).toBe(
      'ADMIN_PASSWORD must be at least 8 characters long; got a value of 2 characters.',
    )
    const text = messages.join('\n')
    for (const secret of ['hunter2', 'hunter3']) expect(text).not.toContain(secret)
    expect(messages[2]).toContain('postgres://shop:…@db:99999')
  })

  test('the error message lists every problem, one a line', () => {
    try {
      loadConfig(shape, { PORT: 'abc' })
    } catch (e) {
      expect((e as Error).message).toBe(
        [
          'The configuration has 2 problems:',
          '  - PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc".',
          '  - NAME is not set; it must be text.',
        ].join('\n'),
      )
    }
    expect.assertions(1)
  })
})

describe('loadConfigs', () => {
  const api = { API_PORT: vars.port(8081), REDIS_URL: vars.optionalUrl() }
  const worker = { WORKER_PORT: vars.port(8082), REDIS_URL: vars.optionalUrl() }

  test('reports the problems of every process together, a shared one once with the processes reading it', () => {
    const env = { API_PORT: 'abc', WORKER_PORT: '-1', REDIS_URL: 'redis host' }
    expect(
      problemsOf(() =>
        loadConfigs({ api: () => loadConfig(api, env), worker: () => loadConfig(worker, env) }),
      ),
    ).toEqual([
      'API_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc". (read by api)',
      'REDIS_URL must be a URL (scheme://host…); got "redis host". (read by api, worker)',
      'WORKER_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "-1". (read by worker)',
    ])
  })

  test('returns every configuration when all are valid', () => {
    const env = { API_PORT: '1', REDIS_URL: 'redis://127.0.0.1:6379' }
    const configs = loadConfigs({ api: () => loadConfig(api, env), worker: () => loadConfig(worker, env) })
    expect(configs.api.API_PORT).toBe(1)
    expect(configs.worker.WORKER_PORT).toBe(8082)
  })

  test('lets an error that is not about configuration through', () => {
    expect(() =>
      loadConfigs({
        broken: () => {
          throw new TypeError('a bug')
        },
      }),
    ).toThrow(TypeError)
  })
})

describe('configOrExit', () => {
  test('returns the configuration when it is valid', () => {
    expect(configOrExit('shop', () => loadConfig(shape, { NAME: 'shop' })).NAME).toBe('shop')
  })
})
