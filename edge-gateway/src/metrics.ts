// A small Prometheus text exposition: prom-client leans on Node's process and perf_hooks, and the
// gateway must also run on Workers, so the few series it needs are kept here.

type Labels = Record<string, string>

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
  return parts.length ? `{${parts.join(',')}}` : ''
}
// Every call site passes its labels in the same order, so the values alone identify a series.
const keyOf = (labels: Labels) => {
  let key = ''
  for (const k in labels) key += `${labels[k]}\u0000`
  return key
}

export interface Counter {
  inc(labels: Labels, by?: number): void
  /** The series for these labels, found once: a hot path keeps it and counts without building a key. */
  series(labels: Labels): { inc(by?: number): void }
}

export interface Histogram {
  observe(labels: Labels, value: number): void
  /** The series for these labels, found once (see `Counter.series`). */
  series(labels: Labels): { observe(value: number): void }
}

interface Series {
  render(): string
}

/** A set of metrics rendered together at `/metrics`. */
export interface Registry {
  counter(name: string, help: string): Counter
  histogram(name: string, help: string, buckets: number[]): Histogram
  render(): string
}

export const createRegistry = (): Registry => {
  const all: Series[] = []
  return {
    counter(name, help) {
      const values = new Map<string, { labels: Labels; value: number }>()
      all.push({
        render: () =>
          [
            `# HELP ${name} ${help}`,
            `# TYPE ${name} counter`,
            ...[...values.values()].map((s) => `${name}${labelText(s.labels)} ${s.value}`),
          ].join('\n'),
      })
      const seriesOf = (labels: Labels) => {
        const key = keyOf(labels)
        let s = values.get(key)
        if (!s) {
          s = { labels, value: 0 }
          values.set(key, s)
        }
        return s
      }
      return {
        inc(labels, by = 1) {
          seriesOf(labels).value += by
        },
        series(labels) {
          const s = seriesOf(labels)
          return {
            inc(by = 1) {
              s.value += by
            },
          }
        },
      }
    },
    histogram(name, help, buckets) {
      const values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>()
      all.push({
        render: () => {
          const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`]
          for (const s of values.values()) {
            buckets.forEach((b, i) => {
              lines.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`)
            })
            lines.push(`${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`)
            lines.push(`${name}_sum${labelText(s.labels)} ${s.sum}`)
            lines.push(`${name}_count${labelText(s.labels)} ${s.count}`)
          }
          return lines.join('\n')
        },
      })
      const seriesOf = (labels: Labels) => {
        const key = keyOf(labels)
        let s = values.get(key)
        if (!s) {
          s = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 }
          values.set(key, s)
        }
        return s
      }
      const record = (s: { counts: number[]; sum: number; count: number }, value: number) => {
        // Cumulative buckets, as the exposition format wants them.
        for (let i = 0; i < buckets.length; i++) if (value <= buckets[i]!) s.counts[i]!++
        s.sum += value
        s.count++
      }
      return {
        observe(labels, value) {
          record(seriesOf(labels), value)
        },
        series(labels) {
          const s = seriesOf(labels)
          return { observe: (value: number) => record(s, value) }
        },
      }
    },
    render: () => `${all.map((s) => s.render()).join('\n')}\n`,
  }
}

/** The gateway's own series. */
export const gatewayMetrics = (registry: Registry) => ({
  registry,
  requests: registry.counter(
    'gateway_requests_total',
    'Requests handled, by route pattern, method and status.',
  ),
  duration: registry.histogram(
    'gateway_request_duration_seconds',
    'Time from request to response headers, by route pattern.',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ),
  rateLimited: registry.counter(
    'gateway_rate_limit_rejections_total',
    'Requests answered 429, by limit class and scope.',
  ),
  limiterFallbacks: registry.counter(
    'gateway_rate_limit_fallbacks_total',
    'Limiter checks served by the local fallback because the shared store failed, by limit class.',
  ),
  upstreamErrors: registry.counter(
    'gateway_upstream_errors_total',
    'Upstream calls that failed, by service and kind.',
  ),
})

export type GatewayMetrics = ReturnType<typeof gatewayMetrics>
