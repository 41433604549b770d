// Scenario runs share the host, each on ports of its own from bind(0). A control does not: it
// binds again the port its scenario has just closed, and a run beside it could draw that port in
// between and meet the control's socket on it, a conflict that is neither the run's own nor
// another program's. So a control waits for the runs in flight and has the host to itself.

interface Waiter {
  alone: boolean
  go: () => void
}

export class RunGate {
  #running = 0
  #alone = false
  readonly #queue: Waiter[] = []

  /** Runs `work` beside other shared work. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.#run(false, work)
  }

  /** Runs `work` once nothing else runs, and lets nothing start until it ends. */
  alone<T>(work: () => Promise<T>): Promise<T> {
    return this.#run(true, work)
  }

  async #run<T>(alone: boolean, work: () => Promise<T>): Promise<T> {
    // First come, first served: shared work waits behind a waiting control, so it gets its turn.
    if (this.#queue.length > 0 || !this.#canStart(alone)) {
      await new Promise<void>((go) => this.#queue.push({ alone, go }))
    } else {
      this.#start(alone)
    }
    try {
      return await work()
    } finally {
      this.#running--
      this.#alone = false
      this.#next()
    }
  }

  #canStart(alone: boolean): boolean {
    return !this.#alone && (!alone || this.#running === 0)
  }

  #start(alone: boolean) {
    this.#running++
    this.#alone = alone
  }

  #next() {
    while (this.#queue.length > 0 && this.#canStart(this.#queue[0]!.alone)) {
      const waiter = this.#queue.shift()!
      this.#start(waiter.alone)
      waiter.go()
    }
  }
}
