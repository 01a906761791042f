/**
 * Which files are a row's document (issue 9, round 2, attacks A1 A2 A8 A9 A11): only files the
 * add-on made for this kind of document — marked with Drive appProperties — are ever claimed as a
 * row's document, counted as "the link's file exists" or trashed. A workbook, a template or the
 * other kind's documents sharing a row's file name are left alone; a typed link to any other file
 * does not make a row done; --regenerate also trashes the row's old document when its name changed.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { setSetting } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { documentText } from './document-fake';
import { awardedRows, CERTIFICATE_TEMPLATE, documentRuntime, documentWorkbook, filesIn, FORM_TEMPLATE, readDocument, writeTemplate } from './document-support';

interface RunResult {
  created: { row: number; name: string; file: string; link: string }[];
  skipped: { row: number; name: string; link: string }[];
  refused: { row: number; message: string }[];
  done: boolean;
  messages: string[];
}

/** One execution of runDocuments over the workbook (saved after). */
async function run(path: string, options: Record<string, unknown>, today?: string): Promise<RunResult> {
  const runtime = await documentRuntime(path, today === undefined ? {} : { today });
  const folderId = runtime.drive.folderIdOf(String(options.folderId));
  const templateId = runtime.drive.fileIdOf(String(options.templateId));
  const result = runtime.bundle.call('runDocuments_', { ...options, folderId, templateId }) as RunResult;
  await runtime.save();
  runtime.close();
  return result;
}

/** Writes a value into a column of 推荐名单 (row 2 is the first data row). */
async function setCell(path: string, column: string, row: number, value: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const index = headers.indexOf(column) + 1;
  if (index === 0) throw new Error(`no column ${column}`);
  sheet.getCell(row, index).value = value;
  await workbook.xlsx.writeFile(path);
}

const trashed = (folder: string) => (existsSync(join(folder, '.trash')) ? readdirSync(join(folder, '.trash')).filter((name) => !name.startsWith('.')) : []);

test('A1: certificates and forms named by the same pattern never claim or trash each other’s files', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(1));
  await setSetting(path, '证书文件名', '{姓名}');
  await setSetting(path, '考核表文件名', '{姓名}');
  const out = join(folder, 'out');
  const certificate = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const form = writeTemplate(folder, '考核表', FORM_TEMPLATE);
  const first = await run(path, { kind: 'certificate', templateId: certificate, folderId: out }, '2027-09-01');
  expect(first.created.map((entry) => entry.file)).toEqual(['教师1']);
  const forms = await run(path, { kind: 'form', templateId: form, folderId: out }, '2027-09-01');
  // The certificate of that name is not the row's form: a form is made beside it.
  expect(forms.created.map((entry) => entry.file)).toEqual(['教师1']);
  expect(forms.skipped).toEqual([]);
  const again = await run(path, { kind: 'form', templateId: form, folderId: out, regenerate: true }, '2027-09-01');
  expect(again.created).toHaveLength(1);
  const texts = filesIn(out).map((file) => documentText(readDocument(join(out, file))));
  expect(texts.filter((text) => text.includes('荣誉证书'))).toHaveLength(1);
  expect(texts.filter((text) => text.includes('任期考核表'))).toHaveLength(1);
  expect(trashed(out)).toHaveLength(1);
});

test('A2/A6: a file the add-on did not make, under a row’s final name (the workbook itself, a template), is never claimed nor trashed', async () => {
  const folder = temporaryFolder();
  // Pattern {姓名} and a row named like the workbook, one like the template; the output folder is the workbook's folder.
  const path = await documentWorkbook(folder, awardedRows(2, (index) => ({ 姓名: index === 0 ? 'book.xlsx' : '证书模板' })));
  await setSetting(path, '证书文件名', '{姓名}');
  const template = join(folder, '证书模板.docx');
  writeFileSync(template, JSON.stringify(CERTIFICATE_TEMPLATE));
  const teacherPdf = join(folder, '证书模板.pdf');
  writeFileSync(teacherPdf, 'a teacher’s own PDF');
  const first = await run(path, { kind: 'certificate', templateId: template, folderId: folder });
  expect(first.skipped).toEqual([]);
  expect(first.created.map((entry) => entry.file).sort()).toEqual(['book.xlsx', '证书模板']);
  const again = await run(path, { kind: 'certificate', templateId: template, folderId: folder, regenerate: true });
  expect(again.created).toHaveLength(2);
  // The workbook, the template and the PDF are where they were; only the add-on's two first documents went to the trash.
  expect(existsSync(path)).toBe(true);
  expect(documentText(readDocument(template))).toContain('{{姓名}}');
  expect(existsSync(teacherPdf)).toBe(true);
  expect(trashed(folder)).toHaveLength(2);
});

test('A8: a typed link to a file the add-on did not make does not count as the row’s document', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2));
  const out = join(folder, 'out');
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  await run(path, { kind: 'certificate', templateId: template, folderId: out, rows: [3] });
  writeFileSync(join(folder, 'notes.txt'), 'not a certificate');
  await setCell(path, '证书链接', 2, 'notes.txt');
  const result = await run(path, { kind: 'certificate', templateId: template, folderId: out });
  expect(result.created.map((entry) => entry.row)).toEqual([2]);
  expect(result.skipped.map((entry) => entry.row)).toEqual([3]);
  expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
});

test('A9: --regenerate also trashes the row’s linked document when its name changed; one document per row', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(1));
  const out = join(folder, 'out');
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  await run(path, { kind: 'certificate', templateId: template, folderId: out });
  await setSetting(path, '证书文件名', '{证书编号}-{姓名}-证书');
  const result = await run(path, { kind: 'certificate', templateId: template, folderId: out, regenerate: true });
  expect(result.created.map((entry) => entry.file)).toEqual(['玉教班〔2024〕001号-教师1-证书']);
  expect(filesIn(out)).toEqual(['玉教班〔2024〕001号-教师1-证书.docx']);
  expect(trashed(out)).toEqual(['玉教班〔2024〕001号-教师1-荣誉证书.docx']);
});

test('A11: a row named like another row’s draft never has that row’s finished document trashed as a leftover', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => ({ 姓名: index === 0 ? '~生成中~李四' : '李四' })));
  await setSetting(path, '证书文件名', '{姓名}');
  const out = join(folder, 'out');
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const result = await run(path, { kind: 'certificate', templateId: template, folderId: out });
  expect(result.created.map((entry) => entry.file)).toEqual(['~生成中~李四', '李四']);
  expect(filesIn(out)).toEqual(['~生成中~李四.docx', '李四.docx']);
  expect(trashed(out)).toEqual([]);
});
