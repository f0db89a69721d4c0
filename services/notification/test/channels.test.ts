import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPushStandIn } from '@myshop/provider-standins/push'
import { startSendgridStandIn } from '@myshop/provider-standins/sendgrid'
import { startTwilioStandIn } from '@myshop/provider-standins/twilio'
import PostalMime from 'postal-mime'
import webpush from 'web-push'
import { parseSendgridEvents, parseTwilioStatus } from '../src/channels/callbacks.ts'
import { fileSink } from '../src/channels/file-sink.ts'
import { channelSenders } from '../src/channels/index.ts'
import { sendgridEmail } from '../src/channels/sendgrid.ts'
import { twilioSms } from '../src/channels/twilio.ts'
import { webPush } from '../src/channels/web-push.ts'
import type { EmailMessage, PushMessage, SmsMessage } from '../src/messages/model.ts'

const clock = 1_800_000_000_000
const now = () => clock

const email = (to = 'ada@example.com'): EmailMessage => ({
  channel: 'email',
  to,
  from: 'MyShop <shop@example.com>',
  subject: 'Your order ORD-1 is on its way',
  html: '<p>Tracking: <b>1Z999</b></p>',
  text: 'Tracking: 1Z999',
  headers: { 'List-Unsubscribe': '<https://shop.example/u?t=x>' },
})
const sms = (to = '+4915112345678'): SmsMessage => ({
  channel: 'sms',
  to,
  body: 'Order ORD-1 shipped: 1Z999',
})

describe('SendGrid through @sendgrid/mail', () => {
  const standIn = startSendgridStandIn({ now })
  const sender = sendgridEmail({ apiKey: standIn.apiKey, apiUrl: standIn.url, timeoutMs: 300, now })
  afterAll(() => standIn.stop())

  test('sends the email with both parts and the delivery id as a custom arg', async () => {
    const result = await sender.send(email(), 'ntf_sg1')
    const mail = standIn.mails.at(-1)!
    expect(result).toEqual({ outcome: 'sent', providerMessageId: mail.messageId })
    expect(mail.to).toEqual(['ada@example.com'])
    expect(mail.content).toEqual({
      'text/plain': 'Tracking: 1Z999',
      'text/html': '<p>Tracking: <b>1Z999</b></p>',
    })
    expect(mail.headers['List-Unsubscribe']).toBe('<https://shop.example/u?t=x>')
    expect(mail.customArgs).toEqual({ delivery_id: 'ntf_sg1' })
  })

  test('a 429 is retried after the time SendGrid names', async () => {
    standIn.failNext(1, 'rate_limit')
    expect(await sender.send(email(), 'ntf_sg2')).toMatchObject({
      outcome: 'retry',
      errorClass: 'rate_limited',
      retryAfterMs: 5000,
    })
  })

  test('a 5xx is retried as a provider error', async () => {
    standIn.failNext(1, 'server_error')
    expect(await sender.send(email(), 'ntf_sg3')).toMatchObject({
      outcome: 'retry',
      errorClass: 'provider_error',
    })
  })

  test('an answer that never comes is retried as a network failure', async () => {
    standIn.failNext(1, 'hang')
    expect(await sender.send(email(), 'ntf_sg4')).toMatchObject({ outcome: 'retry', errorClass: 'network' })
  })

  test('an invalid address fails for good, naming the field', async () => {
    const result = await sender.send(email('not-an-address'), 'ntf_sg5')
    expect(result).toMatchObject({ outcome: 'failed', errorClass: 'rejected' })
    expect(result.outcome === 'failed' && result.detail).toContain('personalizations.0.to.0.email')
  })

  test('a wrong API key is retried (an operator fixes it), not dropped', async () => {
    const wrong = sendgridEmail({ apiKey: 'SG.wrong', apiUrl: standIn.url, now })
    expect(await wrong.send(email(), 'ntf_sg6')).toMatchObject({
      outcome: 'retry',
      errorClass: 'provider_error',
    })
  })
})

describe('Twilio through the twilio client', () => {
  const standIn = startTwilioStandIn()
  const callbackUrl = 'https://shop.example/api/v1/webhooks/twilio'
  const options = {
    accountSid: standIn.accountSid,
    authToken: standIn.authToken,
    from: standIn.from,
    apiUrl: standIn.url,
    statusCallbackUrl: callbackUrl,
    timeoutMs: 300,
  }
  const sender = twilioSms(options)
  afterAll(() => standIn.stop())

  test('sends the SMS with the delivery id in its status callback', async () => {
    const result = await sender.send(sms(), 'ntf_tw1')
    const message = standIn.messages.at(-1)!
    expect(result).toEqual({ outcome: 'sent', providerMessageId: message.sid })
    expect(message).toMatchObject({
      to: '+4915112345678',
      from: standIn.from,
      body: 'Order ORD-1 shipped: 1Z999',
    })
    expect(message.status_callback).toBe(`${callbackUrl}?delivery=ntf_tw1`)
  })

  test('a 429 is retried after Retry-After', async () => {
    standIn.failNext(1, 'rate_limit')
    expect(await sender.send(sms(), 'ntf_tw2')).toMatchObject({
      outcome: 'retry',
      errorClass: 'rate_limited',
      retryAfterMs: 3000,
    })
  })

  test('a 5xx is retried as a provider error', async () => {
    standIn.failNext(1, 'server_error')
    expect(await sender.send(sms(), 'ntf_tw3')).toMatchObject({
      outcome: 'retry',
      errorClass: 'provider_error',
    })
  })

  test('an answer that never comes is retried as a network failure', async () => {
    standIn.failNext(1, 'hang')
    expect(await sender.send(sms(), 'ntf_tw4')).toMatchObject({ outcome: 'retry', errorClass: 'network' })
  })

  test('a number Twilio cannot send to fails for good with its error code', async () => {
    const result = await sender.send(sms('12345'), 'ntf_tw5')
    expect(result).toMatchObject({ outcome: 'failed', errorClass: 'rejected' })
    expect(result.outcome === 'failed' && result.detail).toContain('21211')
  })

  test('a provider nobody listens on is retried as a network failure', async () => {
    const closed = twilioSms({ ...options, apiUrl: 'http://127.0.0.1:9' })
    expect(await closed.send(sms(), 'ntf_tw6')).toMatchObject({ outcome: 'retry', errorClass: 'network' })
  })
})

describe('web push through web-push', () => {
  const standIn = startPushStandIn()
  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@shop.example' }
  const sender = webPush({ vapid, timeoutMs: 300, agent: new Agent({ ca: standIn.ca }) })
  const push = (subscription: PushMessage['subscription']): PushMessage => ({
    channel: 'push',
    subscription,
    payload: JSON.stringify({ title: 'Shipped', body: 'Order ORD-1 is on its way', url: '/orders/ORD-1' }),
  })
  afterAll(() => standIn.stop())

  test('the push service decrypts exactly the payload sent, authorized by the shop’s VAPID key', async () => {
    const subscription = standIn.subscribe(vapid.publicKey)
    const message = push(subscription)
    expect(await sender.send(message, 'ntf_wp1')).toMatchObject({ outcome: 'sent' })
    const delivered = standIn.received.at(-1)!
    expect(delivered.plaintext).toBe(message.payload)
    expect(delivered.endpoint).toBe(subscription.endpoint)
    expect(delivered.vapid).toEqual({
      audience: standIn.url,
      subject: vapid.subject,
      publicKey: vapid.publicKey,
    })
    expect(delivered.topic).toHaveLength(32)
  })

  test('an expired subscription (410) is gone', async () => {
    const subscription = standIn.subscribe(vapid.publicKey)
    standIn.expire(subscription.endpoint)
    expect(await sender.send(push(subscription), 'ntf_wp2')).toMatchObject({
      outcome: 'failed',
      errorClass: 'gone',
    })
  })

  test('a subscription the push service never knew (404) is gone', async () => {
    const subscription = { ...standIn.subscribe(), endpoint: `${standIn.url}/push/unknown` }
    expect(await sender.send(push(subscription), 'ntf_wp3')).toMatchObject({
      outcome: 'failed',
      errorClass: 'gone',
    })
  })

  test('a subscription made for another VAPID key is refused for good', async () => {
    const subscription = standIn.subscribe(webpush.generateVAPIDKeys().publicKey)
    expect(await sender.send(push(subscription), 'ntf_wp4')).toMatchObject({
      outcome: 'failed',
      errorClass: 'rejected',
    })
  })

  test('429, 5xx and no answer are retried', async () => {
    const subscription = standIn.subscribe(vapid.publicKey)
    standIn.failNext(1, 'rate_limit')
    expect(await sender.send(push(subscription), 'ntf_wp5')).toMatchObject({
      outcome: 'retry',
      errorClass: 'rate_limited',
      retryAfterMs: 7000,
    })
    standIn.failNext(1, 'server_error')
    expect(await sender.send(push(subscription), 'ntf_wp6')).toMatchObject({
      outcome: 'retry',
      errorClass: 'provider_error',
    })
    standIn.failNext(1, 'hang')
    expect(await sender.send(push(subscription), 'ntf_wp7')).toMatchObject({
      outcome: 'retry',
      errorClass: 'network',
    })
  })
})

describe('the file sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'myshop-sink-'))
  const sink = fileSink(dir, now)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('writes each email as an .eml a mail parser reads with its text and HTML parts', async () => {
    const message = { ...email('Jürgen <j@example.com>'), subject: 'Ihre Bestellung ist unterwegs – ORD-1' }
    const result = await sink.email.send(message, 'ntf_fs1')
    expect(result).toEqual({ outcome: 'sent', providerMessageId: join(dir, 'mail', 'ntf_fs1.eml') })
    expect(readdirSync(join(dir, 'mail'))).toEqual(['ntf_fs1.eml'])
    const parsed = await PostalMime.parse(readFileSync(join(dir, 'mail', 'ntf_fs1.eml')))
    expect(parsed.subject).toBe('Ihre Bestellung ist unterwegs – ORD-1')
    expect(parsed.from).toMatchObject({ name: 'MyShop', address: 'shop@example.com' })
    expect(parsed.to).toEqual([{ name: 'Jürgen', address: 'j@example.com' }])
    expect(parsed.text?.trim()).toBe(message.text)
    expect(parsed.html?.trim()).toBe(message.html)
    expect(parsed.headers.find((h) => h.key === 'list-unsubscribe')?.value).toBe(
      '<https://shop.example/u?t=x>',
    )
  })

  test('a header value cannot add a header of its own', async () => {
    await sink.email.send({ ...email(), headers: { 'X-Note': 'a\r\nBcc: evil@example.com' } }, 'ntf_fs2')
    const parsed = await PostalMime.parse(readFileSync(join(dir, 'mail', 'ntf_fs2.eml')))
    expect(parsed.headers.some((h) => h.key === 'bcc')).toBe(false)
  })

  test('writes SMS and push messages as JSON lines with their delivery ids', async () => {
    await sink.sms.send(sms(), 'ntf_fs3')
    await sink.push.send(
      {
        channel: 'push',
        subscription: { endpoint: 'https://p.example/1', keys: { p256dh: 'k', auth: 'a' } },
        payload: '{}',
      },
      'ntf_fs4',
    )
    const lines = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    expect(lines('sms.jsonl')).toEqual([
      {
        id: 'ntf_fs3',
        at: new Date(clock).toISOString(),
        to: '+4915112345678',
        body: 'Order ORD-1 shipped: 1Z999',
      },
    ])
    expect(lines('push.jsonl')).toEqual([
      { id: 'ntf_fs4', at: new Date(clock).toISOString(), endpoint: 'https://p.example/1', payload: '{}' },
    ])
  })
})

describe('choosing the senders', () => {
  test('without provider credentials every channel writes to the file sink', () => {
    const senders = channelSenders({ NOTIFICATION_PROVIDER_TIMEOUT_MS: 1000 }, '/tmp/x')
    expect([senders.email.provider, senders.sms.provider, senders.push.provider]).toEqual([
      'file',
      'file',
      'file',
    ])
  })

  test('credentials choose SendGrid, Twilio and web push', () => {
    const senders = channelSenders(
      {
        NOTIFICATION_PROVIDER_TIMEOUT_MS: 1000,
        SENDGRID_API_KEY: 'SG.key',
        TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_FROM: '+15005550006',
        vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@shop.example' },
      },
      '/tmp/x',
    )
    expect([senders.email.provider, senders.sms.provider, senders.push.provider]).toEqual([
      'sendgrid',
      'twilio',
      'web-push',
    ])
  })
})

describe('SendGrid Event Webhook', () => {
  const standIn = startSendgridStandIn()
  afterAll(() => standIn.stop())
  const events = [
    {
      event: 'delivered',
      email: 'ada@example.com',
      sg_message_id: 'abc123.filter0001.1.0',
      delivery_id: 'ntf_1',
    },
    { event: 'bounce', type: 'bounce', email: 'bob@example.com', sg_message_id: 'def456.filter0002.1.0' },
  ]

  test('a signed POST is read into events', () => {
    const signed = standIn.events(events)
    const parsed = parseSendgridEvents(signed.body, signed.headers, standIn.publicKey)
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.events).toMatchObject([
      { providerMessageId: 'abc123', event: 'delivered', email: 'ada@example.com', deliveryId: 'ntf_1' },
      { providerMessageId: 'def456', event: 'bounce', type: 'bounce', email: 'bob@example.com' },
    ])
  })

  test('a POST signed with another key is refused', () => {
    const forged = standIn.events(events, { privateKey: standIn.otherPrivateKey })
    expect(parseSendgridEvents(forged.body, forged.headers, standIn.publicKey)).toEqual({
      ok: false,
      reason: 'signature does not verify',
    })
  })

  test('a body or timestamp changed after signing is refused', () => {
    const signed = standIn.events(events)
    const tampered = signed.body.replace('bounce', 'delivered')
    expect(parseSendgridEvents(tampered, signed.headers, standIn.publicKey).ok).toBe(false)
    const later = { ...signed.headers, 'x-twilio-email-event-webhook-timestamp': '1' }
    expect(parseSendgridEvents(signed.body, later, standIn.publicKey).ok).toBe(false)
  })

  test('a POST without a signature is refused', () => {
    expect(parseSendgridEvents(standIn.events(events).body, {}, standIn.publicKey).ok).toBe(false)
  })
})

describe('Twilio status callbacks', () => {
  const standIn = startTwilioStandIn()
  const sender = twilioSms({
    accountSid: standIn.accountSid,
    authToken: standIn.authToken,
    from: standIn.from,
    apiUrl: standIn.url,
    statusCallbackUrl: 'https://shop.example/api/v1/webhooks/twilio',
  })
  afterAll(() => standIn.stop())

  const sent = async () => {
    const result = await sender.send(sms(), 'ntf_cb1')
    if (result.outcome !== 'sent') throw new Error('not sent')
    return result.providerMessageId!
  }

  test('a signed callback is read into the status of the message and its delivery', async () => {
    const sid = await sent()
    const callback = standIn.statusCallback(sid, 'undelivered', { errorCode: '30003' })
    expect(
      parseTwilioStatus(
        callback.url,
        callback.params,
        callback.headers['x-twilio-signature'],
        standIn.authToken,
      ),
    ).toEqual({
      ok: true,
      event: { providerMessageId: sid, status: 'undelivered', errorCode: '30003', deliveryId: 'ntf_cb1' },
    })
  })

  test('a callback signed with another token, or changed after signing, is refused', async () => {
    const sid = await sent()
    const forged = standIn.statusCallback(sid, 'delivered', { authToken: 'someone-else' })
    expect(
      parseTwilioStatus(forged.url, forged.params, forged.headers['x-twilio-signature'], standIn.authToken)
        .ok,
    ).toBe(false)
    const signed = standIn.statusCallback(sid, 'failed')
    const tampered = { ...signed.params, MessageStatus: 'delivered' }
    expect(
      parseTwilioStatus(signed.url, tampered, signed.headers['x-twilio-signature'], standIn.authToken).ok,
    ).toBe(false)
    expect(parseTwilioStatus(signed.url, signed.params, undefined, standIn.authToken).ok).toBe(false)
  })
})
