import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Tests make hundreds of temporary trees (scan fixtures, fake runners, artifacts) and
// most cannot know when a spawned child is done with theirs. One directory per run,
// set as TMPDIR before the workers start, collects them all and goes in one piece.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'bind-probe-tests-'))
  // Like /tmp: tests run children as other users (git's ownership check), so they must reach it.
  chmodSync(root, 0o1777)
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
