/**
 * Finding the nomination sheet's header row and its columns by header text (SPEC §2), never by
 * position. The header row is the first of the first 10 rows holding 姓名 and at least three other
 * known headers (government forms carry title rows above it). Headers match whatever their spaces,
 * full-width or half-width brackets and colons, or trailing `*`; unknown columns are listed and
 * left alone; duplicated headers are reported with their columns, and a column whose header is
 * duplicated is not read at all (the rows say 待核实), since the program cannot know which of the
 * two a person meant.
 */
import { FIELDS, OUTPUT_COLUMNS, fieldOf, type FieldKey, type OutputColumn } from './fields';

/** Where each known column is; all column numbers are 0-based indexes into the header row. */
export interface HeaderMatch {
  /** Whether the row holds at least one known header (else it is not a header row). */
  found: boolean;
  /** Every known header the row holds, once each: field keys, output columns, `year:YYYY`. */
  known: string[];
  /** Column of each input field that appears exactly once. */
  columns: Partial<Record<FieldKey, number>>;
  /** `YYYY年度考核` columns, by year ascending; when present they replace 近5年考核. */
  assessmentYears: { year: number; column: number }[];
  /** Column of each output column that appears exactly once. */
  outputs: Partial<Record<OutputColumn, number>>;
  /** Columns whose header is not ours; left untouched. */
  unknown: { column: number; header: string }[];
  /** Columns with an empty header cell. */
  blank: number[];
  /** Headers found in more than one column. */
  duplicates: { key: string; header: string; columns: number[] }[];
  /** Input fields with no column. */
  missing: FieldKey[];
  /** Output columns to create (empty when no header row was found: nothing should be written). */
  missingOutputs: OutputColumn[];
  /** Input fields that cannot be read because of a header problem, with the message. */
  fieldProblems: Partial<Record<FieldKey, string>>;
  /** Sheet-level problems in plain Chinese. */
  problems: string[];
}

/** Message for a row with no known header at all. */
export const NO_HEADER_ROW = '没有找到表头：表头行里没有“姓名”“学校”“申报类别”等任何已知列名，请先填好表头';

/** How many rows from the top of a sheet may hold the header row (SPEC §2). */
export const HEADER_SEARCH_ROWS = 10;

/** How many known headers besides 姓名 make a row the header row (SPEC §2). */
export const HEADER_ROW_OTHER_HEADERS = 3;

/** Message for a sheet none of whose first rows is a header row. */
export const NO_HEADER_ROW_IN_SHEET =
  `没有找到表头行：前${HEADER_SEARCH_ROWS}行中没有一行同时含有“姓名”和至少${HEADER_ROW_OTHER_HEADERS}个其他已知列名（如“学校”“县（市、区）”“申报类别”），` +
  '请在标题下方的一行填好表头';

const YEAR_HEADER = /^(\d{4})年度?(?:履职)?考核$/u;

/** The form in which header texts are compared: width folded, spaces and a trailing `*` or `:` removed. */
export function foldHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/[*:]+$/u, '');
}

/** Folded header text → what it names. */
const KNOWN_HEADERS: ReadonlyMap<string, { key: FieldKey } | { output: OutputColumn }> = (() => {
  const map = new Map<string, { key: FieldKey } | { output: OutputColumn }>();
  for (const field of FIELDS) {
    for (const text of [field.header, ...(field.aliases ?? [])]) map.set(foldHeader(text), { key: field.key });
  }
  for (const output of OUTPUT_COLUMNS) map.set(foldHeader(output), { output });
  return map;
})();

/**
 * The form in which a header or a name for one (a document placeholder) is compared: the field's
 * own header, folded, for any accepted spelling of a known field (县市区 → 县（市、区）), otherwise
 * the folded text.
 */
export function headerKey(text: string): string {
  const folded = foldHeader(text);
  const known = KNOWN_HEADERS.get(folded);
  if (known === undefined || !('key' in known)) return folded;
  const field = FIELDS.find((candidate) => candidate.key === known.key);
  return field ? foldHeader(field.header) : folded;
}

/** The text of a header cell, or null when it is empty. */
function headerText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  return '（非文字表头）';
}

/** `第2列和第5列`, `第2列、第5列和第7列` (1-based, as officials count). */
export function columnList(columns: readonly number[]): string {
  const names = columns.map((column) => `第${column + 1}列`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/** Matches a header row against the known columns of SPEC §2. */
export function matchHeaders(headerRow: unknown[]): HeaderMatch {
  const seen = new Map<string, { header: string; columns: number[] }>();
  const yearColumns = new Map<number, number[]>();
  const unknown: { column: number; header: string }[] = [];
  const blank: number[] = [];

  headerRow.forEach((cell, column) => {
    const text = headerText(cell);
    if (text === null) {
      blank.push(column);
      return;
    }
    const folded = foldHeader(text);
    const known = KNOWN_HEADERS.get(folded);
    const year = YEAR_HEADER.exec(folded);
    let id: string;
    let header: string;
    if (known && 'key' in known) {
      id = known.key;
      header = fieldOf(known.key).header;
    } else if (known) {
      id = known.output;
      header = known.output;
    } else if (year) {
      id = `year:${year[1]}`;
      header = `${year[1]}年度考核`;
      yearColumns.set(Number(year[1]), [...(yearColumns.get(Number(year[1])) ?? []), column]);
    } else {
      unknown.push({ column, header: text });
      return;
    }
    const entry = seen.get(id) ?? { header, columns: [] };
    entry.columns.push(column);
    seen.set(id, entry);
  });

  const match: HeaderMatch = {
    found: seen.size > 0,
    known: [...seen.keys()],
    columns: {},
    assessmentYears: [],
    outputs: {},
    unknown,
    blank,
    duplicates: [],
    missing: [],
    missingOutputs: [],
    fieldProblems: {},
    problems: [],
  };
  if (!match.found) {
    match.problems.push(NO_HEADER_ROW);
    match.missing = FIELDS.map((field) => field.key);
    return match;
  }

  for (const [id, { header, columns }] of seen) {
    if (columns.length > 1) {
      const message = `表头“${header}”出现在${columnList(columns)}`;
      match.duplicates.push({ key: id.startsWith('year:') ? header : id, header, columns });
      match.problems.push(message);
      const key = id.startsWith('year:') ? 'assessments' : id;
      if (FIELDS.some((field) => field.key === key)) match.fieldProblems[key as FieldKey] ??= message;
      continue;
    }
    const column = columns[0] as number;
    if (id.startsWith('year:')) continue;
    if ((OUTPUT_COLUMNS as readonly string[]).includes(id)) match.outputs[id as OutputColumn] = column;
    else match.columns[id as FieldKey] = column;
  }

  match.assessmentYears = [...yearColumns.entries()]
    .filter(([, columns]) => columns.length === 1)
    .map(([year, columns]) => ({ year, column: columns[0] as number }))
    .sort((a, b) => a.year - b.year);
  if (yearColumns.size > 0 && seen.has('assessments')) {
    const message = `“近5年考核”列和“${Math.min(...yearColumns.keys())}年度考核”等年度考核列同时存在，请只保留一种`;
    match.problems.push(message);
    match.fieldProblems.assessments ??= message;
  }

  match.missing = FIELDS.map((field) => field.key).filter(
    (key) => !seen.has(key) && !(key === 'assessments' && yearColumns.size > 0),
  );
  match.missingOutputs = OUTPUT_COLUMNS.filter((output) => !seen.has(output));
  return match;
}

/** The header row of a sheet: its 0-based index among the sheet's rows, and its columns. */
export interface HeaderRow {
  index: number;
  match: HeaderMatch;
}

/** Whether a matched row is a header row by SPEC §2: 姓名 and at least three other known headers. */
export function isHeaderRow(match: HeaderMatch): boolean {
  return match.known.includes('name') && match.known.length - 1 >= HEADER_ROW_OTHER_HEADERS;
}

/**
 * The sheet's header row: the first of its first 10 rows that is a header row by SPEC §2; else
 * row 1 when it holds any known header (a sheet still being filled in, whose missing headers
 * initialising adds); else null. Rows above the header row are titles, never data.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): HeaderRow | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let first: HeaderMatch | undefined;
  for (let index = 0; index < limit; index += 1) {
    const match = matchHeaders([...(rows[index] ?? [])]);
    if (index === 0) first = match;
    if (isHeaderRow(match)) return { index, match };
  }
  return first?.found ? { index: 0, match: first } : null;
}
