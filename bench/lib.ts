// Helpers the benchmarks share: loopback ports, readiness waits, wrk's output, CPU time and core pinning.
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/** Stops the benchmark with a clear message when wrk is not installed. */
export const requireWrk = (bench: string) => {
  if (Bun.spawnSync(['wrk', '--version']).exitCode === null) {
    console.error(`${bench} needs wrk: apt-get install wrk`)
    process.exit(1)
  }
}

/** A free TCP port on 127.0.0.1. */
export const freePort = (): number => {
  const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() })
  const p = s.port!
  s.stop(true)
  return p
}

/** Resolves once `url` answers with anything below 500; gives up after 30 s. */
export const waitFor = async (url: string) => {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {}
    await Bun.sleep(100)
  }
  throw new Error(`${url} never came up`)
}

/** A wrk latency such as `812.00us`, `6.01ms` or `1.20s`, in milliseconds. */
export const parseMs = (value: string): number => {
  const n = Number.parseFloat(value)
  if (value.endsWith('us')) return n / 1000
  if (value.endsWith('ms')) return n
  return n * 1000
}

/** Requests, non-2xx count and p50/p99 from `wrk --latency` output. */
export const parseWrk = (out: string) => ({
  total: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
  non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  p50: parseMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? '0'),
  p99: parseMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? '0'),
})

/** CPU seconds (user + system, all threads) a process has used so far. */
export const cpuSeconds = (pid: number) => {
  const fields = statFields(pid)!
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** A process's `/proc/<pid>/stat` fields after the command name (field 3 onwards); null once it has exited. */
const statFields = (pid: number | string): string[] | null => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  } catch {
    return null
  }
}

/** CPU seconds the children this process has waited for have used (the CLI runs a benchmark starts). */
export const childCpuSeconds = () => {
  const fields = statFields(process.pid)!
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/**
 * CPU seconds used so far by every process running `command` (as `/proc` names it: `postgres`, `redis-server`),
 * with the children they have waited for: a PostgreSQL backend that exits is counted by the postmaster.
 */
export const commandCpuSeconds = (command: string) => {
  let ticks = 0
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    let name: string
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
    } catch {
      continue
    }
    if (name !== command) continue
    const fields = statFields(pid)
    if (fields) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
  }
  return ticks / 100
}

/** CPU seconds the whole machine has been busy (every core, every process) and idle so far, from `/proc/stat`. */
export const machineCpuSeconds = () => {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0)
  return { busy: (total - idle) / 100, idle: idle / 100 }
}

/**
 * A command prefix that runs a process on one core (`taskset`), so a server under test and the load generator
 * do not take turns on the same core. Empty when pinning is off (`BENCH_PIN=0`), there are fewer than two
 * cores, or taskset is missing.
 */
export const pinnedTo = (core: number): string[] => {
  const wanted = process.env.BENCH_PIN !== '0' && availableParallelism() >= 2
  return wanted && Bun.which('taskset') ? ['taskset', '-c', String(core)] : []
}
