/**
 * runWithContinuations: a job killed by a short time limit ("Exceeded maximum execution time")
 * resumes on the next firing of its hourly trigger, as on Google: the clock moves an hour per
 * firing, each firing gets a time-driven event object, killed executions are counted, the work is
 * done exactly once; the workbook is saved after every execution, so a process killed (SIGKILL)
 * between executions keeps the last saved progress and a new run finishes the job; a job making no
 * progress stops with a Chinese message. The job's console.info progress lines always reach the
 * runtime's print; console.log stays silent. A document an execution killed by the time limit
 * left open is dropped unsaved, never written at a later execution's end.
 */
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTION_LIMIT_MESSAGE } from '../../local/runtime/clock';
import { runWithContinuations } from '../../local/runtime/continuations';
import { blankDocx } from '../../local/services/document/docx-package';
import { docxText } from '../support/docx-text';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const HOUR = 60 * 60 * 1000;

/**
 * A resumable job as the add-on writes one: a cursor in the document properties, one document
 * copied per item (1.5 s each), the hourly trigger installed before the first and removed when done.
 * Each execution records when it started and, for a trigger run, the event it got.
 */
const JOB = `
function job(templateId, folderId, total) {
  var props = PropertiesService.getDocumentProperties();
  props.setProperty('job', JSON.stringify({ templateId: templateId, folderId: folderId, total: total }));
  return continueJob(null);
}
function onHourlyTrigger(event) { return continueJob(event); }
function continueJob(event) {
  var props = PropertiesService.getDocumentProperties();
  var starts = JSON.parse(props.getProperty('starts') || '[]');
  starts.push(event ? [Date.now(), event.triggerUid, event.hour, event.minute, event['day-of-month'], event.month, event.year, event.timezone, event.authMode] : [Date.now()]);
  props.setProperty('starts', JSON.stringify(starts));
  var job = JSON.parse(props.getProperty('job') || 'null');
  if (!job) return null;
  var triggers = ScriptApp.getProjectTriggers();
  if (triggers.length === 0) ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create();
  var template = DriveApp.getFileById(job.templateId), folder = DriveApp.getFolderById(job.folderId);
  var next = Number(props.getProperty('cursor') || 0), created = 0;
  while (next < job.total) {
    var name = '第' + (next + 1) + '份';
    if (!folder.getFilesByName(name).hasNext()) {
      template.makeCopy(name, folder);
      created += 1;
      console.info('[' + (next + 1) + '/' + job.total + '] ' + name);
      console.log('debug ' + name);
    }
    next += 1;
    props.setProperty('cursor', String(next));
  }
  var all = ScriptApp.getProjectTriggers();
  for (var i = 0; i < all.length; i++) ScriptApp.deleteTrigger(all[i]);
  props.deleteProperty('job');
  return { done: true, pending: 0, created: created };
}
function churn() {
  var props = PropertiesService.getDocumentProperties();
  var runs = Number(props.getProperty('runs') || 0) + 1;
  props.setProperty('runs', String(runs));
  if (ScriptApp.getProjectTriggers().length === 0) ScriptApp.newTrigger('churn').timeBased().everyHours(1).create();
  if (runs > 10) return { done: false, pending: 5 };
  var folder = DriveApp.getFolderById('证书');
  for (;;) DriveApp.getFileById('模板.docx').makeCopy('草稿', folder).setTrashed(true);
}
function stuck() {
  if (ScriptApp.getProjectTriggers().length === 0) ScriptApp.newTrigger('stuck').timeBased().everyHours(1).create();
  return { done: false, pending: 5 };
}
`;

let count = 0;

async function setUp(): Promise<{ root: string; book: string }> {
  count += 1;
  const root = join(dir, `job-${count}`);
  mkdirSync(join(root, '证书'), { recursive: true });
  writeFileSync(join(root, '模板.docx'), 'template');
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  return { root, book };
}

/** The documents made in a folder. */
const documents = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.docx'));

test('a job killed by a 10-second limit resumes on each hourly firing until done: every document made once, every firing an hour apart', async () => {
  const { root, book } = await setUp();
  const runtime = await openWith(book, JOB, { timeLimitSeconds: 10 });
  try {
    const start = runtime.clock.now();
    const run = await runWithContinuations(runtime, () => runtime.bundle.call('job', '模板.docx', '证书', 20));
    expect(documents(join(root, '证书'))).toHaveLength(20);
    const starts = JSON.parse(String(runtime.state.documentProperties.get('starts'))) as unknown[][];
    expect(starts).toHaveLength(run.executions);
    // About six 1.5-second copies fit in 10 seconds: 20 need several executions, all but the last killed.
    expect(run.executions).toBeGreaterThanOrEqual(4);
    expect(run.killed).toBe(run.executions - 1);
    expect(run.results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(run.results[run.results.length - 1]).toMatchObject({ done: true, pending: 0 });
    expect(runtime.state.triggers).toEqual([]);
    expect(runtime.state.documentProperties.get('cursor')).toBe('20');
    // The first firing comes an hour after the trigger was made in execution 1, then one every hour.
    const firings = starts.slice(1).map((entry) => Number(entry[0]));
    expect(firings[0]).toBeGreaterThan(start + HOUR);
    expect(firings[0]).toBeLessThan(start + HOUR + 10_000);
    for (let index = 1; index < firings.length; index += 1) expect((firings[index] ?? 0) - (firings[index - 1] ?? 0)).toBe(HOUR);
    // Google's time-driven event: the firing's UTC fields, the trigger's id, FULL authorization.
    const [firstFiring, uid, hour, minute, day, month, year, timezone, authMode] = starts[1] ?? [];
    const date = new Date(Number(firstFiring));
    expect([hour, minute, day, month, year, timezone, authMode]).toEqual([
      date.getUTCHours(), date.getUTCMinutes(), date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear(), 'UTC', 'FULL',
    ]);
    expect(uid).toMatch(/^\d+$/);
    // One progress line per document made, none twice across the killed executions; console.log silent.
    const progress = runtime.printed.filter((line) => /^\[\d+\/20\] /.test(line));
    expect(progress).toEqual(Array.from({ length: 20 }, (_, index) => `[${index + 1}/20] 第${index + 1}份`));
    expect(runtime.printed.filter((line) => line.includes('debug'))).toEqual([]);
  } finally {
    runtime.close();
  }
});

test('with the default 6-minute limit the same job finishes in one execution', async () => {
  const { root, book } = await setUp();
  const runtime = await openWith(book, JOB);
  try {
    const run = await runWithContinuations(runtime, () => runtime.bundle.call('job', '模板.docx', '证书', 20));
    expect(run).toMatchObject({ executions: 1, killed: 0 });
    expect(documents(join(root, '证书'))).toHaveLength(20);
  } finally {
    runtime.close();
  }
});

test('a job that makes no progress stops after maxExecutions with a Chinese message', async () => {
  const runtime = await openWith(undefined, JOB);
  try {
    await expect(runWithContinuations(runtime, () => runtime.bundle.call('stuck'), { maxExecutions: 3 })).rejects.toThrow(
      '已连续 3 次执行没有任何进展（没有做完任何一份文档，待处理数也没有减少），已停止',
    );
  } finally {
    runtime.close();
  }
});

test('drive changes without a document finished are no progress: a job killed while copying every time stops after maxExecutions', async () => {
  const { book } = await setUp();
  const runtime = await openWith(book, JOB, { timeLimitSeconds: 10 });
  try {
    await expect(runWithContinuations(runtime, () => runtime.bundle.call('churn'), { maxExecutions: 3 })).rejects.toThrow('已连续 3 次执行没有任何进展');
    expect(runtime.state.documentProperties.get('runs')).toBe('3');
  } finally {
    runtime.close();
  }
});

test('the time limit is configurable and must be positive', async () => {
  const runtime = await openWith(undefined, JOB, { timeLimitSeconds: 2 });
  try {
    expect(runtime.clock.limitMs).toBe(2000);
    expect(() => runtime.bundle.call('job', 'x', 'y', 0)).toThrow();
  } finally {
    runtime.close();
  }
  await expect(openWith(undefined, JOB, { timeLimitSeconds: 0 })).rejects.toThrow('执行时间上限（--time-limit）应为正数（秒），收到“0”');
});

/** test/runtime/continuations-child.ts built to plain JavaScript in `dir`. */
function builtChild(): string {
  const outfile = join(dir, 'continuations-child.js');
  buildSync({ entryPoints: [join(__dirname, 'continuations-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile });
  return outfile;
}

test('a process killed (SIGKILL) between executions keeps what it saved; running again finishes the job exactly once', async () => {
  const { root, book } = await setUp();
  const codeFile = join(root, 'job.js');
  writeFileSync(codeFile, JOB);
  const child = spawn(process.execPath, [builtChild(), book, codeFile, '模板.docx', '证书', '20'], {
    env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
    cwd: join(__dirname, '..', '..'),
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('ready')) resolve();
    });
    child.on('close', (code) => reject(new Error(`child exited ${code} before it was ready: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('close', resolve));

  const made = documents(join(root, '证书')).length;
  const runtime = await openWith(book, JOB, { timeLimitSeconds: 10, today: '2024-10-10' });
  try {
    // Two executions ran and were saved: the cursor, the trigger and the documents agree.
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(20);
    expect(runtime.state.documentProperties.get('cursor')).toBe(String(made));
    expect(JSON.parse(String(runtime.state.documentProperties.get('starts')))).toHaveLength(2);
    expect(runtime.state.triggers).toHaveLength(1);
    // The next run continues from the trigger (its first execution finds the job and the trigger in place).
    const run = await runWithContinuations(runtime, () => runtime.bundle.call('onHourlyTrigger', null));
    expect(run.results[run.results.length - 1]).toMatchObject({ done: true });
    expect(documents(join(root, '证书'))).toHaveLength(20);
    expect(runtime.state.triggers).toEqual([]);
  } finally {
    runtime.close();
  }
});

/**
 * A job making one document the add-on's way (a temporary copy filled, then renamed) whose first
 * execution is killed by the time limit while the copy is open and changed (as at its
 * saveAndClose); the trigger's execution trashes that leftover and makes the document again.
 */
const KILLED_WHILE_OPEN = `
function makeOne(templateId, folderId) {
  var props = PropertiesService.getDocumentProperties();
  if (ScriptApp.getProjectTriggers().length === 0) ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create();
  var attempt = Number(props.getProperty('attempt') || 0) + 1;
  props.setProperty('attempt', String(attempt));
  var folder = DriveApp.getFolderById(folderId);
  var leftovers = folder.getFilesByName('~生成中~证书');
  while (leftovers.hasNext()) leftovers.next().setTrashed(true);
  var copy = DriveApp.getFileById(templateId).makeCopy('~生成中~证书', folder);
  var document = DocumentApp.openById(copy.getId());
  document.getBody().appendParagraph('第' + attempt + '次');
  if (attempt === 1) throw new Error('${EXECUTION_LIMIT_MESSAGE}');
  document.saveAndClose();
  copy.setName('证书');
  var all = ScriptApp.getProjectTriggers();
  for (var i = 0; i < all.length; i++) ScriptApp.deleteTrigger(all[i]);
  return { done: true, pending: 0 };
}
function onHourlyTrigger() { return makeOne('模板.docx', '证书'); }
`;

test('a document left open by an execution the time limit killed is dropped unsaved, not written over the file at a later execution\'s end', async () => {
  const { root, book } = await setUp();
  writeFileSync(join(root, '模板.docx'), blankDocx());
  const runtime = await openWith(book, KILLED_WHILE_OPEN);
  try {
    const run = await runWithContinuations(runtime, () => runtime.bundle.call('makeOne', '模板.docx', '证书'));
    expect(run).toMatchObject({ executions: 2, killed: 1 });
    expect(documents(join(root, '证书'))).toEqual(['证书.docx']);
    expect(existsSync(join(root, '证书', '.trash', '~生成中~证书.docx'))).toBe(true);
    const text = await docxText(readFileSync(join(root, '证书', '证书.docx')));
    expect(text.body).toContain('第2次');
    expect(text.body).not.toContain('第1次');
  } finally {
    runtime.close();
  }
});
