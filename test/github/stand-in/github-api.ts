// A stand-in for the few GitHub API endpoints bind-probe uses, as a real HTTP server on loopback:
// PR comments (GraphQL listing with cursors and viewerDidAuthor, REST create/update/delete,
// GraphQL minimize), pull requests and their files, check runs, file contents, and a run's jobs;
// and, for the reporting service, a GitHub App's endpoints (the installation of a repository and
// installation tokens, both for a JWT signed with the App's key). It answers with configurable latency and logs
// every request, so tests and benchmarks can race real clients against it and count calls.
// The end-to-end test of the bundled action can point GITHUB_API_URL at it too.
import { createVerify, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StandInComment {
  id: number
  nodeId: string
  body: string
  author: string
  minimized: boolean
  createdAt: string
  updatedAt: string
}

export interface StandInPull {
  number: number
  headSha: string
  headRef: string
  headOwner: string
  baseRef: string
  state: 'open' | 'closed'
  /** The pull request's commits, oldest first (default: its head alone). */
  commits?: string[]
  /** The base branch's commit (default b…b). */
  baseSha?: string
}

export interface StandInCheckRun {
  id: number
  name: string
  headSha: string
  status?: string
  conclusion?: string
  output?: { title?: string; summary?: string; text?: string }
  annotations: unknown[]
  /** The app whose token created it: `github-actions`, or the service's App. */
  appSlug?: string
}

export interface LoggedRequest {
  method: string
  /** Path without the API prefix, query string included. */
  path: string
  /** GraphQL operation name, for POST /graphql. */
  operation?: string
  body: unknown
  token?: string
  status: number
}

export interface Identity {
  login: string
  /** A read-only token is refused every write with GitHub's own 403 message. */
  canWrite: boolean
}

export interface StandInOptions {
  owner?: string
  repo?: string
  /** Token → who it authenticates as. Unknown tokens get 401. */
  tokens?: Record<string, Identity>
  /** Milliseconds each response is delayed; a function gets the request. Default 0. */
  latency?: number | ((request: { method: string; path: string }) => number)
  /** REST prefix, `/api/v3` to look like GitHub Enterprise Server. GraphQL sits beside it. */
  prefix?: '' | '/api/v3'
  /** The repository's numeric id (default 74). */
  repositoryId?: number
  app?: StandInApp
}

/** A GitHub App: its JWTs must verify with `publicKey`; its installation tokens act as `slug[bot]`. */
export interface StandInApp {
  id: number
  slug: string
  publicKey: KeyObject
  /** `owner/name` → installation id, for the repositories the App is installed on. */
  installations: Record<string, number>
}

/** A body sent as it is (the contents API's raw media type), not as JSON. */
export class RawBody {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

export interface StandInJob {
  /** The job's id, which is also its check run's id. */
  id?: number
  name: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  /** What GitHub annotated the job's check run with (a lost runner says so there). */
  annotations?: string[]
}

export class GitHubStandIn {
  readonly owner: string
  readonly repo: string
  readonly requests: LoggedRequest[] = []
  readonly pulls = new Map<number, StandInPull>()
  readonly comments = new Map<number, StandInComment[]>()
  readonly checkRuns: StandInCheckRun[] = []
  /** Repository files by `ref:path`, for the contents API. */
  readonly files = new Map<string, string>()
  /** The files API's answer per pull request: `{filename, status, patch}`. */
  readonly pullFiles = new Map<number, { filename: string; status: string; patch?: string }[]>()
  /** Jobs per `runId/attempt`, for the run jobs API. */
  readonly jobs = new Map<string, StandInJob[]>()
  readonly repositoryId: number
  /** Workflow runs by id, for GET …/actions/runs/{id}. */
  readonly runs = new Map<
    number,
    { attempt: number; event: string; headSha: string; headBranch: string; headOwner: string }
  >()
  /** Installation tokens handed out, in order. */
  readonly installationTokens: string[] = []
  private readonly app: StandInApp | undefined
  private readonly tokens: Record<string, Identity>
  private readonly latency: StandInOptions['latency']
  private readonly prefix: string
  private server?: Server
  private nextId = 1_000_000_000
  private clock = Date.parse('2026-01-01T00:00:00Z')
  /** Requests still to be failed on purpose, matched in order. */
  private readonly faults: Array<{
    match: (r: { method: string; path: string }) => boolean
    status: number
    body: unknown
    headers?: Record<string, string>
  }> = []

  constructor(options: StandInOptions = {}) {
    this.owner = options.owner ?? 'octo-org'
    this.repo = options.repo ?? 'octo-repo'
    this.tokens = options.tokens ?? {
      'token-bot': { login: 'github-actions[bot]', canWrite: true },
    }
    this.latency = options.latency ?? 0
    this.prefix = options.prefix ?? ''
    this.repositoryId = options.repositoryId ?? 74
    this.app = options.app
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return this.baseUrl
  }

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo
    return `http://127.0.0.1:${port}${this.prefix}`
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  addPull(pull: Partial<StandInPull> & { number: number }): StandInPull {
    const full: StandInPull = {
      headSha: 'a'.repeat(40),
      headRef: 'feature',
      headOwner: this.owner,
      baseRef: 'main',
      state: 'open',
      ...pull,
    }
    this.pulls.set(full.number, full)
    this.comments.set(full.number, this.comments.get(full.number) ?? [])
    return full
  }

  /** Adds a comment as if `author` had posted it; returns it. */
  addComment(number: number, author: string, body: string): StandInComment {
    const list = this.comments.get(number)
    if (!list) throw new Error(`no pull request #${number} in the stand-in`)
    const comment = this.newComment(author, body)
    list.push(comment)
    return comment
  }

  /** The next request matching `match` fails with `status` (and `body`, `headers`). */
  failNext(
    match: (r: { method: string; path: string }) => boolean,
    status: number,
    body: unknown = { message: 'stand-in failure' },
    headers?: Record<string, string>,
  ): void {
    this.faults.push({ match, status, body, ...(headers ? { headers } : {}) })
  }

  liveCommentsWith(number: number, text: string): StandInComment[] {
    return (this.comments.get(number) ?? []).filter((c) => !c.minimized && c.body.includes(text))
  }

  private newComment(author: string, body: string): StandInComment {
    const id = this.nextId++
    this.clock += 1000
    const at = new Date(this.clock).toISOString()
    return {
      id,
      nodeId: `IC_${id.toString(36)}`,
      body,
      author,
      minimized: false,
      createdAt: at,
      updatedAt: at,
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      return this.send(
        res,
        { method: req.method ?? '', path: req.url ?? '', body: raw, status: 0 },
        400,
        { message: 'Problems parsing JSON' },
      )
    }
    const method = req.method ?? 'GET'
    let path = req.url ?? '/'
    const graphqlPath = this.prefix === '/api/v3' ? '/api/graphql' : '/graphql'
    const isGraphql = path === graphqlPath
    if (!isGraphql && this.prefix && path.startsWith(this.prefix))
      path = path.slice(this.prefix.length)
    const auth = req.headers.authorization?.replace(/^(token|bearer)\s+/i, '')
    const entry: LoggedRequest = {
      method,
      path: isGraphql ? '/graphql' : path,
      body,
      ...(auth ? { token: auth } : {}),
      status: 0,
      ...(isGraphql ? { operation: operationName(body) } : {}),
    }
    const delay =
      typeof this.latency === 'function' ? this.latency({ method, path: entry.path }) : this.latency
    if (delay && delay > 0) await new Promise((r) => setTimeout(r, delay))

    const fault = this.faults.findIndex((f) => f.match({ method, path: entry.path }))
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1)
      return this.send(res, entry, f!.status, f!.body, f!.headers)
    }
    if (this.app && auth && auth.split('.').length === 3) {
      const [status, payload] = this.asApp(method, path, auth)
      return this.send(res, entry, status, payload)
    }
    const who = auth ? this.tokens[auth] : undefined
    if (!who) return this.send(res, entry, 401, { message: 'Bad credentials' })
    try {
      if (isGraphql) return this.send(res, entry, 200, this.graphql(body as GraphqlBody, who))
      const [status, payload] = this.rest(method, path, body as Record<string, unknown>, who)
      return this.send(res, entry, status, payload)
    } catch (error) {
      return this.send(res, entry, 500, { message: String(error) })
    }
  }

  private send(
    res: ServerResponse,
    entry: LoggedRequest,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ): void {
    entry.status = status
    this.requests.push(entry)
    if (payload instanceof RawBody) {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
      return void res.end(payload.text)
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(payload === undefined ? '' : JSON.stringify(payload))
  }

  private graphql(body: GraphqlBody, who: Identity): unknown {
    const op = operationName(body)
    const v = body.variables ?? {}
    if (op === 'BindProbeComments') {
      const list = this.comments.get(Number(v.number))
      if (!list || v.owner !== this.owner || v.repo !== this.repo) {
        return {
          data: { repository: { pullRequest: null } },
          errors: [
            {
              type: 'NOT_FOUND',
              path: ['repository', 'pullRequest'],
              message: `Could not resolve to a PullRequest with the number of ${String(v.number)}.`,
            },
          ],
        }
      }
      return { data: { repository: { pullRequest: { comments: this.connection(list, v, who) } } } }
    }
    if (op === 'BindProbeHide') {
      if (!who.canWrite) {
        return {
          data: { minimizeComment: null },
          errors: [
            {
              type: 'FORBIDDEN',
              path: ['minimizeComment'],
              message: 'Resource not accessible by integration',
            },
          ],
        }
      }
      const comment = this.findByNode(String(v.id))
      if (!comment) {
        return {
          data: { minimizeComment: null },
          errors: [
            {
              type: 'NOT_FOUND',
              message: `Could not resolve to a node with the global id of '${String(v.id)}'`,
            },
          ],
        }
      }
      comment.minimized = true
      return { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } }
    }
    return { errors: [{ message: `the stand-in does not know the operation ${op}` }] }
  }

  private connection(list: StandInComment[], v: Record<string, unknown>, who: Identity) {
    const after = v.after ? decodeCursor(String(v.after)) : undefined
    const before = v.before ? decodeCursor(String(v.before)) : undefined
    let window = list.filter(
      (c) => (after === undefined || c.id > after) && (before === undefined || c.id < before),
    )
    let hasNextPage = false
    let hasPreviousPage = false
    if (typeof v.first === 'number') {
      hasNextPage = window.length > v.first
      window = window.slice(0, v.first)
      hasPreviousPage = after !== undefined && list.some((c) => c.id <= after)
    } else if (typeof v.last === 'number') {
      hasPreviousPage = window.length > v.last
      window = window.slice(Math.max(0, window.length - v.last))
      hasNextPage = before !== undefined && list.some((c) => c.id >= before)
    }
    return {
      totalCount: list.length,
      pageInfo: {
        hasNextPage,
        hasPreviousPage,
        startCursor: window.length ? encodeCursor(window[0]!.id) : null,
        endCursor: window.length
          ? encodeCursor(window[window.length - 1]!.id)
          : ((v.after as string | undefined) ?? null),
      },
      nodes: window.map((c) => ({
        id: c.nodeId,
        fullDatabaseId: String(c.id),
        url: this.htmlUrl(c),
        body: c.body,
        isMinimized: c.minimized,
        viewerDidAuthor: c.author === who.login,
      })),
    }
  }

  private rest(
    method: string,
    path: string,
    body: Record<string, unknown> | undefined,
    who: Identity,
  ): [number, unknown] {
    const url = new URL(path, 'http://stand-in')
    const parts = url.pathname.split('/').filter(Boolean)
    if (parts[0] !== 'repos' || parts[1] !== this.owner || parts[2] !== this.repo) {
      return [404, { message: 'Not Found' }]
    }
    const rest = parts.slice(3)
    // GET /repos/{o}/{r}
    if (method === 'GET' && rest.length === 0) {
      return [
        200,
        {
          id: this.repositoryId,
          full_name: `${this.owner}/${this.repo}`,
          default_branch: 'main',
          private: false,
        },
      ]
    }
    const write = method !== 'GET' && method !== 'HEAD'
    if (write && !who.canWrite)
      return [403, { message: 'Resource not accessible by integration', status: '403' }]

    // POST /repos/{o}/{r}/issues/{n}/comments
    if (method === 'POST' && rest[0] === 'issues' && rest[2] === 'comments' && rest.length === 3) {
      const list = this.comments.get(Number(rest[1]))
      if (!list) return [404, { message: 'Not Found' }]
      const text = String(body?.body ?? '')
      if (text.length > 65_536) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'unprocessable',
                field: 'data',
                message: 'Body is too long (maximum is 65536 characters)',
              },
            ],
          },
        ]
      }
      const comment = this.newComment(who.login, text)
      list.push(comment)
      return [201, this.restComment(comment)]
    }
    // PATCH|DELETE /repos/{o}/{r}/issues/comments/{id}
    if (rest[0] === 'issues' && rest[1] === 'comments' && rest.length === 3) {
      const found = this.findById(Number(rest[2]))
      if (!found) return [404, { message: 'Not Found' }]
      if (found.comment.author !== who.login)
        return [403, { message: 'Must have admin rights to Repository.' }]
      if (method === 'PATCH') {
        found.comment.body = String(body?.body ?? '')
        this.clock += 1000
        found.comment.updatedAt = new Date(this.clock).toISOString()
        return [200, this.restComment(found.comment)]
      }
      if (method === 'DELETE') {
        found.list.splice(found.list.indexOf(found.comment), 1)
        return [204, undefined]
      }
    }
    // GET /repos/{o}/{r}/pulls/{n}
    if (method === 'GET' && rest[0] === 'pulls' && rest.length === 2) {
      const pull = this.pulls.get(Number(rest[1]))
      return pull ? [200, this.restPull(pull)] : [404, { message: 'Not Found' }]
    }
    // GET /repos/{o}/{r}/pulls?head=owner:branch&state=open
    if (method === 'GET' && rest[0] === 'pulls' && rest.length === 1) {
      const head = url.searchParams.get('head')
      const state = url.searchParams.get('state') ?? 'open'
      const pulls = [...this.pulls.values()].filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (!head || `${p.headOwner}:${p.headRef}` === head),
      )
      return [200, pulls.map((p) => this.restPull(p))]
    }
    // GET /repos/{o}/{r}/contents/{path}?ref= (raw media type)
    if (method === 'GET' && rest[0] === 'contents') {
      // Octokit sends the path with its slashes encoded, as GitHub accepts it.
      const path = decodeURIComponent(rest.slice(1).join('/'))
      const file = this.files.get(`${url.searchParams.get('ref') ?? ''}:${path}`)
      return file === undefined ? [404, { message: 'Not Found' }] : [200, new RawBody(file)]
    }
    // GET /repos/{o}/{r}/pulls/{n}/commits
    if (method === 'GET' && rest[0] === 'pulls' && rest[2] === 'commits' && rest.length === 3) {
      const pull = this.pulls.get(Number(rest[1]))
      if (!pull) return [404, { message: 'Not Found' }]
      return [200, (pull.commits ?? [pull.headSha]).map((sha) => ({ sha }))]
    }
    // GET /repos/{o}/{r}/commits/{ref}/check-runs?check_name=…, newest first
    if (method === 'GET' && rest[0] === 'commits' && rest[2] === 'check-runs') {
      const name = url.searchParams.get('check_name')
      const runs = this.checkRuns
        .filter((r) => r.headSha === rest[1] && (!name || r.name === name))
        .reverse()
        .map((r) => this.restCheckRun(r))
      return [200, { total_count: runs.length, check_runs: runs }]
    }
    // GET /repos/{o}/{r}/pulls/{n}/files
    if (method === 'GET' && rest[0] === 'pulls' && rest[2] === 'files' && rest.length === 3) {
      const files = this.pullFiles.get(Number(rest[1]))
      if (!files) return [404, { message: 'Not Found' }]
      const page = Number(url.searchParams.get('page') ?? '1')
      const per = Number(url.searchParams.get('per_page') ?? '30')
      return [200, files.slice((page - 1) * per, page * per)]
    }
    // GET /repos/{o}/{r}/actions/runs/{id}
    if (method === 'GET' && rest[0] === 'actions' && rest[1] === 'runs' && rest.length === 3) {
      const run = this.runs.get(Number(rest[2]))
      if (!run) return [404, { message: 'Not Found' }]
      const sameRepository = run.headOwner === this.owner
      return [
        200,
        {
          id: Number(rest[2]),
          run_attempt: run.attempt,
          event: run.event,
          head_sha: run.headSha,
          head_branch: run.headBranch,
          head_repository: {
            full_name: `${run.headOwner}/${this.repo}`,
            owner: { login: run.headOwner },
          },
          repository: { id: this.repositoryId, full_name: `${this.owner}/${this.repo}` },
          // GitHub lists only same-repository pull requests here; a fork's list is empty.
          pull_requests: sameRepository
            ? [...this.pulls.values()]
                .filter((p) => p.headSha === run.headSha)
                .map((p) => ({ number: p.number, head: { sha: p.headSha } }))
            : [],
        },
      ]
    }
    // GET /repos/{o}/{r}/actions/runs/{id}/attempts/{n}/jobs
    if (method === 'GET' && rest[0] === 'actions' && rest[1] === 'runs' && rest[5] === 'jobs') {
      const jobs = this.jobs.get(`${rest[2]}/${rest[4]}`)
      if (!jobs) return [404, { message: 'Not Found' }]
      return [200, { total_count: jobs.length, jobs }]
    }
    // GET /repos/{o}/{r}/check-runs/{id}/annotations, for a job of the run (its check run)
    if (method === 'GET' && rest[0] === 'check-runs' && rest[2] === 'annotations') {
      const job = [...this.jobs.values()].flat().find((j) => j.id === Number(rest[1]))
      if (!job) return [404, { message: 'Not Found' }]
      return [
        200,
        (job.annotations ?? []).map((message) => ({
          path: '.github',
          start_line: 1,
          end_line: 1,
          annotation_level: 'failure',
          message,
          title: '',
        })),
      ]
    }
    // POST /repos/{o}/{r}/check-runs, PATCH /repos/{o}/{r}/check-runs/{id}
    if (rest[0] === 'check-runs') {
      return this.checkRun(method, rest, body ?? {}, who)
    }
    return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }]
  }

  /**
   * The App's own endpoints, for a JWT (RS256, signed with the App's key, `iss` its id): the
   * installation on a repository, and an installation token, which acts as `slug[bot]`.
   */
  private asApp(method: string, path: string, jwt: string): [number, unknown] {
    const app = this.app!
    const [head, claims, signature] = jwt.split('.') as [string, string, string]
    const verifier = createVerify('RSA-SHA256').update(`${head}.${claims}`)
    const payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
      iss?: unknown
      exp?: number
    }
    if (
      !verifier.verify(app.publicKey, Buffer.from(signature, 'base64url')) ||
      String(payload.iss) !== String(app.id) ||
      (payload.exp ?? 0) * 1000 < Date.now()
    ) {
      return [401, { message: 'A JSON web token could not be decoded' }]
    }
    const parts = new URL(path, 'http://stand-in').pathname.split('/').filter(Boolean)
    // GET /repos/{o}/{r}/installation
    if (method === 'GET' && parts[0] === 'repos' && parts[3] === 'installation') {
      const id = app.installations[`${parts[1]}/${parts[2]}`]
      return id ? [200, { id, app_id: app.id }] : [404, { message: 'Not Found' }]
    }
    // POST /app/installations/{id}/access_tokens
    if (method === 'POST' && parts[0] === 'app' && parts[3] === 'access_tokens') {
      const id = Number(parts[2])
      if (!Object.values(app.installations).includes(id)) return [404, { message: 'Not Found' }]
      const token = `ghs_stand-in-${id}-${this.installationTokens.length + 1}`
      this.installationTokens.push(token)
      this.tokens[token] = { login: `${app.slug}[bot]`, canWrite: true }
      return [
        201,
        {
          token,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { checks: 'write', pull_requests: 'write', contents: 'read' },
          repository_selection: 'all',
        },
      ]
    }
    return [404, { message: 'Not Found' }]
  }

  private checkRun(
    method: string,
    rest: string[],
    body: Record<string, unknown>,
    who: Identity,
  ): [number, unknown] {
    const output = (body.output ?? undefined) as
      (StandInCheckRun['output'] & { annotations?: unknown[] }) | undefined
    const annotations = output?.annotations ?? []
    if (annotations.length > 50) {
      return [
        422,
        { message: 'Validation Failed', errors: ['Only 50 annotations are allowed per request'] },
      ]
    }
    for (const text of [output?.summary, output?.text]) {
      if (typeof text === 'string' && text.length > 65_535) {
        return [
          422,
          {
            message: 'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.',
          },
        ]
      }
    }
    const plainOutput = { ...output }
    delete plainOutput.annotations
    if (method === 'POST' && rest.length === 1) {
      if (!body.name || !body.head_sha)
        return [422, { message: 'Invalid request.\n\n"name", "head_sha" weren\'t supplied.' }]
      const run: StandInCheckRun = {
        id: this.nextId++,
        name: String(body.name),
        headSha: String(body.head_sha),
        ...(body.status ? { status: String(body.status) } : {}),
        ...(body.conclusion ? { conclusion: String(body.conclusion) } : {}),
        ...(output ? { output: plainOutput } : {}),
        annotations: [...annotations],
        appSlug: who.login.replace(/\[bot\]$/, ''),
      }
      this.checkRuns.push(run)
      return [201, this.restCheckRun(run)]
    }
    if (method === 'PATCH' && rest.length === 2) {
      const run = this.checkRuns.find((r) => r.id === Number(rest[1]))
      if (!run) return [404, { message: 'Not Found' }]
      if (body.status) run.status = String(body.status)
      if (body.conclusion) run.conclusion = String(body.conclusion)
      if (output) run.output = { ...run.output, ...plainOutput }
      run.annotations.push(...annotations)
      return [200, this.restCheckRun(run)]
    }
    return [404, { message: 'Not Found' }]
  }

  private findById(id: number): { comment: StandInComment; list: StandInComment[] } | undefined {
    for (const list of this.comments.values()) {
      const comment = list.find((c) => c.id === id)
      if (comment) return { comment, list }
    }
    return undefined
  }

  private findByNode(nodeId: string): StandInComment | undefined {
    for (const list of this.comments.values()) {
      const comment = list.find((c) => c.nodeId === nodeId)
      if (comment) return comment
    }
    return undefined
  }

  private htmlUrl(c: StandInComment): string {
    for (const [number, list] of this.comments) {
      if (list.includes(c))
        return `https://github.com/${this.owner}/${this.repo}/pull/${number}#issuecomment-${c.id}`
    }
    return `https://github.com/${this.owner}/${this.repo}#issuecomment-${c.id}`
  }

  private restComment(c: StandInComment) {
    return {
      id: c.id,
      node_id: c.nodeId,
      html_url: this.htmlUrl(c),
      body: c.body,
      user: { login: c.author, type: c.author.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    }
  }

  private restPull(p: StandInPull) {
    return {
      number: p.number,
      state: p.state,
      head: {
        sha: p.headSha,
        ref: p.headRef,
        repo: { full_name: `${p.headOwner}/${this.repo}` },
        label: `${p.headOwner}:${p.headRef}`,
      },
      base: {
        ref: p.baseRef,
        sha: p.baseSha ?? 'b'.repeat(40),
        repo: { id: this.repositoryId, full_name: `${this.owner}/${this.repo}` },
      },
      user: { login: 'octocat' },
    }
  }

  private restCheckRun(r: StandInCheckRun) {
    return {
      id: r.id,
      name: r.name,
      head_sha: r.headSha,
      status: r.status ?? 'queued',
      conclusion: r.conclusion ?? null,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${r.id}`,
      output: { ...r.output, annotations_count: r.annotations.length },
      app:
        r.appSlug && r.appSlug === this.app?.slug
          ? { slug: r.appSlug, id: this.app.id }
          : { slug: 'github-actions', id: 15368 },
    }
  }
}

interface GraphqlBody {
  query?: string
  variables?: Record<string, unknown>
}

function operationName(body: unknown): string {
  const query = (body as GraphqlBody | undefined)?.query ?? ''
  return /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'
}

function encodeCursor(id: number): string {
  return Buffer.from(`cursor:v2:${id}`).toString('base64')
}

function decodeCursor(cursor: string): number {
  return Number(Buffer.from(cursor, 'base64').toString('utf8').split(':')[2])
}
