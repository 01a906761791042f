// Part of npm run bench: what each action costs at 10, 1,000 and 10,000 rows, through the real
// `banzhuren` command with --stats on generated workbooks (bench/workbooks.mjs):
//   check        banzhuren check (candidates of every county, 学段 and category)
//   advance      the city's 初审通过 → 评审通过 of every row (each row checked again, moved, logged)
//   duties       banzhuren duties over awarded teachers and their 履职记录
//   certificates banzhuren certificates for every awarded row (.docx; the runtime's executions:
//                6-minute limit, 250 documents a day, the hourly trigger continuing)
//   daily job    banzhuren reminders on, then one simulated day of banzhuren tick (24 hourly
//                executions: 任期届满 moves, reminder mail into an outbox folder)
// For each: the command's wall time here (start, reading and saving the .xlsx included), the
// service calls it made (total and by method), and the modelled Apps Script time from the runtime's
// cost table (local/runtime/clock.ts): the sum over executions, the longest execution against the
// 6-minute limit, and the executions the limit cut off. Prints Markdown; with --json FILE also
// writes the figures as JSON. Options: --quick makes certificates at 10 rows only (1,000 .docx took
// over 10 minutes here, and each document takes longer the more the folder holds: 10,000 would take
// hours); --sizes 10,1000 picks the sizes; --only check,duties picks the actions.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { awarded, CITY, nominations } from './workbooks.mjs';

const { values: options } = parseArgs({ options: { quick: { type: 'boolean' }, sizes: { type: 'string' }, only: { type: 'string' }, json: { type: 'string' } } });
const SIZES = (options.sizes ?? '10,1000,10000').split(',').map(Number);
const ONLY = options.only?.split(',');
const bin = new URL('../bin/banzhuren.js', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'banzhuren-bench-actions-'));
/** The day of the duties, certificates and the daily job: a Monday some 2022 terms have just ended by. */
const DAY = '2025-10-20';
const LIMIT_MS = 6 * 60 * 1000;

/** Runs `banzhuren ...args` once: wall seconds, exit code, and the --stats JSON. */
function banzhuren(args) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args, '--stats'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' } });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0 && run.status !== 3) throw new Error(`banzhuren ${args.join(' ')}: exit ${run.status}\n${run.stderr.slice(-2000)}`);
  const stats = JSON.parse(run.stderr.trim().split('\n').pop());
  return { seconds, code: run.status, stats };
}

/** A fresh copy of `source` for one action. */
function copyOf(source, name) {
  const path = join(folder, name);
  copyFileSync(source, path);
  return path;
}

const results = [];
const started = performance.now();
for (const rows of SIZES) {
  const generated = performance.now();
  const nominationBook = await nominations(rows, join(folder, `候选人-${rows}.xlsx`));
  const { path: awardedBook, ledgerRows } = await awarded(rows, join(folder, `已认定-${rows}.xlsx`), DAY);
  process.stderr.write(`[${rows} 行] 生成工作簿（履职记录 ${ledgerRows} 行）用时 ${((performance.now() - generated) / 1000).toFixed(1)} 秒\n`);
  const actions = [
    ['check', () => banzhuren(['check', copyOf(nominationBook, 'check.xlsx'), '--today', '2025-09-01'])],
    ['advance', () => banzhuren(['advance', copyOf(nominationBook, 'advance.xlsx'), '--rows', `2-${rows + 1}`, '--to', '评审通过', '--as', CITY, '--today', '2025-09-10'])],
    ['duties', () => banzhuren(['duties', copyOf(awardedBook, 'duties.xlsx'), '--today', DAY])],
    [
      'certificates',
      () => {
        if (options.quick && rows > 10) return undefined;
        const book = copyOf(awardedBook, 'certificates.xlsx');
        const out = join(folder, `证书-${rows}`);
        try {
          return banzhuren(['certificates', book, '--out', out, '--as', CITY, '--today', DAY]);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
    ],
    [
      'daily job',
      () => {
        const book = copyOf(awardedBook, 'daily.xlsx');
        const on = spawnSync(process.execPath, [bin, 'reminders', 'on', book, '--as', CITY, '--today', '2025-10-19'], { cwd: folder, encoding: 'utf8', env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' } });
        if (on.status !== 0) throw new Error(`reminders on: ${on.stderr}`);
        const outbox = join(folder, `发件箱-${rows}`);
        try {
          return banzhuren(['tick', book, '--today', DAY, '--days', '1', '--outbox', outbox]);
        } finally {
          rmSync(outbox, { recursive: true, force: true });
        }
      },
    ],
  ];
  for (const [action, run] of actions) {
    if (ONLY && !ONLY.includes(action)) continue;
    const result = run();
    if (!result) {
      results.push({ action, rows, skipped: true });
      process.stderr.write(`[${rows} 行] ${action}：--quick，未运行\n`);
      continue;
    }
    const { seconds, code, stats } = result;
    const entry = { action, rows, seconds, code, total: stats.total, calls: stats.calls, modelledMs: stats.modelledMs, longestExecutionMs: stats.longestExecutionMs, executions: stats.executions ?? 1, killed: stats.killed ?? 0 };
    results.push(entry);
    process.stderr.write(`[${rows} 行] ${action}：${seconds.toFixed(1)} 秒，服务调用 ${stats.total} 次，模拟 ${(stats.modelledMs / 1000).toFixed(1)} 秒\n`);
  }
}
rmSync(folder, { recursive: true, force: true });

const seconds = (ms) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
const count = (value) => value.toLocaleString('en-US');
console.log(`\n### 各操作的开销（${SIZES.map(count).join('、')} 行）\n`);
console.log('| 操作 | 行数 | 本机用时 | 服务调用 | 模拟 Apps Script 用时（合计） | 最长一次执行（上限 6 分钟） | 执行次数 | 超时被中断 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const entry of results) {
  if (entry.skipped) {
    console.log(`| ${entry.action} | ${count(entry.rows)} | （--quick 未运行） | | | | | |`);
    continue;
  }
  const over = entry.longestExecutionMs > LIMIT_MS ? '（超过）' : '';
  console.log(`| ${entry.action} | ${count(entry.rows)} | ${entry.seconds.toFixed(1)} s | ${count(entry.total)} | ${seconds(entry.modelledMs)} | ${seconds(entry.longestExecutionMs)}${over} | ${entry.executions} | ${entry.killed} |`);
}
console.log(`\n### 服务调用（按方法，${count(SIZES[SIZES.length - 1])} 行）\n`);
for (const entry of results.filter((result) => !result.skipped && result.rows === SIZES[SIZES.length - 1])) {
  const methods = Object.entries(entry.calls).sort((a, b) => b[1] - a[1]);
  console.log(`- **${entry.action}**（共 ${count(entry.total)} 次）：${methods.map(([name, calls]) => `${name} ${count(calls)}`).join('，')}`);
}
console.log(`\n（本部分共用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒，含生成工作簿。）`);
if (options.json) writeFileSync(options.json, JSON.stringify({ day: DAY, sizes: SIZES, quick: options.quick === true, results }, null, 2));
