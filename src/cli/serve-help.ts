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
