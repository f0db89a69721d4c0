import { describe, expect, test } from 'bun:test'
import { canonicalEntry, canonicalJson, entryHash, genesisHash } from './canonical.ts'

const entry = {
  streamType: 'stock',
  streamId: 'LAMP-1@default',
  type: 'stock.adjusted',
  version: 1,
  data: { delta: 5, reason: 'delivery', note: 'é ✓' },
  actor: 'usr_1',
  occurredAt: '2026-01-02T03:04:05.678Z',
  prevHash: genesisHash,
}

describe('canonicalJson', () => {
  test('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: [2, { z: 1, a: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"a":null,"z":1}]}')
  })

  test('encodes a value the same way after a JSON round trip, as stored jsonb comes back', () => {
    const value = { at: new Date('2026-01-02T03:04:05.678Z'), gone: undefined, list: [1, undefined], n: -0 }
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))))
    expect(canonicalJson(value)).toBe('{"at":"2026-01-02T03:04:05.678Z","list":[1,null],"n":0}')
  })

  test('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError)
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError)
  })
})

describe('entryHash', () => {
  test('is stable: the same entry has had the same encoding and hash since the format was fixed', () => {
    expect(canonicalEntry(entry)).toBe(
      '{"actor":"usr_1","data":{"delta":5,"note":"é ✓","reason":"delivery"},"occurredAt":"2026-01-02T03:04:05.678Z",' +
        `"prevHash":"${genesisHash}","streamId":"LAMP-1@default","streamType":"stock","type":"stock.adjusted","version":1}`,
    )
    expect(entryHash(entry)).toBe('82486bd492ae162f92e3d1c2dc92416a696ba8e29eee1669ae57f0300ff4dc4f')
  })

  test('does not depend on the order keys were written in', () => {
    const reordered = { ...entry, data: { reason: 'delivery', note: 'é ✓', delta: 5 } }
    expect(entryHash(reordered)).toBe(entryHash(entry))
  })

  test('changes with any field, the previous hash included', () => {
    const base = entryHash(entry)
    for (const changed of [
      { ...entry, data: { ...entry.data, delta: 6 } },
      { ...entry, actor: 'usr_2' },
      { ...entry, occurredAt: '2026-01-02T03:04:05.679Z' },
      { ...entry, version: 2 },
      { ...entry, prevHash: 'f'.repeat(64) },
    ])
      expect(entryHash(changed)).not.toBe(base)
  })
})
