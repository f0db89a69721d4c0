import { describe, expect, test } from 'bun:test'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emlHeaders, readSink } from '../src/notifications/sink.ts'
import { runCli } from './run-cli.ts'

describe('the file sink reader', () => {
  test('reads an email header block, decoding encoded words', () => {
    const eml = [
      'From: MyShop <shop@example.com>',
      'To: ada@example.com',
      `Subject: =?UTF-8?B?${Buffer.from('Bestätigung', 'utf8').toString('base64')}?=`,
      '',
      'body: not a header',
    ].join('\r\n')
    expect(emlHeaders(eml)).toEqual({
      from: 'MyShop <shop@example.com>',
      to: 'ada@example.com',
      subject: 'Bestätigung',
    })
  })

  test('lists emails, texts and pushes oldest first, skipping a line still being written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'myshop-sink-'))
    await mkdir(join(dir, 'mail'))
    await writeFile(
      join(dir, 'mail', 'ntf_1.eml'),
      'To: ada@example.com\r\nSubject: Welcome\r\nDate: Tue, 01 Dec 2026 09:00:02 +0000\r\n\r\n',
    )
    await writeFile(
      join(dir, 'sms.jsonl'),
      `${JSON.stringify({ id: 'ntf_2', at: '2026-12-01T09:00:01.000Z', to: '+4915100000', body: 'Shipped\nmore' })}\n{"id":`,
    )
    await writeFile(
      join(dir, 'push.jsonl'),
      `${JSON.stringify({ id: 'ntf_3', at: '2026-12-01T09:00:03.000Z', endpoint: 'https://push.example/1', payload: JSON.stringify({ title: 'On its way', body: 'x' }) })}\n`,
    )
    expect((await readSink(dir)).map((m) => [m.channel, m.to, m.summary, m.at])).toEqual([
      ['sms', '+4915100000', 'Shipped', '2026-12-01T09:00:01.000Z'],
      ['email', 'ada@example.com', 'Welcome', '2026-12-01T09:00:02.000Z'],
      ['push', 'https://push.example/1', 'On its way', '2026-12-01T09:00:03.000Z'],
    ])
  })

  test('a sink directory not yet written holds no messages', async () => {
    expect(await readSink(join(tmpdir(), 'myshop-no-such-sink'))).toEqual([])
  })
})

describe('myshop notifications argument checks', async () => {
  const home = await mkdtemp(join(tmpdir(), 'myshop-notifications-'))
  // Nothing listens here: a check that let an argument through would end in "cannot reach" (exit 3), not 2.
  const cli = (...args: string[]) => runCli([...args, '--url', 'http://127.0.0.1:9'], { home })

  test('refuses malformed statuses, ids, channels, recipients and locales before any request', async () => {
    for (const args of [
      ['notifications', 'list', '--status', 'lost'],
      ['notifications', 'list', '--limit', '0'],
      ['notifications', 'retry'],
      ['notifications', 'retry', 'ntf_01KC0000000000000000000000', '--all-failed'],
      ['notifications', 'retry', 'nope'],
      ['notifications', 'send-test', '--channel', 'fax', '--to', 'ops@example.com'],
      ['notifications', 'send-test', '--channel', 'email', '--to', 'not-an-address'],
      ['notifications', 'send-test', '--channel', 'sms', '--to', '0151 123'],
      ['notifications', 'send-test', '--channel', 'email'],
      ['notifications', 'preview', 'welcome', '--locale', 'english'],
      ['notifications', 'preview', 'Welcome!'],
    ]) {
      const result = await cli(...args)
      expect({ args, code: result.code }).toEqual({ args, code: 2 })
    }
  })

  test('tail --once prints the messages in the sink without a running MyShop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'myshop-sink-'))
    await writeFile(
      join(dir, 'sms.jsonl'),
      `${JSON.stringify({ id: 'ntf_2', at: '2026-12-01T09:00:01.000Z', to: '+4915100000', body: 'Shipped' })}\n`,
    )
    const result = await runCli(['notifications', 'tail', '--once', '--dir', dir], { home })
    expect(result).toEqual({
      code: 0,
      stdout: '2026-12-01 09:00:01Z  sms    +4915100000  Shipped\n',
      stderr: '',
    })
  })
})
