// Part of npm run bench: `banzhuren check` on generated nomination workbooks of 10 and 10,000
// rows — wall time of the whole command (reading the .xlsx, checking, writing, saving) and the
// service calls it made, which must not grow with the rows.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const HEADERS = ['序号', '姓名', '性别', '身份证号', '县（市、区）', '学校', '学段', '申报类别', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康', '获奖级别', '荣誉级别', '近5年考核', '科研级别', '上届考核结果', '上届考核日期'];

function candidate(index) {
  const famous = index % 3 === 0;
  return [index, `教师${index}`, index % 2 ? '女' : '男', '', '红塔区', `第${index % 50}小学`, '小学', famous ? '名班主任' : '骨干班主任', 4 + (index % 8), '县级骨干班主任', '符合', '符合', '符合', '符合', '符合', '符合', index % 7 ? '县级' : '校级', '市级', famous ? '合格、优秀、合格、合格、优秀' : '', famous ? '县级' : '', index % 11 ? '' : '不合格', index % 11 ? '' : new Date(Date.UTC(2024, 5, 30))];
}

async function workbookOf(rows, path) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(HEADERS);
  for (let index = 1; index <= rows; index += 1) sheet.addRow(candidate(index));
  await workbook.xlsx.writeFile(path);
  return path;
}

const folder = mkdtempSync(join(tmpdir(), 'banzhuren-bench-'));
const bin = new URL('../bin/banzhuren.js', import.meta.url).pathname;
const results = [];
for (const rows of [10, 10_000]) {
  const path = await workbookOf(rows, join(folder, `rows-${rows}.xlsx`));
  const start = performance.now();
  const run = spawnSync(process.execPath, [bin, 'check', path, '--today', '2025-09-01', '--stats'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(run.stderr);
  const stats = JSON.parse(run.stderr.trim().split('\n').pop());
  results.push({ rows, seconds, stats });
  console.log(`- check ${rows} 行：${seconds.toFixed(1)} 秒（整个命令，含读写 .xlsx），服务调用 ${stats.total} 次：${JSON.stringify(stats.calls)}`);
}
const same = JSON.stringify(results[0].stats) === JSON.stringify(results[1].stats);
console.log(`- 10 行与 10,000 行的服务调用次数${same ? '相同' : '不同（不应如此）'}`);
process.exitCode = same ? 0 : 1;
