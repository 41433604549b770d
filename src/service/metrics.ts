// The service's own numbers in Prometheus' text format (version 0.0.4) on GET /metrics: uploads,
// refusals by reason, publish latency, outbox depth. A registry this small needs no dependency:
// counters and histograms with a fixed set of labels, and gauges read when scraped. No label
// carries a repository, a token or anything a user chose, so the page is safe to expose.
import type { FastifyInstance } from 'fastify'

type Labels = Readonly<Record<string, string>>

interface Metric {
  readonly name: string
  readonly help: string
  readonly type: 'counter' | 'histogram' | 'gauge'
  lines(): Promise<string[]>
}

const labelText = (labels: Labels) => {
  const keys = Object.keys(labels).sort()
  if (keys.length === 0) return ''
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
  return `{${keys.map((k) => `${k}="${escape(labels[k]!)}"`).join(',')}}`
}

const number = (n: number) =>
  Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN'

export class Counter implements Metric {
  readonly type = 'counter'
  private readonly values = new Map<string, { labels: Labels; value: number }>()
  readonly name: string
  readonly help: string
  constructor(name: string, help: string) {
    this.name = name
    this.help = help
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels)
    const seen = this.values.get(key)
    if (seen) seen.value += by
    else this.values.set(key, { labels: { ...labels }, value: by })
  }

  value(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0
  }

  async lines(): Promise<string[]> {
    return [...this.values.values()].map(
      (v) => `${this.name}${labelText(v.labels)} ${number(v.value)}`,
    )
  }
}

export class Histogram implements Metric {
  readonly type = 'histogram'
  private readonly counts: number[]
  private sum = 0
  private count = 0
  readonly name: string
  readonly help: string
  /** Upper bounds, ascending; +Inf is implied. */
  readonly buckets: readonly number[]
  constructor(name: string, help: string, buckets: readonly number[]) {
    this.name = name
    this.help = help
    this.buckets = buckets
    this.counts = buckets.map(() => 0)
  }

  observe(value: number): void {
    this.buckets.forEach((le, i) => {
      if (value <= le) this.counts[i]!++
    })
    this.sum += value
    this.count++
  }

  async lines(): Promise<string[]> {
    return [
      ...this.buckets.map((le, i) => `${this.name}_bucket{le="${le}"} ${this.counts[i]}`),
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${number(this.sum)}`,
      `${this.name}_count ${this.count}`,
    ]
  }
}

/** A value read when scraped (a queue's depth in the database, say), or set. */
export class Gauge implements Metric {
  readonly type = 'gauge'
  private current = 0
  private read: (() => Promise<number> | number) | undefined
  readonly name: string
  readonly help: string
  constructor(name: string, help: string) {
    this.name = name
    this.help = help
  }

  set(value: number): void {
    this.current = value
  }

  /** Reads the value at each scrape instead; a read that fails leaves the gauge out of that scrape. */
  collect(read: () => Promise<number> | number): void {
    this.read = read
  }

  async lines(): Promise<string[]> {
    if (!this.read) return [`${this.name} ${number(this.current)}`]
    try {
      return [`${this.name} ${number(await this.read())}`]
    } catch {
      return []
    }
  }
}

export class MetricsRegistry {
  private readonly metrics: Metric[] = []

  add<T extends Metric>(metric: T): T {
    if (
      !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric.name) ||
      this.metrics.some((m) => m.name === metric.name)
    ) {
      throw new Error(`metric name "${metric.name}" is not valid or already taken`)
    }
    this.metrics.push(metric)
    return metric
  }

  async text(): Promise<string> {
    const blocks = await Promise.all(
      this.metrics.map(async (m) => [
        `# HELP ${m.name} ${m.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
        `# TYPE ${m.name} ${m.type}`,
        ...(await m.lines()),
      ]),
    )
    return `${blocks.flat().join('\n')}\n`
  }
}

/** Why an upload was refused, from its status: a small fixed set, so the label stays bounded. */
export type RefusalReason =
  'unauthenticated' | 'forbidden' | 'invalid' | 'too-large' | 'conflict' | 'rate-limited' | 'error'

export function refusalReason(status: number): RefusalReason {
  switch (status) {
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 413:
      return 'too-large'
    case 409:
      return 'conflict'
    case 429:
      return 'rate-limited'
    default:
      return status >= 500 ? 'error' : 'invalid'
  }
}

/** The service's metrics: what app.ts and the publisher report to. */
export interface ServiceMetrics {
  registry: MetricsRegistry
  /** Uploads answered 201 (`outcome="created"`) or 200 (`outcome="same"`). */
  uploads: Counter
  /** Uploads refused, by `reason` (refusalReason). */
  refusals: Counter
  /** Seconds from a report being due to its comment and check run being written. */
  publishSeconds: Histogram
  /** Publishes waiting in the outbox. */
  outboxDepth: Gauge
}

export function serviceMetrics(): ServiceMetrics {
  const registry = new MetricsRegistry()
  return {
    registry,
    uploads: registry.add(
      new Counter('bind_probe_uploads_total', 'Uploads stored, by outcome (created, same).'),
    ),
    refusals: registry.add(
      new Counter('bind_probe_upload_refusals_total', 'Uploads refused, by reason.'),
    ),
    publishSeconds: registry.add(
      new Histogram(
        'bind_probe_publish_seconds',
        'Seconds from a report being due to its comment and check run being written.',
        [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      ),
    ),
    outboxDepth: registry.add(
      new Gauge('bind_probe_outbox_depth', 'Publishes waiting in the outbox.'),
    ),
  }
}

const UPLOAD_ROUTE = '/api/v1/results'

/**
 * GET /metrics, and the upload route's answers counted as they go out. Registered beside the
 * service's plugin on the same instance (its hook sees every route, not only this plugin's).
 */
export async function metricsApp(
  app: FastifyInstance,
  options: { metrics: ServiceMetrics },
): Promise<void> {
  const { metrics } = options
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== UPLOAD_ROUTE) return
    const status = reply.statusCode
    if (status === 201) metrics.uploads.inc({ outcome: 'created' })
    else if (status === 200) metrics.uploads.inc({ outcome: 'same' })
    else if (status >= 400) metrics.refusals.inc({ reason: refusalReason(status) })
  })
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.registry.text()),
  )
}
// Its hook applies to the whole instance, as fastify-plugin would make it.
;(metricsApp as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true
