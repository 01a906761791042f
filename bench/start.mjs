// Part of npm run bench: the CLI's own start, and the bundle. `banzhuren publicity-end 2024-09-27`
// against the one-line node script with chinese-days that answers the same question (target: at
// most 2× its time; the calendar commands load no workbook runtime), `banzhuren --help`, and bare
// `node -e 0` for the floor, run interleaved (one of each per round, so a busy moment hits all
// alike), median of ROUNDS; then the sizes of dist/Code.js and build/local/cli.js and the time to
// load dist/Code.js into a fresh V8 context (what Apps Script does for each custom-function call).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 31);
const root = new URL('..', import.meta.url).pathname;
const bin = new URL('../bin/banzhuren.js', import.meta.url).pathname;
const ONE_LINER = "const {findWorkday}=require('chinese-days');console.log(findWorkday(4,findWorkday(0,'2024-09-27')))";

const runs = {
  cli: { label: '`banzhuren publicity-end 2024-09-27`', args: [bin, 'publicity-end', '2024-09-27'], expected: '2024-10-09\n' },
  oneLiner: { label: 'chinese-days 一行脚本（`node -e "…findWorkday…"`）', args: ['-e', ONE_LINER], expected: '2024-10-09\n' },
  help: { label: '`banzhuren --help`', args: [bin, '--help'] },
  node: { label: '`node -e 0`（Node 自身的启动）', args: ['-e', '0'] },
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One run's wall milliseconds (checking its answer). */
function timedRun({ args, expected }) {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' } });
  const ms = performance.now() - start;
  if (run.status !== 0 || (expected !== undefined && run.stdout !== expected)) throw new Error(`${args.join(' ')}: exit ${run.status}: ${run.stdout}${run.stderr}`);
  return ms;
}

const times = Object.fromEntries(Object.keys(runs).map((key) => [key, []]));
for (let round = 0; round < ROUNDS; round += 1) for (const [key, run] of Object.entries(runs)) times[key].push(timedRun(run));
const medians = Object.fromEntries(Object.entries(times).map(([key, list]) => [key, median(list)]));
const ratio = medians.cli / medians.oneLiner;

const code = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
const loadMs = median(
  Array.from({ length: 21 }, () => {
    const start = performance.now();
    vm.runInContext(code, vm.createContext({}));
    return performance.now() - start;
  }),
);
const kb = (path) => `${(statSync(new URL(path, import.meta.url)).size / 1024).toFixed(1)} KB`;

console.log(`\n### 命令行启动（中位数，交替运行 ${ROUNDS} 轮）\n`);
console.log('| 运行 | 中位数 | 最快 | 最慢 |');
console.log('| --- | ---: | ---: | ---: |');
for (const [key, run] of Object.entries(runs)) {
  const list = times[key];
  console.log(`| ${run.label} | ${medians[key].toFixed(0)} ms | ${Math.min(...list).toFixed(0)} ms | ${Math.max(...list).toFixed(0)} ms |`);
}
console.log(`| 比值 publicity-end / 一行脚本（目标 ≤ 2） | ${ratio.toFixed(2)} | | |`);
console.log(`\n### 程序包\n`);
console.log('| 项目 | 值 |');
console.log('| --- | ---: |');
console.log(`| dist/Code.js 大小（推送到 Apps Script 的全部代码） | ${kb('../dist/Code.js')} |`);
console.log(`| build/local/cli.js 大小（命令行，不推送） | ${kb('../build/local/cli.js')} |`);
console.log(`| dist/Code.js 载入新 V8 上下文（中位数，21 次） | ${loadMs.toFixed(1)} ms |`);
if (ratio > 2) {
  console.log(`\n未达到：publicity-end 用时是一行脚本的 ${ratio.toFixed(2)} 倍（目标 ≤ 2）`);
  process.exitCode = 1;
}
