import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isId } from '@myshop/ids'
import { z } from 'zod'
import { userRegistered, userRoleChanged } from './contracts/index.ts'
import { defineEvent, PoisonMessageError, validateEnvelope } from './envelope.ts'
import { eventTablesSql } from './tables.ts'

const registered = () =>
  userRegistered.create(
    {
      userId: 'usr_01JD0000000000000000000000',
      email: 'ada@example.com',
      name: 'Ada',
      roles: ['customer'],
      registeredAt: '2025-01-01T00:00:00.000Z',
    },
    {
      source: 'user',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      requestId: 'req_1',
    },
  )

describe('defineEvent', () => {
  test('builds an envelope with an evt_ id, a UTC timestamp and the request context', () => {
    const e = registered()
    expect(isId(e.id, 'evt')).toBe(true)
    expect(e).toMatchObject({ type: 'user.registered', version: 1, source: 'user', requestId: 'req_1' })
    expect(e.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(e.traceparent).toStartWith('00-')
  })

  test('refuses to build an event whose payload breaks the contract', () => {
    expect(() =>
      userRoleChanged.create(
        {
          userId: 'usr_1',
          roles: ['admin'],
          previousRoles: 'customer',
          changedBy: 'usr_2',
          changedAt: 'now',
        } as never,
        { source: 'user' },
      ),
    ).toThrow()
  })

  test('rejects badly named types and versions', () => {
    expect(() => defineEvent({ type: 'UserRegistered', version: 1, schema: z.object({}) })).toThrow()
    expect(() => defineEvent({ type: 'user.registered', version: 0, schema: z.object({}) })).toThrow()
  })
})

describe('validateEnvelope', () => {
  test('returns the typed envelope for a known type and version', () => {
    const e = registered()
    expect(validateEnvelope([userRegistered, userRoleChanged], JSON.parse(JSON.stringify(e)))).toEqual(e)
  })

  test('treats an unknown version, an invalid payload and a malformed envelope as poison', () => {
    const e = registered()
    expect(() => validateEnvelope([userRegistered], { ...e, version: 2 })).toThrow(PoisonMessageError)
    expect(() => validateEnvelope([userRegistered], { ...e, data: { ...e.data, email: 'nope' } })).toThrow(
      PoisonMessageError,
    )
    expect(() => validateEnvelope([userRegistered], { ...e, occurredAt: 'yesterday' })).toThrow(
      PoisonMessageError,
    )
  })
})

describe('eventTablesSql', () => {
  test('matches the DDL documented for schema users, which migrations copy', () => {
    const source = readFileSync(join(import.meta.dir, 'tables.ts'), 'utf8')
    const documented = /```sql\n([\s\S]*?)```/.exec(source)?.[1]?.replace(/^ \* ?/gm, '')
    expect(documented).toBe(eventTablesSql('users'))
  })

  test('refuses a schema name that is not a plain identifier', () => {
    expect(() => eventTablesSql('Users"; drop')).toThrow()
  })
})
