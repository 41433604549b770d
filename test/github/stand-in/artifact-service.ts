// A stand-in for the GitHub Actions artifact service as @actions/artifact v2+ talks to it, on
// loopback: Twirp JSON calls to ACTIONS_RESULTS_URL (CreateArtifact, FinalizeArtifact,
// ListArtifacts, GetSignedArtifactURL), Azure-style block blob uploads and plain downloads at the
// "signed" URLs it hands out, and the REST endpoints used to read another run's artifacts
// (list a run's artifacts; download one via a 302 to its blob).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  /** The bytes committed to the blob (a zip), once uploaded. */
  blob?: Buffer
  size: number
  finalized: boolean
  createdAt: string
}

export interface ServiceRequest {
  method: string
  path: string
  /** Twirp method, for Twirp calls. */
  rpc?: string
  body?: unknown
  authorization?: string
  status: number
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export class ArtifactServiceStandIn {
  readonly artifacts: StoredArtifact[] = []
  readonly requests: ServiceRequest[] = []
  /** Numeric workflow run ids (REST) → backend ids (Twirp). */
  readonly runs = new Map<number, string>()
  /** Tokens the REST side accepts for reading other runs (`actions: read`). */
  readonly readTokens = new Set<string>(['token-actions-read'])
  private server?: Server
  private nextId = 4200
  private readonly blocks = new Map<string, Map<string, Buffer>>()

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return this.url
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  /**
   * ACTIONS_RUNTIME_TOKEN for a job: @actions/artifact only decodes it (the `scp` claim names the
   * run and job backend ids); the real service checks its signature, this one does not.
   */
  static runtimeToken(runBackendId: string, jobBackendId: string): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}` })}.stand-in`
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', this.url)
    const entry: ServiceRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      status: 0,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    }
    this.requests.push(entry)
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      entry.status = status
      const payload = body === undefined ? '' : Buffer.isBuffer(body) ? body : JSON.stringify(body)
      res.writeHead(status, {
        ...(Buffer.isBuffer(body) ? {} : { 'content-type': 'application/json' }),
        ...headers,
      })
      res.end(payload)
    }
    try {
      if (url.pathname.startsWith(TWIRP) && req.method === 'POST') {
        entry.rpc = url.pathname.slice(TWIRP.length)
        entry.body = JSON.parse(raw.toString('utf8') || '{}')
        if (!req.headers.authorization?.startsWith('Bearer '))
          return reply(401, { code: 'unauthenticated', msg: 'no runtime token' })
        const [status, body] = this.twirp(entry.rpc, entry.body as Record<string, unknown>)
        return reply(status, body)
      }
      if (url.pathname.startsWith('/blob/')) return this.blob(req.method ?? 'GET', url, raw, reply)
      if (url.pathname.startsWith('/repos/'))
        return this.rest(url, req.headers.authorization, reply)
      reply(404, { message: 'Not Found' })
    } catch (error) {
      reply(500, { msg: String(error) })
    }
  }

  private twirp(rpc: string, body: Record<string, unknown>): [number, unknown] {
    const run = String(body.workflow_run_backend_id ?? '')
    const job = String(body.workflow_job_run_backend_id ?? '')
    switch (rpc) {
      case 'CreateArtifact': {
        const name = String(body.name)
        if (this.artifacts.some((a) => a.runBackendId === run && a.name === name && a.finalized)) {
          return [
            409,
            {
              code: 'already_exists',
              msg: 'an artifact with this name already exists on the workflow run',
            },
          ]
        }
        const artifact: StoredArtifact = {
          id: this.nextId++,
          name,
          runBackendId: run,
          jobBackendId: job,
          size: 0,
          finalized: false,
          createdAt: new Date().toISOString(),
        }
        this.artifacts.push(artifact)
        return [
          200,
          {
            ok: true,
            signed_upload_url: `${this.url}/blob/account/artifacts/${artifact.id}.zip?sig=upload-${artifact.id}`,
          },
        ]
      }
      case 'FinalizeArtifact': {
        const artifact = this.artifacts.find(
          (a) => a.runBackendId === run && a.name === body.name && !a.finalized,
        )
        if (!artifact?.blob)
          return [404, { code: 'not_found', msg: 'no uploaded artifact to finalize' }]
        artifact.finalized = true
        artifact.size = Number(body.size)
        return [200, { ok: true, artifact_id: String(artifact.id) }]
      }
      case 'ListArtifacts': {
        const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter)
        const nameFilter = body.name_filter === undefined ? undefined : String(body.name_filter)
        const artifacts = this.artifacts
          .filter((a) => a.finalized && a.runBackendId === run)
          .filter(
            (a) =>
              (idFilter === undefined || a.id === idFilter) &&
              (nameFilter === undefined || a.name === nameFilter),
          )
          .map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
          }))
        return [200, { artifacts }]
      }
      case 'GetSignedArtifactURL': {
        const artifact = this.artifacts.find(
          (a) => a.finalized && a.runBackendId === run && a.name === body.name,
        )
        if (!artifact) return [404, { code: 'not_found', msg: 'artifact not found' }]
        return [
          200,
          {
            signed_url: `${this.url}/blob/account/artifacts/${artifact.id}.zip?sig=download-${artifact.id}`,
          },
        ]
      }
      default:
        return [404, { code: 'bad_route', msg: `no such method ${rpc}` }]
    }
  }

  private blob(
    method: string,
    url: URL,
    raw: Buffer,
    reply: (s: number, b?: unknown, h?: Record<string, string>) => void,
  ): void {
    const id = Number(/\/(\d+)\.zip$/.exec(url.pathname)?.[1])
    const artifact = this.artifacts.find((a) => a.id === id)
    const sig = url.searchParams.get('sig') ?? ''
    if (!artifact) return reply(404, { message: 'BlobNotFound' })
    const headers = {
      'x-ms-request-id': `req-${Date.now()}`,
      'x-ms-version': '2025-01-05',
      etag: `"0x${id}"`,
      'last-modified': new Date().toUTCString(),
    }
    if (method === 'PUT') {
      if (sig !== `upload-${id}`) return reply(403, { message: 'AuthenticationFailed' })
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        const blocks = this.blocks.get(String(id)) ?? new Map<string, Buffer>()
        blocks.set(url.searchParams.get('blockid') ?? '', raw)
        this.blocks.set(String(id), blocks)
        return reply(201, undefined, headers)
      }
      if (comp === 'blocklist') {
        const staged = this.blocks.get(String(id)) ?? new Map<string, Buffer>()
        const ids = [
          ...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g),
        ].map((m) => m[1]!)
        artifact.blob = Buffer.concat(ids.map((b) => staged.get(b) ?? Buffer.alloc(0)))
        return reply(201, undefined, headers)
      }
      artifact.blob = raw
      return reply(201, undefined, headers)
    }
    if (method === 'GET') {
      if (sig !== `download-${id}`) return reply(403, { message: 'AuthenticationFailed' })
      if (!artifact.blob) return reply(404, { message: 'BlobNotFound' })
      return reply(200, artifact.blob, {
        'content-type': 'application/zip',
        'content-length': String(artifact.blob.length),
      })
    }
    reply(405, { message: 'method not allowed' })
  }

  private rest(
    url: URL,
    authorization: string | undefined,
    reply: (s: number, b?: unknown, h?: Record<string, string>) => void,
  ): void {
    const token = authorization?.replace(/^(token|bearer)\s+/i, '')
    if (!token || !this.readTokens.has(token))
      return reply(token ? 403 : 401, {
        message: token ? 'Resource not accessible by integration' : 'Requires authentication',
      })
    const parts = url.pathname.split('/').filter(Boolean)
    // GET /repos/{o}/{r}/actions/runs/{run_id}/artifacts
    if (parts[3] === 'actions' && parts[4] === 'runs' && parts[6] === 'artifacts') {
      const backend = this.runs.get(Number(parts[5]))
      const all = this.artifacts.filter((a) => a.finalized && a.runBackendId === backend)
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const slice = all.slice((page - 1) * perPage, page * perPage)
      return reply(200, {
        total_count: all.length,
        artifacts: slice.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.size,
          created_at: a.createdAt,
          expired: false,
        })),
      })
    }
    // GET /repos/{o}/{r}/actions/artifacts/{id}/zip
    if (parts[3] === 'actions' && parts[4] === 'artifacts' && parts[6] === 'zip') {
      const artifact = this.artifacts.find((a) => a.id === Number(parts[5]) && a.finalized)
      if (!artifact) return reply(404, { message: 'Not Found' })
      return reply(302, undefined, {
        location: `${this.url}/blob/account/artifacts/${artifact.id}.zip?sig=download-${artifact.id}`,
      })
    }
    reply(404, { message: 'Not Found' })
  }
}
