// Paths the action reads or writes for the repository: the policy, the templates, the SARIF file.
// Inputs and the policy are repository content, so a path in them must not reach the runner's
// own files (`../../../proc/self/environ`), neither by `..` nor by a symbolic link committed in the
// checkout; what is read might end up in the log, the job summary or a comment.
import { lstat, readlink, realpath } from 'node:fs/promises'
import {
  basename,
  dirname,
  isAbsolute,
  join,
  posix,
  relative,
  resolve,
  sep,
  win32,
} from 'node:path'

export class PathError extends Error {
  override name = 'PathError'
  /** The message without the path: `is outside the workspace`. */
  readonly reason: string
  constructor(path: string, reason: string) {
    super(`${path} ${reason}`)
    this.reason = reason
  }
}

/** The PathError for a path that `repositoryPath` refuses. */
export function outsideRepository(path: string): PathError {
  return new PathError(path, 'is outside the workspace')
}

/**
 * A path as git and the contents API take it (relative to the repository root, forward slashes,
 * no `.` or `..` steps), or undefined when it leads outside. An absolute path inside `workspace`
 * becomes relative to it.
 */
export function repositoryPath(path: string, workspace?: string): string | undefined {
  let rel = path
  if (isAbsolute(path) || win32.isAbsolute(path)) {
    if (workspace === undefined) return undefined
    rel = relative(resolve(workspace), resolve(path))
    if (isAbsolute(rel)) return undefined // another drive
  }
  const normal = posix.normalize(rel.replaceAll(win32.sep, posix.sep))
  if (normal === '..' || normal.startsWith('../') || normal === '.' || normal === '') {
    return undefined
  }
  return normal.replace(/\/$/, '')
}

/**
 * `path` (relative to `base`) with every symbolic link followed, when that lies in one of the
 * roots; otherwise a PathError saying it is outside them. The file itself need not exist yet
 * (a file to write): then its nearest existing directory is what is followed.
 */
export async function resolveInside(
  path: string,
  base: string,
  roots: { dir: string; name: string }[],
): Promise<string> {
  const wanted = resolve(base, path)
  const real = await realpathOfExisting(wanted)
  for (const root of roots) {
    const top = await realpathOfExisting(resolve(root.dir))
    if (within(top, real)) return real
  }
  const named = roots.map((r) => r.name).join(' and ')
  const lexically = roots.some((r) => within(resolve(r.dir), wanted))
  throw new PathError(
    path,
    lexically
      ? `is a symbolic link (or lies under one) that leads outside the ${named}`
      : `is outside the ${named}`,
  )
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * The real path of `path`, or of its nearest existing ancestor with the rest appended. A dangling
 * symbolic link counts as its target: writing to it would create the target.
 */
async function realpathOfExisting(path: string, links = 0): Promise<string> {
  try {
    return await realpath(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const parent = dirname(path)
    if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === path) throw error
    const stat = await lstat(path).catch(() => undefined)
    if (stat?.isSymbolicLink() && links < 40) {
      return realpathOfExisting(resolve(parent, await readlink(path)), links + 1)
    }
    return join(await realpathOfExisting(parent, links), basename(path))
  }
}
