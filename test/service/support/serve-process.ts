// `bind-probe serve` as its own process, as an operator runs it: the URL from its first line.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { AUDIENCE } from './oidc-issuer.ts'
import { OPERATOR_TOKEN } from './service.ts'

const CLI = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))

export interface ServeProcess {
  url: string
  child: ChildProcess
  stderr: () => string
  /** Resolves with the exit code (or signal) once the process has ended. */
  ended: Promise<number | NodeJS.Signals | null>
}

export async function spawnServe(database: string, issuer: string, extra: string[] = []) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--port',
      '0',
      '--db',
      database,
      '--oidc-issuer',
      issuer,
      '--oidc-audience',
      AUDIENCE,
      ...extra,
    ],
    { env: { ...process.env, BIND_PROBE_OPERATOR_TOKEN: OPERATOR_TOKEN } },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk))
  const ended = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal)),
  )
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string | undefined>((resolve) => {
    lines.once('line', resolve)
    lines.once('close', () => resolve(undefined))
  })
  if (!first?.startsWith('listening on ')) {
    await ended
    throw new Error(`serve did not start: ${first ?? ''}${stderr}`)
  }
  return {
    url: first.slice('listening on '.length),
    child,
    stderr: () => stderr,
    ended,
  } satisfies ServeProcess
}
