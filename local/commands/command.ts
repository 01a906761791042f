/**
 * What a `banzhuren` command is: its name, usage line, options and run function. Commands return
 * their exit code; a UsageError means the arguments were wrong (exit 2).
 */
import type { CallCounter } from '../runtime/call-counter';

/** The arguments were wrong: exit code 2, one clear line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What a command receives. */
export interface CommandContext {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  today?: string;
  as?: string;
  counter: CallCounter;
  out(line: string): void;
  err(line: string): void;
}

/** One command of the CLI. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(context: CommandContext): Promise<number>;
}
