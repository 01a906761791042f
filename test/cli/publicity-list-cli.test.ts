/**
 * The 公示名单 ready to print (issue 7 item 17), read from the saved .xlsx: one sheet per publicity
 * period named by it, a merged title and period row, 序号, widths fitting the longest school and
 * county names, A4 landscape one page wide with the header row repeated, and no personal data.
 * Re-running refreshes only that period's sheet; after the awards (nobody in 公示中) nothing is
 * overwritten and the command says so.
 */
import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const YUANJIANG = 'yj@yuxi.edu.cn';
const LONG_SCHOOL = '玉溪师范学院附属实验学校（高中部）';
const LONG_COUNTY = '元江哈尼族彝族傣族自治县';
const PERIOD_SHEET = '公示名单 2024-09-27至2024-10-09';

const folder = temporaryFolder();
const book = join(folder, '全市推荐名单.xlsx');

function advance(rows: string, to: string, as: string, today: string, extra: string[] = []) {
  const result = runCli(['advance', book, '--rows', rows, '--to', to, '--as', as, '--today', today, ...extra]);
  if (result.code !== 0) throw new Error(result.stderr);
}

async function workbook(): Promise<ExcelJS.Workbook> {
  const opened = new ExcelJS.Workbook();
  await opened.xlsx.readFile(book);
  return opened;
}

/** Pixels of a column as Excel shows it (64 px when it has no width of its own). */
function pixels(sheet: ExcelJS.Worksheet, column: number): number {
  const width = sheet.getColumn(column).width;
  return width === undefined ? 64 : Math.trunc(7 * width + 0.5);
}

/** Each row's values (rich text joined), row 1 first. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1).map((value) => value ?? '');
  });
  return rows;
}

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    [
      candidate({ 姓名: '王强', '县（市、区）': '市直学校', 学校: LONG_SCHOOL }), // 2
      candidate({ 姓名: '李华', '县（市、区）': LONG_COUNTY, 学校: '元江县第一中学' }), // 3
      candidate({ 姓名: '赵敏', '县（市、区）': '市直学校', 学校: '玉溪第一中学' }), // 4
    ],
    [[CITY, '市级'], [YUANJIANG, LONG_COUNTY]],
  );
  advance('3', '初审通过', YUANJIANG, '2024-09-02');
  advance('2-4', '评审通过', CITY, '2024-09-20');
  advance('2,3', '公示中', CITY, '2024-09-26', ['--start', '2024-09-27']);
});

test('one sheet for the period: title, period, 序号, fitting widths, A4 landscape one page wide', async () => {
  const result = runCli(['publicity-list', book]);
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe(`已写入“${PERIOD_SHEET}”：2 人（公示期：2024年9月27日至2024年10月9日（5个工作日））`);
  const sheet = (await workbook()).getWorksheet(PERIOD_SHEET)!;
  const rows = rowsOf(sheet);
  expect(rows[0]?.[0]).toBe('玉溪市骨干班主任、名班主任拟认定人选公示名单');
  expect(rows[1]?.[0]).toBe('公示期：2024年9月27日至2024年10月9日（5个工作日）');
  expect(rows[2]).toEqual(['序号', '姓名', '性别', '学校', '县（市、区）', '学段', '申报类别']);
  expect(rows.slice(3)).toEqual([
    [1, '王强', '女', LONG_SCHOOL, '市直学校', '高中', '骨干班主任'],
    [2, '李华', '女', '元江县第一中学', LONG_COUNTY, '高中', '骨干班主任'],
  ]);
  expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2']));
  // A CJK character is about 14 px at the default font: the longest school and county fit.
  expect(pixels(sheet, 4)).toBeGreaterThanOrEqual([...LONG_SCHOOL].length * 14);
  expect(pixels(sheet, 5)).toBeGreaterThanOrEqual([...LONG_COUNTY].length * 14);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
  const text = JSON.stringify(rows);
  for (const secret of ['11010519491231002X', '13812345678', 'zhangli@example.com', '身份证号', '联系电话', '电子邮箱']) expect(text).not.toContain(secret);
});

test('re-running for the same period refreshes only that sheet', async () => {
  const edited = await workbook();
  const nominations = edited.getWorksheet('推荐名单')!;
  const schoolColumn = (nominations.getRow(1).values as unknown[]).indexOf('学校');
  nominations.getCell(3, schoolColumn).value = '元江县民族中学';
  await edited.xlsx.writeFile(book);
  expect(runCli(['publicity-list', book]).code).toBe(0);
  const after = await workbook();
  const lists = after.worksheets.map((sheet) => sheet.name).filter((name) => name.startsWith('公示名单'));
  expect(lists).toEqual([PERIOD_SHEET]);
  expect(rowsOf(after.getWorksheet(PERIOD_SHEET)!).slice(3).map((row) => row[3])).toEqual([LONG_SCHOOL, '元江县民族中学']);
});

test('after the awards nothing is overwritten; a later publicity gets its own sheet', async () => {
  advance('2,3', '已认定', CITY, '2024-10-10');
  const before = readFileSync(book);
  const modified = statSync(book).mtimeMs;
  const result = runCli(['publicity-list', book]);
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe('目前没有处于“公示中”的人选：没有写入，已有的公示名单保持不变');
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(statSync(book).mtimeMs).toBe(modified);

  advance('4', '公示中', CITY, '2024-11-01', ['--start', '2024-11-04']);
  expect(runCli(['publicity-list', book]).stdout).toContain('已写入“公示名单 2024-11-04至2024-11-08”：1 人');
  const after = await workbook();
  expect(rowsOf(after.getWorksheet(PERIOD_SHEET)!).slice(3).map((row) => row[1])).toEqual(['王强', '李华']);
  expect(rowsOf(after.getWorksheet('公示名单 2024-11-04至2024-11-08')!).slice(3).map((row) => row[1])).toEqual(['赵敏']);
});
