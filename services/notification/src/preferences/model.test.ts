import { describe, expect, test } from 'bun:test'
import { channelsFor, type Reach, resolvePreferences } from './model.ts'
import { nextSmsTime, smsAllowedAt } from './quiet-hours.ts'

const everyone: Reach = {
  email: 'ada@example.com',
  phone: '+4915112345678',
  phoneOptIn: true,
  timeZone: 'Europe/Berlin',
  locale: 'en',
  pushSubscribed: true,
}

describe('channelsFor', () => {
  test('sends transactional messages everywhere the person can be reached, by default', () => {
    expect(channelsFor('order', resolvePreferences([]), everyone)).toEqual(['email', 'sms', 'push'])
  })

  test('sends no marketing until the person opts in', () => {
    expect(channelsFor('marketing', resolvePreferences([]), everyone)).toEqual([])
    const optedIn = resolvePreferences([{ category: 'marketing', channel: 'push', enabled: true }])
    expect(channelsFor('marketing', optedIn, everyone)).toEqual(['push'])
  })

  test('keeps transactional email even when a stored choice says off', () => {
    const off = resolvePreferences([
      { category: 'order', channel: 'email', enabled: false },
      { category: 'order', channel: 'sms', enabled: false },
    ])
    expect(off.order.email).toBe(true)
    expect(channelsFor('order', off, everyone)).toEqual(['email', 'push'])
  })

  test('needs an address, an opted-in phone and a subscribed browser', () => {
    const prefs = resolvePreferences([])
    expect(
      channelsFor('account', prefs, { ...everyone, email: null, phoneOptIn: false, pushSubscribed: false }),
    ).toEqual([])
    expect(channelsFor('staff', prefs, { ...everyone, phone: null })).toEqual(['email', 'push'])
  })
})

describe('SMS quiet hours', () => {
  const berlin = 'Europe/Berlin'

  test('allow an SMS in the day and hold it at night, in the person’s zone', () => {
    // 12:00 UTC is 13:00 in Berlin in winter; 21:30 UTC is 22:30 there.
    expect(smsAllowedAt(Date.parse('2026-01-15T12:00:00Z'), berlin)).toBe(true)
    expect(smsAllowedAt(Date.parse('2026-01-15T21:30:00Z'), berlin)).toBe(false)
    expect(smsAllowedAt(Date.parse('2026-01-15T21:30:00Z'), 'America/New_York')).toBe(true)
    expect(smsAllowedAt(Date.parse('2026-01-15T19:59:00Z'), berlin)).toBe(true)
    expect(smsAllowedAt(Date.parse('2026-01-15T20:00:00Z'), berlin)).toBe(false)
    expect(smsAllowedAt(Date.parse('2026-01-16T07:00:00Z'), berlin)).toBe(true)
  })

  test('the next allowed time is now by day and 08:00 local after a night', () => {
    const noon = Date.parse('2026-01-15T12:00:00Z')
    expect(nextSmsTime(noon, berlin).getTime()).toBe(noon)
    expect(nextSmsTime(Date.parse('2026-01-15T21:30:20Z'), berlin).toISOString()).toBe(
      '2026-01-16T07:00:00.000Z',
    )
    // 03:00 UTC is 12:00 in Tokyo: allowed there.
    expect(nextSmsTime(Date.parse('2026-01-16T03:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-01-16T03:00:00.000Z',
    )
  })

  test('the next allowed time follows a daylight-saving change during the night', () => {
    // Berlin moves from UTC+1 to UTC+2 at 02:00 on 2026-03-29: 08:00 that morning is 06:00 UTC.
    expect(nextSmsTime(Date.parse('2026-03-28T21:00:00Z'), berlin).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    )
    // And back on 2026-10-25: 08:00 is 07:00 UTC.
    expect(nextSmsTime(Date.parse('2026-10-24T20:00:00Z'), berlin).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    )
  })

  test('take a window within one day, and none when start equals end', () => {
    const lunch = { start: '12:00', end: '13:00' }
    expect(smsAllowedAt(Date.parse('2026-01-15T11:30:00Z'), 'UTC', lunch)).toBe(true)
    expect(smsAllowedAt(Date.parse('2026-01-15T12:30:00Z'), 'UTC', lunch)).toBe(false)
    expect(smsAllowedAt(Date.parse('2026-01-15T23:00:00Z'), 'UTC', { start: '00:00', end: '00:00' })).toBe(
      true,
    )
  })
})
