// The notification service as a process of its own, killed with SIGKILL in the middle of a batch and started
// again: every message goes out, none is lost. It needs the real servers (PostgreSQL, Redis streams, BullMQ).
import { afterAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { redisStreamsBus, userRegistered } from '@myshop/events'
import { startSendgridStandIn } from '@myshop/provider-standins/sendgrid'
import { openTestDatabase } from '@myshop/testing'
import Redis from 'ioredis'

const entry = join(import.meta.dir, '../src/index.ts')

const freePort = () => {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const port = probe.port
  probe.stop(true)
  return port
}

/** Collects what the service processes print, line by line, so that a wait which fails can show it. */
const processOutput = () => {
  const lines: string[] = []
  const collect = async (name: string, stream: ReadableStream<Uint8Array>) => {
    const reader = stream.getReader()
    const decoder = new TextDecoder()
    let partial = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const parts = (partial + decoder.decode(value, { stream: true })).split('\n')
      partial = parts.pop() ?? ''
      for (const line of parts) lines.push(`${name}: ${line}`)
    }
    if (partial) lines.push(`${name}: ${partial}`)
  }
  return {
    keep: (name: string, stream: ReadableStream<Uint8Array>) => void collect(name, stream).catch(() => {}),
    note: (line: string) => lines.push(line),
    tail: () => lines.slice(-80).join('\n'),
  }
}

type Explain = () => Promise<string>

const failure = async (message: string, explain: Explain) => new Error(`${message}\n${await explain()}`)

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number, explain: Explain) => {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await Bun.sleep(50)
  }
  throw await failure(`timed out waiting until ${what}`, explain)
}

/**
 * Waits until `count` reaches `target`. A loaded machine is slow, so what fails the wait is a count that
 * stops moving for `stallMs`, not the time the whole took: a count stuck short of its target is a message
 * lost or held.
 */
const reaches = async (
  what: string,
  count: () => Promise<number>,
  target: number,
  stallMs: number,
  explain: Explain,
) => {
  let last = -1
  let movedAt = Date.now()
  for (;;) {
    const n = await count()
    if (n >= target) return
    if (n !== last) {
      last = n
      movedAt = Date.now()
    } else if (Date.now() - movedAt > stallMs) {
      throw await failure(`${what}: ${n} of ${target}, and none more for ${stallMs / 1000} s`, explain)
    }
    await Bun.sleep(50)
  }
}

describe.skipIf(!process.env.DATABASE_URL || !process.env.REDIS_URL)(
  'the notification service killed mid-batch',
  () => {
    const sendgrid = startSendgridStandIn()
    afterAll(() => sendgrid.stop())

    test('SIGKILL while sending 60 welcomes: restarted, every one is sent, and only those in flight can repeat', async () => {
      // A database of its own: the one this test process shares holds what the run's earlier files left there
      // (the welcomes of every shop they booted among them), which the counts below would take for this
      // test's.
      const db = await openTestDatabase()
      const { sql } = db
      const prefix = `myshop-kill-${crypto.randomUUID().slice(0, 8)}`
      const stream = `${prefix}:events:user.registered`
      const port = freePort()
      const redis = new Redis(process.env.REDIS_URL!)
      const bus = redisStreamsBus(redis, { prefix })
      const output = processOutput()
      // What a failed wait reports: the welcome consumer group as Redis sees it (read, pending, lag) and what
      // the processes logged.
      const explain: Explain = async () => {
        const groups = await redis.call('XINFO', 'GROUPS', stream).catch((e) => String(e))
        return [
          `--- ${stream} consumer groups ---`,
          JSON.stringify(groups),
          '--- the notification processes, last lines ---',
          output.tail(),
        ].join('\n')
      }
      const spawn = async (name: string, sendsPerSecond: number) => {
        const child = Bun.spawn(['bun', entry], {
          env: {
            ...process.env,
            DATABASE_URL: db.url,
            REDIS_PREFIX: prefix,
            NOTIFICATION_PORT: String(port),
            SENDGRID_API_KEY: sendgrid.apiKey,
            SENDGRID_API_URL: sendgrid.url,
            NOTIFICATION_EMAIL_CONCURRENCY: '4',
            NOTIFICATION_RATE_LIMITS: `sendgrid=${sendsPerSecond}`,
            NOTIFICATION_LEASE_MS: '1500',
            NOTIFICATION_RECOVERY_INTERVAL_MS: '200',
            LOG_LEVEL: 'info',
            LOG_FORMAT: 'json',
          },
          stdout: 'pipe',
          stderr: 'pipe',
        })
        output.keep(name, child.stdout)
        output.keep(name, child.stderr)
        void child.exited.then((code) => output.note(`${name}: exited with ${code}`))
        try {
          // A boot applies the migrations and loads every template; on a loaded machine that takes seconds.
          await until(
            `the ${name} notification process is ready`,
            async () => {
              const ready = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null)
              return ready?.status === 200
            },
            60_000,
            explain,
          )
        } catch (e) {
          child.kill('SIGKILL')
          throw e
        }
        return child
      }
      const recorded = async () =>
        (await sql<{ n: number }[]>`select count(*)::int as n from notifications.deliveries`)[0]!.n
      const sentWelcomes = async () =>
        (
          await sql<{ n: number }[]>`
          select count(*)::int as n from notifications.deliveries where status = 'sent' and template = 'welcome'`
        )[0]!.n
      const emails: string[] = []
      try {
        // The first process sends two a second: however slowly a loaded machine records the deliveries, most
        // are still to send when it dies. The second sends quickly.
        const first = await spawn('first', 2)
        try {
          // Its consumer group reads from the moment it is made: the events come once it exists.
          await until(
            'the welcome consumer group exists',
            async () => {
              const groups = (await redis.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[][]
              return groups.some((group) =>
                group.some((field) => String(field).startsWith('notification-messages')),
              )
            },
            30_000,
            explain,
          )
          for (let i = 0; i < 60; i++) {
            const email = `killed-${prefix}-${i}@example.com`
            emails.push(email)
            await bus.publish(
              userRegistered.create(
                {
                  userId: `usr_kill_${i}`,
                  email,
                  name: `Buyer ${i}`,
                  roles: ['customer'],
                  registeredAt: new Date().toISOString(),
                },
                { source: 'user' },
              ),
            )
          }
          // Every event made its delivery first (an event the dead process had read but not handled would
          // come back only after the bus's visibility timeout): the kill lands in the middle of sending, not
          // of reading.
          await reaches('deliveries recorded by the first process', recorded, 60, 20_000, explain)
          await reaches(
            'welcomes sent by the first process',
            async () => sendgrid.mails.filter((m) => m.to.some((to) => emails.includes(to))).length,
            10,
            20_000,
            explain,
          )
        } finally {
          first.kill('SIGKILL')
          await first.exited
        }
        const sentBeforeKill = new Set(sendgrid.mails.flatMap((m) => m.to))
        const inFlight = (
          await sql<
            { recipient: string }[]
          >`select recipient from notifications.deliveries where status = 'sending'`
        ).map((r) => r.recipient)
        expect(sentBeforeKill.size).toBeLessThan(60)

        const second = await spawn('second', 20)
        try {
          // Those in flight at the kill wait for their lease (1.5 s) to run out; the rest go at once.
          await reaches('welcomes sent after the restart', sentWelcomes, 60, 20_000, explain)
        } finally {
          second.kill('SIGKILL')
          await second.exited
        }
        const perRecipient = new Map<string, number>()
        for (const mail of sendgrid.mails)
          for (const to of mail.to)
            if (emails.includes(to)) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1)
        // Every welcome reached SendGrid; one was sent twice only if it was in flight when the process died
        // (SendGrid takes no idempotency key, so a send it accepted but the dead process never recorded goes
        // out again).
        expect(emails.every((e) => (perRecipient.get(e) ?? 0) >= 1)).toBe(true)
        const repeated = [...perRecipient].filter(([, n]) => n > 1).map(([e]) => e)
        expect(repeated.every((e) => inFlight.includes(e))).toBe(true)
        expect(repeated.length).toBeLessThanOrEqual(4)
        expect(await recorded()).toBe(60)
      } finally {
        // The streams, consumer groups and queues of this run go with it.
        const keys = await redis.keys(`${prefix}:*`)
        if (keys.length > 0) await redis.del(...keys)
        redis.disconnect()
        await db.close()
      }
    }, 150_000)
  },
)
