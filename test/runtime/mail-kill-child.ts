/**
 * A child process of the mail kill test: opens the workbook (argv[2]) with the bundle code in
 * argv[3] as of 00:00 of argv[4] and runs one simulated day of ticks, saving and delivering mail
 * as `banzhuren tick` does. With argv[5] = 'kill' it is killed (SIGKILL) just before its first
 * save replaces the workbook file. Prints the tick report as JSON.
 */
import { readFileSync } from 'node:fs';
import { CallCounter } from '../../local/runtime/call-counter';
import { runTicks } from '../../local/runtime/ticks';
import { openWorkbookRuntime } from '../../local/workbook-runtime';

async function run(): Promise<void> {
  const [path, codeFile, today = '', mode] = process.argv.slice(2);
  const runtime = await openWorkbookRuntime({
    path,
    code: readFileSync(codeFile ?? '', 'utf8'),
    counter: new CallCounter(),
    today,
    startTime: '00:00',
    beforeReplace: mode === 'kill' ? () => void process.kill(process.pid, 'SIGKILL') : undefined,
  });
  try {
    const report = await runTicks(runtime, { from: today, days: 1 });
    process.stdout.write(JSON.stringify({ executions: report.executions, written: report.days.flatMap((day) => day.delivery.written).length }));
  } finally {
    runtime.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
