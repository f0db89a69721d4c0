import { describe, expect, test } from 'bun:test'
import { Writable } from 'node:stream'
import { stripVTControlCharacters } from 'node:util'
import { createLogger, resolveLogFormat } from './index.ts'

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

const collect = (isTTY?: boolean) => {
  const lines: string[] = []
  const sink = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    }),
    isTTY === undefined ? {} : { isTTY },
  )
  // Colours are asserted apart from the words.
  return { sink, text: () => stripVTControlCharacters(lines.join('')) }
}

describe('log formats', () => {
  test('writes one JSON object a line by default when the output is not a terminal', () => {
    const { sink, text } = collect()
    createLogger({ service: 'test' }, sink).info({ requestId: 'req_1' }, 'listening')
    expect(JSON.parse(text())).toMatchObject({ service: 'test', level: 'info', msg: 'listening' })
  })

  test('writes readable lines on a terminal, and when pretty is forced, with secrets still redacted', () => {
    for (const [format, isTTY] of [
      ['auto', true],
      ['pretty', false],
    ] as const) {
      const { sink, text } = collect(isTTY)
      createLogger({ service: 'test', format }, sink).warn(
        { password: 'hunter2-secret' },
        'cache unreachable',
      )
      expect(() => JSON.parse(text())).toThrow()
      expect(text()).toContain('WARN')
      expect(text()).toContain('[test] cache unreachable')
      expect(text()).not.toContain('hunter2-secret')
    }
  })

  test('LOG_FORMAT=json keeps JSON on a terminal', () => {
    const { sink, text } = collect(true)
    createLogger({ service: 'test', format: 'json' }, sink).info('listening')
    expect(JSON.parse(text())).toMatchObject({ msg: 'listening' })
  })

  test('auto means pretty only on a terminal', () => {
    expect(resolveLogFormat('auto', { isTTY: true })).toBe('pretty')
    expect(resolveLogFormat('auto', {})).toBe('json')
    expect(resolveLogFormat('json', { isTTY: true })).toBe('json')
    expect(resolveLogFormat('pretty', {})).toBe('pretty')
  })
})
