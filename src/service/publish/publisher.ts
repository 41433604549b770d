// The outbox's worker: polls for due publishes (other processes add them too), leases them, and
// publishes one at a time, so a process's writes to GitHub stay paced. Failures are retried with
// backoff; a restart picks up whatever was due, and a lease left by a killed process runs out.
import { randomUUID } from 'node:crypto'
import { describeError, type Logger } from '../../github/index.ts'
import type { GitHubAppClient } from '../github-app.ts'
import type { SqlDatabase } from '../store/sql.ts'
import { Outbox, type Claim, type ReportKey } from './outbox.ts'
import { publishOne } from './publish-one.ts'
import type { ReportHistory } from '../../report/history.ts'
import { ReportStore } from './reports.ts'

/** Renewed every third of it while a publish runs; what a killed process's lease holds up. */
const LEASE_MS = 30_000
const MAX_ATTEMPTS = 8
const FIRST_RETRY_MS = 5_000
const LONGEST_RETRY_MS = 10 * 60_000

export interface PublisherOptions {
  db: SqlDatabase
  app: GitHubAppClient
  deadlineMs: number
  requestTimeoutMs: number
  pollMs: number
  logger: Logger
  /** The flip figures for a report (the history); absent: none. */
  history?: (repositoryId: number, pullRequest: number | undefined) => Promise<ReportHistory>
  /** Called after each publish attempt, with how long it took (for /metrics). */
  onPublished?: (outcome: 'published' | 'wait' | 'skipped' | 'failed', ms: number) => void
}

export class Publisher {
  readonly outbox: Outbox
  readonly reports: ReportStore
  private readonly options: PublisherOptions
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private again = false
  private stopped = false

  constructor(options: PublisherOptions) {
    this.options = options
    this.outbox = new Outbox(options.db, `${process.pid}-${randomUUID()}`)
    this.reports = new ReportStore(options.db)
  }

  /** A leg's result was stored: its report is due now. */
  async uploaded(key: ReportKey, at: Date): Promise<void> {
    await this.reports.open(key, at)
    await this.outbox.enqueue(key, at)
    this.kick()
  }

  /** Publish again (a check run's "Re-run", a job that finished), even if nothing changed. */
  async republish(key: ReportKey, force: boolean): Promise<void> {
    if (force) await this.reports.forgetPublished(key)
    await this.outbox.enqueue(key, new Date())
    this.kick()
  }

  async start(): Promise<void> {
    if (this.options.db.kind === 'sqlite') {
      const freed = await this.outbox.releaseAll()
      if (freed)
        this.options.logger.info(`${freed} publish(es) left leased by a killed process: due again`)
    }
    this.timer = setInterval(() => this.kick(), this.options.pollMs)
    this.kick()
  }

  /** Stops polling and waits for the publish in flight (its lease would cover a cut one). */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.running
  }

  /** Works through what is due; a kick while working runs one more round after it. */
  kick(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.round().catch((error) =>
          this.options.logger.error(`the outbox could not be read: ${describeError(error)}`),
        )
      } while (this.again && !this.stopped)
    })().finally(() => (this.running = undefined))
  }

  private async round(): Promise<void> {
    for (;;) {
      if (this.stopped) return
      const [claim] = await this.outbox.claimDue(new Date(), LEASE_MS, 1)
      if (!claim) return
      await this.process(claim)
    }
  }

  private async process(claim: Claim): Promise<void> {
    const { logger } = this.options
    const started = Date.now()
    const renew = setInterval(() => {
      this.outbox
        .renew(claim, new Date(Date.now() + LEASE_MS))
        .catch((error) =>
          logger.warning(`a publish lease could not be renewed: ${describeError(error)}`),
        )
    }, LEASE_MS / 3)
    try {
      await this.attempt(claim, started)
    } finally {
      clearInterval(renew)
    }
  }

  private async attempt(claim: Claim, started: number): Promise<void> {
    const { logger, onPublished } = this.options
    const what = `report ${claim.commentKey} for ${claim.headSha.slice(0, 7)} (repository ${claim.repositoryId})`
    try {
      const decision = await publishOne(claim, {
        app: this.options.app,
        reports: this.reports,
        deadlineMs: this.options.deadlineMs,
        requestTimeoutMs: this.options.requestTimeoutMs,
        ...(this.options.history ? { history: this.options.history } : {}),
        logger,
      })
      if (decision.kind === 'wait') await this.outbox.later(claim, decision.until)
      else await this.outbox.finish(claim)
      if (decision.kind !== 'published') await this.reports.noted(claim, decision.outcome)
      logger.info(
        `${what}: ${decision.kind === 'skipped' ? 'not published: ' : ''}${decision.outcome}`,
      )
      onPublished?.(decision.kind, Date.now() - started)
    } catch (error) {
      onPublished?.('failed', Date.now() - started)
      const message = describeError(error)
      if (claim.attempts + 1 >= MAX_ATTEMPTS) {
        logger.error(`${what}: giving up after ${MAX_ATTEMPTS} attempts: ${message}`)
        await this.reports.noted(claim, `failed ${MAX_ATTEMPTS} times: ${message}`)
        await this.outbox.drop(claim)
        return
      }
      const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** claim.attempts)
      logger.warning(`${what}: ${message}; trying again in ${Math.round(wait / 1000)} s`)
      await this.outbox.failed(claim, message, new Date(Date.now() + wait))
    }
  }
}
