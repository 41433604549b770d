// The App's webhooks, verified on the raw body with the webhook secret before anything is read:
// a check run's "Re-run" publishes its report again; a finished job may complete a report that
// waits for its legs; a deleted installation takes its repositories' data with it.
import type { FastifyInstance } from 'fastify'
import type { GitHubAppClient } from './github-app.ts'
import type { Publisher } from './publish/publisher.ts'
import type { Store } from './store/store.ts'
import type { SqlDatabase } from './store/sql.ts'
import { purgeRepositories, setRepository } from './history/history-store.ts'

export interface WebhookOptions {
  github: GitHubAppClient
  publisher: Publisher
  store: Store
  /** With it, a deleted installation's history goes too, and repository changes reach it. */
  db?: SqlDatabase
}

interface Payload {
  action?: string
  repository?: { id?: number }
  installation?: { id?: number }
  repositories?: { id?: number }[]
  check_run?: { name?: string; head_sha?: string; app?: { id?: number } }
  workflow_job?: { head_sha?: string }
}

export function webhookRoutes(app: FastifyInstance, options: WebhookOptions): void {
  const { github, publisher, store, db } = options
  app.post('/api/v1/github/webhooks', async (request, reply) => {
    const signature = request.headers['x-hub-signature-256']
    if (typeof signature !== 'string' || !request.rawBody) {
      return reply.code(401).send({ error: 'an X-Hub-Signature-256 header is required' })
    }
    if (!(await github.verifyWebhook(request.rawBody, signature))) {
      return reply.code(401).send({ error: 'the webhook signature does not match' })
    }
    const event = String(request.headers['x-github-event'] ?? '')
    const payload = request.body as Payload
    const repositoryId = payload.repository?.id
    switch (`${event}.${payload.action ?? ''}`) {
      case 'check_run.rerequested': {
        const run = payload.check_run
        const key = commentKeyOf(run?.name)
        if (run?.app?.id !== github.settings.appId || !key || !repositoryId || !run.head_sha) break
        await publisher.republish({ repositoryId, headSha: run.head_sha, commentKey: key }, true)
        return reply.code(202).send({ accepted: 'check_run.rerequested' })
      }
      case 'workflow_job.completed': {
        const headSha = payload.workflow_job?.head_sha
        if (!repositoryId || !headSha) break
        const keys = await publisher.reports.keysForCommit(repositoryId, headSha)
        for (const key of keys) await publisher.republish(key, false)
        return reply.code(202).send({ accepted: 'workflow_job.completed', reports: keys.length })
      }
      case 'installation.deleted': {
        const installationId = payload.installation?.id
        if (installationId) github.forgetInstallation(installationId)
        const ids = (payload.repositories ?? []).flatMap((r) => (r.id ? [r.id] : []))
        let deleted = 0
        if (db) deleted = await purgeRepositories(db, ids)
        else for (const id of ids) deleted += await store.deleteRepository(id)
        return reply.code(202).send({ accepted: 'installation.deleted', deleted })
      }
      case 'repository.privatized':
      case 'repository.publicized':
      case 'repository.renamed': {
        const repository = payload.repository as
          { id?: number; full_name?: string; private?: boolean } | undefined
        if (db && repository?.id) {
          await setRepository(db, repository.id, {
            ...(repository.full_name ? { repository: repository.full_name } : {}),
            ...(repository.private !== undefined
              ? { visibility: repository.private ? 'private' : 'public' }
              : {}),
          })
        }
        return reply.code(202).send({ accepted: `repository.${payload.action}` })
      }
      case 'installation_repositories.removed': {
        const installationId = payload.installation?.id
        if (installationId) github.forgetInstallation(installationId)
        return reply.code(202).send({ accepted: 'installation_repositories.removed' })
      }
    }
    return reply.code(200).send({ ignored: event })
  })
}

/** The check run's name back to its comment key: `bind-probe` → default, `bind-probe (k)` → k. */
function commentKeyOf(name: string | undefined): string | undefined {
  if (name === 'bind-probe') return 'default'
  const match = /^bind-probe \(([A-Za-z0-9._-]{1,64})\)$/.exec(name ?? '')
  return match?.[1]
}
