/**
 * The Sheet and Range fakes the readable layout needs, as Apps Script documents them: columns
 * inserted after the last column of the grid whatever the sheet holds (protected ranges, merges,
 * validation), column widths in pixels that round-trip through the .xlsx, wrap, merging (a merge
 * reaching partly outside is refused with Sheets' message), and freezing through a merged cell
 * refused as Sheets refuses it.
 */
import { join } from 'node:path';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let count = 0;
async function book(): Promise<string> {
  count += 1;
  return writeXlsx(join(dir, `layout-${count}.xlsx`), (workbook) => {
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['标题']);
    sheet.addRow(['姓名', '学校', '资格审查']);
    sheet.addRow(['张三', '一中', '符合']);
    sheet.mergeCells('A1:C1');
    sheet.getColumn(2).width = 30;
  });
}

const CODE = `
  function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名单'); }
  function protectAndGrow() {
    var s = sheet();
    s.getRange(2, 3, s.getMaxRows() - 1, 1).protect().setWarningOnly(true);
    s.getRange(3, 1, 1, 3).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['符合'], true).build());
    var before = s.getMaxColumns();
    s.insertColumnsAfter(before, 2);
    s.insertColumnAfter(s.getMaxColumns());
    return [before, s.getMaxColumns()];
  }
  function insertInside() { sheet().insertColumnsAfter(1, 1); }
  function widths() {
    var s = sheet();
    var before = [s.getColumnWidth(1), s.getColumnWidth(2)];
    s.setColumnWidth(1, 360).setColumnWidths(4, 2, 110);
    return before.concat([s.getColumnWidth(1), s.getColumnWidth(4), s.getColumnWidth(5)]);
  }
  function wrapColumn() { var s = sheet(); s.getRange(3, 3, s.getMaxRows() - 2, 1).setWrap(true); }
  function mergeTwice() { var r = sheet().getRange(5, 1, 2, 3); r.mergeAcross(); r.mergeAcross(); return sheet().getRange(5, 1, 2, 3).getMergedRanges().map(function (m) { return m.getA1Notation(); }); }
  function mergePartly() { sheet().getRange(1, 2, 1, 3).merge(); }
  function freezeColumns(n) { sheet().setFrozenColumns(n); }
  function freezeRows(n) { sheet().setFrozenRows(n); return sheet().getFrozenRows(); }
`;

test('columns inserted after the last column grow the grid whatever the sheet holds', async () => {
  const path = await book();
  const runtime = await openWith(path, CODE);
  try {
    expect(runtime.bundle.call('protectAndGrow')).toEqual([26, 29]);
    // Inside the grid, moving protected ranges is beyond exceljs: said plainly, never done wrong.
    expect(() => runtime.bundle.call('insertInside')).toThrow('not available in the local runtime: Sheet.insertColumnsAfter');
  } finally {
    runtime.close();
  }
});

test('column widths in pixels: default 100, round trip through the .xlsx', async () => {
  const path = await book();
  const runtime = await openWith(path, CODE);
  try {
    expect(runtime.bundle.call('widths')).toEqual([100, 210, 360, 110, 110]);
    runtime.bundle.call('wrapColumn');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const sheet = (await readXlsx(path)).getWorksheet('名单')!;
  expect(Math.trunc(7 * sheet.getColumn(1).width! + 0.5)).toBe(360);
  expect(sheet.getColumn(2).width).toBe(30);
  expect(sheet.getColumn(3).alignment?.wrapText).toBe(true);
  expect(sheet.getCell('C3').alignment?.wrapText).toBe(true);
  expect(sheet.getCell('C2').alignment?.wrapText).toBeUndefined();
});

test('merging: mergeAcross merges each row, again is the same; a merge reaching outside is refused', async () => {
  const runtime = await openWith(await book(), CODE);
  try {
    expect(runtime.bundle.call('mergeTwice')).toEqual(['A5:C5', 'A6:C6']);
    expect(() => runtime.bundle.call('mergePartly')).toThrow('You must select all cells in a merged range to merge or unmerge them.');
  } finally {
    runtime.close();
  }
});

test('freezing through a merged cell is refused, as Sheets refuses it; around it is fine', async () => {
  const runtime = await openWith(await book(), CODE);
  try {
    expect(() => runtime.bundle.call('freezeColumns', 1)).toThrow('freezing through the merged cell A1:C1');
    expect(runtime.bundle.call('freezeRows', 2)).toBe(2);
  } finally {
    runtime.close();
  }
});
