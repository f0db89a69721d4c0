import { describe, expect, test } from 'bun:test'
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe.ts'

const secret = 'a-secret-for-the-tests'
const scope = { userId: 'usr_1', category: 'marketing', channel: 'sms' } as const
const now = Date.parse('2026-01-15T12:00:00Z')

describe('unsubscribe tokens', () => {
  test('verify under the secret until they expire', () => {
    const token = signUnsubscribeToken(secret, scope, new Date(now + 60_000))
    expect(verifyUnsubscribeToken(secret, token, now)).toEqual(scope)
    expect(verifyUnsubscribeToken(secret, token, now + 60_000)).toBeNull()
    expect(verifyUnsubscribeToken('another-secret', token, now)).toBeNull()
  })

  test('are refused when any part is changed', () => {
    const token = signUnsubscribeToken(secret, scope, new Date(now + 60_000))
    const [payload, signature] = token.split('.') as [string, string]
    const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}`
    expect(verifyUnsubscribeToken(secret, `${flipped}.${signature}`, now)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${payload}.${signature.slice(1)}`, now)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${token}.extra`, now)).toBeNull()
  })
})
