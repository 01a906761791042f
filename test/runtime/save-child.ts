/**
 * A child process of the file tests that stops in the middle of a save: it opens the workbook
 * (argv[2]) with the runtime, sets 计数!A1 to 42, and saves; once the temporary copy is complete
 * it prints "ready" and waits, so the parent can stop it with a signal at that very point. With
 * argv[3] "graceful" it handles SIGINT itself, as `banzhuren sidebar` does: the signal lets the
 * save go on, and the process ends normally once it is done.
 */
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';

const SET = `function set() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('计数').getRange('A1').setValue(42); }`;

async function run(): Promise<void> {
  const graceful = process.argv[3] === 'graceful';
  let signalled: () => void = () => undefined;
  const signal = new Promise<void>((resolve) => (signalled = resolve));
  if (graceful) process.on('SIGINT', () => signalled());
  const runtime = await openWorkbookRuntime({
    path: process.argv[2],
    code: SET,
    counter: new CallCounter(),
    beforeReplace: () => {
      process.stdout.write('ready\n');
      if (graceful) {
        const keepAlive = setInterval(() => undefined, 1000);
        return signal.then(() => clearInterval(keepAlive));
      }
      return new Promise<void>(() => setInterval(() => undefined, 1000));
    },
  });
  runtime.bundle.call('set');
  await runtime.save();
  runtime.close();
}

run().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
