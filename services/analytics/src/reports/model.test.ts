import { describe, expect, test } from 'bun:test'
import { csvHeader, csvLine, decimal, reportWindow } from './model.ts'

describe('report windows', () => {
  test('a date is its whole day in UTC, and `to` includes its day', () => {
    const window = reportWindow({ from: '2026-09-01', to: '2026-11-30', groupBy: 'week' })
    expect(window).toEqual({
      from: new Date('2026-09-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      groupBy: 'week',
      currency: null,
    })
  })

  test('an instant is exact, and `to` excludes it', () => {
    const window = reportWindow({ from: '2026-09-01T10:00:00Z', to: '2026-09-01T13:00:00+02:00' }, 'hour')
    expect(window).toMatchObject({
      from: new Date('2026-09-01T10:00:00Z'),
      to: new Date('2026-09-01T11:00:00Z'),
    })
  })

  test('an empty, reversed or too long window is a problem', () => {
    expect(reportWindow({ from: '2026-09-02', to: '2026-09-01' })).toEqual({
      problem: '`to` must be after `from`',
    })
    expect(reportWindow({ from: '2026-01-01', to: '2026-12-31', groupBy: 'hour' })).toHaveProperty('problem')
    expect(reportWindow({ from: '2026-02-30', to: '2026-03-01' })).toHaveProperty('problem')
  })
})

describe('CSV', () => {
  const columns = [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'revenue', label: 'Revenue', kind: 'money' },
    { key: 'currency', label: 'Currency', kind: 'text' },
  ] as const

  test('money is a decimal in its currency, signed', () => {
    expect(decimal(-1250, 'EUR')).toBe('-12.50')
    expect(decimal(5, 'JPY')).toBe('5')
    expect(csvLine(columns, { name: 'Mug', revenue: 123456, currency: 'EUR' })).toBe('Mug,1234.56,EUR\r\n')
  })

  test('quotes what needs it, and a formula stays text', () => {
    expect(csvHeader(columns)).toBe('name,revenue,currency\r\n')
    expect(csvLine(columns, { name: 'a "big", mug', revenue: null, currency: 'EUR' })).toBe(
      '"a ""big"", mug",,EUR\r\n',
    )
    expect(csvLine(columns, { name: '=HYPERLINK("x")', revenue: 0, currency: 'EUR' })).toBe(
      `"'=HYPERLINK(""x"")",0.00,EUR\r\n`,
    )
  })
})
