// Leg bundles as workflow artifacts, through @actions/artifact (v2+ service: Twirp calls to
// ACTIONS_RESULTS_URL and blob storage behind signed URLs). Reading another run's artifacts (the
// `workflow_run` report of the fork recipe) goes through the REST API with a token that has
// `actions: read`. GitHub Enterprise Server does not offer this artifact service: use the
// DirectoryTransport or a service there.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ArtifactClient } from '@actions/artifact'
import type { Logger } from './logger.ts'
import type { NetworkBudget } from './network.ts'
import { readBundle } from './directory-transport.ts'
import {
  MAX_BUNDLES,
  type DownloadOptions,
  type DownloadedBundle,
  type ResultTransport,
  type TransportFile,
} from './transport.ts'

/** The part of @actions/artifact's client we use. */
export type ArtifactClientLike = Pick<
  ArtifactClient,
  'uploadArtifact' | 'listArtifacts' | 'downloadArtifact'
>

export interface ArtifactTransportOptions {
  logger: Logger
  /** Days to keep leg bundles; absent: the repository's default. */
  retentionDays?: number
  /** Where to stage files; default the runner's temp directory. */
  tempDir?: string
  /**
   * The run's network budget: each call to the artifact service is given up when it runs out
   * (@actions/artifact has its own retries and per-request timeouts, which cannot be set).
   */
  network?: NetworkBudget
}

/** @actions/artifact's client, loaded only when a run needs it (it reads the runner's env). */
export async function defaultArtifactClient(): Promise<ArtifactClientLike> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}

export class ArtifactTransport implements ResultTransport {
  private readonly client: ArtifactClientLike
  private readonly options: ArtifactTransportOptions

  constructor(client: ArtifactClientLike, options: ArtifactTransportOptions) {
    this.client = client
    this.options = options
  }

  private within<T>(what: string, call: () => Promise<T>): Promise<T> {
    const network = this.options.network
    return network ? network.within(what, call) : call()
  }

  private async scratch(): Promise<string> {
    return mkdtemp(join(this.options.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir(), 'bind-probe-'))
  }

  async upload(name: string, files: TransportFile[]): Promise<void> {
    const dir = await this.scratch()
    try {
      const paths: string[] = []
      for (const file of files) {
        if (/[/\\]/.test(file.name))
          throw new Error(`file name "${file.name}" must not contain a directory`)
        const path = join(dir, file.name)
        await writeFile(path, file.content)
        paths.push(path)
      }
      const { id, size } = await this.within(`the upload of artifact ${name}`, () =>
        this.client.uploadArtifact(name, paths, dir, {
          ...(this.options.retentionDays ? { retentionDays: this.options.retentionDays } : {}),
        }),
      )
      this.options.logger.info(`uploaded artifact ${name} (id ${id ?? '?'}, ${size ?? '?'} bytes)`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async downloadAll(options: DownloadOptions): Promise<DownloadedBundle[]> {
    const findBy = options.from
      ? {
          findBy: {
            token: options.from.token,
            workflowRunId: options.from.runId,
            repositoryOwner: options.from.owner,
            repositoryName: options.from.repo,
          },
        }
      : {}
    const { artifacts } = await this.within('the list of artifacts', () =>
      this.client.listArtifacts({ latest: true, ...findBy }),
    )
    const wanted = artifacts
      .filter((a) => options.accept(a.name))
      .sort((a, b) => a.name.localeCompare(b.name))
    if (wanted.length > MAX_BUNDLES) {
      this.options.logger.warning(
        `${wanted.length} result artifacts; reading the first ${MAX_BUNDLES}`,
      )
    }
    const dir = await this.scratch()
    try {
      const bundles: DownloadedBundle[] = []
      for (const artifact of wanted.slice(0, MAX_BUNDLES)) {
        const path = join(dir, String(artifact.id))
        try {
          await this.within(`the download of artifact ${artifact.name}`, () =>
            this.client.downloadArtifact(artifact.id, { path, ...findBy }),
          )
          bundles.push(await readBundle(path, artifact.name))
        } catch (error) {
          // One broken artifact must not hide the legs that did arrive.
          bundles.push({ name: artifact.name, files: [], problem: (error as Error).message })
        }
      }
      return bundles
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
