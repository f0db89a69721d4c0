import { describe, expect, test } from 'bun:test'
import { assessReadiness } from './readiness.ts'

const ok = async () => 'PONG'
const refused = async () => Promise.reject(new Error('connect ECONNREFUSED'))

describe('assessReadiness', () => {
  test('every check answering is ready', async () => {
    expect(await assessReadiness({ required: { database: ok }, degradable: { redis: ok } }, 1_000)).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok' },
      degraded: [],
    })
  })

  test('a failing dependency the service works without is degraded, and named', async () => {
    expect(
      await assessReadiness(
        { required: { database: ok }, degradable: { redis: refused, search: ok } },
        1_000,
      ),
    ).toEqual({
      status: 'degraded',
      checks: { database: 'ok', redis: 'connect ECONNREFUSED', search: 'ok' },
      degraded: ['redis'],
    })
  })

  test('a failing required dependency is not ready, whatever else answers', async () => {
    const report = await assessReadiness(
      { required: { database: refused }, degradable: { redis: refused } },
      1_000,
    )
    expect(report.status).toBe('not_ready')
    expect(report.checks).toEqual({ database: 'connect ECONNREFUSED', redis: 'connect ECONNREFUSED' })
  })

  test('a check that never answers, or throws before its promise, fails instead of holding the probe', async () => {
    const report = await assessReadiness(
      {
        required: { database: ok },
        degradable: {
          frozen: () => new Promise(() => {}),
          broken: () => {
            throw new Error('not connected')
          },
        },
      },
      20,
    )
    expect(report).toEqual({
      status: 'degraded',
      checks: { database: 'ok', frozen: 'timed out after 20 ms', broken: 'not connected' },
      degraded: ['frozen', 'broken'],
    })
  })

  test('no checks at all is ready', async () => {
    expect((await assessReadiness({ required: {}, degradable: {} }, 1_000)).status).toBe('ready')
  })
})
