// Uploads per minute per repository, counted in this process (each `serve` behind a load
// balancer keeps its own count): a runaway workflow cannot crowd out the other repositories.
export class RateLimiter {
  private readonly perMinute: number
  private readonly windows = new Map<number, { start: number; count: number }>()

  constructor(perMinute: number) {
    this.perMinute = perMinute
  }

  /** Counts one upload; the seconds to wait when the repository is over its limit. */
  take(repositoryId: number, now = Date.now()): number | undefined {
    const window = this.windows.get(repositoryId)
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 100_000) this.windows.clear() // bounded memory, whatever comes
      this.windows.set(repositoryId, { start: now, count: 1 })
      return undefined
    }
    if (window.count >= this.perMinute) return Math.ceil((window.start + 60_000 - now) / 1000)
    window.count++
    return undefined
  }
}
