import { describe, expect, test } from 'bun:test'
import type { ProductDeps } from '../src/deps.ts'
import { createProduct, deleteProduct, syncSearchIndex, updateProduct } from '../src/products/service.ts'
import { catalogSource, createReindexJobs } from '../src/reindex/service.ts'
import { elasticsearchSearch } from '../src/search/elasticsearch.ts'
import type { ReindexSource, SearchEngine } from '../src/search/engine.ts'
import { postgresSearch } from '../src/search/postgres-repository.ts'
import { fakeCluster } from './elasticsearch-cluster.ts'
import { type ProductHarness, productHarness } from './harness.ts'

/** A search engine whose reindex waits until `open()`: a job that stays running as long as a test needs. */
const gated = (engine: SearchEngine) => {
  let open = () => {}
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  return {
    engine: {
      ...engine,
      async reindex(source: ReindexSource) {
        await gate
        return engine.reindex(source)
      },
    } satisfies SearchEngine,
    open,
  }
}

const reindex = '/api/v1/catalog/reindex'

/** Polls a job through an instance until it is no longer running. */
const settled = async (h: ProductHarness, jobId: string) => {
  for (let i = 0; i < 200; i++) {
    const job = (await h.call('GET', `${reindex}/${jobId}`, undefined, h.as(h.manager))).body
    if (job.status !== 'running') return job
    await Bun.sleep(25)
  }
  throw new Error(`reindex job ${jobId} still running`)
}

const productCount = async (h: ProductHarness) =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from catalog.products`)[0]!.n

describe('reindex jobs across instances', () => {
  test('a job started on one instance is the same job on another, which also returns it to a second start', async () => {
    const { sql } = await productHarness()
    const slow = gated(postgresSearch(sql))
    const a = await productHarness({ search: slow.engine })
    const b = await productHarness()
    await a.product()

    const started = await a.call('POST', reindex, undefined, a.as(a.manager))
    expect(started.status).toBe(202)
    expect(started.body).toMatchObject({
      engine: 'postgres',
      status: 'running',
      indexed: 0,
      finishedAt: null,
    })
    const location = started.headers.get('location')!
    expect(location).toBe(`${reindex}/${started.body.jobId}`)

    const seen = await b.call('GET', location, undefined, b.as(b.manager))
    expect(seen.status).toBe(200)
    expect(seen.body).toEqual(started.body)

    const again = await b.call('POST', reindex, undefined, b.as(b.manager))
    expect(again.status).toBe(202)
    expect(again.body).toEqual(started.body)
    expect(again.headers.get('location')).toBe(location)
    expect(
      (
        await sql<
          { n: number }[]
        >`select count(*)::int as n from catalog.reindex_jobs where status = 'running'`
      )[0]!.n,
    ).toBe(1)

    slow.open()
    const done = await settled(b, started.body.jobId)
    expect(done).toMatchObject({ status: 'succeeded', indexed: await productCount(b), error: null })
    expect(done.finishedAt).toBeString()
    expect((await a.call('GET', location, undefined, a.as(a.manager))).body).toEqual(done)
  })

  test('two instances starting at once start one job', async () => {
    const { sql } = await productHarness()
    const slow = gated(postgresSearch(sql))
    const a = await productHarness({ search: slow.engine })
    const b = await productHarness({ search: slow.engine })
    const [one, two] = await Promise.all([
      a.call('POST', reindex, undefined, a.as(a.manager)),
      b.call('POST', reindex, undefined, b.as(b.manager)),
    ])
    expect([one!.status, two!.status]).toEqual([202, 202])
    expect(two!.body.jobId).toBe(one!.body.jobId)
    slow.open()
    expect((await settled(a, one!.body.jobId)).status).toBe('succeeded')
  })

  test('a job whose instance stopped beating its heartbeat is reported failed, and a new one can start', async () => {
    const { sql } = await productHarness()
    const dying = gated(postgresSearch(sql))
    const a = await productHarness({ search: dying.engine })
    // Five minutes later, as another instance sees it.
    const b = await productHarness({ now: () => Date.now() + 5 * 60_000 })
    const started = (await a.call('POST', reindex, undefined, a.as(a.manager))).body

    const reported = await b.call('GET', `${reindex}/${started.jobId}`, undefined, b.as(b.manager))
    expect(reported.body).toMatchObject({ jobId: started.jobId, status: 'failed' })
    expect(reported.body.error).toContain(`no heartbeat since ${started.startedAt}`)
    expect(reported.body.finishedAt).toBeString()

    const next = await b.call('POST', reindex, undefined, b.as(b.manager))
    expect(next.status).toBe(202)
    expect(next.body.jobId).not.toBe(started.jobId)
    expect((await settled(b, next.body.jobId)).status).toBe('succeeded')

    // The first job's process was not dead after all: when it ends, it does not overwrite what was reported.
    dying.open()
    await Bun.sleep(200)
    expect((await a.call('GET', `${reindex}/${started.jobId}`, undefined, a.as(a.manager))).body).toEqual(
      reported.body,
    )
  })

  test('a start finds a stale running job, fails it and starts anew', async () => {
    const { sql } = await productHarness()
    const dying = gated(postgresSearch(sql))
    const a = await productHarness({ search: dying.engine })
    const stale = await createReindexJobs(a.deps).start()
    const b = await productHarness({ now: () => Date.now() + 5 * 60_000 })
    const fresh = await b.call('POST', reindex, undefined, b.as(b.manager))
    expect(fresh.body.jobId).not.toBe(stale.jobId)
    expect((await createReindexJobs(a.deps).get(stale.jobId))?.status).toBe('failed')
    expect((await settled(b, fresh.body.jobId)).status).toBe('succeeded')
    dying.open()
  })

  test('an unknown job is 404 on every instance', async () => {
    const h = await productHarness()
    const res = await h.call('GET', `${reindex}/rix_unknown`, undefined, h.as(h.manager))
    expect(res.status).toBe(404)
  })
})

describe('reindexing Elasticsearch from the catalog', () => {
  test('the catalog source: every write raises the version, the catch-up lists writes and deletions since a position', async () => {
    const h = await productHarness()
    const source = catalogSource(h.deps)
    const kept = await h.product()
    const changed = await h.product()
    const deleted = await h.product()
    const position = await source.position()
    await updateProduct(h.deps, changed.id, { name: h.unique('Renamed') })
    await deleteProduct(h.deps, deleted.id)
    const created = await h.product()

    const batches = []
    for await (const batch of source.changesSince(position)) batches.push(batch)
    const documents = batches.flatMap((b) => b.documents)
    const deletions = batches.flatMap((b) => b.deletions)
    expect(documents.map((d) => d.id)).toEqual([changed.id, created.id])
    expect(deletions.map((d) => d.id)).toEqual([deleted.id])
    expect(Math.min(...documents.map((d) => d.version), ...deletions.map((d) => d.version))).toBeGreaterThan(
      position,
    )
    expect(documents.map((d) => d.id)).not.toContain(kept.id)
  })

  /** A product service on the test database searching a fake Elasticsearch cluster. */
  const onElasticsearch = async () => {
    const h = await productHarness()
    const es = fakeCluster()
    const engine = elasticsearchSearch(es.client, { index: 'myshop-products' })
    await engine.ensureIndex()
    const deps: ProductDeps = { ...h.deps, search: engine }
    const sku = () => ({ sku: h.unique('SKU').toUpperCase(), price: { amount: 1999, currency: 'EUR' } })
    const create = (name: string) =>
      createProduct(deps, { name: h.unique(name), status: 'active', variants: [sku()] })
    return { es, engine, deps, create }
  }

  test("the indexed document carries the variants' option values, each once, and follows their changes", async () => {
    const { es, deps } = await onElasticsearch()
    const sku = `OPT-${crypto.randomUUID().slice(0, 8).toUpperCase()}`
    const p = await createProduct(deps, {
      name: 'Shell Jacket',
      status: 'active',
      variants: [
        { sku: `${sku}-M`, options: { Size: 'M', Colour: 'Navy' }, price: { amount: 9900, currency: 'EUR' } },
        { sku: `${sku}-L`, options: { Size: 'L', Colour: 'Navy' }, price: { amount: 9900, currency: 'EUR' } },
      ],
    })
    await syncSearchIndex(deps, p.id)
    expect(es.documents('myshop-products')[p.id]!.source.options).toEqual(['M', 'Navy', 'L'])
    await updateProduct(deps, p.id, {
      variants: [
        { sku: `${sku}-M`, options: { Size: 'M', Colour: 'Sage' }, price: { amount: 9900, currency: 'EUR' } },
      ],
    })
    await syncSearchIndex(deps, p.id)
    expect(es.documents('myshop-products')[p.id]!.source.options).toEqual(['M', 'Sage'])
  })

  test('the indexer writes a product as it is now, with its version: a replayed event changes nothing', async () => {
    const { es, deps, create } = await onElasticsearch()
    const p = await create('Lamp')
    await syncSearchIndex(deps, p.id)
    const first = es.documents('myshop-products')[p.id]!
    await updateProduct(deps, p.id, { name: 'Brighter lamp' })
    await syncSearchIndex(deps, p.id)
    const second = es.documents('myshop-products')[p.id]!
    expect(second.version).toBeGreaterThan(first.version)
    expect(second.source.name).toBe('Brighter lamp')
    await deleteProduct(deps, p.id)
    await syncSearchIndex(deps, p.id)
    // The update's event delivered again, late: the product is gone, and stays gone.
    await syncSearchIndex(deps, p.id)
    expect(es.documents('myshop-products')[p.id]).toBeUndefined()
  })

  test('a reindex loses no write, update or deletion, made while it fills the new index', async () => {
    const { es, engine, deps: initial, create } = await onElasticsearch()
    let deps = initial
    const kept = await create('Kept')
    const changed = await create('Old')
    const deleted = await create('Gone')
    for (const p of [kept, changed, deleted]) await syncSearchIndex(deps, p.id)

    let added = ''
    // The catalog changes, and the indexer follows, after the bulk load read its first page and before it
    // wrote it.
    const changing: SearchEngine = {
      ...engine,
      reindex: (source) =>
        engine.reindex({
          ...source,
          async *documents() {
            let first = true
            for await (const batch of source.documents()) {
              if (first) {
                first = false
                await updateProduct(deps, changed.id, { name: 'New name' })
                await deleteProduct(deps, deleted.id)
                added = (await create('New')).id
                for (const id of [changed.id, deleted.id, added]) await syncSearchIndex(deps, id)
              }
              yield batch
            }
          },
        }),
    }
    deps = { ...deps, search: changing }
    const jobs = createReindexJobs(deps)
    const job = await jobs.start()
    let end = job
    for (let i = 0; i < 200 && end.status === 'running'; i++) {
      await Bun.sleep(25)
      end = (await jobs.get(job.jobId))!
    }
    expect(end).toMatchObject({ status: 'succeeded', engine: 'elasticsearch', error: null })

    expect(es.aliased('myshop-products')).not.toEqual(['myshop-products-initial'])
    const indexed = es.documents('myshop-products')
    expect(indexed[kept.id]?.source.name).toBe(kept.name)
    expect(indexed[changed.id]?.source.name).toBe('New name')
    expect(indexed[deleted.id]).toBeUndefined()
    expect(indexed[added]).toBeDefined()
  })
})
