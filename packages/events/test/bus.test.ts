import { afterAll, describe, expect, test } from 'bun:test'
import { Redis } from 'ioredis'
import { z } from 'zod'
import type { DeliveryContext, EventBus, EventEnvelope } from '../src/index.ts'
import { defineEvent, memoryBus, PoisonMessageError, redisStreamsBus, userRegistered } from '../src/index.ts'
import { collect, collectBroadcast, fast, freshName, openTestRedis, pinged, waitFor } from './support.ts'

const pingedV2 = defineEvent({
  type: 'test.pinged',
  version: 2,
  schema: z.object({ n: z.number(), note: z.string() }),
})

const ping = (n: number) => pinged.create({ n }, { source: 'test' })

// Fast retries so the suite stays quick; blockMs bounds how late Redis notices a due retry.

const busSuite = (makeBus: () => EventBus) => {
  test('delivers a published event to a subscriber with its validated payload', async () => {
    const bus = makeBus()
    const seen: EventEnvelope<{ n: number }>[] = []
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      (e) => {
        seen.push(e)
      },
      fast,
    )
    const sent = ping(7)
    await bus.publish(sent)
    await waitFor(() => seen.length === 1)
    expect(seen[0]).toEqual(sent)
    await bus.close()
  })

  test('keeps the publishing order within one event type', async () => {
    const bus = makeBus()
    const seen = await collect(bus)
    for (let n = 0; n < 30; n++) await bus.publish(ping(n))
    await waitFor(() => seen.length === 30)
    expect(seen).toEqual(Array.from({ length: 30 }, (_, n) => n))
    await bus.close()
  })

  test('retries a failing handler and succeeds without a dead letter', async () => {
    const bus = makeBus()
    const attempts: number[] = []
    let handled = false
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      (_e, ctx: DeliveryContext) => {
        attempts.push(ctx.deliveries)
        if (ctx.deliveries < 3) throw new Error('flaky downstream')
        handled = true
      },
      { ...fast, maxDeliveries: 5 },
    )
    await bus.publish(ping(1))
    await waitFor(() => handled, 5_000, 'third delivery')
    expect(attempts).toEqual([1, 2, 3])
    expect(await bus.deadLetters('g')).toEqual([])
    await bus.close()
  })

  test('dead-letters a message after maxDeliveries failures, with the error', async () => {
    const bus = makeBus()
    let attempts = 0
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      () => {
        attempts++
        throw new Error('always broken')
      },
      { ...fast, maxDeliveries: 3 },
    )
    const sent = ping(1)
    await bus.publish(sent)
    await waitFor(async () => (await bus.deadLetters('g')).length === 1, 5_000, 'dead letter')
    const [dead] = await bus.deadLetters('g')
    expect(attempts).toBe(3)
    expect(dead).toMatchObject({ group: 'g', deliveries: 3, envelope: sent })
    expect(dead?.error).toContain('always broken')
    // Nothing comes back after dead-lettering: the message was acknowledged.
    await Bun.sleep(150)
    expect(attempts).toBe(3)
    await bus.close()
  })

  test('dead-letters an invalid payload and an unknown version without calling the handler', async () => {
    const bus = makeBus()
    let calls = 0
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      () => {
        calls++
      },
      fast,
    )
    const bad = { ...ping(1), data: { n: 'not a number' } } as EventEnvelope
    const future = pingedV2.create({ n: 1, note: 'v2' }, { source: 'test' })
    await bus.publish(bad)
    await bus.publish(future)
    await bus.publish(ping(2))
    await waitFor(
      async () => (await bus.deadLetters('g')).length === 2 && calls === 1,
      5_000,
      'two dead letters',
    )
    const dead = await bus.deadLetters('g')
    expect(dead.map((d) => (d.envelope as EventEnvelope).id)).toEqual([bad.id, future.id])
    expect(dead[0]?.error).toContain('invalid test.pinged v1 payload')
    expect(dead[1]?.error).toContain('no contract for test.pinged v2')
    expect(dead.every((d) => d.deliveries === 1)).toBe(true)
    await bus.close()
  })

  test('dead-letters at once when the handler declares a message poison', async () => {
    const bus = makeBus()
    let attempts = 0
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      () => {
        attempts++
        throw new PoisonMessageError('refers to an unknown order')
      },
      { ...fast, maxDeliveries: 5 },
    )
    await bus.publish(ping(1))
    await waitFor(async () => (await bus.deadLetters('g')).length === 1)
    expect(attempts).toBe(1)
    await bus.close()
  })

  test('two consumers of one group share the events, each handled once', async () => {
    const bus = makeBus()
    const byConsumer = new Map<string, number[]>([
      ['c1', []],
      ['c2', []],
    ])
    const handler = async (e: EventEnvelope<{ n: number }>, ctx: DeliveryContext) => {
      byConsumer.get(ctx.consumer)?.push(e.data.n)
      await Bun.sleep(5)
    }
    await bus.subscribe('g', 'c1', [pinged], handler, { ...fast, batchSize: 1 })
    await bus.subscribe('g', 'c2', [pinged], handler, { ...fast, batchSize: 1 })
    for (let n = 0; n < 40; n++) await bus.publish(ping(n))
    const all = () => [...byConsumer.values()].flat()
    await waitFor(() => all().length >= 40)
    await Bun.sleep(50)
    expect(all().sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n))
    expect(byConsumer.get('c1')?.length).toBeGreaterThan(0)
    expect(byConsumer.get('c2')?.length).toBeGreaterThan(0)
    await bus.close()
  })

  test('two groups each receive every event', async () => {
    const bus = makeBus()
    const a: number[] = []
    const b: number[] = []
    await bus.subscribe(
      'notifications',
      'c1',
      [pinged],
      (e) => {
        a.push(e.data.n)
      },
      fast,
    )
    await bus.subscribe(
      'analytics',
      'c1',
      [pinged],
      (e) => {
        b.push(e.data.n)
      },
      fast,
    )
    for (let n = 0; n < 10; n++) await bus.publish(ping(n))
    await waitFor(() => a.length === 10 && b.length === 10)
    expect(a).toEqual(b)
    await bus.close()
  })

  test('one subscription receives several event types, and only those', async () => {
    const bus = makeBus()
    const types: string[] = []
    await bus.subscribe(
      'g',
      'c1',
      [pinged, userRegistered],
      (e) => {
        types.push(e.type)
      },
      fast,
    )
    await bus.publish(
      userRegistered.create(
        {
          userId: 'usr_1',
          email: 'a@example.com',
          name: 'A',
          roles: ['customer'],
          registeredAt: new Date().toISOString(),
        },
        { source: 'user' },
      ),
    )
    await bus.publish(ping(1))
    await waitFor(() => types.length === 2)
    expect(types.sort()).toEqual(['test.pinged', 'user.registered'])
    await bus.close()
  })

  test('every broadcast subscriber receives every event, beside a consumer group that still gets them too', async () => {
    const bus = makeBus()
    const grouped = await collect(bus)
    const heard = [(await collectBroadcast(bus)).seen, (await collectBroadcast(bus)).seen]
    for (let n = 0; n < 20; n++) await bus.publish(ping(n))
    const all = Array.from({ length: 20 }, (_, n) => n)
    await waitFor(() => grouped.length === 20 && heard.every((seen) => seen.length === 20))
    expect(heard).toEqual([all, all])
    expect(grouped).toEqual(all)
    await bus.close()
  })

  test('a broadcast subscriber sees events from its start on, and skips failures and invalid messages once', async () => {
    const bus = makeBus()
    await bus.publish(ping(0))
    const calls: number[] = []
    await bus.subscribeBroadcast(
      [pinged],
      (e) => {
        calls.push(e.data.n)
        if (e.data.n === 1) throw new Error('handler broke')
      },
      fast,
    )
    await bus.publish(ping(1))
    await bus.publish({ ...ping(2), data: { n: 'not a number' } } as EventEnvelope)
    await bus.publish(pingedV2.create({ n: 3, note: 'v2' }, { source: 'test' }))
    await bus.publish(ping(4))
    await waitFor(() => calls.includes(4))
    await Bun.sleep(100)
    expect(calls).toEqual([1, 4])
    await bus.close()
  })

  test('a stopped broadcast subscription hears nothing more, and other subscribers are unaffected', async () => {
    const bus = makeBus()
    const { seen: stopped, subscription: first } = await collectBroadcast(bus)
    const running: number[] = []
    await bus.subscribeBroadcast(
      [pinged, userRegistered],
      (e) => {
        if (e.type === 'test.pinged') running.push(e.data.n)
      },
      fast,
    )
    await bus.publish(ping(1))
    await waitFor(() => stopped.length === 1 && running.length === 1)
    await first.stop()
    await bus.publish(ping(2))
    await waitFor(() => running.length === 2)
    await Bun.sleep(50)
    expect(stopped).toEqual([1])
    expect(running).toEqual([1, 2])
    await bus.close()
  })

  test('a consumer that stops with a message unacknowledged loses nothing: another takes it over', async () => {
    const bus = makeBus()
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let firstStarted = false
    const first = await bus.subscribe(
      'g',
      'c1',
      [pinged],
      async () => {
        firstStarted = true
        await held
        throw new Error('process died')
      },
      { ...fast, visibilityTimeoutMs: 150 },
    )
    await bus.publish(ping(1))
    await waitFor(() => firstStarted)
    const taken: DeliveryContext[] = []
    await bus.subscribe(
      'g',
      'c2',
      [pinged],
      (_e, ctx) => {
        taken.push(ctx)
      },
      { ...fast, visibilityTimeoutMs: 150 },
    )
    await waitFor(() => taken.length === 1, 5_000, 'takeover')
    expect(taken[0]).toMatchObject({ consumer: 'c2', deliveries: 2 })
    release()
    await first.stop()
    await Bun.sleep(100)
    expect(await bus.deadLetters('g')).toEqual([])
    expect(taken).toHaveLength(1)
    await bus.close()
  })
}

describe('memoryBus', () => {
  busSuite(() => memoryBus())
})

describe.skipIf(!process.env.REDIS_URL)('redisStreamsBus', () => {
  const redisUrl = process.env.REDIS_URL ?? ''
  const r = redisUrl ? openTestRedis(redisUrl) : undefined
  afterAll(async () => {
    await r?.close()
  })
  busSuite(() => redisStreamsBus(r!.redis, { prefix: `${r!.prefix}:${freshName('t')}` }))

  test('an acknowledgement Redis refuses holds back only its own message, not the rest of the batch', async () => {
    const prefix = `${r!.prefix}:${freshName('t')}`
    // The group exists (made by a first consumer, stopped) before the events, so one read takes all five.
    const setup = redisStreamsBus(r!.redis, { prefix })
    const made = await setup.subscribe('g', 'c0', [pinged], () => {}, fast)
    await made.stop()
    for (let n = 1; n <= 5; n++) await setup.publish(ping(n))
    let refused = 0
    const flaky = new Proxy(r!.redis, {
      get(target, property) {
        const value = Reflect.get(target, property, target)
        if (property !== 'call') return typeof value === 'function' ? value.bind(target) : value
        return (command: string, ...args: unknown[]) => {
          if (command === 'XACK' && refused++ === 0) return Promise.reject(new Error('Command timed out'))
          return (value as (...a: unknown[]) => Promise<unknown>).call(target, command, ...args)
        }
      },
    })
    const bus = redisStreamsBus(flaky, { prefix })
    const seen = new Set<number>()
    await bus.subscribe(
      'g',
      'c1',
      [pinged],
      (e) => {
        seen.add(e.data.n)
      },
      { ...fast, visibilityTimeoutMs: 10_000 },
    )
    // Long before the visibility timeout, every other message of the batch was handled.
    await waitFor(() => seen.size === 5, 2_000, 'the rest of the batch')
    expect(refused).toBeGreaterThan(0)
    await bus.close()
    await setup.close()
  })

  test('writes one stream per event type and the dead letters to a stream per group', async () => {
    const prefix = `${r!.prefix}:${freshName('t')}`
    const bus = redisStreamsBus(r!.redis, { prefix })
    await bus.subscribe(
      'billing',
      'c1',
      [pinged],
      () => {
        throw new PoisonMessageError('nope')
      },
      fast,
    )
    await bus.publish(ping(1))
    await waitFor(async () => (await bus.deadLetters('billing')).length === 1)
    expect(await r!.redis.xlen(`${prefix}:events:test.pinged`)).toBe(1)
    expect(await r!.redis.xlen(`${prefix}:dlq:billing`)).toBe(1)
    const pending = (await r!.redis.call('XPENDING', `${prefix}:events:test.pinged`, 'billing')) as [number]
    expect(pending[0]).toBe(0)
    await bus.close()
  })

  test('a broadcast subscription leaves no group, consumer or key behind in Redis', async () => {
    const prefix = `${r!.prefix}:${freshName('t')}`
    const bus = redisStreamsBus(r!.redis, { prefix })
    const { seen, subscription } = await collectBroadcast(bus)
    await bus.publish(ping(1))
    await waitFor(() => seen.length === 1)
    const started = Date.now()
    await subscription.stop()
    // The blocking read is cut short instead of waited out.
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(await r!.redis.call('XINFO', 'GROUPS', `${prefix}:events:test.pinged`)).toEqual([])
    expect(await r!.redis.keys(`${prefix}:*`)).toEqual([`${prefix}:events:test.pinged`])
    await bus.close()
  })

  test('a broadcast subscriber resumes where it was after its connection drops', async () => {
    // A client of its own, named so the test can find (and kill) only its subscription's connection.
    const name = freshName('broadcast')
    const own = new Redis(redisUrl, { connectionName: name, maxRetriesPerRequest: 3 })
    const bus = redisStreamsBus(own, { prefix: `${r!.prefix}:${freshName('t')}` })
    const { seen } = await collectBroadcast(bus)
    await bus.publish(ping(1))
    await waitFor(() => seen.length === 1)
    const clients = (await r!.redis.call('CLIENT', 'LIST', 'TYPE', 'normal')) as string
    const reader = clients.split('\n').find((l) => l.includes(` name=${name} `) && l.includes(' cmd=xread '))
    await r!.redis.call('CLIENT', 'KILL', 'ID', reader!.match(/id=(\d+)/)![1]!)
    await bus.publish(ping(2))
    await bus.publish(ping(3))
    await waitFor(() => seen.length === 3, 5_000, 'events after the reconnect')
    expect(seen).toEqual([1, 2, 3])
    await bus.close()
    await own.quit()
  })
})
