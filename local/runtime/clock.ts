/**
 * The simulated clock of the offline runtime. `--today` fixes the day; every fake service call
 * advances the clock by a modelled cost, and an execution that passes Apps Script's 6-minute
 * limit fails with Apps Script's own message, so long jobs are tested for resumability. The limit
 * is 6 minutes unless the runtime is given another (`--time-limit`), and the clock can be moved on
 * to a later instant (a trigger's next firing) between executions.
 */

/** Apps Script's limit for one execution (quotas page: "Script runtime 6 min / execution"). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** Apps Script's message when an execution runs past its limit. */
export const EXECUTION_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Modelled cost of one service call by kind, in milliseconds (rough medians seen in Apps Script). */
export const CALL_COST_MS = {
  light: 1,
  read: 60,
  write: 80,
  flush: 150,
  mail: 300,
  document: 1500,
} as const;

export type CallCost = keyof typeof CALL_COST_MS;

/** The simulated time of one execution. */
export class SimulatedClock {
  private elapsed = 0;
  private executionStart: number;

  /** A clock starting at `start` (milliseconds since the epoch) whose executions last at most `limitMs`. */
  constructor(
    private readonly start: number,
    readonly limitMs: number = EXECUTION_LIMIT_MS,
  ) {
    if (!(limitMs > 0)) throw new Error(`执行时间上限应为正数，收到 ${limitMs}`);
    this.executionStart = 0;
  }

  /** Current simulated time, milliseconds since the epoch. */
  now(): number {
    return this.start + this.elapsed;
  }

  /** Moves time on by a call's modelled cost; fails once the execution passes its limit. */
  advance(cost: CallCost | number): void {
    this.elapsed += typeof cost === 'number' ? cost : CALL_COST_MS[cost];
    if (this.elapsed - this.executionStart > this.limitMs) throw new Error(EXECUTION_LIMIT_MESSAGE);
  }

  /** Milliseconds used by the current execution. */
  executionElapsed(): number {
    return this.elapsed - this.executionStart;
  }

  /** Moves the clock on to `instant` (a trigger's firing) when that is later than now; never back. */
  moveTo(instant: number): void {
    this.elapsed = Math.max(this.elapsed, instant - this.start);
  }

  /** Starts a new execution (a new trigger run), whose limit counts from now. */
  startExecution(): void {
    this.executionStart = this.elapsed;
  }
}
