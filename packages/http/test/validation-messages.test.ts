import { describe, expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { jsonRequest } from '@myshop/testing'
import { t } from 'elysia'
import { createHttpApp } from '../src/index.ts'

const id = (prefix: string) => t.String({ pattern: `^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$` })

const app = createHttpApp({ service: 'messages', logger: silentLogger() })
  .post('/things', ({ body }) => body, {
    body: t.Object({
      email: t.String({ format: 'email' }),
      ownerId: id('usr'),
      name: t.String({ minLength: 1, maxLength: 5, pattern: '\\S' }),
      quantity: t.Integer({ minimum: 1, maximum: 100 }),
      weight: t.Number({ minimum: 0 }),
      status: t.Union([t.Literal('draft'), t.Literal('active'), t.Literal('archived')]),
      gift: t.Optional(t.Boolean()),
      tags: t.Array(t.String(), { maxItems: 2 }),
      price: t.Object({ amount: t.Integer({ minimum: 0 }), currency: t.String({ pattern: '^[A-Z]{3}$' }) }),
      parentId: t.Union([id('cat'), t.Null()]),
      attribute: t.Optional(t.Union([t.String({ maxLength: 10 }), t.Number(), t.Boolean()])),
    }),
  })
  .get('/search', ({ query }) => query, {
    query: t.Object({
      sort: t.Optional(t.Union([t.Literal('relevance'), t.Literal('price_asc'), t.Literal('price_desc')])),
      limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
      minPrice: t.Optional(t.Numeric({ minimum: 0 })),
    }),
  })
  .get('/things/:id', ({ params }) => params, { params: t.Object({ id: id('thg') }) })

const valid = {
  email: 'ada@example.com',
  ownerId: 'usr_01J0000000000000000000000A',
  name: 'Lamp',
  quantity: 3,
  weight: 1.5,
  status: 'active',
  tags: ['a'],
  price: { amount: 100, currency: 'EUR' },
  parentId: null,
}

const problemOf = async (request: Request) => {
  const res = await app.handle(request)
  const body = (await res.json()) as {
    code: string
    detail: string
    errors: { path: string; message: string }[]
  }
  return { status: res.status, ...body }
}

describe('validation messages', () => {
  test('each field broken is named with a phrase from its schema; the detail says the first ones as sentences', async () => {
    const problem = await problemOf(
      jsonRequest('POST', '/things', {
        email: 'ada',
        ownerId: 'abc',
        name: 'Floor lamp',
        quantity: 1.5,
        weight: 'heavy',
        status: 'gone',
        gift: 'yes',
        tags: ['a', 'b', 'c'],
        price: { amount: -1, currency: 'eur' },
        parentId: 'garden',
        attribute: [],
      }),
    )
    expect(problem.status).toBe(422)
    expect(problem.code).toBe('validation_failed')
    expect(problem.errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      '/email must be an email address',
      '/ownerId must be an id like usr_…',
      '/name must be at most 5 characters',
      '/quantity must be a whole number between 1 and 100',
      '/weight must be a number of at least 0',
      '/status must be one of draft, active, archived',
      '/gift must be true or false',
      '/tags must have at most 2 items',
      '/price/amount must be a whole number of at least 0',
      '/price/currency must be three capital letters',
      '/parentId must be an id like cat_… or null',
      '/attribute must be a string, a number or a boolean',
    ])
    expect(problem.detail).toBe(
      'email must be an email address. ownerId must be an id like usr_…. name must be at most 5 characters. And 9 more problems.',
    )
  })

  test('a missing field is required, once, not also of the wrong type', async () => {
    const { name: _, price, ...rest } = valid
    const problem = await problemOf(
      jsonRequest('POST', '/things', { ...rest, price: { amount: price.amount } }),
    )
    expect(problem.errors).toEqual([
      { path: '/name', message: 'is required' },
      { path: '/price/currency', message: 'is required' },
    ])
    expect(problem.detail).toBe('name is required. price.currency is required.')
  })

  test('a blank text and an empty one say so', async () => {
    expect((await problemOf(jsonRequest('POST', '/things', { ...valid, name: ' ' }))).detail).toBe(
      'name must be text that is not blank.',
    )
    expect((await problemOf(jsonRequest('POST', '/things', { ...valid, name: '' }))).detail).toBe(
      'name must not be empty.',
    )
  })

  test('query parameters: a choice lists its options, a number its range, whichever is converted', async () => {
    const sort = await problemOf(jsonRequest('GET', '/search?sort=cheapest'))
    expect(sort.errors).toEqual([
      { path: '/sort', message: 'must be one of relevance, price_asc, price_desc' },
    ])
    expect(sort.detail).toBe('sort must be one of relevance, price_asc, price_desc.')
    for (const limit of ['500', '0', 'abc', '1.5'])
      expect((await problemOf(jsonRequest('GET', `/search?limit=${limit}`))).errors).toEqual([
        { path: '/limit', message: 'must be a whole number between 1 and 100' },
      ])
    expect((await problemOf(jsonRequest('GET', '/search?minPrice=cheap'))).errors).toEqual([
      { path: '/minPrice', message: 'must be a number of at least 0' },
    ])
  })

  test('a path id names the kind of id it must be', async () => {
    const problem = await problemOf(jsonRequest('GET', '/things/nope'))
    expect(problem.status).toBe(422)
    expect(problem.errors).toEqual([{ path: '/id', message: 'must be an id like thg_…' }])
  })

  test('no message speaks of schema internals or repeats the value sent', async () => {
    const hostile = '<script>alert(1)</script>'
    const problem = await problemOf(
      jsonRequest('POST', '/things', { ...valid, status: hostile, email: hostile, ownerId: hostile }),
    )
    const text = JSON.stringify(problem)
    expect(text).not.toContain(hostile)
    expect(text).not.toMatch(/Expected|Property '|should be|'string'|anyOf|\^usr_/)
  })

  test('a valid request passes', async () => {
    const res = await app.handle(jsonRequest('POST', '/things', valid))
    expect(res.status).toBe(200)
  })
})
