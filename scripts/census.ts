// A fresh census: whole-repository scans of repositories outside the corpus, as a user runs the
// scan on their own tree, and the sample of findings to be judged by reviewers who did not write
// the rules. The judged file joins FRESH_CENSUSES in eval-real-world.ts.
//
//   node scripts/census.ts NAME MIRRORS REPOS.json [PER-KIND] > sample.json
//
// REPOS.json is an array of {repository, commit}; MIRRORS holds bare mirrors as `owner+name/repo`
// (or `owner+name`). Each commit is checked out into a temporary directory and scanned whole with
// the defaults. The sample takes up to PER-KIND (default 8) findings per repository, rule and severity,
// in the order of sha256(NAME + ":" + path + ":" + line), so one large test suite cannot stand for
// a rule and every severity is measured. Progress goes to stderr.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Grammars } from '../src/scan/grammars.ts'
import { scan } from '../src/scan/scan.ts'
import { unlabelledOf, type UnlabelledFinding } from './eval-real-world.ts'

const run = promisify(execFile)

interface Repo {
  repository: string
  commit: string
}

/** A finding of the census, with its file's blob and room for the reviewer's verdict. */
export type CensusFinding = UnlabelledFinding &
  Required<Pick<UnlabelledFinding, 'severity'>> & { blob: string; verdict: null; reason: string }

function gitDir(mirrors: string, repository: string): string {
  const name = repository.replace('/', '+')
  const found = [join(mirrors, name, 'repo'), join(mirrors, name)].find((d) => existsSync(d))
  if (!found) throw new Error(`${repository}: no mirror under ${mirrors}`)
  return found
}

/**
 * The tree of the commit written into ROOT. Snapshots lack files of 4 MiB and more: those are
 * left out and counted (git archive would stop at the first).
 */
async function checkout(git: string, commit: string, root: string): Promise<void> {
  const env = { ...process.env, GIT_INDEX_FILE: join(root, '.census-index') }
  const at = ['--git-dir', git, '--work-tree', root]
  await run('git', [...at, 'read-tree', commit], { env })
  const missing = await run('git', [...at, 'checkout-index', '--all', '--force'], {
    env,
    maxBuffer: 16 << 20,
  }).then(
    () => 0,
    (e: { stderr?: string }) => (e.stderr?.match(/unable to read sha1 file/g) ?? []).length,
  )
  await rm(env.GIT_INDEX_FILE, { force: true })
  if (missing) console.error(`${git}: ${missing} files absent from the snapshot, not scanned`)
}

/** Every finding of a whole-tree scan of the repository at its commit, with each file's blob. */
async function scanRepository(
  mirrors: string,
  { repository, commit }: Repo,
  grammars: Grammars,
): Promise<CensusFinding[]> {
  const git = gitDir(mirrors, repository)
  const root = await mkdtemp(join(tmpdir(), 'bind-probe-census-'))
  try {
    await checkout(git, commit, root)
    const { findings } = await scan({ root, grammars })
    const blobs = new Map<string, string>()
    const blobOf = async (path: string) => {
      if (!blobs.has(path)) {
        const { stdout } = await run('git', ['--git-dir', git, 'rev-parse', `${commit}:${path}`])
        blobs.set(path, stdout.trim())
      }
      return blobs.get(path)!
    }
    const out: CensusFinding[] = []
    for (const f of findings) {
      const found = unlabelledOf(f, { repository, commit, path: f.path }, '')
      out.push({
        ...found,
        severity: f.severity,
        blob: await blobOf(f.path),
        verdict: null,
        reason: '',
      })
    }
    return out
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Up to `perKind` findings per repository, rule and severity, in a fixed hash order. */
export function drawSample<T extends { repository: string; path: string; line: number }>(
  name: string,
  findings: readonly (T & { rule: string; severity: string })[],
  perKind: number,
): T[] {
  const key = (f: T) => createHash('sha256').update(`${name}:${f.path}:${f.line}`).digest('hex')
  const ordered = [...findings].sort(
    (a, b) => key(a).localeCompare(key(b)) || a.repository.localeCompare(b.repository),
  )
  const taken = new Map<string, number>()
  return ordered.filter((f) => {
    const kind = `${f.repository} ${f.rule} ${f.severity}`
    const n = taken.get(kind) ?? 0
    taken.set(kind, n + 1)
    return n < perKind
  })
}

async function main(): Promise<void> {
  const [name, mirrors, reposFile, perKind = '8'] = process.argv.slice(2)
  if (!name || !mirrors || !reposFile) {
    console.error('usage: node scripts/census.ts NAME MIRRORS REPOS.json [PER-KIND]')
    process.exit(2)
  }
  const repos = JSON.parse(await readFile(reposFile, 'utf8')) as Repo[]
  const grammars = new Grammars()
  const all: CensusFinding[] = []
  const population = []
  try {
    for (const repo of repos) {
      const t = performance.now()
      const found = await scanRepository(mirrors, repo, grammars)
      all.push(...found)
      const count = (key: 'rule' | 'severity') =>
        Object.fromEntries(
          [...Map.groupBy(found, (f) => f[key])].map(([k, fs]) => [k, fs.length]).sort(),
        ) as Record<string, number>
      population.push({
        repository: repo.repository,
        commit: repo.commit,
        findings: count('rule'),
        bySeverity: count('severity'),
      })
      console.error(
        `${repo.repository}: ${found.length} findings, ${((performance.now() - t) / 1000).toFixed(1)} s`,
      )
    }
  } finally {
    await grammars.dispose()
  }
  const sample = drawSample(name, all, Number(perKind)).map((f, i) => ({
    ...f,
    ref: `${name}-${String(i + 1).padStart(3, '0')}`,
  }))
  console.error(`${all.length} findings, ${sample.length} sampled`)
  process.stdout.write(
    `${JSON.stringify({ title: name, method: '', population, judgements: sample }, null, 2)}\n`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await main()
  } catch (error) {
    // A missing mirror or commit, an unreadable REPOS.json: one line, as eval:scan says it.
    process.stderr.write(`census: ${(error as Error).message}\n`)
    process.exitCode = 1
  }
}
