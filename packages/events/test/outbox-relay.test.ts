import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Db } from '@myshop/db'
import { z } from 'zod'
import type { EventBus, EventEnvelope, Publisher } from '../src/index.ts'
import {
  createRelay,
  defineEvent,
  eventTablesSql,
  inbox,
  memoryBus,
  outbox,
  redisStreamsBus,
} from '../src/index.ts'
import {
  collect,
  fast,
  freshName,
  openTestDb,
  openTestRedis,
  pinged,
  type TestDb,
  waitFor,
} from './support.ts'

const ping = (n: number) => pinged.create({ n }, { source: 'test', requestId: `req_${n}` })

let db: TestDb

// Booting PGlite compiles its WASM, which takes seconds on a busy machine.
beforeAll(async () => {
  db = await openTestDb()
}, 120_000)
afterAll(async () => {
  await db.close()
})

/** A fresh service schema with the outbox, the inbox and a table standing for a consumer's effects. */
const freshSchema = async (sql: Db) => {
  const schema = freshName('evt_test')
  await sql.unsafe(`create schema ${schema}`)
  await sql.unsafe(eventTablesSql(schema))
  await sql.unsafe(`create table ${schema}.effects (event_id text not null, n int not null)`)
  return schema
}

const writeEvents = async (sql: Db, schema: string, from: number, to: number) => {
  const sent: EventEnvelope[] = []
  for (let n = from; n < to; n++) {
    const e = ping(n)
    await sql.begin((tx) => outbox.add(tx, schema, e))
    sent.push(e)
  }
  return sent
}

const count = async (sql: Db, query: string) => Number((await sql.unsafe(query))[0]?.count)

/** A consumer whose effect is one row per event, made idempotent by the inbox; counts every delivery. */
const projection = async (bus: EventBus, sql: Db, schema: string) => {
  const delivered: number[] = []
  const subscription = await bus.subscribe(
    'projection',
    'c1',
    [pinged],
    async (e) => {
      delivered.push(e.data.n)
      await inbox.handleOnce(sql, schema, 'projection', e, async (tx) => {
        await tx`insert into ${tx(`${schema}.effects`)} (event_id, n) values (${e.id}, ${e.data.n})`
      })
    },
    fast,
  )
  const effects = async () =>
    (await sql.unsafe<{ n: number }[]>(`select n from ${schema}.effects order by n`)).map((r) => r.n)
  return { delivered, effects, subscription }
}

const relaySuite = (makeBus: () => EventBus) => {
  test('an event written in a rolled-back transaction is never published', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const seen = await collect(bus)
    await expect(
      sql.begin(async (tx) => {
        await outbox.add(tx, schema, ping(1))
        throw new Error('business rule failed after the event was written')
      }),
    ).rejects.toThrow('business rule failed')
    await writeEvents(sql, schema, 2, 3)
    const relay = createRelay({ sql, schema, publisher: bus })
    expect(await relay.drain()).toBe(1)
    await waitFor(() => seen.length === 1)
    await Bun.sleep(100)
    expect(seen).toEqual([2])
    expect(await count(sql, `select count(*) from ${schema}.outbox`)).toBe(1)
    await bus.close()
  })

  test('publishes committed events in outbox order with the envelopes the producer wrote', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const seen: EventEnvelope[] = []
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      (e) => {
        seen.push(e)
      },
      fast,
    )
    const sent = await writeEvents(sql, schema, 0, 25)
    const relay = createRelay({ sql, schema, publisher: bus, batchSize: 4 })
    expect(await relay.drain()).toBe(25)
    await waitFor(() => seen.length === 25)
    expect(seen).toEqual(sent)
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is null`)).toBe(0)
    expect(await relay.drain()).toBe(0)
    await bus.close()
  })

  test('a relay that crashes between publishing and marking loses nothing; the inbox absorbs the republish', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const consumer = await projection(bus, sql, schema)
    await writeEvents(sql, schema, 0, 6)
    // The mark fails after every event of the batch went out, as if the process died right there.
    await sql.unsafe(`
      create function ${schema}.crash() returns trigger language plpgsql as $$
      begin raise exception 'relay died before marking'; end $$;
      create trigger crash before update on ${schema}.outbox for each row execute function ${schema}.crash();`)
    const crashing = createRelay({ sql, schema, publisher: bus })
    await expect(crashing.drain()).rejects.toThrow('relay died before marking')
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is null`)).toBe(6)
    await waitFor(async () => (await consumer.effects()).length === 6, 5_000, 'first effects')

    await sql.unsafe(`drop trigger crash on ${schema}.outbox`)
    const next = createRelay({ sql, schema, publisher: bus })
    expect(await next.drain()).toBe(6)
    await waitFor(() => consumer.delivered.length === 12, 5_000, 'redelivery')
    await Bun.sleep(100)
    expect(await consumer.effects()).toEqual([0, 1, 2, 3, 4, 5])
    expect(await count(sql, `select count(*) from ${schema}.inbox`)).toBe(6)
    await bus.close()
  })

  test('a relay stopped mid-way leaves the rest, in order, to the next relay', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const consumer = await projection(bus, sql, schema)
    await writeEvents(sql, schema, 0, 12)
    // Stopping from inside the third publish: the batch in hand (events 2 and 3) must still be completed and marked.
    let calls = 0
    let stopped: Promise<void> | undefined
    const slow: Publisher = {
      publish: async (e) => {
        if (++calls === 3) stopped = first.stop()
        await Bun.sleep(5)
        await bus.publish(e)
      },
    }
    const first = createRelay({ sql, schema, publisher: slow, batchSize: 2, intervalMs: 10 })
    first.start()
    await waitFor(() => stopped !== undefined)
    await stopped
    const marked = await count(sql, `select count(*) from ${schema}.outbox where published_at is not null`)
    expect(marked).toBe(4)

    const second = createRelay({ sql, schema, publisher: bus })
    expect(await second.drain()).toBe(12 - marked)
    await waitFor(async () => (await consumer.effects()).length === 12)
    expect(consumer.delivered).toEqual(Array.from({ length: 12 }, (_, n) => n))
    await bus.close()
  })

  test('a publish failure stops the batch, so no later event overtakes it', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const seen = await collect(bus)
    await writeEvents(sql, schema, 0, 5)
    let calls = 0
    const flaky: Publisher = {
      publish: async (e) => {
        if (++calls === 3) throw new Error('broker unavailable')
        await bus.publish(e)
      },
    }
    const relay = createRelay({ sql, schema, publisher: flaky })
    await expect(relay.drain()).rejects.toThrow('broker unavailable')
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is not null`)).toBe(2)
    expect(await relay.drain()).toBe(3)
    await waitFor(() => seen.length === 5)
    expect(seen).toEqual([0, 1, 2, 3, 4])
    await bus.close()
  })

  test('notify() wakes a started relay long before its next poll', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = makeBus()
    const seen = await collect(bus)
    const relay = createRelay({ sql, schema, publisher: bus, intervalMs: 60_000 })
    relay.start()
    await Bun.sleep(50)
    await writeEvents(sql, schema, 0, 1)
    relay.notify()
    await waitFor(() => seen.length === 1, 2_000, 'prompt publish')
    await relay.stop()
    await bus.close()
  })

  test('two relays draining the same outbox publish every event exactly once', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const published: string[] = []
    const recorder: Publisher = {
      publish: async (e) => {
        await Bun.sleep(1)
        published.push(e.id)
      },
    }
    const sent = await writeEvents(sql, schema, 0, 40)
    const a = createRelay({ sql, schema, publisher: recorder, batchSize: 5 })
    const b = createRelay({ sql, schema, publisher: recorder, batchSize: 5 })
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()])
    await Promise.all([a.drain(), b.drain()])
    expect(published).toEqual(sent.map((e) => e.id))
  })
}

describe('outbox, relay and inbox over memoryBus', () => {
  relaySuite(() => memoryBus())
})

describe.skipIf(!process.env.REDIS_URL)('outbox, relay and inbox over redisStreamsBus', () => {
  const r = process.env.REDIS_URL ? openTestRedis(process.env.REDIS_URL) : undefined
  afterAll(async () => {
    await r?.close()
  })
  relaySuite(() => redisStreamsBus(r!.redis, { prefix: `${r!.prefix}:${freshName('t')}` }))

  /** The publishing commands the test client sends while `run` runs (the consumers' acks and reads aside). */
  const countingCommands = async (run: () => Promise<void>) => {
    const redis = r!.redis
    const original = redis.sendCommand
    const sent: string[] = []
    redis.sendCommand = ((...args: Parameters<typeof original>) => {
      const name = args[0].name.toLowerCase()
      if (['evalsha', 'eval', 'xadd', 'multi', 'exec'].includes(name)) sent.push(name)
      return original.apply(redis, args)
    }) as typeof original
    try {
      await run()
    } finally {
      redis.sendCommand = original
    }
    return sent
  }

  test('a batch goes out as one script call, in outbox order', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = redisStreamsBus(r!.redis, { prefix: `${r!.prefix}:${freshName('t')}` })
    const seen = await collect(bus)
    await writeEvents(sql, schema, 0, 7)
    const sent = await countingCommands(async () => {
      expect(await createRelay({ sql, schema, publisher: bus }).drain()).toBe(7)
    })
    // One call by digest (followed by the source when this server has not run the script yet), no XADD of its own.
    expect(sent.filter((name) => name !== 'eval')).toEqual(['evalsha'])
    await waitFor(() => seen.length === 7)
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6])
    await bus.close()
  })

  test('a batch goes out after the server forgot its scripts', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const bus = redisStreamsBus(r!.redis, { prefix: `${r!.prefix}:${freshName('t')}` })
    const seen = await collect(bus)
    await writeEvents(sql, schema, 0, 3)
    await r!.redis.script('FLUSH')
    const sent = await countingCommands(async () => {
      expect(await createRelay({ sql, schema, publisher: bus }).drain()).toBe(3)
    })
    expect(sent).toEqual(['evalsha', 'eval'])
    await waitFor(() => seen.length === 3)
    expect(seen).toEqual([0, 1, 2])
    await bus.close()
  })

  test('an XADD refused inside the batch ends the published prefix there; the rest goes out with the next batch', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const prefix = `${r!.prefix}:${freshName('t')}`
    const bus = redisStreamsBus(r!.redis, { prefix })
    const seen = await collect(bus)
    const poked = defineEvent({ type: 'test.poked', version: 1, schema: z.object({ n: z.number().int() }) })
    await writeEvents(sql, schema, 0, 2)
    await sql.begin((tx) =>
      outbox.add(tx, schema, poked.create({ n: 2 }, { source: 'test', requestId: 'req_2' })),
    )
    await writeEvents(sql, schema, 3, 5)
    // A key of another type where poked's stream would be: its XADD fails and ends the batch there.
    await r!.redis.set(`${prefix}:events:test.poked`, 'not a stream')
    const relay = createRelay({ sql, schema, publisher: bus })
    await expect(relay.drain()).rejects.toThrow('WRONGTYPE')
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is not null`)).toBe(2)

    await r!.redis.del(`${prefix}:events:test.poked`)
    expect(await relay.drain()).toBe(3)
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is null`)).toBe(0)
    // Events 3 and 4 were not appended by the refused batch, so they reach their stream once.
    await waitFor(() => seen.length === 4)
    await Bun.sleep(50)
    expect(seen).toEqual([0, 1, 3, 4])
    await bus.close()
  })
})

describe('a relay over a publisher that publishes batches', () => {
  test('marks the published prefix, reports the error that stopped the rest, and sends the rest next time', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const sent = await writeEvents(sql, schema, 0, 5)
    const published: string[] = []
    let failOnce = true
    const batching: Publisher = {
      publish: async () => {
        throw new Error('the relay publishes batches through publishMany')
      },
      publishMany: async (envelopes) => {
        const take = failOnce ? 2 : envelopes.length
        for (const e of envelopes.slice(0, take)) published.push(e.id)
        if (!failOnce) return { published: take }
        failOnce = false
        return { published: take, error: new Error('broker full') }
      },
    }
    const relay = createRelay({ sql, schema, publisher: batching })
    await expect(relay.drain()).rejects.toThrow('broker full')
    expect(await count(sql, `select count(*) from ${schema}.outbox where published_at is not null`)).toBe(2)
    expect(await relay.drain()).toBe(3)
    expect(published).toEqual(sent.map((e) => e.id))
  })
})

describe('outbox retention', () => {
  test('purge deletes published rows past the retention and keeps unpublished and recent ones', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const published: EventEnvelope[] = []
    const relay = createRelay({
      sql,
      schema,
      publisher: { publish: async (e) => void published.push(e) },
      retentionMs: 60_000,
    })
    await writeEvents(sql, schema, 0, 3)
    expect(await relay.drain()).toBe(3)
    await sql.unsafe(
      `update ${schema}.outbox set published_at = now() - interval '2 minutes' where (data->>'n')::int < 2`,
    )
    await writeEvents(sql, schema, 3, 4)
    expect(await relay.purge()).toBe(2)
    const left = (
      await sql.unsafe<{ n: number; published: boolean }[]>(
        `select (data->>'n')::int as n, published_at is not null as published from ${schema}.outbox order by seq`,
      )
    ).map((r) => [r.n, r.published])
    expect(left).toEqual([
      [2, true],
      [3, false],
    ])
  })
})

describe('inbox', () => {
  test('a redelivered event has exactly one effect', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const e = ping(1)
    const effect = (tx: Parameters<Parameters<typeof inbox.handleOnce>[4]>[0]) =>
      tx`insert into ${tx(`${schema}.effects`)} (event_id, n) values (${e.id}, 1)`
    expect(await inbox.handleOnce(sql, schema, 'mailer', e, effect)).toBe('handled')
    expect(await inbox.handleOnce(sql, schema, 'mailer', e, effect)).toBe('duplicate')
    expect(await count(sql, `select count(*) from ${schema}.effects`)).toBe(1)
    // Another consumer keeps its own record of what it handled.
    expect(await inbox.handleOnce(sql, schema, 'analytics', e, effect)).toBe('handled')
    expect(await count(sql, `select count(*) from ${schema}.effects`)).toBe(2)
  })

  test('concurrent deliveries of one event have exactly one effect', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const e = ping(1)
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        inbox.handleOnce(sql, schema, 'mailer', e, async (tx) => {
          await Bun.sleep(20)
          await tx`insert into ${tx(`${schema}.effects`)} (event_id, n) values (${e.id}, 1)`
        }),
      ),
    )
    expect(results.filter((r) => r === 'handled')).toHaveLength(1)
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(9)
    expect(await count(sql, `select count(*) from ${schema}.effects`)).toBe(1)
  })

  test('an effect that fails records nothing, so the retry runs it', async () => {
    const { sql } = db
    const schema = await freshSchema(sql)
    const e = ping(1)
    await expect(
      inbox.handleOnce(sql, schema, 'mailer', e, async (tx) => {
        await tx`insert into ${tx(`${schema}.effects`)} (event_id, n) values (${e.id}, 1)`
        throw new Error('smtp down')
      }),
    ).rejects.toThrow('smtp down')
    expect(await count(sql, `select count(*) from ${schema}.inbox`)).toBe(0)
    const retry = await inbox.handleOnce(sql, schema, 'mailer', e, async (tx) => {
      await tx`insert into ${tx(`${schema}.effects`)} (event_id, n) values (${e.id}, 1)`
    })
    expect(retry).toBe('handled')
    expect(await count(sql, `select count(*) from ${schema}.effects`)).toBe(1)
  })
})
