// GET /metrics in Prometheus' text format: uploads and refusals counted from real uploads with
// real tokens, the publisher's latency histogram and the outbox depth read at each scrape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from './support/databases.ts'
import { startHistoryService, type HistoryService } from './support/history-service.ts'
import { OidcIssuer } from './support/oidc-issuer.ts'
import { envelope, upload } from './support/service.ts'

const issuer = new OidcIssuer()
let service: HistoryService
beforeAll(async () => {
  await issuer.start()
  service = await startHistoryService(await freshDatabase('sqlite'), issuer.url)
})
afterAll(async () => {
  await service?.stop()
  await issuer.stop()
})

async function scrape() {
  const response = await fetch(`${service.url}/metrics`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
  return response.text()
}

/** Every line is a comment or `name{labels} value`, and every sample's family was announced. */
function samples(text: string): Map<string, number> {
  const announced = new Set<string>()
  const values = new Map<string, number>()
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE ([a-z_:]+) (counter|gauge|histogram)$/.exec(line)
    if (type) announced.add(type[1]!)
    if (line.startsWith('#')) continue
    const sample = /^([a-z_:]+)(\{[a-z_]+="[^"]*"(?:,[a-z_]+="[^"]*")*\})? (\S+)$/.exec(line)
    expect(sample, line).not.toBeNull()
    const family = sample![1]!.replace(/_(bucket|sum|count)$/, '')
    expect(announced.has(sample![1]!) || announced.has(family), line).toBe(true)
    values.set(`${sample![1]}${sample![2] ?? ''}`, Number(sample![3]))
  }
  return values
}

describe('/metrics', () => {
  it('counts uploads by outcome and refusals by reason, as the service answered them', async () => {
    const sent = [
      await upload(service.url, await issuer.token({ run_id: '1' }), envelope()),
      await upload(service.url, await issuer.token({ run_id: '2' }), envelope()),
      await upload(service.url, await issuer.token({ run_id: '2' }), envelope()),
      await upload(service.url, undefined, envelope()),
      await upload(service.url, await issuer.token({ run_id: '3' }), envelope({ headSha: 'x' })),
      await upload(
        service.url,
        await issuer.token({ run_id: '1' }),
        envelope({ commentKey: 'default', headSha: 'b'.repeat(40) }),
      ),
    ]
    expect(sent.map((s) => s.status)).toEqual([201, 201, 200, 401, 400, 409])
    const values = samples(await scrape())
    expect(values.get('bind_probe_uploads_total{outcome="created"}')).toBe(2)
    expect(values.get('bind_probe_uploads_total{outcome="same"}')).toBe(1)
    expect(values.get('bind_probe_upload_refusals_total{reason="unauthenticated"}')).toBe(1)
    expect(values.get('bind_probe_upload_refusals_total{reason="invalid"}')).toBe(1)
    expect(values.get('bind_probe_upload_refusals_total{reason="conflict"}')).toBe(1)
    // Scraping is not an upload.
    expect(samples(await scrape()).get('bind_probe_uploads_total{outcome="created"}')).toBe(2)
  })

  it('has the publisher’s latency as a histogram and the outbox depth read when scraped', async () => {
    service.metrics.publishSeconds.observe(0.3)
    service.metrics.publishSeconds.observe(4)
    let depth = 3
    service.metrics.outboxDepth.collect(() => depth)
    let values = samples(await scrape())
    expect(values.get('bind_probe_publish_seconds_bucket{le="0.25"}')).toBe(0)
    expect(values.get('bind_probe_publish_seconds_bucket{le="0.5"}')).toBe(1)
    expect(values.get('bind_probe_publish_seconds_bucket{le="2.5"}')).toBe(1)
    expect(values.get('bind_probe_publish_seconds_bucket{le="5"}')).toBe(2)
    expect(values.get('bind_probe_publish_seconds_bucket{le="+Inf"}')).toBe(2)
    expect(values.get('bind_probe_publish_seconds_sum')).toBeCloseTo(4.3)
    expect(values.get('bind_probe_publish_seconds_count')).toBe(2)
    expect(values.get('bind_probe_outbox_depth')).toBe(3)
    depth = 0
    expect(samples(await scrape()).get('bind_probe_outbox_depth')).toBe(0)
    // A database that does not answer leaves the gauge out of that scrape, not the page.
    service.metrics.outboxDepth.collect(async () => {
      throw new Error('database down')
    })
    values = samples(await scrape())
    expect(values.has('bind_probe_outbox_depth')).toBe(false)
    expect(values.get('bind_probe_publish_seconds_count')).toBe(2)
  })
})
