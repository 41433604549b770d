/**
 * Whether a process with this pid runs on this host: a marker or lock file left by a process that
 * was killed names one that is gone. EPERM means it runs, as another user.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
