/**
 * The sheets the add-on generates (履职情况, 工作室情况, 统计) are rewritten whole on every run. A sheet
 * of that name that a person made for something else must not be wiped without a word: an existing
 * sheet is taken only when it is empty or its first cell starts with the text the add-on itself
 * writes there; otherwise the run stops before writing anything, saying which sheet and why.
 */
import { quote } from '../domain/nomination/values';

/** A sheet of a generated sheet's name holds a person's own content: nothing was written. */
export class GeneratedSheetTakenError extends Error {
  override name = 'GeneratedSheetTakenError';
}

/** A generated sheet ready to be rewritten, with the values it held (one getValues; [] when created). */
export interface GeneratedSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  values: unknown[][];
}

/**
 * The sheet `name` to rewrite: created when missing; an existing one only when it is empty or its
 * first cell starts with `marker` (what the add-on writes in A1); else GeneratedSheetTakenError.
 */
export function generatedSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, marker: string): GeneratedSheet {
  const existing = spreadsheet.getSheetByName(name);
  if (!existing) return { sheet: spreadsheet.insertSheet(name), values: [] };
  const values = existing.getDataRange().getValues();
  const empty = values.every((row) => row.every((cell) => cell === '' || cell === null));
  const first = String(values[0]?.[0] ?? '');
  if (empty || first.startsWith(marker)) return { sheet: existing, values };
  const shown = first.length > 0 ? `第一格为“${quote(first.length > 30 ? `${first.slice(0, 30)}…` : first)}”` : '第一格为空而其他单元格有内容';
  throw new GeneratedSheetTakenError(
    `已有一张名为“${name}”的工作表，但它不是本程序生成的（${shown}）；为免覆盖其中的内容，本次没有写入任何内容。请把这张表改名后重试，程序会新建“${name}”`,
  );
}
