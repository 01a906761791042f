/**
 * A batch of documents across executions (issue 9): a short time limit finishes through hourly
 * continuations with exactly one file per row; executions killed at any moment and run again
 * leave exactly one file per row and no temporary file; the daily quota is said before the batch
 * starts and the rest continues the next day (the add-on's count and Google's own error); the
 * hourly trigger is installed for the batch and removed after it, but never one that was there
 * before; regenerating replaces each file by name; the cost per document is flat.
 */
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { CallCounter } from '../../local/runtime/call-counter';
import { runWithContinuations } from '../../local/runtime/continuations';
import type { WorkbookRuntime } from '../../local/workbook-runtime';
import { temporaryFolder } from '../support/workbooks';
import { documentText } from './document-fake';
import { awardedRows, CERTIFICATE_TEMPLATE, documentRuntime, documentWorkbook, filesIn, readDocument, writeTemplate } from './document-support';

interface RunResult {
  created: { row: number; file: string; link: string }[];
  skipped: { row: number; link: string }[];
  pending: number;
  done: boolean;
  messages: string[];
}

async function setUp(count: number): Promise<{ folder: string; path: string; template: string; out: string }> {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(count));
  return { folder, path, template: writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE), out: join(folder, 'out') };
}

/** The document part of each execution's result: the hourly trigger answers `{ daily, documents }` (issue 10). */
function batchResults(results: readonly unknown[]): (RunResult | null)[] {
  return results.map((result) => (result !== null && typeof result === 'object' && 'documents' in result ? (result as { documents: RunResult | null }).documents : (result as RunResult | null)));
}

function optionsFor(runtime: WorkbookRuntime, template: string, out: string, more: Record<string, unknown> = {}) {
  return { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(out), ...more };
}

/** The expected final files of rows 2..count+1. */
function expectedFiles(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `玉教班〔2024〕${String(index + 1).padStart(3, '0')}号-教师${index + 1}-荣誉证书.docx`).sort();
}

test('a 20-second limit finishes through hourly continuations with exactly one file per row; the trigger is removed after', async () => {
  const { path, template, out } = await setUp(12);
  const runtime = await documentRuntime(path, { timeLimitSeconds: 20 });
  const options = optionsFor(runtime, template, out);
  const run = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as RunResult);
  runtime.close();
  expect(run.executions).toBeGreaterThan(2);
  expect(filesIn(out)).toEqual(expectedFiles(12));
  const last = batchResults(run.results)[batchResults(run.results).length - 1] as RunResult;
  expect(last.done).toBe(true);
  expect(runtime.state.triggers).toEqual([]);
  const created = batchResults(run.results).flatMap((result) => (result ? result.created.map((entry) => entry.row) : []));
  expect(new Set(created).size).toBe(created.length);
});

test('killed at many different moments and run again, exactly one file per row, no temporary left, every link valid', async () => {
  const count = 6;
  // Limits from 11.5 s (one document at most) upwards kill the executions at different calls.
  for (const limit of [11.5, 12.3, 12.9, 13.6, 14.1, 17.7]) {
    const { path, template, out } = await setUp(count);
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const runtime = await documentRuntime(path, { timeLimitSeconds: limit });
      let result: RunResult | null = null;
      try {
        result = runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out)) as RunResult;
      } catch (error) {
        if (!String((error as Error).message).includes('Exceeded maximum execution time')) throw error;
      }
      await runtime.save();
      runtime.close();
      if (result?.done) break;
    }
    expect(filesIn(out)).toEqual(expectedFiles(count));
    for (const file of filesIn(out)) expect(documentText(readDocument(join(out, file)))).not.toContain('{{');
    const check = await documentRuntime(path);
    const again = check.bundle.call('runDocuments_', optionsFor(check, template, out)) as RunResult;
    check.close();
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(count);
  }
});

test('the daily quota: said before the batch starts, the rest made the next day by the hourly trigger', async () => {
  const { path, template, out } = await setUp(5);
  const runtime = await documentRuntime(path);
  const options = optionsFor(runtime, template, out, { dailyQuota: 3 });
  const run = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as RunResult);
  runtime.close();
  const first = batchResults(run.results)[0] as RunResult;
  expect(first.messages[0]).toBe('今天还能新建 3 份（每日上限 3 份），其余 2 份明天继续（已有文件的行不占名额）');
  expect(first.created).toHaveLength(3);
  expect(first.done).toBe(false);
  expect(filesIn(out)).toEqual(expectedFiles(5));
  // Hourly executions that day make nothing; the first one of the next day makes the rest.
  const madeLater = batchResults(run.results).slice(1).filter((result) => result !== null && result.created.length > 0);
  expect(madeLater).toHaveLength(1);
  expect(run.executions).toBeGreaterThan(2);
});

test("Google's own 'too many times for one day' stops the execution cleanly; the next day carries on", async () => {
  const { path, template, out } = await setUp(4);
  const runtime = await documentRuntime(path, { docQuota: 2 });
  const options = optionsFor(runtime, template, out);
  const run = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as RunResult);
  runtime.close();
  const first = batchResults(run.results)[0] as RunResult;
  expect(first.created).toHaveLength(2);
  expect(first.messages).toContain('Google 今天不再允许新建文档（每日配额已用完）；剩余 2 行明天由定时任务继续');
  expect(filesIn(out)).toEqual(expectedFiles(4));
});

test('the trigger a batch installs calls a global of the bundle (the handler name ScriptApp is given exists)', async () => {
  const { path, template, out } = await setUp(12);
  const runtime = await documentRuntime(path, { timeLimitSeconds: 20 });
  expect(() => runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out))).toThrow('Exceeded maximum execution time');
  const handlers = (runtime.state.triggers as { handler: string }[]).map((trigger) => trigger.handler);
  runtime.close();
  expect(handlers).toEqual(['onHourlyTrigger']);
  expect(runtime.bundle.has(handlers[0] as string)).toBe(true);
});

test('an hourly trigger that was there before the batch is kept after it', async () => {
  const { path, template, out } = await setUp(2);
  const runtime = await documentRuntime(path);
  // Someone's trigger for the same handler (the daily job of issue 10 shares it), made in the bundle's context.
  runInContext("ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create()", runtime.bundle.context);
  expect(runtime.state.triggers).toHaveLength(1);
  const result = runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out)) as RunResult;
  expect(result.done).toBe(true);
  expect(runtime.state.triggers).toHaveLength(1);
  runtime.close();
});

test('regenerate: each row gets a new file under the same name, the old one trashed by name; still one per row', async () => {
  const { folder, path, template, out } = await setUp(2);
  let runtime = await documentRuntime(path);
  runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out));
  await runtime.save();
  runtime.close();
  writeTemplate(folder, '证书', { body: [{ type: 'paragraph', text: '新版：{{姓名}}' }] });
  runtime = await documentRuntime(path);
  const result = runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out, { regenerate: true })) as RunResult;
  await runtime.save();
  runtime.close();
  expect(result.created).toHaveLength(2);
  expect(filesIn(out)).toEqual(expectedFiles(2));
  expect(documentText(readDocument(join(out, expectedFiles(2)[0] as string)))).toBe('新版：教师1');
  expect(filesIn(join(out, '.trash')).filter((file) => file.endsWith('.docx'))).toHaveLength(2);
});

test('the cost per document is flat: 4 more rows cost the same calls whatever the batch size, and the sheet is read once', async () => {
  const callsFor = async (count: number) => {
    const { path, template, out } = await setUp(count);
    const counter = new CallCounter();
    const runtime = await documentRuntime(path, { counter });
    runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out));
    runtime.close();
    return counter.snapshot().calls;
  };
  const [one, five, nine] = [await callsFor(1), await callsFor(5), await callsFor(9)];
  const names = [...new Set([...Object.keys(one), ...Object.keys(nine)])].sort();
  const growth = (from: Record<string, number>, to: Record<string, number>) => Object.fromEntries(names.map((name) => [name, (to[name] ?? 0) - (from[name] ?? 0)]).filter(([, added]) => added !== 0));
  expect(growth(five, nine)).toEqual(growth(one, five));
  const perDocument = Object.fromEntries(Object.entries(growth(one, five)).map(([name, added]) => [name, (added as number) / 4]));
  // Two locks: the try saved before the copy (A3), and the link with the job's position.
  expect(perDocument).toMatchObject({ 'Drive.Files.copy': 1, 'Drive.Files.list': 2, 'Drive.Files.update': 1, 'DocumentApp.openById': 1, 'Document.saveAndClose': 1, 'Range.setValue': 1, 'Lock.waitLock': 2 });
  expect(nine['Range.getValues']).toBe(one['Range.getValues']);
  console.log(`calls per document: ${JSON.stringify(perDocument)}; one-document execution: ${JSON.stringify(one)}`);
});

test('onHourlyTrigger without a batch does nothing; a new request replaces an unfinished batch of other options, saying so', async () => {
  const { path, template, out } = await setUp(3);
  const runtime = await documentRuntime(path);
  expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
  const first = runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out, { dailyQuota: 1 })) as RunResult;
  expect(first.pending).toBe(2);
  const second = runtime.bundle.call('runDocuments_', optionsFor(runtime, template, out, { rows: [4], dailyQuota: 5 })) as RunResult;
  expect(second.messages).toContain('上次未完成的荣誉证书批次（已完成 1 行）已由本次取代；已生成的文件不会重复生成');
  expect(second.created.map((entry) => entry.row)).toEqual([4]);
  expect(second.done).toBe(true);
  expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
  expect(runtime.state.triggers).toEqual([]);
  runtime.close();
});

test('A3: a document that never fits in an execution is tried 3 times, then its row is refused and the batch moves on', async () => {
  const { path, template, out } = await setUp(2);
  // A limit that fits the batch's reads and the saving of the try, but not one document: every try is killed.
  const runtime = await documentRuntime(path, { timeLimitSeconds: 5 });
  const options = optionsFor(runtime, template, out);
  const run = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as RunResult, { maxExecutions: 20 });
  runtime.close();
  const results = batchResults(run.results).filter((result): result is RunResult & { refused: { row: number; message: string }[] } => result !== null);
  const refused = results.flatMap((result) => result.refused);
  expect(refused).toEqual([
    { row: 2, message: '第2行 教师1：连续 3 次执行都没能在时限内做完这份文档，已跳过' },
    { row: 3, message: '第3行 教师2：连续 3 次执行都没能在时限内做完这份文档，已跳过' },
  ]);
  expect(results[results.length - 1]?.done).toBe(true);
  // 3 killed tries per row, then one execution refusing both: no more.
  expect(run.killed).toBe(6);
  expect(filesIn(out)).toEqual([]);
  expect(runtime.state.triggers).toEqual([]);
});
