import { describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import type { TrackedEvent } from './model.ts'
import { createBatchWriter } from './writer.ts'

const tracked = (id: string): TrackedEvent => ({
  id,
  type: 'page_view',
  anonymousId: 'a',
  sessionId: 's',
  userId: null,
  time: new Date('2026-09-01T10:00:00Z'),
  receivedAt: new Date('2026-09-01T10:00:00Z'),
  properties: { path: '/' },
  ipPrefix: null,
  userAgent: null,
})

describe('the batch writer', () => {
  test('writes in batches of at most batchRows, in order, and hands on what each batch inserted', async () => {
    const batches: string[][] = []
    const handed: string[] = []
    const writer = createBatchWriter({
      write: async (events) => {
        batches.push(events.map((e) => e.id))
        return events.filter((e) => e.id !== 'e2')
      },
      written: (events) => handed.push(...events.map((e) => e.id)),
      flushMs: 60_000,
      flushRows: 1,
      batchRows: 2,
      bufferMax: 10,
      logger: silentLogger(),
    })
    expect(writer.offer(['e1', 'e2', 'e3'].map(tracked))).toBe(true)
    await writer.flush()
    expect(batches).toEqual([['e1', 'e2'], ['e3']])
    expect(handed).toEqual(['e1', 'e3'])
    expect(writer.pending).toBe(0)
  })

  test('keeps events while the database fails, refuses beyond the bound, and writes them once it is back', async () => {
    let down = true
    const stored: string[] = []
    const writer = createBatchWriter({
      write: async (events) => {
        if (down) throw new Error('connection refused')
        stored.push(...events.map((e) => e.id))
        return events
      },
      flushMs: 60_000,
      flushRows: 10,
      batchRows: 10,
      bufferMax: 3,
      logger: silentLogger(),
    })
    expect(writer.offer([tracked('e1'), tracked('e2')])).toBe(true)
    await expect(writer.flush()).rejects.toThrow('connection refused')
    expect(writer.failures).toBe(1)
    expect(writer.offer([tracked('e3'), tracked('e4')])).toBe(false)
    expect(writer.offer([tracked('e3')])).toBe(true)
    down = false
    await writer.stop()
    expect(stored).toEqual(['e1', 'e2', 'e3'])
  })

  test('events arriving during a write go together in the next one, up to batchRows', async () => {
    const batches: string[][] = []
    let release = () => {}
    const writer = createBatchWriter({
      write: async (events) => {
        batches.push(events.map((e) => e.id))
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve))
        return events
      },
      flushMs: 60_000,
      flushRows: 1,
      batchRows: 3,
      bufferMax: 100,
      logger: silentLogger(),
    })
    writer.offer([tracked('e1')])
    await Bun.sleep(5)
    expect(batches).toEqual([['e1']])
    writer.offer(['e2', 'e3', 'e4', 'e5'].map(tracked))
    release()
    await writer.flush()
    expect(batches).toEqual([['e1'], ['e2', 'e3', 'e4'], ['e5']])
    expect(writer.pending).toBe(0)
  })

  test('a timer writes what waits without being asked', async () => {
    const stored: string[] = []
    const writer = createBatchWriter({
      write: async (events) => {
        stored.push(...events.map((e) => e.id))
        return events
      },
      flushMs: 10,
      flushRows: 100,
      batchRows: 100,
      bufferMax: 100,
      logger: silentLogger(),
    })
    writer.start()
    writer.offer([tracked('e1')])
    await Bun.sleep(60)
    expect(stored).toEqual(['e1'])
    await writer.stop()
  })
})
