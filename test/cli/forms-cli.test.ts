/**
 * Government-style forms made by openpyxl and re-saved by LibreOffice Calc (test/fixtures/forms,
 * made by make-forms.py): the header row under a merged title and subtitle is found (SPEC §2),
 * the rows above it are never touched, and row numbers are the sheet's own in `check --json`,
 * in `advance` and in messages. A renamed output header is recreated at the right end; a merged
 * header over output columns stops with a Chinese message naming the cell, writing nothing.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const FORMS = join(__dirname, '..', 'fixtures', 'forms');
const folder = temporaryFolder();

async function open(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet('推荐名单')!;
}

/** The plain text of a cell (rich text joined), '' when empty. */
function text(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  const value = sheet.getCell(row, column).value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return String(value);
}

/** Header → 1-based column of a header row. */
function columnsOf(sheet: ExcelJS.Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(row).eachCell((_, column) => columns.set(text(sheet, row, column), column));
  return columns;
}

describe.each(['openpyxl', 'libreoffice'])('a government form with title rows, saved by %s', (maker) => {
  const book = join(folder, `government-${maker}.xlsx`);
  beforeAll(() => copyFileSync(join(FORMS, `government-form.${maker}.xlsx`), book));

  test('check finds the header row 3, reports the sheet\'s own row numbers, leaves the titles alone', async () => {
    const before = await open(book);
    const title = text(before, 1, 1);
    const subtitle = text(before, 2, 1);
    const result = runCli(['check', book, '--json', '--today', '2025-09-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { row: number; name: string; verdict: string }[];
    expect(rows.map(({ row, name, verdict }) => [row, name, verdict])).toEqual([
      [4, '张丽', '符合'],
      [5, '李华', '不符合'],
      [6, '王芳', '待核实'],
      [7, '赵强', '符合'],
    ]);

    const sheet = await open(book);
    expect(text(sheet, 1, 1)).toBe(title);
    expect(text(sheet, 2, 1)).toBe(subtitle);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:V1', 'A2:H2']));
    const header = columnsOf(sheet, 3);
    expect([header.get('资格审查'), header.get('审查说明')]).toEqual([23, 24]);
    for (const row of [1, 2]) expect([text(sheet, row, 23), text(sheet, row, 24)]).toEqual(['', '']);
    expect([4, 5, 6, 7].map((row) => text(sheet, row, 23))).toEqual(['符合', '不符合', '待核实', '符合']);
    expect(text(sheet, 5, 24)).toMatch(/^四（一）：班主任累计年限“4年”不足5年/);
    expect(sheet.getColumn(7).width).toBeCloseTo(30, 0); // the width a person gave 学校 is kept
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  test('init completes row 3, never row 1; advance moves rows by their real numbers', async () => {
    expect(runCli(['init', book]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.getWorksheet('推荐名单')!;
    const header = columnsOf(sheet, 3);
    expect([...header.keys()]).toEqual(expect.arrayContaining(['状态', '公示截止', '证书编号', '最后操作', '电子邮箱']));
    expect([...columnsOf(sheet, 1).keys()]).toEqual([text(sheet, 1, 1)]);
    expect(sheet.getCell(4, header.get('申报类别')!).dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell(3, header.get('申报类别')!).dataValidation?.type).toBeUndefined();
    workbook.getWorksheet('权限')!.getRow(2).values = ['ht@yuxi.edu.cn', '红塔区'];
    await workbook.xlsx.writeFile(book);

    const moved = runCli(['advance', book, '--rows', '2,4,7', '--to', '初审通过', '--as', 'ht@yuxi.edu.cn', '--today', '2025-09-02']);
    expect(moved.stdout.trim().split('\n')).toEqual(['第4行 张丽：学校推荐→初审通过', '第7行 赵强：学校推荐→初审通过']);
    expect(moved.stderr.trim()).toBe('第2行：不在数据范围内（数据行为第4行至第7行）');
    const after = await open(book);
    const state = columnsOf(after, 3).get('状态')!;
    expect([1, 2, 3, 4, 5, 6, 7].map((row) => text(after, row, state))).toEqual(['', '', '状态', '初审通过', '', '', '初审通过']);
    const log = JSON.parse(runCli(['log', book, '--json']).stdout) as { row: number; name: string }[];
    expect(log.map((entry) => [entry.row, entry.name])).toEqual([[4, '张丽'], [7, '赵强']]);
  });
});

describe.each(['openpyxl', 'libreoffice'])('a merged header over 资格审查 and 审查说明, saved by %s', (maker) => {
  test('check explains the merged cell in Chinese and writes nothing', () => {
    const book = join(folder, `merged-${maker}.xlsx`);
    copyFileSync(join(FORMS, `merged-output-header.${maker}.xlsx`), book);
    const before = readFileSync(book);
    const result = runCli(['check', book, '--today', '2025-09-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('工作表“推荐名单”第2行的表头单元格 V2:W2 是合并单元格');
    expect(result.stderr).toContain('请选中 V2:W2，取消合并');
    expect(result.stderr).not.toContain('not available');
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});

test('a renamed output header is recreated at the right end; the renamed column is left as it is', async () => {
  const book = join(folder, 'renamed.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' }), candidate({ 姓名: '赵敏', 班主任累计年限: '4年' })], []);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const renamed = columnsOf(sheet, 1).get('资格审查')!;
  sheet.getCell(1, renamed).value = '审核结果';
  sheet.getCell(2, renamed).value = '旧结论';
  await workbook.xlsx.writeFile(book);
  const width = sheet.actualColumnCount;

  const result = runCli(['check', book, '--today', '2025-09-01']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`没有找到输出列“资格审查”（可能被改名、删除或合并），已在第${width + 1}列重新建立`);
  const after = await open(book);
  const header = columnsOf(after, 1);
  expect(header.get('资格审查')).toBe(width + 1);
  expect(header.get('审核结果')).toBe(renamed);
  expect([text(after, 2, width + 1), text(after, 3, width + 1)]).toEqual(['符合', '不符合']);
  expect(text(after, 2, renamed)).toBe('旧结论');
});
