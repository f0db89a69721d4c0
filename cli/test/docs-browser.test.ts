// The API reference at /docs, opened in a real headless Chromium against MyShop booted as `myshop start` boots
// it: the page must render every service's operations with nothing loaded from anywhere but the gateway, and
// without breaking its own content security policy. Needs Debian's chromium (/usr/bin/chromium); skipped without.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import type { RunningPlatform } from '../src/platform.ts'
import { startTestPlatform } from './test-platform.ts'

const chromium = '/usr/bin/chromium'
const hasChromium = existsSync(chromium)
if (!hasChromium)
  console.warn(
    `SKIP docs-browser: ${chromium} is missing (apt-get install chromium) — /docs is not rendered here`,
  )

let platform: RunningPlatform

beforeAll(async () => {
  if (hasChromium) platform = await startTestPlatform()
}, 120_000)
afterAll(async () => {
  await platform?.stop()
})

type Operation = { summary?: string; operationId?: string; tags?: string[] }
type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>

const operationsAt = async (origin: string) => {
  const spec = (await (await fetch(`${origin}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>
  }
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, ...op })),
  )
}

/** Opens `<origin>/docs`, refusing and recording every request to another origin, and reads what it rendered. */
const renderReference = async (browser: Browser, origin: string) => {
  const page = await browser.newPage()
  const own = new URL(origin)
  const foreign: string[] = []
  const failed: string[] = []
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin === own.origin || url.protocol === 'data:') return route.continue()
    foreign.push(url.href)
    return route.abort()
  })
  page.on('requestfailed', (r) => failed.push(r.url()))
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  const res = await page.goto(`${origin}/docs`)
  expect(res?.status()).toBe(200)
  await page.waitForSelector('.opblock', { timeout: 20_000 })
  // The text a reader sees, not the DOM's: innerText, which leaves out what is hidden.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is asserted
  const text = await page.locator('body').innerText()
  const blocks = await page.locator('.opblock').count()
  await page.close()
  return { text, blocks, offOrigin: { foreign, failed, violations } }
}

const launch = async () => {
  const { chromium: browserType } = await import('playwright-core')
  return browserType.launch({
    executablePath: chromium,
    // Chromium's own background traffic (updates, sync, QUIC probes) is not the page's: keep it off.
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

const clean = { foreign: [], failed: [], violations: [] }

describe('/docs in a browser', () => {
  test.skipIf(!hasChromium)(
    'renders the operations of every service, loading nothing from another origin',
    async () => {
      const operations = await operationsAt(platform.gatewayUrl)
      // Both services' operations are in the document the page is built from.
      // Operation ids are the services' own; the tags say which service an operation belongs to.
      expect(operations.some((o) => o.tags?.some((tag) => tag.startsWith('user:')))).toBe(true)
      expect(operations.some((o) => o.tags?.some((tag) => tag.startsWith('product:')))).toBe(true)

      const browser = await launch()
      try {
        const { text, blocks, offOrigin } = await renderReference(browser, platform.gatewayUrl)
        const missing = operations
          .filter((o) => !text.includes(o.summary ?? o.path))
          .map((o) => `${o.method} ${o.path}`)
        expect(missing).toEqual([])
        // A few operations by name, so a document without summaries cannot pass by paths alone.
        for (const summary of operations.flatMap((o) => (o.summary ? [o.summary] : [])).slice(0, 5))
          expect(text).toContain(summary)
        expect(blocks).toBe(operations.length)
        expect(offOrigin).toEqual(clean)
      } finally {
        await browser.close()
      }
    },
    60_000,
  )

  test.skipIf(!hasChromium)(
    "each service's own /docs renders its operations from the service alone",
    async () => {
      expect(Object.keys(platform.services).length).toBeGreaterThanOrEqual(2)
      const browser = await launch()
      try {
        for (const [service, origin] of Object.entries(platform.services)) {
          const operations = await operationsAt(origin)
          const { blocks, offOrigin } = await renderReference(browser, origin)
          expect({ service, blocks, offOrigin }).toEqual({
            service,
            blocks: operations.length,
            offOrigin: clean,
          })
        }
      } finally {
        await browser.close()
      }
    },
    60_000,
  )
})
