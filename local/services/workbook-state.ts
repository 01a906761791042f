/**
 * What Google keeps with a spreadsheet outside its cells — its time zone and id, document, script
 * and user properties, installed triggers, protections, embedded charts, and the documents created
 * and email recipients counted today (Apps Script's daily quotas) — kept in the workbook itself, in a
 * veryHidden sheet named _banzhuren (one key/value row per entry), so it travels with the .xlsx.
 * The bundle never sees that sheet.
 */
import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { cellText } from './cell-values';

/** Name of the hidden sheet holding the workbook's state. */
export const STATE_SHEET_NAME = '_banzhuren';

/** The spreadsheet time zone when a workbook has none recorded (appsscript.json's zone). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A protection of a sheet or of a range, as Protection sees it. */
export interface StoredProtection {
  type: 'SHEET' | 'RANGE';
  sheetName: string;
  /** A1 notation of a protected range (RANGE only). */
  a1?: string;
  description: string;
  warningOnly: boolean;
  /** Editors by email once a script set them (absent: the spreadsheet's editors, i.e. unprotected). */
  editors?: string[];
  /** Whether everyone in the owner's domain may edit (setDomainEdit). */
  domainEdit?: boolean;
}

/** A range a chart draws from: the sheet it lies on and its A1 notation. */
export interface StoredChartRange {
  sheetName: string;
  a1: string;
}

/** An embedded chart as Sheet.getCharts() gives it: on a sheet, drawn from ranges, anchored at a cell. */
export interface StoredChart {
  /** EmbeddedChart.getChartId(): unique in the spreadsheet. */
  id: number;
  sheetName: string;
  /** A Charts.ChartType name ('COLUMN', 'BAR', 'PIE' …). */
  type: string;
  ranges: StoredChartRange[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** Options set with EmbeddedChartBuilder.setOption (JSON values). */
  options: Record<string, unknown>;
}

/** A state row's value as a JSON object, or undefined when it is not one. */
function parsedObject(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A protection row's value as a StoredProtection, or undefined when it is not valid JSON of that shape. */
function parsedProtection(value: string): StoredProtection | undefined {
  const protection = parsedObject(value);
  if (!protection) return undefined;
  const { type, sheetName, a1, description, warningOnly, editors } = protection;
  const valid =
    (type === 'SHEET' || type === 'RANGE') &&
    typeof sheetName === 'string' &&
    (a1 === undefined || typeof a1 === 'string') &&
    typeof description === 'string' &&
    typeof warningOnly === 'boolean' &&
    (editors === undefined || (Array.isArray(editors) && editors.every((editor) => typeof editor === 'string')));
  return valid ? (protection as unknown as StoredProtection) : undefined;
}

/** The 提示 for a state row that cannot be read: which row, what it held (cut short) and what restores it. */
function unreadableRowNotice(rowNumber: number, what: string, value: string, remedy: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `提示：隐藏表 ${STATE_SHEET_NAME} 第 ${rowNumber} 行的${what}（内容“${shown}”）无法读取，已跳过；${remedy}`;
}

/** A chart row's value as a StoredChart, or undefined when it is not valid JSON of that shape. */
function parsedChart(value: string): StoredChart | undefined {
  let chart: unknown;
  try {
    chart = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof chart !== 'object' || chart === null || Array.isArray(chart)) return undefined;
  const { id, sheetName, type, ranges, position, options } = chart as Partial<Record<keyof StoredChart, unknown>>;
  const place = position as Partial<Record<string, unknown>> | null | undefined;
  const valid =
    typeof id === 'number' &&
    Number.isInteger(id) &&
    typeof sheetName === 'string' &&
    typeof type === 'string' &&
    Array.isArray(ranges) &&
    ranges.every((range) => typeof range?.sheetName === 'string' && typeof range?.a1 === 'string') &&
    typeof place === 'object' &&
    place !== null &&
    ['row', 'column', 'offsetX', 'offsetY'].every((field) => typeof place[field] === 'number') &&
    typeof options === 'object' &&
    options !== null &&
    !Array.isArray(options);
  return valid ? (chart as StoredChart) : undefined;
}

/** Characters per cell when a long value is split across cells (Excel holds 32767 at most). */
const CHUNK = 30000;

/** The workbook's state, read when the runtime opens it and written back on save. */
export class WorkbookState {
  timeZone = DEFAULT_TIME_ZONE;
  spreadsheetId = randomUUID().replace(/-/g, '');
  readonly documentProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  readonly userProperties = new Map<string, Map<string, string>>();
  /** Installed triggers, as JSON-safe objects (their shape belongs to the ScriptApp fake). */
  triggers: unknown[] = [];
  protections: StoredProtection[] = [];
  /** Embedded charts of every sheet (exceljs cannot write real charts; see local/services/charts.ts). */
  charts: StoredChart[] = [];
  /** Documents created on one simulated day ('YYYY-MM-DD' in the spreadsheet's zone), for the daily quota. */
  documentsCreated: { day: string; count: number } = { day: '', count: 0 };
  /** Email recipients counted on one simulated day ('YYYY-MM-DD' in the spreadsheet's zone), for MailApp's daily quota. */
  mailRecipients: { day: string; count: number } = { day: '', count: 0 };

  /** 提示 lines about state rows that could not be read and were skipped (the runtime prints them). */
  readonly notices: string[] = [];

  /** An id no chart of the workbook has. */
  newChartId(): number {
    return this.charts.reduce((highest, chart) => Math.max(highest, chart.id), 0) + 1;
  }

  /** The user properties of one user (by email), created empty when missing. */
  userPropertiesOf(email: string): Map<string, string> {
    // Google account emails are case-insensitive: CITY@x and city@x share their properties.
    const user = email.toLowerCase();
    let properties = this.userProperties.get(user);
    if (!properties) {
      properties = new Map();
      this.userProperties.set(user, properties);
    }
    return properties;
  }

  /** Reads the state sheet of a workbook; a workbook without one gets defaults. */
  static read(workbook: ExcelJS.Workbook, defaults: { timeZone?: string } = {}): WorkbookState {
    const state = new WorkbookState();
    if (defaults.timeZone) state.timeZone = defaults.timeZone;
    const sheet = workbook.getWorksheet(STATE_SHEET_NAME);
    if (!sheet) return state;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return; // header
      // Another program may have re-saved the sheet: LibreOffice stores mixed text as rich text.
      const cells = Array.from((row.values as unknown[]).slice(1), (value) => cellText(value));
      const [kind = '', scope = '', key = ''] = cells;
      const value = cells.slice(3).join('');
      state.apply(kind, scope, key, value, rowNumber);
    });
    return state;
  }

  private apply(kind: string, scope: string, key: string, value: string, rowNumber: number): void {
    switch (kind) {
      case 'setting':
        if (key === 'timeZone') this.timeZone = value;
        if (key === 'spreadsheetId') this.spreadsheetId = value;
        break;
      case 'quota': {
        const counted = parsedObject(value);
        if (counted && typeof counted.day === 'string' && Number.isInteger(counted.count)) {
          if (key === 'documentsCreated') this.documentsCreated = { day: counted.day, count: counted.count as number };
          if (key === 'mailRecipients') this.mailRecipients = { day: counted.day, count: counted.count as number };
        }
        break;
      }
      case 'document':
        this.documentProperties.set(key, value);
        break;
      case 'script':
        this.scriptProperties.set(key, value);
        break;
      case 'user':
        this.userPropertiesOf(scope).set(key, value);
        break;
      case 'trigger': {
        const trigger = parsedObject(value);
        if (trigger) this.triggers.push(trigger);
        else this.notices.push(unreadableRowNotice(rowNumber, '触发器记录', value, '请在表格中重新开启该定时任务'));
        break;
      }
      case 'protection': {
        const protection = parsedProtection(value);
        if (protection) this.protections.push(protection);
        else this.notices.push(unreadableRowNotice(rowNumber, `工作表“${scope}”的保护记录`, value, '再次运行“初始化表格”（banzhuren init）会重新设置保护'));
        break;
      }
      case 'chart': {
        const chart = parsedChart(value);
        if (chart) this.charts.push(chart);
        else {
          const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
          this.notices.push(
            `提示：隐藏表 ${STATE_SHEET_NAME} 第 ${rowNumber} 行的图表记录（工作表“${scope}”，编号“${key}”，内容“${shown}”）无法读取，已跳过；下次生成统计时会重新生成该图表`,
          );
        }
        break;
      }
      default:
        break;
    }
  }

  /** The state as rows of the state sheet: kind, scope, key, value (split across cells if long). */
  rows(): string[][] {
    const rows: string[][] = [
      ['setting', '', 'timeZone', this.timeZone],
      ['setting', '', 'spreadsheetId', this.spreadsheetId],
    ];
    if (this.documentsCreated.count > 0) rows.push(['quota', '', 'documentsCreated', JSON.stringify(this.documentsCreated)]);
    if (this.mailRecipients.count > 0) rows.push(['quota', '', 'mailRecipients', JSON.stringify(this.mailRecipients)]);
    for (const [key, value] of this.documentProperties) rows.push(['document', '', key, value]);
    for (const [key, value] of this.scriptProperties) rows.push(['script', '', key, value]);
    for (const [email, properties] of this.userProperties) {
      for (const [key, value] of properties) rows.push(['user', email, key, value]);
    }
    this.triggers.forEach((trigger, index) => rows.push(['trigger', '', String(index + 1), JSON.stringify(trigger)]));
    this.protections.forEach((protection, index) =>
      rows.push(['protection', protection.sheetName, String(index + 1), JSON.stringify(protection)]),
    );
    for (const chart of this.charts) rows.push(['chart', chart.sheetName, String(chart.id), JSON.stringify(chart)]);
    return rows.map(([kind = '', scope = '', key = '', value = '']) => {
      const chunks: string[] = [];
      for (let start = 0; start < value.length; start += CHUNK) chunks.push(value.slice(start, start + CHUNK));
      return [kind, scope, key, ...(chunks.length ? chunks : [''])];
    });
  }

  /** Writes the state into the workbook's state sheet (veryHidden, last), replacing what was there. */
  write(workbook: ExcelJS.Workbook): void {
    const old = workbook.getWorksheet(STATE_SHEET_NAME);
    if (old) workbook.removeWorksheet(old.id);
    const sheet = workbook.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
    sheet.addRow(['kind', 'scope', 'key', 'value']);
    for (const row of this.rows()) sheet.addRow(row);
  }
}
