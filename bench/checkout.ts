// Checkout under load, on the real platform as `myshop start` boots it in distributed mode (gateway and services in
// one process, PostgreSQL, Redis): concurrent buyers each doing the full flow through the gateway (create a cart,
// add an item, check out with the test provider's tok_visa), first all on one hot SKU, then spread over many SKUs,
// in the same run. Prints checkouts per second, p50/p99 of the whole flow, the CPU each process spends per
// checkout, and the units sold beyond stock (must be 0), then a scarce round: many buyers at once for a few units.
//
// Usage: bun run bench:checkout
//   env: BENCH_BUYERS (concurrent buyers, 16), BENCH_SECONDS (per round, 10), BENCH_SKUS (spread round, 50),
//   BENCH_SCARCE_UNITS (20) and BENCH_SCARCE_BUYERS (200), DATABASE_URL (default
//   postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped), REDIS_URL (default
//   redis://127.0.0.1:6379). Everything listens on 127.0.0.1.
import { commandCpuSeconds, cpuSeconds } from './lib.ts'
import { servePlatformIfChild, spawnPlatform } from './platform.ts'

await servePlatformIfChild()

const buyers = Number(process.env.BENCH_BUYERS ?? 16)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const spreadSkus = Number(process.env.BENCH_SKUS ?? 50)
const scarceUnits = Number(process.env.BENCH_SCARCE_UNITS ?? 20)
const scarceBuyers = Number(process.env.BENCH_SCARCE_BUYERS ?? 200)
/** Stock of each SKU in the timed rounds: more than any round sells, so every checkout can succeed. */
const plenty = 1_000_000

const platform = await spawnPlatform(import.meta.path, 'checkout')
const { gateway } = platform
const cleanup = platform.stop

interface Answer {
  status: number
  body: Record<string, unknown>
}

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${gateway}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {} } as Answer
}

const expectStatus = (answer: Answer, status: number, what: string) => {
  if (answer.status !== status)
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

const login = expectStatus(await call('POST', '/api/v1/auth/login', platform.admin), 200, 'signing in')
const asAdmin = { authorization: `Bearer ${login.accessToken as string}` }

/** A new active product of one SKU with `onHand` units in stock, once the inventory service has counted it. */
const stockedSku = async (label: string, onHand: number): Promise<string> => {
  const sku = `BENCH-${label}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase()
  expectStatus(
    await call(
      'POST',
      '/api/v1/products',
      {
        name: `Bench ${label}`,
        status: 'active',
        variants: [{ sku, price: { amount: 1999, currency: 'EUR' } }],
      },
      asAdmin,
    ),
    201,
    `creating ${sku}`,
  )
  // The inventory service counts a new product's SKUs from its product.created event.
  for (let tries = 0; (await call('GET', `/api/v1/inventory/${sku}`)).status !== 200; tries++) {
    if (tries > 200) throw new Error(`${sku} never appeared in the inventory`)
    await Bun.sleep(50)
  }
  expectStatus(
    await call(
      'POST',
      `/api/v1/inventory/${sku}/adjustments`,
      { delta: onHand, reason: 'delivery' },
      asAdmin,
    ),
    201,
    `stocking ${sku}`,
  )
  return sku
}

const onHand = async (sku: string): Promise<number> => {
  const stock = expectStatus(await call('GET', `/api/v1/inventory/${sku}`, undefined, asAdmin), 200, sku)
  return (stock.locations as { onHand: number }[]).reduce((sum, location) => sum + location.onHand, 0)
}

const options = expectStatus(
  await call('GET', '/api/v1/shipping-options?country=DE&currency=EUR'),
  200,
  'listing shipping options',
)
const shippingOption = ((options.items ?? options) as { id: string; isDefault: boolean }[]).find(
  (option) => option.isDefault,
)!.id

/** One buyer's whole flow: a cart, one unit of `sku`, a checkout with a card that succeeds. Resolves the status. */
const buy = async (sku: string): Promise<number> => {
  const cart = expectStatus(await call('POST', '/api/v1/carts', {}), 201, 'creating a cart')
  const cartId = cart.id as string
  expectStatus(
    await call('POST', `/api/v1/carts/${cartId}/items`, { sku, quantity: 1 }),
    200,
    'adding an item',
  )
  const checkout = await call(
    'POST',
    '/api/v1/checkout',
    {
      cartId,
      email: 'buyer@example.com',
      shippingAddress: {
        name: 'Ada Buyer',
        line1: 'Hauptstraße 1',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
      shippingOption,
      payment: { provider: 'test', token: 'tok_visa' },
    },
    { 'idempotency-key': crypto.randomUUID() },
  )
  if (checkout.status !== 201 && checkout.status !== 409)
    throw new Error(`checkout: HTTP ${checkout.status} ${JSON.stringify(checkout.body)}`)
  return checkout.status
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

interface Round {
  name: string
  checkouts: number
  perSecond: number
  p50: number
  p99: number
  /** CPU milliseconds per successful checkout, per process. */
  cpuMs: Record<string, number>
  oversold: number
}

/** Every process's CPU seconds so far: the platform, PostgreSQL, Redis and this driver. */
const cpuNow = () => ({
  platform: cpuSeconds(platform.pid),
  postgres: commandCpuSeconds('postgres'),
  redis: commandCpuSeconds('redis-server'),
  driver: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
})

/** `buyers` buyers, each buying again as soon as they are done, for `seconds`, each time picking a SKU of `skus`. */
const round = async (name: string, skus: string[]): Promise<Round> => {
  const before = Object.fromEntries(
    await Promise.all(skus.map(async (sku) => [sku, await onHand(sku)] as const)),
  )
  const latencies: number[] = []
  const sold = new Map<string, number>()
  const cpuBefore = cpuNow()
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: buyers }, async (_, buyer) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const sku = skus[(buyer + n * buyers) % skus.length]!
        const t0 = performance.now()
        const status = await buy(sku)
        latencies.push(performance.now() - t0)
        if (status === 201) sold.set(sku, (sold.get(sku) ?? 0) + 1)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const cpuAfter = cpuNow()
  const checkouts = [...sold.values()].reduce((a, b) => a + b, 0)
  let oversold = 0
  for (const sku of skus) {
    const left = await onHand(sku)
    const taken = before[sku]! - left
    // Units paid for beyond what the stock gave, and any stock gone below zero.
    oversold += Math.max(0, (sold.get(sku) ?? 0) - before[sku]!) + Math.max(0, -left)
    if (taken !== (sold.get(sku) ?? 0)) oversold += Math.abs(taken - (sold.get(sku) ?? 0))
  }
  latencies.sort((a, b) => a - b)
  const cpuMs = Object.fromEntries(
    Object.entries(cpuAfter).map(([process, after]) => [
      process,
      checkouts ? ((after - cpuBefore[process as keyof typeof cpuBefore]) * 1000) / checkouts : 0,
    ]),
  )
  return {
    name,
    checkouts,
    perSecond: checkouts / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMs,
    oversold,
  }
}

const results: Round[] = []
let scarce: { units: number; buyers: number; paid: number; refused: number; onHandAfter: number } | undefined
try {
  const hot = await stockedSku('HOT', plenty)
  const spread: string[] = []
  for (let i = 0; i < spreadSkus; i++) spread.push(await stockedSku(`S${i}`, plenty))
  // A short warm-up, so both rounds run on a warm platform.
  await Promise.all(Array.from({ length: buyers }, (_, i) => buy(spread[i % spread.length]!)))

  results.push(await round('hot (1 SKU)', [hot]))
  results.push(await round(`spread (${spreadSkus} SKUs)`, spread))

  const few = await stockedSku('SCARCE', scarceUnits)
  const statuses = await Promise.all(Array.from({ length: scarceBuyers }, () => buy(few)))
  scarce = {
    units: scarceUnits,
    buyers: scarceBuyers,
    paid: statuses.filter((s) => s === 201).length,
    refused: statuses.filter((s) => s === 409).length,
    onHandAfter: await onHand(few),
  }
} finally {
  await cleanup()
}

const ms = (n: number) => `${n.toFixed(1)} ms`
console.log(
  `\nbench:checkout: ${buyers} buyers, ${seconds} s per round, distributed mode (PostgreSQL + Redis)\n`,
)
console.log(
  'round                 checkouts/s   p50 flow   p99 flow   oversold   CPU per checkout (platform / postgres / redis / driver)',
)
for (const r of results)
  console.log(
    `${r.name.padEnd(22)}${r.perSecond.toFixed(1).padStart(11)}${ms(r.p50).padStart(11)}${ms(r.p99).padStart(11)}${String(r.oversold).padStart(11)}   ${ms(r.cpuMs.platform!)} / ${ms(r.cpuMs.postgres!)} / ${ms(r.cpuMs.redis!)} / ${ms(r.cpuMs.driver!)}`,
  )
const [hotRound, spreadRound] = results
console.log(`\nhot / spread: ${(hotRound!.perSecond / spreadRound!.perSecond).toFixed(2)}× (target ≥ 0.5×)`)
if (scarce)
  console.log(
    `scarce: ${scarce.buyers} buyers at once for ${scarce.units} units → ${scarce.paid} paid, ${scarce.refused} × 409, on hand after ${scarce.onHandAfter}, oversold ${Math.max(0, scarce.paid - scarce.units)}`,
  )
console.log(JSON.stringify({ buyers, seconds, rounds: results, scarce }))
const failed =
  results.some((r) => r.oversold > 0) ||
  (scarce !== undefined && (scarce.paid !== scarce.units || scarce.onHandAfter !== 0))
process.exit(failed ? 1 : 0)
