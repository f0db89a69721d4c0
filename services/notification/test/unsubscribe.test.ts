import { beforeAll, describe, expect, test } from 'bun:test'
import { unsubscribeLink } from '../src/preferences/service.ts'
import { signUnsubscribeToken } from '../src/preferences/unsubscribe.ts'
import { featureHarness } from './feature-harness.ts'

let h: Awaited<ReturnType<typeof featureHarness>>
beforeAll(async () => {
  h = await featureHarness()
})

const day = 24 * 3600 * 1000
const path = (url: string) => url.slice(url.indexOf('/api/'))
const oneClick = (url: string, body = 'List-Unsubscribe=One-Click') =>
  h.app.handle(
    new Request(`http://localhost${path(url)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  )
const marketingEmail = async (userId: string) => {
  const [row] = await h.sql<{ enabled: boolean }[]>`
    select enabled from notifications.preferences
    where user_id = ${userId} and category = 'marketing' and channel = 'email'`
  return row?.enabled ?? null
}

/** A person who opted in to marketing email, and the unsubscribe link of a marketing email to them. */
const optedIn = async () => {
  const { userId, auth } = await h.person()
  await h.call(
    'PATCH',
    '/api/v1/notifications/preferences',
    { preferences: { marketing: { email: true } } },
    auth,
  )
  const link = unsubscribeLink(h.deps, 'https://shop.example.com', {
    userId,
    category: 'marketing',
    channel: 'email',
  })
  return { userId, link }
}

describe('unsubscribe links', () => {
  test('carry the RFC 8058 headers for the same URL', async () => {
    const { link } = await optedIn()
    expect(link.url).toStartWith('https://shop.example.com/api/v1/notifications/unsubscribe?token=')
    expect(link.headers).toEqual({
      'List-Unsubscribe': `<${link.url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })

  test('GET shows a confirm page that posts the one-click body, and changes nothing', async () => {
    const { userId, link } = await optedIn()
    const res = await h.app.handle(new Request(`http://localhost${path(link.url)}`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const page = await res.text()
    expect(page).toContain('marketing messages by email')
    expect(page).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">')
    expect(await marketingEmail(userId)).toBe(true)
  })

  test('POST with List-Unsubscribe=One-Click turns the category off on the channel, and again is fine', async () => {
    const { userId, link } = await optedIn()
    const res = await oneClick(link.url)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('You will no longer receive marketing messages by email')
    expect(await marketingEmail(userId)).toBe(false)
    expect((await oneClick(link.url)).status).toBe(200)
    expect(await marketingEmail(userId)).toBe(false)
  })

  test('POST without the one-click body is 400 and changes nothing', async () => {
    const { userId, link } = await optedIn()
    expect((await oneClick(link.url, 'List-Unsubscribe=Maybe')).status).toBe(400)
    expect(await marketingEmail(userId)).toBe(true)
  })

  test('a forged, altered, expired or transactional token is 400 and changes nothing', async () => {
    const { userId, link } = await optedIn()
    const token = new URL(link.url).searchParams.get('token')!
    const [payload, signature] = token.split('.') as [string, string]
    const scope = { userId, category: 'marketing', channel: 'email' } as const
    const forged = signUnsubscribeToken('another-secret', scope, new Date(h.deps.now() + day))
    const expired = signUnsubscribeToken(
      h.deps.config.NOTIFICATION_UNSUBSCRIBE_SECRET,
      scope,
      new Date(h.deps.now() - 1000),
    )
    const transactional = signUnsubscribeToken(
      h.deps.config.NOTIFICATION_UNSUBSCRIBE_SECRET,
      { userId, category: 'order', channel: 'email' },
      new Date(h.deps.now() + day),
    )
    const otherUser = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace(userId, 'usr_someone_else'),
    ).toString('base64url')
    for (const bad of [
      forged,
      expired,
      transactional,
      `${otherUser}.${signature}`,
      `${payload}.`,
      'garbage',
    ]) {
      const url = `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`
      const get = await h.call('GET', url)
      expect(get.status).toBe(400)
      expect(get.body.code).toBe('bad_request')
      expect((await oneClick(url)).status).toBe(400)
    }
    expect(await marketingEmail(userId)).toBe(true)
    const orderEmail = await h.sql`
      select 1 from notifications.preferences where user_id = ${userId} and category = 'order'`
    expect(orderEmail.length).toBe(0)
  })

  test('a link expires after its validity', async () => {
    const { userId, link } = await optedIn()
    h.advance(91 * day)
    try {
      expect((await oneClick(link.url)).status).toBe(400)
      expect(await marketingEmail(userId)).toBe(true)
    } finally {
      h.advance(-91 * day)
    }
  })
})
