// Exports stream: the CLI runs in this process (as an embedder would run it) so its memory can be watched while a
// large CSV passes through it, and a body that breaks off midway leaves no file behind.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createProgram } from '../src/program.ts'
import { adminEmail, adminPassword, type FakeMyShop, startFakeMyShop } from './fake-myshop.ts'
import { bucketOf, salesRows } from './large-report-fake.ts'
import { removeHome, runCli, tempHome } from './run-cli.ts'

let fake: FakeMyShop
let home: string

const signIn = async () => {
  const login = await runCli(
    ['login', '--email', adminEmail, '--password', adminPassword, '--url', fake.url],
    {
      home,
    },
  )
  expect(login.code).toBe(0)
}

beforeAll(async () => {
  fake = startFakeMyShop()
  home = await tempHome()
  await signIn()
})
afterAll(async () => {
  await fake.stop()
  await removeHome(home)
})

/** A sink that counts what it is given and keeps only the last few kilobytes. */
const sink = () => {
  let bytes = 0
  let tail = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      tail = (tail + chunk.toString()).slice(-4096)
      done()
    },
  })
  return { stream, bytes: () => bytes, tail: () => tail }
}

const run = async (args: string[], url = fake.url) => {
  const stdout = sink()
  const stderr = sink()
  const cli = createProgram({
    config: { url, home, color: false },
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: process.stdin,
    fetch,
    now: () => new Date(),
    signal: new AbortController().signal,
    env: {},
  })
  const code = await cli.run(args)
  return { code, stdout, stderr }
}

const rowCount = 200_000
const manyRows = (count = rowCount) => salesRows(count)

const window = ['--from', '2026-06-01', '--to', '2026-09-01', '--group-by', 'hour']

describe('a large export', () => {
  test('passes 200,000 CSV rows to the file without holding them: memory stays flat', async () => {
    // The server runs in a process of its own, so what this process's memory holds is the CLI's alone.
    const server = Bun.spawn(
      [process.execPath, join(import.meta.dir, 'large-report-fake.ts'), String(rowCount)],
      {
        stdout: 'pipe',
      },
    )
    try {
      const first = await server.stdout.getReader().read()
      const url = new TextDecoder().decode(first.value).trim()
      const login = await runCli(
        ['login', '--email', adminEmail, '--password', adminPassword, '--url', url],
        { home },
      )
      expect(login.code).toBe(0)
      // A first run loads every module the export uses, so what is measured below is the export alone.
      expect((await run(['reports', 'sales', ...window, '--out', join(home, 'warm.csv')], url)).code).toBe(0)

      const sales = await measure(url, 'sales')
      expect(sales.size).toBeGreaterThan(12_000_000)
      const lines = (await readFile(sales.file, 'utf8')).split('\r\n')
      expect(lines[0]).toBe('bucket,currency,orders,units,revenue,refunds,net,averageOrderValue')
      expect(lines[1]).toBe('2026-06-01T00:00:00.000Z,EUR,0,0,1000.00,0.00,1000.00,43.21')
      expect(lines.at(-2)).toBe(
        `${bucketOf(rowCount - 1)},EUR,${(rowCount - 1) % 97},${(rowCount - 1) % 193},2999.99,9.99,2990.00,43.21`,
      )
      expect(lines.length).toBe(rowCount + 2)
      expect(sales.growth).toBeLessThan(sales.size)

      // Rows of 1 kB: an export of 200 MB, which a CLI holding it would grow by at least that much. Streamed, what
      // grows is the runtime's read-ahead of the response (a fraction of the body, more the faster the server).
      const inventory = await measure(url, 'inventory')
      expect(inventory.size).toBeGreaterThan(190_000_000)
      expect(inventory.growth).toBeLessThan(inventory.size / 2)
      await rm(inventory.file)
    } finally {
      server.kill()
      await signIn()
    }
  }, 120_000)

  /** Runs one export of the large fake to a file, watching this process's resident memory meanwhile. */
  const measure = async (url: string, report: string) => {
    Bun.gc(true)
    const before = process.memoryUsage().rss
    let peak = before
    // The collector is asked to run as the rows pass: what is measured is what the export keeps, not pieces
    // already let go of and not yet collected.
    const sampler = setInterval(() => {
      Bun.gc(false)
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 10)
    const file = join(home, `${report}.csv`)
    const result = await run(['reports', report, ...window, '--out', file], url)
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    expect(result.code).toBe(0)
    const size = (await stat(file)).size
    expect(result.stderr.tail()).toContain(`Wrote 200,000 rows (${(size / 1e6).toFixed(1)} MB) to ${file}`)
    return { file, size, growth: peak - before }
  }

  test('streams the same rows to stdout without a progress bar', async () => {
    fake.reports.rows.set('sales', () => manyRows(50_000))
    const result = await run(['reports', 'sales', ...window, '--format', 'csv'])
    expect(result.code).toBe(0)
    expect(result.stdout.bytes()).toBeGreaterThan(3_000_000)
    expect(result.stdout.tail()).toEndWith(`${bucketOf(49_999)},EUR,44,12,1499.99,9.99,1490.00,43.21\r\n`)
    expect(result.stderr.tail()).toBe('')
  }, 60_000)
})

describe('a broken transfer', () => {
  test('deletes the partial file and exits 1 with what was received', async () => {
    fake.reports.rows.set('sales', () => manyRows(20_000))
    fake.reports.breakAfter.set('sales', 12_000)
    try {
      for (const format of ['csv', 'json']) {
        const file = join(home, `broken.${format}`)
        const result = await run(['reports', 'sales', ...window, '--out', file])
        expect(result.code).toBe(1)
        expect(result.stderr.tail()).toMatch(
          new RegExp(
            `^error: the export broke off after [\\d,]+ bytes \\([\\d,]+ rows\\): .+; ${file} was not written\\n$`,
          ),
        )
        expect((await readdir(home)).filter((name) => name.startsWith('broken'))).toEqual([])
      }
    } finally {
      fake.reports.breakAfter.clear()
    }
  }, 60_000)

  test('a cut on stdout is an error too, so a pipe never takes a short export for a whole one', async () => {
    fake.reports.rows.set('sales', () => manyRows(5000))
    fake.reports.breakAfter.set('sales', 3000)
    try {
      const result = await run(['reports', 'sales', ...window, '--format', 'json'])
      expect(result.code).toBe(1)
      expect(result.stderr.tail()).toMatch(/^error: the export broke off after [\d,]+ bytes \([\d,]+ rows\)/)
    } finally {
      fake.reports.breakAfter.clear()
    }
  }, 60_000)
})
