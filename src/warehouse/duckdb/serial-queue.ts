// A promise-queue mutex. DuckDB allows one writer per database, and a transaction belongs to
// a connection, so every write (load, bookkeeping, migrate) runs one at a time on the single
// write connection. A failed task does not poison the queue for the next one.

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves once everything queued so far has settled. */
  async drain(): Promise<void> {
    await this.tail
  }
}
