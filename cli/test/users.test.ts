import { describe, expect, test } from 'bun:test'
import { idBefore } from '../src/commands/users.tsx'

describe('idBefore', () => {
  test('decrements the last character', () => {
    expect(idBefore('usr_01JAAAAAAAAAAAAAAAAAAAAAA1')).toBe('usr_01JAAAAAAAAAAAAAAAAAAAAAA0')
  })

  test('borrows across zeros and skips the letters Crockford base32 leaves out', () => {
    expect(idBefore('usr_01JAAAAAAAAAAAAAAAAAAAAAJ0')).toBe('usr_01JAAAAAAAAAAAAAAAAAAAAAHZ')
    expect(idBefore('usr_0000000000000000000000M000')).toBe('usr_0000000000000000000000KZZZ')
  })

  test('has nothing before the smallest id', () => {
    expect(idBefore('usr_00000000000000000000000000')).toBeUndefined()
  })
})
