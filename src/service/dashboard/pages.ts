// The dashboard's pages, as pure functions of what was read: server-rendered HTML, no script,
// every value escaped by the `html` template.
import { flipChart, outcomeClass } from './chart.ts'
import type { PullRequestFindings, RepositoryView } from './data.ts'
import { component, html, type Html } from './html.ts'

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
a { color: #0969da; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; vertical-align: middle; }
th { background: #f6f8fa; font-weight: 600; }
td.inuse { background: #ffebe9; color: #a40e26; font-weight: 600; }
td.ok { background: #dafbe1; }
td.other { background: #f6f8fa; }
td.none { color: #8c959f; }
code { font-size: 12px; }
.muted { color: #59636e; }
header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }
form { display: inline; }
`

export interface Viewer {
  /** Who is looking: a GitHub login, "operator", or nobody. */
  name?: string
  /** Login is possible here (the App's OAuth client is configured). */
  canLogIn: boolean
}

function page(title: string, viewer: Viewer, body: Html, next = '/'): Html {
  const who = viewer.name
    ? html`<span
        >${viewer.name} ·
        <form method="post" action="/logout"><button type="submit">log out</button></form></span
      >`
    : viewer.canLogIn
      ? html`<a href="/login?next=${component(next)}">Log in with GitHub</a>`
      : ''
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${title} · bind-probe</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          ${who}
        </header>
        ${body}
      </body>
    </html> `
}

export function indexPage(
  repositories: readonly RepositoryView[],
  hidden: number,
  viewer: Viewer,
): Html {
  const items = repositories.map((v) => {
    const inUse = v.rows.reduce((n, r) => n + r.cells.filter((c) => c === 'EADDRINUSE').length, 0)
    const flipping = v.series.filter((s) => s.flips > 0).length
    return html`<tr>
      <td>
        <a class="repository" href="/repos/${v.repository.repositoryId}"
          >${v.repository.repository}</a
        >${v.repository.visibility === 'public' ? '' : html` <span class="muted">(${v.repository.visibility})</span>`}
      </td>
      <td>${v.ref ? html`<code>${v.ref}</code>` : ''}</td>
      <td>${v.runs}</td>
      <td>${v.columns.length}</td>
      <td class="${inUse ? 'inuse' : ''}">${inUse}</td>
      <td>${flipping}</td>
    </tr>`
  })
  const more =
    hidden > 0
      ? html`<p class="muted">
          ${hidden} more ${hidden === 1 ? 'repository is' : 'repositories are'}
          private${viewer.name ? ' and not readable by you' : viewer.canLogIn ? html`: <a href="/login">log in with GitHub</a> to see those you can read` : ''}.
        </p>`
      : ''
  const body =
    repositories.length === 0
      ? html`<p>No results yet.</p>
          ${more}`
      : html`<table>
            <thead>
              <tr>
                <th>Repository</th>
                <th>Runs of</th>
                <th>Runs</th>
                <th>Platforms</th>
                <th>EADDRINUSE now</th>
                <th>Flipping</th>
              </tr>
            </thead>
            <tbody>
              ${items}
            </tbody>
          </table>
          ${more}`
  return page('bind-probe', viewer, body)
}

function matrix(view: RepositoryView): Html {
  if (view.rows.length === 0) return html`<p>No outcomes recorded yet.</p>`
  return html`<table class="matrix">
    <thead>
      <tr>
        <th>Scenario</th>
        ${view.columns.map(
          (c) =>
            html`<th>
              ${c.platform}${c.image ? html`<br /><span class="muted">${c.image}</span>` : ''}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${view.rows.map(
        (row) =>
          html`<tr>
            <th><code>${row.scenario}</code></th>
            ${row.cells.map((cell) => html`<td class="${outcomeClass(cell)}">${cell ?? '—'}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`
}

function charts(view: RepositoryView): Html {
  if (view.series.length === 0) return html``
  const flipping = view.series.filter((s) => s.flips > 0)
  const steady = view.series.length - flipping.length
  return html`<h2>Flips over the last ${view.runs} ${view.runs === 1 ? 'run' : 'runs'}</h2>
    ${
      flipping.length === 0
        ? html`<p>No outcome flipped.</p>`
        : html`<table class="flip-history">
            <thead>
              <tr>
                <th>Scenario</th>
                <th>Platform</th>
                <th>Flips</th>
                <th>Outcome per run, oldest first</th>
              </tr>
            </thead>
            <tbody>
              ${flipping.map(
                (s) =>
                  html`<tr>
                    <th><code>${s.scenario}</code></th>
                    <td>${s.platform}${s.image ? ` (${s.image})` : ''}</td>
                    <td>${s.flips} in ${s.outcomes.length}</td>
                    <td>${flipChart(s)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${steady > 0 ? html`<p class="muted">${steady} other series kept one outcome.</p>` : ''}`
}

function findings(pulls: readonly PullRequestFindings[]): Html {
  const withFindings = pulls.filter((p) => p.findings.length > 0)
  if (withFindings.length === 0)
    return html`<h2>Flaky port use in recent pull requests</h2>
      <p>None found.</p>`
  return html`<h2>Flaky port use in recent pull requests</h2>
    ${withFindings.map(
      (p) =>
        html`<h3>
            #${p.number} <span class="muted"><code>${p.headSha.slice(0, 7)}</code></span>
          </h3>
          <table class="findings">
            <thead>
              <tr>
                <th>Where</th>
                <th>Rule</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              ${p.findings.map(
                (f) =>
                  html`<tr>
                    <td><code>${f.path}:${f.line}</code></td>
                    <td>${f.rule} ${f.severity}</td>
                    <td>${f.message}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
    )}`
}

export function repositoryPage(
  view: RepositoryView,
  pulls: readonly PullRequestFindings[],
  viewer: Viewer,
): Html {
  const r = view.repository
  const body = html`<p>
      <a href="/">All repositories</a
      >${view.ref ? html` · latest outcomes of <code>${view.ref}</code>` : ''}
    </p>
    <h2>Latest matrix</h2>
    ${matrix(view)} ${charts(view)} ${findings(pulls)}`
  return page(r.repository, viewer, body, `/repos/${r.repositoryId}`)
}

export function notFoundPage(message: string, viewer: Viewer, next: string): Html {
  const login =
    !viewer.name && viewer.canLogIn
      ? html`<p>
          <a href="/login?next=${component(next)}">Log in with GitHub</a> to see private
          repositories you can read.
        </p>`
      : ''
  return page(
    'Not found',
    viewer,
    html`<p>${message}</p>
      ${login}
      <p><a href="/">All repositories</a></p>`,
    next,
  )
}

export function errorPage(message: string, viewer: Viewer): Html {
  return page(
    'Something went wrong',
    viewer,
    html`<p>${message}</p>
      <p><a href="/">All repositories</a></p>`,
  )
}
