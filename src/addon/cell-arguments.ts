/**
 * How custom functions take their arguments: a single cell gives a single answer (an error is
 * thrown, so Sheets shows it); a range gives a range of the same shape, one answer per cell, where
 * a bad cell shows `错误：…` in its own place and the other cells still get their answers. Single
 * values broadcast against ranges; blank in, blank out.
 */

/** A custom-function argument: one cell's value, or a range's rows of values. */
export type CellArgument = unknown;

/** A problem with one cell's input, shown to the official as-is. */
export class CellInputError extends Error {
  override name = 'CellInputError';
}

/** Whether an argument is a range (rows of cells) rather than one value. */
export function isRange(argument: CellArgument): argument is unknown[][] {
  return Array.isArray(argument) && argument.every((row) => Array.isArray(row));
}

/** Reads the cell at (row, column) of an argument; single values and 1×1 ranges broadcast. */
function cellReader(argument: CellArgument): (row: number, column: number) => unknown {
  if (!isRange(argument)) return () => argument;
  if (argument.length === 1 && argument[0]?.length === 1) return () => argument[0]?.[0];
  return (row, column) => argument[row]?.[column];
}

/** The text a cell shows for an error thrown while computing it. */
export function errorText(error: unknown): string {
  return `错误：${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Applies `compute` to each cell position of the arguments. With no range among them, returns the
 * single answer (throwing its error); otherwise returns rows of answers of the ranges' shape.
 */
export function mapCells(argumentsList: CellArgument[], compute: (...cells: unknown[]) => unknown): unknown {
  const readers = argumentsList.map(cellReader);
  const ranges = argumentsList.filter(isRange).filter((range) => !(range.length === 1 && range[0]?.length === 1));
  if (ranges.length === 0) return compute(...readers.map((read) => read(0, 0)));
  const rows = ranges[0]?.length ?? 0;
  const columns = ranges[0]?.[0]?.length ?? 0;
  for (const range of ranges) {
    if (range.length !== rows || (range[0]?.length ?? 0) !== columns) {
      throw new CellInputError(`参数区域大小不一致：一个是${rows}行${columns}列，另一个是${range.length}行${range[0]?.length ?? 0}列`);
    }
  }
  const answers: unknown[][] = [];
  for (let row = 0; row < rows; row += 1) {
    const answerRow: unknown[] = [];
    for (let column = 0; column < columns; column += 1) {
      try {
        answerRow.push(compute(...readers.map((read) => read(row, column))));
      } catch (error) {
        answerRow.push(errorText(error));
      }
    }
    answers.push(answerRow);
  }
  return answers;
}

/** Whether a cell is blank ('' / null / undefined / spaces). */
export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Reads a whole number typed in a cell (a number, or digits as text, full-width allowed). */
export function readWholeNumber(value: unknown, what: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.normalize('NFKC').trim()) : NaN;
  if (!Number.isFinite(number)) throw new CellInputError(`${what}应为数字，收到“${String(value)}”`);
  return Math.trunc(number);
}
