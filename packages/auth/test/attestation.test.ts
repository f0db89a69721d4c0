import { beforeAll, describe, expect, test } from 'bun:test'
import { attestedSession, handOff } from '@myshop/auth'
import { testTokens } from '@myshop/testing'

/** What the gateway in this process hands over with a request whose session it found active. */
const vouch = (request: Request, sessionId: string) =>
  handOff(request, { clientIp: '203.0.113.1', requestId: 'req_gateway_0001', traceparent: '', sessionId })

let tokens: Awaited<ReturnType<typeof testTokens>>
beforeAll(async () => {
  tokens = await testTokens()
})

/** A verifier over a session store the test controls, recording which sessions it was asked about. */
const verifierWith = (active: Set<string>) => {
  const asked: string[] = []
  const verifier = tokens.verifier(async (sid) => {
    asked.push(sid)
    return active.has(sid)
  })
  return { verifier, asked }
}

describe('session attestation', () => {
  test('a request carries the mark only when it was set on that very object', () => {
    const marked = new Request('http://service.test/api/v1/users/me')
    vouch(marked, 'ses_a')
    expect(attestedSession(marked)).toBe('ses_a')
    // Same URL and headers, different object: what a client could send is never marked.
    expect(attestedSession(new Request(marked))).toBeUndefined()
    expect(attestedSession(new Request('http://service.test/api/v1/users/me'))).toBeUndefined()
  })

  test('the verifier skips the session lookup only for the session vouched for', async () => {
    const { verifier, asked } = verifierWith(new Set(['ses_a']))
    const token = await tokens.sign({ sid: 'ses_a' })
    expect(await verifier.verify(token, { activeSession: 'ses_a' })).toMatchObject({ ok: true })
    expect(asked).toEqual([])
    expect(await verifier.verify(token)).toMatchObject({ ok: true })
    expect(asked).toEqual(['ses_a'])
  })

  test('a mark for another session does not let a revoked one through', async () => {
    const { verifier, asked } = verifierWith(new Set(['ses_other']))
    const token = await tokens.sign({ sid: 'ses_revoked' })
    expect(await verifier.verify(token, { activeSession: 'ses_other' })).toEqual({
      ok: false,
      reason: 'revoked',
    })
    expect(asked).toEqual(['ses_revoked'])
  })

  test('the signature is still checked on a vouched-for request', async () => {
    const { verifier } = verifierWith(new Set(['ses_a']))
    const [h, p] = (await tokens.sign({ sid: 'ses_a' })).split('.')
    const forged = `${h}.${p}.${'A'.repeat(86)}`
    expect(await verifier.verify(forged, { activeSession: 'ses_a' })).toMatchObject({ ok: false })
  })
})
