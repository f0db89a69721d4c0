// The README's quick start, run as written: its marked shell blocks (`<!-- readme-walkthrough: NAME -->`) against
// MyShop booted as `myshop start` boots it, with only the gateway's address put in for localhost:8080.
import { describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './run-cli.ts'
import { bootForFile } from './test-platform.ts'

const booted = bootForFile('copper-Meadow-71-falcon')
const home = mkdtempSync(join(tmpdir(), 'myshop-readme-'))
const readme = readFileSync(join(import.meta.dir, '../../README.md'), 'utf8')

/** The shell block the README marks with `name`, exactly as a reader would copy it. */
const block = (name: string): string => {
  const found = new RegExp(`<!-- readme-walkthrough: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(
    readme,
  )
  if (!found) throw new Error(`README.md has no walkthrough block "${name}"`)
  return found[1]!
}

/** Runs a block in bash, stopping at the first failing command, against the booted gateway. */
const run = async (script: string) => {
  const gateway = new URL(booted.platform.gatewayUrl).host
  const proc = Bun.spawn(['bash', '-euo', 'pipefail', '-c', script.replaceAll('localhost:8080', gateway)], {
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  return { stdout, stderr, code }
}

describe('the README quick start, as written', () => {
  test('a shopper registers, fills a cart with a seeded product, checks out with tok_visa and reads the paid order', async () => {
    const cli = (...args: string[]) => runCli([...args, '--url', booted.platform.gatewayUrl], { home })
    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    expect((await cli('seed', '--products', '3', '--yes')).code).toBe(0)

    const registered = await run(block('register'))
    expect(registered).toMatchObject({ code: 0, stderr: '' })
    expect(registered.stdout).toContain('"email":"ada@example.com"')

    const bought = await run(block('buying'))
    expect(bought.stderr).toBe('')
    expect(bought.code).toBe(0)
    // Each curl prints one JSON document: the cart with its line, the shipping options, the order, the order list.
    const documents = bought.stdout.split(/(?<=})(?=[{[])/).map((text) => JSON.parse(text))
    const [cart, options, order, orders] = documents
    expect(cart.items).toMatchObject([{ sku: 'APP-000001', quantity: 1 }])
    expect(options.items.map((option: { id: string }) => option.id)).toContain('shp_standard')
    expect(order).toMatchObject({
      status: 'paid',
      email: 'ada@example.com',
      lines: [{ sku: 'APP-000001', quantity: 1 }],
      payment: { status: 'captured' },
    })
    expect(order.totals.total).toBe(order.totals.subtotal + order.totals.shipping + order.totals.tax)
    expect(orders.items.map((listed: { id: string }) => listed.id)).toEqual([order.id])
  }, 120_000)
})
