/**
 * Reading a cell's text whatever exceljs made of it (local/services/cell-values.ts cellText): other
 * programs store plain text as rich text (LibreOffice: mixed Chinese/Latin), hyperlinks, shared
 * formulas. The state sheet _banzhuren is read the same way, so a re-saved workbook keeps its
 * properties, triggers and protections.
 */
import ExcelJS from 'exceljs';
import { cellText } from '../../local/services/cell-values';
import { STATE_SHEET_NAME, WorkbookState } from '../../local/services/workbook-state';

/** Rich text as LibreOffice writes mixed text: one run per script, each in its own font. */
function rich(...texts: string[]): ExcelJS.CellRichTextValue {
  return { richText: texts.map((text, index) => ({ text, font: { name: index % 2 ? 'Calibri' : 'DejaVu Sans' } })) };
}

test.each<[string, unknown, string]>([
  ['plain text', '玉溪一中', '玉溪一中'],
  ['rich text', rich('玉教班〔', '{year}', '〕号'), '玉教班〔{year}〕号'],
  ['a hyperlink', { text: '证书', hyperlink: 'https://example.com' }, '证书'],
  ['a hyperlink with rich text', { text: rich('证书', ' PDF'), hyperlink: 'https://example.com' }, '证书 PDF'],
  ['a formula', { formula: 'A1&"x"', result: '教师x' }, '教师x'],
  ['a shared formula', { sharedFormula: 'B2', result: 12 }, '12'],
  ['a formula without result', { formula: 'A1' }, ''],
  ['an error', { error: '#N/A' }, '#N/A'],
  ['a number', 5, '5'],
  ['a boolean', true, 'true'],
  ['empty', null, ''],
])('cellText of %s', (_what, value, text) => {
  expect(cellText(value)).toBe(text);
});

test('a state sheet whose cells another program made rich text reads as it was written', () => {
  const original = new WorkbookState();
  original.timeZone = 'Asia/Shanghai';
  original.documentProperties.set('certificateFormat', '玉教班〔{year}〕{seq:000}号');
  original.protections.push({ type: 'RANGE', sheetName: '推荐名单', a1: 'AE1:AE1000', description: '资格审查 由程序填写', warningOnly: true });
  const workbook = new ExcelJS.Workbook();
  original.write(workbook);
  // What a LibreOffice re-save does: every mixed Chinese/Latin text becomes runs of two fonts.
  workbook.getWorksheet(STATE_SHEET_NAME)!.eachRow((row) =>
    row.eachCell((cell) => {
      const text = String(cell.value);
      const split = text.search(/[\u4e00-\u9fff]/);
      if (split > 0) cell.value = rich(text.slice(0, split), text.slice(split));
    }),
  );
  const read = WorkbookState.read(workbook);
  expect(read.documentProperties.get('certificateFormat')).toBe('玉教班〔{year}〕{seq:000}号');
  expect(read.protections).toEqual(original.protections);
  expect(read.spreadsheetId).toBe(original.spreadsheetId);
});
