/**
 * The sheets the add-on generates (履职情况, 工作室情况, 统计) are rewritten whole on every run, so a
 * sheet of that name that a person made for something else is never wiped: the command stops,
 * names the sheet, and the file stays as it was. An empty sheet of that name, or one the add-on
 * wrote before, is simply (re)written.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();

test.each([
  ['duties', '履职情况'],
  ['studios', '工作室情况'],
  ['stats', '统计'],
])('%s refuses to overwrite a person\'s own sheet named %s, and writes an empty one', async (command, sheetName) => {
  const book = join(folder, `${command}.xlsx`);
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' })], []);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const own = workbook.addWorksheet(sheetName);
  own.getCell('A1').value = '我自己的数据';
  own.getCell('B2').value = 123;
  workbook.addWorksheet(`${sheetName}空`);
  await workbook.xlsx.writeFile(book);
  const before = readFileSync(book);

  const refused = runCli([command, book, '--today', '2025-03-01']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`已有一张名为“${sheetName}”的工作表，但它不是本程序生成的（第一格为“我自己的数据”）`);
  expect(readFileSync(book).equals(before)).toBe(true);

  // Renamed out of the way, the command writes its sheet; run again, it takes its own sheet back.
  const renamed = new ExcelJS.Workbook();
  await renamed.xlsx.readFile(book);
  renamed.getWorksheet(sheetName)!.name = `${sheetName}（我的）`;
  renamed.getWorksheet(`${sheetName}空`)!.name = sheetName;
  await renamed.xlsx.writeFile(book);
  for (const attempt of [1, 2]) {
    const result = runCli([command, book, '--today', '2025-03-01']);
    expect([attempt, result.stderr]).not.toEqual([attempt, expect.stringContaining('banzhuren：')]);
  }
  expect((await readSheet(book, sheetName)).rows.length).toBeGreaterThan(0);
  expect((await readSheet(book, `${sheetName}（我的）`)).rows[0]).toEqual(['我自己的数据']);
});

test('the menu items say so in a message box, not as a script error', async () => {
  const book = join(folder, 'menu.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' })], []);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  for (const name of ['履职情况', '工作室情况', '统计']) workbook.addWorksheet(name).getCell('A1').value = '我自己的数据';
  await workbook.xlsx.writeFile(book);
  const runtime = await openWorkbookRuntime({ path: book, today: '2025-03-01', counter: new CallCounter(), print: () => undefined });
  try {
    for (const [menu, title, sheetName] of [['makeDutyReport', '生成履职情况', '履职情况'], ['checkAllStudios', '检查工作室', '工作室情况'], ['makeStatistics', '生成统计', '统计']]) {
      runtime.bundle.call(menu as string);
      expect(runtime.ui.alerts.pop()).toMatch(new RegExp(`^${title}\\n已有一张名为“${sheetName}”的工作表，但它不是本程序生成的`));
    }
    expect(runtime.changed).toBe(false);
  } finally {
    runtime.close();
  }
});
