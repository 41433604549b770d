// Where a scan's paths are relative to when no --root is given. Linters and ripgrep take any
// path: PATHs inside the current directory keep it as the root (findings read as before); a PATH
// elsewhere takes the repository it lies in, or else the folder that holds every PATH, so that
// JSON and SARIF stay relative to a repository root as code scanning needs.
import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path))
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** The folder a PATH names, or the one holding the file it names. */
function folderOf(path: string): string {
  const abs = resolve(path)
  return statSync(abs, { throwIfNoEntry: false })?.isDirectory() ? abs : dirname(abs)
}

async function repositoryOf(folder: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', folder, 'rev-parse', '--show-toplevel'])
    return stdout.trim() || undefined
  } catch {
    return undefined // not a checkout, or no git: the common folder serves
  }
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!
  while (!folders.every((f) => isInside(common, f))) common = dirname(common)
  return common
}

/** The root for `paths` (existing ones, as given on the command line). */
export async function inferRoot(paths: readonly string[]): Promise<string> {
  if (paths.every((p) => isInside('.', p))) return '.'
  const folders = paths.map(folderOf)
  const repository = await repositoryOf(folders[0]!)
  if (repository && folders.every((f) => isInside(repository, f))) return repository
  return commonFolder(folders)
}

/**
 * How a finding's path reads in the text output: as the user typed the PATHs, ripgrep style —
 * from the current directory when they were relative, absolute when any was absolute.
 */
export function displayPath(root: string, path: string, typed: readonly string[]): string {
  const abs = resolve(root, path)
  if (typed.some((p) => isAbsolute(p))) return abs
  return relative('.', abs) || '.'
}
