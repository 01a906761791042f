// npm run bench: every part in turn — run.mjs (PUBLICITY_END against chinese-days, loading
// dist/Code.js), runtime.mjs (a whole-column validation round), check.mjs (check's memory and
// calls), start.mjs (the CLI's start, the bundle's size and load time) and actions.mjs (each
// action at 10, 1,000 and 10,000 rows: calls, wall time, modelled Apps Script time). A part that
// misses its target does not stop the others; the exit code is 1 when any did. Arguments go to
// actions.mjs (`npm run bench -- --quick`). Prints how long each part and the whole took.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

const parts = ['run.mjs', 'runtime.mjs', 'check.mjs', 'start.mjs', 'actions.mjs'];
const started = performance.now();
const cpu = cpus()[0]?.model ?? '?';
console.log(`# npm run bench ${process.argv.slice(2).join(' ')}`.trim());
console.log(`\n${new Date().toISOString()}；${cpu}，${cpus().length} 核，内存 ${(totalmem() / 2 ** 30).toFixed(1)} GB；Node ${process.version}；${process.platform}\n`);
let failed = [];
const took = [];
for (const part of parts) {
  const start = performance.now();
  const args = part === 'actions.mjs' ? process.argv.slice(2) : [];
  const run = spawnSync(process.execPath, [new URL(part, import.meta.url).pathname, ...args], { stdio: 'inherit' });
  took.push([part, (performance.now() - start) / 1000]);
  if (run.status !== 0) failed.push(part);
}
console.log(`\n用时：${took.map(([part, seconds]) => `${part} ${seconds.toFixed(0)} 秒`).join('，')}；共 ${((performance.now() - started) / 1000 / 60).toFixed(1)} 分钟`);
if (failed.length > 0) {
  console.log(`未达到目标或出错：${failed.join('、')}`);
  process.exitCode = 1;
}
