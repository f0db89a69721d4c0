import { describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { jsonRequest } from '@myshop/testing'
import { FormatRegistry } from '@sinclair/typebox'
import { t } from 'elysia'
import { restoredFormats } from '../src/formats.ts'
import { createHttpApp } from '../src/index.ts'

const app = createHttpApp({ service: 'formats', logger: silentLogger() }).post(
  '/contacts',
  ({ body }) => ({ email: body.email, id: body.id }),
  {
    body: t.Object({ email: t.String({ format: 'email' }), id: t.String({ format: 'uuid' }) }),
    response: t.Object({ email: t.String({ format: 'email' }), id: t.String({ format: 'uuid' }) }),
  },
)

describe('string formats', () => {
  test('the OpenAPI plugin’s per-call checks are replaced for the formats it overrides', () => {
    expect(restoredFormats).toEqual(
      expect.arrayContaining(['email', 'uuid', 'date', 'time', 'url', 'ipv4', 'ipv6', 'duration']),
    )
  })

  test.each([
    ['email', 'ada@example.com', true],
    ['email', 'first.last+tag@sub.example.co.uk', true],
    ['email', 'not-an-email', false],
    ['email', 'a@', false],
    ['uuid', '0b6c3c1e-8f0e-4d3a-9a55-0f2a0c7d9e11', true],
    ['uuid', '0b6c3c1e-8f0e-4d3a-9a55', false],
    ['date', '2026-11-26', true],
    ['date', '2026-13-40', false],
    ['url', 'https://myshop.example/a?b=c', true],
    ['url', 'not a url', false],
    ['ipv4', '192.168.1.20', true],
    ['ipv4', '300.1.1.1', false],
  ])('%s %p → %p', (format, value, valid) => {
    expect(FormatRegistry.Get(format)!(value)).toBe(valid)
  })

  test('request bodies are validated with them: a bad email is a 422 naming the field', async () => {
    const res = await app.handle(
      jsonRequest('POST', '/contacts', { email: 'nope', id: '0b6c3c1e-8f0e-4d3a-9a55-0f2a0c7d9e11' }),
    )
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.errors.map((e: { path: string }) => e.path)).toContain('/email')
  })

  test('valid values pass request and response validation', async () => {
    const body = { email: 'ada@example.com', id: '0b6c3c1e-8f0e-4d3a-9a55-0f2a0c7d9e11' }
    const res = await app.handle(jsonRequest('POST', '/contacts', body))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(body)
  })
})
