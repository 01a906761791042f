/**
 * Range values through the runtime: what getValues gives for each kind of cell (dates in the
 * spreadsheet's time zone whatever the process's), getDisplayValues, and setValues — its
 * dimension errors in Apps Script's words and how it stores what the bundle writes.
 */
import { join } from 'node:path';
import { openWith, readXlsx, runChild, tempDir, writeXlsx } from './helpers';

const READ_CODE = `
function read(a1) {
  var values = SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getValues();
  return values.map(function (row) {
    return row.map(function (v) { return v instanceof Date ? { date: v.toISOString() } : v; });
  });
}
function display(a1) { return SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getDisplayValues(); }
function write(a1, values) { SpreadsheetApp.getActiveSpreadsheet().getRange(a1).setValues(values); }
function writeDate(a1, iso) { SpreadsheetApp.getActiveSpreadsheet().getRange(a1).setValue(new Date(iso)); }
function attempt(a1, values) {
  try { SpreadsheetApp.getActiveSpreadsheet().getRange(a1).setValues(values); return 'no error'; }
  catch (e) { return (e instanceof Error ? 'Error: ' : 'foreign: ') + e.message; }
}
function textFormatThenWrite(a1, value) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getRange(a1);
  range.setNumberFormat('@');
  range.setValue(value);
  return range.getValue();
}
`;

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function sampleWorkbook(name: string): Promise<string> {
  return writeXlsx(join(dir, name), (workbook) => {
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = 42;
    sheet.getCell('B1').value = 'text';
    sheet.getCell('C1').value = true;
    sheet.getCell('D1').value = new Date(Date.UTC(2024, 8, 27));
    sheet.getCell('E1').value = new Date(Date.UTC(2024, 8, 27, 13, 5));
    sheet.getCell('E1').numFmt = 'yyyy/m/d h:mm';
    sheet.getCell('F1').value = { formula: 'A1+1', result: 43 };
    sheet.getCell('G1').value = { error: '#N/A' };
    sheet.getCell('H1').value = { richText: [{ text: 'ab' }, { text: 'c', font: { bold: true } }] };
    sheet.getCell('I1').value = { text: 'link', hyperlink: 'https://example.org' };
    sheet.getCell('K1').value = 'end';
    sheet.getCell('L1').value = 3.14159;
    sheet.getCell('L1').numFmt = '0.00';
    sheet.getCell('M1').value = new Date(Date.UTC(2024, 8, 27));
    sheet.getCell('M1').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.mergeCells('A2:B2');
    sheet.getCell('A2').value = 'merged';
    sheet.getCell('A3').value = { formula: 'A1*2' } as never;
  });
}

const SHANGHAI_ROW = [
  42, 'text', true, { date: '2024-09-26T16:00:00.000Z' }, { date: '2024-09-27T05:05:00.000Z' },
  43, '#N/A', 'abc', 'link', '', 'end',
];

describe('getValues', () => {
  test('gives numbers, booleans, realm Dates at midnight in the spreadsheet zone, formula results, error and rich text', async () => {
    const runtime = await openWith(await sampleWorkbook('values.xlsx'), READ_CODE);
    try {
      expect(runtime.bundle.call('read', 'S!A1:K2')).toEqual([SHANGHAI_ROW, ['merged', '', '', '', '', '', '', '', '', '', '']]);
    } finally {
      runtime.close();
    }
  });

  test('reads date cells in the spreadsheet time zone of the workbook', async () => {
    const runtime = await openWith(await sampleWorkbook('values-la.xlsx'), READ_CODE, { timeZone: 'America/Los_Angeles' });
    try {
      const [row] = runtime.bundle.call('read', 'S!D1:E1') as unknown[][];
      expect(row).toEqual([{ date: '2024-09-27T07:00:00.000Z' }, { date: '2024-09-27T20:05:00.000Z' }]);
    } finally {
      runtime.close();
    }
  });

  test.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('gives the same instants when the process runs in TZ=%s', async (zone) => {
    const path = await sampleWorkbook(`values-${zone.replace('/', '-')}.xlsx`);
    const result = await runChild(dir, { path, code: READ_CODE, call: 'read', args: ['S!A1:K1'] }, { TZ: zone });
    expect(result).toEqual([SHANGHAI_ROW]);
  });

  test('a formula without a calculated value in the file reads as blank, with one 提示 for the run', async () => {
    const runtime = await openWith(await sampleWorkbook('uncalculated.xlsx'), READ_CODE + 'function formulas(a1) { return SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getFormulas(); }');
    expect(runtime.bundle.call('read', 'S!A3')).toEqual([['']]);
    expect(runtime.bundle.call('display', 'S!A3')).toEqual([['']]);
    expect(runtime.bundle.call('read', 'S!A3')).toEqual([['']]);
    expect(runtime.bundle.call('formulas', 'S!A3')).toEqual([['=A1*2']]);
    expect(runtime.printed).toEqual([]);
    runtime.close();
    expect(runtime.printed).toHaveLength(1);
    expect(runtime.printed[0]).toMatch(/^提示：S!A3的公式在文件中没有计算结果，已按空白处理.*打开该文件并保存一次/);
  });
});

describe('getDisplayValues', () => {
  test('shows values under their number formats', async () => {
    const runtime = await openWith(await sampleWorkbook('display.xlsx'), READ_CODE);
    try {
      expect(runtime.bundle.call('display', 'S!A1:E1')).toEqual([['42', 'text', 'TRUE', '2024/9/27', '2024/9/27 13:05']]);
      expect(runtime.bundle.call('display', 'S!L1:M1')).toEqual([['3.14', '2024年9月27日']]);
    } finally {
      runtime.close();
    }
  });
});

describe('setValues', () => {
  test("fails with Apps Script's words when the data does not fit the range", async () => {
    const runtime = await openWith(await sampleWorkbook('dimensions.xlsx'), READ_CODE);
    try {
      expect(runtime.bundle.call('attempt', 'S!A5:B6', [[1, 2]])).toBe(
        'Error: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(runtime.bundle.call('attempt', 'S!A5:B6', [[1], [2]])).toBe(
        'Error: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
      );
      expect(runtime.bundle.call('attempt', 'S!A5:B6', [[1, 2], [3, 4]])).toBe('no error');
    } finally {
      runtime.close();
    }
  });

  test('stores strings as Sheets stores typed input, and Dates as date cells of their day in the spreadsheet zone', async () => {
    const path = await sampleWorkbook('write.xlsx');
    const runtime = await openWith(path, READ_CODE);
    try {
      runtime.bundle.call('write', 'S!A10:G10', [['=A1*2', '00123', "'00123", 'TRUE', '2024-09-27', 'plain', '']]);
      runtime.bundle.call('writeDate', 'S!H10', '2024-09-26T16:00:00.000Z');
      expect(runtime.bundle.call('textFormatThenWrite', 'S!I10', '00123')).toBe('00123');
      const [row] = runtime.bundle.call('read', 'S!B10:H10') as unknown[][];
      expect(row).toEqual([123, '00123', true, { date: '2024-09-26T16:00:00.000Z' }, 'plain', '', { date: '2024-09-26T16:00:00.000Z' }]);
      await runtime.save();
    } finally {
      runtime.close();
    }
    const sheet = (await readXlsx(path)).getWorksheet('S');
    expect(sheet?.getCell('A10').value).toEqual({ formula: 'A1*2' });
    expect(sheet?.getCell('H10').value).toEqual(new Date(Date.UTC(2024, 8, 27)));
    expect(sheet?.getCell('H10').numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell('I10').value).toBe('00123');
  });

  test('writes only the top-left cell of a merge', async () => {
    const runtime = await openWith(await sampleWorkbook('merge.xlsx'), READ_CODE);
    try {
      runtime.bundle.call('write', 'S!A2:B2', [['new', 'lost']]);
      expect(runtime.bundle.call('read', 'S!A2:B2')).toEqual([['new', '']]);
    } finally {
      runtime.close();
    }
  });
});
