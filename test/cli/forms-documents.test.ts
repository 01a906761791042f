/**
 * `banzhuren forms` end to end (issue 9, item 4): with the repository's default 任期考核表 template,
 * one form per row whose term ends within 60 days (已认定) and per 任期届满 row — no others — each
 * with the teacher's data and the {{履职记录}} table of the term's semesters from the 履职记录
 * sheet, its relative path in 考核表链接; --rows naming a row not due is refused (exit 3, stderr
 * 第N行：原因), nothing made for it; the dates are the same days in every process time zone.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { docxText } from '../support/docx-text';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { PROCESS_TIME_ZONES } from '../support/time-zones';
import { excelDate, temporaryFolder } from '../support/workbooks';
import { chineseDate, columnValues, filesUnder, termEnd } from './certificates-rows';
import { wordTemplate } from './certificates-word-template';

const TODAY = '2027-09-01';
const CITY = 'city@yuxi.edu.cn';
const folder = temporaryFolder();
const book = join(folder, '任期考核.xlsx');
const out = join(folder, '考核表');
const pristine = join(folder, '未生成.xlsx');

/** Rows 2–6: due (38 days), not due (104 days), 任期届满, a school nomination, due (18 days). */
const ROWS = [
  { 姓名: '张丽', 状态: '已认定', 认定日期: '2024-10-10', 证书编号: '玉教班〔2024〕001号', 学校: '玉溪第一中学', '县（市、区）': '红塔区' },
  { 姓名: '李华', 状态: '已认定', 认定日期: '2024-12-15', 证书编号: '玉教班〔2024〕002号', 学校: '江川一中', '县（市、区）': '江川区' },
  { 姓名: '孙杰', 状态: '任期届满', 认定日期: '2024-06-01', 证书编号: '玉教班〔2024〕003号', 学校: '通海一中', '县（市、区）': '通海县' },
  { 姓名: '赵敏', 状态: '学校推荐', 认定日期: '', 证书编号: '', 学校: '华宁一中', '县（市、区）': '华宁县' },
  { 姓名: '王强', 状态: '已认定', 认定日期: '2024-09-20', 证书编号: '玉教班〔2024〕004号', 学校: '易门一中', '县（市、区）': '易门县' },
];

/** 张丽's 履职记录: something in each of her first two semesters. */
const LEDGER = [
  { 姓名: '张丽', 证书编号: '玉教班〔2024〕001号', 类型: '读书', 日期: excelDate('2024-10-20') },
  { 姓名: '张丽', 证书编号: '玉教班〔2024〕001号', 类型: '讲座', 日期: excelDate('2024-11-05') },
  { 姓名: '张丽', 证书编号: '玉教班〔2024〕001号', 类型: '公开课', 日期: excelDate('2025-03-12') },
];

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    ROWS.map(({ 认定日期: award, ...row }) => candidate({ ...row, ...(award ? { 认定日期: excelDate(award) } : {}) })),
    [[CITY, '市级']],
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('履职记录')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  LEDGER.forEach((values, index) => {
    for (const [header, value] of Object.entries(values)) sheet.getCell(index + 2, headers.indexOf(header) + 1).value = value as ExcelJS.CellValue;
  });
  await workbook.xlsx.writeFile(book);
  copyFileSync(book, pristine);
});

test('forms makes one 任期考核表 per row due within 60 days and per 任期届满 row, with the 履职记录 table of its semesters', async () => {
  const result = runCli(['forms', book, '--out', out, '--today', TODAY, '--as', CITY]);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/生成任期考核表 3 份/u);
  expect(filesUnder(out)).toEqual(['孙杰-任期考核表.docx', '张丽-任期考核表.docx', '王强-任期考核表.docx']);
  const links = await columnValues(book, '考核表链接');
  expect([...links].filter(([, link]) => link !== '').map(([row]) => row)).toEqual([2, 4, 6]);
  for (const row of [2, 4, 6]) {
    const values = ROWS[row - 2]!;
    const path = resolve(dirname(book), links.get(row)!);
    expect(path).toBe(join(out, `${values.姓名}-任期考核表.docx`));
    const text = await docxText(readFileSync(path));
    expect(text.all).not.toContain('{{');
    const [data, duties] = text.tables;
    expect(data).toEqual(expect.arrayContaining([expect.arrayContaining(['姓名', values.姓名]), expect.arrayContaining(['学校', values.学校, '县（市、区）', values['县（市、区）']])]));
    expect(data).toEqual(expect.arrayContaining([expect.arrayContaining(['证书编号', values.证书编号, '任期', `${chineseDate(values.认定日期)}至${chineseDate(termEnd(values.认定日期))}`])]));
    expect(duties?.[0]).toEqual(['学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成']);
    // One row per semester of the term so far: from the award's semester on, each named once.
    const semesters = (duties ?? []).slice(1).map((cells) => `${cells[0]}${cells[1]}`);
    expect(semesters.length).toBeGreaterThanOrEqual(4);
    expect(new Set(semesters).size).toBe(semesters.length);
    expect(semesters.every((semester) => /^\d{4}-\d{4}学年第[一二]学期$/u.test(semester))).toBe(true);
    expect(text.footers).toContain(`填表日期：${chineseDate(TODAY)}`);
  }
  const zhang = await docxText(readFileSync(join(out, '张丽-任期考核表.docx')));
  const zhangDuties = zhang.tables[1]!;
  expect(zhangDuties[1]).toEqual(['2024-2025学年', '第一学期', '1', '1', '0', '0', expect.any(String)]);
  expect(zhangDuties[2]).toEqual(['2024-2025学年', '第二学期', '0', '0', '1', '0', expect.any(String)]);
});

test('--rows naming a row whose term does not end within 60 days is refused: exit 3, 第N行：原因, no file for it', () => {
  const other = join(folder, '不到期');
  const result = runCli(['forms', book, '--out', other, '--rows', '3', '--today', TODAY, '--as', CITY]);
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/^第3行[：（]\S/mu);
  expect(result.stderr).not.toMatch(/第3行：第3行/u);
  expect(filesUnder(other)).toEqual([]);
});

test.each(PROCESS_TIME_ZONES)('the dates in a form are the same days under TZ=%s (award date, term, today)', async (timeZone) => {
  const copy = join(folder, `时区-${timeZone.replace('/', '-')}.xlsx`);
  copyFileSync(pristine, copy);
  const other = join(folder, `时区-${timeZone.replace('/', '-')}`);
  const result = runCli(['forms', copy, '--out', other, '--rows', '2', '--today', TODAY, '--as', CITY], { timeZone });
  expect(result.code).toBe(0);
  const text = await docxText(readFileSync(join(other, '张丽-任期考核表.docx')));
  expect(text.tables[0]).toEqual(expect.arrayContaining([expect.arrayContaining(['任期', '2024年10月10日至2027年10月9日'])]));
  expect(text.footers).toContain('填表日期：2027年9月1日');
});

test('{{履职记录}} inside a table cell gets no table and is not blanked: it stays visible and the run says why', async () => {
  const template = join(folder, '单元格模板.docx');
  writeFileSync(template, await wordTemplate({ body: ['{{姓名}} 任期考核表'], table: [['履职记录'], ['{{履职记录}}']] }));
  const copy = join(folder, '单元格.xlsx');
  copyFileSync(pristine, copy);
  const other = join(folder, '单元格考核表');
  const result = runCli(['forms', copy, '--out', other, '--rows', '2', '--template', template, '--today', TODAY, '--as', CITY]);
  expect(result.stderr).toMatch(/\{\{履职记录\}\} 在表格、页眉或页脚里，那里插不进履职记录表，占位符会原样留在文档中/u);
  const files = filesUnder(other).filter((file) => file.endsWith('.docx'));
  expect(files).toHaveLength(1);
  const text = await docxText(readFileSync(join(other, files[0] as string)));
  expect(text.tables[0]?.[1]?.[0]).toBe('{{履职记录}}');
  expect(text.body).toMatch(/^张丽 任期考核表/mu);
});

test('someone who may make none of the rows (a county account in a 市级 workbook) has them refused: exit 3, no file', async () => {
  const county = join(folder, '县级账号.xlsx');
  await scenarioWorkbook(
    county,
    ROWS.map(({ 认定日期: award, ...row }) => candidate({ ...row, ...(award ? { 认定日期: excelDate(award) } : {}) })),
    [[CITY, '市级'], ['ht@yuxi.edu.cn', '红塔区']],
  );
  const other = join(folder, '县级账号考核表');
  const result = runCli(['forms', county, '--out', other, '--today', TODAY, '--as', 'ht@yuxi.edu.cn']);
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/^第2行（红塔区）：生成任期考核表须由市级账号操作$/mu);
  expect(filesUnder(other)).toEqual([]);
});
