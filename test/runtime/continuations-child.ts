/**
 * A child process of the continuation tests: opens the workbook (argv[2]) with the job of
 * continuations.test.ts (argv[3], a file) and a short time limit, runs it with continuations, and
 * after the second execution was saved prints "ready" and waits, so the parent can kill it with
 * SIGKILL between executions.
 */
import { readFileSync } from 'node:fs';
import { CallCounter } from '../../local/runtime/call-counter';
import { runWithContinuations } from '../../local/runtime/continuations';
import { openWorkbookRuntime } from '../../local/workbook-runtime';

async function run(): Promise<void> {
  const [path, codeFile, templateId, folderId, total] = process.argv.slice(2);
  const runtime = await openWorkbookRuntime({
    path,
    code: readFileSync(codeFile ?? '', 'utf8'),
    counter: new CallCounter(),
    today: '2024-10-10',
    timeLimitSeconds: 10,
  });
  await runWithContinuations(runtime, () => runtime.bundle.call('job', templateId, folderId, Number(total)), {
    afterExecution: (executions) => {
      if (executions < 2) return undefined;
      process.stdout.write('ready\n');
      return new Promise<void>(() => setInterval(() => undefined, 1000));
    },
  });
}

run().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
