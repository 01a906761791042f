/**
 * Placeholders of a document template (SPEC §7): `{{姓名}}` names a header of the nomination sheet
 * or one of the fields the add-on computes (称号, 任期, 认定日期, 证书编号, 今天, and for forms 履职记录).
 * Finding them in a template's text, the value each takes for one row as an official expects to read
 * it (dates 2024年10月10日, whole numbers without exponent or grouping, 是/否), and which names no
 * column or field matches. Pure: the adapter gives the header row and the row's cells as read.
 */
import { formatChineseDate, isCalendarDate, type CalendarDate } from '../calendar-date';
import { foldHeader, headerKey } from '../nomination/headers';
import { fieldOf, foldSpelling, spellingMap } from '../nomination/fields';
import { countyOf } from '../nomination/values';
import type { Preset } from '../presets';
import type { SelectionLevel } from '../selection-level';
import { termEnd } from '../term';
import type { SemesterStatus } from '../duties/report';
import type { DocumentKind } from './kinds';

/** A value a placeholder takes: text, or (履职记录) a table whose first row is its header. */
export type FieldValue = string | { table: string[][] };

/** The fields the add-on computes for every kind, besides the sheet's headers. */
export const COMPUTED_FIELDS = ['称号', '任期', '认定日期', '证书编号', '今天'] as const;

/** The field a form's duty table goes to (a table inserted after its paragraph). */
export const DUTY_TABLE_FIELD = '履职记录';

/** The header row of the 履职记录 table, one row per semester of the term so far. */
export const DUTY_TABLE_HEADER = ['学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成'] as const;

/** Headers of personal information (SPEC §9): in a document only when its template names them, never in a file name. */
export const PERSONAL_HEADERS = ['身份证号', '身份证号码', '联系电话', '电话', '手机', '手机号'] as const;

/** The placeholders of a text, and `{{` never closed. */
export interface PlaceholderScan {
  /** Each name once, in order of first appearance, inner spaces trimmed, otherwise as typed. */
  names: string[];
  /** Where a `{{` is never closed: the text from it (at most 20 characters). */
  unclosed: string[];
}

/** Finds `{{name}}` placeholders in a template's text (see PlaceholderScan). */
export function findPlaceholders(text: string): PlaceholderScan {
  const names: string[] = [];
  const unclosed: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      unclosed.push(text.slice(open, open + 20).replace(/\s+/gu, ' '));
      at = open + 2;
      continue;
    }
    const name = text.slice(open + 2, close).trim();
    if (name !== '' && !names.includes(name)) names.push(name);
    at = close + 2;
  }
  return { names, unclosed };
}

/** Every name a placeholder may use: the sheet's headers as typed, and the computed fields of the kind. */
export function knownNames(headers: readonly string[], kind: DocumentKind): string[] {
  const fields: string[] = [...COMPUTED_FIELDS, ...(kind === 'form' ? [DUTY_TABLE_FIELD] : [])];
  return [...new Set([...headers.map((header) => header.trim()).filter((header) => header !== ''), ...fields])];
}

/** The placeholder names no header and no field matches (headers compared as the sheet reads them, any accepted spelling of a known column matching it). */
export function unknownPlaceholders(names: readonly string[], headers: readonly string[], kind: DocumentKind): string[] {
  const known = new Set(knownNames(headers, kind).map(headerKey));
  return names.filter((name) => !known.has(headerKey(name)));
}

/** What a row's values are computed from. */
export interface RowValueInput {
  /** The header row as typed ('' for a blank header). */
  headers: readonly unknown[];
  /** The row's cells as the adapter reads them (dates as 'YYYY-MM-DD' texts). */
  cells: readonly unknown[];
  /** 申报类别 of the row as typed. */
  category: unknown;
  /** 认定日期 of the row: a date, or absent when blank or unreadable. */
  awardDate?: CalendarDate;
  /** 证书编号 as typed. */
  certificate: string;
  level: SelectionLevel;
  today: CalendarDate;
  preset: Preset;
  /** A form's duty table (DUTY_TABLE_HEADER first); absent for certificates. */
  dutyTable?: string[][];
}

/** A cell shown as an official expects to read it ('' when blank). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (typeof cell === 'number') return numberText(cell);
  const text = String(cell).trim();
  return isCalendarDate(text) ? formatChineseDate(text) : text;
}

/** A number without exponent or grouping: 1e21 → 1000000000000000000000, 0.1+0.2 → 0.3. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  const rounded = Number(value.toPrecision(12));
  const text = String(rounded);
  if (!/e/iu.test(text)) return text;
  return rounded.toFixed(20).replace(/\.?0+$/u, '');
}

/** 称号 of a row: the level of the workbook and the row's 申报类别 (市级骨干班主任), or '' when 申报类别 is unreadable. */
export function titleOf(category: unknown, level: SelectionLevel, preset: Preset): string {
  const value = spellingMap('category', preset).get(foldSpelling(String(category ?? '')));
  return value === undefined ? '' : `${level}${value}`;
}

/** 任期 of an award date: 2024年10月10日至2027年10月9日. */
export function termText(awardDate: CalendarDate, termYears: number): string {
  return `${formatChineseDate(awardDate)}至${formatChineseDate(termEnd(awardDate, termYears))}`;
}

/**
 * The value of every name a placeholder may use for one row, keyed by headerKey (so any accepted spelling of a known column finds it):
 * every header of the sheet (the county by the preset's full name), then the computed fields (a computed field wins over a column of the
 * same name only when the column gives nothing, so 认定日期 and 证书编号 read the same either way).
 */
export function rowValues(input: RowValueInput): Map<string, FieldValue> {
  const values = new Map<string, FieldValue>();
  const countyKey = headerKey(fieldOf('county').header);
  input.headers.forEach((header, column) => {
    const name = String(header ?? '').trim();
    if (name === '') return;
    const key = headerKey(name);
    const cell = input.cells[column];
    // A public document names the county by the preset's full name (峨山 → 峨山彝族自治县).
    const text = (key === countyKey ? countyOf(cell, input.preset) : null) ?? cellText(cell);
    if (!values.has(key) || values.get(key) === '') values.set(key, text);
  });
  const computed: Record<string, FieldValue> = {
    称号: titleOf(input.category, input.level, input.preset),
    任期: input.awardDate === undefined ? '' : termText(input.awardDate, input.preset.termYears),
    认定日期: input.awardDate === undefined ? '' : formatChineseDate(input.awardDate),
    证书编号: input.certificate.trim(),
    今天: formatChineseDate(input.today),
  };
  if (input.dutyTable !== undefined) computed[DUTY_TABLE_FIELD] = { table: input.dutyTable };
  for (const [name, value] of Object.entries(computed)) {
    const key = headerKey(name);
    const current = values.get(key);
    if (current === undefined || current === '') values.set(key, value);
  }
  return values;
}

/** The value of a placeholder name in a row's values (undefined when no header or field has that name). */
export function valueOf(values: ReadonlyMap<string, FieldValue>, name: string): FieldValue | undefined {
  return values.get(headerKey(name));
}

/** Whether a value is empty (a placeholder with it stays visible in the document, and is reported). */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value === '');
}

/** A value as text (a table's rows joined by line, cells by tab: for a file name or a header line). */
export function valueText(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.table.map((row) => row.join('\t')).join('\n');
}

/** Whether a name is personal information (SPEC §9), however its header is spelled. */
export function isPersonalName(name: string): boolean {
  const folded = foldHeader(name);
  return PERSONAL_HEADERS.some((header) => foldHeader(header) === folded);
}

/** Semester facts the duty table shows (a SemesterStatus of src/domain/duties/report). */
export type DutySemester = Pick<SemesterStatus, 'schoolYear' | 'semester' | 'books' | 'lectures' | 'openClasses' | 'mentees'>;

/** The 履职记录 table of one teacher: DUTY_TABLE_HEADER, then one row per semester with its status text. */
export function dutyTable<Semester extends DutySemester>(semesters: readonly Semester[], status: (semester: Semester) => string): string[][] {
  return [
    [...DUTY_TABLE_HEADER],
    ...semesters.map((semester) => [
      `${semester.schoolYear}学年`,
      semester.semester,
      String(semester.books),
      String(semester.lectures),
      String(semester.openClasses),
      String(semester.mentees),
      status(semester),
    ]),
  ];
}
