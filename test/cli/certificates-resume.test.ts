/**
 * A batch of 60 certificates that cannot finish in one go (issue 9, item 5 and "Done when"): with
 * `--time-limit 20` every execution is cut off and the hourly trigger's continuations finish it,
 * exactly 60; killed (SIGKILL) at random moments and run again, still exactly 60, no leftovers
 * outside .trash, every link valid; killed after each single change the offline Drive makes on
 * disk (the BANZHUREN_DRIVE_KILL_AFTER hook), deterministically, and run again: one file per row;
 * `--doc-quota 25` says so before it starts and finishes on later days, at most 25 a day, exactly 60.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KILL_AFTER_VARIABLE } from '../../local/services/drive/local-drive';
import { runCli, statsOf, type CliResult } from '../support/cli';
import { docxText } from '../support/docx-text';
import { scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { chineseDate, columnValues, filesUnder, generatedTeachers, seededRandom, type GeneratedTeacher } from './certificates-rows';
import { CERTIFICATE_TEXT, wordTemplate } from './certificates-word-template';

const SEED = 7_130_913;
const TEACHERS = generatedTeachers(60, SEED);
const TODAY = '2025-09-10';
const CITY = 'city@yuxi.edu.cn';
const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');

const folder = temporaryFolder();
const pristine = join(folder, '名单.xlsx');
const template = join(folder, '模板.docx');

beforeAll(async () => {
  writeFileSync(template, await wordTemplate({ ...CERTIFICATE_TEXT, body: [...CERTIFICATE_TEXT.body, '发证日期：{{今天}}'] }));
  await scenarioWorkbook(pristine, TEACHERS.map((teacher) => teacher.values), [[CITY, '市级']]);
});

/** A fresh copy of the 60-row workbook in its own folder; returns the workbook and its document folder. */
function fresh(name: string): { book: string; out: string } {
  const book = join(folder, `${name}.xlsx`);
  copyFileSync(pristine, book);
  return { book, out: join(folder, name) };
}

function certificates(book: string, out: string, extra: string[] = []): CliResult {
  return runCli(['certificates', book, '--out', out, '--template', template, '--today', TODAY, '--as', CITY, ...extra]);
}

/**
 * Exactly one document per row: 60 files (all .docx) in the folder outside .trash, each row's link
 * naming its own, existing, filled-in file.
 */
async function expectExactlySixty(book: string, out: string): Promise<Map<string, string>> {
  return expectOnePerRow(book, out, TEACHERS);
}

/**
 * Exactly one document per row of `teachers`: that many files (all .docx) in the folder outside
 * .trash, each row's link naming its own, existing, filled-in file; returns each number's 发证日期.
 */
async function expectOnePerRow(book: string, out: string, teachers: GeneratedTeacher[]): Promise<Map<string, string>> {
  const files = filesUnder(out);
  expect(files).toHaveLength(teachers.length);
  expect(files.every((file) => file.endsWith('.docx') && !file.includes('/'))).toBe(true);
  const links = await columnValues(book, '证书链接');
  const todays = new Map<string, string>();
  const linked = new Set<string>();
  for (const teacher of teachers) {
    const path = resolve(dirname(book), links.get(teacher.row) ?? '');
    expect(dirname(path)).toBe(resolve(out));
    linked.add(path);
    const text = await docxText(readFileSync(path));
    expect(text.all).not.toContain('{{');
    expect(text.body).toContain(`${teacher.name} 同志：`);
    expect(text.headers).toBe(`证书编号：${teacher.number}`);
    todays.set(teacher.number, /发证日期：(\S+)/u.exec(text.body)?.[1] ?? '');
  }
  expect(linked.size).toBe(teachers.length);
  return todays;
}

test('--time-limit 20 finishes through the hourly continuations with exactly 60, --stats showing more than one execution', async () => {
  const { book, out } = fresh('时限');
  const result = certificates(book, out, ['--time-limit', '20', '--stats']);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/生成荣誉证书 60 份/u);
  const { executions } = statsOf(result) as unknown as { executions: number };
  // Each document costs at least a makeCopy and an openById (1.5 s each in the cost table): at most
  // 6 fit in 20 seconds, so 60 need at least 10 executions.
  expect(executions).toBeGreaterThanOrEqual(10);
  await expectExactlySixty(book, out);
  const again = certificates(book, out, ['--stats']);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/生成荣誉证书 0 份；已有而跳过 60 份/u);
  expect(statsOf(again)).toMatchObject({ executions: 1 });
});

/**
 * Runs the command in a child process and kills it (SIGKILL) `delayMs` after its `afterLines`-th
 * progress line on stderr (0: after starting), so the kill falls inside the batch however fast
 * the machine is; resolves when the process is gone.
 */
function runKilled(args: string[], afterLines: number, delayMs: number): Promise<{ killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    let lines = 0;
    if (afterLines === 0) killLater();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      lines += (chunk.match(/→/gu) ?? []).length;
      if (lines >= afterLines) killLater();
    });
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      done({ killed: signal === 'SIGKILL' });
    });
  });
}

test(`killed at random moments (seed ${SEED}) and run again: exactly 60, no leftovers outside .trash, every link valid`, async () => {
  const { book, out } = fresh('中断');
  const random = seededRandom(SEED);
  const args = ['certificates', book, '--out', out, '--template', template, '--today', TODAY, '--as', CITY, '--time-limit', '30'];
  let kills = 0;
  const partial: number[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    // Each run makes a few more documents, then dies 0–300 ms later: before, inside or after a document.
    const { killed } = await runKilled(args, attempt === 0 ? 0 : 1 + Math.floor(random() * 8), Math.floor(random() * 300));
    if (killed) kills += 1;
    const made = filesUnder(out).filter((file) => !file.startsWith('~')).length;
    if (killed && made > 0 && made < 60) partial.push(made);
  }
  // At least one kill fell in the middle of the batch (some documents made, not all).
  expect(kills).toBeGreaterThan(0);
  expect(partial.length).toBeGreaterThan(0);
  const last = runCli(args);
  expect(last.stderr).not.toMatch(/^banzhuren：/mu);
  expect(last.code).toBe(0);
  await expectExactlySixty(book, out);
  // Nothing half-written is left beside the workbook either: only the files this test made.
  const around = filesUnder(folder).filter((file) => file.startsWith('中断'));
  expect(around.filter((file) => !file.startsWith('中断/'))).toEqual(['中断.xlsx']);
});

/** Runs the command in a child process with `env` added; resolves with how it ended. */
function runAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

test('killed after each single change the drive makes on disk (trashing a leftover, copying, saving, renaming, the name index), then run again: one file per row, no temporary left, exit 0', async () => {
  const teachers = TEACHERS.slice(0, 2);
  const small = join(folder, '逐步.xlsx');
  await scenarioWorkbook(small, teachers.map((teacher) => teacher.values), [[CITY, '市级']]);
  const leftover = `~生成中~${teachers[0]?.number ?? ''}-${teachers[0]?.name ?? ''}-荣誉证书.docx`;
  const steps: string[] = [];
  let finished = false;
  // Three kill points at a time (each in its own copy), 1, 2, 3 … until a run passes the last one.
  for (let first = 1; first <= 100 && !finished; first += 3) {
    const outcomes = await Promise.all(
      [0, 1, 2].map(async (offset) => {
        const killAfter = first + offset;
        const book = join(folder, `逐步-${killAfter}.xlsx`);
        const out = join(folder, `逐步-${killAfter}`);
        copyFileSync(small, book);
        // A leftover of an earlier killed try, and one of that name already in the trash: the run
        // trashes it under a new name, so the trash's name index is written too.
        mkdirSync(join(out, '.trash'), { recursive: true });
        copyFileSync(template, join(out, leftover));
        copyFileSync(template, join(out, '.trash', leftover));
        // Marked as the add-on marks a draft (Drive appProperties, kept offline in the folder's index):
        // an unmarked file of that name would be someone else's and left alone.
        const draft = JSON.stringify({ [leftover]: { banzhuren: 'certificate', banzhurenState: 'draft' } });
        writeFileSync(join(out, '.banzhuren-properties.json'), draft);
        writeFileSync(join(out, '.trash', '.banzhuren-properties.json'), draft);
        const args = ['certificates', book, '--out', out, '--template', template, '--today', TODAY, '--as', CITY];
        const killed = await runAsync(args, { [KILL_AFTER_VARIABLE]: String(killAfter) });
        const again = await runAsync(args);
        return { killAfter, book, out, killed, again };
      }),
    );
    for (const { killAfter, book, out, killed, again } of outcomes) {
      if (killed.signal !== 'SIGKILL') {
        expect(killed.code).toBe(0);
        finished = true;
      } else {
        steps.push(/drive step (\d+): (.*)/u.exec(killed.stderr)?.slice(1).join(' ') ?? '');
        expect(steps[steps.length - 1]).toMatch(new RegExp(`^${killAfter} `, 'u'));
      }
      expect(again.stderr).not.toMatch(/^banzhuren：/mu);
      expect(again.code).toBe(0);
      await expectOnePerRow(book, out, teachers);
      // Nothing of the drive's own left half-done: no temporary file, in the folder or its trash.
      expect(filesUnder(out, true).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    }
  }
  expect(finished).toBe(true);
  // The kills fell on each kind of change: the trash's index, a copy, a save, a rename.
  expect(steps.some((step) => step.includes('.banzhuren-drive.json'))).toBe(true);
  expect(steps.some((step) => step.includes('.banzhuren-trashed.json'))).toBe(true);
  expect(steps.some((step) => /copy 模板\.docx/u.test(step))).toBe(true);
  expect(steps.some((step) => /^\d+ write \.~生成中~.*\.tmp$/u.test(step))).toBe(true);
  expect(steps.some((step) => /^\d+ rename ~生成中~.* → .*[/\\]玉教班[^/\\]*荣誉证书\.docx$/u.test(step))).toBe(true);
}, 600_000);

test('--doc-quota 25 on 60 rows says so before it starts and finishes on later days, at most 25 a day, exactly 60', async () => {
  const { book, out } = fresh('限额');
  const result = certificates(book, out, ['--doc-quota', '25', '--stats']);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n');
  const quotaLine = lines.findIndex((line) => /25/u.test(line) && /35/u.test(line) && /明天/u.test(line));
  const firstProgress = lines.findIndex((line) => /→/u.test(line));
  expect(quotaLine).toBeGreaterThanOrEqual(0);
  expect(quotaLine).toBeLessThan(firstProgress);
  expect((statsOf(result) as unknown as { executions: number }).executions).toBeGreaterThan(1);
  // The hourly executions waiting for the next day are not each reported.
  expect(result.stderr).not.toMatch(/今天还能新建 0 份/u);
  const todays = await expectExactlySixty(book, out);
  const perDay = new Map<string, number>();
  for (const day of todays.values()) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  expect([...perDay.keys()]).toContain(chineseDate(TODAY));
  expect(perDay.size).toBeGreaterThanOrEqual(3);
  expect(Math.max(...perDay.values())).toBeLessThanOrEqual(25);
});
