/**
 * 初始化表格: creates or completes the add-on's sheets from their layouts (src/domain/sheet-layouts)
 * — missing sheets, missing header cells at the right end of the header row (on a nomination
 * sheet, the first of its first 10 rows that is a header row; title rows above it stay as they
 * are), frozen header rows and 姓名 column, column widths, dropdowns, the colours of 资格审查 and a
 * warning on the output columns. Running it again changes nothing; it
 * never deletes, moves or rewrites a person's columns or data.
 */
import { findHeaderRow, foldHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from '../domain/nomination/headers';
import { HAND_TYPED_OUTPUT_COLUMNS, OUTPUT_COLUMNS, fieldOf } from '../domain/nomination/fields';
import { SHEET_NAMES, type SheetLayout } from '../domain/sheet-layouts';
import { addOutputColumns, applyColumnLooks, freezeHeaderAndName, type PlacedColumn } from './column-layout';
import { protectAddOnSheets } from './sheet-protection';
import { ensureColumns } from './spreadsheet';

/** What initialising did to one sheet, for the official. */
export interface SheetSetupReport {
  sheet: string;
  created: boolean;
  addedHeaders: string[];
  changes: string[];
  problems: string[];
}

const PROTECTION_DESCRIPTION = '班主任评选助手的输出列：请通过菜单操作，不要手工修改';
const VERDICT_COLOURS: [string, string][] = [
  ['符合', '#d9ead3'],
  ['不符合', '#f4cccc'],
  ['待核实', '#fff2cc'],
];

/** Creates or completes every sheet of the layouts; returns what changed per sheet. */
export function setUpSheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, layouts: SheetLayout[]): SheetSetupReport[] {
  const reports = layouts.map((layout) => setUpSheet(spreadsheet, layout));
  for (const [sheet, changes] of protectAddOnSheets(spreadsheet)) reports.find((report) => report.sheet === sheet)?.changes.push(...changes);
  return reports;
}

function setUpSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: SheetLayout): SheetSetupReport {
  const report: SheetSetupReport = { sheet: layout.name, created: false, addedHeaders: [], changes: [], problems: [] };
  let sheet = spreadsheet.getSheetByName(layout.name);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(layout.name);
    report.created = true;
  }
  const isNominations = layout.name === SHEET_NAMES.nominations;
  const lastColumn = sheet.getLastColumn();
  // A nomination sheet's header row may sit under title rows (SPEC §2); the other sheets' is row 1.
  const topRows = lastColumn > 0 ? sheet.getRange(1, 1, isNominations ? Math.min(HEADER_SEARCH_ROWS, Math.max(sheet.getLastRow(), 1)) : 1, lastColumn).getValues() : [];
  const found = isNominations && topRows.length > 0 ? findHeaderRow(topRows) : null;
  const headerRowNumber = found ? found.index + 1 : 1;
  const headerRow = topRows[headerRowNumber - 1] ?? [];
  const missing = isNominations && topRows.length > 0 ? (found ? missingNominationHeaders(found.match) : null) : missingHeaders(layout, headerRow);
  if (missing === null) {
    report.problems.push(
      isNominations
        ? `工作表“${layout.name}”前${HEADER_SEARCH_ROWS}行中没有表头行（需含“姓名”和至少三个其他已知列名），未做修改：请在标题下方的一行填好表头，或把数据移到表头以下后重新初始化`
        : `工作表“${layout.name}”第1行不是表头（没有任何已知列名），未做修改：请在第1行填好表头，或把数据移到第2行以下后重新初始化`,
    );
    return report;
  }
  const columnsByHeader = headerColumns(layout, headerRow);
  if (missing.length > 0) {
    if (found) {
      try {
        const added = addOutputColumns(sheet, { row: headerRowNumber, headers: found.match }, lastColumn, missing);
        for (const [header, column] of Object.entries(added.columns)) columnsByHeader.set(foldHeader(header), column + 1);
        report.changes.push(...added.layoutChanges);
      } catch (error) {
        report.problems.push(error instanceof Error ? error.message : String(error));
        return report;
      }
    } else {
      ensureColumns(sheet, lastColumn + missing.length);
      sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
      missing.forEach((header, index) => columnsByHeader.set(foldHeader(header), lastColumn + index + 1));
      if (lastColumn === 0 && layout.initialRows.length > 0) {
        sheet.getRange(2, 1, layout.initialRows.length, layout.headers.length).setValues(layout.initialRows);
      }
    }
    report.addedHeaders = missing;
  }
  const columnOf = (header: string) => columnsByHeader.get(foldHeader(header));
  const placed = layout.headers.map((header) => ({ header, column: columnOf(header) })).filter((entry): entry is PlacedColumn => entry.column !== undefined);
  const layoutChanges = [...freezeHeaderAndName(sheet, headerRowNumber, isNominations ? columnOf('姓名') : undefined), ...applyColumnLooks(sheet, headerRowNumber, placed)];
  for (const change of layoutChanges) if (!report.changes.includes(change)) report.changes.push(change);
  addDropdowns(sheet, layout, headerRowNumber, columnOf, report);
  if (isNominations) {
    const verdictColumn = columnOf('资格审查');
    if (verdictColumn) colourVerdicts(sheet, headerRowNumber, verdictColumn, report);
    protectOutputs(sheet, headerRowNumber, columnOf, report);
  }
  return report;
}

/** The nomination headers a header row lacks (inputs first, then outputs, in SPEC order). */
function missingNominationHeaders(match: HeaderMatch): string[] {
  const missingInputs = match.missing.filter((key) => !(key === 'assessments' && match.assessmentYears.length > 0));
  return [...missingInputs.map((key) => fieldOf(key).header), ...match.missingOutputs];
}

/**
 * The layout's headers the row lacks, or null when the row has content but none of the layout's
 * headers (it is not a header row, and writing into it would overwrite a person's data).
 */
/**
 * Folded header → 1-based column of a header row: each typed header, and a layout header typed in
 * another spelling (活动类型 for 类型) under its own name too, so no second, empty column is added.
 */
function headerColumns(layout: SheetLayout, headerRow: unknown[]): Map<string, number> {
  const columns = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const folded = foldHeader(String(cell));
    if (folded !== '' && !columns.has(folded)) columns.set(folded, index + 1);
  });
  for (const [header, aliases] of Object.entries(layout.aliases ?? {})) {
    if (columns.has(foldHeader(header))) continue;
    const column = aliases.map((alias) => columns.get(foldHeader(alias))).find((found) => found !== undefined);
    if (column !== undefined) columns.set(foldHeader(header), column);
  }
  return columns;
}

function missingHeaders(layout: SheetLayout, headerRow: unknown[]): string[] | null {
  const typed = headerRow.filter((cell) => String(cell).trim() !== '');
  if (layout.name === SHEET_NAMES.nominations && typed.length === 0) return [...layout.headers];
  const present = new Set(headerColumns(layout, headerRow).keys());
  const missing = layout.headers.filter((header) => !present.has(foldHeader(header)));
  if (typed.length > 0 && missing.length === layout.headers.length) return null;
  return missing;
}

function addDropdowns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: SheetLayout,
  headerRow: number,
  columnOf: (header: string) => number | undefined,
  report: SheetSetupReport,
): void {
  const entries = Object.entries(layout.dropdowns)
    .map(([header, choices]) => ({ header, choices, column: columnOf(header) }))
    .filter((entry): entry is { header: string; choices: string[]; column: number } => entry.column !== undefined);
  if (entries.length === 0) return;
  const rows = Math.max(sheet.getMaxRows() - headerRow, 1);
  const width = Math.max(...entries.map((entry) => entry.column));
  const existing = sheet.getRange(headerRow + 1, 1, 1, width).getDataValidations()[0] ?? [];
  for (const { header, choices, column } of entries) {
    if (existing[column - 1]) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(choices, true)
      .setAllowInvalid(true)
      .setHelpText(`可选：${choices.join('、')}`)
      .build();
    sheet.getRange(headerRow + 1, column, rows, 1).setDataValidation(rule);
    report.changes.push(`“${header}”下拉选项`);
  }
}

function colourVerdicts(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, column: number, report: SheetSetupReport): void {
  const rules = sheet.getConditionalFormatRules();
  const alreadyThere = rules.some((rule) =>
    rule.getRanges().some((range) => range.getColumn() === column) && rule.getBooleanCondition()?.getCriteriaValues()?.[0] === '不符合',
  );
  if (alreadyThere) return;
  const range = sheet.getRange(headerRow + 1, column, Math.max(sheet.getMaxRows() - headerRow, 1), 1);
  const added = VERDICT_COLOURS.map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...rules, ...added]);
  report.changes.push('“资格审查”按结果着色（符合绿、不符合红、待核实黄）');
}

function protectOutputs(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, columnOf: (header: string) => number | undefined, report: SheetSetupReport): void {
  const protectedColumns = new Set(
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .filter((protection) => protection.getDescription().startsWith(PROTECTION_DESCRIPTION))
      .map((protection) => protection.getRange().getColumn()),
  );
  const rows = sheet.getMaxRows() - headerRow + 1;
  for (const header of OUTPUT_COLUMNS) {
    if (HAND_TYPED_OUTPUT_COLUMNS.includes(header)) continue;
    const column = columnOf(header);
    if (!column || protectedColumns.has(column)) continue;
    sheet.getRange(headerRow, column, rows, 1).protect().setDescription(`${PROTECTION_DESCRIPTION}（${header}）`).setWarningOnly(true);
    report.changes.push(`“${header}”列编辑提醒`);
  }
}
