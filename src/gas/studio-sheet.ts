/**
 * The 工作室 sheet (三（三）) read once into StudioRow values for the studio check and the
 * statistics: one getValues call whatever the number of rows; every cell that cannot be used is
 * a Chinese problem naming the row and the value, and a missing sheet is one problem, not an error.
 */
import { DEFAULT_PRESET, type Preset } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { studioRowProblems, studioRowsFromCells, type StudioRow } from '../domain/studios/studio-rows';
import { readCells } from './spreadsheet';

/** The 工作室 rows and what cannot be used in them (sheet-level problems first, then row by row). */
export interface StudioSheetRead {
  rows: StudioRow[];
  /** The sheet or a column is missing, or no header row was found. */
  sheetProblems: string[];
  /** Blank or unreadable cells of single rows, naming row and value. */
  rowProblems: string[];
}

/** Reads the 工作室 sheet once, keeping sheet-level and row problems apart. */
export function readStudioSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset = DEFAULT_PRESET): StudioSheetRead {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.studios);
  if (!sheet) {
    return {
      rows: [],
      sheetProblems: [`找不到工作表“${SHEET_NAMES.studios}”：请先在菜单中运行“初始化表格”（或 banzhuren init），再按每人一行填写工作室名单`],
      rowProblems: [],
    };
  }
  const read = studioRowsFromCells(readCells(sheet, spreadsheet.getSpreadsheetTimeZone()), preset, SHEET_NAMES.studios);
  const rowProblems = read.rows.flatMap((row) => studioRowProblems(row, preset, SHEET_NAMES.studios).map((problem) => problem.message));
  return { rows: read.rows, sheetProblems: read.sheetProblems, rowProblems };
}

/** Reads the 工作室 sheet once: its rows, and every problem in Chinese naming the row and value. */
export function readStudioRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset = DEFAULT_PRESET): { rows: StudioRow[]; problems: string[] } {
  const read = readStudioSheet(spreadsheet, preset);
  return { rows: read.rows, problems: [...read.sheetProblems, ...read.rowProblems] };
}
