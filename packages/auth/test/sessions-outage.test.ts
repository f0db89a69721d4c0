import { describe, expect, test } from 'bun:test'
import { eventually, redisServerPath, usePrivateRedis } from '@myshop/testing'
import { outageTolerantSessions, redisSessionStore, sessionKey } from '../src/sessions.ts'

describe.skipIf(!redisServerPath)('outageTolerantSessions over Redis that goes away and comes back', () => {
  // As the services open theirs: without an offline queue, so a refused write is never sent later by the client.
  const suite = usePrivateRedis({ commandTimeout: 200, enableOfflineQueue: false })

  const id = () => `ses_${crypto.randomUUID().slice(0, 12)}`

  test('a sign-out and a sign-in made while Redis is down reach it when it returns', async () => {
    const ended = id()
    const begun = id()
    const sessions = outageTolerantSessions(redisSessionStore(suite.redis), { retryMs: 50 })
    await sessions.add(ended, 'usr_a', 600)
    await suite.server.stop()
    try {
      await sessions.revoke(ended)
      await sessions.add(begun, 'usr_a', 600)
      // This process answers for the sessions it holds writes for; it cannot for the others.
      expect(await sessions.isActive(ended)).toBe(false)
      expect(await sessions.isActive(begun)).toBe(true)
      await expect(sessions.isActive(id())).rejects.toThrow()
      expect(sessions.pending()).toEqual({ adds: [begun], revocations: [ended] })
    } finally {
      await suite.server.start()
    }
    await eventually(
      'both writes applied',
      async () => sessions.pending().adds.length + sessions.pending().revocations.length === 0,
    )
    expect(await suite.probe.exists(sessionKey(ended))).toBe(0)
    expect(await suite.probe.get(sessionKey(begun))).toBe('usr_a')
    expect(await suite.probe.ttl(sessionKey(begun))).toBeGreaterThan(500)
    sessions.close()
  })

  test('a session begun during the outage and ended elsewhere meanwhile is not brought back', async () => {
    const session = id()
    const endedElsewhere = new Set<string>()
    const sessions = outageTolerantSessions(redisSessionStore(suite.redis), {
      retryMs: 50,
      stillLive: async (sid) => !endedElsewhere.has(sid),
    })
    await suite.server.stop()
    try {
      await sessions.add(session, 'usr_b', 600)
      endedElsewhere.add(session)
    } finally {
      await suite.server.start()
    }
    await eventually('the pending add settled', async () => sessions.pending().adds.length === 0)
    expect(await suite.probe.exists(sessionKey(session))).toBe(0)
    sessions.close()
  })

  test('writes Redis takes are not kept', async () => {
    const session = id()
    await eventually('the client reconnected', async () => suite.redis.status === 'ready')
    const sessions = outageTolerantSessions(redisSessionStore(suite.redis))
    await sessions.add(session, 'usr_c', 600)
    expect(await suite.probe.get(sessionKey(session))).toBe('usr_c')
    await sessions.revoke(session)
    expect(await suite.probe.exists(sessionKey(session))).toBe(0)
    expect(sessions.pending()).toEqual({ adds: [], revocations: [] })
    sessions.close()
  })
})
