/**
 * A chart row of the hidden _banzhuren sheet that cannot be read (not JSON, or JSON of another
 * shape, as a hand edit or another program may leave it) is skipped with one 提示 naming it; it
 * used to stop every command, init included, with a bare JavaScript error. The next 生成统计
 * draws the chart again and the row is gone.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();

/** A workbook after init with two bad chart rows appended to _banzhuren; returns the path and their row numbers. */
async function withBadChartRows(name: string): Promise<{ path: string; rows: number[] }> {
  const path = join(folder, name);
  expect(runCli(['init', path]).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const state = workbook.getWorksheet('_banzhuren')!;
  const rows = [state.addRow(['chart', '统计', '7', '{not json']).number, state.addRow(['chart', '统计', '8', 'null']).number];
  await workbook.xlsx.writeFile(path);
  return { path, rows };
}

const NOTICE = /^提示：隐藏表 _banzhuren 第 (\d+) 行的图表记录（工作表“统计”，编号“(\d+)”，内容“([^”]*)”）无法读取，已跳过；下次生成统计时会重新生成该图表$/;

function notices(stderr: string): string[][] {
  return stderr.split('\n').flatMap((line) => {
    const match = NOTICE.exec(line);
    return match ? [match.slice(1, 4)] : [];
  });
}

test.each([['init'], ['check'], ['stats']])('%s runs and names each unreadable chart row once', async (command) => {
  const { path, rows } = await withBadChartRows(`${command}.xlsx`);
  const result = runCli([command, path, '--today', '2025-09-01']);
  expect(result.stderr).not.toMatch(/SyntaxError|TypeError|Unexpected token|Cannot read/);
  expect(result.code).toBe(0);
  expect(notices(result.stderr)).toEqual([
    [String(rows[0]), '7', '{not json'],
    [String(rows[1]), '8', 'null'],
  ]);
});

test('after 生成统计 the rows are gone and the statistics chart is recorded again', async () => {
  const { path } = await withBadChartRows('regenerated.xlsx');
  expect(runCli(['stats', path, '--today', '2025-09-01']).code).toBe(0);
  const again = runCli(['check', path, '--today', '2025-09-01']);
  expect(again.code).toBe(0);
  expect(notices(again.stderr)).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const charts: unknown[] = [];
  workbook.getWorksheet('_banzhuren')!.eachRow((row) => {
    if (row.getCell(1).text === 'chart') charts.push(JSON.parse(row.getCell(4).text));
  });
  expect(charts.length).toBeGreaterThan(0);
  expect(charts).toEqual(expect.arrayContaining([expect.objectContaining({ sheetName: '统计' })]));
});
