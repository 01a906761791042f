/**
 * The printed 公示名单 as data: one sheet per publicity period, named by the period (so a published
 * list is never replaced by a later one), laid out for printing — a title row and a period row
 * (each merged across the table), the header row with 序号, one row per person, and column widths
 * that fit the longest school and county names. Only the six public columns ever appear: never
 * 身份证号, 联系电话 or 电子邮箱 (SPEC §9).
 */
import { fittingWidth } from './column-layout';
import type { FieldKey } from './nomination/fields';
import { countyOf } from './nomination/values';
import type { Preset } from './presets';
import { SHEET_NAMES } from './sheet-layouts';

/** The columns of the list after 序号: only these, by design. */
export const PUBLICITY_COLUMNS: readonly { key: FieldKey; header: string }[] = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'school', header: '学校' },
  { key: 'county', header: '县（市、区）' },
  { key: 'stage', header: '学段' },
  { key: 'category', header: '申报类别' },
];

/** A cell of a public column as the list prints it, trimmed: the county by the preset's full name (峨山 → 峨山彝族自治县). */
export function publicCellText(key: FieldKey, cell: unknown, preset: Preset): string {
  return (key === 'county' ? countyOf(cell, preset) : null) ?? String(cell ?? '').trim();
}

/** The list's header row. */
export const PUBLICITY_HEADERS: readonly string[] = ['序号', ...PUBLICITY_COLUMNS.map((column) => column.header)];

/** Row of the list's header (under the title and the period): repeated on every printed page. */
export const PUBLICITY_HEADER_ROW = 3;

/** What Excel refuses in a sheet name (Sheets takes them, but the list must also save as .xlsx). */
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/u;

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** The sheet of one publicity's list: `公示名单 2024-09-27至2024-10-09` (26 characters). */
export function publicitySheetName(first: string, last: string): string {
  const name = `${SHEET_NAMES.publicity} ${first}至${last}`;
  if (name.length > MAX_SHEET_NAME_LENGTH || FORBIDDEN_IN_SHEET_NAME.test(name)) {
    throw new Error(`公示名单的工作表名“${name}”不能用于 .xlsx（最多${MAX_SHEET_NAME_LENGTH}个字符，不能含 []:*?/\\）`);
  }
  return name;
}

/** One publicity list laid out: its cells (every row as wide as the header) and column widths in pixels. */
export interface PublicityLayout {
  rows: (string | number)[][];
  widths: number[];
}

/** The list of one period: the preset's title, period text, header, then each person numbered from 1. */
export function publicityLayout(periodText: string, people: readonly (readonly string[])[], preset: Pick<Preset, 'publicityTitle'>): PublicityLayout {
  const width = PUBLICITY_HEADERS.length;
  const padded = (first: string) => [first, ...Array<string>(width - 1).fill('')];
  const body = people.map((person, index) => [index + 1, ...PUBLICITY_COLUMNS.map((_, column) => person[column] ?? '')]);
  const widths = PUBLICITY_HEADERS.map((header, column) => fittingWidth([header, ...body.map((row) => String(row[column] ?? ''))]));
  return { rows: [padded(preset.publicityTitle), padded(periodText), [...PUBLICITY_HEADERS], ...body], widths };
}
