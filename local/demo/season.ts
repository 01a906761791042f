/**
 * The demo season: makes a sample nomination workbook of about 300 synthetic candidates (with the
 * mistakes real forms have) and runs a whole season through dist/Code.js in the offline runtime,
 * writing the workbook, documents, outbox, 公示名单 and report.html into the output folder.
 */
import type { CommandContext } from '../commands/command';

/** Runs the whole demo season into `context.options.out` (default ./out); returns the exit code. */
export async function runDemo(context: CommandContext): Promise<number> {
  context.err('演示尚未实现');
  return 1;
}
