/**
 * Reading one nomination row's cells into a typed record (SPEC §2). Each cell becomes a value or a
 * problem in plain Chinese, never an exception and never a guess: the accepted spellings come from
 * the tables of fields.ts, the record's shape is checked by a zod schema, and every cell that
 * cannot be read is reported with its column so the adapter can attach a note to it.
 */
import * as z from 'zod/mini';
import { fromSerialNumber, isCalendarDate, toSerialNumber, type CalendarDate } from '../calendar-date';
import { parseDateText } from '../date-text';
import type { Preset } from '../presets';
import {
  ANNUAL_RESULTS,
  CATEGORIES,
  COUNTY_TITLES,
  DISQUALIFICATIONS,
  ENUMS,
  FIELDS,
  GENDERS,
  LEVELS,
  MEETS_CHOICES,
  TERM_RESULTS,
  YES_NO_CHOICES,
  YES_NO_SPELLINGS,
  assessmentYearHeader,
  fieldOf,
  foldSpelling,
  spellingMap,
  type AnnualResult,
  type FieldDef,
  type FieldKey,
} from './fields';
import type { HeaderMatch } from './headers';

/** One cell as the adapter hands it over: '' for empty, dates already 'YYYY-MM-DD' text. */
export type Cell = string | number | boolean | null;

/** Years as a class teacher beyond which a value is surely a typing mistake. */
export const MAX_YEARS = 60;
/** Dates outside these years are not plausible for this sheet (e.g. a bare year 2024 read as a serial). */
const DATE_RANGE = { first: toSerialNumber('1950-01-01'), last: toSerialNumber('2100-12-31') };
/** Longest part of a typed value quoted back in a message. */
const QUOTE_LENGTH = 20;

/** One annual result of 近5年考核; `result` is null when that year is blank or unreadable. */
export interface AssessmentEntry {
  year: number | null;
  result: AnnualResult | null;
  text: string;
}

const assessmentEntrySchema = z.object({
  year: z.nullable(z.int()),
  result: z.nullable(z.enum(ANNUAL_RESULTS)),
  text: z.string(),
});

const recordShape = {
  seq: z.int().check(z.minimum(0)),
  name: z.string().check(z.minLength(1)),
  gender: z.enum(GENDERS),
  idNumber: z.string().check(z.regex(/^\d{17}[\dX]$/u)),
  phone: z.string().check(z.minLength(3), z.maxLength(30)),
  email: z.email(),
  county: z.string().check(z.minLength(1)),
  school: z.string().check(z.minLength(1)),
  stage: z.string().check(z.minLength(1)),
  category: z.enum(CATEGORIES),
  studioHost: z.boolean(),
  years: z.number().check(z.minimum(0), z.maximum(MAX_YEARS)),
  countyTitle: z.enum(COUNTY_TITLES),
  c1: z.boolean(),
  c2: z.boolean(),
  c3: z.boolean(),
  c4: z.boolean(),
  c5: z.boolean(),
  c6: z.boolean(),
  awardLevel: z.enum(LEVELS),
  awardName: z.string().check(z.minLength(1)),
  honorLevel: z.enum(LEVELS),
  honorName: z.string().check(z.minLength(1)),
  assessments: z.array(assessmentEntrySchema).check(z.minLength(1)),
  researchLevel: z.enum(LEVELS),
  researchName: z.string().check(z.minLength(1)),
  cityFamous: z.boolean(),
  lastTermResult: z.enum(TERM_RESULTS),
  lastTermDate: z.string().check(z.refine(isCalendarDate)),
  /** 0 for none (blank/无), else the item 1–6 of 六（四）. */
  disqualification: z.int().check(z.minimum(0), z.maximum(DISQUALIFICATIONS.length)),
} satisfies Record<FieldKey, z.ZodMiniType>;

/** A nomination row as typed values; a key is absent when its cell is missing, blank or unreadable. */
export const NominationRecordSchema = z.partial(z.strictObject(recordShape));

/** A nomination row as typed values. */
export type NominationRecord = z.infer<typeof NominationRecordSchema>;

/** How one field's input stood, so a rule can say why it has no value. */
export type FieldState =
  | { state: 'missing' }
  | { state: 'blank' }
  | { state: 'problem'; message: string }
  | { state: 'ok' };

/** An input cell that could not be read (column is the 0-based index in the row). */
export interface CellProblem {
  column: number;
  message: string;
}

/** A row read: its record, the state of every field, and the cells with problems. */
export interface ReadRow {
  record: NominationRecord;
  states: Record<FieldKey, FieldState>;
  problems: CellProblem[];
}

/** A cell read: a value, a value with a note (partly readable), or only a problem. */
type Read = { value: unknown; problem?: string } | { problem: string };

/** Whether a cell counts as empty: null, '' or only spaces. */
export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const ERROR_VALUE = /^#(?:N\/A|GETTING_DATA|[A-Z][A-Z0-9_/]*[!?])$/u;

/** Whether a text is a spreadsheet error value such as #N/A or #REF!. */
export function isErrorValue(text: string): boolean {
  return ERROR_VALUE.test(text.trim());
}

/** Some of a text, safe to quote in a message: one line, at most 20 characters. */
export function quote(text: string): string {
  const chars = Array.from(text.trim().replace(/\s+/gu, ' '));
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH).join('')}…` : chars.join('');
}

/** A cell as a message shows it. */
function shown(cell: Cell): string {
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return quote(String(cell));
}

/** `获奖级别“省一等奖”`, or `身份证号（尾号1234）` for personal information longer than four characters. */
export function describeCell(field: FieldDef, cell: Cell): string {
  const chars = Array.from(String(cell).trim());
  if (field.personal && chars.length > 4) return `${field.header}（尾号${chars.slice(-4).join('')}）`;
  return `${field.header}“${shown(cell)}”`;
}

/** What a column expects, for messages. */
function expected(field: FieldDef, preset: Preset): string {
  const { kind } = field;
  switch (kind.type) {
    case 'serial':
      return '数字';
    case 'text':
      return '文字';
    case 'phone':
      return '电话号码';
    case 'email':
      return '电子邮箱地址，如name@example.com';
    case 'idNumber':
      return '18位身份证号';
    case 'enum':
      return `以下之一：${ENUMS[kind.choices].values(preset).join('、')}`;
    case 'yesNo':
      return (kind.choices === 'meets' ? MEETS_CHOICES : YES_NO_CHOICES).join('或');
    case 'years':
      return '年数，如5、5年或5.5';
    case 'date':
      return '日期，如2024-09-27、2024/9/27或2024年9月27日';
    case 'assessments':
      return `由早到晚的${preset.assessmentYears}个结果（${ANNUAL_RESULTS.join('、')}），用“、”隔开`;
    case 'disqualification':
      return `无，或六（四）1–${DISQUALIFICATIONS.length}之一（如“3”或“六（四）3”）`;
  }
}

function unreadable(field: FieldDef, cell: Cell, preset: Preset): Read {
  return { problem: `${describeCell(field, cell)}无法识别，应填${expected(field, preset)}` };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CODES = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a 身份证号. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (ID_WEIGHTS[index] as number);
  return ID_CHECK_CODES[sum % 11] as string;
}

/** Why a 身份证号 text is not valid (length, characters, GB 11643 check digit), or null when it is. */
export function idNumberProblem(text: string): string | null {
  const folded = foldSpelling(text);
  const tail = `身份证号（尾号${Array.from(folded).slice(-4).join('')}）`;
  const length = Array.from(folded).length;
  if (length !== 18) return `${tail}应为18位，现为${length}位`;
  if (!/^\d{17}[\dX]$/u.test(folded)) return `${tail}只能是数字，最后一位可以是X`;
  if (idCheckCharacter(folded) !== folded[17]) return `${tail}校验位不对，请核对`;
  return null;
}

/** Years from a number or a text such as `5`, `5年`, `5.5`, `５年`; null when it is neither. */
function yearsOf(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)年?$/u.exec(foldSpelling(cell));
  return match ? Number(match[1]) : null;
}

/** The 六（四） item a text names (0 for none), or null. */
export function disqualificationOf(cell: Cell): number | null {
  const last = DISQUALIFICATIONS.length;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= last ? cell : null;
  if (typeof cell !== 'string') return null;
  const folded = foldSpelling(cell);
  if (folded === '无' || folded === '否') return 0;
  const bare = (text: string): string => foldSpelling(text).replace(/[的。.]+$/u, '');
  const numbered = /^(?:六\(四\))?第?(\d+)(?:项|条)?[.、:]?(.*)$/u.exec(folded);
  if (numbered) {
    const item = DISQUALIFICATIONS.find((entry) => entry.item === Number(numbered[1]));
    if (item && (numbered[2] === '' || bare(numbered[2] ?? '') === bare(item.text))) return item.item;
    return null;
  }
  return DISQUALIFICATIONS.find((entry) => bare(entry.text) === bare(folded))?.item ?? null;
}

/**
 * The 六（四） item a cancellation reason cites: the whole reason as a 取消资格情形 cell would be
 * read, else the one item cited as 六（四）N anywhere in it, else a leading item number set off from
 * the text that follows ("5 年度考核不合格"). Null when none, or when it cites several items.
 */
export function disqualificationInReason(reason: string): number | null {
  const whole = disqualificationOf(reason);
  if (whole) return whole;
  const text = reason.normalize('NFKC').trim();
  const cited = new Set([...foldSpelling(text).matchAll(/六\(四\)第?(\d+)/gu)].map((match) => Number(match[1])));
  if (cited.size === 0) {
    const leading = /^第?(\d+)(?:项|条)?(?:[\s、:,.;]|$)/u.exec(text);
    if (leading) cited.add(Number(leading[1]));
  }
  const [item] = [...cited];
  return cited.size === 1 && DISQUALIFICATIONS.some((entry) => entry.item === item) ? (item ?? null) : null;
}

/** Splits a 近5年考核 text into its results, oldest first. */
function assessmentEntries(text: string, preset: Preset): { entries: AssessmentEntry[]; unknown: string[] } {
  const map = spellingMap('annualResult', preset);
  const tokens = text.normalize('NFKC').split(/[、,;\s]+/u).filter((token) => token !== '');
  const unknown: string[] = [];
  const entries = tokens.map((token) => {
    const result = (map.get(foldSpelling(token)) as AnnualResult | undefined) ?? null;
    if (result === null && foldSpelling(token) !== '无') unknown.push(quote(token));
    return { year: null, result, text: quote(token) };
  });
  return { entries, unknown };
}

type Reader = (cell: Exclude<Cell, null>, field: FieldDef, preset: Preset) => Read;

/** How each kind of column is read; the cell is neither blank nor an error value. */
const READERS: Record<FieldDef['kind']['type'], Reader> = {
  serial(cell, field, preset) {
    const value = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\d+$/u.test(foldSpelling(cell)) ? Number(foldSpelling(cell)) : NaN;
    return Number.isInteger(value) && value >= 0 ? { value } : unreadable(field, cell, preset);
  },
  text(cell, field, preset) {
    if (typeof cell === 'number') return { problem: `${field.header}是数字“${shown(cell)}”，应填文字` };
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const value = cell.trim();
    const length = Array.from(value).length;
    const maxLength = field.kind.type === 'text' ? field.kind.maxLength : Infinity;
    if (length > maxLength) return { problem: `${field.header}过长（${length}个字），最多${maxLength}个字` };
    return { value };
  },
  phone(cell, field, preset) {
    if (typeof cell === 'number') {
      return Number.isSafeInteger(cell) && cell > 0 ? { value: String(cell) } : unreadable(field, cell, preset);
    }
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const value = foldSpelling(cell);
    return /^\+?[\d\-()]{3,30}$/u.test(value) ? { value } : unreadable(field, cell, preset);
  },
  email(cell, field, preset) {
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const value = cell.trim();
    return recordShape.email.safeParse(value).success ? { value } : { problem: `${describeCell(field, cell)}不是有效的电子邮箱地址` };
  },
  idNumber(cell, field, preset) {
    if (typeof cell === 'number') {
      return { problem: `${field.header}被存成了数字，后几位可能已丢失；请把该列设为纯文本后重新填写` };
    }
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const problem = idNumberProblem(cell);
    return problem === null ? { value: foldSpelling(cell) } : { problem };
  },
  enum(cell, field, preset) {
    if (typeof cell !== 'string' || field.kind.type !== 'enum') return unreadable(field, cell, preset);
    const value = spellingMap(field.kind.choices, preset).get(foldSpelling(cell));
    return value === undefined ? unreadable(field, cell, preset) : { value };
  },
  yesNo(cell, field, preset) {
    if (typeof cell === 'boolean') return { value: cell };
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const folded = foldSpelling(cell);
    if (YES_NO_SPELLINGS.yes.includes(folded)) return { value: true };
    if (YES_NO_SPELLINGS.no.includes(folded)) return { value: false };
    return unreadable(field, cell, preset);
  },
  years(cell, field, preset) {
    const value = yearsOf(cell);
    if (value === null) return unreadable(field, cell, preset);
    if (value < 0 || value > MAX_YEARS) return { problem: `${describeCell(field, cell)}不在0到${MAX_YEARS}年之间` };
    return { value };
  },
  date(cell, field, preset) {
    let value: CalendarDate | null = null;
    if (typeof cell === 'number' && Number.isFinite(cell) && cell >= DATE_RANGE.first && cell < DATE_RANGE.last + 1) {
      value = fromSerialNumber(cell);
    } else if (typeof cell === 'string') {
      value = parseDateText(cell);
    }
    return value === null ? unreadable(field, cell, preset) : { value };
  },
  assessments(cell, field, preset) {
    if (typeof cell !== 'string') return unreadable(field, cell, preset);
    const { entries, unknown } = assessmentEntries(cell, preset);
    if (entries.length > preset.assessmentYears) {
      return { problem: `${field.header}应填${preset.assessmentYears}个结果，现有${entries.length}个` };
    }
    if (unknown.length > 0) {
      return { value: entries, problem: `${field.header}中“${unknown.join('、')}”无法识别，应为${ANNUAL_RESULTS.join('、')}` };
    }
    return { value: entries };
  },
  disqualification(cell, field, preset) {
    const value = disqualificationOf(cell);
    return value === null ? unreadable(field, cell, preset) : { value };
  },
};

/** Reads one cell of a column: blank, a value checked against the record schema, or a problem. */
export function readCell(field: FieldDef, cell: unknown, preset: Preset): { blank: true } | Read {
  if (isBlankCell(cell)) return { blank: true };
  if (typeof cell !== 'string' && typeof cell !== 'number' && typeof cell !== 'boolean') {
    return { problem: `${field.header}的内容无法识别` };
  }
  if (typeof cell === 'string' && isErrorValue(cell)) {
    return { problem: `${field.header}是错误值“${cell.trim()}”，请检查公式或引用` };
  }
  const read = READERS[field.kind.type](cell, field, preset);
  if (!('value' in read)) return read;
  const checked = recordShape[field.key].safeParse(read.value);
  return checked.success ? { ...read, value: checked.data } : { problem: `${describeCell(field, cell)}不符合要求` };
}

/**
 * The county (县（市、区）) a cell names, canonical (`市直` → 市直学校), or null when it is blank or
 * names none of the preset's counties: only exact names and the spellings of fields.ts count, never
 * a prefix, so a blank or a stray `红` belongs to no county.
 */
export function countyOf(cell: unknown, preset: Preset): string | null {
  const read = readCell(fieldOf('county'), cell, preset);
  return 'value' in read && typeof read.value === 'string' ? read.value : null;
}

/** Reads the `YYYY年度考核` columns: the most recent ones up to the preset's count, trailing blanks dropped. */
function readAssessmentYears(headers: HeaderMatch, row: readonly unknown[], preset: Preset, problems: CellProblem[]): Read | { blank: true } {
  const columns = [...headers.assessmentYears];
  while (columns.length > 0 && isBlankCell(row[columns[columns.length - 1]?.column as number])) columns.pop();
  if (columns.length === 0) return { blank: true };
  const map = spellingMap('annualResult', preset);
  const entries = columns.slice(-preset.assessmentYears).map(({ year, column }): AssessmentEntry => {
    const cell = row[column];
    const header = assessmentYearHeader(year);
    if (isBlankCell(cell)) return { year, result: null, text: '' };
    const text = typeof cell === 'string' ? cell : String(cell);
    const result = typeof cell === 'string' && !isErrorValue(cell) ? ((map.get(foldSpelling(cell)) as AnnualResult | undefined) ?? null) : null;
    if (result === null && !(typeof cell === 'string' && foldSpelling(cell) === '无')) {
      const problem = typeof cell === 'string' && isErrorValue(cell)
        ? `${header}是错误值“${cell.trim()}”，请检查公式或引用`
        : `${header}“${quote(text)}”无法识别，应填${ANNUAL_RESULTS.join('、')}之一`;
      problems.push({ column, message: problem });
    }
    return { year, result, text: quote(text) };
  });
  return { value: entries };
}

/** Reads a row's cells by the header match into a record, field states and cell problems. */
export function readRow(headers: HeaderMatch, row: readonly unknown[], preset: Preset): ReadRow {
  const record: Record<string, unknown> = {};
  const states = {} as Record<FieldKey, FieldState>;
  const problems: CellProblem[] = [];
  for (const field of FIELDS) {
    const headerProblem = headers.fieldProblems[field.key];
    const column = headers.columns[field.key];
    let read: Read | { blank: true };
    if (headerProblem !== undefined) {
      states[field.key] = { state: 'problem', message: headerProblem };
      continue;
    } else if (field.key === 'assessments' && headers.assessmentYears.length > 0) {
      read = readAssessmentYears(headers, row, preset, problems);
    } else if (column === undefined) {
      states[field.key] = { state: 'missing' };
      continue;
    } else {
      read = readCell(field, row[column] ?? null, preset);
      if ('problem' in read && read.problem !== undefined) problems.push({ column, message: read.problem });
    }
    if ('blank' in read) states[field.key] = { state: 'blank' };
    else if (!('value' in read)) states[field.key] = { state: 'problem', message: read.problem };
    else {
      record[field.key] = read.value;
      states[field.key] = { state: 'ok' };
    }
  }
  const checked = NominationRecordSchema.safeParse(record);
  if (checked.success) return { record: checked.data, states, problems };
  // Each field was checked on its own, so this is a safety net: drop what the whole schema refuses.
  for (const issue of checked.error.issues) {
    const key = issue.path[0] as FieldKey;
    delete record[key];
    states[key] = { state: 'problem', message: `${fieldOf(key).header}的内容不符合要求` };
  }
  const again = NominationRecordSchema.safeParse(record);
  return { record: again.success ? again.data : {}, states, problems };
}
