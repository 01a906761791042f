/**
 * The Spreadsheet fake: the .xlsx workbook as SpreadsheetApp.getActiveSpreadsheet() gives it —
 * its sheets (never the hidden _banzhuren sheet), time zone, name and id, the active sheet and
 * selection (which the runtime sets for a command), and toasts printed for the person running it.
 */
import type ExcelJS from 'exceljs';
import { isKnownTimeZone } from '../runtime/time-zones';
import { parseA1, splitSheetName } from './a1-notation';
import { dropChartSheet } from './charts';
import { internalOf, makeFake, realmArray, realmError, unavailable } from './fake-object';
import { makeRange } from './range';
import { makeSheet } from './sheet';
import type { SpreadsheetEnv } from './workbook-model';

/** The name Sheets (in Chinese) gives the n-th new sheet. */
function defaultSheetName(env: SpreadsheetEnv): string {
  for (let n = env.model.sheets().length + 1; ; n += 1) {
    const name = `工作表${n}`;
    if (!env.model.sheetNameProblem(name)) return name;
  }
}

/** The Selection fake: the active range and sheet. */
export function makeSelection(env: SpreadsheetEnv): unknown {
  const { context, model } = env;
  return makeFake(context, 'Selection', () => ({
    getActiveRange: () => makeRange(env, model.activeRange()),
    getActiveSheet: () => makeSheet(env, model.activeSheet()),
    getCurrentCell() {
      const { sheet, row, column } = model.activeRange();
      return makeRange(env, { sheet, row, column, numRows: 1, numColumns: 1 });
    },
  }));
}

/** The Spreadsheet fake over the runtime's workbook. */
export function makeSpreadsheet(env: SpreadsheetEnv): unknown {
  const { context, model } = env;
  const sheetOf = (value: unknown, method: string) =>
    internalOf<ExcelJS.Worksheet>(context, value, 'Sheet', `Spreadsheet.${method}`);

  return makeFake(
    context,
    'Spreadsheet',
    () => ({
      getName: () => model.name,
      getId: () => model.state.spreadsheetId,
      // "Returns the URL for the given spreadsheet" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getUrl,
      // scope spreadsheets.currentonly): offline, the file:// URL of the .xlsx file.
      getUrl: () => model.url,
      getSheets: () => realmArray(context, model.sheets().map((sheet) => makeSheet(env, sheet))),
      getNumSheets: () => model.sheets().length,
      getSheetByName(name: unknown) {
        const sheet = model.sheetByName(String(name));
        return sheet ? makeSheet(env, sheet) : null;
      },
      getSheetById(id: unknown) {
        const sheet = model.sheets().find((candidate) => candidate.id === id);
        return sheet ? makeSheet(env, sheet) : null;
      },
      insertSheet(first?: unknown, second?: unknown, third?: unknown) {
        if (third !== undefined || (typeof first === 'object' && first !== null) || (typeof second === 'object' && second !== null)) {
          unavailable(context, 'Spreadsheet', 'insertSheet', 'options');
        }
        const name = typeof first === 'string' ? first : defaultSheetName(env);
        const index = typeof first === 'number' ? first : typeof second === 'number' ? second : undefined;
        const problem = model.sheetNameProblem(name);
        if (problem?.sheetsMessage) throw realmError(context, problem.sheetsMessage);
        if (problem?.xlsxProblem) unavailable(context, 'Spreadsheet', 'insertSheet', problem.xlsxProblem);
        const order = model.sheets();
        if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > order.length)) {
          unavailable(context, 'Spreadsheet', 'insertSheet', `index ${index} with ${order.length} sheets`);
        }
        const sheet = model.workbook.addWorksheet(name);
        order.splice(index ?? order.length, 0, sheet);
        model.reorder(order);
        model.activate(sheet);
        return makeSheet(env, sheet);
      },
      deleteSheet(sheetFake: unknown) {
        const sheet = sheetOf(sheetFake, 'deleteSheet');
        const others = model.sheets().filter((other) => other !== sheet);
        if (!others.some((other) => other.state === 'visible')) unavailable(context, 'Spreadsheet', 'deleteSheet', 'deleting the last visible sheet');
        model.state.protections = model.state.protections.filter((protection) => protection.sheetName !== sheet.name);
        model.state.charts = dropChartSheet(model.state.charts, sheet.name);
        model.workbook.removeWorksheet(sheet.id);
        model.reorder(others);
      },
      getSpreadsheetTimeZone: () => model.state.timeZone,
      setSpreadsheetTimeZone(timeZone: unknown) {
        const zone = String(timeZone);
        if (!isKnownTimeZone(zone)) unavailable(context, 'Spreadsheet', 'setSpreadsheetTimeZone', `time zone "${zone}"`);
        model.state.timeZone = zone;
      },
      getActiveSheet: () => makeSheet(env, model.activeSheet()),
      setActiveSheet(sheetFake: unknown) {
        const sheet = sheetOf(sheetFake, 'setActiveSheet');
        model.activate(sheet);
        return makeSheet(env, sheet);
      },
      getActiveRange: () => makeRange(env, model.activeRange()),
      // Every selected range (the runtime can select several), else the active range alone.
      getActiveRangeList: () => {
        const active = model.activeRange();
        const ranges = model.selectedRanges?.[0]?.sheet === active.sheet ? model.selectedRanges : [active];
        return makeFake(context, 'RangeList', () => ({ getRanges: () => realmArray(context, ranges.map((range) => makeRange(env, range))) }));
      },
      getSelection: () => makeSelection(env),
      getRange(notation: unknown) {
        const { sheetName, a1 } = splitSheetName(String(notation));
        const sheet = sheetName === undefined ? model.activeSheet() : model.sheetByName(sheetName);
        const grid = sheet ? model.grid(sheet) : undefined;
        const rect = sheet && grid ? parseA1(a1, grid.maxRows, grid.maxColumns) : undefined;
        if (!sheet || !rect) throw realmError(context, 'Range not found');
        model.checkRect(context, sheet, rect);
        return makeRange(env, { sheet, ...rect });
      },
      toast(message: unknown, title?: unknown) {
        const text = title === undefined || title === null || title === '' ? String(message) : `${String(title)}：${String(message)}`;
        model.ui.toasts.push(text);
        env.print(text);
      },
    }),
    { internal: model, costs: { insertSheet: 'write', deleteSheet: 'write', setSpreadsheetTimeZone: 'write' } },
  );
}
