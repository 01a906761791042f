/**
 * Counts every call the bundle makes into a fake Apps Script service, by 'Service.method', so
 * "reads a sheet once" is a test and `--stats` can print the figures.
 */

/** Calls made into the fake services during one run. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Records one call of `Service.method`. */
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many times `Service.method` was called. */
  of(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** All calls so far, sorted by name, and their total: the `--stats` JSON. */
  snapshot(): { calls: Record<string, number>; total: number } {
    const calls: Record<string, number> = {};
    let total = 0;
    for (const name of [...this.counts.keys()].sort()) {
      const count = this.counts.get(name) ?? 0;
      calls[name] = count;
      total += count;
    }
    return { calls, total };
  }

  /** Forgets every count. */
  reset(): void {
    this.counts.clear();
  }
}
