/**
 * 初始化表格: creates or completes the add-on's sheets from their layouts (src/domain/sheet-layouts)
 * — missing sheets, missing header cells at the right end, a frozen header row, dropdowns, the
 * colours of 资格审查 and a warning on the output columns. Running it again changes nothing; it
 * never deletes, moves or rewrites a person's columns or data.
 */
import { foldHeader, matchHeaders } from '../domain/nomination/headers';
import { OUTPUT_COLUMNS, fieldOf } from '../domain/nomination/fields';
import { SHEET_NAMES, type SheetLayout } from '../domain/sheet-layouts';
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
  const lastColumn = sheet.getLastColumn();
  const headerRow = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? [] : [];
  const missing = missingHeaders(layout, headerRow);
  if (missing === null) {
    report.problems.push(`工作表“${layout.name}”第1行不是表头（没有任何已知列名），未做修改：请在第1行填好表头，或把数据移到第2行以下后重新初始化`);
    return report;
  }
  if (missing.length > 0) {
    ensureColumns(sheet, lastColumn + missing.length);
    sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
    report.addedHeaders = missing;
    if (lastColumn === 0 && layout.initialRows.length > 0) {
      sheet.getRange(2, 1, layout.initialRows.length, layout.headers.length).setValues(layout.initialRows);
    }
  }
  const headers = [...headerRow.map((cell) => String(cell)), ...missing];
  const columnOf = (header: string) => {
    const folded = foldHeader(header);
    const index = headers.findIndex((cell) => foldHeader(cell) === folded);
    return index < 0 ? undefined : index + 1;
  };
  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(1);
    report.changes.push('冻结表头');
  }
  addDropdowns(sheet, layout, columnOf, report);
  if (layout.name === SHEET_NAMES.nominations) {
    const verdictColumn = columnOf('资格审查');
    if (verdictColumn) colourVerdicts(sheet, verdictColumn, report);
    protectOutputs(sheet, columnOf, report);
  }
  return report;
}

/**
 * The layout's headers the row lacks, or null when the row has content but none of the layout's
 * headers (it is not a header row, and writing into it would overwrite a person's data).
 */
function missingHeaders(layout: SheetLayout, headerRow: unknown[]): string[] | null {
  const typed = headerRow.filter((cell) => String(cell).trim() !== '');
  if (layout.name === SHEET_NAMES.nominations) {
    if (typed.length === 0) return [...layout.headers];
    const match = matchHeaders(headerRow);
    if (!match.found) return null;
    const missingInputs = match.missing.filter((key) => !(key === 'assessments' && match.assessmentYears.length > 0));
    return [...missingInputs.map((key) => fieldOf(key).header), ...match.missingOutputs];
  }
  const present = new Set(headerRow.map((cell) => foldHeader(String(cell))));
  const missing = layout.headers.filter((header) => !present.has(foldHeader(header)));
  if (typed.length > 0 && missing.length === layout.headers.length) return null;
  return missing;
}

function addDropdowns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: SheetLayout,
  columnOf: (header: string) => number | undefined,
  report: SheetSetupReport,
): void {
  const entries = Object.entries(layout.dropdowns)
    .map(([header, choices]) => ({ header, choices, column: columnOf(header) }))
    .filter((entry): entry is { header: string; choices: string[]; column: number } => entry.column !== undefined);
  if (entries.length === 0) return;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const width = Math.max(...entries.map((entry) => entry.column));
  const existing = sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? [];
  for (const { header, choices, column } of entries) {
    if (existing[column - 1]) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(choices, true)
      .setAllowInvalid(true)
      .setHelpText(`可选：${choices.join('、')}`)
      .build();
    sheet.getRange(2, column, rows, 1).setDataValidation(rule);
    report.changes.push(`“${header}”下拉选项`);
  }
}

function colourVerdicts(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, report: SheetSetupReport): void {
  const rules = sheet.getConditionalFormatRules();
  const alreadyThere = rules.some((rule) =>
    rule.getRanges().some((range) => range.getColumn() === column) && rule.getBooleanCondition()?.getCriteriaValues()?.[0] === '不符合',
  );
  if (alreadyThere) return;
  const range = sheet.getRange(2, column, Math.max(sheet.getMaxRows() - 1, 1), 1);
  const added = VERDICT_COLOURS.map(([text, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...rules, ...added]);
  report.changes.push('“资格审查”按结果着色（符合绿、不符合红、待核实黄）');
}

function protectOutputs(sheet: GoogleAppsScript.Spreadsheet.Sheet, columnOf: (header: string) => number | undefined, report: SheetSetupReport): void {
  const protectedColumns = new Set(
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .filter((protection) => protection.getDescription().startsWith(PROTECTION_DESCRIPTION))
      .map((protection) => protection.getRange().getColumn()),
  );
  const rows = sheet.getMaxRows();
  for (const header of OUTPUT_COLUMNS) {
    const column = columnOf(header);
    if (!column || protectedColumns.has(column)) continue;
    sheet.getRange(1, column, rows, 1).protect().setDescription(`${PROTECTION_DESCRIPTION}（${header}）`).setWarningOnly(true);
    report.changes.push(`“${header}”列编辑提醒`);
  }
}
