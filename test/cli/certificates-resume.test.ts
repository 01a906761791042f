/**
 * A batch of 60 certificates that cannot finish in one go (issue 9, item 5 and "Done when"): with
 * `--time-limit 20` every execution is cut off and the hourly trigger's continuations finish it,
 * exactly 60; killed (SIGKILL) at random moments and run again, still exactly 60, no leftovers
 * outside .trash, every link valid; `--doc-quota 25` says so before it starts and finishes on
 * later days, at most 25 a day, exactly 60.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runCli, statsOf, type CliResult } from '../support/cli';
import { docxText } from '../support/docx-text';
import { scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { chineseDate, columnValues, filesUnder, generatedTeachers, seededRandom } from './certificates-rows';
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
  const files = filesUnder(out);
  expect(files).toHaveLength(60);
  expect(files.every((file) => file.endsWith('.docx') && !file.includes('/'))).toBe(true);
  const links = await columnValues(book, '证书链接');
  const todays = new Map<string, string>();
  const linked = new Set<string>();
  for (const teacher of TEACHERS) {
    const path = resolve(dirname(book), links.get(teacher.row) ?? '');
    expect(dirname(path)).toBe(resolve(out));
    linked.add(path);
    const text = await docxText(readFileSync(path));
    expect(text.all).not.toContain('{{');
    expect(text.body).toContain(`${teacher.name} 同志：`);
    expect(text.headers).toBe(`证书编号：${teacher.number}`);
    todays.set(teacher.number, /发证日期：(\S+)/u.exec(text.body)?.[1] ?? '');
  }
  expect(linked.size).toBe(60);
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
