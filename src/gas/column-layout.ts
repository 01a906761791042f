/**
 * The look of the columns the add-on creates: output columns added at the right end of the header
 * row (SPEC §2) — refused with a Chinese explanation when a merged header cell hides one — their
 * widths and wrap (src/domain/column-layout; only columns still at Sheets' default width are sized,
 * so a width a person set is never changed), and the frozen rows and columns that keep the header
 * row and 姓名 in view beside the verdict.
 */
import { COLUMN_LOOKS, DEFAULT_COLUMN_WIDTH, FREEZE_NAME_MAX_COLUMN } from '../domain/column-layout';
import { OUTPUT_COLUMNS } from '../domain/nomination/fields';
import { ensureColumns, type NominationHeader } from './spreadsheet';

/** A column by its header text and 1-based position. */
export interface PlacedColumn {
  header: string;
  column: number;
}

/**
 * Gives columns their width (and wrap below the header row) from COLUMN_LOOKS, where they are
 * still at the default width; returns what changed, for the official.
 */
export function applyColumnLooks(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, columns: readonly PlacedColumn[]): string[] {
  const changes: string[] = [];
  for (const { header, column } of columns) {
    const look = COLUMN_LOOKS[header];
    if (!look || sheet.getColumnWidth(column) !== DEFAULT_COLUMN_WIDTH) continue;
    sheet.setColumnWidth(column, look.width);
    const rows = sheet.getMaxRows() - headerRow;
    if (look.wrap && rows > 0) sheet.getRange(headerRow + 1, column, rows, 1).setWrap(true);
    changes.push(`“${header}”列宽${look.width}像素${look.wrap ? '、自动换行' : ''}`);
  }
  return changes;
}

/**
 * Freezes the rows down to the header row and the columns up to 姓名 (when it is among the first
 * few), where nothing is frozen yet. Sheets refuses to freeze through a merged cell, so such a
 * merge is named instead. Returns what changed or why not.
 */
export function freezeHeaderAndName(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, nameColumn: number | undefined): string[] {
  const changes: string[] = [];
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (sheet.getFrozenRows() === 0 && headerRow < maxRows) {
    const crossing = sheet
      .getRange(headerRow, 1, 2, maxColumns)
      .getMergedRanges()
      .find((merge) => merge.getRow() <= headerRow && merge.getLastRow() > headerRow);
    if (crossing) {
      changes.push(`未冻结表头：合并单元格 ${crossing.getA1Notation()} 跨过了第${headerRow}行（表头）的下边线`);
    } else {
      sheet.setFrozenRows(headerRow);
      changes.push(headerRow === 1 ? '冻结表头' : `冻结第1至${headerRow}行（标题和表头）`);
    }
  }
  if (nameColumn !== undefined && nameColumn <= FREEZE_NAME_MAX_COLUMN && nameColumn < maxColumns && sheet.getFrozenColumns() === 0) {
    const crossing = sheet
      .getRange(1, nameColumn, maxRows, 2)
      .getMergedRanges()
      .find((merge) => merge.getColumn() <= nameColumn && merge.getLastColumn() > nameColumn);
    if (crossing) {
      changes.push(`未冻结“姓名”列：合并单元格 ${crossing.getA1Notation()} 跨过了“姓名”列的右边线（Google 表格不能穿过合并单元格冻结）`);
    } else {
      sheet.setFrozenColumns(nameColumn);
      changes.push('冻结至“姓名”列');
    }
  }
  return changes;
}

/** What adding output columns did: each new column's 0-based index, and notes for the official. */
export interface AddedOutputs {
  columns: Record<string, number>;
  /** Output columns that had been there and were recreated (renamed, deleted or merged away). */
  notes: string[];
  /** Widths, wrap and frozen panes set (or why not), as initialising reports them. */
  layoutChanges: string[];
}

/**
 * Creates the missing output columns at the right end of the header row (after any merge that
 * reaches past the last header): one write for their headers, then their width and the frozen
 * panes. Before anything is written, a merged header cell over an output column (which hides the
 * header of its neighbour) stops the run with a message naming the cell and what to do.
 */
export function addOutputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: NominationHeader, width: number, missing: readonly string[]): AddedOutputs {
  const added: AddedOutputs = { columns: {}, notes: [], layoutChanges: [] };
  if (missing.length === 0) return added;
  const found = Object.entries(header.headers.outputs) as [string, number][];
  const merges = sheet.getRange(header.row, 1, 1, sheet.getMaxColumns()).getMergedRanges().filter((merge) => merge.getNumColumns() > 1);
  for (const merge of merges) {
    const covered = found.filter(([, column]) => column + 1 >= merge.getColumn() && column + 1 <= merge.getLastColumn()).map(([name]) => name);
    if (covered.length === 0) continue;
    const a1 = merge.getA1Notation();
    throw new Error(
      `工作表“${sheet.getName()}”第${header.row}行的表头单元格 ${a1} 是合并单元格，盖住了输出列“${covered.join('”“')}”旁边的表头。` +
        `输出列（${OUTPUT_COLUMNS.join('、')}）每列都要有自己的表头单元格：请选中 ${a1}，取消合并（格式 → 合并单元格 → 取消合并），` +
        `在空出的单元格填回原来的列名（如“${missing[0]}”），然后重新运行。本次没有写入任何内容。`,
    );
  }
  const start = Math.max(width, ...merges.map((merge) => merge.getLastColumn()));
  ensureColumns(sheet, start + missing.length);
  sheet.getRange(header.row, start + 1, 1, missing.length).setValues([[...missing]]);
  missing.forEach((name, index) => {
    added.columns[name] = start + index;
    if (found.length > 0) added.notes.push(`没有找到输出列“${name}”（可能被改名、删除或合并），已在第${start + index + 1}列重新建立`);
  });
  const name = header.headers.columns.name;
  added.layoutChanges.push(
    ...freezeHeaderAndName(sheet, header.row, name === undefined ? undefined : name + 1),
    ...applyColumnLooks(sheet, header.row, missing.map((output, index) => ({ header: output, column: start + index + 1 }))),
  );
  return added;
}
