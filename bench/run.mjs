// npm run bench: measures what issue #2 promises, side by side in one run, on this machine:
//  1. PUBLICITY_END over a 10,000-row column in one call against chinese-days' findWorkday looped
//     over the same dates — ours must take at most half the time. Both run in this process's own
//     V8 context, dist/Code.js loaded as a global script the way Apps Script loads it: a node:vm
//     context puts an interceptor on every global lookup (Math, Date …), which would slow only our
//     side, so that figure is printed for information only;
//  2. loading dist/Code.js into a fresh V8 context (Sheets loads the whole script for every
//     custom-function call) — at most 20 ms.
// Each figure is the median of several runs; the answers of both sides are compared first.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

// Outside Apps Script the custom functions read dates in the runtime's own zone (it stands for the
// spreadsheet's); the dates below are Asia/Shanghai midnights, so run in that zone.
process.env.TZ = 'Asia/Shanghai';

const require = createRequire(import.meta.url);
const { findWorkday } = require('chinese-days');
const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');

const ROWS = 10_000;
const RUNS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(body) {
  const start = performance.now();
  const result = body();
  return { ms: performance.now() - start, result };
}

/** Deterministic dates spread over 2023-01-01 … 2026-12-15 (start days that stay inside known years). */
function sampleDates() {
  let seed = 20240927;
  const first = Date.UTC(2023, 0, 1);
  const span = (Date.UTC(2026, 11, 15) - first) / 86_400_000;
  return Array.from({ length: ROWS }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return new Date(first + Math.floor((seed / 2147483648) * span) * 86_400_000).toISOString().slice(0, 10);
  });
}

const dates = sampleDates();
vm.runInThisContext(code, { filename: 'Code.js' });
const context = globalThis;
const column = dates.map((date) => [new Date(`${date}T00:00:00+08:00`)]);
const sandbox = vm.createContext({});
vm.runInContext(code, sandbox);
const sandboxColumn = dates.map((date) => [vm.runInContext(`new Date('${date}T00:00:00+08:00')`, sandbox)]);
const shanghaiDay = (value) => new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

// Same answers first.
const ours = context.PUBLICITY_END(column).map(([value]) => shanghaiDay(value));
const theirs = dates.map((date) => findWorkday(4, findWorkday(0, date)));
const mismatches = ours.filter((answer, index) => answer !== theirs[index]).length;

const oursMs = median(Array.from({ length: RUNS }, () => timed(() => context.PUBLICITY_END(column)).ms));
const sandboxMs = median(Array.from({ length: RUNS }, () => timed(() => sandbox.PUBLICITY_END(sandboxColumn)).ms));
const theirsMs = median(Array.from({ length: RUNS }, () => timed(() => dates.map((date) => findWorkday(4, findWorkday(0, date)))).ms));

const loadMs = median(
  Array.from({ length: 21 }, () =>
    timed(() => {
      const fresh = vm.createContext({});
      vm.runInContext(code, fresh);
    }).ms,
  ),
);
const firstCallMs = median(
  Array.from({ length: 21 }, () =>
    timed(() => {
      const fresh = vm.createContext({});
      vm.runInContext(code, fresh);
      fresh.PUBLICITY_END('2024-09-27');
    }).ms,
  ),
);

const ratio = oursMs / theirsMs;
const rows = [
  ['PUBLICITY_END, 10,000 行一次调用', `${oursMs.toFixed(1)} ms`, ''],
  ['chinese-days findWorkday 逐行循环', `${theirsMs.toFixed(1)} ms`, ''],
  ['（参考）同上，在 node:vm 沙箱上下文中', `${sandboxMs.toFixed(1)} ms`, ''],
  ['耗时比（目标 ≤ 0.5）', ratio.toFixed(3), ratio <= 0.5 ? '达到' : '未达到'],
  ['答案不一致的行数', String(mismatches), mismatches === 0 ? '一致' : '不一致'],
  ['dist/Code.js 载入新 V8 上下文（目标 ≤ 20 ms）', `${loadMs.toFixed(2)} ms`, loadMs <= 20 ? '达到' : '未达到'],
  ['载入并首次调用 PUBLICITY_END', `${firstCallMs.toFixed(2)} ms`, ''],
  ['dist/Code.js 大小', `${(Buffer.byteLength(code) / 1024).toFixed(1)} KB`, ''],
];
console.log(`基准测试（Node ${process.version}，中位数，${RUNS} 次）`);
for (const [what, value, verdict] of rows) console.log(`- ${what}：${value}${verdict ? `（${verdict}）` : ''}`);
process.exitCode = ratio <= 0.5 && loadMs <= 20 && mismatches === 0 ? 0 : 1;
