// nock helpers for GitHub's API: GraphQL comment pages as GitHub shapes them, matched by operation.
import nock from 'nock'

export const API = 'https://api.github.com'
export const REPO = { owner: 'octo-org', repo: 'octo-repo' }
export const MARKER = '<!-- bind-probe:comment key=default -->'

export interface FakeComment {
  id: number
  body: string
  mine?: boolean
  minimized?: boolean
}

export function node(c: FakeComment) {
  return {
    id: `IC_${c.id}`,
    fullDatabaseId: String(c.id),
    url: `https://github.com/octo-org/octo-repo/pull/7#issuecomment-${c.id}`,
    body: c.body,
    isMinimized: c.minimized ?? false,
    viewerDidAuthor: c.mine ?? false,
  }
}

export function page(
  comments: FakeComment[],
  info: Partial<{
    hasNextPage: boolean
    hasPreviousPage: boolean
    start: string
    end: string
    total: number
  }> = {},
) {
  return {
    data: {
      repository: {
        pullRequest: {
          comments: {
            totalCount: info.total ?? comments.length,
            pageInfo: {
              hasNextPage: info.hasNextPage ?? false,
              hasPreviousPage: info.hasPreviousPage ?? false,
              startCursor: info.start ?? (comments.length ? `c${comments[0]!.id}` : null),
              endCursor:
                info.end ?? (comments.length ? `c${comments[comments.length - 1]!.id}` : null),
            },
            nodes: comments.map(node),
          },
        },
      },
    },
  }
}

/** Intercepts one GraphQL request whose operation is `operation` and whose variables match. */
export function graphql(
  operation: string,
  variables: Record<string, unknown> = {},
  seen?: (body: GraphqlBody) => void,
): nock.Interceptor {
  return nock(API).post('/graphql', (body: GraphqlBody) => {
    if (!body.query?.includes(operation)) return false
    const match = Object.entries(variables).every(([k, v]) => body.variables?.[k] === v)
    if (match) seen?.(body)
    return match
  })
}

export interface GraphqlBody {
  query?: string
  variables?: Record<string, unknown>
}

export function rest(): nock.Scope {
  return nock(API)
}
