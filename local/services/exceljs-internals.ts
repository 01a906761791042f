/**
 * The parts of exceljs 4.4 the runtime needs that its type definitions leave out: a sheet's data
 * validations, conditional formattings, merges and tab order, the cells it holds, and removing a
 * cell's note. Kept
 * in one place so an exceljs upgrade has one file to check.
 */
import type ExcelJS from 'exceljs';
import type { GridRect } from './a1-notation';

/**
 * A sheet's data validations, keyed by a cell ('B2') or a rectangle ('B2:B1000'). exceljs itself
 * keys them by cell; the runtime reads files without expanding rectangles (see xlsx-file.ts) and
 * writes rectangles, which exceljs then writes as they are.
 */
export interface SheetValidations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

interface WorksheetInternals {
  dataValidations: SheetValidations;
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  orderNo: number;
  _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } } | undefined>;
}

/**
 * Calls `visit` for each cell the sheet holds (with or without a value), row by row, without
 * making the missing rows and cells that exceljs's own eachRow/eachCell with includeEmpty make.
 */
export function eachStoredCell(sheet: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, row: number, column: number) => void): void {
  const rows = (sheet as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((row, rowIndex) => {
    (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] } | undefined)?._cells.forEach((cell, columnIndex) => {
      if (cell) visit(cell, rowIndex + 1, columnIndex + 1);
    });
  });
}

function internals(sheet: ExcelJS.Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}

/** A sheet's data validations by cell or rectangle. */
export function validationModelOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return internals(sheet).dataValidations.model;
}

/** A sheet's conditional formattings, in file order. */
export function conditionalFormattingsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return internals(sheet).conditionalFormattings ?? [];
}

/** Replaces a sheet's conditional formattings. */
export function setConditionalFormattings(sheet: ExcelJS.Worksheet, formattings: ExcelJS.ConditionalFormattingOptions[]): void {
  internals(sheet).conditionalFormattings = formattings;
}

/** Sets a sheet's place among the tabs (0 first). */
export function setTabOrder(sheet: ExcelJS.Worksheet, orderNo: number): void {
  internals(sheet).orderNo = orderNo;
}

/** The merges of a sheet, as rectangles (exceljs keeps them by top-left address). */
export function mergesOf(sheet: ExcelJS.Worksheet): GridRect[] {
  return Object.values(internals(sheet)._merges ?? {})
    .filter((merge): merge is NonNullable<typeof merge> => Boolean(merge))
    .map(({ model }) => ({ row: model.top, column: model.left, numRows: model.bottom - model.top + 1, numColumns: model.right - model.left + 1 }));
}

/**
 * Removes a cell's note. Assigning '' or undefined to `note` would leave an empty comment, and a
 * note read from a file is also kept in the cell value's model, which is what exceljs writes.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}
