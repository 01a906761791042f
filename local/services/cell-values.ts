/**
 * Cell contents between exceljs and Apps Script. Reading gives what Range.getValues would see
 * (numbers, booleans, text, date wall times, error text, a formula's cached result, '' for empty
 * and for the hidden cells of a merge); writing follows Range.setValues, which treats a string
 * the way Sheets treats typed input: '=…' is a formula, '123' a number, 'TRUE' a boolean,
 * '2024-09-27' a date, and a leading apostrophe or a plain-text ('@') cell keeps it as text.
 */
import ExcelJS from 'exceljs';
import { wallClockAsUtc, wallClockAt, wallClockOfUtcDate, type WallClock } from '../runtime/time-zones';
import { isDateFormat } from './number-format';
import { isDate, realmError, unavailable, type FakeContext } from './fake-object';

/** What a cell holds, as the runtime sees it before handing it to the bundle. */
export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; wall: WallClock }
  | { kind: 'error'; text: string }
  | { kind: 'uncalculated'; formula: string };

/** Apps Script's limit on one cell's text. */
const SHEETS_CELL_LIMIT = 50000;
/** Excel's limit on one cell's text. */
const XLSX_CELL_LIMIT = 32767;

/** Whether a cell is one of the hidden cells of a merge (not its top-left cell). */
export function isMergedAway(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
}

/**
 * The text of any cell value exceljs reads, as a person sees it: a string; rich text (LibreOffice
 * saves mixed Chinese/Latin text as runs of two fonts) and a hyperlink as their plain text; a
 * formula or shared formula as its cached result; an error as its code; a date as ISO text; ''
 * for empty. The one place a cell's text is read in local/.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if (Array.isArray((value as ExcelJS.CellRichTextValue).richText)) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('');
  }
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  if ('text' in value) return cellText((value as { text: unknown }).text);
  return '';
}

function readScalar(value: unknown): CellReading {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (value instanceof Date) return { kind: 'date', wall: wallClockOfUtcDate(value) };
  if (typeof value === 'object' && 'error' in value) return { kind: 'error', text: String((value as ExcelJS.CellErrorValue).error) };
  return { kind: 'text', value: cellText(value) };
}

/** What a cell holds (undefined: a cell never written). */
export function readCell(cell: ExcelJS.Cell | undefined): CellReading {
  if (!cell || isMergedAway(cell)) return { kind: 'empty' };
  const value = cell.value;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return { kind: 'uncalculated', formula: cell.formula };
    return readScalar(result);
  }
  return readScalar(value);
}

/** The formula of a cell with its '=' (as Range.getFormulas gives it), or ''. */
export function readFormula(cell: ExcelJS.Cell | undefined): string {
  if (!cell || isMergedAway(cell)) return '';
  const value = cell.value;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = cell.formula;
    return formula ? `=${formula}` : '';
  }
  return '';
}

/** The text of a cell's note, or ''. */
export function readNote(cell: ExcelJS.Cell | undefined): string {
  const note = cell?.note;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => run.text).join('');
}

/** What to store in a cell: an exceljs value and, when the value needs one, a number format. */
export interface CellContent {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TEXT = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

function dateContent(wall: WallClock, currentFormat: string | undefined, defaultFormat: string): CellContent {
  const value = new Date(wallClockAsUtc(wall));
  return isDateFormat(currentFormat) ? { value } : { value, numFmt: defaultFormat };
}

/** A string as Sheets stores typed input. */
function contentOfText(text: string, currentFormat: string | undefined): CellContent {
  if (currentFormat === '@') return { value: text };
  if (text.startsWith('=') && text.length > 1) return { value: { formula: text.slice(1) } as ExcelJS.CellFormulaValue };
  if (text.startsWith("'")) return { value: text.slice(1) === '' ? null : text.slice(1) };
  if (NUMBER_TEXT.test(text)) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const date = DATE_TEXT.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[3]), Number(date[4])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      const wall = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
      return dateContent(wall, currentFormat, date[2] === '/' ? 'yyyy/m/d' : 'yyyy-mm-dd');
    }
  }
  return { value: text };
}

/**
 * What a value from the bundle becomes in a cell, as Range.setValues stores it. `method` names the
 * caller in error messages; `currentFormat` is the cell's number format.
 */
export function cellContentOf(
  context: FakeContext,
  input: unknown,
  timeZone: string,
  currentFormat: string | undefined,
  method: string,
): CellContent {
  if (input === null || input === undefined || input === '') return { value: null };
  if (typeof input === 'boolean') return { value: input };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) unavailable(context, 'Range', method, `the number ${input}`);
    return { value: input };
  }
  if (isDate(input)) {
    const instant = input.getTime();
    if (Number.isNaN(instant)) unavailable(context, 'Range', method, 'an invalid Date');
    const wall = wallClockAt(instant, timeZone);
    const midnight = wall.hour === 0 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0;
    return dateContent(wall, currentFormat, midnight ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
  }
  if (typeof input === 'string') {
    if (input.length > SHEETS_CELL_LIMIT) {
      throw realmError(context, `Your input contains more than the maximum of ${SHEETS_CELL_LIMIT} characters in a single cell.`);
    }
    if (input.length > XLSX_CELL_LIMIT) {
      unavailable(context, 'Range', method, `text over ${XLSX_CELL_LIMIT} characters cannot be stored in .xlsx`);
    }
    return contentOfText(input, currentFormat);
  }
  return unavailable(context, 'Range', method, `a value of type ${typeof input}`);
}

/** Stores content in a cell, giving it a new style object when its number format changes. */
export function writeCell(cell: ExcelJS.Cell, content: CellContent): void {
  cell.value = content.value;
  if (content.numFmt !== undefined && cell.numFmt !== content.numFmt) {
    cell.style = { ...cell.style, numFmt: content.numFmt };
  }
}
