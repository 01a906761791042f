/**
 * The memory patches of exceljs's writer (local/runtime/xlsx-write-memory.ts) must not change a
 * byte of what is written: the same workbook saved before and after patching gives the same parts.
 * (What they save in memory is measured in `npm run bench`.)
 */
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { patchWriteMemory } from '../../local/runtime/xlsx-write-memory';

interface Zip {
  files: Record<string, { dir: boolean; async(type: 'string'): Promise<string> }>;
}
const JSZip = createRequire(require.resolve('exceljs'))('jszip') as { loadAsync(data: Buffer): Promise<Zip> };

/** A workbook with enough cells to fold many times, and parts exceljs renders with rollbacks. */
function sampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 8, 27));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['姓名', '学校', '年限', '日期', '资格审查']);
  for (let index = 1; index <= 3000; index += 1) {
    sheet.addRow([`教师${index}`, `第${index % 50}小学 & <分校>`, index % 9, new Date(Date.UTC(2024, 0, 1 + (index % 300))), index % 3 ? '符合' : '']);
  }
  sheet.getCell('A2').note = '县里备注';
  sheet.getCell('B3').value = { formula: 'A3&"x"', result: '教师2x' } as ExcelJS.CellFormulaValue;
  sheet.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  sheet.addConditionalFormatting({
    ref: 'E2:E3001',
    rules: [{ type: 'cellIs', operator: 'equal', formulae: ['"符合"'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFB7E1CD' } } } }],
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook;
}

/** Every part of a saved workbook, by name. */
async function parts(workbook: ExcelJS.Workbook): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const entries: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) entries[name] = await entry.async('string');
  return entries;
}

test('a workbook saved with the memory patches is byte for byte what exceljs alone writes', async () => {
  const before = await parts(sampleWorkbook());
  patchWriteMemory();
  const after = await parts(sampleWorkbook());
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const name of Object.keys(before)) expect([name, after[name]]).toEqual([name, before[name]]);
  expect(before['xl/worksheets/sheet1.xml']?.length).toBeGreaterThan(100_000);
});
