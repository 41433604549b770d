// `bind-probe serve --help`, without loading the service.
import { SETTINGS } from '../service/settings.ts'

export const SERVE_HELP = `Usage: bind-probe serve [options]

Runs the reporting service: runners upload each leg's result to POST /api/v1/results,
authenticated by their GitHub Actions OIDC token (no upload secret). Prints
"listening on URL" first on stdout; logs are JSON lines on stderr. Stops on SIGTERM or
SIGINT once the uploads in flight are stored. See docs/service.md.

Options (each also an environment variable; a flag wins):
${SETTINGS.map((s) => `  ${`${s.flag} VALUE`.padEnd(30)} ${s.env}\n  ${''.padEnd(30)} ${s.what}`).join('\n')}

Exit status: 0 after a clean stop, 1 when it cannot start (database in use, port taken),
2 on a malformed setting.
`

export const APP_HELP = `Usage: bind-probe app create --public-url URL [options]

Creates the GitHub App the reporting service publishes as, through GitHub's manifest flow:
it prints a page on 127.0.0.1 to open in a browser signed in to GitHub; GitHub sends the
browser back, and the App's private key and settings are written to bind-probe-app.pem and
bind-probe-app.env (mode 0600; never overwritten). See docs/service.md.

Options:
  --public-url URL          the URL runners and GitHub's webhooks reach the service at (required)
  --name NAME               the App's name (default bind-probe; GitHub names must be unique)
  --org ORG                 create it for an organisation (default: the signed-in user)
  --github-server-url URL   GITHUB_SERVER_URL; default https://github.com (GHES: https://HOST)
  --github-api-url URL      GITHUB_API_URL; default https://api.github.com (GHES: https://HOST/api/v3)
  --out DIR                 where to write the two files (default .)
  --port N                  the loopback port of the page (default 0: a free one)

Exit status: 0 once the App is created, 1 when GitHub refuses, 2 on a usage error.
`
