import type { Registry } from 'prom-client'

const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

interface CountSeries {
  labels: { method: string; route: string; status: string }
  value: number
}

interface LatencySeries {
  labels: { method: string; route: string }
  counts: number[]
  sum: number
  count: number
}

/**
 * `http_requests_total` and `http_request_duration_seconds`, recorded with a map lookup and a few additions
 * per request and rendered by the prom-client registry like any of its own metrics. prom-client's own
 * counters hash their label objects on every call, which cost more than serving a cached read.
 */
export const requestMetrics = (registry: Registry) => {
  // Every series, found through nested maps keyed by the parts (route → method), so recording builds no key string.
  // Each method of a route has one latency series and a count series per status.
  const byRoute = new Map<
    string,
    Map<string, { latency: LatencySeries; byStatus: Map<number, CountSeries> }>
  >()
  const all = function* () {
    for (const methods of byRoute.values()) yield* methods.values()
  }
  const emptyLatency = (method: string, route: string): LatencySeries => ({
    labels: { method, route },
    counts: buckets.map(() => 0),
    sum: 0,
    count: 0,
  })

  registry.registerMetric({
    name: 'http_requests_total',
    help: 'HTTP requests handled',
    type: 'counter',
    get: async () => ({
      name: 'http_requests_total',
      help: 'HTTP requests handled',
      type: 'counter',
      aggregator: 'sum',
      values: [...all()].flatMap((s) =>
        [...s.byStatus.values()].map((c) => ({ labels: c.labels, value: c.value })),
      ),
    }),
    reset: () => {
      for (const s of all()) s.byStatus.clear()
    },
  } as never)
  registry.registerMetric({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    type: 'histogram',
    get: async () => ({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      type: 'histogram',
      aggregator: 'sum',
      values: [...all()].flatMap(({ latency: s }) => [
        ...buckets.map((le, i) => ({
          metricName: 'http_request_duration_seconds_bucket',
          labels: { ...s.labels, le },
          value: s.counts[i]!,
        })),
        {
          metricName: 'http_request_duration_seconds_bucket',
          labels: { ...s.labels, le: '+Inf' },
          value: s.count,
        },
        { metricName: 'http_request_duration_seconds_sum', labels: s.labels, value: s.sum },
        { metricName: 'http_request_duration_seconds_count', labels: s.labels, value: s.count },
      ]),
    }),
    reset: () => {
      for (const s of all()) s.latency = emptyLatency(s.latency.labels.method, s.latency.labels.route)
    },
  } as never)

  const seriesFor = (method: string, route: string) => {
    let methods = byRoute.get(route)
    if (!methods) {
      methods = new Map()
      byRoute.set(route, methods)
    }
    let series = methods.get(method)
    if (!series) {
      series = { latency: emptyLatency(method, route), byStatus: new Map() }
      methods.set(method, series)
    }
    return series
  }

  return {
    record(method: string, route: string, status: number, seconds: number) {
      const series = seriesFor(method, route)
      const c = series.byStatus.get(status)
      if (c) c.value++
      else series.byStatus.set(status, { labels: { method, route, status: String(status) }, value: 1 })
      const l = series.latency
      // Cumulative buckets, as the exposition format wants them.
      for (let i = buckets.length - 1; i >= 0 && seconds <= buckets[i]!; i--) l.counts[i]!++
      l.sum += seconds
      l.count++
    },
  }
}
