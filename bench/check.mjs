// Part of npm run bench: `banzhuren check` on generated nomination workbooks of 10 and 10,000
// rows, and on a workbook whose only stray cell (or formatted empty row, as LibreOffice writes)
// sits at row 1,048,576 — wall time of the whole command (reading the .xlsx, checking, writing,
// saving), its peak resident memory (the child's maxRSS, by /usr/bin/time when present), and the
// service calls it made, which must not grow with the rows.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const HEADERS = ['序号', '姓名', '性别', '身份证号', '县（市、区）', '学校', '学段', '申报类别', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康', '获奖级别', '荣誉级别', '近5年考核', '科研级别', '上届考核结果', '上届考核日期'];
const LAST_ROW = 1_048_576;

function candidate(index) {
  const famous = index % 3 === 0;
  return [index, `教师${index}`, index % 2 ? '女' : '男', '', '红塔区', `第${index % 50}小学`, '小学', famous ? '名班主任' : '骨干班主任', 4 + (index % 8), '县级骨干班主任', '符合', '符合', '符合', '符合', '符合', '符合', index % 7 ? '县级' : '校级', '市级', famous ? '合格、优秀、合格、合格、优秀' : '', famous ? '县级' : '', index % 11 ? '' : '不合格', index % 11 ? '' : new Date(Date.UTC(2024, 5, 30))];
}

/** A nomination workbook of `rows` candidates; `stray` adds a value cell or a formatted row at the last row. */
async function workbookOf(rows, path, stray) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(HEADERS);
  for (let index = 1; index <= rows; index += 1) sheet.addRow(candidate(index));
  if (stray === 'cell') sheet.getCell(LAST_ROW, 3).value = ' ';
  if (stray === 'row') {
    const row = sheet.getRow(LAST_ROW);
    row.height = 15;
    row.getCell(1).style = { font: { name: 'Calibri' } };
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

const TIME = '/usr/bin/time';
const folder = mkdtempSync(join(tmpdir(), 'banzhuren-bench-'));
const bin = new URL('../bin/banzhuren.js', import.meta.url).pathname;

/** Runs `banzhuren ...args`; wall seconds, peak RSS in MB (when /usr/bin/time exists) and the stats. */
function measure(args) {
  const timeFile = join(folder, 'time.txt');
  const measured = existsSync(TIME);
  const [command, commandArgs] = measured ? [TIME, ['-f', '%M', '-o', timeFile, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const start = performance.now();
  const run = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0 && run.status !== 3) throw new Error(run.stderr);
  const peakMb = measured ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  const stats = JSON.parse(run.stderr.trim().split('\n').pop());
  return { seconds, peakMb, stats };
}

const describe = ({ seconds, peakMb }) => `${seconds.toFixed(1)} 秒，峰值内存 ${peakMb === undefined ? '（无 /usr/bin/time，未测）' : `${peakMb.toFixed(0)} MB`}`;

const results = [];
for (const rows of [10, 10_000]) {
  const path = await workbookOf(rows, join(folder, `rows-${rows}.xlsx`));
  const result = measure(['check', path, '--today', '2025-09-01', '--stats']);
  results.push(result);
  console.log(`- check ${rows} 行：${describe(result)}（整个命令，含读写 .xlsx），服务调用 ${result.stats.total} 次：${JSON.stringify(result.stats.calls)}`);
}
const same = JSON.stringify(results[0].stats) === JSON.stringify(results[1].stats);
console.log(`- 10 行与 10,000 行的服务调用次数${same ? '相同' : '不同（不应如此）'}`);
const underBudget = results[1].peakMb === undefined || results[1].peakMb < 400;
console.log(`- check 10,000 行峰值内存${results[1].peakMb === undefined ? '未测' : underBudget ? '低于 400 MB（达到）' : '不低于 400 MB（未达到）'}`);

for (const [stray, what] of [['row', '第 1,048,576 行有一个带格式的空行（LibreOffice 会这样保存）'], ['cell', '第 1,048,576 行有一个只含空格的单元格']]) {
  const path = await workbookOf(10, join(folder, `stray-${stray}.xlsx`), stray);
  for (const command of ['check', 'init']) {
    const result = measure([command, path, '--today', '2025-09-01', '--stats']);
    console.log(`- ${command} 10 行、${what}：${describe(result)}`);
  }
}
process.exitCode = same && underBudget ? 0 : 1;
