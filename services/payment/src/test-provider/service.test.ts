import { describe, expect, test } from 'bun:test'
import type { Db } from '@myshop/db'
import { createTestProvider, signatureHeader, signCallback } from './service.ts'

const secret = 'a-secret-of-sixteen-or-more'
const at = 1_800_000_000
// Reading a callback touches no database.
const provider = createTestProvider({ sql: {} as Db, now: () => at * 1000, secret, toleranceSeconds: 300 })
const body = JSON.stringify({ id: 'evt_1', charge: 'tpc_1', outcome: 'succeeded' })
const read = (text: string, signature: string) =>
  provider.parseWebhook(text, new Headers({ [signatureHeader]: signature }))

describe('the test provider’s callbacks', () => {
  test('a callback it signed reads back', async () => {
    expect(await read(body, signCallback(secret, body, at))).toEqual({
      ok: true,
      event: {
        id: 'evt_1',
        type: 'charge.succeeded',
        kind: 'authorization',
        references: ['tpc_1'],
        occurredAt: new Date(at * 1000).toISOString(),
      },
    })
  })

  test('is accepted up to the tolerance either side of now, and refused beyond it', async () => {
    expect((await read(body, signCallback(secret, body, at - 300))).ok).toBe(true)
    expect((await read(body, signCallback(secret, body, at + 300))).ok).toBe(true)
    expect(await read(body, signCallback(secret, body, at - 301))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('too old'),
    })
    expect((await read(body, signCallback(secret, body, at + 301))).ok).toBe(false)
  })

  test('refuses another secret, another body, a malformed header, and a body that is no callback', async () => {
    expect((await read(body, signCallback('another-secret-entirely', body, at))).ok).toBe(false)
    expect((await read(`${body} `, signCallback(secret, body, at))).ok).toBe(false)
    for (const header of ['', 't=now,v1=ab', `t=${at}`, `v1=${'0'.repeat(64)}`, `t=${at},v1=zz`])
      expect((await read(body, header)).ok).toBe(false)
    for (const text of ['not json', '{}', JSON.stringify({ id: 'evt_2', charge: 'tpc_1', outcome: 'maybe' })])
      expect((await read(text, signCallback(secret, text, at))).ok).toBe(false)
  })
})
