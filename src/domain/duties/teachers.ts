/**
 * The awarded teachers of the nomination sheet, and matching a 履职记录 row to one of them: by
 * 证书编号 (trimmed, full-width letters, digits and signs read as half-width) when the row has one,
 * else by 身份证号 (likewise, x read as X), else by 姓名 (spaces anywhere ignored) when exactly one
 * awarded teacher of that name could be meant (their term covers the row's semester). A number
 * that matches nobody is said, not replaced by the name; a name shared by several is listed with
 * the candidates' rows. Awarded = a row with a 证书编号 or in 已认定 / 任期届满 / 已取消. No message
 * ever shows an ID number.
 */
import type { CalendarDate } from '../calendar-date';
import { dateOfCell } from '../date-text';
import type { HeaderMatch } from '../nomination/headers';
import { quote } from '../nomination/values';
import { SHEET_NAMES } from '../sheet-layouts';
import { readState, type State } from '../workflow/states';
import type { Preset } from '../presets';
import { termEnd } from '../term';
import { ID_DIGITS_KEPT, nameKey, type LedgerEntry } from './ledger';
import { semesterIndex, semesterOfDate, type SemesterStarts } from './semesters';

/** What an ID number looks like (18 characters, or the old 15 digits). */
const ID_NUMBER_LIKE = /^(?:\d{17}[\dXx]|\d{15})$/u;

/** States after an award: their rows can own 履职记录 rows. */
export const AWARDED_STATES: readonly State[] = ['已认定', '任期届满', '已取消'];

/**
 * The states whose teachers the 履职情况 report covers: 已认定, and 任期届满 (their three years are
 * what the term assessment reads). 已取消 is left out.
 */
export const REPORTED_STATES: readonly State[] = ['已认定', '任期届满'];

/** The state in which a title can still be cancelled (六（四）): only its teachers get proposals. */
export const CANCELLABLE_STATE: State = '已认定';


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
  /** The 身份证号 cell holds a number that has lost digits: nothing can match it. */
  idLost?: boolean;
}

/** The nomination sheet's awarded teachers (see the file's comment). */
export function awardedTeachers(cells: readonly (readonly unknown[])[], headerRow: number, headers: HeaderMatch): AwardedTeacher[] {
  const at = (row: readonly unknown[], column: number | undefined) => (column === undefined ? '' : String(row[column] ?? '').trim());
  const teachers: AwardedTeacher[] = [];
  for (let index = headerRow; index < cells.length; index += 1) {
    const row = cells[index] ?? [];
    const certificate = certificateKey(at(row, headers.outputs['证书编号']));
    const stateColumn = headers.outputs['状态'];
    const state = readState(stateColumn === undefined ? '' : row[stateColumn]);
    if (certificate === '' && !(state !== null && AWARDED_STATES.includes(state))) continue;
    const dateColumn = headers.outputs['认定日期'];
    const idCell = headers.columns.idNumber === undefined ? '' : row[headers.columns.idNumber];
    teachers.push({
      row: index + 1,
      name: at(row, headers.columns.name),
      certificate,
      idNumber: idOf(idCell),
      ...(typeof idCell === 'number' && Math.abs(idCell) >= ID_DIGITS_KEPT ? { idLost: true } : {}),
      state,
      awardDate: dateColumn === undefined ? null : dateOfCell(row[dateColumn]),
    });
  }
  return teachers;
}

/** An ID number cell as compared; '' for a number that has lost digits (it matches nobody). */
function idOf(cell: unknown): string {
  if (typeof cell === 'number' && Math.abs(cell) >= ID_DIGITS_KEPT) return '';
  return normalizedId(String(cell ?? ''));
}

/** Full-width ASCII forms (Ａ, ２, （) and the ideographic space read as their half-width forms. */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ');
}

/** A 证书编号 as compared: full-width forms folded, trimmed. */
export function certificateKey(text: string): string {
  return foldFullWidth(text).trim();
}

/** An ID number as compared: full-width folded, spaces removed, x read as X. */
function normalizedId(text: string): string {
  return foldFullWidth(text).normalize('NFKC').replace(/[\s\u00a0]+/gu, '').toUpperCase();
}

/** `张丽（玉教班〔2024〕001号）` or `张丽（推荐名单第5行）`: a teacher as messages name them. */
export function teacherLabel(teacher: AwardedTeacher, sheet: string = SHEET_NAMES.nominations): string {
  return `${teacher.name || '（无姓名）'}（${teacher.certificate || `${sheet}第${teacher.row}行`}）`;
}

/** `推荐名单第3行 张丽（玉教班〔2024〕001号）` or `推荐名单第3行 张丽`: a teacher named by their row. */
export function teacherAtRow(teacher: AwardedTeacher, sheet: string = SHEET_NAMES.nominations): string {
  return `${sheet}第${teacher.row}行 ${teacher.name || '（无姓名）'}${teacher.certificate ? `（${teacher.certificate}）` : ''}`;
}

/** The teachers to match against, indexed once. */
export interface TeacherIndex {
  byCertificate: ReadonlyMap<string, AwardedTeacher>;
  byId: ReadonlyMap<string, AwardedTeacher[]>;
  byName: ReadonlyMap<string, AwardedTeacher[]>;
  /** Teachers whose 身份证号 lost digits (stored as a number): an ID number cannot find them. */
  idLost: readonly AwardedTeacher[];
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
    add(byName, nameKey(teacher.name), teacher);
  }
  return { byCertificate, byId, byName, idLost: teachers.filter((teacher) => teacher.idLost === true) };
}

/**
 * One 提示 per 证书编号 that several awarded rows carry (a typing slip, or a number issued twice):
 * ledger rows with that number count for the first of them only, so the official should look.
 */
export function sharedCertificateNotices(teachers: readonly AwardedTeacher[], sheet: string = SHEET_NAMES.nominations): string[] {
  const rowsByCertificate = new Map<string, number[]>();
  for (const teacher of teachers) {
    if (teacher.certificate !== '') rowsByCertificate.set(teacher.certificate, [...(rowsByCertificate.get(teacher.certificate) ?? []), teacher.row]);
  }
  return [...rowsByCertificate]
    .filter(([, rows]) => rows.length > 1)
    .map(([certificate, rows]) => `${sheet}第${rows.join('、')}行的证书编号都是“${quote(certificate)}”：按该编号填写的履职记录只计入第${rows[0]}行；请核对证书编号`);
}

/** Whom a ledger entry belongs to; `notice` when the row must be listed (not counted without a teacher). */
export type EntryMatch = { teacher: AwardedTeacher; notice?: string } | { teacher: null; notice?: string };

/** What matching needs besides the index: the nomination sheet's name, and the semesters of a term. */
export interface MatchContext {
  sheet: string;
  starts: SemesterStarts;
  preset: Preset;
}

/** The candidates as a message lists them; each one's state too when their states differ. */
function candidatesText(teachers: readonly AwardedTeacher[], sheet: string): string {
  const statesDiffer = new Set(teachers.map((teacher) => teacher.state)).size > 1;
  return teachers.map((teacher) => `${teacherAtRow(teacher, sheet)}${statesDiffer ? `（${teacher.state ?? '无状态'}）` : ''}`).join('、');
}

/** Whether a teacher's term (认定日期 through its end) covers the entry's semester; unknown when the award date is not known. */
function termCovers(teacher: AwardedTeacher, entry: LedgerEntry, context: MatchContext): boolean {
  if (teacher.awardDate === null) return true;
  const at = semesterIndex(entry.semester);
  const first = semesterIndex(semesterOfDate(teacher.awardDate, context.starts));
  const last = semesterIndex(semesterOfDate(termEnd(teacher.awardDate, context.preset.termYears), context.starts));
  return at >= first && at <= last;
}

/** Matches a ledger entry to an awarded teacher (see the file's comment). */
export function matchEntry(entry: LedgerEntry, index: TeacherIndex, context: MatchContext): EntryMatch {
  const { sheet } = context;
  const who = entry.name === '' ? '' : `${quote(entry.name)}：`;
  let teacher: AwardedTeacher | undefined;
  let by: string;
  if (entry.certificate !== '') {
    teacher = index.byCertificate.get(certificateKey(entry.certificate));
    if (!teacher) {
      // An ID number typed into 证书编号 is personal data: it is never quoted back.
      const shown = ID_NUMBER_LIKE.test(entry.certificate.normalize('NFKC').replace(/\s+/gu, '')) ? '一栏填的像是身份证号，' : `“${quote(entry.certificate)}”`;
      return { teacher: null, notice: `${who}证书编号${shown}在${sheet}中找不到已认定的人（未改按姓名对应）；此行未计入` };
    }
    by = '证书编号';
  } else if (entry.idNumber !== '') {
    const found = index.byId.get(normalizedId(entry.idNumber)) ?? [];
    if (found.length === 0) {
      const lost = index.idLost.map((each) => `第${each.row}行`).join('、');
      const hint = lost === '' ? '' : `（${sheet}${lost}的身份证号存的是数字，已丢失末几位，无法对应：请把该列设为纯文本格式后重新输入）`;
      return { teacher: null, notice: `${who}所填身份证号在${sheet}中找不到已认定的人${hint}（未改按姓名对应）；此行未计入` };
    }
    if (found.length > 1) return { teacher: null, notice: `${who}所填身份证号对应${sheet}中的多行（${found.map((each) => `第${each.row}行`).join('、')}），无法确定是谁；此行未计入` };
    teacher = found[0] as AwardedTeacher;
    by = '身份证号';
  } else if (entry.idLost === true) {
    // The ledger already listed the row: its ID number lost digits, and a name does not replace it.
    return { teacher: null };
  } else if (entry.name !== '') {
    const found = index.byName.get(nameKey(entry.name)) ?? [];
    if (found.length === 0) return { teacher: null, notice: `${who}${sheet}中没有叫“${quote(entry.name)}”的已认定人员；此行未计入` };
    if (found.length === 1) return { teacher: found[0] as AwardedTeacher };
    const meant = found.filter((each) => termCovers(each, entry, context));
    if (meant.length === 1) return { teacher: meant[0] as AwardedTeacher };
    const candidates = meant.length > 1 ? meant : found;
    return {
      teacher: null,
      notice: `${who}${sheet}中有 ${candidates.length} 位已认定人员叫“${quote(entry.name)}”（${candidatesText(candidates, sheet)}），请填写证书编号以区分；此行未计入`,
    };
  } else {
    return { teacher: null, notice: '姓名、证书编号、身份证号都为空，不知道是谁的记录；此行未计入' };
  }
  if (entry.name !== '' && teacher.name !== '' && nameKey(entry.name) !== nameKey(teacher.name)) {
    return { teacher, notice: `姓名“${quote(entry.name)}”与${by}对应的${teacherLabel(teacher, sheet)}不一致；按${by}计入，请核对` };
  }
  return { teacher };
}
