/**
 * The workbook behind the SpreadsheetApp fake: the exceljs workbook, its kept state, each sheet's
 * grid size (Sheets sheets have a fixed number of rows and columns, 1000 × 26 when new), the
 * active sheet and selection, and the checks Apps Script makes on ranges. Fakes of Spreadsheet,
 * Sheet and Range are thin views over this.
 */
import type ExcelJS from 'exceljs';
import { cellA1, type GridRect } from './a1-notation';
import { isMergedAway } from './cell-values';
import { eachStoredCell, setTabOrder } from './exceljs-internals';
import { realmError, unavailable, type FakeContext } from './fake-object';
import { STATE_SHEET_NAME, type WorkbookState } from './workbook-state';

/** Rows of a new Sheets sheet. */
export const NEW_SHEET_ROWS = 1000;
/** Columns of a new Sheets sheet. */
export const NEW_SHEET_COLUMNS = 26;

/** A rectangle on one sheet. */
export interface RangeRef extends GridRect {
  sheet: ExcelJS.Worksheet;
}

/** A menu the bundle added to the UI (recorded, never shown). */
export interface RecordedMenu {
  /** The menu's caption (for the add-on menu, the script project's name, as Sheets shows it: SCRIPT_PROJECT_NAME). */
  caption: string;
  /** Whether it is the add-on menu (createAddonMenu) rather than a menu of its own (createMenu). */
  addon: boolean;
  items: ({ caption: string; functionName: string } | { separator: true } | { subMenu: RecordedMenu })[];
}

/** What the Ui fake records and how it answers questions. */
export interface UiRecord {
  menus: RecordedMenu[];
  /** Each alert's text, in order. */
  alerts: string[];
  /** Each toast's text, in order. */
  toasts: string[];
  /** Each sidebar shown (Ui.showSidebar): its title and HTML, in order. */
  sidebars: { title: string; content: string }[];
  /** The answer to alerts asking a question (YES_NO, OK_CANCEL …); none means such alerts fail. */
  answer?: 'yes' | 'no';
  /** What the official types at each Ui.prompt, in order; a prompt with none left fails. */
  promptAnswers?: string[];
}

/** Everything the spreadsheet fakes share. */
export interface SpreadsheetEnv {
  context: FakeContext;
  model: WorkbookModel;
  /** Writes a line for the person running the command (stderr). */
  print(line: string): void;
}

/** How many cells the 提示 about formulas without calculated values lists by name. */
const UNCALCULATED_LISTED = 10;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN_SHEET_NAME = /[[\]:*?/\\]/;

/** The workbook and its per-run state. */
export class WorkbookModel {
  private readonly grids = new WeakMap<ExcelJS.Worksheet, { maxRows: number; maxColumns: number }>();
  private activeSheetRef?: ExcelJS.Worksheet;
  /** The selected range, when the runtime or the bundle set one (the active range of a list). */
  selection?: RangeRef;
  /** Every selected range when several are (Spreadsheet.getActiveRangeList), all on the active sheet. */
  selectedRanges?: RangeRef[];
  readonly ui: UiRecord = { menus: [], alerts: [], toasts: [], sidebars: [] };
  /** Formula cells read this run that have no calculated value in the file ('推荐名单!M5'), in order. */
  readonly uncalculated = new Set<string>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly state: WorkbookState,
    /** The spreadsheet's name (the file name without .xlsx). */
    readonly name: string,
    /** Spreadsheet.getUrl(): the file:// URL of the workbook ('' when not given). */
    readonly url: string = '',
  ) {}

  /** The sheets the bundle sees, in tab order (never the state sheet). */
  sheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((sheet) => sheet.name !== STATE_SHEET_NAME);
  }

  /** A sheet by exact name, or undefined. */
  sheetByName(name: string): ExcelJS.Worksheet | undefined {
    return this.sheets().find((sheet) => sheet.name === name);
  }

  /** Whether a sheet is still in the workbook. */
  hasSheet(sheet: ExcelJS.Worksheet): boolean {
    return this.sheets().includes(sheet);
  }

  /**
   * A sheet's grid size: what Sheets would show for it (at least 1000 × 26, at least as far as its
   * values and notes reach). Formatting alone does not stretch it: LibreOffice writes a formatted
   * empty row at 1,048,576, and a grid that long would make every whole-column call cost a million
   * rows.
   */
  grid(sheet: ExcelJS.Worksheet): { maxRows: number; maxColumns: number } {
    let grid = this.grids.get(sheet);
    if (!grid) {
      const used = usedBounds(sheet, true);
      grid = { maxRows: Math.max(NEW_SHEET_ROWS, used.lastRow), maxColumns: Math.max(NEW_SHEET_COLUMNS, used.lastColumn) };
      this.grids.set(sheet, grid);
    }
    return grid;
  }

  /**
   * The last row and column holding content (a value or formula), 0 when the sheet is empty, as
   * Sheet.getLastRow/getLastColumn give them; costs what the sheet holds, not its grid.
   */
  contentBounds(sheet: ExcelJS.Worksheet): { lastRow: number; lastColumn: number } {
    return usedBounds(sheet, false);
  }

  /** Records that a formula cell without a calculated value was read (as empty). */
  noteUncalculated(sheet: ExcelJS.Worksheet, row: number, column: number): void {
    this.uncalculated.add(`${sheet.name}!${cellA1(row, column)}`);
  }

  /**
   * The one 提示 line for the person running the command when formula cells without calculated
   * values were read (openpyxl and exceljs save formulas without results), or undefined.
   */
  uncalculatedHint(): string | undefined {
    const cells = [...this.uncalculated];
    if (cells.length === 0) return undefined;
    const shown = cells.slice(0, UNCALCULATED_LISTED).join('、');
    const more = cells.length > UNCALCULATED_LISTED ? `等 ${cells.length} 个单元格` : '';
    return `提示：${shown}${more}的公式在文件中没有计算结果，已按空白处理（需要它的审查项为“待核实”）。请用 Excel、WPS 或 LibreOffice 打开该文件并保存一次，让公式算出结果后再运行。`;
  }

  /** The active sheet: the one the runtime or the bundle activated, else the first visible one. */
  activeSheet(): ExcelJS.Worksheet {
    if (this.activeSheetRef && this.hasSheet(this.activeSheetRef)) return this.activeSheetRef;
    const sheets = this.sheets();
    const first = sheets.find((sheet) => sheet.state === 'visible') ?? sheets[0];
    if (!first) throw new Error('工作簿中没有工作表');
    return first;
  }

  /** Makes a sheet the active one (its selection moves to A1). */
  activate(sheet: ExcelJS.Worksheet): void {
    this.activeSheetRef = sheet;
    if (this.selection?.sheet !== sheet) this.selection = undefined;
    if (this.selectedRanges?.[0]?.sheet !== sheet) this.selectedRanges = undefined;
  }

  /** The active range: the selection, else A1 of the active sheet. */
  activeRange(): RangeRef {
    const sheet = this.activeSheet();
    if (this.selection && this.selection.sheet === sheet) return this.selection;
    return { sheet, row: 1, column: 1, numRows: 1, numColumns: 1 };
  }

  /** Puts sheets in this order, the state sheet last. */
  reorder(order: ExcelJS.Worksheet[]): void {
    order.forEach((sheet, index) => setTabOrder(sheet, index));
    const stateSheet = this.workbook.getWorksheet(STATE_SHEET_NAME);
    if (stateSheet) setTabOrder(stateSheet, order.length);
  }

  /** Why a name cannot be a new sheet's name, or undefined if it can. */
  sheetNameProblem(name: string, except?: ExcelJS.Worksheet): { sheetsMessage?: string; xlsxProblem?: string } | undefined {
    const taken = this.workbook.worksheets.find((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase());
    if (taken && taken.name !== STATE_SHEET_NAME) {
      return { sheetsMessage: `A sheet with the name "${name}" already exists. Please enter another name.` };
    }
    if (taken) return { xlsxProblem: `the name ${STATE_SHEET_NAME} is kept by the runtime` };
    if (name.length > 31 || FORBIDDEN_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'") || name === '') {
      return { xlsxProblem: `the sheet name "${name}" cannot be stored in .xlsx` };
    }
    return undefined;
  }

  /** Checks a rectangle against Apps Script's rules and the sheet's grid; throws its messages. */
  checkRect(context: FakeContext, sheet: ExcelJS.Worksheet, rect: GridRect): void {
    for (const value of [rect.row, rect.column, rect.numRows, rect.numColumns]) {
      if (!Number.isInteger(value)) unavailable(context, 'Sheet', 'getRange', `coordinates that are not whole numbers: ${String(value)}`);
    }
    if (rect.row < 1) throw realmError(context, 'The starting row of the range is too small.');
    if (rect.column < 1) throw realmError(context, 'The starting column of the range is too small.');
    if (rect.numRows < 1) throw realmError(context, 'The number of rows in the range must be at least 1.');
    if (rect.numColumns < 1) throw realmError(context, 'The number of columns in the range must be at least 1.');
    const grid = this.grid(sheet);
    if (rect.row + rect.numRows - 1 > grid.maxRows || rect.column + rect.numColumns - 1 > grid.maxColumns) {
      throw realmError(context, 'The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
}

/** The last row and column with a value (or, with `notes`, a note), over the cells the sheet holds. */
function usedBounds(sheet: ExcelJS.Worksheet, notes: boolean): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  eachStoredCell(sheet, (cell, row, column) => {
    const content = !isMergedAway(cell) && cell.value !== null && cell.value !== undefined && cell.value !== '';
    if (!content && !(notes && cell.note)) return;
    if (row > lastRow) lastRow = row;
    if (column > lastColumn) lastColumn = column;
  });
  return { lastRow, lastColumn };
}

/** Every cell address of a rectangle, row by row. */
export function* cellsOf(rect: GridRect): Generator<{ row: number; column: number; i: number; j: number }> {
  for (let i = 0; i < rect.numRows; i += 1) {
    for (let j = 0; j < rect.numColumns; j += 1) yield { row: rect.row + i, column: rect.column + j, i, j };
  }
}

/** Whether two rectangles share a cell. */
export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}
