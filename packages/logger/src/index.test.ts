import { describe, expect, test } from 'bun:test'
import { Writable } from 'node:stream'
import { createLogger } from './index.ts'

describe('createLogger', () => {
  test('redacts secrets and personal data wherever they appear in a log line', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ service: 'test' }, sink)
    logger.info(
      {
        password: 'hunter2-secret',
        user: { email: 'ada@example.com', refreshToken: 'rt_abc' },
        headers: { authorization: 'Bearer eyJ.secret.sig' },
        requestId: 'req_1',
      },
      'signed in',
    )
    await new Promise((r) => setTimeout(r, 10))
    const line = JSON.parse(lines.join(''))
    expect(line).toMatchObject({ service: 'test', level: 'info', requestId: 'req_1', msg: 'signed in' })
    const text = JSON.stringify(line)
    for (const secret of ['hunter2-secret', 'ada@example.com', 'rt_abc', 'eyJ.secret.sig'])
      expect(text).not.toContain(secret)
    expect(text).toContain('[redacted]')
  })
})
