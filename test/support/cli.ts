/**
 * Runs the real `banzhuren` command (bin/banzhuren.js over the built runtime) in a child process,
 * as an official would, and returns its exit code and output.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');

/** The result of one command run. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `banzhuren ...args` with an optional process time zone and extra environment. Tests
 * simulate dates years away from the real one, so the far-date 提示 is off unless `farDateHint`
 * asks for it.
 */
export function runCli(
  args: string[],
  options: { timeZone?: string; cwd?: string; env?: Record<string, string>; farDateHint?: boolean } = {},
): CliResult {
  const env = { ...process.env, ...options.env };
  if (options.timeZone) env.TZ = options.timeZone;
  if (options.farDateHint) delete env.BANZHUREN_SIMULATED_DATES;
  else env.BANZHUREN_SIMULATED_DATES = '1';
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: options.cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `--stats` JSON: the last line of stderr. */
export function statsOf(result: CliResult): { calls: Record<string, number>; total: number } {
  const lines = result.stderr.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}');
}
