// Notifications under load, in one process: events in, emails handed to a local SendGrid stand-in through the
// official @sendgrid/mail SDK, per second. Three rounds in the same run, on the same Redis and PostgreSQL:
//   1. bare BullMQ: add a job, a worker posts the same email through the same SDK — the floor of the work itself;
//   2. MyShop on BullMQ: each event rendered with the real templates into a delivery (unique per event, channel
//      and recipient, recorded with the inbox in one transaction), queued, leased, sent and settled;
//   3. MyShop on the PostgreSQL queue (what embedded mode uses, here on the server).
// Prints messages per second for each and the ratio of 2 to 1 (target: at least 0.5).
//
// Usage: bun run bench:notifications
//   env: BENCH_MESSAGES (per round, 2000), BENCH_CONCURRENCY (email sends at a time, 20), DATABASE_URL (default
//   postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped), REDIS_URL (default
//   redis://127.0.0.1:6379). Everything listens on 127.0.0.1.

import { connect, migrate } from '@myshop/db'
import { userRegistered } from '@myshop/events'
import { silentLogger } from '@myshop/logger'
import { startSendgridStandIn } from '@myshop/provider-standins/sendgrid'
import { Queue, Worker } from 'bullmq'
import Redis from 'ioredis'
import { sendgridEmail } from '../services/notification/src/channels/sendgrid.ts'
import { onUserRegistered } from '../services/notification/src/consumers/service.ts'
import { startDelivering } from '../services/notification/src/deliveries/service.ts'
import type { NotificationDeps } from '../services/notification/src/deps.ts'
import { migrationsDir } from '../services/notification/src/index.ts'
import { bullmqQueue } from '../services/notification/src/queue/bullmq.ts'
import type { NotificationQueue } from '../services/notification/src/queue/model.ts'
import { postgresQueue } from '../services/notification/src/queue/postgres.ts'
import { renderEmail, renderPush, renderSms } from '../services/notification/src/templates/index.ts'

const messages = Number(process.env.BENCH_MESSAGES ?? 2000)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20)
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `myshop-bench-${Date.now().toString(36)}`

const dbName = `myshop_bench_${Date.now().toString(36)}`
const server = connect(serverUrl, { max: 1 })
await server.unsafe(`create database ${dbName}`)
const dbUrl = new URL(serverUrl)
dbUrl.pathname = `/${dbName}`
const sql = connect(dbUrl.toString(), { max: concurrency + 5 })
await migrate(sql, 'notifications', migrationsDir)

const standIn = startSendgridStandIn()
const sender = sendgridEmail({ apiKey: standIn.apiKey, apiUrl: standIn.url })
const welcome = async (i: number) => ({
  channel: 'email' as const,
  to: `bench-${i}@example.com`,
  from: 'MyShop <shop@myshop.local>',
  headers: {},
  ...(await renderEmail({
    template: 'welcome',
    locale: 'en',
    data: { name: `Buyer ${i}`, email: `bench-${i}@example.com` },
  })),
})

const rate = (count: number, ms: number) => (count / ms) * 1000

/** Round 1: BullMQ's own add-and-process loop, sending the same email through the same SDK. */
const bare = async () => {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue('bench-bare', { connection, prefix })
  const before = standIn.mails.length
  const started = performance.now()
  let done = 0
  const finished = Promise.withResolvers<void>()
  const worker = new Worker(
    'bench-bare',
    async (job) => {
      const result = await sender.send(await welcome(job.data.i), job.id!)
      if (result.outcome !== 'sent') throw new Error(result.outcome)
      if (++done === messages) finished.resolve()
    },
    { connection, prefix, concurrency },
  )
  for (let i = 0; i < messages; i++)
    await queue.add('send', { i }, { jobId: `bare-${i}`, removeOnComplete: true })
  await finished.promise
  const ms = performance.now() - started
  await worker.close()
  await queue.obliterate({ force: true })
  await queue.close()
  connection.disconnect()
  if (standIn.mails.length - before !== messages) throw new Error('the bare loop lost messages')
  return rate(messages, ms)
}

/** Rounds 2 and 3: MyShop's pipeline from events to the provider, on the given queue. */
const pipeline = async (label: string, queue: NotificationQueue) => {
  const deps: NotificationDeps = {
    sql,
    now: Date.now,
    logger: silentLogger(),
    verifier: { verify: async () => ({ ok: false }) } as never,
    eventsWritten: () => {},
    queue,
    senders: [sender],
    renderer: { renderEmail, renderSms, renderPush },
    recipients: { forUser: async ({ email }) => ({ locale: 'en', email, sms: null, push: [] }) },
    directory: { usersWithRole: async () => [], order: async () => null },
    settings: {
      emailFrom: 'MyShop <shop@myshop.local>',
      publicUrl: 'http://127.0.0.1:8080',
      owner: `bench-${label}`,
      leaseMs: 60_000,
      concurrency: { email: concurrency, sms: 1, push: 1 },
      rateLimits: {},
      callbacks: {},
    },
    features: {
      sql,
      verifier: { verify: async () => ({ ok: false }) } as never,
      now: Date.now,
      logger: silentLogger(),
      config: { NOTIFICATION_UNSUBSCRIBE_SECRET: 'bench-unsubscribe-secret' },
    },
  }
  const before = standIn.mails.length
  await startDelivering(deps)
  const started = performance.now()
  // Events arrive as the bus hands them over: a few consumers at once.
  let next = 0
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < messages) {
        const i = next++
        await onUserRegistered(
          deps,
          userRegistered.create(
            {
              userId: `usr_${label}_${i}`,
              email: `${label}-${i}@example.com`,
              name: `Buyer ${i}`,
              roles: ['customer'],
              registeredAt: new Date().toISOString(),
            },
            { source: 'user' },
          ),
        )
      }
    }),
  )
  while (standIn.mails.length - before < messages) await Bun.sleep(5)
  const ms = performance.now() - started
  await queue.stop()
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from notifications.deliveries where status = 'sent' and recipient like ${`${label}-%`}`
  const n = row?.n ?? 0
  if (n !== messages) throw new Error(`${label}: ${n} of ${messages} deliveries sent`)
  return rate(messages, ms)
}

const policy = { maxAttempts: 3, baseMs: 100, maxMs: 1000 }
try {
  const bareRate = await bare()
  const bullRate = await pipeline(
    'bullmq',
    bullmqQueue({ redisUrl, prefix, logger: silentLogger(), policy, leaseMs: 60_000 }),
  )
  const pgRate = await pipeline(
    'postgres',
    postgresQueue({ sql, logger: silentLogger(), policy, leaseMs: 60_000, pollMs: 50 }),
  )
  console.log(`messages per round: ${messages}, email sends at a time: ${concurrency}`)
  console.log(`bare BullMQ add-and-process:        ${bareRate.toFixed(0)} messages/s`)
  console.log(`MyShop events → provider (BullMQ):  ${bullRate.toFixed(0)} messages/s`)
  console.log(`MyShop events → provider (Postgres): ${pgRate.toFixed(0)} messages/s`)
  console.log(`ratio MyShop/bare (BullMQ): ${(bullRate / bareRate).toFixed(2)}x (target ≥ 0.5x)`)
} finally {
  await standIn.stop()
  await sql.end()
  await server.unsafe(`drop database ${dbName} with (force)`)
  await server.end()
  const redis = new Redis(redisUrl)
  const keys = await redis.keys(`${prefix}:*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
}
