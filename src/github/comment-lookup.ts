// Finding our sticky comment on a pull request. GraphQL, because it says for each comment whether
// the token's own identity wrote it (`viewerDidAuthor`: github-actions[bot] for GITHUB_TOKEN, the
// app's bot for an App token, the user for a PAT) and whether it is hidden, which REST does not.
//
// Order and cost: the newest 100 comments first, then the oldest 100, then the rest from the
// newest end backwards, stopping at the first page holding our comment. A comment that was
// recreated sits among the newest (one request); one updated in place since the PR opened sits
// among the oldest (two). Only a PR where we have no comment yet is read in full.
//
// Reading the newest page first also fixes where a creator's race check starts: any comment a
// racing report creates lands after that page, so `tailCursor` bounds the check to one request.
import type { GitHubApi } from './octokit.ts'
import type { RepoRef } from './context.ts'
import { commentMarker, endsWithMarker } from './comment-marker.ts'
import { refusalOf, type Refusal } from './errors.ts'
import { UnexpectedAnswerError, positiveId, textField } from './answers.ts'

export interface CommentTarget {
  repo: RepoRef
  /** The pull request's number. */
  number: number
  /** The comment key; `default` unless a project keeps several reports per PR. */
  key: string
}

export interface ExistingComment {
  /** GraphQL node id (for minimizeComment). */
  nodeId: string
  /** REST id (for update and delete). */
  id: number
  url: string
  body: string
}

export interface CommentLookup {
  target: CommentTarget
  marker: string
  /** Our live comment for this key: the newest one found. */
  existing?: ExistingComment
  /** Older live comments of ours with the same marker, seen on the way: duplicates to remove. */
  duplicates: ExistingComment[]
  /** Cursor just past the newest comment the lookup read; later comments come after it. */
  tailCursor: string | null
  /** Set when GitHub refused the read (no such PR, no access): publishing then does nothing. */
  refusal?: Refusal
}

export const PAGE_SIZE = 100

interface CommentNode {
  id: string
  fullDatabaseId: string | number | null
  url: string
  body: string
  isMinimized: boolean
  viewerDidAuthor: boolean
}

interface Page {
  totalCount: number
  nodes: CommentNode[]
  hasNextPage: boolean
  hasPreviousPage: boolean
  startCursor: string | null
  endCursor: string | null
}

const QUERY = /* GraphQL */ `
  query BindProbeComments(
    $owner: String!
    $repo: String!
    $number: Int!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        comments(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          nodes {
            id
            fullDatabaseId
            url
            body
            isMinimized
            viewerDidAuthor
          }
        }
      }
    }
  }
`

export type PageRequest =
  { first: number; after?: string | null } | { last: number; before?: string | null }

interface QueryResult {
  repository: {
    pullRequest: {
      comments: {
        totalCount: number
        pageInfo: Omit<Page, 'nodes' | 'totalCount'>
        nodes: Array<CommentNode | null>
      }
    } | null
  } | null
}

export async function readCommentPage(
  api: GitHubApi,
  target: CommentTarget,
  request: PageRequest,
): Promise<Page> {
  const result = await api.graphql<QueryResult>(QUERY, {
    owner: target.repo.owner,
    repo: target.repo.repo,
    number: target.number,
    ...request,
  })
  const comments = result.repository?.pullRequest?.comments
  if (comments && !Array.isArray(comments.nodes)) {
    throw new UnexpectedAnswerError(
      "GitHub's API answered POST /graphql (BindProbeComments) without a list of comments",
    )
  }
  if (!comments) {
    // GraphQL normally reports this as a NOT_FOUND error; a bare null means the same.
    throw Object.assign(new Error(`pull request #${target.number} not found`), {
      errors: [{ type: 'NOT_FOUND', message: `pull request #${target.number} not found` }],
    })
  }
  return {
    ...comments.pageInfo,
    totalCount: comments.totalCount,
    nodes: comments.nodes.filter((n): n is CommentNode => n !== null),
  }
}

/** Ours: written by the token's identity, not hidden, and ending with this key's marker. */
export function isOurs(node: CommentNode, marker: string): boolean {
  return node.viewerDidAuthor && !node.isMinimized && endsWithMarker(node.body, marker)
}

export function toExisting(node: CommentNode): ExistingComment {
  const endpoint = 'POST /graphql (BindProbeComments)'
  const id = positiveId(node.fullDatabaseId ?? idFromUrl(node.url), endpoint, 'fullDatabaseId')
  return {
    nodeId: textField(node.id, endpoint, 'id'),
    id,
    url: textField(node.url, endpoint, 'url'),
    body: typeof node.body === 'string' ? node.body : '',
  }
}

function idFromUrl(url: string): string | undefined {
  return /#issuecomment-(\d+)$/.exec(url)?.[1]
}

/** Looks up our comment for `target`; a refusal is recorded in the result, not thrown. */
export async function findComment(api: GitHubApi, target: CommentTarget): Promise<CommentLookup> {
  const marker = commentMarker(target.key)
  const empty: CommentLookup = { target, marker, duplicates: [], tailCursor: null }
  const ours = (nodes: CommentNode[]) => nodes.filter((n) => isOurs(n, marker)).map(toExisting)
  try {
    const tail = await readCommentPage(api, target, { last: PAGE_SIZE })
    const lookup = { ...empty, tailCursor: tail.endCursor }
    const inTail = ours(tail.nodes)
    if (inTail.length || !tail.hasPreviousPage) return withFound(lookup, inTail)

    const seen = new Set(tail.nodes.map((n) => n.id))
    const head = await readCommentPage(api, target, { first: PAGE_SIZE })
    const headFresh = head.nodes.filter((n) => !seen.has(n.id))
    const inHead = ours(headFresh)
    if (inHead.length || headFresh.length < head.nodes.length || !head.hasNextPage) {
      return withFound(lookup, inHead)
    }
    for (const n of head.nodes) seen.add(n.id)
    let before = tail.startCursor
    for (;;) {
      const page = await readCommentPage(api, target, { last: PAGE_SIZE, before })
      const fresh = page.nodes.filter((n) => !seen.has(n.id))
      const found = ours(fresh)
      for (const n of fresh) seen.add(n.id)
      const readAll = seen.size >= page.totalCount
      if (found.length || readAll || fresh.length < page.nodes.length || !page.hasPreviousPage) {
        return withFound(lookup, found)
      }
      before = page.startCursor
    }
  } catch (error) {
    const refusal = refusalOf(error)
    if (!refusal) throw error
    return { ...empty, refusal }
  }
}

function withFound(lookup: CommentLookup, found: ExistingComment[]): CommentLookup {
  const duplicates = [...found]
  const existing = duplicates.pop()
  return existing ? { ...lookup, existing, duplicates } : lookup
}
