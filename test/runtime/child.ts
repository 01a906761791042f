/**
 * A child process of the runtime tests: opens a workbook with the runtime, calls one function of
 * a small bundle, optionally holds the workbook a while, saves, closes, and prints the result as
 * JSON. The job comes as a JSON file named by argv[2] (see ChildJob in helpers.ts): a bundle is
 * larger than the 128 KiB one argument may hold.
 */
import { readFileSync } from 'node:fs';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import type { ChildJob } from './helpers';

async function run(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildJob;
  const runtime = await openWorkbookRuntime({ path: job.path, code: job.code, today: job.today, counter: new CallCounter() });
  try {
    const result = runtime.bundle.call(job.call, ...(job.args ?? []));
    if (job.holdMs) await new Promise((resolve) => setTimeout(resolve, job.holdMs));
    await runtime.save();
    process.stdout.write(JSON.stringify(result ?? null));
  } finally {
    runtime.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});
