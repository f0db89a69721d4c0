import { beforeAll, describe, expect, test } from 'bun:test'
import { syncCategorySearch } from '../src/categories/service.ts'
import { syncSearchIndex } from '../src/products/service.ts'
import { elasticsearchSearch } from '../src/search/elasticsearch.ts'
import { fakeCluster } from './elasticsearch-cluster.ts'
import { type ProductHarness, productHarness } from './harness.ts'

const index = 'myshop-products'
const es = fakeCluster()
es.createIndex(`${index}-1`, [index])

let h: ProductHarness
beforeAll(async () => {
  h = await productHarness({ search: elasticsearchSearch(es.client, { index }) })
}, 60_000)

/** A tree Root > Mid > Leaf with one product in Leaf and one in Mid, both read once so they are cached. */
const tree = async () => {
  const category = async (name: string, parentId?: string) =>
    (await h.call('POST', '/api/v1/categories', { name, ...(parentId && { parentId }) }, h.as(h.manager)))
      .body
  const root = await category(h.unique('Root'))
  const mid = await category('Mid', root.id)
  const leaf = await category('Leaf', mid.id)
  const other = await category(h.unique('Other'))
  const inLeaf = await h.product({ categoryIds: [leaf.id] })
  const inMid = await h.product({ categoryIds: [mid.id] })
  const elsewhere = await h.product({ categoryIds: [other.id] })
  for (const p of [inLeaf, inMid, elsewhere]) await h.call('GET', `/api/v1/products/${p.id}`)
  return { root, mid, leaf, other, inLeaf, inMid, elsewhere }
}

const version = async (id: string) =>
  Number(
    (await h.sql<{ version: string }[]>`select version from catalog.products where id = ${id}`)[0]!.version,
  )

const changes = (categoryId: string) =>
  h.sql<{ data: Record<string, unknown> }[]>`
    select data from catalog.outbox where type = 'category.changed' and data->>'categoryId' = ${categoryId}`

describe('a category renamed or moved', () => {
  test('its products’ next reads show the new path, even when they were cached', async () => {
    const t = await tree()
    const renamed = await h.call(
      'PATCH',
      `/api/v1/categories/${t.mid.id}`,
      { name: 'Middle' },
      h.as(h.manager),
    )
    expect(renamed.status).toBe(200)
    const leaf = await h.call('GET', `/api/v1/products/${t.inLeaf.id}`)
    expect(leaf.body.categories[0].path).toBe(`${t.root.name} > Middle > Leaf`)
    const mid = await h.call('GET', `/api/v1/products/${t.inMid.id}`)
    expect(mid.body.categories[0].path).toBe(`${t.root.name} > Middle`)
    // Products outside the subtree keep their cached read.
    expect((await h.call('GET', `/api/v1/products/${t.elsewhere.id}`)).headers.get('x-cache')).toBe('HIT')
  })

  test('writes one category.changed with the old and new path and raises the subtree’s product versions', async () => {
    const t = await tree()
    const before = { leaf: await version(t.inLeaf.id), elsewhere: await version(t.elsewhere.id) }
    const moved = await h.call(
      'PATCH',
      `/api/v1/categories/${t.mid.id}`,
      { parentId: t.other.id },
      h.as(h.manager),
    )
    expect(moved.status).toBe(200)
    const events = await changes(t.mid.id)
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        categoryId: t.mid.id,
        path: `${t.other.name} > Mid`,
        previousPath: `${t.root.name} > Mid`,
        parentId: t.other.id,
        products: 2,
      }),
    ])
    expect(await version(t.inLeaf.id)).toBeGreaterThan(before.leaf)
    expect(await version(t.elsewhere.id)).toBe(before.elsewhere)
  })

  test('an update that changes nothing shown writes no event and leaves versions alone', async () => {
    const t = await tree()
    const before = await version(t.inLeaf.id)
    const same = await h.call('PATCH', `/api/v1/categories/${t.leaf.id}`, { name: 'Leaf' }, h.as(h.manager))
    expect(same.status).toBe(200)
    expect(await changes(t.leaf.id)).toHaveLength(0)
    expect(await version(t.inLeaf.id)).toBe(before)
  })

  test('the search index follows: the subtree’s products are indexed again with new paths, ancestors and versions', async () => {
    const t = await tree()
    // As the indexer did when the products were created.
    for (const p of [t.inLeaf, t.inMid, t.elsewhere]) await syncSearchIndex(h.deps, p.id)
    const indexed = () => new Map(Object.entries(es.documents(index)))
    const old = indexed().get(t.inLeaf.id)!
    expect(old.source.categoryIds).toContain(t.root.id)

    await h.call(
      'PATCH',
      `/api/v1/categories/${t.mid.id}`,
      { parentId: t.other.id, name: 'Moved' },
      h.as(h.manager),
    )
    // Before the event is handled, the index still has the old document.
    expect(indexed().get(t.inLeaf.id)!.version).toBe(old.version)
    await syncCategorySearch(h.deps, t.mid.id)

    const now = indexed().get(t.inLeaf.id)!
    expect(now.version).toBeGreaterThan(old.version)
    expect(now.source.categories).toEqual([{ id: t.leaf.id, path: `${t.other.name} > Moved > Leaf` }])
    expect(now.source.categoryIds).toEqual(expect.arrayContaining([t.leaf.id, t.mid.id, t.other.id]))
    expect(now.source.categoryIds).not.toContain(t.root.id)
    expect(indexed().get(t.elsewhere.id)!.version).toBe(await version(t.elsewhere.id))
    expect(indexed().get(t.inMid.id)!.source.categories).toEqual([
      { id: t.mid.id, path: `${t.other.name} > Moved` },
    ])
    // Handling the same event again changes nothing.
    await syncCategorySearch(h.deps, t.mid.id)
    expect(indexed().get(t.inLeaf.id)!.version).toBe(now.version)
  })

  test('needs catalog rights: a customer’s rename is 403 and writes nothing', async () => {
    const t = await tree()
    const res = await h.call('PATCH', `/api/v1/categories/${t.mid.id}`, { name: 'Nope' }, h.as(h.customer))
    expect(res.status).toBe(403)
    expect(await changes(t.mid.id)).toHaveLength(0)
  })
})
