import { describe, expect, test } from 'bun:test'
import { decodeOptions, encodeOptions, neutraliseFormula, restoreFormula, slugify } from './index.ts'

describe('option cells', () => {
  test('encode in order and decode back, whatever the text holds', () => {
    const cases: Record<string, string>[] = [
      {},
      { Size: 'M' },
      { Size: 'M', Colour: 'Black' },
      { 'Fit; style': 'a=b', Path: 'C:\\shoes\\;', Ümlaut: 'Crème brûlée' },
    ]
    for (const options of cases) {
      const cell = encodeOptions(options)
      expect(decodeOptions(cell)).toEqual({ options })
    }
    expect(encodeOptions({ Size: 'M', Colour: 'Black' })).toBe('Size=M; Colour=Black')
    expect(encodeOptions({ 'a;b': 'c=d' })).toBe('a\\;b=c\\=d')
  })

  test('hand-written cells: spaces and a trailing separator are forgiven', () => {
    expect(decodeOptions(' Size = M ;Colour=Black; ')).toEqual({ options: { Size: 'M', Colour: 'Black' } })
    expect(decodeOptions('')).toEqual({ options: {} })
  })

  test('malformed cells say what is wrong', () => {
    const problem = (cell: string) => {
      const decoded = decodeOptions(cell)
      return 'problem' in decoded ? decoded.problem : null
    }
    expect(problem('Size')).toBe('"Size" has no value (expected name=value)')
    expect(problem('=M')).toBe('an option has no name (expected name=value)')
    expect(problem('Size=')).toBe('option "Size" has no value')
    expect(problem('Size=M; Size=L')).toBe('option "Size" is given twice')
    expect(problem('Size=M=L')).toBe('"Size" has two "=" (write \\= for one in a value)')
    expect(problem('Size=\\M')).toBe('a backslash may only escape \\, ; or =')
    expect(problem(`Size=${'x'.repeat(101)}`)).toBe('option "Size" is longer than 100 characters')
    expect(problem(`${'n'.repeat(51)}=x`)).toStartWith('option name "nnnnnnnnnnnnnnnnnnnn…"')
    // A name a search filter (`option=Size:M`) could not name, or holding the catalog's separator.
    expect(problem('Size:EU=42')).toBe('option name "Size:EU" holds a ":"')
    expect(problem('Size\u001f=42')).toBe('option name "Size\u001f" holds a control character')
    expect(problem(Array.from({ length: 11 }, (_, i) => `O${i}=x`).join('; '))).toBe(
      'a variant has at most 10 options',
    )
    // Values may hold either.
    expect(decodeOptions('Ratio=16:9')).toEqual({ options: { Ratio: '16:9' } })
  })
})

test('slugify folds accents and joins words with single dashes', () => {
  expect(slugify('  Crème Brûlée — 2 Pack! ')).toBe('creme-brulee-2-pack')
  expect(slugify('***')).toBe('product')
})

describe('formula neutralisation', () => {
  test.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 20 555 0100', "'+31 20 555 0100"],
    ['-5% off', "'-5% off"],
    ['@sale', "'@sale"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ["'=already quoted", "''=already quoted"],
  ])('%p is written %p and read back the same', (value, cell) => {
    expect(neutraliseFormula(value)).toBe(cell)
    expect(restoreFormula(cell)).toBe(value)
  })

  test.each(['Desk lamp', "It's = fine", 'a=b', '12.99', "'plain apostrophe", ''])(
    '%p is left as it is both ways',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value)
      expect(restoreFormula(value)).toBe(value)
    },
  )
})
