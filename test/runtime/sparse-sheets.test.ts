/**
 * Sheets whose nominal size is far beyond their data: LibreOffice writes a formatted empty row at
 * 1,048,576, and one stray cell can sit there. The grid follows the values and notes, not the
 * formatting; getLastRow keeps Apps Script's meaning (the last row with content); and writing
 * blanks over rows the sheet does not hold makes no cells. What a run costs is measured in
 * `npm run bench`, not here.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { SimulatedClock } from '../../local/runtime/clock';
import { eachStoredCell } from '../../local/services/exceljs-internals';
import { makeSheet } from '../../local/services/sheet';
import { WorkbookModel } from '../../local/services/workbook-model';
import { WorkbookState } from '../../local/services/workbook-state';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const CODE = `
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S'); }
function size() {
  var s = sheet();
  return [s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()];
}
function read(a1) { return sheet().getRange(a1).getValues(); }
function blank(row, rows) {
  var values = [];
  for (var i = 0; i < rows; i += 1) values.push(['', '']);
  sheet().getRange(row, 1, rows, 2).setValues(values);
  sheet().getRange(row, 1, rows, 2).setNotes(values);
}
`;

const LAST_ROW = 1048576;
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A sheet S with a header and one data row, and `extra` applied to it. */
function sheetWith(name: string, extra: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  return writeXlsx(join(dir, name), (workbook) => {
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['姓名', '学校']);
    sheet.addRow(['李华', '一小']);
    extra(sheet);
  });
}

/** How many cells the sheet holds (with or without values). */
function storedCells(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  eachStoredCell(sheet, () => {
    count += 1;
  });
  return count;
}

test('a formatted empty row at 1,048,576 (as LibreOffice writes) does not stretch the grid', async () => {
  const path = await sheetWith('formatted-row.xlsx', (sheet) => {
    const row = sheet.getRow(LAST_ROW);
    row.height = 15;
    row.getCell(1).style = { font: { bold: true } };
    row.getCell(200).style = { font: { bold: true } };
  });
  const runtime = await openWith(path, CODE);
  try {
    expect(runtime.bundle.call('size')).toEqual([1000, 26, 2, 2, 'A1:B2']);
  } finally {
    runtime.close();
  }
});

test('a stray value at 1,048,576 is content, as in Sheets: getLastRow and getDataRange reach it', async () => {
  const path = await sheetWith('stray-value.xlsx', (sheet) => {
    sheet.getCell(LAST_ROW, 2).value = ' ';
  });
  const runtime = await openWith(path, CODE);
  try {
    expect(runtime.bundle.call('size')).toEqual([LAST_ROW, 26, LAST_ROW, 2, `A1:B${LAST_ROW}`]);
    expect(runtime.bundle.call('read', `A${LAST_ROW - 2}:B${LAST_ROW}`)).toEqual([['', ''], ['', ''], ['', ' ']]);
  } finally {
    runtime.close();
  }
});

test('writing blanks and empty notes over rows the sheet does not hold makes no cells', async () => {
  const path = await sheetWith('blanks.xlsx', () => undefined);
  const runtime = await openWith(path, CODE);
  runtime.bundle.call('blank', 3, 998);
  await runtime.save();
  runtime.close();
  const sheet = (await readXlsx(path)).getWorksheet('S')!;
  expect(sheet.rowCount).toBe(2);
  expect(storedCells(sheet)).toBe(4);
});

test('inserting columns into a sheet with a formatted row at 1,048,576 makes no empty rows', () => {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('S');
  worksheet.addRow(['姓名', '学校']);
  worksheet.getRow(LAST_ROW).getCell(1).style = { font: { bold: true } };
  const context = { realm: globalThis, counter: new CallCounter(), clock: new SimulatedClock(Date.UTC(2024, 8, 27)) };
  const sheet = makeSheet({ context, model: new WorkbookModel(workbook, new WorkbookState(), 'x'), print: () => undefined }, worksheet) as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.insertColumnsAfter(2, 3);
  expect(sheet.getMaxColumns()).toBe(29);
  const rowsHeld = (worksheet as unknown as { _rows: unknown[] })._rows.filter(Boolean).length;
  expect(rowsHeld).toBe(2);
});
