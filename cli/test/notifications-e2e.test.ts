// End to end: the notifications commands through the real CLI against MyShop booted as `myshop start` boots it,
// in distributed mode with DATABASE_URL / REDIS_URL, else embedded. Messages go to the embedded file sink under the
// platform's data directory, which `notifications tail` reads.
import { describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventually, uniqueEmail } from '@myshop/testing'
import { runCli } from './run-cli.ts'
import { shopAt } from './shop.ts'
import { bootForFile } from './test-platform.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'myshop-cli-notifications-data-'))
const booted = bootForFile('cobalt-Orchard-58-lantern', { MYSHOP_DATA_DIR: dataDir })
const home = mkdtempSync(join(tmpdir(), 'myshop-cli-notifications-admin-'))
const work = mkdtempSync(join(tmpdir(), 'myshop-cli-notifications-cwd-'))

const cli = (...args: string[]) => runCli([...args, '--url', booted.platform.gatewayUrl], { home, cwd: work })
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json')
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' })
  return JSON.parse(result.stdout)
}

describe('myshop notifications against a running MyShop', () => {
  test('an operator tests, watches, lists and previews the messages MyShop sends', async () => {
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const email = uniqueEmail('notified')

    // send-test: one test delivery queued, then written to the file sink as an email.
    const queued = await json('notifications', 'send-test', '--channel', 'email', '--to', email)
    expect(queued).toMatchObject({ template: 'test', channel: 'email', recipient: email, status: 'queued' })
    const sink = join(dataDir, 'notifications')
    const tail = () => runCli(['notifications', 'tail', '--once', '--dir', sink], { home })
    await eventually('the test email is in the file sink', async () => (await tail()).stdout.includes(email))
    expect((await tail()).stdout).toMatch(
      new RegExp(`\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  email  ${email}  \\S`),
    )

    // list --to: the delivery, sent.
    const listed = await json('notifications', 'list', '--to', email, '--all')
    expect(listed.items).toEqual([
      expect.objectContaining({ id: queued.id, template: 'test', recipient: email, status: 'sent' }),
    ])
    const table = await cli('notifications', 'list', '--to', email)
    expect(table.stdout).toMatch(/ID\s+CREATED\s+CHANNEL\s+TEMPLATE\s+TO\s+STATUS\s+ATTEMPTS\s+LAST ERROR/)
    expect(table.stdout).toMatch(new RegExp(`${queued.id}.*email\\s+test\\s+${email}\\s+sent\\s+1`))

    // preview: the HTML in ./<template>.<locale>.html, the subject and the text part on stdout.
    const preview = await cli('notifications', 'preview', 'order_confirmation', '--locale', 'de')
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(/^Subject: \S/)
    expect(readFileSync(join(work, 'order_confirmation.de.html'), 'utf8')).toStartWith('<!DOCTYPE html')
    expect((await cli('notifications', 'preview', 'no_such_template')).code).toBe(1)

    // A shopper who registers through the gateway is welcomed, by email, from the user service's event.
    const shopper = uniqueEmail('welcomed')
    await shopAt(booted.platform.gatewayUrl).register(shopper, 'amber-Willow-44-harbor')
    await eventually('the welcome is in the file sink', async () => (await tail()).stdout.includes(shopper))
    const welcomed = await json('notifications', 'list', '--to', shopper, '--all')
    expect(welcomed.items).toEqual([
      expect.objectContaining({ template: 'welcome', eventType: 'user.registered' }),
    ])

    // Nothing failed, so retrying every failed delivery retries none.
    expect(await json('notifications', 'retry', '--all-failed')).toEqual({ retried: 0 })
  }, 60_000)
})
