/**
 * The awarded teachers of the nomination sheet, and matching a 履职记录 row to one of them: by
 * 证书编号 (trimmed, exact) when the row has one, else by 身份证号 (trimmed, x read as X), else by
 * 姓名 when exactly one awarded teacher has that name. A number that matches nobody is said, not
 * replaced by the name; a name shared by several is listed with their rows. Awarded = a row with a
 * 证书编号 or in 已认定 / 任期届满 / 已取消. No message ever shows an ID number.
 */
import { isCalendarDate, fromSerialNumber, type CalendarDate } from '../calendar-date';
import { parseDateText } from '../date-text';
import type { HeaderMatch } from '../nomination/headers';
import { quote } from '../nomination/values';
import { SHEET_NAMES } from '../sheet-layouts';
import { readState, type State } from '../workflow/states';
import type { LedgerEntry } from './ledger';

/** What an ID number looks like (18 characters, or the old 15 digits). */
const ID_NUMBER_LIKE = /^(?:\d{17}[\dXx]|\d{15})$/u;

/** States after an award: their rows can own 履职记录 rows. */
export const AWARDED_STATES: readonly State[] = ['已认定', '任期届满', '已取消'];

/** The state whose teachers the 履职情况 report covers. */
export const REPORTED_STATE: State = '已认定';

/** One awarded row of the nomination sheet. */
export interface AwardedTeacher {
  /** 1-based row number in the nomination sheet. */
  row: number;
  name: string;
  certificate: string;
  idNumber: string;
  state: State | null;
  /** 认定日期, or null when blank or unreadable. */
  awardDate: CalendarDate | null;
}

/** The nomination sheet's awarded teachers (see the file's comment). */
export function awardedTeachers(cells: readonly (readonly unknown[])[], headerRow: number, headers: HeaderMatch): AwardedTeacher[] {
  const at = (row: readonly unknown[], column: number | undefined) => (column === undefined ? '' : String(row[column] ?? '').trim());
  const teachers: AwardedTeacher[] = [];
  for (let index = headerRow; index < cells.length; index += 1) {
    const row = cells[index] ?? [];
    const certificate = at(row, headers.outputs['证书编号']);
    const stateColumn = headers.outputs['状态'];
    const state = readState(stateColumn === undefined ? '' : row[stateColumn]);
    if (certificate === '' && !(state !== null && AWARDED_STATES.includes(state))) continue;
    const dateColumn = headers.outputs['认定日期'];
    teachers.push({
      row: index + 1,
      name: at(row, headers.columns.name),
      certificate,
      idNumber: normalizedId(at(row, headers.columns.idNumber)),
      state,
      awardDate: dateColumn === undefined ? null : awardDateOf(row[dateColumn]),
    });
  }
  return teachers;
}

function awardDateOf(cell: unknown): CalendarDate | null {
  if (typeof cell === 'number' && Number.isFinite(cell) && cell > 0) return fromSerialNumber(cell);
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  return isCalendarDate(text) ? text : parseDateText(text);
}

/** An ID number as compared: trimmed, full-width folded, x read as X. */
function normalizedId(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/** `张丽（玉教班〔2024〕001号）` or `张丽（第5行）`: a teacher as messages name them. */
export function teacherLabel(teacher: AwardedTeacher): string {
  return `${teacher.name || '（无姓名）'}（${teacher.certificate || `${SHEET_NAMES.nominations}第${teacher.row}行`}）`;
}

/** The teachers to match against, indexed once. */
export interface TeacherIndex {
  byCertificate: ReadonlyMap<string, AwardedTeacher>;
  byId: ReadonlyMap<string, AwardedTeacher[]>;
  byName: ReadonlyMap<string, AwardedTeacher[]>;
}

/** Indexes the awarded teachers by certificate number, ID number and name. */
export function indexTeachers(teachers: readonly AwardedTeacher[]): TeacherIndex {
  const byCertificate = new Map<string, AwardedTeacher>();
  const byId = new Map<string, AwardedTeacher[]>();
  const byName = new Map<string, AwardedTeacher[]>();
  const add = (map: Map<string, AwardedTeacher[]>, key: string, teacher: AwardedTeacher) => {
    if (key !== '') map.set(key, [...(map.get(key) ?? []), teacher]);
  };
  for (const teacher of teachers) {
    if (teacher.certificate !== '' && !byCertificate.has(teacher.certificate)) byCertificate.set(teacher.certificate, teacher);
    add(byId, teacher.idNumber, teacher);
    add(byName, teacher.name, teacher);
  }
  return { byCertificate, byId, byName };
}

/** Whom a ledger entry belongs to; `notice` when the row must be listed (not counted without a teacher). */
export type EntryMatch = { teacher: AwardedTeacher; notice?: string } | { teacher: null; notice: string };

function rowsOf(teachers: readonly AwardedTeacher[]): string {
  return teachers.map((teacher) => `第${teacher.row}行`).join('、');
}

/** Matches a ledger entry to an awarded teacher (see the file's comment). */
export function matchEntry(entry: LedgerEntry, index: TeacherIndex): EntryMatch {
  const sheet = SHEET_NAMES.nominations;
  const who = entry.name === '' ? '' : `${quote(entry.name)}：`;
  let teacher: AwardedTeacher | undefined;
  let by: string;
  if (entry.certificate !== '') {
    teacher = index.byCertificate.get(entry.certificate);
    if (!teacher) {
      // An ID number typed into 证书编号 is personal data: it is never quoted back.
      const shown = ID_NUMBER_LIKE.test(entry.certificate.normalize('NFKC').replace(/\s+/gu, '')) ? '一栏填的像是身份证号，' : `“${quote(entry.certificate)}”`;
      return { teacher: null, notice: `${who}证书编号${shown}在${sheet}中找不到已认定的人（未改按姓名对应）；此行未计入` };
    }
    by = '证书编号';
  } else if (entry.idNumber !== '') {
    const found = index.byId.get(normalizedId(entry.idNumber)) ?? [];
    if (found.length === 0) return { teacher: null, notice: `${who}所填身份证号在${sheet}中找不到已认定的人（未改按姓名对应）；此行未计入` };
    if (found.length > 1) return { teacher: null, notice: `${who}所填身份证号对应${sheet}中的多行（${rowsOf(found)}），无法确定是谁；此行未计入` };
    teacher = found[0] as AwardedTeacher;
    by = '身份证号';
  } else if (entry.name !== '') {
    const found = index.byName.get(entry.name) ?? [];
    if (found.length === 0) return { teacher: null, notice: `${who}${sheet}中没有叫“${quote(entry.name)}”的已认定人员；此行未计入` };
    if (found.length > 1) {
      return { teacher: null, notice: `${who}${sheet}中有 ${found.length} 位已认定人员叫“${quote(entry.name)}”（${rowsOf(found)}），请填写证书编号以区分；此行未计入` };
    }
    return { teacher: found[0] as AwardedTeacher };
  } else {
    return { teacher: null, notice: '姓名、证书编号、身份证号都为空，不知道是谁的记录；此行未计入' };
  }
  if (entry.name !== '' && teacher.name !== '' && entry.name !== teacher.name) {
    return { teacher, notice: `姓名“${quote(entry.name)}”与${by}对应的${teacherLabel(teacher)}不一致；按${by}计入，请核对` };
  }
  return { teacher };
}
