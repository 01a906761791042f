/**
 * A child process of the drive crash test: opens the workbook (argv[2]) with the bundle code in
 * argv[3] and calls its `scenario` with how many operations to run (argv[4]). The parent sets
 * BANZHUREN_DRIVE_KILL_AFTER so that the drive kills this process after one of its disk changes.
 */
import { readFileSync } from 'node:fs';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';

async function run(): Promise<void> {
  const [path, codeFile, operations] = process.argv.slice(2);
  const runtime = await openWorkbookRuntime({
    path,
    code: readFileSync(codeFile ?? '', 'utf8'),
    counter: new CallCounter(),
    today: '2024-10-10',
    // The workbook is not saved (the drive's files are what the test looks at), so it is not locked either.
    readOnly: true,
  });
  try {
    runtime.bundle.call('scenario', Number(operations));
  } finally {
    runtime.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
