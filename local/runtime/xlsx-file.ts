/**
 * Reading and writing .xlsx files with exceljs for the offline runtime: one clear Chinese error
 * naming the file when it is missing or unreadable, a new workbook shaped like a new Google
 * spreadsheet (one sheet, 工作表1), and saves that replace the file only once fully written and
 * on disk, keeping what exceljs alone would drop (see xlsx-preserve).
 * Also mends three losses of exceljs 4.4 (see patchExcelJs): zh-CN built-in date formats, range
 * validations expanded cell by cell, and notes on empty cells.
 */
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { chmodSync, chownSync, closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { forget, removeOnExitOrSignal } from './exit-cleanup';
import { fileAccessError } from './file-errors';
import { keepExactColumnWidths, keepInternalHyperlinks, restoreParts, type KeptPart } from './xlsx-preserve';
import { patchCommentParts } from './xlsx-comment-parts';
import { restoreDrawings, type KeptDrawing } from './xlsx-drawing-parts';
import { patchWriteMemory } from './xlsx-write-memory';

interface DefaultFormat {
  f?: string;
  'zh-cn'?: string;
}

interface CellModel {
  address: string;
  type: number;
  styleId?: number;
  comment?: unknown;
  style?: unknown;
}

interface RowModel {
  number: number;
  cells: CellModel[];
  style?: unknown;
}

interface XmlStream {
  leafNode(name: string, attributes: Record<string, unknown>): void;
}

interface ValidationsXform {
  model: Record<string, unknown>;
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: unknown };
  parseClose(name: string): boolean;
}

let patched = false;

/**
 * Changes to how exceljs reads and writes, each for a loss it would otherwise cause:
 * - built-in number formats that only have a locale form are read as their zh-CN form (else the
 *   dates of Chinese Excel and WPS read as plain numbers);
 * - a data validation over a range stays one entry keyed by the range (exceljs makes one entry per
 *   cell: a whole-column rule costs seconds and hundreds of MB);
 * - a note on an empty cell survives: exceljs neither writes such a cell nor reads a note whose
 *   cell is absent from the sheet data;
 * - comments stored under other part names (openpyxl's xl/comments/comment1.xml) are found
 *   (see xlsx-comment-parts.ts);
 * - a sheet being written is held as its XML, not as millions of pieces (see xlsx-write-memory.ts).
 */
function patchExcelJs(): void {
  if (patched) return;
  patched = true;
  patchCommentParts();
  patchWriteMemory();
  const load = createRequire(__filename);
  const numFmtXform = load('exceljs/lib/xlsx/xform/style/numfmt-xform') as { getDefaultFmtCode(id: number): string | undefined };
  const defaults = load('exceljs/lib/xlsx/defaultnumformats') as Record<string, DefaultFormat>;
  const originalFormat = numFmtXform.getDefaultFmtCode.bind(numFmtXform);
  numFmtXform.getDefaultFmtCode = (id: number) => originalFormat(id) ?? defaults[id]?.['zh-cn'];

  const validations = load('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as { prototype: ValidationsXform };
  const originalClose = validations.prototype.parseClose;
  validations.prototype.parseClose = function parseClose(this: ValidationsXform, name: string): boolean {
    if (name !== 'dataValidation') return originalClose.call(this, name);
    const validation = this._dataValidation;
    if (!validation.formulae || validation.formulae.length === 0) {
      delete validation.formulae;
      delete validation.operator;
    }
    for (const key of this._address.split(/\s+/).filter(Boolean)) {
      const [first = '', second] = key.replace(/\$/g, '').toUpperCase().split(':');
      this.model[second === undefined || second === first ? first : `${first}:${second}`] = validation;
    }
    return true;
  };

  const cells = load('exceljs/lib/xlsx/xform/sheet/cell-xform') as {
    prototype: { render(this: unknown, stream: XmlStream, model: CellModel, options: unknown): void };
  };
  const originalRender = cells.prototype.render;
  cells.prototype.render = function render(stream, model, options) {
    if (model.type === ExcelJS.ValueType.Null && !model.styleId && model.comment) {
      stream.leafNode('c', { r: model.address });
      return;
    }
    originalRender.call(this, stream, model, options);
  };

  const worksheets = load('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as {
    prototype: { reconcile(this: unknown, model: { rows: RowModel[] }, options: { commentsMap?: Record<string, unknown> }): void };
  };
  const originalReconcile = worksheets.prototype.reconcile;
  worksheets.prototype.reconcile = function reconcile(model, options) {
    originalReconcile.call(this, model, options);
    // exceljs reads a cell with neither value nor style as part of a merge, and then drops it.
    for (const cell of model.rows.flatMap((row) => row.cells)) {
      if (cell.type === ExcelJS.ValueType.Merge && cell.comment) cell.type = ExcelJS.ValueType.Null;
    }
    const present = new Set(model.rows.flatMap((row) => row.cells.map((cell) => cell.address)));
    for (const [address, comment] of Object.entries(options.commentsMap ?? {})) {
      if (present.has(address)) continue;
      const number = Number(/\d+$/.exec(address)?.[0]);
      let row = model.rows.find((candidate) => candidate.number === number);
      if (!row) {
        row = { number, cells: [], style: {} };
        model.rows.push(row);
      }
      row.cells.push({ address, type: ExcelJS.ValueType.Null, comment, style: {} });
    }
  };
}

/** A new workbook as Google makes a new spreadsheet: one empty sheet named 工作表1. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('工作表1');
  return workbook;
}

/** Reads an .xlsx file; a missing or unreadable file is one Chinese error naming it. */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  patchExcelJs();
  keepInternalHyperlinks();
  if (!existsSync(path)) throw new Error(`找不到文件：${path}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw fileAccessError(error, path, 'read') ?? new Error(`无法读取 ${path}：文件已损坏，或不是 Excel/WPS 保存的 .xlsx 文件`, { cause: error });
  }
  if (workbook.worksheets.length === 0) throw new Error(`无法读取 ${path}：文件中没有工作表`);
  return workbook;
}

/** Options of writeWorkbook. */
export interface WriteOptions {
  /** Package parts of the file that was read, which exceljs drops (see xlsx-preserve). */
  keptParts?: readonly KeptPart[];
  /** The drawings (charts) of the file that was read, by sheet, which exceljs drops (see xlsx-drawing-parts). */
  keptDrawings?: readonly KeptDrawing[];
  /** The file as the user named it, for messages (default: `path`). */
  shownPath?: string;
  /** Runs once the temporary copy is complete, just before it replaces the file (tests stop here). */
  beforeReplace?: (temporary: string) => Promise<void> | void;
}

/** How the runtime's temporary copies end, so that no one else's `.tmp` file is ever taken for one. */
export const TEMPORARY_SUFFIX = '.banzhuren.tmp';

/** The temporary copy a process writes before replacing `path`: `<path>.<pid>.banzhuren.tmp`. */
export function temporaryPathOf(path: string, pid: number = process.pid): string {
  return `${path}.${pid}${TEMPORARY_SUFFIX}`;
}

/**
 * Writes a workbook to `path` (a real path: symbolic links already resolved), replacing the file
 * only once the new one is complete and on disk, with the old file's permission bits (and owner,
 * when root saves it). The
 * temporary copy is removed on failure and if the process is stopped meanwhile.
 */
export async function writeWorkbook(workbook: ExcelJS.Workbook, path: string, options: WriteOptions = {}): Promise<void> {
  patchExcelJs();
  keepExactColumnWidths();
  keepInternalHyperlinks();
  const temporary = temporaryPathOf(path);
  let step: 'build' | 'write' = 'build';
  try {
    const written = new Uint8Array(await workbook.xlsx.writeBuffer());
    const bytes = await restoreDrawings(await restoreParts(written, options.keptParts ?? []), options.keptDrawings ?? []);
    step = 'write';
    const before = existsSync(path) ? statSync(path) : undefined;
    removeOnExitOrSignal(temporary);
    const fd = openSync(temporary, 'w', 0o666);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (before) {
      chmodSync(temporary, before.mode & 0o7777);
      // Root (sudo) saving someone's workbook must not leave it owned by root.
      if (process.getuid?.() === 0 && (before.uid !== 0 || before.gid !== 0)) chownSync(temporary, before.uid, before.gid);
    }
    await options.beforeReplace?.(temporary);
    renameSync(temporary, path);
    forget(temporary);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing written
    }
    forget(temporary);
    if (step === 'build') throw error;
    const shown = options.shownPath ?? path;
    throw fileAccessError(error, shown, 'write') ?? new Error(`无法写入 ${shown}：${(error as Error).message}`, { cause: error });
  }
}
