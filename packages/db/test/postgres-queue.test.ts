import { expect, test } from 'bun:test'
import { dirname, join } from 'node:path'

// postgres.js keeps its connections in queues (open, busy, full, ...) and moves a connection between them on
// every query. Under steady load its busy queue is shifted and pushed for every pipelined query and never drains,
// and the shipped queue then kept every shifted slot: the array, and the search `remove` makes through it on each
// move, grew with the number of queries served (a service's CPU per request tripled within a minute of load).
// MyShop applies a patch (patches/postgres@*.patch); this holds the installed queue to it.
const { default: Queue } = (await import(
  join(dirname(Bun.resolveSync('postgres', import.meta.dir)), 'queue.js')
)) as {
  default: <T>() => { length: number; push(x: T): T; shift(): T | undefined; remove(x: T): T | null }
}

test("postgres.js's queue does not grow with the operations it has served", () => {
  const busy = Queue<object>()
  const connections = Array.from({ length: 10 }, () => ({}))
  for (const c of connections) busy.push(c)

  const searched: number[] = []
  const indexOf = Array.prototype.indexOf
  Array.prototype.indexOf = function (this: unknown[], ...args: Parameters<typeof indexOf>) {
    searched.push(this.length)
    return indexOf.apply(this, args)
  }
  try {
    // The pool's pattern when every connection is busy: take one to pipeline onto, move it (a remove that finds
    // nothing, then a push); now and then one goes idle (a remove that finds it) and comes back.
    for (let i = 0; i < 20_000; i++) {
      const c = busy.shift()!
      busy.remove(c)
      busy.push(c)
      if (i % 7 === 0) {
        const idle = connections[i % connections.length]!
        if (busy.remove(idle)) busy.push(idle)
      }
    }
  } finally {
    Array.prototype.indexOf = indexOf
  }
  expect(busy.length).toBe(10)
  expect(Math.max(...searched)).toBeLessThan(100)
  // Every connection is still there, once.
  const left = Array.from({ length: 10 }, () => busy.shift())
  expect(new Set(left).size).toBe(10)
  expect(busy.length).toBe(0)
})
