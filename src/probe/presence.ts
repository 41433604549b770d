// Parallel jobs on one self-hosted runner probe the same host at once. bind()'s answers belong to
// each scenario's own sockets (the control step keeps other programs' ports out), but the
// ephemeral-port figures are host-wide by nature: another probe's binds draw from the same range.
// So each probe leaves a marker in a directory every process on the host sees while it runs, and
// a measurement taken while another live probe's marker was there says so.
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processAlive } from '../process-alive.ts'

export const DEFAULT_PRESENCE_DIR = join(tmpdir(), 'bind-probe-running')

export interface ProbePresence {
  /** Another probe, in a process still alive, has its marker here now. */
  othersRunning(): boolean
  /** Takes this probe's marker away. */
  leave(): void
}

/** Puts this probe's marker down; a directory that cannot be written makes a presence that sees no one. */
export function announceProbe(dir = DEFAULT_PRESENCE_DIR): ProbePresence {
  const own = `${process.pid}-${randomUUID()}`
  try {
    // Shared by every user's jobs, like /tmp itself: anyone may add a marker, only its owner remove it.
    if (mkdirSync(dir, { recursive: true })) chmodSync(dir, 0o1777)
    writeFileSync(join(dir, own), '')
  } catch {
    return { othersRunning: () => false, leave: () => undefined }
  }
  return {
    othersRunning: () => markers(dir).some((name) => name !== own && processAlive(pidOf(name))),
    leave: () => rmSync(join(dir, own), { force: true }),
  }
}

function markers(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function pidOf(marker: string): number {
  return Number(marker.split('-', 1)[0])
}
