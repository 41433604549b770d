// A probe leg's result sent to a `bind-probe serve` beside the artifact: authenticated by the
// job's OIDC token (so no upload secret is stored anywhere), bounded by the run's network budget
// (timeouts, proxy). The artifact stays the record: a failed upload is a warning.
import type { Logger, NetworkBudget, RunContext } from '../github/index.ts'
import type { PlatformResult } from '../probe/model.ts'
import type { LegScan } from './leg.ts'

export interface ServiceUpload {
  serviceUrl: string
  audience: string
  context: RunContext
  commentKey: string
  result: PlatformResult
  scan?: LegScan
  /** The fork's run whose artifact a workflow_run job relays (the service checks it). */
  relayedRun?: { id: number }
  /** core.getIDToken in the action. */
  idToken: (audience: string) => Promise<string>
  network: NetworkBudget
  logger: Logger
}

export class ServiceUploadError extends Error {
  override name = 'ServiceUploadError'
}

/** Returns the stored result's id. */
export async function uploadToService(upload: ServiceUpload): Promise<string> {
  let token: string
  try {
    token = await upload.idToken(upload.audience)
  } catch (error) {
    throw new ServiceUploadError(
      `no OIDC token for the service (${(error as Error).message}); the job needs \`permissions: id-token: write\`, and a pull request from a fork gets no token (use the fork recipe's relay)`,
    )
  }
  const envelope = {
    schemaVersion: 1,
    headSha: upload.context.headSha,
    commentKey: upload.commentKey,
    result: upload.result,
    ...(upload.scan ? { scan: upload.scan } : {}),
    ...(upload.relayedRun ? { relayedRun: upload.relayedRun } : {}),
  }
  const url = `${upload.serviceUrl}/api/v1/results`
  const response = await upload.network.within(`the reporting service (POST ${url})`, () =>
    upload.network.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(envelope),
    }),
  )
  const text = await response.text()
  let answer: { id?: unknown; error?: unknown; notes?: unknown }
  try {
    answer = JSON.parse(text)
  } catch {
    answer = {}
  }
  if (!response.ok) {
    const why = typeof answer.error === 'string' ? answer.error : text.slice(0, 200)
    throw new ServiceUploadError(`the service answered ${response.status}: ${why}`)
  }
  if (Array.isArray(answer.notes)) {
    for (const note of answer.notes) upload.logger.warning(`the reporting service: ${String(note)}`)
  }
  return typeof answer.id === 'string' ? answer.id : ''
}
