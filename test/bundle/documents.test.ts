/**
 * runDocuments in the offline runtime (real bundle, real offline Drive and ScriptApp, the small
 * fake DocumentApp of document-fake.ts): one document per row named by the pattern, every
 * placeholder replaced in body, table, header and footer, links written, a second run makes none;
 * the pre-flight writes nothing; a placeholder without a value stays visible and is reported.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { setSetting } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { documentText } from './document-fake';
import { awardedRows, CERTIFICATE_TEMPLATE, CITY, documentRuntime, documentWorkbook, filesIn, FORM_TEMPLATE, HONGTA, readDocument, writeTemplate } from './document-support';

interface RunResult {
  mode: string;
  placeholders: string[];
  unknownPlaceholders: string[];
  missing: { row: number; name: string; placeholders: string[] }[];
  created: { row: number; name: string; file: string; link: string }[];
  skipped: { row: number; name: string; link: string }[];
  refused: { row: number; message: string }[];
  pending: number;
  done: boolean;
  messages: string[];
}

async function linksOf(path: string, column: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const index = headers.indexOf(column) + 1;
  const links: string[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) links.push(String(sheet.getCell(row, index).value ?? ''));
  return links;
}

test('certificates: one per 已认定 row, every placeholder filled everywhere, links written; a second run makes none', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, [...awardedRows(3), ...awardedRows(1, () => ({ 姓名: '未认定', 状态: '公示中', 证书编号: '', 认定日期: '' }))]);
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const lines: string[] = [];
  let runtime = await documentRuntime(path, { lines });
  const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) };
  const first = runtime.bundle.call('runDocuments_', options) as RunResult;
  await runtime.save();
  runtime.close();
  expect(first.mode).toBe('generate');
  expect(first.unknownPlaceholders).toEqual([]);
  expect(first.missing).toEqual([]);
  expect(first.created.map((entry) => [entry.row, entry.file, entry.link])).toEqual([
    [2, '玉教班〔2024〕001号-教师1-荣誉证书', 'out/玉教班〔2024〕001号-教师1-荣誉证书.docx'],
    [3, '玉教班〔2024〕002号-教师2-荣誉证书', 'out/玉教班〔2024〕002号-教师2-荣誉证书.docx'],
    [4, '玉教班〔2024〕003号-教师3-荣誉证书', 'out/玉教班〔2024〕003号-教师3-荣誉证书.docx'],
  ]);
  expect(first.done).toBe(true);
  expect(filesIn(join(folder, 'out'))).toEqual(['玉教班〔2024〕001号-教师1-荣誉证书.docx', '玉教班〔2024〕002号-教师2-荣誉证书.docx', '玉教班〔2024〕003号-教师3-荣誉证书.docx']);
  const text = documentText(readDocument(join(folder, 'out', '玉教班〔2024〕002号-教师2-荣誉证书.docx')));
  expect(text).not.toContain('{{');
  expect(text).toContain('玉溪市 市级骨干班主任 证书');
  expect(text).toContain('教师2同志（玉溪第一中学，红塔区）被认定为市级骨干班主任，任期2024年10月10日至2027年10月9日。');
  expect(text).toContain('证书编号\t玉教班〔2024〕002号');
  expect(text).toContain('认定日期\t2024年10月10日');
  expect(text).toContain('颁发日期：2025年3月5日');
  expect(await linksOf(path, '证书链接')).toEqual(['out/玉教班〔2024〕001号-教师1-荣誉证书.docx', 'out/玉教班〔2024〕002号-教师2-荣誉证书.docx', 'out/玉教班〔2024〕003号-教师3-荣誉证书.docx', '']);
  expect(lines.filter((line) => line.startsWith('['))).toEqual([
    '[1/3] 第2行 教师1 → 玉教班〔2024〕001号-教师1-荣誉证书',
    '[2/3] 第3行 教师2 → 玉教班〔2024〕002号-教师2-荣誉证书',
    '[3/3] 第4行 教师3 → 玉教班〔2024〕003号-教师3-荣誉证书',
  ]);

  runtime = await documentRuntime(path);
  const second = runtime.bundle.call('runDocuments_', options) as RunResult;
  await runtime.save();
  runtime.close();
  expect(second.created).toEqual([]);
  expect(second.skipped.map((entry) => entry.row)).toEqual([2, 3, 4]);
  expect(filesIn(join(folder, 'out'))).toHaveLength(3);
});

test('--check: unknown placeholders and rows missing a value are listed, nothing is written', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => (index === 1 ? { 学校: '' } : {})));
  const template = writeTemplate(folder, '证书', {
    body: [{ type: 'paragraph', text: '{{姓名}} {{学校}} {{职称}} {{证书编号}} {{身份证号}}' }],
  });
  const runtime = await documentRuntime(path, { as: '' });
  const outFolder = runtime.drive.folderIdOf(join(folder, 'out'));
  const result = runtime.bundle.call('runDocuments_', { kind: 'certificate', check: true, templateId: runtime.drive.fileIdOf(template), folderId: outFolder }) as RunResult;
  expect(result.mode).toBe('check');
  expect(result.placeholders).toEqual(['姓名', '学校', '职称', '证书编号', '身份证号']);
  expect(result.unknownPlaceholders).toEqual(['职称']);
  expect(result.missing).toEqual([{ row: 3, name: '教师2', placeholders: ['学校'] }]);
  expect(result.created).toEqual([]);
  expect(result.pending).toBe(2);
  expect(JSON.stringify(result)).not.toContain('11010519491231002X');
  expect(runtime.changed).toBe(false);
  expect(runtime.state.triggers).toEqual([]);
  runtime.close();
  expect(filesIn(join(folder, 'out'))).toEqual([]);
});

test('a placeholder without a value stays visible in that document and is reported; the others are filled', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => (index === 0 ? { 学校: '' } : {})));
  const template = writeTemplate(folder, '证书', { body: [{ type: 'paragraph', text: '{{姓名}}（{{学校}}）{{职称}}' }] });
  const runtime = await documentRuntime(path);
  const result = runtime.bundle.call('runDocuments_', { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) }) as RunResult;
  await runtime.save();
  runtime.close();
  expect(result.missing).toEqual([{ row: 2, name: '教师1', placeholders: ['学校'] }]);
  expect(result.unknownPlaceholders).toEqual(['职称']);
  expect(documentText(readDocument(join(folder, 'out', '玉教班〔2024〕001号-教师1-荣誉证书.docx')))).toBe('教师1（{{学校}}）{{职称}}');
  expect(documentText(readDocument(join(folder, 'out', '玉教班〔2024〕002号-教师2-荣誉证书.docx')))).toBe('教师2（玉溪第一中学）{{职称}}');
});

test('values with $ and \\ are written as they are, through findText and Text edits (never replaceText); other values take one replaceText', async () => {
  const folder = temporaryFolder();
  const school = '第$1中学\\分校$&';
  const path = await documentWorkbook(folder, awardedRows(1, () => ({ 学校: school })));
  const template = writeTemplate(folder, '证书', {
    header: ['页眉{{学校}}'],
    body: [
      { type: 'paragraph', text: '{{学校}}与{{ 学校 }}，{{姓名}}' },
      { type: 'table', rows: [['{{学校}}', '{{姓名}}']] },
    ],
    footer: ['{{学校}}页脚'],
  });
  const runtime = await documentRuntime(path);
  runtime.counter.reset();
  runtime.bundle.call('runDocuments_', { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) });
  const calls = runtime.counter.snapshot().calls;
  await runtime.save();
  runtime.close();
  expect(documentText(readDocument(join(folder, 'out', '玉教班〔2024〕001号-教师1-荣誉证书.docx')))).toBe(
    [`页眉${school}`, `${school}与${school}，教师1`, `${school}\t教师1`, `${school}页脚`].join('\n'),
  );
  // 姓名: one replaceText for the body; 学校: none, three matches in the body (two in one paragraph, one in a cell), one in each of header and footer.
  expect(calls['Body.replaceText']).toBe(1);
  expect(calls['HeaderSection.replaceText'] ?? 0).toBe(0);
  expect(calls['FooterSection.replaceText'] ?? 0).toBe(0);
  expect(calls['Text.insertText']).toBe(5);
});

test('forms: rows whose term ends within 60 days; the 履职记录 table inserted after its paragraph, the placeholder gone', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => (index === 1 ? { 认定日期: new Date('2025-10-10T00:00:00Z') } : {})));
  const template = writeTemplate(folder, '考核表', FORM_TEMPLATE);
  const runtime = await documentRuntime(path, { today: '2027-09-01' });
  const result = runtime.bundle.call('runDocuments_', { kind: 'form', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) }) as RunResult;
  await runtime.save();
  runtime.close();
  expect(result.created.map((entry) => entry.file)).toEqual(['教师1-任期考核表']);
  const document = readDocument(join(folder, 'out', '教师1-任期考核表.docx'));
  expect(document.body.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph', 'table', 'paragraph']);
  expect(document.body[2]).toEqual({ type: 'paragraph', text: '' });
  const duties = document.body[3];
  expect(duties?.type === 'table' ? duties.rows[0] : []).toEqual(['学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成']);
  // 2024-10-10 to 2027-09-01: 2024-2025 第一学期 … 2027-2028 第一学期 (the term ends 2027-10-09).
  expect(duties?.type === 'table' ? duties.rows.slice(1).map((row) => `${row[0]}${row[1]}`) : []).toEqual([
    '2024-2025学年第一学期',
    '2024-2025学年第二学期',
    '2025-2026学年第一学期',
    '2025-2026学年第二学期',
    '2026-2027学年第一学期',
    '2026-2027学年第二学期',
    '2027-2028学年第一学期',
  ]);
});

test('generating takes the city role (or the county of the row in a 县级 workbook); checking needs none', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2));
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const runtime = await documentRuntime(path, { as: HONGTA });
  const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) };
  const asked = runtime.bundle.call('runDocuments_', { ...options, rows: [2] }) as RunResult;
  expect(asked.created).toEqual([]);
  expect(asked.refused).toEqual([{ row: 2, message: '第2行（红塔区）：生成荣誉证书须由市级账号操作' }]);
  const all = runtime.bundle.call('runDocuments_', options) as RunResult;
  expect(all.created).toEqual([]);
  // None of the rows is theirs: each is refused (the CLI exits 3), not "0 made".
  expect(all.refused).toEqual([
    { row: 2, message: '第2行（红塔区）：生成荣誉证书须由市级账号操作' },
    { row: 3, message: '第3行（红塔区）：生成荣誉证书须由市级账号操作' },
  ]);
  const check = runtime.bundle.call('runDocuments_', { ...options, check: true }) as RunResult;
  expect(check.pending).toBe(2);
  runtime.close();
  expect(existsSync(join(folder, 'out')) ? filesIn(join(folder, 'out')) : []).toEqual([]);
  void CITY;
});

test('forms without a 履职记录 sheet: the table has only its header, and the run says why', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(1));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  workbook.removeWorksheet(workbook.getWorksheet('履职记录')!.id);
  await workbook.xlsx.writeFile(path);
  const template = writeTemplate(folder, '考核表', FORM_TEMPLATE);
  const runtime = await documentRuntime(path, { today: '2027-09-01' });
  const result = runtime.bundle.call('runDocuments_', { kind: 'form', check: true, templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) }) as RunResult;
  runtime.close();
  expect(result.messages).toEqual(['找不到工作表“履职记录”：{{履职记录}}表格只有表头；请先运行“初始化表格”并填写履职记录']);
  expect(result.missing).toEqual([]);
});

test('in a 县级 workbook the county makes the documents of its own rows', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => (index === 1 ? { '县（市、区）': '江川区' } : {})));
  await setSetting(path, '评选级别', '县级');
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const runtime = await documentRuntime(path, { as: HONGTA });
  const result = runtime.bundle.call('runDocuments_', { kind: 'certificate', rows: [2, 3], templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) }) as RunResult;
  await runtime.save();
  runtime.close();
  expect(result.created.map((entry) => [entry.row, entry.file])).toEqual([[2, '玉教班〔2024〕001号-教师1-荣誉证书']]);
  expect(result.refused).toEqual([{ row: 3, message: '第3行（江川区）：生成荣誉证书须由市级账号或该行所在县的账号操作' }]);
  expect(readDocument(join(folder, 'out', '玉教班〔2024〕001号-教师1-荣誉证书.docx')).header).toEqual(['玉溪市 县级骨干班主任 证书']);
});

test('a 设置 file name naming 身份证号, or an unreadable 每日文档上限, is refused before anything is made', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(1));
  await setSetting(path, '证书文件名', '{姓名}-{身份证号}');
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  let runtime = await documentRuntime(path);
  const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) };
  expect(() => runtime.bundle.call('runDocuments_', options)).toThrow(/^设置第\d+行：证书文件名“\{姓名\}-\{身份证号\}”含有个人信息\{身份证号\}/);
  runtime.close();
  await setSetting(path, '证书文件名', '{姓名}');
  await setSetting(path, '每日文档上限', '很多');
  runtime = await documentRuntime(path);
  expect(() => runtime.bundle.call('runDocuments_', options)).toThrow(/^设置第\d+行：每日文档上限“很多”无效，应为正整数/);
  runtime.close();
  expect(filesIn(join(folder, 'out'))).toEqual([]);
});

test('U10: forms with no term ending within 60 days and no 任期届满 row say so (check and generation)', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(1));
  const template = writeTemplate(folder, '考核表', FORM_TEMPLATE);
  const runtime = await documentRuntime(path, { today: '2025-03-05' });
  const options = { kind: 'form', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) };
  const check = runtime.bundle.call('runDocuments_', { ...options, check: true }) as RunResult;
  const result = runtime.bundle.call('runDocuments_', options) as RunResult;
  runtime.close();
  for (const run of [check, result]) expect(run.messages).toContain('没有任期在60天内届满的“已认定”行，也没有“任期届满”的行');
  expect(result.created).toEqual([]);
});
