/**
 * What people put in a workbook survives `banzhuren init`, `check` and `advance`: column widths
 * (column A's included), notes, merged cells, the autofilter, custom document properties, defined
 * names, tab colours, frozen panes, links to places in the workbook, and the hyperlinks and
 * formulas of cells the program does not change — also in a row between two moved rows. The
 * workbooks were made by openpyxl and re-saved by LibreOffice Calc
 * (test/fixtures/preservation/make-fixtures.py). A command that changes nothing leaves the file
 * as it was, bytes and modification time.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/workbooks';

const FIXTURES = join(__dirname, '..', 'fixtures', 'preservation');
const folder = temporaryFolder();
const HONGTA = 'ht@yuxi.edu.cn';

/** A copy of a fixture after init, check, and moving rows 2 and 4 (row 3 between them stays). */
function processed(fixture: string): string {
  const path = join(folder, `processed-${fixture}`);
  copyFileSync(join(FIXTURES, fixture), path);
  for (const args of [
    ['init', path],
    ['check', path, '--today', '2024-09-02'],
    ['advance', path, '--rows', '2,4', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02'],
  ]) {
    const result = runCli(args);
    if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  }
  return path;
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The cell under `header` in `row` of 推荐名单. */
function cellOf(sheet: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getCell(row, column);
}

describe.each(['openpyxl.xlsx', 'libreoffice.xlsx'])('%s after init, check and advance', (fixture) => {
  let path: string;
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    path = processed(fixture);
    workbook = await open(path);
    zip = await JSZip.loadAsync(readFileSync(path));
  }, 60_000);

  test('the rows moved, and the row between them kept its hyperlink (and formula)', () => {
    const sheet = workbook.getWorksheet('推荐名单')!;
    expect([2, 3, 4].map((row) => cellOf(sheet, '状态', row).text)).toEqual(['初审通过', '学校推荐', '初审通过']);
    const link = cellOf(sheet, '最后操作', 3).value as ExcelJS.CellHyperlinkValue;
    expect(link).toEqual(expect.objectContaining({ text: '县里的材料', hyperlink: 'https://example.com/jiangchuan' }));
    if (fixture === 'libreoffice.xlsx') {
      expect(cellOf(sheet, '状态', 3).formula).toBe('"学校"&"推荐"');
    }
    const certificate = cellOf(sheet, '证书链接', 2).value as ExcelJS.CellHyperlinkValue;
    expect(certificate).toEqual(expect.objectContaining({ text: '证书扫描件', hyperlink: 'https://example.com/zhangli' }));
  });

  test('a link to a place in the workbook stays such a link', async () => {
    // exceljs alone reads such a link as plain text: look at the XML.
    expect(workbook.getWorksheet('说明')!.getCell('A4').text).toBe('查看推荐名单');
    const notes = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(notes).toMatch(/<hyperlink ref="A4" location="(&apos;|')推荐名单(&apos;|')!A1"\/>/);
  });

  test('column widths, column A included', () => {
    const sheet = workbook.getWorksheet('推荐名单')!;
    expect([1, 3, 21].map((column) => sheet.getColumn(column).width)).toEqual([9, 24, 42]);
    expect(workbook.getWorksheet('说明')!.getColumn(1).width).toBe(30);
  });

  test('merged cells, autofilter, tab colours, formulas on another sheet, frozen panes', () => {
    const notes = workbook.getWorksheet('说明')!;
    expect(notes.model.merges).toContain('A1:D1');
    expect(notes.getCell('B2').formula).toBe('COUNTA(推荐名单!A2:A4)');
    expect(notes.getCell('B3').formula).toBe('SUM(推荐名单!J2:J4)');
    const sheet = workbook.getWorksheet('推荐名单')!;
    expect(sheet.autoFilter).toBe('A1:AC4');
    expect(sheet.properties.tabColor).toEqual({ argb: 'FFC00000' });
    expect(notes.properties.tabColor).toEqual({ argb: 'FF0070C0' });
    if (fixture === 'openpyxl.xlsx') {
      // LibreOffice's headless conversion does not keep a frozen pane, so only openpyxl's file has them.
      expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', xSplit: 1, ySplit: 1 }));
      expect(notes.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    }
  });

  test('defined names', async () => {
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toMatch(/<definedName name="名单区域"[^>]*>(&apos;|')推荐名单(&apos;|')!\$A\$1:\$AC\$4<\/definedName>/);
  });

  test('custom document properties, with their content type and relationship', async () => {
    const custom = await zip.file('docProps/custom.xml')?.async('string');
    expect(custom).toContain('name="填报单位"><vt:lpwstr>红塔区教育体育局</vt:lpwstr>');
    expect(custom).toMatch(/name="版本"><vt:(i4|r8)>3<\/vt:\1>/); // LibreOffice stores the number as r8
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"');
    const rels = await zip.file('_rels/.rels')!.async('string');
    expect(rels).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/custom-properties" Target="\/?docProps\/custom\.xml"/);
    expect(new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((match) => match[1])).size).toBe([...rels.matchAll(/Id="/g)].length);
  });
});

test("a person's note survives (LibreOffice's file)", async () => {
  const workbook = await open(processed('libreoffice.xlsx'));
  const note = workbook.getWorksheet('推荐名单')!.getCell('A2').note;
  expect(typeof note === 'string' ? note : note?.texts?.map((text) => text.text).join('')).toContain('人工批注：材料已收');
}, 60_000);

test('a command that changes nothing does not rewrite the file', () => {
  const path = join(folder, 'unchanged.xlsx');
  copyFileSync(join(FIXTURES, 'openpyxl.xlsx'), path);
  expect(runCli(['init', path]).code).toBe(0);
  const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
  const again = runCli(['init', path]);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('无需修改');
  const refused = runCli(['advance', path, '--rows', '3', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02']);
  expect(refused.code).toBe(3);
  expect(statSync(path).mtimeMs).toBe(before.mtime);
  expect(readFileSync(path).equals(before.bytes)).toBe(true);
});
