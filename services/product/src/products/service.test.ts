import { describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import { optionFilters } from './service.ts'

describe('optionFilters', () => {
  test('gathers the values of one option, named as first written, whatever the case of later ones', () => {
    expect(optionFilters(['Size:M', 'size:L', 'SIZE:M'])).toEqual([{ name: 'Size', values: ['L', 'M'] }])
  })

  test('sorts options and values, so the same filters in any order are the same filters', () => {
    const one = optionFilters(['Size:M', 'Colour:Navy', 'Size:L'])
    const other = optionFilters(['Size:L', 'Colour:Navy', 'Size:M'])
    expect(one).toEqual([
      { name: 'Colour', values: ['Navy'] },
      { name: 'Size', values: ['L', 'M'] },
    ])
    expect(other).toEqual(one)
  })

  test('trims names and values, and keeps a colon inside a value', () => {
    expect(optionFilters([' Ratio : 16:9 '])).toEqual([{ name: 'Ratio', values: ['16:9'] }])
  })

  test('no filters given is none', () => {
    expect(optionFilters(undefined)).toEqual([])
    expect(optionFilters([])).toEqual([])
  })

  test.each([
    ['no colon', 'Colour'],
    ['no name', ':Navy'],
    ['no value', 'Colour:'],
    ['a value over 100 characters', `Colour:${'x'.repeat(101)}`],
    ['a name over 50 characters', `${'x'.repeat(51)}:M`],
  ])('refuses a filter with %s as a 422 on /option', (_, given) => {
    let thrown: unknown
    try {
      optionFilters([given])
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('validation_failed')
    expect((thrown as AppError).errors).toEqual([{ path: '/option', message: 'expected name:value' }])
  })
})
