import { describe, expect, test } from 'bun:test'
import { csvScanner, jsonScanner } from '../src/reports/scan.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

/** Feeds `text` in pieces of `size` bytes (cutting through characters, quotes and rows) and gathers the rows. */
const feed = (scanner: ReturnType<typeof csvScanner>, text: string, size: number) => {
  const all = bytes(text)
  const rows: unknown[] = []
  let count = 0
  for (let at = 0; at < all.length; at += size) {
    const got = scanner.push(all.subarray(at, at + size))
    count += got.count
    rows.push(...got.rows)
  }
  const end = scanner.end()
  return { count: count + end.count, rows: [...rows, ...end.rows] }
}

const csv = 'term,searches\r\n"red, ""long"" dress",3\r\n"two\nlines",2\r\nzoë,1\r\n'
const json = `{"report":"search","from":"2026-09-01T00:00:00.000Z","columns":[{"key":"term","label":"a \\"rows\\": [","kind":"text"}],"rows":[{"term":"}{[\\"","searches":3},{"term":"zoë","searches":1}]}`

describe('reading rows as a body arrives', () => {
  for (const size of [1, 2, 3, 7, 1000])
    test(`finds every row of a CSV fed ${size} bytes at a time`, () => {
      const every = feed(csvScanner({ every: true }), csv, size)
      expect(every).toEqual({
        count: 3,
        rows: [
          { term: 'red, "long" dress', searches: '3' },
          { term: 'two\nlines', searches: '2' },
          { term: 'zoë', searches: '1' },
        ],
      })
      const last = feed(csvScanner({ every: false }), csv, size)
      expect(last.count).toBe(3)
      expect(last.rows.at(-1)).toEqual({ term: 'zoë', searches: '1' })
    })

  for (const size of [1, 2, 5, 1000])
    test(`finds every row of a JSON document fed ${size} bytes at a time, and its head`, () => {
      const scanner = jsonScanner({ every: true })
      expect(feed(scanner, json, size)).toEqual({
        count: 2,
        rows: [
          { term: '}{["', searches: 3 },
          { term: 'zoë', searches: 1 },
        ],
      })
      expect(scanner.complete()).toBe(true)
      expect(scanner.head()).toMatchObject({ report: 'search', from: '2026-09-01T00:00:00.000Z' })
    })

  test('a document or a line cut short is not complete', () => {
    const cutJson = jsonScanner({ every: false })
    feed(cutJson, json.slice(0, -10), 64)
    expect(cutJson.complete()).toBe(false)
    const cutCsv = csvScanner({ every: false })
    feed(cutCsv, csv.slice(0, -3), 64)
    expect(cutCsv.complete()).toBe(false)
  })
})
