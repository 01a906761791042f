/**
 * The Sheet fake: one worksheet of the .xlsx with a Sheets-like grid (getMaxRows/getMaxColumns),
 * content bounds (getLastRow/getLastColumn), frozen rows and columns, column widths in pixels,
 * conditional formatting, protections and visibility. Ranges it gives are checked against the grid
 * with Apps Script's messages.
 */
import type ExcelJS from 'exceljs';
import { columnNumber, parseA1, rectA1, splitSheetName, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS } from './a1-notation';
import { cellContentOf, writeCell } from './cell-values';
import { renameChartSheet, sheetChartMembers } from './charts';
import {
  makeConditionalFormatRule,
  ruleSpecOf,
  rulesFromXlsx,
  rulesToXlsx,
  type RuleRanges,
} from './conditional-format';
import { conditionalFormattingsOf, eachStoredCell, mergesOf, setConditionalFormattings, validationModelOf } from './exceljs-internals';
import { makeFake, realmArray, realmError, unavailable, type FakeContext } from './fake-object';
import { makeProtection } from './protection';
import { makeRange, rangeRefOf } from './range';
import { makeSpreadsheet } from './spreadsheet';
import type { RangeRef, SpreadsheetEnv } from './workbook-model';
import type { StoredProtection } from './workbook-state';

/** How rules of conditional formatting reach Range fakes. */
export function ruleRanges(env: SpreadsheetEnv): RuleRanges {
  return {
    refOf: (range, method) => rangeRefOf(env.context, range, method),
    rangeOf: (ref) => makeRange(env, ref),
  };
}

/** The range a stored protection covers (the whole sheet for a sheet protection). */
export function protectedRange(env: SpreadsheetEnv, stored: StoredProtection): unknown {
  const sheet = env.model.sheetByName(stored.sheetName);
  if (!sheet) return null;
  const grid = env.model.grid(sheet);
  const rect = (stored.a1 && parseA1(stored.a1, grid.maxRows, grid.maxColumns)) || {
    row: 1,
    column: 1,
    numRows: grid.maxRows,
    numColumns: grid.maxColumns,
  };
  return makeRange(env, { sheet, ...rect });
}

/** The frozen pane of a sheet: rows and columns. */
function frozen(sheet: ExcelJS.Worksheet): { rows: number; columns: number } {
  const view = sheet.views?.[0];
  if (view?.state !== 'frozen') return { rows: 0, columns: 0 };
  return { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
}

/** Sheets' width of a column nobody sized, in pixels. */
export const DEFAULT_COLUMN_PIXELS = 100;

/**
 * A column's width in pixels from its .xlsx width (in characters of the default font, 7 px each,
 * as Excel stores it: pixels = trunc(7 × width + 0.5)); a column with no width of its own has
 * Sheets' default.
 */
export function columnPixels(sheet: ExcelJS.Worksheet, column: number): number {
  const width = sheet.getColumn(column).width;
  return width === undefined ? DEFAULT_COLUMN_PIXELS : Math.trunc(7 * width + 0.5);
}

/** The .xlsx width (characters) that Excel shows as this many pixels. */
export function xlsxWidthOf(pixels: number): number {
  return Math.trunc((pixels * 256) / 7) / 256;
}

/**
 * Sheets refuses to freeze rows or columns through a merged cell (the merge must lie wholly
 * inside or wholly outside the frozen part); the fake refuses it too, naming the merge.
 */
function checkFreezeAcrossMerges(context: FakeContext, sheet: ExcelJS.Worksheet, rows: number, columns: number, method: string): void {
  for (const merge of mergesOf(sheet)) {
    const crossesRows = rows > 0 && merge.row <= rows && merge.row + merge.numRows - 1 > rows;
    const crossesColumns = columns > 0 && merge.column <= columns && merge.column + merge.numColumns - 1 > columns;
    if (crossesRows || crossesColumns) {
      unavailable(context, 'Sheet', method, `freezing through the merged cell ${rectA1(merge)}, which Sheets refuses`);
    }
  }
}

function setFrozen(sheet: ExcelJS.Worksheet, rows: number, columns: number): void {
  const [first = {}, ...rest] = sheet.views ?? [];
  const view: Partial<ExcelJS.WorksheetView> & { topLeftCell?: string } = { ...first };
  delete view.topLeftCell; // exceljs works it out from the split
  const next = (
    rows === 0 && columns === 0 ? { ...view, state: 'normal', xSplit: undefined, ySplit: undefined } : { ...view, state: 'frozen', xSplit: columns, ySplit: rows }
  ) as Partial<ExcelJS.WorksheetView>;
  sheet.views = [next, ...rest];
}

/** A 1-based column position inside the grid, else Apps Script's out-of-range message. */
function checkColumn(context: FakeContext, grid: { maxColumns: number }, value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) unavailable(context, 'Sheet', method, `the column ${String(value)}`);
  if (value < 1 || value > grid.maxColumns) throw realmError(context, 'The coordinates of the range are outside the dimensions of the sheet.');
  return value;
}

function checkCount(context: FakeContext, value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    unavailable(context, 'Sheet', method, `the count ${String(value)}`);
  }
  return value;
}

/** A Sheet fake over a worksheet. */
export function makeSheet(env: SpreadsheetEnv, sheet: ExcelJS.Worksheet): unknown {
  const { context, model } = env;
  const grid = () => model.grid(sheet);
  const range = (rect: Omit<RangeRef, 'sheet'>) => {
    model.checkRect(context, sheet, rect);
    return makeRange(env, { sheet, ...rect });
  };
  const protections = () => model.state.protections.filter((protection) => protection.sheetName === sheet.name);

  return makeFake(
    context,
    'Sheet',
    (self) => ({
      getName: () => sheet.name,
      getSheetName: () => sheet.name,
      setName(name: unknown) {
        const text = String(name);
        if (text === sheet.name) return self;
        const problem = model.sheetNameProblem(text, sheet);
        if (problem?.sheetsMessage) throw realmError(context, problem.sheetsMessage);
        if (problem?.xlsxProblem) unavailable(context, 'Sheet', 'setName', problem.xlsxProblem);
        for (const protection of protections()) protection.sheetName = text;
        renameChartSheet(model.state.charts, sheet.name, text);
        sheet.name = text;
        return self;
      },
      getSheetId: () => sheet.id,
      getIndex: () => model.sheets().indexOf(sheet) + 1,
      getParent: () => makeSpreadsheet(env),
      activate() {
        model.activate(sheet);
        return self;
      },
      getRange(first: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown) {
        if (typeof first === 'string') {
          const { sheetName, a1 } = splitSheetName(first);
          const rect = sheetName === undefined || sheetName === sheet.name ? parseA1(a1, grid().maxRows, grid().maxColumns) : undefined;
          if (!rect) throw realmError(context, 'Range not found');
          return range(rect);
        }
        if (typeof first !== 'number' || typeof column !== 'number') unavailable(context, 'Sheet', 'getRange', 'arguments that are not numbers or A1 notation');
        return range({
          row: first,
          column,
          numRows: numRows === undefined ? 1 : Number(numRows),
          numColumns: numColumns === undefined ? 1 : Number(numColumns),
        });
      },
      getDataRange() {
        const { lastRow, lastColumn } = model.contentBounds(sheet);
        return range({ row: 1, column: 1, numRows: Math.max(1, lastRow), numColumns: Math.max(1, lastColumn) });
      },
      getLastRow: () => model.contentBounds(sheet).lastRow,
      getLastColumn: () => model.contentBounds(sheet).lastColumn,
      getMaxRows: () => grid().maxRows,
      getMaxColumns: () => grid().maxColumns,
      appendRow(rowContents: unknown) {
        if (!Array.isArray(rowContents)) unavailable(context, 'Sheet', 'appendRow', 'a row that is not a list');
        const row = model.contentBounds(sheet).lastRow + 1;
        const contents = rowContents.map((value, index) =>
          cellContentOf(context, value, model.state.timeZone, sheet.findCell(row, index + 1)?.numFmt, 'appendRow'),
        );
        checkXlsxLimits(sheet, row, contents.length);
        grid().maxRows = Math.max(grid().maxRows, row);
        grid().maxColumns = Math.max(grid().maxColumns, contents.length);
        contents.forEach((content, index) => writeCell(sheet.getCell(row, index + 1), content));
        return self;
      },
      insertColumnAfter(afterPosition: unknown) {
        insertColumns(env, sheet, afterPosition, 1, 'insertColumnAfter');
        return self;
      },
      insertColumnsAfter(afterPosition: unknown, howMany: unknown) {
        insertColumns(env, sheet, afterPosition, howMany, 'insertColumnsAfter');
        return self;
      },
      insertRowsAfter(afterPosition: unknown, howMany: unknown) {
        insertRowsAtEnd(env, sheet, afterPosition, howMany);
        return self;
      },
      getFrozenRows: () => frozen(sheet).rows,
      setFrozenRows(rows: unknown) {
        const count = checkCount(context, rows, 'setFrozenRows');
        checkFreezeAcrossMerges(context, sheet, count, 0, 'setFrozenRows');
        setFrozen(sheet, count, frozen(sheet).columns);
      },
      getFrozenColumns: () => frozen(sheet).columns,
      setFrozenColumns(columns: unknown) {
        const count = checkCount(context, columns, 'setFrozenColumns');
        checkFreezeAcrossMerges(context, sheet, 0, count, 'setFrozenColumns');
        setFrozen(sheet, frozen(sheet).rows, count);
      },
      getColumnWidth(columnPosition: unknown) {
        return columnPixels(sheet, checkColumn(context, grid(), columnPosition, 'getColumnWidth'));
      },
      setColumnWidth(columnPosition: unknown, width: unknown) {
        const column = checkColumn(context, grid(), columnPosition, 'setColumnWidth');
        sheet.getColumn(column).width = xlsxWidthOf(checkCount(context, width, 'setColumnWidth'));
        return self;
      },
      setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown) {
        const first = checkColumn(context, grid(), startColumn, 'setColumnWidths');
        const count = checkCount(context, numColumns, 'setColumnWidths');
        checkColumn(context, grid(), first + count - 1, 'setColumnWidths');
        const xlsxWidth = xlsxWidthOf(checkCount(context, width, 'setColumnWidths'));
        for (let column = first; column < first + count; column += 1) sheet.getColumn(column).width = xlsxWidth;
        return self;
      },
      getConditionalFormatRules() {
        const specs = rulesFromXlsx(conditionalFormattingsOf(sheet), (a1) => {
          const rect = parseA1(a1, grid().maxRows, grid().maxColumns);
          return rect ? { sheet, ...rect } : undefined;
        });
        return realmArray(context, specs.map((spec) => makeConditionalFormatRule(context, ruleRanges(env), spec)));
      },
      setConditionalFormatRules(rules: unknown) {
        if (!Array.isArray(rules)) unavailable(context, 'Sheet', 'setConditionalFormatRules', 'rules must be a list');
        const specs = rules.map((rule) => ruleSpecOf(context, rule));
        for (const spec of specs) {
          if (spec.ranges.length === 0) unavailable(context, 'Sheet', 'setConditionalFormatRules', 'a rule without ranges');
          if (spec.ranges.some((ref) => ref.sheet !== sheet)) unavailable(context, 'Sheet', 'setConditionalFormatRules', 'a rule over ranges of another sheet');
        }
        setConditionalFormattings(sheet, rulesToXlsx(specs));
      },
      clearConditionalFormatRules() {
        setConditionalFormattings(sheet, []);
      },
      protect() {
        let stored = protections().find((protection) => protection.type === 'SHEET');
        if (!stored) {
          stored = { type: 'SHEET', sheetName: sheet.name, description: '', warningOnly: false };
          model.state.protections.push(stored);
        }
        return makeProtection(context, model.state, stored, (protection) => protectedRange(env, protection));
      },
      getProtections(type: unknown) {
        const wanted = String(type);
        if (wanted !== 'SHEET' && wanted !== 'RANGE') unavailable(context, 'Sheet', 'getProtections', `protection type ${wanted}`);
        return realmArray(
          context,
          protections()
            .filter((protection) => protection.type === wanted)
            .map((protection) => makeProtection(context, model.state, protection, (stored) => protectedRange(env, stored))),
        );
      },
      hideSheet() {
        const visible = model.sheets().filter((other) => other.state === 'visible');
        if (visible.length === 1 && visible[0] === sheet) unavailable(context, 'Sheet', 'hideSheet', 'hiding the last visible sheet');
        sheet.state = 'hidden';
        return self;
      },
      showSheet() {
        sheet.state = 'visible';
        return self;
      },
      isSheetHidden: () => sheet.state !== 'visible',
      clear() {
        sheet.eachRow((row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            if (cell.type !== 1 /* Merge */) cell.value = null;
            cell.style = {};
          }),
        );
        return self;
      },
      clearContents() {
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type !== 1 /* Merge */) cell.value = null;
          }),
        );
        return self;
      },
      autoResizeColumns: () => self,
      autoResizeColumn: () => self,
      ...sheetChartMembers(env, sheet),
    }),
    {
      internal: sheet,
      costs: {
        setName: 'write', appendRow: 'write', getColumnWidth: 'light', setColumnWidth: 'write', setColumnWidths: 'write', insertColumnAfter: 'write', insertColumnsAfter: 'write', insertRowsAfter: 'write',
        setFrozenRows: 'write', setFrozenColumns: 'write', getConditionalFormatRules: 'read',
        setConditionalFormatRules: 'write', clearConditionalFormatRules: 'write', protect: 'write',
        getProtections: 'read', hideSheet: 'write', showSheet: 'write', clear: 'write', clearContents: 'write',
        autoResizeColumns: 'write', autoResizeColumn: 'write', getDataRange: 'light',
        getCharts: 'read', insertChart: 'write', updateChart: 'write', removeChart: 'write',
      },
    },
  );
}

/** The checked position and count of an insertion of rows or columns, with the sheet's grid. */
function insertion(env: SpreadsheetEnv, sheet: ExcelJS.Worksheet, afterPosition: unknown, howMany: unknown, what: 'rows' | 'columns', method: string) {
  const { context, model } = env;
  const grid = model.grid(sheet);
  const after = Number(afterPosition);
  const count = Number(howMany);
  const limit = what === 'rows' ? grid.maxRows : grid.maxColumns;
  if (!Number.isInteger(after) || after < 1 || after > limit) {
    throw realmError(context, 'The coordinates of the range are outside the dimensions of the sheet.');
  }
  if (!Number.isInteger(count) || count < 1) unavailable(context, 'Sheet', method, `inserting ${String(howMany)} ${what}`);
  return { grid, after, count };
}

/**
 * Refuses to grow a sheet past what an .xlsx file can hold, in Chinese: it happens when a stray
 * cell sits at the last row or column, and a file written past it would be damaged.
 */
function checkXlsxLimits(sheet: ExcelJS.Worksheet, rows: number, columns: number): void {
  if (rows <= XLSX_MAX_ROWS && columns <= XLSX_MAX_COLUMNS) return;
  const where = rows > XLSX_MAX_ROWS ? `第 ${XLSX_MAX_ROWS.toLocaleString('en-US')} 行` : '最后一列（XFD 列）';
  throw new Error(
    `工作表“${sheet.name}”已经用到 .xlsx 文件的上限（最多 1,048,576 行、16,384 列），无法再添加行或列：${where}有内容，` +
      '可能是误输入的单元格，请删除后重试（本次没有做任何修改）',
  );
}

/**
 * Inserts rows after the last row of the grid (growing the sheet, as the add-on does before
 * appending). Inserting inside the sheet would have to move validation, formatting and merges,
 * which exceljs does not do, so it is reported as not available.
 */
function insertRowsAtEnd(env: SpreadsheetEnv, sheet: ExcelJS.Worksheet, afterPosition: unknown, howMany: unknown): void {
  const { context } = env;
  const { grid, after, count } = insertion(env, sheet, afterPosition, howMany, 'rows', 'insertRowsAfter');
  if (after !== grid.maxRows) unavailable(context, 'Sheet', 'insertRowsAfter', 'inserting rows other than after the last row');
  checkXlsxLimits(sheet, grid.maxRows + count, grid.maxColumns);
  grid.maxRows += count;
}

/**
 * Inserts columns after a position. After the grid's last column nothing moves: the grid grows,
 * whatever the sheet holds (this is how the add-on adds output columns at the right end). Inside
 * the grid, cells to the right move; validation, conditional formatting, merges, protected
 * ranges and embedded charts to the right would not move with them in exceljs, so those cases are
 * reported as not available rather than left pointing at the wrong columns.
 */
function insertColumns(env: SpreadsheetEnv, sheet: ExcelJS.Worksheet, afterPosition: unknown, howMany: unknown, method: string): void {
  const { context, model } = env;
  const { grid, after, count } = insertion(env, sheet, afterPosition, howMany, 'columns', method);
  checkXlsxLimits(sheet, grid.maxRows, grid.maxColumns + count);
  if (after === grid.maxColumns) {
    grid.maxColumns += count;
    return;
  }
  const rightOf = (column: number) => column > after;
  const obstacles: string[] = [];
  const validated = Object.entries(validationModelOf(sheet)).filter(([, validation]) => validation);
  if (validated.some(([key]) => rightOf(columnNumber(/([A-Z]+)\d*$/i.exec(key)?.[1] ?? 'A')))) {
    obstacles.push('data validation');
  }
  if (conditionalFormattingsOf(sheet).length > 0) {
    const rules = rulesFromXlsx(conditionalFormattingsOf(sheet), (a1) => {
      const rect = parseA1(a1, grid.maxRows, grid.maxColumns);
      return rect ? { sheet, ...rect } : undefined;
    });
    if (rules.some((rule) => rule.ranges.some((ref) => rightOf(ref.column + ref.numColumns - 1)))) obstacles.push('conditional formatting');
  }
  if (mergesOf(sheet).some((merge) => rightOf(merge.column + merge.numColumns - 1))) obstacles.push('merged cells');
  const protectedRects = model.state.protections
    .filter((protection) => protection.sheetName === sheet.name && protection.a1)
    .map((protection) => parseA1(protection.a1 as string, grid.maxRows, grid.maxColumns));
  if (protectedRects.some((rect) => !rect || rightOf(rect.column + rect.numColumns - 1))) obstacles.push('protected ranges');
  const chartRects = model.state.charts.flatMap((chart) => chart.ranges.filter((range) => range.sheetName === sheet.name));
  const chartAnchors = model.state.charts.filter((chart) => chart.sheetName === sheet.name).map((chart) => chart.position.column);
  if (
    chartRects.some((range) => {
      const rect = parseA1(range.a1, grid.maxRows, grid.maxColumns);
      return !rect || rightOf(rect.column + rect.numColumns - 1);
    }) ||
    chartAnchors.some(rightOf)
  ) {
    obstacles.push('embedded charts');
  }
  if (obstacles.length > 0) unavailable(context, 'Sheet', method, `columns to the right have ${obstacles.join(', ')}`);
  let cellsToTheRight = false;
  let formulas = false;
  // Over the cells the sheet holds: eachRow with includeEmpty would make every row up to the last
  // (a million of them when LibreOffice left a formatted row at 1,048,576).
  eachStoredCell(sheet, (cell, _row, column) => {
    if (column > after) cellsToTheRight = true;
    if (cell.type === 6 /* Formula */) formulas = true;
  });
  if (cellsToTheRight && formulas) unavailable(context, 'Sheet', method, 'moving cells of a sheet with formulas (their references would not follow)');
  if (cellsToTheRight) sheet.spliceColumns(after + 1, 0, ...Array.from({ length: count }, () => []));
  grid.maxColumns += count;
}
