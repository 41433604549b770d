// Writing the sticky comment: update in place, recreate at the bottom, or hide the old one and
// post anew; never a write when nothing changed; never a touch on a comment someone else wrote.
//
// GitHub has no conditional write for comments, so two reports racing on one PR (re-runs, two
// workflows, an `all` job per OS) can both find nothing and both create. Every creator therefore
// reads the comments posted since its lookup, keeps the newest live one of ours with the marker
// and deletes the rest. The rule that makes this safe: a comment of ours is only ever deleted by
// someone who knows a newer one (seen, or just created). So the newest never is, and after the
// last creator has looked, nothing older survives: exactly one comment is left.
import type { CommentMode } from '../config/model.ts'
import type { GitHubApi } from './octokit.ts'
import type { Logger } from './logger.ts'
import { markedBody, sameBody } from './comment-marker.ts'
import {
  PAGE_SIZE,
  findComment,
  isOurs,
  readCommentPage,
  toExisting,
  type CommentLookup,
  type ExistingComment,
} from './comment-lookup.ts'
import { RefusedError, refusalOf, statusOf, type Refusal } from './errors.ts'
import { positiveId, textField } from './answers.ts'

/** How to write when a comment exists: edit it, or replace it at the bottom of the thread. */
export type CommentStrategy = 'update' | 'recreate' | 'hide-previous'

export interface PublishCommentOptions {
  /** The rendered report; the marker is appended here. */
  body: string
  mode: CommentMode
  strategy?: CommentStrategy
  /**
   * For mode `changes`: whether the results differ from those the previous comment recorded
   * (the report compares digests). A first comment is always written.
   */
  resultsChanged?: boolean
  /** For mode `failures`: the check passed, so no comment is posted where none exists yet. */
  passed?: boolean
  logger: Logger
}

export type CommentStatus =
  | 'created'
  | 'updated'
  | 'recreated'
  | 'unchanged'
  | 'off'
  /** Mode `failures`: the check passed and no comment existed, so none was posted. */
  | 'not-needed'
  | 'denied'
  | 'not-found'
  | 'rejected'
  | 'unavailable'

export interface CommentResult {
  status: CommentStatus
  /** The comment that now holds the report (for `unchanged`, the one left as it was). */
  comment?: { id: number; nodeId: string; url: string }
  /** The body of our comment before this run, if there was one. */
  previousBody?: string
  /** For `unchanged`: the same text, or (mode `changes`) the same results. */
  unchangedBecause?: 'same-body' | 'same-results'
  /** Our own duplicate comments removed on the way. */
  removedDuplicates: number
  /** After a race another report's comment was kept instead of the one this run created. */
  yielded?: boolean
  /** The body had to be cut to fit GitHub's limit. */
  trimmed?: boolean
  refusal?: Refusal
}

export async function publishComment(
  api: GitHubApi,
  lookup: CommentLookup,
  options: PublishCommentOptions,
): Promise<CommentResult> {
  const previousBody = lookup.existing?.body
  const base = { removedDuplicates: 0, ...(previousBody !== undefined ? { previousBody } : {}) }
  if (options.mode === 'off') return { ...base, status: 'off' }
  // A pull request that never failed gets no comment; one that did hears that it is fixed.
  if (options.mode === 'failures' && options.passed && !lookup.existing) {
    return { ...base, status: 'not-needed' }
  }
  if (lookup.refusal) return refused(lookup.refusal, base)

  const { body, trimmed } = markedBody(options.body, lookup.target.key)
  if (trimmed) {
    options.logger.warning(
      `the comment body was over GitHub's 65,536-character limit and was cut to fit`,
    )
  }
  const writer = new Writer(api, lookup, options.logger)
  try {
    const result = await write(writer, lookup, body, options)
    return {
      ...base,
      ...result,
      removedDuplicates: writer.removed,
      ...(trimmed ? { trimmed } : {}),
    }
  } catch (error) {
    const refusal = refusalOf(error)
    if (!refusal) throw error
    return { ...refused(refusal, base), removedDuplicates: writer.removed }
  }
}

async function write(
  writer: Writer,
  lookup: CommentLookup,
  body: string,
  options: PublishCommentOptions,
): Promise<Omit<CommentResult, 'removedDuplicates'>> {
  await writer.removeAll(lookup.duplicates)
  const existing = lookup.existing
  if (!existing) return writer.create(body, lookup.tailCursor, 'created')

  const kept = { id: existing.id, nodeId: existing.nodeId, url: existing.url }
  if (sameBody(existing.body, body)) {
    return { status: 'unchanged', unchangedBecause: 'same-body', comment: kept }
  }
  if (options.mode === 'changes' && options.resultsChanged === false) {
    return { status: 'unchanged', unchangedBecause: 'same-results', comment: kept }
  }
  switch (options.strategy ?? 'update') {
    case 'update':
      return writer.update(existing, body)
    case 'recreate':
      await writer.remove(existing)
      return writer.create(body, lookup.tailCursor, 'recreated')
    case 'hide-previous':
      await writer.minimize(existing)
      return writer.create(body, lookup.tailCursor, 'recreated')
  }
}

class Writer {
  removed = 0
  private readonly api: GitHubApi
  private readonly lookup: CommentLookup
  private readonly logger: Logger

  constructor(api: GitHubApi, lookup: CommentLookup, logger: Logger) {
    this.api = api
    this.lookup = lookup
    this.logger = logger
  }

  private get where() {
    return { owner: this.lookup.target.repo.owner, repo: this.lookup.target.repo.repo }
  }

  async update(
    existing: ExistingComment,
    body: string,
  ): Promise<Omit<CommentResult, 'removedDuplicates'>> {
    try {
      const { data } = await this.api.rest.issues.updateComment({
        ...this.where,
        comment_id: existing.id,
        body,
      })
      return {
        status: 'updated',
        comment: commentOf(data, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'),
      }
    } catch (error) {
      if (refusalOf(error)?.kind !== 'not-found') throw error
    }
    // Deleted under us (by a person, or by a racing report that recreated it): look again.
    this.logger.info(`comment ${existing.id} vanished while updating it; looking it up again`)
    const again = await findComment(this.api, this.lookup.target)
    if (again.refusal) throw new RefusedError(again.refusal)
    await this.removeAll(again.duplicates)
    if (again.existing && again.existing.id !== existing.id) {
      if (sameBody(again.existing.body, body)) {
        const e = again.existing
        return {
          status: 'unchanged',
          unchangedBecause: 'same-body',
          comment: { id: e.id, nodeId: e.nodeId, url: e.url },
        }
      }
      return this.update(again.existing, body)
    }
    return this.create(body, again.tailCursor, 'created')
  }

  async create(
    body: string,
    since: string | null,
    status: 'created' | 'recreated',
  ): Promise<Omit<CommentResult, 'removedDuplicates'>> {
    const { data } = await this.api.rest.issues.createComment({
      ...this.where,
      issue_number: this.lookup.target.number,
      body,
    })
    const mine: ExistingComment = {
      ...commentOf(data, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'),
      body,
    }
    const keeper = await this.settle(mine, since)
    const comment = { id: keeper.id, nodeId: keeper.nodeId, url: keeper.url }
    if (keeper.nodeId !== mine.nodeId) {
      this.logger.info(
        `another report created the same comment at the same time; kept the newer one (${keeper.url})`,
      )
      return { status, comment, yielded: true }
    }
    return { status, comment }
  }

  /** Reads everything posted since `since`, keeps the newest live one of ours, removes the rest. */
  private async settle(mine: ExistingComment, since: string | null): Promise<ExistingComment> {
    const ours: ExistingComment[] = []
    let after = since
    for (;;) {
      const page = await readCommentPage(this.api, this.lookup.target, { first: PAGE_SIZE, after })
      ours.push(...page.nodes.filter((n) => isOurs(n, this.lookup.marker)).map(toExisting))
      if (!page.hasNextPage) break
      after = page.endCursor
    }
    // Our own comment may be missing from the list: not replicated yet, or already deleted by a
    // racer that saw a newer one. Either way it takes its place by id (ids grow with time), so
    // it is kept only if it is the newest; appending it would delete a newer one.
    if (!ours.some((c) => c.nodeId === mine.nodeId)) {
      ours.push(mine)
      ours.sort((a, b) => a.id - b.id)
    }
    const keeper = ours.pop()!
    await this.removeAll(ours)
    return keeper
  }

  async removeAll(comments: ExistingComment[]): Promise<void> {
    for (const comment of comments) await this.remove(comment)
    if (comments.length) {
      this.logger.info(`removed ${comments.length} duplicate bind-probe comment(s)`)
    }
  }

  async remove(comment: ExistingComment): Promise<void> {
    try {
      await this.api.rest.issues.deleteComment({ ...this.where, comment_id: comment.id })
      this.removed += 1
    } catch (error) {
      // Someone else removed it first: the outcome we wanted.
      if (refusalOf(error)?.kind !== 'not-found') throw error
    }
  }

  async minimize(comment: ExistingComment): Promise<void> {
    await this.api.graphql(
      /* GraphQL */ `
        mutation BindProbeHide($id: ID!) {
          minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) {
            minimizedComment {
              isMinimized
            }
          }
        }
      `,
      { id: comment.nodeId },
    )
  }
}

/** A comment as GitHub's REST answer describes it, checked. */
function commentOf(data: unknown, endpoint: string): { id: number; nodeId: string; url: string } {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  return {
    id: positiveId(d.id, endpoint),
    nodeId: textField(d.node_id, endpoint, 'node_id'),
    url: textField(d.html_url, endpoint, 'html_url'),
  }
}

function refused(
  refusal: Refusal,
  base: Pick<CommentResult, 'removedDuplicates' | 'previousBody'>,
): CommentResult {
  return { ...base, status: statusOf(refusal), refusal }
}
