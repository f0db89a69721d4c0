import { describe, expect, test } from 'bun:test'
import { assertSchemaName } from '../src/index.ts'

describe('assertSchemaName', () => {
  test('returns a plain lower-case identifier as it is', () => {
    for (const name of ['users', 'order_items', '_private', 'v2', 'a'.repeat(63)])
      expect(assertSchemaName(name)).toBe(name)
  })

  test('refuses anything that would need quoting or could end the identifier', () => {
    for (const name of [
      '',
      'Users',
      '2fast',
      'users; drop table x',
      'users"',
      'my-shop',
      'a.b',
      'a'.repeat(64),
    ])
      expect(() => assertSchemaName(name)).toThrow(`schema name "${name}" must match`)
  })
})
