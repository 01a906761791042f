/**
 * Reading the 履职记录 sheet (one row per activity) into entries: each row's name, certificate
 * number, ID number, semester, kind, date and mentee, read from cells found by header text. A row
 * whose semester, date or kind cannot be read is a problem naming its row and value (never dropped
 * silently); a wholly blank row is skipped. ID numbers are kept only for matching and never appear
 * in a message.
 */
import { fromSerialNumber, isCalendarDate, toSerialNumber, type CalendarDate } from '../calendar-date';
import { parseDateText } from '../date-text';
import { foldHeader } from '../nomination/headers';
import { quote } from '../nomination/values';
import type { Preset } from '../presets';
import { DUTY_LEDGER_HEADERS, SHEET_NAMES } from '../sheet-layouts';
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
  mentee: string;
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

const SHEET = SHEET_NAMES.dutyLedger;
/** Dates outside these years are not plausible (a bare 2024 read as a serial number). */
const SERIAL_RANGE = { first: toSerialNumber('1950-01-01'), last: toSerialNumber('2100-12-31') };

/** `履职记录第N行：message`. */
export function noticeText(notice: LedgerNotice): string {
  return `${SHEET}第${notice.row}行：${notice.message}`;
}

/** The header row (the first of the first 10 rows holding 姓名 and 类型) and its columns, or an error text. */
function ledgerHeader(cells: readonly (readonly LedgerCell[])[]): { index: number; columns: LedgerColumns } | string {
  for (let index = 0; index < Math.min(cells.length, 10); index += 1) {
    const columns: LedgerColumns = {};
    (cells[index] ?? []).forEach((cell, column) => {
      const header = DUTY_LEDGER_HEADERS.find((known) => known === foldHeader(String(cell ?? '')));
      if (header !== undefined && columns[header] === undefined) columns[header] = column;
    });
    if (REQUIRED_HEADERS.every((header) => columns[header] !== undefined)) {
      if (columns['学年学期'] === undefined && columns['日期'] === undefined) {
        return `工作表“${SHEET}”第${index + 1}行的表头既没有“学年学期”也没有“日期”，无法知道活动属于哪个学期；请运行“初始化表格”补全表头。没有生成履职情况`;
      }
      return { index, columns };
    }
  }
  return `工作表“${SHEET}”的前10行中没有表头行（须含“${REQUIRED_HEADERS.join('”“')}”）；请运行“初始化表格”补全表头。没有生成履职情况`;
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
    const mentee = textOf(at(row, columns['帮带对象']));
    if (kind === preset.dutyKinds[preset.dutyKinds.length - 1] && mentee === '') {
      list(`${who}类型为“${kind}”但帮带对象为空；此行未计入`);
      continue;
    }
    reading.entries.push({
      row: rowNumber,
      name,
      certificate: textOf(at(row, columns['证书编号'])),
      idNumber: textOf(at(row, columns['身份证号'])),
      semester,
      kind,
      mentee,
    });
  }
  return reading;
}
