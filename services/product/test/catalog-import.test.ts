import { beforeAll, describe, expect, test } from 'bun:test'
import { type ProductHarness, productHarness } from './harness.ts'

// Variants in catalog files: rows that share a slug are one product, written whole or not at all.

let h: ProductHarness
beforeAll(async () => {
  h = await productHarness()
}, 60_000)

type Row = Record<string, unknown> & { line: number; sku: string }
type Money = { amount: number; currency: string }
type Variant = {
  sku: string
  options: Record<string, string>
  price: Money
  compareAtPrice: Money | null
  position: number
}
type EventData = Record<string, unknown> & { variants: Variant[]; changed: string[] }

const importRows = async (rows: Row[]) => {
  const res = await h.call('POST', '/api/v1/catalog/import', { rows }, h.as(h.manager))
  expect(res.status).toBe(200)
  return res.body as {
    created: number
    updated: number
    failed: { line: number; sku: string; errors: { path: string; message: string }[] }[]
  }
}

const productBySlug = async (slug: string) => (await h.call('GET', `/api/v1/products/${slug}`)).body

/** Outbox events about a product, oldest first. */
const eventsOf = async (productId: string) =>
  h.sql<{ type: string; data: EventData }[]>`
    select type, data from catalog.outbox where data->>'productId' = ${productId} order by seq`

const slugFor = (label: string) => h.unique(label).toLowerCase()

/** Three sizes of one jacket, the middle one on sale. */
const jacketRows = (slug: string, sku: string, category: string): Row[] => [
  {
    line: 2,
    sku: `${sku}-S`,
    slug,
    name: 'Storm Shell Jacket',
    brand: 'Northline',
    category,
    description: 'Taped seams.',
    price: '129.00',
    currency: 'EUR',
    options: 'Size=S; Colour=Navy',
  },
  {
    line: 3,
    sku: `${sku}-M`,
    slug,
    name: '',
    price: '119.00',
    compareAtPrice: '129.00',
    currency: 'EUR',
    options: 'Size=M; Colour=Navy',
  },
  {
    line: 4,
    sku: `${sku}-L`,
    slug,
    name: '',
    price: '129.00',
    currency: 'EUR',
    options: 'Size=L; Colour=Navy',
  },
]

describe('catalog import: rows that share a slug', () => {
  test('are one product with its variants in file order, options and compare-at prices, announced once', async () => {
    const slug = slugFor('storm-shell')
    const sku = h.unique('JKT').toUpperCase()
    const top = h.unique('Outdoor')
    const result = await importRows(jacketRows(slug, sku, `${top} > Jackets`))
    expect(result).toEqual({ created: 3, updated: 0, failed: [] })

    const product = await productBySlug(slug)
    expect(product).toMatchObject({
      slug,
      name: 'Storm Shell Jacket',
      brand: 'Northline',
      description: 'Taped seams.',
      status: 'active',
      price: { amount: 11900, currency: 'EUR' },
      categories: [{ path: `${top} > Jackets` }],
    })
    expect(
      product.variants.map((v: Variant) => [v.sku, v.options, v.price.amount, v.compareAtPrice, v.position]),
    ).toEqual([
      [`${sku}-S`, { Size: 'S', Colour: 'Navy' }, 12900, null, 0],
      [`${sku}-M`, { Size: 'M', Colour: 'Navy' }, 11900, { amount: 12900, currency: 'EUR' }, 1],
      [`${sku}-L`, { Size: 'L', Colour: 'Navy' }, 12900, null, 2],
    ])
    // Written with the product as the variants' triggers would compute them, and searched.
    const [terms] = await h.sql<{ kept: string; computed: string }[]>`
      select variant_terms as kept, catalog.variant_terms(id) as computed from catalog.products where id = ${product.id}`
    expect(terms).toEqual({ kept: 'L M Navy S', computed: 'L M Navy S' })
    const found = await h.call(
      'GET',
      `/api/v1/products?q=${encodeURIComponent(`northline navy`)}&brand=Northline`,
    )
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(product.id)
    const events = await eventsOf(product.id)
    expect(events.map((e) => e.type)).toEqual(['product.created'])
    expect(events[0]!.data.variants.map((v: Variant) => [v.sku, v.options, v.compareAtPrice])).toEqual([
      [`${sku}-S`, { Size: 'S', Colour: 'Navy' }, null],
      [`${sku}-M`, { Size: 'M', Colour: 'Navy' }, { amount: 12900, currency: 'EUR' }],
      [`${sku}-L`, { Size: 'L', Colour: 'Navy' }, null],
    ])
  })

  test('a second import updates known SKUs, adds new ones after them and announces the whole product', async () => {
    const slug = slugFor('storm-shell')
    const sku = h.unique('JKT').toUpperCase()
    const top = h.unique('Outdoor')
    await importRows(jacketRows(slug, sku, `${top} > Jackets`))
    const before = await productBySlug(slug)

    const result = await importRows([
      { line: 2, sku: `${sku}-M`, slug, name: 'Storm Shell Jacket', price: '99.00', currency: 'EUR' },
      {
        line: 3,
        sku: `${sku}-XL`,
        slug,
        name: '',
        price: '139.00',
        currency: 'EUR',
        options: 'Size=XL; Colour=Navy',
      },
    ])
    expect(result).toEqual({ created: 1, updated: 1, failed: [] })

    const after = await productBySlug(slug)
    expect(after.id).toBe(before.id)
    expect(after.price).toEqual({ amount: 9900, currency: 'EUR' })
    // Left-out fields keep what the variant had: its options and its compare-at price.
    expect(
      after.variants.map((v: Variant) => [
        v.sku,
        v.options.Size,
        v.price.amount,
        v.compareAtPrice?.amount ?? null,
      ]),
    ).toEqual([
      [`${sku}-S`, 'S', 12900, null],
      [`${sku}-M`, 'M', 9900, 12900],
      [`${sku}-L`, 'L', 12900, null],
      [`${sku}-XL`, 'XL', 13900, null],
    ])
    expect(after.description).toBe('Taped seams.')
    expect(after.brand).toBe('Northline')

    const events = await eventsOf(after.id)
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'price.changed'])
    const updated = events[1]!.data
    expect(updated.variants.map((v: Variant) => v.sku)).toEqual([
      `${sku}-S`,
      `${sku}-M`,
      `${sku}-L`,
      `${sku}-XL`,
    ])
    expect(updated).toMatchObject({
      brand: 'Northline',
      categoryIds: before.categories.map((c: { id: string }) => c.id),
    })
    expect(events[2]!.data).toMatchObject({
      sku: `${sku}-M`,
      previous: { amount: 11900, currency: 'EUR' },
      current: { amount: 9900, currency: 'EUR' },
      compareAtPrice: { amount: 12900, currency: 'EUR' },
    })
    // The cached read saw the change at once.
    expect((await h.call('GET', `/api/v1/products/${after.id}`)).body.variants).toHaveLength(4)
  })

  test('a product is written whole or not at all: one bad row fails its siblings, other products go in', async () => {
    const slug = slugFor('tent')
    const sku = h.unique('TNT').toUpperCase()
    const other = h.unique('MAT').toUpperCase()
    const result = await importRows([
      { line: 2, sku: `${sku}-2P`, slug, name: 'Dome Tent', price: '199.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-3P`, slug, name: '', price: '2x9.00', currency: 'EUR' },
      { line: 4, sku: other, name: 'Sleeping Mat', price: '39.00', currency: 'EUR' },
    ])
    expect(result.created).toBe(1)
    expect(result.failed).toEqual([
      {
        line: 2,
        sku: `${sku}-2P`,
        errors: [{ path: '/slug', message: 'line 3 of the same product failed' }],
      },
      { line: 3, sku: `${sku}-3P`, errors: [{ path: '/price', message: expect.any(String) }] },
    ])
    expect((await h.call('GET', `/api/v1/products/${slug}`)).status).toBe(404)
    const [row] = await h.sql`select count(*)::int as n from catalog.variants where sku like ${`${sku}%`}`
    expect(row!.n).toBe(0)
  })

  test('the rows of one product must agree on its fields and currency, and one of them names a new one', async () => {
    const sku = h.unique('AGR').toUpperCase()
    const named = slugFor('agree')
    const unnamed = slugFor('unnamed')
    const result = await importRows([
      { line: 2, sku: `${sku}-1`, slug: named, name: 'Lamp', brand: 'Glow', price: '10.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-2`, slug: named, name: 'Lamp', brand: 'Halo', price: '10.00', currency: 'EUR' },
      { line: 4, sku: `${sku}-3`, slug: named, name: '', price: '10.00', currency: 'USD' },
      { line: 5, sku: `${sku}-4`, slug: unnamed, name: '', price: '10.00', currency: 'EUR' },
    ])
    expect(result.created).toBe(0)
    expect(result.failed.map((f) => [f.line, f.errors])).toEqual([
      [2, [{ path: '/slug', message: 'line 3 of the same product failed' }]],
      [3, [{ path: '/brand', message: 'differs from line 2 of the same product' }]],
      [
        4,
        [
          {
            path: '/currency',
            message: 'differs from line 2 of the same product (its variants share one currency)',
          },
        ],
      ],
      [5, [{ path: '/name', message: 'is required for a new product' }]],
    ])
  })

  test('a slug joins only its own product: SKUs of two products, or of another slug, are refused', async () => {
    const first = await h.product()
    const second = await h.product()
    const [a, b] = [first.variants[0].sku, second.variants[0].sku]
    const taken = await importRows([
      { line: 2, sku: a, slug: second.slug, name: 'Moved', price: '1.00', currency: 'EUR' },
    ])
    expect(taken.failed[0]!.errors).toEqual([
      {
        path: '/slug',
        message: `${second.slug} is the slug of another product than the one these SKUs belong to`,
      },
    ])
    const joined = await importRows([
      { line: 2, sku: a, slug: slugFor('joined'), name: 'Joined', price: '1.00', currency: 'EUR' },
      { line: 3, sku: b, slug: '', name: 'Joined', price: '1.00', currency: 'EUR' },
    ])
    expect(joined).toMatchObject({ created: 0, updated: 2, failed: [] })
    const merged = slugFor('merged')
    const refused = await importRows([
      { line: 2, sku: a, slug: merged, name: 'Merged', price: '1.00', currency: 'EUR' },
      { line: 3, sku: b, slug: merged, name: 'Merged', price: '1.00', currency: 'EUR' },
    ])
    expect(refused.failed.map((f) => f.errors[0]!.message)).toEqual([
      'these SKUs belong to different products; one slug cannot join them',
      'these SKUs belong to different products; one slug cannot join them',
    ])
    expect((await h.call('GET', `/api/v1/products/${merged}`)).status).toBe(404)
  })

  test('rows that reach one product under other keys join its rows: an export without slugs imports as before', async () => {
    const sku = h.unique('TWO').toUpperCase()
    const product = await h.product({
      name: 'Desk Lamp',
      variants: [
        { sku: `${sku}-W`, options: { Colour: 'White' }, price: { amount: 4900, currency: 'EUR' } },
        { sku: `${sku}-B`, options: { Colour: 'Black' }, price: { amount: 4900, currency: 'EUR' } },
      ],
    })
    // One row per variant and no slug column, as exports wrote them before slugs.
    const old = await importRows([
      { line: 2, sku: `${sku}-W`, name: 'Desk Lamp', price: '45.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-B`, name: 'Desk Lamp', price: '46.00', currency: 'EUR' },
    ])
    expect(old).toEqual({ created: 0, updated: 2, failed: [] })
    const after = await productBySlug(product.slug)
    expect(after.variants.map((v: Variant) => v.price.amount)).toEqual([4500, 4600])
    expect((await eventsOf(product.id)).filter((e) => e.type === 'product.updated')).toHaveLength(1)

    // A new variant by slug and known ones without: one product, refused whole when a row disagrees on its name.
    const added = h.unique('ADD').toUpperCase()
    const mixed = await importRows([
      { line: 2, sku: added, slug: product.slug, name: '', price: '47.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-W`, name: 'Desk Lamp Two', price: '45.00', currency: 'EUR' },
      { line: 4, sku: `${sku}-B`, name: 'Desk Lamp Three', price: '46.00', currency: 'EUR' },
    ])
    expect(mixed.created + mixed.updated).toBe(0)
    expect(mixed.failed.map((f) => [f.line, f.errors])).toEqual([
      [2, [{ path: '/slug', message: 'line 4 of the same product failed' }]],
      [3, [{ path: '/slug', message: 'line 4 of the same product failed' }]],
      [4, [{ path: '/name', message: 'differs from line 2 of the same product' }]],
    ])
    const fixed = await importRows([
      { line: 2, sku: added, slug: product.slug, name: '', price: '47.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-W`, name: 'Desk Lamp Two', price: '45.00', currency: 'EUR' },
      { line: 4, sku: `${sku}-B`, name: '', price: '46.00', currency: 'EUR' },
    ])
    expect(fixed).toEqual({ created: 1, updated: 2, failed: [] })
    const now = await productBySlug(product.slug)
    expect(now.name).toBe('Desk Lamp Two')
    expect(now.variants.map((v: Variant) => v.sku)).toEqual([`${sku}-W`, `${sku}-B`, added])
  })

  test('a variant added to a product must take its currency', async () => {
    const product = await h.product({ status: 'active' })
    const result = await importRows([
      {
        line: 2,
        sku: h.unique('USD').toUpperCase(),
        slug: product.slug,
        name: '',
        price: '5.00',
        currency: 'USD',
      },
    ])
    expect(result.failed[0]!.errors).toEqual([
      {
        path: '/currency',
        message: `the product's other variants (${product.variants[0].sku}) are priced in EUR; its variants share one currency`,
      },
    ])
    expect((await productBySlug(product.slug)).variants).toHaveLength(1)
  })

  test('a product takes at most 100 variants, as through the API', async () => {
    const slug = slugFor('many')
    const sku = h.unique('MANY').toUpperCase()
    const row = (i: number): Row => ({
      line: i + 2,
      sku: `${sku}-${i}`,
      slug,
      name: 'Many',
      price: '1.00',
      currency: 'EUR',
    })
    expect(await importRows(Array.from({ length: 100 }, (_, i) => row(i)))).toMatchObject({
      created: 100,
      failed: [],
    })
    const over = await importRows([row(100)])
    expect(over.failed[0]!.errors).toEqual([
      { path: '/sku', message: 'a product has at most 100 variants; these rows would give it 101' },
    ])
    expect((await productBySlug(slug)).variants).toHaveLength(100)
  })

  test('option values spelled alike ("Navy", "navy") are one value of the product: kept once, counted once', async () => {
    const slug = slugFor('spelled')
    const sku = h.unique('SPELL').toUpperCase()
    const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
    const result = await importRows([
      {
        line: 2,
        sku: `${sku}-1`,
        slug,
        name: `${word} Tee`,
        price: '19.00',
        currency: 'EUR',
        options: 'Colour=navy',
      },
      {
        line: 3,
        sku: `${sku}-2`,
        slug,
        name: '',
        price: '19.00',
        currency: 'EUR',
        options: 'Colour=Navy; Size=M',
      },
    ])
    expect(result).toMatchObject({ created: 2, failed: [] })
    // Names in the order the file gives them, in the product's options and each variant's.
    const imported = await productBySlug(slug)
    expect(imported.options).toEqual([
      { name: 'Colour', values: ['navy', 'Navy'] },
      { name: 'Size', values: ['M'] },
    ])
    expect(Object.keys(imported.variants[1].options)).toEqual(['Colour', 'Size'])
    const [row] = await h.sql<{ pairs: string[] }[]>`
      select option_values as pairs from catalog.products where slug = ${slug}`
    expect(row!.pairs).toEqual(['Colour\u001fNavy', 'Size\u001fM'])
    const listed = await h.call('GET', `/api/v1/products?q=${word}`)
    expect(listed.body.facets.options).toEqual([
      { name: 'colour', label: 'Colour', values: [{ value: 'navy', label: 'Navy', count: 1 }] },
      { name: 'size', label: 'Size', values: [{ value: 'm', label: 'M', count: 1 }] },
    ])
    // A later row with a new option adds it after the others.
    const more = await importRows([
      {
        line: 2,
        sku: `${sku}-3`,
        slug,
        name: '',
        price: '19.00',
        currency: 'EUR',
        options: 'Fit=Slim; Colour=Sand',
      },
    ])
    expect(more).toMatchObject({ created: 1, failed: [] })
    expect((await productBySlug(slug)).options.map((o: { name: string }) => o.name)).toEqual([
      'Colour',
      'Size',
      'Fit',
    ])
  })

  test('a known SKU given a new free slug renames its product', async () => {
    const product = await h.product({ status: 'active' })
    const slug = slugFor('renamed')
    const result = await importRows([
      { line: 2, sku: product.variants[0].sku, slug, name: product.name, price: '19.99', currency: 'EUR' },
    ])
    expect(result).toEqual({ created: 0, updated: 1, failed: [] })
    expect((await productBySlug(slug)).id).toBe(product.id)
    expect((await h.call('GET', `/api/v1/products/${product.slug}`)).status).toBe(404)
    const [, updated] = await eventsOf(product.id)
    expect(updated!.data).toMatchObject({ slug, previousSlug: product.slug })
    expect(updated!.data.changed).toContain('slug')
  })
})

describe('catalog import: categories and attributes', () => {
  test('a product takes several categories separated by |, and attributes as a JSON object', async () => {
    const top = h.unique('Home')
    const sku = h.unique('CAT').toUpperCase()
    const result = await importRows([
      {
        line: 2,
        sku,
        name: 'Oak Desk Lamp',
        category: `${top} > Lighting | ${top} > Sale |  ${top} > Lighting `,
        attributes: '{"material": "oak", "dimmable": true, "watts": 8}',
        price: '59.00',
        currency: 'EUR',
      },
    ])
    expect(result).toEqual({ created: 1, updated: 0, failed: [] })
    const [row] = await h.sql<
      { id: string }[]
    >`select product_id as id from catalog.variants where sku = ${sku}`
    const product = (await h.call('GET', `/api/v1/products/${row!.id}`)).body
    expect(product.categories.map((c: { path: string }) => c.path).sort()).toEqual([
      `${top} > Lighting`,
      `${top} > Sale`,
    ])
    expect(product.attributes).toEqual({ material: 'oak', dimmable: true, watts: 8 })
    const [ids] = await h.sql<{ kept: string[]; linked: string[] }[]>`
      select category_ids as kept, catalog.linked_category_ids(id) as linked from catalog.products where id = ${row!.id}`
    expect(ids!.kept).toEqual(ids!.linked)
    const [created] = await eventsOf(row!.id)
    expect([...(created!.data.categoryIds as string[])].sort()).toEqual([...ids!.linked].sort())

    // An update adds categories and replaces the attributes; left empty, it keeps both.
    await importRows([
      {
        line: 2,
        sku,
        name: '',
        category: `${top} > Desks`,
        attributes: '{"material": "walnut"}',
        price: '59.00',
        currency: 'EUR',
      },
    ])
    await importRows([{ line: 2, sku, name: '', price: '55.00', currency: 'EUR' }])
    const after = (await h.call('GET', `/api/v1/products/${row!.id}`)).body
    expect(after.categories).toHaveLength(3)
    expect(after.attributes).toEqual({ material: 'walnut' })
    expect(after.name).toBe('Oak Desk Lamp')
  })

  test('attributes that are not a JSON object of texts, numbers and booleans, or over 20 categories, are refused', async () => {
    const sku = h.unique('ATTR').toUpperCase()
    const bad = [
      '{"a":',
      '[1, 2]',
      '"text"',
      '{"nested": {"a": 1}}',
      `{"long": "${'x'.repeat(501)}"}`,
      '{"": 1}',
      '{"colour": "navy\\u0000"}',
      '{"col\\u0000our": "navy"}',
    ]
    const result = await importRows(
      bad.map((attributes, i) => ({
        line: i + 2,
        sku: `${sku}-${i}`,
        name: 'X',
        attributes,
        price: '1.00',
        currency: 'EUR',
      })),
    )
    expect(result.created).toBe(0)
    expect(result.failed.map((f) => [f.line, f.errors.map((e) => e.path)])).toEqual(
      bad.map((_, i) => [i + 2, ['/attributes']]),
    )
    expect(result.failed[0]!.errors[0]!.message).toBe(
      'is not JSON (expected an object such as {"waterproof": true})',
    )
    expect(result.failed[3]!.errors[0]!.message).toBe(
      'attribute "nested" must be a text of at most 500 characters, a number or true/false',
    )
    expect(result.failed[6]!.errors[0]!.message).toBe(
      'attribute names and texts cannot contain a NUL character',
    )
    const many = Array.from({ length: 21 }, (_, i) => `Shelf ${i}`).join(' | ')
    const crowded = await importRows([
      { line: 2, sku: `${sku}-C`, name: 'X', category: many, price: '1.00', currency: 'EUR' },
    ])
    expect(crowded.failed[0]!.errors).toEqual([
      { path: '/category', message: 'names more than 20 categories' },
    ])
  })
})

describe('catalog import: a dry run', () => {
  test('answers what the import would do and writes nothing: no product, category, event or cache change', async () => {
    const existing = await h.product()
    const slug = slugFor('dry')
    const top = h.unique('Dry')
    const rows: Row[] = [
      {
        line: 2,
        sku: h.unique('DRY').toUpperCase(),
        slug,
        name: 'Dry Tent',
        category: `${top} > Tents`,
        price: '99.00',
        currency: 'EUR',
      },
      {
        line: 3,
        sku: h.unique('DRY').toUpperCase(),
        slug,
        name: '',
        price: '109.00',
        currency: 'EUR',
        options: 'Size=L',
      },
      { line: 4, sku: existing.variants[0].sku, name: existing.name, price: '1.00', currency: 'EUR' },
      { line: 5, sku: h.unique('DRY').toUpperCase(), name: 'Broken', price: '-1', currency: 'EUR' },
    ]
    const count = async () =>
      (
        await h.sql<{ n: string }[]>`
          select (select count(*) from catalog.products) + (select count(*) from catalog.categories)
            + (select count(*) from catalog.outbox) as n`
      )[0]!.n
    const before = await count()
    const dry = await h.call('POST', '/api/v1/catalog/import?dryRun=true', { rows }, h.as(h.manager))
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ created: 2, updated: 1 })
    expect(dry.body.failed.map((f: { line: number }) => f.line)).toEqual([5])
    expect(await count()).toBe(before)
    expect((await productBySlug(existing.slug)).price.amount).toBe(existing.price.amount)

    // The real import does what the dry run said.
    expect(await importRows(rows)).toEqual(dry.body)
    expect(
      (await h.call('POST', '/api/v1/catalog/import?dryRun=maybe', { rows }, h.as(h.manager))).status,
    ).toBe(422)
    expect(
      (await h.call('POST', '/api/v1/catalog/import?dryRun=true', { rows }, h.as(h.customer))).status,
    ).toBe(403)
  })
})

describe('catalog import: rows without a slug', () => {
  test('updating one SKU of a product announces all its variants, categories and brand', async () => {
    const sku = h.unique('TWO').toUpperCase()
    const cat = (await h.call('POST', '/api/v1/categories', { name: h.unique('Lamps') }, h.as(h.manager)))
      .body
    const made = await h.call(
      'POST',
      '/api/v1/products',
      {
        name: 'Desk Lamp',
        brand: 'Glow',
        status: 'active',
        categoryIds: [cat.id],
        variants: [
          { sku: `${sku}-W`, options: { Colour: 'White' }, price: { amount: 4900, currency: 'EUR' } },
          { sku: `${sku}-B`, options: { Colour: 'Black' }, price: { amount: 4900, currency: 'EUR' } },
        ],
      },
      h.as(h.manager),
    )
    expect(made.status).toBe(201)
    const result = await importRows([
      { line: 2, sku: `${sku}-B`, name: 'Desk Lamp', price: '44.00', currency: 'EUR' },
    ])
    expect(result).toEqual({ created: 0, updated: 1, failed: [] })
    const [, updated, price] = await eventsOf(made.body.id)
    expect(updated!.type).toBe('product.updated')
    expect(updated!.data).toMatchObject({ brand: 'Glow', categoryIds: [cat.id] })
    expect(updated!.data.variants.map((v: Variant) => [v.sku, v.options, v.price.amount])).toEqual([
      [`${sku}-W`, { Colour: 'White' }, 4900],
      [`${sku}-B`, { Colour: 'Black' }, 4400],
    ])
    expect(price!.type).toBe('price.changed')
  })

  test('a derived slug that another product holds gets a suffix instead of failing the batch', async () => {
    const sku = h.unique('DRV').toUpperCase()
    const derived = `kettle-${sku.toLowerCase()}`
    const holder = await h.product({ slug: derived })
    const result = await importRows([
      { line: 2, sku, name: 'Kettle', price: '29.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-B`, name: 'Kettle', price: '29.00', currency: 'EUR' },
    ])
    expect(result).toEqual({ created: 2, updated: 0, failed: [] })
    const [row] = await h.sql<{ slug: string }[]>`
      select p.slug from catalog.products p join catalog.variants v on v.product_id = p.id where v.sku = ${sku}`
    expect(row!.slug).not.toBe(holder.slug)
    expect(row!.slug).toStartWith(`${derived}-`)
  })

  test('each field is held to the product API rules, so an imported product can be changed through the API', async () => {
    const sku = h.unique('RULE').toUpperCase()
    const result = await importRows([
      { line: 2, sku: 'HAS SPACE', name: 'X', price: '1.00', currency: 'EUR' },
      { line: 3, sku: `${sku}-1`, name: 'n'.repeat(201), price: '1.00', currency: 'EUR' },
      { line: 4, sku: `${sku}-2`, name: 'X', brand: 'b'.repeat(101), price: '1.00', currency: 'EUR' },
      { line: 5, sku: `${sku}-3`, name: 'X', slug: 'Not A Slug', price: '1.00', currency: 'EUR' },
      { line: 6, sku: `${sku}-4`, name: 'X', options: 'Size', price: '1.00', currency: 'EUR' },
      { line: 7, sku: `${sku}-5`, name: 'X', compareAtPrice: '1.999', price: '1.00', currency: 'EUR' },
    ])
    expect(result.created).toBe(0)
    expect(result.failed.map((f) => [f.line, f.errors.map((e) => e.path)])).toEqual([
      [2, ['/sku']],
      [3, ['/name']],
      [4, ['/brand']],
      [5, ['/slug']],
      [6, ['/options']],
      [7, ['/compareAtPrice']],
    ])
    expect(result.failed[4]!.errors[0]!.message).toBe('"Size" has no value (expected name=value)')
    const [row] = await h.sql`select count(*)::int as n from catalog.variants where sku like ${`${sku}%`}`
    expect(row!.n).toBe(0)
  })
})
