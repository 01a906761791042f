/**
 * Readable results (issue 7 item 16), checked in the saved .xlsx as Excel or WPS would show it:
 * 审查说明 wide and wrapped, date and time columns wide enough for yyyy-mm-dd (hh:mm:ss) so they
 * never show `###`, the header row and 姓名 frozen so the verdict at the right end is read beside
 * the name — set by init and by the first check, and never over a width a person chose.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { temporaryFolder, writeWorkbook } from '../support/workbooks';

const folder = temporaryFolder();

/** A column's width in pixels as Excel shows it (no width of its own: Excel's default, 64 px). */
function pixels(sheet: ExcelJS.Worksheet, column: number): number {
  const width = sheet.getColumn(column).width;
  return width === undefined ? 64 : Math.trunc(7 * width + 0.5);
}

async function sheetOf(path: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet(name)!;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string, row = 1): number {
  let found = 0;
  sheet.getRow(row).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** yyyy-mm-dd needs 10 digits of 7 px plus padding; yyyy-mm-dd hh:mm:ss 19. */
const DATE_PIXELS = 10 * 7 + 5;
const DATE_TIME_PIXELS = 19 * 7 + 5;

test('init: 审查说明 wide and wrapped, dates wide enough, header row and 姓名 frozen', async () => {
  const book = join(folder, 'new.xlsx');
  expect(runCli(['init', book]).code).toBe(0);
  const sheet = await sheetOf(book, '推荐名单');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: columnOf(sheet, '姓名') });
  const explanation = columnOf(sheet, '审查说明');
  expect(pixels(sheet, explanation)).toBeGreaterThanOrEqual(300);
  expect(sheet.getColumn(explanation).alignment?.wrapText).toBe(true);
  for (const header of ['公示开始', '公示截止', '认定日期', '上届考核日期']) {
    expect(pixels(sheet, columnOf(sheet, header))).toBeGreaterThanOrEqual(DATE_PIXELS);
  }
  const log = await sheetOf(book, '操作记录');
  expect(pixels(log, columnOf(log, '时间'))).toBeGreaterThanOrEqual(DATE_TIME_PIXELS);
});

test('the first check sizes and wraps the columns it creates and freezes up to 姓名', async () => {
  const book = await writeWorkbook(join(folder, 'county.xlsx'), '推荐名单', [
    ['序号', '姓名', '学校', '申报类别', '县（市、区）', '班主任累计年限'],
    [1, '张丽', '玉溪第一中学', '骨干班主任', '红塔区', '4年'],
  ]);
  const result = runCli(['check', book, '--today', '2025-09-01']);
  expect(result.code).toBe(0);
  const sheet = await sheetOf(book, '推荐名单');
  const explanation = columnOf(sheet, '审查说明');
  expect(pixels(sheet, explanation)).toBeGreaterThanOrEqual(300);
  expect(sheet.getCell(2, explanation).alignment?.wrapText).toBe(true);
  expect(String(sheet.getCell(2, explanation).value)).toContain('班主任累计年限“4年”不足5年');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
});

test('widths a person set are never changed, by init or by check', async () => {
  const path = join(folder, 'sized.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['姓名', '学校', '申报类别', '县（市、区）', '审查说明', '公示截止']);
  sheet.addRow(['张丽', '玉溪第一中学', '骨干班主任', '红塔区', '', '']);
  sheet.getColumn(5).width = 20;
  sheet.getColumn(6).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  await workbook.xlsx.writeFile(path);
  expect(runCli(['init', path]).code).toBe(0);
  expect(runCli(['check', path, '--today', '2025-09-01']).code).toBe(0);
  const after = await sheetOf(path, '推荐名单');
  expect(after.getColumn(5).width).toBe(20);
  expect(after.getColumn(6).width).toBe(12);
  expect(after.getColumn(5).alignment?.wrapText).toBeUndefined();
});

test('a merged title across 姓名: rows frozen down to the header, the 姓名 column not, and init says why', async () => {
  const path = join(folder, 'titled.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['红塔区推荐人选汇总表']);
  sheet.addRow(['序号', '姓名', '学校', '申报类别', '县（市、区）']);
  sheet.addRow([1, '张丽', '玉溪第一中学', '骨干班主任', '红塔区']);
  sheet.mergeCells('A1:E1');
  await workbook.xlsx.writeFile(path);
  const result = runCli(['init', path]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('冻结第1至2行（标题和表头）');
  expect(result.stdout).toContain('未冻结“姓名”列：合并单元格 A1:E1 跨过了“姓名”列的右边线');
  const after = await sheetOf(path, '推荐名单');
  expect(after.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect((after.views[0] as { xSplit?: number } | undefined)?.xSplit ?? 0).toBe(0);
});

test('an 操作记录 made by the first move (no init) shows the whole time, never ###', async () => {
  const path = join(folder, 'no-init.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['姓名', '学校', '申报类别', '县（市、区）', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康', '获奖级别', '荣誉级别']);
  sheet.addRow(['张丽', '玉溪第一中学', '骨干班主任', '红塔区', 6, '县级骨干班主任', '符合', '符合', '符合', '符合', '符合', '符合', '县级', '市级']);
  workbook.addWorksheet('权限').addRows([['邮箱', '角色', '学校'], ['ht@yuxi.edu.cn', '红塔区', '']]);
  await workbook.xlsx.writeFile(path);
  const result = runCli(['advance', path, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.edu.cn', '--today', '2024-09-02']);
  expect(result.stderr).toBe('');
  const log = await sheetOf(path, '操作记录');
  expect(pixels(log, columnOf(log, '时间'))).toBeGreaterThanOrEqual(DATE_TIME_PIXELS);
  const nominations = await sheetOf(path, '推荐名单');
  expect(pixels(nominations, columnOf(nominations, '公示截止'))).toBeGreaterThanOrEqual(DATE_PIXELS);
  expect(pixels(nominations, columnOf(nominations, '认定日期'))).toBeGreaterThanOrEqual(DATE_PIXELS);
});
