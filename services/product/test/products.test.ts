import { beforeAll, describe, expect, test } from 'bun:test'
import { skuCandidates } from '../src/search/engine.ts'
import { type ProductHarness, productHarness } from './harness.ts'

let h: ProductHarness
beforeAll(async () => {
  h = await productHarness()
}, 60_000)

const count = async (table: string, where: string, value: string) =>
  Number(
    (await h.sql.unsafe(`select count(*)::int as n from catalog.${table} where ${where} = $1`, [value]))[0]!
      .n,
  )

describe('POST /api/v1/products', () => {
  test('creates a product with variants and categories, emits product.created through the outbox', async () => {
    const cat = (await h.call('POST', '/api/v1/categories', { name: h.unique('Shoes') }, h.as(h.manager)))
      .body
    const sku = h.unique('RUN').toUpperCase()
    const res = await h.call(
      'POST',
      '/api/v1/products',
      {
        name: 'Trail Runner 2',
        brand: 'Stride',
        description: 'A light shoe for rough paths',
        attributes: { waterproof: true },
        status: 'active',
        categoryIds: [cat.id],
        variants: [
          {
            sku: `${sku}-42`,
            options: { size: '42' },
            price: { amount: 12900, currency: 'EUR' },
            compareAtPrice: { amount: 15900, currency: 'EUR' },
          },
          { sku: `${sku}-43`, options: { size: '43' }, price: { amount: 11900, currency: 'EUR' } },
        ],
      },
      h.as(h.manager),
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'Trail Runner 2',
      slug: expect.stringMatching(/^trail-runner-2/),
      brand: 'Stride',
      status: 'active',
      price: { amount: 11900, currency: 'EUR' },
      categories: [{ id: cat.id, path: cat.path }],
    })
    expect(res.body.variants.map((v: { sku: string }) => v.sku)).toEqual([`${sku}-42`, `${sku}-43`])
    // The options a variant picker shows, values in the variants' order.
    expect(res.body.options).toEqual([{ name: 'size', values: ['42', '43'] }])
    expect(res.body.variants[0].compareAtPrice).toEqual({ amount: 15900, currency: 'EUR' })
    const [event] =
      await h.sql`select type, data from catalog.outbox where data->>'productId' = ${res.body.id}`
    expect(event?.type).toBe('product.created')
    expect(event?.data.variants).toHaveLength(2)
  })

  test('a duplicate SKU is 409 and writes nothing', async () => {
    const first = await h.product()
    const sku = first.variants[0].sku
    const name = h.unique('Copy')
    const res = await h.call(
      'POST',
      '/api/v1/products',
      { name, variants: [{ sku, price: { amount: 1, currency: 'EUR' } }] },
      h.as(h.manager),
    )
    expect(res.status).toBe(409)
    expect(await count('products', 'name', name)).toBe(0)
  })

  test.each([
    ['a negative price', { variants: [{ sku: 'NEG-1', price: { amount: -1, currency: 'EUR' } }] }],
    ['an unknown currency', { variants: [{ sku: 'CUR-1', price: { amount: 100, currency: 'ABC' } }] }],
    ['a lower-case currency', { variants: [{ sku: 'CUR-2', price: { amount: 100, currency: 'eur' } }] }],
    ['the code for no currency', { variants: [{ sku: 'CUR-3', price: { amount: 100, currency: 'XXX' } }] }],
    ['gold', { variants: [{ sku: 'CUR-4', price: { amount: 100, currency: 'XAU' } }] }],
    ['a withdrawn currency', { variants: [{ sku: 'CUR-5', price: { amount: 100, currency: 'DEM' } }] }],
    ['no variants', { variants: [] }],
    ['a missing price', { variants: [{ sku: 'NOP-1' }] }],
    [
      'mixed currencies',
      {
        variants: [
          { sku: 'MIX-1', price: { amount: 1, currency: 'EUR' } },
          { sku: 'MIX-2', price: { amount: 1, currency: 'USD' } },
        ],
      },
    ],
    [
      'the same SKU twice',
      {
        variants: [
          { sku: 'DUP-1', price: { amount: 1, currency: 'EUR' } },
          { sku: 'DUP-1', price: { amount: 2, currency: 'EUR' } },
        ],
      },
    ],
    [
      'an unknown category',
      {
        categoryIds: ['cat_00000000000000000000000000'],
        variants: [{ sku: 'CAT-1', price: { amount: 1, currency: 'EUR' } }],
      },
    ],
  ])('rejects %s with 422 and writes nothing', async (_, extra) => {
    const name = h.unique('Bad')
    const res = await h.call('POST', '/api/v1/products', { name, ...extra }, h.as(h.manager))
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await count('products', 'name', name)).toBe(0)
  })

  test('a missing name is 422; malformed JSON is 400', async () => {
    expect(
      (
        await h.call(
          'POST',
          '/api/v1/products',
          { variants: [{ sku: 'X-1', price: { amount: 1, currency: 'EUR' } }] },
          h.as(h.manager),
        )
      ).status,
    ).toBe(422)
    expect((await h.call('POST', '/api/v1/products', '{"name":', h.as(h.manager))).status).toBe(400)
  })
})

describe('RBAC on every write route', () => {
  const writes = (id: string, catId: string): [string, string, unknown][] => [
    [
      'POST',
      '/api/v1/products',
      { name: 'X', variants: [{ sku: 'RBAC-1', price: { amount: 1, currency: 'EUR' } }] },
    ],
    ['PATCH', `/api/v1/products/${id}`, { name: 'Renamed' }],
    ['DELETE', `/api/v1/products/${id}`, undefined],
    ['POST', '/api/v1/categories', { name: 'X' }],
    ['PATCH', `/api/v1/categories/${catId}`, { name: 'Y' }],
    ['DELETE', `/api/v1/categories/${catId}`, undefined],
    [
      'POST',
      '/api/v1/catalog/import',
      { rows: [{ line: 1, sku: 'RBAC-2', name: 'X', price: '1.00', currency: 'EUR' }] },
    ],
    ['GET', '/api/v1/catalog/export', undefined],
    ['POST', '/api/v1/catalog/reindex', undefined],
  ]

  test('anonymous callers get 401 and customers 403, and nothing changes', async () => {
    const p = await h.product()
    const cat = (await h.call('POST', '/api/v1/categories', { name: h.unique('Rbac') }, h.as(h.manager))).body
    for (const [method, path, body] of writes(p.id, cat.id)) {
      expect([method, path, (await h.call(method, path, body)).status]).toEqual([method, path, 401])
      expect([method, path, (await h.call(method, path, body, h.as(h.customer))).status]).toEqual([
        method,
        path,
        403,
      ])
    }
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).body.name).toBe(p.name)
    expect(await count('categories', 'id', cat.id)).toBe(1)
  })

  test('admins may write too', async () => {
    const admin = await h.issuer.sign(['admin'])
    const res = await h.call('POST', '/api/v1/categories', { name: h.unique('ByAdmin') }, h.as(admin))
    expect(res.status).toBe(201)
  })
})

describe('GET /api/v1/products/:id', () => {
  test('finds a product by id or slug, with ETag, Cache-Control and 304 on If-None-Match', async () => {
    const p = await h.product()
    const byId = await h.call('GET', `/api/v1/products/${p.id}`)
    expect(byId.status).toBe(200)
    expect(byId.body.id).toBe(p.id)
    expect(byId.headers.get('cache-control')).toContain('public')
    const etag = byId.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect((await h.call('GET', `/api/v1/products/${p.slug}`)).body.id).toBe(p.id)
    const again = await h.call('GET', `/api/v1/products/${p.id}`, undefined, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(again.headers.get('etag')).toBe(etag)
  })

  test('cache hits carry their own request id and every header a fresh response has', async () => {
    const p = await h.product()
    const miss = await h.call('GET', `/api/v1/products/${p.id}`, undefined, {
      'x-request-id': 'client-first-0001',
    })
    const hits = await Promise.all(
      ['client-hit-00001', 'client-hit-00002'].map((id) =>
        h.call('GET', `/api/v1/products/${p.id}`, undefined, { 'x-request-id': id }),
      ),
    )
    expect(miss.headers.get('x-request-id')).toBe('client-first-0001')
    expect(hits.map((r) => r.headers.get('x-request-id'))).toEqual(['client-hit-00001', 'client-hit-00002'])
    for (const res of [miss, ...hits]) {
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('vary')).toBe('Authorization')
      expect(res.headers.get('etag')).toBe(miss.headers.get('etag'))
    }
    expect(hits.map((r) => r.headers.get('x-cache'))).toEqual(['HIT', 'HIT'])
    // Hits share one built response's body: each still carries all of it.
    expect(hits.map((r) => r.body)).toEqual([miss.body, miss.body])
    const notModified = await h.call('GET', `/api/v1/products/${p.id}`, undefined, {
      'if-none-match': miss.headers.get('etag')!,
      'x-request-id': 'client-304-00001',
    })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('x-request-id')).toBe('client-304-00001')
    expect(notModified.headers.get('content-type')).toBeNull()
  })

  test('drafts and archived products are invisible to shoppers but visible to managers', async () => {
    const draft = await h.product({ status: 'draft' })
    expect((await h.call('GET', `/api/v1/products/${draft.id}`)).status).toBe(404)
    expect((await h.call('GET', `/api/v1/products/${draft.id}`, undefined, h.as(h.customer))).status).toBe(
      404,
    )
    const seen = await h.call('GET', `/api/v1/products/${draft.id}`, undefined, h.as(h.manager))
    expect(seen.status).toBe(200)
    expect(seen.headers.get('cache-control')).toBe('private, no-store')
  })

  test('an unknown product is 404 problem+json', async () => {
    const res = await h.call('GET', '/api/v1/products/prd_00000000000000000000000000')
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('not_found')
  })
})

describe('PATCH and DELETE /api/v1/products/:id', () => {
  test('an update is visible on the next read (cache invalidated) and emits product.updated and price.changed', async () => {
    const p = await h.product()
    await h.call('GET', `/api/v1/products/${p.id}`) // warm the cache
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).headers.get('x-cache')).toBe('HIT')
    const sku = p.variants[0].sku
    const res = await h.call(
      'PATCH',
      `/api/v1/products/${p.id}`,
      { name: 'Renamed Widget', variants: [{ sku, price: { amount: 2499, currency: 'EUR' } }] },
      h.as(h.manager),
    )
    expect(res.status).toBe(200)
    const read = await h.call('GET', `/api/v1/products/${p.id}`)
    expect(read.headers.get('x-cache')).toBe('MISS')
    expect(read.body).toMatchObject({ name: 'Renamed Widget', price: { amount: 2499, currency: 'EUR' } })
    expect(read.body.variants[0].id).toBe(p.variants[0].id)
    const events =
      await h.sql`select type, data from catalog.outbox where data->>'productId' = ${p.id} order by seq`
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'price.changed'])
    expect(events[2]!.data).toMatchObject({ sku, previous: { amount: 1999 }, current: { amount: 2499 } })
  })

  test('an invalid patch is 422 and changes nothing; an unknown product is 404', async () => {
    const p = await h.product()
    expect(
      (await h.call('PATCH', `/api/v1/products/${p.id}`, { status: 'gone' }, h.as(h.manager))).status,
    ).toBe(422)
    expect((await h.call('PATCH', `/api/v1/products/${p.id}`, {}, h.as(h.manager))).status).toBe(422)
    expect(
      (
        await h.call(
          'PATCH',
          `/api/v1/products/${p.id}`,
          { variants: [{ sku: 'Z-1', price: { amount: -5, currency: 'EUR' } }] },
          h.as(h.manager),
        )
      ).status,
    ).toBe(422)
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).body.variants[0].sku).toBe(p.variants[0].sku)
    expect(
      (
        await h.call(
          'PATCH',
          '/api/v1/products/prd_00000000000000000000000000',
          { name: 'X' },
          h.as(h.manager),
        )
      ).status,
    ).toBe(404)
  })

  test('delete removes the product and its variants and emits product.deleted with the SKUs', async () => {
    const p = await h.product()
    await h.call('GET', `/api/v1/products/${p.id}`)
    expect((await h.call('DELETE', `/api/v1/products/${p.id}`, undefined, h.as(h.manager))).status).toBe(204)
    expect((await h.call('GET', `/api/v1/products/${p.id}`)).status).toBe(404)
    expect(await count('variants', 'product_id', p.id)).toBe(0)
    const [event] =
      await h.sql`select data from catalog.outbox where type = 'product.deleted' and data->>'productId' = ${p.id}`
    expect(event?.data.skus).toEqual([p.variants[0].sku])
    expect((await h.call('DELETE', `/api/v1/products/${p.id}`, undefined, h.as(h.manager))).status).toBe(404)
  })
})

describe('categories', () => {
  test('a tree: child paths follow a renamed parent; non-empty categories cannot be deleted', async () => {
    const root = (
      await h.call('POST', '/api/v1/categories', { name: h.unique('Electronics') }, h.as(h.manager))
    ).body
    const child = (
      await h.call('POST', '/api/v1/categories', { name: 'Phones', parentId: root.id }, h.as(h.manager))
    ).body
    expect(child.path).toBe(`${root.name} > Phones`)
    const renamed = await h.call(
      'PATCH',
      `/api/v1/categories/${root.id}`,
      { name: `${root.name} Store` },
      h.as(h.manager),
    )
    expect(renamed.status).toBe(200)
    expect((await h.call('GET', `/api/v1/categories/${child.id}`)).body.path).toBe(
      `${root.name} Store > Phones`,
    )
    const refused = await h.call('DELETE', `/api/v1/categories/${root.id}`, undefined, h.as(h.manager))
    expect(refused.status).toBe(409)
    expect(refused.body.detail).toBe('The category still has 1 subcategory and 0 products')
    expect(
      (await h.call('PATCH', `/api/v1/categories/${root.id}`, { parentId: child.id }, h.as(h.manager)))
        .status,
    ).toBe(409)
    expect(
      (await h.call('DELETE', `/api/v1/categories/${child.id}`, undefined, h.as(h.manager))).status,
    ).toBe(204)
    expect((await h.call('DELETE', `/api/v1/categories/${root.id}`, undefined, h.as(h.manager))).status).toBe(
      204,
    )
    const list = (await h.call('GET', '/api/v1/categories')).body.items.map((c: { id: string }) => c.id)
    expect(list).not.toContain(root.id)
  })

  test('bad input: 422 for an empty name or unknown parent, 409 for a duplicate slug, 404 unknown', async () => {
    expect((await h.call('POST', '/api/v1/categories', { name: '' }, h.as(h.manager))).status).toBe(422)
    expect(
      (
        await h.call(
          'POST',
          '/api/v1/categories',
          { name: 'X', parentId: 'cat_00000000000000000000000000' },
          h.as(h.manager),
        )
      ).status,
    ).toBe(422)
    const slug = h.unique('dup').toLowerCase()
    expect((await h.call('POST', '/api/v1/categories', { name: 'A', slug }, h.as(h.manager))).status).toBe(
      201,
    )
    expect((await h.call('POST', '/api/v1/categories', { name: 'B', slug }, h.as(h.manager))).status).toBe(
      409,
    )
    expect((await h.call('GET', '/api/v1/categories/nope')).status).toBe(404)
  })
})

describe('POST /api/v1/catalog/import', () => {
  test('upserts by SKU, creates category paths, keeps going past bad rows and reports them by line', async () => {
    const sku = h.unique('IMP').toUpperCase()
    const top = h.unique('Garden')
    const rows = [
      {
        line: 2,
        sku: `${sku}-1`,
        name: 'Hose 20 m',
        brand: 'Flow',
        category: `${top} > Watering`,
        price: '24.99',
        currency: 'EUR',
      },
      { line: 3, sku: `${sku}-2`, name: 'Rake', category: `${top} > Tools`, price: '12', currency: 'EUR' },
      { line: 4, sku: `${sku}-3`, name: 'Bad price', price: '-3.00', currency: 'EUR' },
      { line: 5, sku: `${sku}-4`, name: 'Bad currency', price: '3.00', currency: 'XYZ' },
      { line: 6, sku: '', name: 'No SKU', price: '3.00', currency: 'EUR' },
      { line: 7, sku: `${sku}-5`, name: 'Too precise', price: '1.999', currency: 'EUR' },
      { line: 8, sku: `${sku}-6`, name: 'Withdrawn currency', price: '3.00', currency: 'FRF' },
    ]
    const res = await h.call('POST', '/api/v1/catalog/import', { rows }, h.as(h.manager))
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(2)
    expect(res.body.failed.map((f: { line: number }) => f.line)).toEqual([4, 5, 6, 7, 8])
    expect(res.body.failed.at(-1).errors).toEqual([{ path: '/currency', message: 'unknown currency FRF' }])
    const hose = (
      await h.sql`select p.name, p.min_price_amount, p.status from catalog.products p join catalog.variants v on v.product_id = p.id where v.sku = ${`${sku}-1`}`
    )[0]
    expect(hose).toMatchObject({ name: 'Hose 20 m', min_price_amount: 2499, status: 'active' })
    const paths = (
      await h.sql`select path from catalog.categories where path like ${`${top}%`} order by path`
    ).map((r) => r.path)
    expect(paths).toEqual([top, `${top} > Tools`, `${top} > Watering`])

    const again = await h.call(
      'POST',
      '/api/v1/catalog/import',
      { rows: [{ ...rows[0], name: 'Hose 25 m', price: '29.99' }] },
      h.as(h.manager),
    )
    expect(again.body).toMatchObject({ created: 0, updated: 1, failed: [] })
    const updated = (
      await h.sql`select p.name, p.min_price_amount from catalog.products p join catalog.variants v on v.product_id = p.id where v.sku = ${`${sku}-1`}`
    )[0]
    expect(updated).toMatchObject({ name: 'Hose 25 m', min_price_amount: 2999 })
    const types = (
      await h.sql`select type from catalog.outbox where data->>'sku' = ${`${sku}-1`} or data->'variants'->0->>'sku' = ${`${sku}-1`} order by seq`
    ).map((r) => r.type)
    expect(types).toEqual(['product.created', 'product.updated', 'price.changed'])
  })

  test('an empty or oversized batch is 422', async () => {
    expect((await h.call('POST', '/api/v1/catalog/import', { rows: [] }, h.as(h.manager))).status).toBe(422)
  })
})

describe('POST /api/v1/catalog/reindex', () => {
  test('runs in the background: 202 with a job, then the job reports every product indexed', async () => {
    await h.product()
    const started = await h.call('POST', '/api/v1/catalog/reindex', undefined, h.as(h.manager))
    expect(started.status).toBe(202)
    expect(started.body).toMatchObject({ engine: 'postgres', status: 'running' })
    expect(started.headers.get('location')).toBe(`/api/v1/catalog/reindex/${started.body.jobId}`)
    let job = started.body
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await Bun.sleep(50)
      job = (await h.call('GET', `/api/v1/catalog/reindex/${started.body.jobId}`, undefined, h.as(h.manager)))
        .body
    }
    const [row] = await h.sql`select count(*)::int as n from catalog.products`
    expect(job).toMatchObject({ status: 'succeeded', indexed: row!.n, error: null })
    expect(job.finishedAt).toBeString()
  })

  test('an unknown job is 404; customers cannot read jobs', async () => {
    expect(
      (await h.call('GET', '/api/v1/catalog/reindex/rix_unknown', undefined, h.as(h.manager))).status,
    ).toBe(404)
    expect(
      (await h.call('GET', '/api/v1/catalog/reindex/rix_unknown', undefined, h.as(h.customer))).status,
    ).toBe(403)
  })
})

describe('GET /api/v1/catalog/export', () => {
  test('pages through every product in every status', async () => {
    const draft = await h.product({ status: 'draft' })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await h.call(
          'GET',
          `/api/v1/catalog/export?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          h.as(h.manager),
        )
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((p) => p.id))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toContain(draft.id)
    expect(new Set(seen).size).toBe(seen.length)
    const [row] = await h.sql`select count(*)::int as n from catalog.products`
    expect(seen.length).toBe(row!.n)
  })

  test('is for catalog managers only, and a bad page size or cursor is a 422 naming it', async () => {
    expect((await h.call('GET', '/api/v1/catalog/export')).status).toBe(401)
    expect((await h.call('GET', '/api/v1/catalog/export', undefined, h.as(h.customer))).status).toBe(403)
    for (const [query, path] of [
      ['limit=0', '/limit'],
      ['limit=1001', '/limit'],
      ["cursor=prd_' or 1=1 --", '/cursor'],
    ] as const) {
      const res = await h.call(
        'GET',
        `/api/v1/catalog/export?${encodeURI(query)}`,
        undefined,
        h.as(h.manager),
      )
      expect({ query, status: res.status }).toEqual({ query, status: 422 })
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path])
    }
  })
})

describe('GET /api/v1/products: totals and facets across pages', () => {
  test('later pages carry the first page facets, and a write recounts them', async () => {
    const brand = h.unique('Pager').replace('-', '')
    for (let i = 0; i < 5; i++) await h.product({ brand, name: `${brand} lamp ${i}` })
    const first = await h.call('GET', `/api/v1/products?brand=${brand}&limit=2&sort=price_asc`)
    expect(first.body.total).toBe(5)
    const second = await h.call(
      'GET',
      `/api/v1/products?brand=${brand}&limit=2&sort=price_asc&cursor=${first.body.nextCursor}`,
    )
    expect(second.status).toBe(200)
    expect(second.body.total).toBe(5)
    expect(second.body.facets).toEqual(first.body.facets)
    expect(second.body.items.map((p: { id: string }) => p.id)).not.toContain(first.body.items[0].id)
    const newest = await h.call('GET', `/api/v1/products?brand=${brand}&limit=2&sort=newest`)
    expect(newest.body.total).toBe(5)
    await h.product({ brand, name: `${brand} lamp 5` })
    const after = await h.call(
      'GET',
      `/api/v1/products?brand=${brand}&limit=2&sort=price_asc&cursor=${first.body.nextCursor}`,
    )
    expect(after.body.total).toBe(6)
  })
})

describe('GET /api/v1/products: facets follow every write path', () => {
  const category = async (name: string): Promise<{ id: string; path: string }> =>
    (await h.call('POST', '/api/v1/categories', { name: h.unique(name) }, h.as(h.manager))).body
  /** The category ids kept on the product row, beside the links they are derived from. */
  const categoryIdsOf = async (productId: string) => {
    const [row] = await h.sql<{ kept: string[]; linked: string[] }[]>`
      select p.category_ids as kept,
        array(select category_id from catalog.product_categories where product_id = p.id order by category_id) as linked
      from catalog.products p where p.id = ${productId}`
    return row!
  }

  test('an update that changes categories, brand and price moves the product between facet counts', async () => {
    const [lamps, desks, sale] = [await category('Lamps'), await category('Desks'), await category('Sale')]
    const brand = h.unique('Before').replace('-', '')
    const newBrand = h.unique('After').replace('-', '')
    const p = await h.product({ brand, categoryIds: [lamps.id] })
    expect(await categoryIdsOf(p.id)).toEqual({ kept: [lamps.id], linked: [lamps.id] })

    const res = await h.call(
      'PATCH',
      `/api/v1/products/${p.id}`,
      {
        brand: newBrand,
        categoryIds: [sale.id, desks.id],
        variants: [{ sku: p.variants[0].sku, price: { amount: 30_000, currency: 'EUR' } }],
      },
      h.as(h.manager),
    )
    expect(res.status).toBe(200)
    const both = [desks.id, sale.id].sort()
    expect(await categoryIdsOf(p.id)).toEqual({ kept: both, linked: both })

    expect((await h.call('GET', `/api/v1/products?category=${lamps.id}`)).body.total).toBe(0)
    expect((await h.call('GET', `/api/v1/products?brand=${brand}`)).body.total).toBe(0)
    const moved = await h.call('GET', `/api/v1/products?category=${desks.id}`)
    expect(moved.body.total).toBe(1)
    expect(moved.body.items.map((i: { id: string }) => i.id)).toEqual([p.id])
    expect(moved.body.facets.brands).toEqual([{ value: newBrand.toLowerCase(), label: newBrand, count: 1 }])
    expect(moved.body.facets.categories).toEqual(
      [desks, sale]
        .map((c) => ({ value: c.id, label: c.path, count: 1 }))
        .sort((a, b) => (a.value < b.value ? -1 : 1)),
    )
    expect(moved.body.facets.prices.filter((b: { count: number }) => b.count > 0)).toEqual([
      { from: 25_000, to: 50_000, count: 1 },
    ])
  })

  test('a bulk import keeps the category ids of the products it creates and updates', async () => {
    const sku = h.unique('FACET').toUpperCase()
    const top = h.unique('Workshop')
    const importInto = (category: string) =>
      h.call(
        'POST',
        '/api/v1/catalog/import',
        { rows: [{ line: 2, sku, name: 'Bench vise', price: '49.00', currency: 'EUR', category }] },
        h.as(h.manager),
      )
    expect((await importInto(`${top} > Tools`)).body).toMatchObject({ created: 1, failed: [] })
    const [product] = await h.sql<{ id: string }[]>`
      select product_id as id from catalog.variants where sku = ${sku}`
    const tools = await categoryIdsOf(product!.id)
    expect(tools.kept).toHaveLength(1)
    expect(tools.kept).toEqual(tools.linked)

    expect((await importInto(`${top} > Clamps`)).body).toMatchObject({ updated: 1, failed: [] })
    const both = await categoryIdsOf(product!.id)
    expect(both.kept).toHaveLength(2)
    expect(both.kept).toEqual(both.linked)
    const [root] = await h.sql<{ id: string }[]>`select id from catalog.categories where path = ${top}`
    const inTree = await h.call('GET', `/api/v1/products?category=${root!.id}`)
    expect(inTree.body.total).toBe(1)
    expect(inTree.body.facets.categories.map((c: { count: number }) => c.count)).toEqual([1, 1])
  })
})

describe('GET /api/v1/products and /products/suggest: what shoppers may ask', () => {
  test('a search finds active products by a typo and a prefix, with facets and a cursor', async () => {
    const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
    const made = []
    for (let i = 0; i < 3; i++)
      made.push(await h.product({ name: `${word} Teapot ${i}`, brand: 'Kettleworks' }))
    const typo = `${word.slice(0, 4)}${word[5]}${word[4]}${word.slice(6)}`
    const found = await h.call('GET', `/api/v1/products?q=${typo}&limit=2`)
    expect(found.status).toBe(200)
    expect(found.body.total).toBe(3)
    expect(found.body.items).toHaveLength(2)
    expect(found.body.facets.brands).toEqual([{ value: 'kettleworks', label: 'Kettleworks', count: 3 }])
    const rest = await h.call('GET', `/api/v1/products?q=${typo}&limit=2&cursor=${found.body.nextCursor}`)
    expect([...found.body.items, ...rest.body.items].map((p: { id: string }) => p.id).sort()).toEqual(
      made.map((p) => p.id).sort(),
    )
    const prefix = await h.call('GET', `/api/v1/products?q=${word.slice(0, 8)}`)
    expect(prefix.body.total).toBe(3)
  })

  test('bad listing queries are 422 problems naming the field', async () => {
    for (const [query, path] of [
      ['minPrice=-1', '/minPrice'],
      ['maxPrice=ten', '/maxPrice'],
      ['minPrice=1e23', '/minPrice'],
      ['maxPrice=99999999999999999999', '/maxPrice'],
      ['minPrice=1000000000001', '/minPrice'],
      ['minPrice=500&maxPrice=100', '/minPrice'],
      ['limit=0', '/limit'],
      ['limit=101', '/limit'],
      ['sort=cheapest', '/sort'],
      ['category=no-such-category', '/category'],
      [`q=${'x'.repeat(201)}`, '/q'],
      ['option=Colour', '/option'],
      ['option=:Navy', '/option'],
      ['option=Colour:', '/option'],
      [`option=Colour:${'x'.repeat(101)}`, '/option'],
      [Array.from({ length: 21 }, (_, i) => `option=Size:${i}`).join('&'), '/option'],
    ] as const) {
      const res = await h.call('GET', `/api/v1/products?${query}`)
      expect({ query, status: res.status }).toEqual({ query, status: 422 })
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.code).toBe('validation_failed')
      expect(JSON.stringify(res.body.errors)).toContain(path)
    }
  })

  test('a cursor the API did not issue, or issued for another sort, is refused', async () => {
    await h.product()
    const forged = await h.call('GET', '/api/v1/products?cursor=bm90LWEtY3Vyc29y')
    expect(forged.status).toBe(422)
    expect(forged.body.detail).toContain('not one this API issued')
    const page = await h.call('GET', '/api/v1/products?limit=1&sort=price_asc')
    const crossed = await h.call('GET', `/api/v1/products?limit=1&sort=newest&cursor=${page.body.nextCursor}`)
    expect(crossed.status).toBe(422)
    expect(crossed.body.detail).toContain('different sort order')
  })

  test('a forged cursor whose values are not of the types its sort issues is a 422, and reads keep working', async () => {
    const mine = await h.product()
    const forge = (s: string, a: unknown[]) => Buffer.from(JSON.stringify({ s, a })).toString('base64url')
    const forged = [
      ['newest', [true, mine.id]],
      ['newest', ['yesterday', mine.id]],
      ['newest', ['1', mine.id]],
      ['newest', ['2026-13-45 10:00:00+00', mine.id]],
      ['price_asc', ['abc', mine.id]],
      ['price_asc', [1999, mine.id]],
      ['price_asc', ['1e30', mine.id]],
      ['price_desc', ['99999999999999999999', mine.id]],
      ['price_desc', ['1999', false]],
      ['price_desc', ['1999', 'prd_\u0000']],
      ['relevance', ['NaN', mine.id]],
      ['relevance', [0.5, mine.id]],
    ] as const
    // Three rounds, each beside ordinary reads: a forged cursor once left embedded PostgreSQL's one connection stuck.
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all([
        ...forged.map(([sort, a]) =>
          h.call(
            'GET',
            `/api/v1/products?sort=${sort}&q=${sort === 'relevance' ? 'widget' : ''}&cursor=${forge(sort, [...a])}`,
          ),
        ),
        h.call('GET', `/api/v1/products/${mine.id}`),
      ])
      for (const [i, res] of responses.slice(0, -1).entries()) {
        expect({ cursor: forged[i], status: res.status }).toEqual({ cursor: forged[i], status: 422 })
        expect(res.body).toMatchObject({
          code: 'validation_failed',
          detail: 'The cursor is not one this API issued',
        })
      }
      expect(responses.at(-1)!.status).toBe(200)
    }
    const page = await h.call('GET', '/api/v1/products?limit=1&sort=newest')
    expect(page.body.nextCursor).toEqual(expect.any(String))
    const next = await h.call('GET', `/api/v1/products?limit=1&sort=newest&cursor=${page.body.nextCursor}`)
    expect(next.status).toBe(200)
    expect((await h.call('GET', '/ready')).status).toBe(200)
  })

  test('bad suggestion queries are 422 problems', async () => {
    for (const query of [
      '',
      'q=',
      `q=${'x'.repeat(101)}`,
      'q=ab&limit=0',
      'q=ab&limit=21',
      'q=ab&limit=many',
    ]) {
      const res = await h.call('GET', `/api/v1/products/suggest?${query}`)
      expect({ query, status: res.status }).toEqual({ query, status: 422 })
      expect(res.body.code).toBe('validation_failed')
    }
  })

  test('a SKU typed whole, in any case, finds its product first; a word with no digit is not taken for one', async () => {
    const code = `ZQ${crypto.randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}-7`
    const wanted = await h.product({
      name: 'Plain Mug',
      variants: [{ sku: code, price: { amount: 900, currency: 'EUR' } }],
    })
    for (const q of [code, code.toLowerCase()]) {
      const found = await h.call('GET', `/api/v1/products?q=${encodeURIComponent(q)}`)
      expect(found.status).toBe(200)
      expect(found.body.items[0]?.id).toBe(wanted.id)
    }
    expect(skuCandidates('mug')).toEqual([])
    expect(skuCandidates('iphone 15')).toEqual([])
    expect(skuCandidates(' app-000001 ')).toEqual(['app-000001', 'APP-000001'])
    expect(skuCandidates('ABC-1')).toEqual(['ABC-1'])
  })

  test("a variant's option values find its product, below a product that has the word in its name", async () => {
    const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
    const sku = h.unique('OPT').toUpperCase()
    const jacket = await h.product({
      name: `${word} Shell Jacket`,
      variants: [
        { sku: `${sku}-M`, options: { Size: 'M', Colour: 'Navy' }, price: { amount: 9900, currency: 'EUR' } },
        { sku: `${sku}-L`, options: { Size: 'L', Colour: 'Navy' }, price: { amount: 9900, currency: 'EUR' } },
      ],
    })
    const parka = await h.product({ name: `${word} Navy Parka` })
    const ids = async (q: string) =>
      (await h.call('GET', `/api/v1/products?q=${encodeURIComponent(q)}`)).body.items.map(
        (p: { id: string }) => p.id,
      )
    expect(await ids(`${word} navy`)).toEqual([parka.id, jacket.id])
    expect(await ids(`${word} xl`)).toEqual([])
    expect(await ids(`${word} sage`)).toEqual([])

    // A changed option is found on the next read, and the old one no longer.
    const changed = await h.call(
      'PATCH',
      `/api/v1/products/${jacket.id}`,
      {
        variants: [
          {
            sku: `${sku}-M`,
            options: { Size: 'M', Colour: 'Sage' },
            price: { amount: 9900, currency: 'EUR' },
          },
          {
            sku: `${sku}-XL`,
            options: { Size: 'XL', Colour: 'Sage' },
            price: { amount: 9900, currency: 'EUR' },
          },
        ],
      },
      h.as(h.manager),
    )
    expect(changed.status).toBe(200)
    expect(changed.body.options).toEqual([
      { name: 'Size', values: ['M', 'XL'] },
      { name: 'Colour', values: ['Sage'] },
    ])

    // The merchant's order of option names is kept (PostgreSQL's jsonb would put Size first, being shorter), in the
    // product's options and in each variant's.
    const reordered = await h.call(
      'PATCH',
      `/api/v1/products/${jacket.id}`,
      {
        variants: [
          {
            sku: `${sku}-M`,
            options: { Colour: 'Sage', Size: 'M' },
            price: { amount: 9900, currency: 'EUR' },
          },
          {
            sku: `${sku}-XL`,
            options: { Colour: 'Sage', Size: 'XL' },
            price: { amount: 9900, currency: 'EUR' },
          },
        ],
      },
      h.as(h.manager),
    )
    expect(reordered.body.options.map((o: { name: string }) => o.name)).toEqual(['Colour', 'Size'])
    const read = await h.call('GET', `/api/v1/products/${jacket.id}`, undefined, h.as(h.manager))
    expect(read.body.options.map((o: { name: string }) => o.name)).toEqual(['Colour', 'Size'])
    expect(Object.keys(read.body.variants[0].options)).toEqual(['Colour', 'Size'])
    expect(await ids(`${word} sage`)).toEqual([jacket.id])
    expect(await ids(`${word} xl`)).toEqual([jacket.id])
    expect(await ids(`${word} navy`)).toEqual([parka.id])
  })

  test('variant options filter the listing and are counted as facets; drafts never count', async () => {
    const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
    const sku = h.unique('FAC').toUpperCase()
    const variant = (suffix: string, options: Record<string, string>) => ({
      sku: `${sku}-${suffix}`,
      options,
      price: { amount: 4900, currency: 'EUR' },
    })
    const navy = await h.product({
      name: `${word} Hoodie`,
      variants: [variant('1', { Size: 'M', Colour: 'Navy' }), variant('2', { Size: 'L', Colour: 'Navy' })],
    })
    const mixed = await h.product({
      name: `${word} Tee`,
      variants: [variant('3', { Size: 'M', Colour: 'navy' }), variant('4', { Size: 'S', Colour: 'Crème' })],
    })
    await h.product({
      name: `${word} Draft Tee`,
      status: 'draft',
      variants: [variant('5', { Size: 'M', Colour: 'Navy' })],
    })
    const list = async (filters: string) => {
      const res = await h.call('GET', `/api/v1/products?q=${word}&sort=newest&${filters}`)
      expect(res.status).toBe(200)
      return res
    }
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id).sort()

    const all = await list('')
    // Options by their most frequent value, then by name; values by count, then value.
    expect(all.body.facets.options).toEqual([
      {
        name: 'colour',
        label: 'Colour',
        values: [
          // Spelled Navy by one product and navy by the other: a tie goes to the first in byte order.
          { value: 'navy', label: 'Navy', count: 2 },
          { value: 'creme', label: 'Crème', count: 1 },
        ],
      },
      {
        name: 'size',
        label: 'Size',
        values: [
          { value: 'm', label: 'M', count: 2 },
          { value: 'l', label: 'L', count: 1 },
          { value: 's', label: 'S', count: 1 },
        ],
      },
    ])
    // Case and accents aside; values of one option widen, options narrow.
    expect(ids(await list('option=colour:NAVY'))).toEqual([navy.id, mixed.id].sort())
    expect(ids(await list('option=Colour:creme'))).toEqual([mixed.id])
    expect(ids(await list('option=Size:L&option=Size:S'))).toEqual([navy.id, mixed.id].sort())
    const narrowed = await list('option=Size:L&option=Colour:Navy')
    expect(ids(narrowed)).toEqual([navy.id])
    expect(narrowed.body.total).toBe(1)
    // Sizes are counted without the size filter, over the navy products: what each size would add.
    expect(narrowed.body.facets.options.find((o: { name: string }) => o.name === 'size').values).toEqual([
      { value: 'm', label: 'M', count: 2 },
      { value: 'l', label: 'L', count: 1 },
      { value: 's', label: 'S', count: 1 },
    ])
    // Colours, without the colour filter, over the size-L products.
    expect(narrowed.body.facets.options.find((o: { name: string }) => o.name === 'colour').values).toEqual([
      { value: 'navy', label: 'Navy', count: 1 },
    ])
    expect((await list('option=Colour:Teal')).body).toMatchObject({ items: [], total: 0 })

    // The same filters in another order are the same cached listing.
    const first = await list('option=Size:M&option=Colour:Navy')
    const again = await list('option=Colour:Navy&option=Size:M')
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('x-cache')).toBe('HIT')

    // A changed option is filtered and counted on the next read.
    const changed = await h.call(
      'PATCH',
      `/api/v1/products/${navy.id}`,
      { variants: [variant('1', { Size: 'XL', Colour: 'Navy' })] },
      h.as(h.manager),
    )
    expect(changed.status).toBe(200)
    expect(ids(await list('option=Size:XL'))).toEqual([navy.id])
    expect(ids(await list('option=Size:L'))).toEqual([])
  })

  test('option names that filters could not name are refused, and nothing is written', async () => {
    const sku = h.unique('BADOPT').toUpperCase()
    for (const options of [
      { 'Size:EU': '42' },
      { 'Size\u001f': '42' },
      { '': '42' },
      { ['n'.repeat(51)]: '42' },
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`Option ${i}`, 'x'])),
    ]) {
      const res = await h.call(
        'POST',
        '/api/v1/products',
        { name: 'Odd Options', variants: [{ sku, options, price: { amount: 100, currency: 'EUR' } }] },
        h.as(h.manager),
      )
      expect({ options, status: res.status }).toEqual({ options, status: 422 })
      expect(JSON.stringify(res.body.errors)).toContain('/variants/0/options')
    }
    expect(await count('variants', 'sku', sku)).toBe(0)
  })

  test('drafts and archived products are never listed or suggested, even to a manager on the public routes', async () => {
    const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
    const active = await h.product({ name: `${word} Lamp` })
    await h.product({ name: `${word} Lamp Prototype`, status: 'draft' })
    await h.product({ name: `${word} Lamp Classic`, status: 'archived' })
    for (const headers of [{}, h.as(h.customer), h.as(h.manager)]) {
      const listed = await h.call('GET', `/api/v1/products?q=${word}`, undefined, headers)
      expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([active.id])
      expect(listed.body.total).toBe(1)
      const suggested = await h.call('GET', `/api/v1/products/suggest?q=${word}`, undefined, headers)
      expect(suggested.body).toEqual({ suggestions: [active.name] })
    }
  })
})
