/**
 * The 工作室 sheet (三（三）) read once into StudioRow values for the studio check and the
 * statistics: one getValues call whatever the number of rows; every cell that cannot be used is
 * a Chinese problem naming the row and the value, and a missing sheet is one problem, not an error.
 * The studio check also reads 推荐名单 once (姓名, 申报类别, 状态 of each row, for the hosts) and
 * writes the generated 工作室情况 sheet: cleared, then one setValues of the whole table.
 */
import { DEFAULT_PRESET, type Preset } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { readSelectionLevelSetting } from './settings-sheet';
import { checkStudios, nominationPeople, type StudioCheckContext, type StudioResult } from '../domain/studios/studio-checks';
import { STUDIO_REPORT_HEADERS, studioReportTable } from '../domain/studios/studio-report';
import { studioRowProblems, studioRowsFromCells, type StudioRow } from '../domain/studios/studio-rows';
import { generatedSheet } from './generated-sheet';
import { ensureColumns, ensureRows, NoHeaderRowError, nominationHeader, readCells, textCell } from './spreadsheet';

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

/** The rows of 推荐名单 the host check needs, read once; or why they cannot be read. */
export function readNominationPeople(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset = DEFAULT_PRESET): StudioCheckContext['nominations'] {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.nominations);
  if (!sheet) return { unavailable: `找不到工作表“${SHEET_NAMES.nominations}”` };
  const cells = readCells(sheet, spreadsheet.getSpreadsheetTimeZone());
  try {
    const header = nominationHeader(SHEET_NAMES.nominations, cells);
    return nominationPeople(cells, header.row, header.headers, preset);
  } catch (error) {
    if (error instanceof NoHeaderRowError) return { unavailable: error.message };
    throw error;
  }
}

/** What a studio check found: every studio and the 全市 entry last. */
export interface StudioCheckReport {
  studios: StudioResult[];
  /** Name of the sheet the table was written to. */
  reportSheet: string;
}

/**
 * Checks the 工作室 sheet against the preset and 推荐名单 (each read once) and writes 工作室情况
 * (cleared, then one setValues). The caller holds the document lock.
 */
export function checkStudioSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset = DEFAULT_PRESET): StudioCheckReport {
  const studios = readStudioResults(spreadsheet, preset);
  writeStudioReport(spreadsheet, studios);
  return { studios, reportSheet: SHEET_NAMES.studioReport };
}

/** Every studio's outcome (全市 last) from 工作室, 推荐名单 and 设置 (each read once), writing nothing (the sidebar's 工作室). */
export function readStudioResults(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset = DEFAULT_PRESET): StudioResult[] {
  const read = readStudioSheet(spreadsheet, preset);
  const nominations = readNominationPeople(spreadsheet, preset);
  const countyWorkbook = readSelectionLevelSetting(spreadsheet) === '县级';
  return checkStudios(read.rows, nominations, preset, { sheetProblems: read.sheetProblems, nominationSheet: SHEET_NAMES.nominations, countyWorkbook });
}

/** Writes the 工作室情况 sheet (created when missing): cleared, one setValues, header bold and frozen. */
function writeStudioReport(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, studios: readonly StudioResult[]): void {
  // Text a person typed (a studio's name, a host's name) is written as text, never as a formula.
  const table = studioReportTable(studios).map((row, index) => (index === 0 ? row : row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell))));
  const width = STUDIO_REPORT_HEADERS.length;
  const { sheet } = generatedSheet(spreadsheet, SHEET_NAMES.studioReport, STUDIO_REPORT_HEADERS[0]);
  sheet.clearContents();
  ensureColumns(sheet, width);
  ensureRows(sheet, table.length);
  sheet.getRange(1, 1, table.length, width).setValues(table);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}
