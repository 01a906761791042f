/**
 * Counts every call the bundle makes into a fake Apps Script service, by 'Service.method', so
 * "reads a sheet once" is a test and `--stats` can print the figures; it also keeps the calls in
 * the order they were made, so "every write happens under the document lock" is a test too.
 */

/** One call into a fake service: the interface ('Range', 'Lock', 'Properties' …) and the method. */
export interface ServiceCall {
  service: string;
  method: string;
}

/** Calls made into the fake services during one run. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly calls: ServiceCall[] = [];

  /** Records one call of `Service.method`. */
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    const dot = name.indexOf('.');
    this.calls.push(dot < 0 ? { service: name, method: '' } : { service: name.slice(0, dot), method: name.slice(dot + 1) });
  }

  /** How many times `Service.method` was called. */
  of(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Every call so far, in the order made. */
  log(): readonly ServiceCall[] {
    return [...this.calls];
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

  /** Forgets every count and the order. */
  reset(): void {
    this.counts.clear();
    this.calls.length = 0;
  }
}
