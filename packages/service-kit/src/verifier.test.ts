import { afterAll, expect, test } from 'bun:test'
import type { SessionStore } from '@myshop/auth'
import { AppError } from '@myshop/errors'
import { testTokens } from '@myshop/testing'
import { sessionCheckedVerifier } from './verifier.ts'

const tokens = await testTokens()
const keys = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => Response.json(tokens.jwks) })
afterAll(() => keys.stop(true))

const store = (isActive: SessionStore['isActive']): SessionStore => ({
  isActive,
  add: async () => {},
  revoke: async () => {},
  revokeAllForUser: async () => 0,
  listForUser: async () => [],
})
const verifierOver = (sessions: SessionStore) =>
  sessionCheckedVerifier({
    issuer: 'myshop',
    audience: 'myshop-api',
    jwksUrl: `http://127.0.0.1:${keys.port}/`,
    sessions,
  })

test('accepts a token of a live session and refuses one whose session ended', async () => {
  const verifier = verifierOver(store(async (id) => id === 'ses_live'))
  const live = await verifier.verify(await tokens.sign({ sid: 'ses_live' }))
  expect(live.ok && live.principal.sessionId).toBe('ses_live')
  const ended = await verifier.verify(await tokens.sign({ sid: 'ses_ended' }))
  expect(ended).toMatchObject({ ok: false, reason: 'revoked' })
})

test('refuses signed-in requests with a 503 while the session store cannot answer, rather than trusting them', async () => {
  const verifier = verifierOver(
    store(async () => {
      throw new Error('connection refused')
    }),
  )
  const outcome = await verifier.verify(await tokens.sign()).catch((error: unknown) => error)
  expect(outcome).toBeInstanceOf(AppError)
  expect(outcome).toMatchObject({ code: 'unavailable', headers: { 'retry-after': '5' } })
})
