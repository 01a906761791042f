/**
 * Reading the 履职记录 sheet (one row per activity) into entries: each row's name, certificate
 * number, ID number, semester, kind, date and mentees (several per cell), read from cells found by
 * header text in its usual spellings (an alias table). A row whose semester, date or kind cannot be
 * read, or whose ID number was stored as a number, is a problem naming its row (never dropped
 * silently); a wholly blank row is skipped. ID numbers are kept only for matching and never appear
 * in a message.
 */
import { fromSerialNumber, isCalendarDate, toSerialNumber, type CalendarDate } from '../calendar-date';
import { parseDateText } from '../date-text';
import { foldHeader } from '../nomination/headers';
import { quote } from '../nomination/values';
import type { Preset } from '../presets';
import { DUTY_LEDGER_HEADER_ALIASES, DUTY_LEDGER_HEADERS, SHEET_NAMES } from '../sheet-layouts';
import { readDutyKind } from './kinds';
import { parseSemesterText, semesterIndex, semesterOfDate, semesterText, type Semester, type SemesterStarts } from './semesters';

/** One cell as the adapter hands it over: '' for empty, dates already 'YYYY-MM-DD' text. */
export type LedgerCell = string | number | boolean | null;

/** One readable activity of 履职记录. */
export interface LedgerEntry {
  /** 1-based row number in the sheet. */
  row: number;
  name: string;
  certificate: string;
  idNumber: string;
  semester: Semester;
  kind: string;
  /** The 帮带对象 named in the row (several may share one cell), as typed; [] for other kinds. */
  mentees: string[];
  /** The 身份证号 cell held a number (digits lost): the row cannot be matched by it. */
  idLost?: boolean;
}

/** A row listed in 履职情况 (and by the CLI as 提示): `履职记录第N行：…`. */
export interface LedgerNotice {
  row: number;
  message: string;
}

/** The entries of 履职记录, and the rows listed. */
export interface LedgerReading {
  entries: LedgerEntry[];
  notices: LedgerNotice[];
  /**
   * Why the sheet cannot be read at all (no header row): then nothing may be reported, since every
   * teacher would seem to have missed every duty.
   */
  problem?: string;
}

/** The ledger's columns by header; 0-based indexes. */
type LedgerColumns = Partial<Record<(typeof DUTY_LEDGER_HEADERS)[number], number>>;

/** Headers a ledger must have for anything to be counted. */
const REQUIRED_HEADERS = ['姓名', '类型'] as const;


/** Folded header text → the ledger column it names. */
const LEDGER_HEADER_MAP: ReadonlyMap<string, (typeof DUTY_LEDGER_HEADERS)[number]> = (() => {
  const map = new Map<string, (typeof DUTY_LEDGER_HEADERS)[number]>();
  for (const header of DUTY_LEDGER_HEADERS) {
    map.set(foldHeader(header), header);
    for (const alias of DUTY_LEDGER_HEADER_ALIASES[header] ?? []) map.set(foldHeader(alias), header);
  }
  return map;
})();

/** Separators between several 帮带对象 in one cell (not the middle dot · of names such as 阿依·木合). */
const MENTEE_SEPARATORS = /[、，,；;/／\r\n]+/u;

/** What people type for "nobody" in a 帮带对象 cell: never counted as a mentee. */
const NO_MENTEE = /^(?:无|暂无|没有|空|[-—－_?？0０.。]+)$/u;

/** The mentees one 帮带对象 cell names: split on 、，,；; / and line breaks; blank and "nobody" pieces (无, -, ？) dropped. */
export function splitMentees(text: string): string[] {
  return text
    .split(MENTEE_SEPARATORS)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && !NO_MENTEE.test(nameKey(piece)));
}

/** A name as compared: every space (ASCII, full-width, no-break) removed anywhere inside. */
export function nameKey(name: string): string {
  return name.replace(/[\s\u00a0\u3000]+/gu, '');
}

const SHEET = SHEET_NAMES.dutyLedger;
/** A number this large cannot hold an 18-digit ID number exactly (spreadsheets keep 15 significant digits). */
export const ID_DIGITS_KEPT = 1e15;
/** Dates outside these years are not plausible (a bare 2024 read as a serial number). */
const SERIAL_RANGE = { first: toSerialNumber('1950-01-01'), last: toSerialNumber('2100-12-31') };

/** `履职记录第N行：message`. */
export function noticeText(notice: LedgerNotice): string {
  return `${SHEET}第${notice.row}行：${notice.message}`;
}

/** The columns a header row names (first of each), by exact header or alias. */
function columnsOf(row: readonly LedgerCell[]): LedgerColumns {
  const columns: LedgerColumns = {};
  row.forEach((cell, column) => {
    const header = LEDGER_HEADER_MAP.get(foldHeader(String(cell ?? '')));
    if (header !== undefined && columns[header] === undefined) columns[header] = column;
  });
  return columns;
}

/** `“类型”（也认“活动类型”“履职类型”）`: a header and its accepted spellings. */
function headerWithAliases(header: (typeof DUTY_LEDGER_HEADERS)[number]): string {
  const aliases = DUTY_LEDGER_HEADER_ALIASES[header] ?? [];
  return `“${header}”${aliases.length > 0 ? `（也认“${aliases.join('”“')}”）` : ''}`;
}

/**
 * What to do about missing headers: rename the column; or, when the header row is row 1 (the only
 * row 初始化表格 reads), let 初始化表格 add the missing ones as empty columns at the right.
 */
function renameAdvice(missing: readonly (typeof DUTY_LEDGER_HEADERS)[number][], headerIndex: number): string {
  const renames = missing.map((header) => `请把表示${header}的那一列的表头改为“${header}”`).join('，');
  const init = headerIndex === 0 ? '；或运行“初始化表格”在右端补上空列后把内容移过去' : '';
  return `${renames}${init}。没有生成履职情况`;
}

/**
 * The header row (the first of the first 10 rows holding 姓名 and 类型, in any accepted spelling)
 * and its columns, or an error text naming the headers missing from the likeliest header row.
 */
function ledgerHeader(cells: readonly (readonly LedgerCell[])[]): { index: number; columns: LedgerColumns } | string {
  let likeliest: { index: number; columns: LedgerColumns; known: number } | null = null;
  for (let index = 0; index < Math.min(cells.length, 10); index += 1) {
    const columns = columnsOf(cells[index] ?? []);
    const known = Object.keys(columns).length;
    if (REQUIRED_HEADERS.every((header) => columns[header] !== undefined)) {
      if (columns['学年学期'] === undefined && columns['日期'] === undefined) {
        return (
          `工作表“${SHEET}”第${index + 1}行的表头既没有${headerWithAliases('学年学期')}也没有${headerWithAliases('日期')}，无法知道活动属于哪个学期：` +
          renameAdvice(['日期'], index)
        );
      }
      return { index, columns };
    }
    if (known > 0 && (likeliest === null || known > likeliest.known)) likeliest = { index, columns, known };
  }
  if (likeliest === null) {
    return (
      `工作表“${SHEET}”的前10行中没有表头行（须含${REQUIRED_HEADERS.map(headerWithAliases).join('、')}）：` +
      `请在记录上方插入一行表头：${DUTY_LEDGER_HEADERS.join('、')}（与“初始化表格”新建的表头相同）。没有生成履职情况`
    );
  }
  const { columns } = likeliest;
  const missing = REQUIRED_HEADERS.filter((header) => columns[header] === undefined);
  return `工作表“${SHEET}”第${likeliest.index + 1}行像是表头，但缺少${missing.map(headerWithAliases).join('、')}列：` + renameAdvice(missing, likeliest.index);
}

/** A cell's trimmed text ('' for blank). */
function textOf(cell: LedgerCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** What a 日期 cell holds. */
type DateReading = { kind: 'blank' } | { kind: 'date'; date: CalendarDate } | { kind: 'invalid'; shown: string };

function readDate(cell: LedgerCell | undefined): DateReading {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { kind: 'blank' };
  if (typeof cell === 'string') {
    const text = cell.trim();
    const date = isCalendarDate(text) ? text : parseDateText(text);
    return date ? { kind: 'date', date } : { kind: 'invalid', shown: quote(text) };
  }
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= SERIAL_RANGE.first && cell < SERIAL_RANGE.last + 1) {
    return { kind: 'date', date: fromSerialNumber(cell) };
  }
  return { kind: 'invalid', shown: quote(String(cell)) };
}

/**
 * Reads 履职记录's cells (as the sheet's getValues gives them, dates as calendar dates) with the
 * semester starts and today: entries to count, and every row listed with why. A row whose 学年学期
 * and 日期 disagree is counted by 学年学期 and listed; a date after today, or a semester that has
 * not begun, is listed and not counted.
 */
export function readLedger(cells: readonly (readonly LedgerCell[])[], starts: SemesterStarts, today: CalendarDate, preset: Preset): LedgerReading {
  const reading: LedgerReading = { entries: [], notices: [] };
  const header = ledgerHeader(cells);
  if (typeof header === 'string') return { ...reading, problem: header };
  const { columns } = header;
  const todaySemester = semesterIndex(semesterOfDate(today, starts));
  const at = (row: readonly LedgerCell[], column: number | undefined) => (column === undefined ? undefined : row[column]);
  for (let index = header.index + 1; index < cells.length; index += 1) {
    const row = cells[index] ?? [];
    const rowNumber = index + 1;
    if (row.every((cell) => textOf(cell) === '')) continue;
    const list = (message: string) => reading.notices.push({ row: rowNumber, message });
    const name = textOf(at(row, columns['姓名']));
    const kindText = textOf(at(row, columns['类型']));
    const semesterCell = textOf(at(row, columns['学年学期']));
    const dateReading = readDate(at(row, columns['日期']));
    const who = name === '' ? '' : `${quote(name)}：`;

    const kind = kindText === '' ? null : readDutyKind(kindText, preset);
    if (kind === null) {
      list(`${who}类型${kindText === '' ? '为空' : `“${quote(kindText)}”无法识别`}，应为 ${preset.dutyKinds.join('、')}；此行未计入`);
      continue;
    }
    if (dateReading.kind === 'invalid') {
      list(`${who}日期“${dateReading.shown}”不是日期（应如 2024-10-15）${semesterCell === '' ? '；此行未计入' : '；按学年学期计入'}`);
      if (semesterCell === '') continue;
    }
    if (dateReading.kind === 'date' && dateReading.date > today) {
      list(`${who}日期 ${dateReading.date} 晚于今天（${today}），活动尚未发生；此行未计入`);
      continue;
    }
    let semester: Semester;
    if (semesterCell !== '') {
      const named = parseSemesterText(semesterCell);
      if (named === null) {
        list(`${who}学年学期“${quote(semesterCell)}”无法识别（应如 2024-2025学年第一学期）；此行未计入`);
        continue;
      }
      semester = named;
      if (dateReading.kind === 'date') {
        const dated = semesterOfDate(dateReading.date, starts);
        if (semesterIndex(dated) !== semesterIndex(named)) {
          list(`${who}学年学期“${semesterText(named)}”与日期 ${dateReading.date}（属${semesterText(dated)}）不一致；按学年学期计入，请核对`);
        }
      }
    } else if (dateReading.kind === 'date') {
      semester = semesterOfDate(dateReading.date, starts);
    } else {
      list(`${who}学年学期和日期都为空，无法知道属于哪个学期；此行未计入`);
      continue;
    }
    if (semesterIndex(semester) > todaySemester) {
      list(`${who}${semesterText(semester)}尚未开始（今天 ${today}）；此行未计入`);
      continue;
    }
    const mentoring = kind === preset.dutyKinds[preset.dutyKinds.length - 1];
    const mentees = mentoring ? splitMentees(textOf(at(row, columns['帮带对象']))) : [];
    if (mentoring && mentees.length === 0) {
      list(`${who}类型为“${kind}”但帮带对象为空；此行未计入`);
      continue;
    }
    const idCell = at(row, columns['身份证号']);
    const idLost = typeof idCell === 'number' && Math.abs(idCell) >= ID_DIGITS_KEPT;
    if (idLost) {
      // The number is personal data and has lost its last digits: it is never shown.
      list(`${who}身份证号一栏存的是数字，不是文本：表格已把它变成科学计数法，丢失了末几位，无法用来对应；请把“身份证号”列设为纯文本格式后重新输入此行的身份证号${textOf(at(row, columns['证书编号'])) === '' ? '；此行未计入' : '；按证书编号计入'}`);
    }
    reading.entries.push({
      row: rowNumber,
      name,
      certificate: textOf(at(row, columns['证书编号'])),
      idNumber: idLost ? '' : textOf(idCell),
      semester,
      kind,
      mentees,
      ...(idLost ? { idLost } : {}),
    });
  }
  return reading;
}
