import { beforeAll, describe, expect, test } from 'bun:test'
import { recordContact } from '../src/preferences/service.ts'
import { featureHarness } from './feature-harness.ts'

let h: Awaited<ReturnType<typeof featureHarness>>
beforeAll(async () => {
  h = await featureHarness()
})

const path = '/api/v1/notifications/preferences'
const rows = async (userId: string) => [
  ...(await h.sql<{ category: string; channel: string; enabled: boolean }[]>`
    select category, channel, enabled from notifications.preferences where user_id = ${userId}
    order by category, channel`),
]

describe('GET /notifications/preferences', () => {
  test('answers the defaults for someone who chose nothing: transactional on, marketing off', async () => {
    const { userId, auth } = await h.person()
    await recordContact(h.deps, userId, 'ada@example.com', 'de')
    const res = await h.call('GET', path, undefined, auth)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      preferences: {
        account: { email: true, sms: true, push: true },
        order: { email: true, sms: true, push: true },
        staff: { email: true, sms: true, push: true },
        marketing: { email: false, sms: false, push: false },
      },
      contact: { email: 'ada@example.com', phone: null, phoneOptIn: false, timeZone: null, locale: 'de' },
    })
  })

  test('needs a signed-in person', async () => {
    expect((await h.call('GET', path)).status).toBe(401)
    expect((await h.call('GET', path, undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401)
  })
})

describe('PATCH /notifications/preferences', () => {
  test('opts in to marketing email, turns order SMS off and sets the contact fields', async () => {
    const { userId, auth } = await h.person()
    const res = await h.call(
      'PATCH',
      path,
      {
        preferences: { marketing: { email: true }, order: { sms: false } },
        phone: '+4915112345678',
        phoneOptIn: true,
        timeZone: 'Europe/Berlin',
        locale: 'de',
      },
      auth,
    )
    expect(res.status).toBe(200)
    expect(res.body.preferences.marketing).toEqual({ email: true, sms: false, push: false })
    expect(res.body.preferences.order).toEqual({ email: true, sms: false, push: true })
    expect(res.body.contact).toEqual({
      email: null,
      phone: '+4915112345678',
      phoneOptIn: true,
      timeZone: 'Europe/Berlin',
      locale: 'de',
    })
    expect(await rows(userId)).toEqual([
      { category: 'marketing', channel: 'email', enabled: true },
      { category: 'order', channel: 'sms', enabled: false },
    ])
    // Read back as stored.
    expect((await h.call('GET', path, undefined, auth)).body).toEqual(res.body)
  })

  test('refuses to turn transactional email off (422) and changes nothing else in the request', async () => {
    const { userId, auth } = await h.person()
    const res = await h.call(
      'PATCH',
      path,
      { preferences: { order: { email: false }, marketing: { email: true } }, locale: 'de' },
      auth,
    )
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('validation_failed')
    expect(res.body.errors).toEqual([
      { path: '/preferences/order/email', message: 'order email is transactional and cannot be turned off' },
    ])
    expect(await rows(userId)).toEqual([])
    expect((await h.call('GET', path, undefined, auth)).body.contact.locale).toBeNull()
  })

  test('refuses a phone number not in E.164, an unknown time zone, and SMS consent without a phone', async () => {
    const { auth } = await h.person()
    expect((await h.call('PATCH', path, { phone: '0151 1234' }, auth)).status).toBe(422)
    const zone = await h.call('PATCH', path, { timeZone: 'Mars/Olympus' }, auth)
    expect(zone.status).toBe(422)
    expect(zone.body.errors[0].path).toBe('/timeZone')
    const consent = await h.call('PATCH', path, { phoneOptIn: true }, auth)
    expect(consent.status).toBe(422)
    expect(consent.body.errors[0].path).toBe('/phoneOptIn')
    expect((await h.call('PATCH', path, { preferences: { marketing: { email: 'yes' } } }, auth)).status).toBe(
      422,
    )
  })

  test('a new phone number needs SMS consent again', async () => {
    const { auth } = await h.person()
    await h.call('PATCH', path, { phone: '+4915112345678', phoneOptIn: true }, auth)
    const changed = await h.call('PATCH', path, { phone: '+4915187654321' }, auth)
    expect(changed.body.contact).toMatchObject({ phone: '+4915187654321', phoneOptIn: false })
  })

  test("changes only the caller's own preferences", async () => {
    const a = await h.person()
    const b = await h.person()
    await h.call('PATCH', path, { preferences: { marketing: { push: true } } }, a.auth)
    expect(await rows(b.userId)).toEqual([])
    expect((await h.call('GET', path, undefined, b.auth)).body.preferences.marketing.push).toBe(false)
  })

  test('needs a signed-in person', async () => {
    expect((await h.call('PATCH', path, { locale: 'en' })).status).toBe(401)
  })
})
