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

test('an unreadable protection or trigger row is skipped with a 提示 too, and init protects the sheet again', async () => {
  const path = join(folder, 'protection.xlsx');
  expect(runCli(['init', path]).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const state = workbook.getWorksheet('_banzhuren')!;
  let protectionRows = 0;
  state.eachRow((row) => {
    if (row.getCell(1).text !== 'protection') return;
    protectionRows += 1;
    row.getCell(4).value = '{"type":"SHEET"'; // cut short by a hand edit
  });
  expect(protectionRows).toBeGreaterThan(0);
  const trigger = state.addRow(['trigger', '', '1', '[1,2]']).number;
  await workbook.xlsx.writeFile(path);

  const result = runCli(['init', path]);
  expect(result.stderr).not.toMatch(/SyntaxError|TypeError|Unexpected token|Cannot read/);
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('提示：隐藏表 _banzhuren'));
  expect(lines).toHaveLength(protectionRows + 1);
  expect(lines).toContain(`提示：隐藏表 _banzhuren 第 ${trigger} 行的触发器记录（内容“[1,2]”）无法读取，已跳过；请在表格中重新开启该定时任务`);
  expect(lines[0]).toMatch(/^提示：隐藏表 _banzhuren 第 \d+ 行的工作表“.+”的保护记录（内容“\{"type":"SHEET"”）无法读取，已跳过；再次运行“初始化表格”（banzhuren init）会重新设置保护$/);
  expect(result.stdout).toMatch(/权限：.*保护/);
  const again = runCli(['init', path]);
  expect(again.stderr).not.toContain('提示：隐藏表');
});
