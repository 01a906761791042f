// Part of npm run bench: the offline runtime on a workbook whose data validation covers a whole
// column (B2:B1048576, as Excel writes "the whole column"): open it, read the validation of one
// cell, clear another's, save. Timed here rather than in test/runtime/round-trip.test.ts, which
// checks what is kept; target: at most 3 s for the whole round (median of 5).
import ExcelJS from 'exceljs';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const TARGET_MS = 3000;
const RUNS = 5;

// local/ is TypeScript: bundle the runtime's entry for this process (node_modules stay external).
const outfile = join(root, 'build', 'bench', 'runtime.cjs');
buildSync({
  stdin: {
    contents: "export { openWorkbookRuntime } from './local/workbook-runtime'; export { CallCounter } from './local/runtime/call-counter';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile,
});
const { openWorkbookRuntime, CallCounter } = createRequire(import.meta.url)(outfile);

const CODE = `function values(a1) { var v = SpreadsheetApp.getActive().getRange(a1).getDataValidation(); return v && v.getCriteriaValues()[0]; }
function clear(a1) { SpreadsheetApp.getActive().getRange(a1).clearDataValidations(); }`;

const folder = mkdtempSync(join(tmpdir(), 'banzhuren-bench-runtime-'));

async function wholeColumnWorkbook(path) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.dataValidations.model['B2:B1048576'] = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true };
  await workbook.xlsx.writeFile(path);
  return path;
}

/** One round: open, read B500's validation, clear B3's, save, close; milliseconds. */
async function round(path) {
  const started = performance.now();
  const runtime = await openWorkbookRuntime({ path, code: CODE, counter: new CallCounter(), today: '2024-09-27', print: () => undefined });
  try {
    const list = runtime.bundle.call('values', '名单!B500');
    if (JSON.stringify(list) !== '["是","否"]') throw new Error(`B500 的数据验证读成了 ${JSON.stringify(list)}`);
    runtime.bundle.call('clear', '名单!B3');
    await runtime.save();
  } finally {
    runtime.close();
  }
  return performance.now() - started;
}

const times = [];
for (let run = 0; run < RUNS; run += 1) times.push(await round(await wholeColumnWorkbook(join(folder, `whole-column-${run}.xlsx`))));
rmSync(folder, { recursive: true, force: true });
const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
console.log(`离线运行时：整列数据验证（B2:B1048576）的工作簿打开、读写、保存一轮：${median.toFixed(0)} ms（中位数，${RUNS} 次；目标 ≤ ${TARGET_MS} ms：${median <= TARGET_MS ? '达到' : '未达到'}）`);
if (median > TARGET_MS) process.exitCode = 1;
