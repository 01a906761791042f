/**
 * The Range fake: a rectangle of one sheet of the .xlsx. Values cross into the bundle the way
 * Apps Script gives them — date cells become Dates of the bundle's realm at that wall time in the
 * spreadsheet's time zone — and setValues checks dimensions with Apps Script's wording.
 */
import type ExcelJS from 'exceljs';
import { instantOfWallClock } from '../runtime/time-zones';
import { cellA1, rectA1, type GridRect } from './a1-notation';
import { cellContentOf, isMergedAway, readCell, readFormula, readNote, writeCell, type CellContent } from './cell-values';
import { argbOf, hexOf } from './colors';
import {
  makeDataValidation,
  validationFromXlsx,
  validationToXlsx,
  type ValidationSpec,
} from './data-validation';
import {
  describeType,
  internalOf,
  makeFake,
  realmDate,
  realmError,
  unavailable,
  type FakeContext,
} from './fake-object';
import { mergesOf, removeNote } from './exceljs-internals';
import { formatDateForDisplay, formatNumberForDisplay } from './number-format';
import { setValidations, validationAt } from './validation-store';
import { makeProtection } from './protection';
import { makeSheet } from './sheet';
import { cellsOf, intersects, type RangeRef, type SpreadsheetEnv } from './workbook-model';

/** Checks that `data` is a grid of the range's size, with Apps Script's messages. */
function checkGrid(context: FakeContext, data: unknown, ref: GridRect, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw realmError(context, `The parameters (${describeType(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  const rows = data as unknown[][];
  if (rows.length !== ref.numRows) {
    throw realmError(
      context,
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${ref.numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== ref.numColumns) {
      throw realmError(
        context,
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${ref.numColumns}.`,
      );
    }
  }
  return rows;
}

/** The range behind a Range fake the bundle passed in. */
export function rangeRefOf(context: FakeContext, value: unknown, method: string): RangeRef {
  return internalOf<RangeRef>(context, value, 'Range', method);
}

/** A Range fake over a rectangle of a sheet (already checked against the grid). */
export function makeRange(env: SpreadsheetEnv, ref: RangeRef): unknown {
  const { context, model } = env;
  const sheet = ref.sheet;
  const timeZone = () => model.state.timeZone;
  const find = (row: number, column: number) => sheet.findCell(row, column);
  /**
   * Reads every cell of the range, row by row, into arrays made by `into` (the bundle's realm's
   * Array for what the bundle receives). Rows absent from the sheet cost no lookup of their cells.
   */
  const grid = <T>(read: (cell: ExcelJS.Cell | undefined, row: number, column: number) => T, into: ArrayConstructor = Array): T[][] => {
    const rows = new into(ref.numRows) as T[][];
    for (let i = 0; i < ref.numRows; i += 1) {
      const row = ref.row + i;
      const cells = sheet.findRow(row);
      const values = new into(ref.numColumns) as T[];
      for (let j = 0; j < ref.numColumns; j += 1) values[j] = read(cells?.findCell(ref.column + j), row, ref.column + j);
      rows[i] = values;
    }
    return rows;
  };
  const realmRows = <T>(read: (cell: ExcelJS.Cell | undefined, row: number, column: number) => T): T[][] =>
    grid(read, context.realm.Array as ArrayConstructor);
  const eachCell = (write: (cell: ExcelJS.Cell, i: number, j: number) => void) => {
    for (const { row, column, i, j } of cellsOf(ref)) write(sheet.getCell(row, column), i, j);
  };

  /** A cell's value as the bundle receives it. */
  const valueOf = (cell: ExcelJS.Cell | undefined, row: number, column: number): unknown => {
    const reading = readCell(cell);
    switch (reading.kind) {
      case 'empty':
        return '';
      case 'date':
        return realmDate(context, instantOfWallClock(reading.wall, timeZone()));
      case 'error':
        return reading.text;
      case 'uncalculated':
        // Google always has a result; a file saved by openpyxl or exceljs may not. Read as unknown
        // (blank), and tell the person once per run (WorkbookModel.uncalculatedHint).
        model.noteUncalculated(sheet, row, column);
        return '';
      default:
        return reading.value;
    }
  };

  /** A cell's displayed text. */
  const displayOf = (cell: ExcelJS.Cell | undefined, row: number, column: number, method: string): string => {
    const reading = readCell(cell);
    const format = cell?.numFmt;
    const at = `${sheet.name}!${rectA1({ row, column, numRows: 1, numColumns: 1 })}`;
    switch (reading.kind) {
      case 'empty':
        return '';
      case 'text':
        return reading.value;
      case 'boolean':
        return reading.value ? 'TRUE' : 'FALSE';
      case 'error':
        return reading.text;
      case 'number':
        return formatNumberForDisplay(reading.value, format) ?? unavailable(context, 'Range', method, `number format "${format}" at ${at}`);
      case 'date':
        return formatDateForDisplay(reading.wall, format ?? 'yyyy-mm-dd') ?? unavailable(context, 'Range', method, `number format "${format}" at ${at}`);
      case 'uncalculated':
        model.noteUncalculated(sheet, row, column);
        return '';
    }
  };

  /**
   * Converts all of `data` first, so a bad value leaves the sheet untouched, then writes. Clearing
   * a cell the sheet does not hold changes nothing, so no cell is made for it (a blank column
   * written over many empty rows stays cheap).
   */
  const writeContents = (data: unknown[][], convert: (input: unknown, cell: ExcelJS.Cell | undefined) => CellContent) => {
    const contents = grid((cell, row, column) => convert(data[row - ref.row]?.[column - ref.column], cell));
    for (let i = 0; i < ref.numRows; i += 1) {
      for (let j = 0; j < ref.numColumns; j += 1) {
        const content = contents[i]?.[j] as CellContent;
        const [row, column] = [ref.row + i, ref.column + j];
        const existing = sheet.findRow(row)?.findCell(column);
        if (!existing && content.value === null && content.numFmt === undefined) continue;
        const cell = existing ?? sheet.getCell(row, column);
        if (isMergedAway(cell)) continue; // Sheets keeps only the top-left value of a merge
        writeCell(cell, content);
      }
    }
  };

  const valueContent = (method: string) => (input: unknown, cell: ExcelJS.Cell | undefined) =>
    cellContentOf(context, input, timeZone(), cell?.numFmt, method);

  const formulaContent = (method: string) => (input: unknown, cell: ExcelJS.Cell | undefined): CellContent => {
    if (typeof input === 'string' && input.startsWith('=')) return { value: { formula: input.slice(1) } as ExcelJS.CellFormulaValue };
    return cellContentOf(context, input, timeZone(), cell?.numFmt, method);
  };

  const setNoteOf = (cell: ExcelJS.Cell, note: unknown) => {
    const text = note === null || note === undefined ? '' : String(note);
    if (text === '') removeNote(cell);
    else cell.note = text;
  };

  const validationOf = (row: number, column: number, method: string): unknown => {
    const validation = validationAt(sheet, row, column);
    if (!validation) return null;
    const spec = validationFromXlsx(validation);
    if ('unsupported' in spec) return unavailable(context, 'Range', method, `${spec.unsupported} at ${sheet.name}!${cellA1(row, column)}`);
    return makeDataValidation(context, spec);
  };

  /**
   * Sets (or, for null, removes) each cell's validation; all rules are converted before any is set.
   * One rule for the whole range is converted once, however many cells it covers.
   */
  const applyValidations = (pick: ((i: number, j: number) => unknown) | { all: unknown }, method: string) => {
    const converted = new Map<unknown, ReturnType<typeof validationToXlsx> | undefined>();
    const xlsxOf = (rule: unknown) => {
      if (rule === null || rule === undefined) return undefined;
      if (!converted.has(rule)) {
        const spec = internalOf<ValidationSpec>(context, rule, 'DataValidation', `Range.${method}`);
        converted.set(rule, validationToXlsx(context, spec, method));
      }
      return converted.get(rule);
    };
    if (typeof pick !== 'function') {
      const rule = xlsxOf(pick.all);
      setValidations(sheet, ref, () => rule);
      return;
    }
    const rules = [...cellsOf(ref)].map(({ i, j }) => xlsxOf(pick(i, j)));
    setValidations(sheet, ref, (i, j) => rules[i * ref.numColumns + j]);
  };

  const restyle = (cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>) => {
    cell.style = change({ ...cell.style });
  };

  const setFill = (cell: ExcelJS.Cell, argb: string | null) =>
    restyle(cell, (style) => {
      if (argb === null) delete style.fill;
      else style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      return style;
    });

  const setBold = (cell: ExcelJS.Cell, weight: unknown, method: string) => {
    if (weight !== null && weight !== 'bold' && weight !== 'normal') unavailable(context, 'Range', method, `font weight "${String(weight)}"`);
    restyle(cell, (style) => ({ ...style, font: { ...style.font, bold: weight === 'bold' } }));
  };

  const setFormat = (cell: ExcelJS.Cell, format: unknown) =>
    restyle(cell, (style) => ({ ...style, numFmt: String(format) }));

  /**
   * Merges rectangles as Sheets does: merges wholly inside one are absorbed, a merge reaching
   * partly outside is refused with Sheets' message, and only the top-left value is kept.
   */
  const mergeRects = (rects: GridRect[]) => {
    const existing = mergesOf(sheet);
    for (const rect of rects) {
      for (const merge of existing.filter((other) => intersects(other, rect))) {
        const inside = merge.row >= rect.row && merge.column >= rect.column &&
          merge.row + merge.numRows <= rect.row + rect.numRows && merge.column + merge.numColumns <= rect.column + rect.numColumns;
        if (!inside) throw realmError(context, 'You must select all cells in a merged range to merge or unmerge them.');
      }
    }
    for (const rect of rects) {
      for (const merge of mergesOf(sheet).filter((other) => intersects(other, rect))) sheet.unMergeCells(rectA1(merge));
      if (rect.numRows > 1 || rect.numColumns > 1) sheet.mergeCells(rect.row, rect.column, rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1);
    }
  };

  const setAlignment = (cell: ExcelJS.Cell, change: Partial<ExcelJS.Alignment>) =>
    restyle(cell, (style) => ({ ...style, alignment: { ...style.alignment, ...change } }));

  const offsetRef = (rect: GridRect): unknown => {
    model.checkRect(context, sheet, rect);
    return makeRange(env, { sheet, ...rect });
  };

  return makeFake(
    context,
    'Range',
    (self) => ({
      getValues: () => realmRows((cell, row, column) => valueOf(cell, row, column)),
      getValue: () => valueOf(find(ref.row, ref.column), ref.row, ref.column),
      getDisplayValues: () => realmRows((cell, row, column) => displayOf(cell, row, column, 'getDisplayValues')),
      getDisplayValue: () => displayOf(find(ref.row, ref.column), ref.row, ref.column, 'getDisplayValue'),
      setValues(values: unknown) {
        writeContents(checkGrid(context, values, ref, 'setValues'), valueContent('setValues'));
        return self;
      },
      setValue(value: unknown) {
        writeContents(grid(() => value), valueContent('setValue'));
        return self;
      },
      getFormulas: () => realmRows((cell) => readFormula(cell)),
      getFormula: () => readFormula(find(ref.row, ref.column)),
      setFormulas(formulas: unknown) {
        writeContents(checkGrid(context, formulas, ref, 'setFormulas'), formulaContent('setFormulas'));
        return self;
      },
      setFormula(formula: unknown) {
        writeContents(grid(() => formula), formulaContent('setFormula'));
        return self;
      },
      getNotes: () => realmRows((cell) => readNote(cell)),
      getNote: () => readNote(find(ref.row, ref.column)),
      setNotes(notes: unknown) {
        const rows = checkGrid(context, notes, ref, 'setNotes');
        for (let i = 0; i < ref.numRows; i += 1) {
          for (let j = 0; j < ref.numColumns; j += 1) {
            const note = rows[i]?.[j];
            const existing = sheet.findRow(ref.row + i)?.findCell(ref.column + j);
            if (existing) setNoteOf(existing, note);
            else if (note !== null && note !== undefined && note !== '') setNoteOf(sheet.getCell(ref.row + i, ref.column + j), note);
          }
        }
        return self;
      },
      setNote(note: unknown) {
        eachCell((cell) => setNoteOf(cell, note));
        return self;
      },
      clearNote() {
        eachCell((cell) => setNoteOf(cell, ''));
        return self;
      },
      getDataValidation: () => validationOf(ref.row, ref.column, 'getDataValidation'),
      getDataValidations: () => realmRows((_cell, row, column) => validationOf(row, column, 'getDataValidations')),
      setDataValidation(rule: unknown) {
        applyValidations({ all: rule }, 'setDataValidation');
        return self;
      },
      setDataValidations(rules: unknown) {
        const rows = checkGrid(context, rules, ref, 'setDataValidations');
        applyValidations((i, j) => rows[i]?.[j], 'setDataValidations');
        return self;
      },
      clearDataValidations() {
        applyValidations({ all: null }, 'clearDataValidations');
        return self;
      },
      getBackground() {
        const fill = find(ref.row, ref.column)?.fill as ExcelJS.FillPattern | undefined;
        return hexOf(fill?.fgColor?.argb) ?? '#ffffff';
      },
      setBackground(color: unknown) {
        const argb = argbOf(context, color, 'Range', 'setBackground');
        eachCell((cell) => setFill(cell, argb));
        return self;
      },
      setBackgrounds(colors: unknown) {
        const rows = checkGrid(context, colors, ref, 'setBackgrounds');
        const argbs = rows.map((row) => row.map((color) => argbOf(context, color, 'Range', 'setBackgrounds')));
        eachCell((cell, i, j) => setFill(cell, argbs[i]?.[j] ?? null));
        return self;
      },
      setFontWeight(weight: unknown) {
        eachCell((cell) => setBold(cell, weight, 'setFontWeight'));
        return self;
      },
      setFontWeights(weights: unknown) {
        const rows = checkGrid(context, weights, ref, 'setFontWeights');
        eachCell((cell, i, j) => setBold(cell, rows[i]?.[j] ?? null, 'setFontWeights'));
        return self;
      },
      setNumberFormat(format: unknown) {
        eachCell((cell) => setFormat(cell, format));
        return self;
      },
      setNumberFormats(formats: unknown) {
        const rows = checkGrid(context, formats, ref, 'setNumberFormats');
        eachCell((cell, i, j) => setFormat(cell, rows[i]?.[j]));
        return self;
      },
      getRow: () => ref.row,
      getRowIndex: () => ref.row,
      getColumn: () => ref.column,
      getLastRow: () => ref.row + ref.numRows - 1,
      getLastColumn: () => ref.column + ref.numColumns - 1,
      getNumRows: () => ref.numRows,
      getNumColumns: () => ref.numColumns,
      getHeight: () => ref.numRows,
      getWidth: () => ref.numColumns,
      getA1Notation: () => rectA1(ref),
      getSheet: () => makeSheet(env, sheet),
      getGridId: () => sheet.id,
      offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown) {
        return offsetRef({
          row: ref.row + Number(rowOffset),
          column: ref.column + Number(columnOffset),
          numRows: numRows === undefined ? ref.numRows : Number(numRows),
          numColumns: numColumns === undefined ? ref.numColumns : Number(numColumns),
        });
      },
      activate() {
        model.activate(sheet);
        model.selection = ref;
        return self;
      },
      clearContent() {
        eachCell((cell) => {
          if (!isMergedAway(cell)) cell.value = null;
        });
        return self;
      },
      clearFormat() {
        eachCell((cell) => {
          cell.style = {};
        });
        return self;
      },
      clear() {
        eachCell((cell) => {
          if (!isMergedAway(cell)) cell.value = null;
          cell.style = {};
        });
        return self;
      },
      getMergedRanges: () =>
        context.realm.Array.from(
          mergesOf(sheet).filter((merge) => intersects(merge, ref)),
          (merge) => makeRange(env, { sheet, ...merge }),
        ),
      isPartOfMerge: () => mergesOf(sheet).some((merge) => intersects(merge, ref)),
      merge() {
        mergeRects([ref]);
        return self;
      },
      mergeAcross() {
        mergeRects(Array.from({ length: ref.numRows }, (_, i) => ({ row: ref.row + i, column: ref.column, numRows: 1, numColumns: ref.numColumns })));
        return self;
      },
      breakApart() {
        const merges = mergesOf(sheet).filter((merge) => intersects(merge, ref));
        if (merges.some((merge) => merge.row < ref.row || merge.column < ref.column ||
          merge.row + merge.numRows > ref.row + ref.numRows || merge.column + merge.numColumns > ref.column + ref.numColumns)) {
          throw realmError(context, 'You must select all cells in a merged range to merge or unmerge them.');
        }
        for (const merge of merges) sheet.unMergeCells(rectA1(merge));
        return self;
      },
      setWrap(isWrapEnabled: unknown) {
        if (typeof isWrapEnabled !== 'boolean') unavailable(context, 'Range', 'setWrap', `the value ${String(isWrapEnabled)}`);
        if (ref.row + ref.numRows - 1 < model.grid(sheet).maxRows) {
          eachCell((cell) => setAlignment(cell, { wrapText: isWrapEnabled }));
          return self;
        }
        // Down to the grid's last row: the column's own style (an .xlsx <col> style, which cells
        // created later take), and the cells that already exist in the range.
        for (let column = ref.column; column < ref.column + ref.numColumns; column += 1) {
          const xlsxColumn = sheet.getColumn(column);
          xlsxColumn.style = { ...xlsxColumn.style, alignment: { ...xlsxColumn.style?.alignment, wrapText: isWrapEnabled } };
          sheet.eachRow((row, rowNumber) => {
            const cell = rowNumber >= ref.row ? row.findCell(column) : undefined;
            if (cell) setAlignment(cell, { wrapText: isWrapEnabled });
          });
        }
        return self;
      },
      setHorizontalAlignment(alignment: unknown) {
        if (alignment !== 'left' && alignment !== 'center' && alignment !== 'right') unavailable(context, 'Range', 'setHorizontalAlignment', `alignment ${String(alignment)}`);
        eachCell((cell) => setAlignment(cell, { horizontal: alignment }));
        return self;
      },
      protect() {
        const stored = { type: 'RANGE' as const, sheetName: sheet.name, a1: rectA1(ref), description: '', warningOnly: false };
        model.state.protections.push(stored);
        return makeProtection(context, model.state, stored, () => self);
      },
    }),
    {
      internal: ref,
      costs: {
        getValues: 'read', getValue: 'read', getDisplayValues: 'read', getDisplayValue: 'read',
        getFormulas: 'read', getFormula: 'read', getNotes: 'read', getNote: 'read',
        getDataValidation: 'read', getDataValidations: 'read', getBackground: 'read',
        getMergedRanges: 'read', isPartOfMerge: 'read',
        setValues: 'write', setValue: 'write', setFormulas: 'write', setFormula: 'write',
        setNotes: 'write', setNote: 'write', clearNote: 'write',
        setDataValidation: 'write', setDataValidations: 'write', clearDataValidations: 'write',
        setBackground: 'write', setBackgrounds: 'write', setFontWeight: 'write', setFontWeights: 'write',
        setNumberFormat: 'write', setNumberFormats: 'write',
        clearContent: 'write', clearFormat: 'write', clear: 'write', protect: 'write',
        merge: 'write', mergeAcross: 'write', breakApart: 'write', setWrap: 'write', setHorizontalAlignment: 'write',
      },
    },
  );
}
