/**
 * A1 notation as Sheets reads it: 'B3', 'A1:C10', whole columns 'A:C', whole rows '2:5', ranges
 * open at the bottom 'A2:C', absolute markers '$A$1', and a sheet prefix "'My sheet'!A1:B2".
 */

/** The most rows an .xlsx sheet can hold (Excel's grid; Sheets' limits differ). */
export const XLSX_MAX_ROWS = 1_048_576;
/** The most columns an .xlsx sheet can hold (XFD). */
export const XLSX_MAX_COLUMNS = 16_384;

/** A rectangle of cells, 1-based. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** The 1-based column number of column letters (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** 'B3' of a cell. */
export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** 'A1' for one cell, 'A1:C3' otherwise. */
export function rectA1(rect: GridRect): string {
  const first = cellA1(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return first;
  return `${first}:${cellA1(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}

/** Splits "'My sheet'!A1:B2" into the sheet name and the A1 part; no prefix gives no sheet name. */
export function splitSheetName(notation: string): { sheetName?: string; a1: string } {
  const bang = notation.lastIndexOf('!');
  if (bang < 0) return { a1: notation };
  let sheetName = notation.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName, a1: notation.slice(bang + 1) };
}

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(text: string): Corner | undefined {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const corner: Corner = {};
  if (match[1]) corner.column = columnNumber(match[1]);
  if (match[2]) corner.row = Number(match[2]);
  if (corner.row === 0) return undefined;
  return corner;
}

/**
 * The rectangle of an A1 notation (without sheet prefix) on a grid of `maxRows` × `maxColumns`;
 * undefined when it is not A1 notation. Open sides run to the edge of the grid, as in Sheets.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect | undefined {
  const parts = a1.split(':');
  if (parts.length > 2) return undefined;
  const start = parseCorner(parts[0] ?? '');
  const end = parts.length === 2 ? parseCorner(parts[1] ?? '') : start;
  if (!start || !end) return undefined;
  // One cell must name both its row and its column; a range may leave sides open.
  if (parts.length === 1 && (start.row === undefined || start.column === undefined)) return undefined;
  const top = start.row ?? 1;
  const left = start.column ?? 1;
  const bottom = end.row ?? (start.row === undefined || end.column !== undefined ? maxRows : start.row);
  const right = end.column ?? maxColumns;
  if (start.column === undefined && end.column !== undefined) return undefined;
  const firstRow = Math.min(top, bottom);
  const lastRow = Math.max(top, bottom);
  const firstColumn = Math.min(left, right);
  const lastColumn = Math.max(left, right);
  return { row: firstRow, column: firstColumn, numRows: lastRow - firstRow + 1, numColumns: lastColumn - firstColumn + 1 };
}
