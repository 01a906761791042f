/**
 * Which rows get a document and what each is called (SPEC §7): certificates for 已认定 rows, term
 * assessment forms for rows whose term has ended or ends within 60 days (the rows 任期考核 lists);
 * rows asked for by number are checked the same way and refused with a reason naming the row, its
 * state and value. The pre-flight lists rows lacking a value a placeholder needs. File names come
 * from the pattern in 设置 ({列名}), made safe for Windows, never naming personal information, and
 * unique: two rows whose names collide both get their row number.
 */
import type { CalendarDate } from '../calendar-date';
import { headerKey } from '../nomination/headers';
import type { State } from '../workflow/states';
import { termEndOf, termResultDue, UPCOMING_TERM_DAYS } from '../workflow/term-results';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds';
import { isEmptyValue, isPersonalName, valueOf, valueText, type FieldValue } from './placeholders';

/** What choosing a row needs to know about it. */
export interface CandidateRow {
  row: number;
  name: string;
  state: State | null;
  /** 状态 as typed (for messages when it is not a state). */
  stateText: string;
  /** 认定日期, 'invalid' when typed but not a date, absent when blank. */
  awardDate?: CalendarDate | 'invalid';
  /** Whether the row is empty (nothing typed in a known column). */
  empty?: boolean;
}

/** The rows a batch makes documents for, and the requested rows refused. */
export interface RowChoice {
  chosen: number[];
  refused: { row: number; message: string }[];
}

/** `第5行（张三）`. */
function rowLabel(row: CandidateRow): string {
  return `第${row.row}行${row.name === '' ? '' : `（${row.name}）`}`;
}

/** Why a row gets no document of this kind, naming the row, its state and value; null when it does. */
export function rowRefusal(kind: DocumentKind, row: CandidateRow, today: CalendarDate, termYears: number): string | null {
  const label = DOCUMENT_KINDS[kind].label;
  const stateText = row.state ?? (row.stateText === '' ? '（空）' : row.stateText);
  if (kind === 'certificate') {
    if (row.state === '已认定') return null;
    return `${rowLabel(row)}状态为“${stateText}”：只有“已认定”的行才能生成${label}`;
  }
  const facts = { state: row.state, stateText: row.stateText, county: '', ...(row.awardDate === undefined ? {} : { awardDate: row.awardDate }) };
  if (termResultDue(facts, today, termYears) !== null) return null;
  const rule = `只有“任期届满”的行，或任期在${UPCOMING_TERM_DAYS}天内届满的“已认定”行，才能生成${label}`;
  if (row.state !== '已认定') return `${rowLabel(row)}状态为“${stateText}”：${rule}`;
  const end = termEndOf(facts, termYears);
  if (end === undefined) return `${rowLabel(row)}认定日期${row.awardDate === 'invalid' ? '无法识别' : '为空'}，算不出任期：${rule}`;
  return `${rowLabel(row)}任期至 ${end}，离届满超过${UPCOMING_TERM_DAYS}天：${rule}`;
}

/**
 * The rows to make documents for: the requested ones, each checked (duplicates once, in the order
 * asked), or every eligible row of the sheet in order.
 */
export function chooseRows(kind: DocumentKind, rows: readonly CandidateRow[], requested: readonly number[] | undefined, today: CalendarDate, termYears: number): RowChoice {
  const choice: RowChoice = { chosen: [], refused: [] };
  if (requested === undefined) {
    for (const row of rows) if (!row.empty && rowRefusal(kind, row, today, termYears) === null) choice.chosen.push(row.row);
    return choice;
  }
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  const first = rows[0]?.row;
  const last = rows[rows.length - 1]?.row;
  for (const number of [...new Set(requested)]) {
    const row = byNumber.get(number);
    if (row === undefined) {
      const range = first === undefined ? '表格中没有数据行' : `数据行为第${first}行至第${last}行`;
      choice.refused.push({ row: number, message: `第${number}行不在表格的数据范围内（${range}）` });
      continue;
    }
    if (row.empty) {
      choice.refused.push({ row: number, message: `第${number}行是空行` });
      continue;
    }
    const refusal = rowRefusal(kind, row, today, termYears);
    if (refusal === null) choice.chosen.push(number);
    else choice.refused.push({ row: number, message: refusal });
  }
  return choice;
}

/** The placeholders (known names only) a row has no value for, in the template's order. */
export function missingPlaceholders(names: readonly string[], values: ReadonlyMap<string, FieldValue>): string[] {
  return names.filter((name) => values.has(headerKey(name)) && isEmptyValue(valueOf(values, name)));
}

/** Windows device names a file may not be called (with or without an extension). */
const RESERVED_DEVICE_NAMES = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$/iu;

/** The longest file name made (characters), leaving room for `.docx`/`.pdf` and a folder path. */
export const MAX_FILE_NAME_LENGTH = 120;

/** The name of a file whose pattern gave nothing usable. */
const UNNAMED = '未命名';

/** `{列名}` names in a file name pattern. */
export function patternNames(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]*)\}/gu)].map((match) => (match[1] ?? '').trim());
}

/**
 * Why a file name pattern cannot be used, or null: it names personal information (身份证号,
 * 联系电话), or a name no column or field has. `where` names the 设置 row (e.g. 设置第12行：证书文件名).
 */
export function fileNamePatternProblem(pattern: string, known: readonly string[], where: string): string | null {
  const names = patternNames(pattern);
  const personal = names.filter(isPersonalName);
  if (personal.length > 0) {
    return `${where}“${pattern}”含有个人信息${personal.map((name) => `{${name}}`).join('、')}：文件名会出现在文件夹、链接和分享记录中，不能含身份证号或联系电话；请改用 {姓名}、{证书编号} 等`;
  }
  const knownKeys = new Set(known.map(headerKey));
  const unknown = names.filter((name) => !knownKeys.has(headerKey(name)));
  if (unknown.length > 0) return `${where}“${pattern}”中的${unknown.map((name) => `{${name}}`).join('、')}没有对应的列或字段`;
  if (names.length === 0) return `${where}“${pattern}”不含任何 {列名}，每一行的文件会同名；请至少写 {姓名}`;
  return null;
}

/**
 * A file name safe on Windows, macOS, Linux and Drive: reserved and control characters replaced,
 * never starting with a dot or a space (a leading dot hides the file on macOS and Linux) nor
 * ending with one (Windows drops them), bounded, never empty.
 */
export function safeFileName(text: string): string {
  // eslint-disable-next-line no-control-regex
  let name = text.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/gu, '_').replace(/\s+/gu, ' ');
  name = Array.from(name).slice(0, MAX_FILE_NAME_LENGTH).join('');
  name = name.replace(/^[. ]+/u, '').replace(/[. ]+$/u, '');
  if (name === '') return UNNAMED;
  if (RESERVED_DEVICE_NAMES.test(name)) name = `_${name}`;
  return name;
}

/** A row's file name from the pattern (before the collision check). */
export function fileNameOf(pattern: string, values: ReadonlyMap<string, FieldValue>): string {
  return safeFileName(pattern.replace(/\{([^{}]*)\}/gu, (_whole, name: string) => valueText(valueOf(values, name.trim()))));
}

/**
 * Names unique among the rows given (compared as Windows does: case ignored): every row of a
 * colliding name gets its row number, `张三-任期考核表（第5行）`, so which row owns a file never
 * depends on which ran first.
 */
export function uniqueFileNames(names: readonly { row: number; name: string }[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const { name } of names) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  const result = new Map<number, string>();
  for (const { row, name } of names) {
    if ((count.get(name.toLowerCase()) ?? 0) < 2) {
      result.set(row, name);
      continue;
    }
    const suffix = `（第${row}行）`;
    const room = MAX_FILE_NAME_LENGTH - suffix.length;
    result.set(row, `${Array.from(name).slice(0, room).join('').replace(/[. ]+$/u, '')}${suffix}`);
  }
  return result;
}
