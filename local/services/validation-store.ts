/**
 * Where a sheet's data validations live: exceljs's validation model, keyed by rectangles ('C2:C1000')
 * or single cells. Setting validations on a range cuts that range out of the rectangles it overlaps
 * and adds it back as few rectangles as possible, so a whole-column rule stays one entry (exceljs
 * would otherwise hold a million entries for it, and its own merging of per-cell entries can write
 * overlapping ranges).
 */
import type ExcelJS from 'exceljs';
import { cellA1, parseA1, rectA1, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, type GridRect } from './a1-notation';
import { validationModelOf } from './exceljs-internals';
import { intersects } from './workbook-model';


function rectOfKey(key: string): GridRect | undefined {
  return parseA1(key, XLSX_MAX_ROWS, XLSX_MAX_COLUMNS); // Excel's grid, within which every stored key is read
}

/** The validation of one cell, or undefined. */
export function validationAt(sheet: ExcelJS.Worksheet, row: number, column: number): ExcelJS.DataValidation | undefined {
  const model = validationModelOf(sheet);
  const single = model[cellA1(row, column)];
  if (single) return single;
  for (const [key, validation] of Object.entries(model)) {
    if (!validation || !key.includes(':')) continue;
    const rect = rectOfKey(key);
    if (rect && intersects(rect, { row, column, numRows: 1, numColumns: 1 })) return validation;
  }
  return undefined;
}

/** The parts of `outer` outside `hole`: up to four rectangles (above, below, left, right). */
function subtract(outer: GridRect, hole: GridRect): GridRect[] {
  const outerBottom = outer.row + outer.numRows - 1;
  const outerRight = outer.column + outer.numColumns - 1;
  const top = Math.max(outer.row, hole.row);
  const bottom = Math.min(outerBottom, hole.row + hole.numRows - 1);
  const left = Math.max(outer.column, hole.column);
  const right = Math.min(outerRight, hole.column + hole.numColumns - 1);
  const pieces: GridRect[] = [];
  if (top > outer.row) pieces.push({ row: outer.row, column: outer.column, numRows: top - outer.row, numColumns: outer.numColumns });
  if (bottom < outerBottom) pieces.push({ row: bottom + 1, column: outer.column, numRows: outerBottom - bottom, numColumns: outer.numColumns });
  if (left > outer.column) pieces.push({ row: top, column: outer.column, numRows: bottom - top + 1, numColumns: left - outer.column });
  if (right < outerRight) pieces.push({ row: top, column: right + 1, numRows: bottom - top + 1, numColumns: outerRight - right });
  return pieces;
}

/**
 * Sets the validations of a range: `pick(i, j)` gives the validation of the cell i rows and j
 * columns into it (undefined: none). Equal neighbours in a column share one rectangle.
 */
export function setValidations(
  sheet: ExcelJS.Worksheet,
  range: GridRect,
  pick: (i: number, j: number) => ExcelJS.DataValidation | undefined,
): void {
  const model = validationModelOf(sheet);
  for (const [key, validation] of Object.entries(model)) {
    const rect = rectOfKey(key);
    if (!rect || !intersects(rect, range)) continue;
    delete model[key];
    if (validation) for (const piece of subtract(rect, range)) model[rectA1(piece)] = validation;
  }
  const first = pick(0, 0);
  let uniform = true;
  for (let i = 0; i < range.numRows && uniform; i += 1) {
    for (let j = 0; j < range.numColumns && uniform; j += 1) uniform = pick(i, j) === first;
  }
  if (uniform) {
    if (first) model[rectA1(range)] = { ...first };
    return;
  }
  for (let j = 0; j < range.numColumns; j += 1) {
    let start = 0;
    for (let i = 1; i <= range.numRows; i += 1) {
      const current = pick(start, j);
      if (i < range.numRows && pick(i, j) === current) continue;
      if (current) model[rectA1({ row: range.row + start, column: range.column + j, numRows: i - start, numColumns: 1 })] = { ...current };
      start = i;
    }
  }
}
