/**
 * What the demo season learned, and the report data made from it: the answers of the add-on's
 * calls kept by the stages (SeasonFacts), the 推荐名单 and 提醒记录 as the workbook holds them at
 * the end, and the planted mistakes matched with what the checker said about them. Read-only: the
 * sheets are read from the runtime's workbook directly, without service calls.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookRuntime } from '../workbook-runtime';
import type { ClauseFailures, DemoReportData, DemoStage, LabelCount, PlantedMistake } from './report-data';
import { FIRST_DATA_ROW, HEADER_ROW, SAMPLE_TITLE, type SampleNominations } from './sample-data';
import { SEASON_YEAR } from './season-plan';

/** One row of runEligibilityCheck_'s answer. */
export interface CheckedRow {
  row: number;
  name: string;
  verdict: string;
  findings: { rule: string; clause: string; verdict: string; message: string }[];
}

/** The column a rule without a clause of the plan speaks about. */
const RULE_COLUMNS: Record<string, string> = { idNumber: '身份证号', name: '姓名', school: '学校', category: '申报类别' };

/** What the stages kept. */
export interface SeasonFacts {
  check: CheckedRow[];
  countyReview: { approved: number; returned: number; failed: number };
  cityReview: { passed: number; returned: number };
  publicity: { start: string; end: string; workingDays: number; holidaysCrossed: string[]; holidayNames: string[]; sheet: string; people: number };
  objection?: number;
  award: { awarded: number; first: string; last: string };
  certificates: number;
  termForms: number;
  duties: LabelCount[];
  studios: LabelCount[];
  studioFindings: string[];
  statistics: {
    byYear: { year: number | string; awarded: number; target: number | null }[];
    byCounty: { county: string; awarded: number }[];
    byStage: { stage: string; awarded: number }[];
    byCategory: { category: string; awarded: number }[];
    awarded: number;
  };
  reminders: { days: number; executions: number; mails: number };
}

/** A value from the bundle's realm as plain JSON (its arrays and objects are another realm's). */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The plan's county a typed 县（市、区） names (full name, or its short name), 市直学校, or '' when none. */
export function canonicalCounty(typed: string, counties: readonly string[]): string {
  const text = typed.trim();
  if (text === '') return '';
  if (text === '市直学校' || counties.includes(text)) return text;
  return counties.find((county) => county.startsWith(text)) ?? text;
}

/** One row of 推荐名单 as the report needs it. */
export interface NominationRow {
  row: number;
  name: string;
  county: string;
  stage: string;
  category: string;
  state: string;
  publicityEnd: string;
  certificate: string;
}

/** A cell's value as text; dates as YYYY-MM-DD (the runtime keeps a date cell at UTC midnight of its calendar day). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

/** The rows of 推荐名单 (header in row 2) as they stand now. */
export function nominationRows(runtime: WorkbookRuntime): NominationRow[] {
  return sheetRecords(runtime, '推荐名单', HEADER_ROW).map(({ row, value }) => ({
    row,
    name: value('姓名'),
    county: value('县（市、区）'),
    stage: value('学段'),
    category: value('申报类别'),
    state: value('状态'),
    publicityEnd: value('公示截止'),
    certificate: value('证书编号'),
  }));
}

/** The non-empty rows under `headerRow` of a sheet, each with a reader of its cells by header. */
export function sheetRecords(runtime: WorkbookRuntime, sheetName: string, headerRow: number): { row: number; value: (header: string) => string }[] {
  const sheet = runtime.workbook.getWorksheet(sheetName);
  if (!sheet) return [];
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, column) => {
    const header = cellText(cell.value).trim();
    if (header !== '' && !columns.has(header)) columns.set(header, column);
  });
  const records: { row: number; value: (header: string) => string }[] = [];
  for (let row = headerRow + 1; row <= sheet.rowCount; row += 1) {
    const cells = sheet.getRow(row);
    const value = (header: string) => {
      const column = columns.get(header);
      return column === undefined ? '' : cellText(cells.getCell(column).value).trim();
    };
    if ([...columns.values()].some((column) => cellText(cells.getCell(column).value).trim() !== '')) records.push({ row, value });
  }
  return records;
}

/** Labels counted, in a given order first, then any others as seen. */
function counted(labels: readonly string[], order: readonly string[] = []): LabelCount[] {
  const counts = new Map<string, number>(order.map((label) => [label, 0]));
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 0).map(([label, count]) => ({ label, count }));
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** A clause label's sort key: 四（一）9（1） → [4, 1, 9, 1]; a label that is no clause (a column's name) sorts after every clause. */
function clauseKey(label: string): number[] {
  const match = /^([一二三四五六七八九十])(?:（([一二三四五六七八九十])）)?(\d+)?(?:（(\d+)）)?/u.exec(label);
  if (!match) return [99];
  const numeral = (text: string | undefined) => (text ? CHINESE_NUMERALS.indexOf(text) + 1 : 0);
  return [numeral(match[1]), numeral(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
}

/** Clause labels in the plan's order: 四（一）, 四（一）1 … 10, 四（二）2, 六（二）, 六（四）, then labels without a clause (by name). */
export function compareClauses(a: string, b: string): number {
  const left = clauseKey(a);
  const right = clauseKey(b);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.localeCompare(b, 'zh-CN');
}

/** The report data of the season, from the stages' facts and the workbook as it is now. */
export function readSeason(runtime: WorkbookRuntime, input: { facts: SeasonFacts; sample: SampleNominations; stages: DemoStage[]; counties: readonly string[] }): DemoReportData {
  const { facts, sample, stages, counties } = input;
  const rows = nominationRows(runtime);
  const byRow = new Map(facts.check.map((row) => [row.row, row]));
  const clauses = new Map<string, ClauseFailures>();
  for (const row of facts.check) {
    for (const finding of row.findings) {
      if (finding.verdict === '符合') continue;
      // Rules the plan gives no clause (身份证号, required columns) are labelled by their column.
      const label = finding.clause || (RULE_COLUMNS[finding.rule] ?? finding.rule);
      const entry = clauses.get(label) ?? { clause: label, notMet: 0, toVerify: 0, example: finding.message };
      if (finding.verdict === '不符合') entry.notMet += 1;
      else entry.toVerify += 1;
      clauses.set(entry.clause, entry);
    }
  }
  const checked = facts.check.map((row) => row.row);
  const mistakes: PlantedMistake[] = [
    {
      kind: '表头上方有合并的标题行',
      row: 1,
      column: `（标题“${SAMPLE_TITLE}”）`,
      message: `按第${HEADER_ROW}行的表头读取，审查了第${Math.min(...checked)}至${Math.max(...checked)}行，标题行原样保留`,
    },
    ...sample.planted.map((planted) => {
      const row = byRow.get(planted.row);
      const finding = row?.findings.find((entry) => entry.rule === planted.rule);
      const said = finding ? (finding.verdict === '符合' ? `${finding.clause ? `${finding.clause}：` : ''}符合` : finding.message) : '（没有这一项审查）';
      return { kind: planted.kind, row: planted.row, column: planted.column, message: `资格审查：${row?.verdict ?? '？'}；${said}` };
    }),
  ];
  const statistics = facts.statistics;
  const awardedOf = (county: string) => statistics.byCounty.find((entry) => entry.county === county)?.awarded ?? 0;
  const seasonRows = rows.filter((row) => row.row >= FIRST_DATA_ROW);
  const countyOf = (row: NominationRow) => canonicalCounty(row.county, counties) || '未填写';
  const countyNames = [...counties, '市直学校', ...(seasonRows.some((row) => countyOf(row) === '未填写') ? ['未填写'] : [])];
  const year = statistics.byYear.find((entry) => entry.year === SEASON_YEAR);
  const reminderKinds = sheetRecords(runtime, '提醒记录', 1)
    .filter((record) => record.value('结果') === '已发送')
    .map((record) => record.value('类型'));
  return {
    generatedAt: new Date().toISOString(),
    seasonYear: SEASON_YEAR,
    candidates: sample.rows.length,
    stages,
    verdicts: counted(facts.check.map((row) => row.verdict), ['符合', '不符合', '待核实']),
    states: counted(seasonRows.map((row) => row.state || '学校推荐'), ['学校推荐', '初审通过', '初审未通过', '评审通过', '评审未通过', '公示中', '公示有异议', '已认定', '已取消', '任期届满']),
    clauses: [...clauses.values()].sort((a, b) => compareClauses(a.clause, b.clause)),
    counties: countyNames.map((county) => ({
      county,
      nominated: seasonRows.filter((row) => countyOf(row) === county).length,
      awarded: county === '未填写' ? statistics.byCounty.find((entry) => entry.county === '未填写')?.awarded ?? 0 : awardedOf(county),
      target: null,
    })),
    byStage: statistics.byStage.map((entry) => ({ label: entry.stage, count: entry.awarded })),
    byCategory: statistics.byCategory.map((entry) => ({ label: entry.category, count: entry.awarded })),
    yearTarget: { year: SEASON_YEAR, awarded: year?.awarded ?? 0, target: year?.target ?? 0 },
    publicity: { start: facts.publicity.start, end: facts.publicity.end, workingDays: facts.publicity.workingDays, holidaysCrossed: facts.publicity.holidaysCrossed, holidayNames: facts.publicity.holidayNames },
    documents: { certificates: facts.certificates, termForms: facts.termForms },
    duties: facts.duties,
    studios: facts.studios,
    reminders: { days: facts.reminders.days, mails: facts.reminders.mails, byKind: counted(reminderKinds) },
    mistakes,
    files: [],
  };
}
