/**
 * The custom functions officials type into cells (SPEC §5). Each takes one value or a whole column
 * and answers in kind. The one service call is reading the spreadsheet's time zone (allowed in
 * custom functions, no authorization needed): date arguments are read, and returned Dates made, in
 * that zone, so a date shows the right calendar day whatever the spreadsheet is set to.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { termEnd } from '../domain/term';
import { WorkingDayCalendar } from '../domain/working-days/working-day-calendar';
import { calendarDateOfInstant, cellTimeZone, instantOfCalendarDate, readDateCell } from '../gas/cell-dates';
import { readHolidayRows } from '../gas/holiday-rows';
import { CellInputError, isBlankCell, isRange, mapCells, readWholeNumber } from './cell-arguments';
import type { CalendarDate } from '../domain/calendar-date';
import { eligibilityText, evaluateRow, isEmptyRow } from '../domain/nomination/eligibility';
import { matchHeaders, NO_HEADER_ROW } from '../domain/nomination/headers';
import { domainCell } from '../gas/spreadsheet';
import { readLedger } from '../domain/duties/ledger';
import { semesterStatusOf, statusText } from '../domain/duties/report';
import { parseSemesterText, semesterStartsOf, type SemesterStarts, type SettingCell } from '../domain/duties/semesters';
import { certificateKey } from '../domain/duties/teachers';
import { SETTING_KEYS } from '../domain/sheet-layouts';

/** The working-day calendar for a call, with the 节假日 range's overrides when one is given. */
function calendarFor(holidays: unknown, timeZone: string): WorkingDayCalendar {
  if (isBlankCell(holidays)) return new WorkingDayCalendar();
  if (!isRange(holidays)) throw new CellInputError('节假日参数应为一个区域，例如 节假日!A2:C');
  return new WorkingDayCalendar(readHolidayRows(holidays, timeZone));
}

/** Reads a date argument in the spreadsheet's time zone; undefined means blank. */
function readDate(value: unknown, what: string, timeZone: string): CalendarDate | undefined {
  const reading = readDateCell(value, timeZone);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
  throw new CellInputError(`${what}“${reading.shown}”不是可识别的日期（可写作 2024-09-27、2024/9/27、2024.9.27 或 2024年9月27日）`);
  }
  return reading.date;
}

/** A date as a cell value: midnight of that day in the spreadsheet's time zone. */
function dateCell(date: CalendarDate, timeZone: string): Date {
  return instantOfCalendarDate(date, timeZone);
}

/**
 * 判断某天是否为中国法定工作日（含调休上班日）。
 *
 * @param {Date|Range} date 日期，或一整列日期（如 F2:F）
 * @param {Range} [holidays] 可选：节假日表区域（日期、休/班、名称），补充或修正内置安排
 * @return {boolean|Range} TRUE 为工作日，FALSE 为休息日；输入一列则返回一列
 * @customfunction
 */
export function IS_WORKDAY(date: unknown, holidays?: unknown): unknown {
  const timeZone = cellTimeZone();
  const calendar = calendarFor(holidays, timeZone);
  return mapCells([date], (cell) => {
    const day = readDate(cell, '日期', timeZone);
    return day === undefined ? '' : calendar.isWorkday(day);
  });
}

/**
 * 与 WORKDAY 相同，但按中国法定节假日和调休计算：开始日期之后第 n 个工作日（n 为负数时向前）。
 *
 * @param {Date|Range} start 开始日期，或一整列
 * @param {number|Range} n 工作日数，可为负数
 * @param {Range} [holidays] 可选：节假日表区域（日期、休/班、名称）
 * @return {Date|Range} 第 n 个工作日
 * @customfunction
 */
export function CN_WORKDAY(start: unknown, n: unknown, holidays?: unknown): unknown {
  const timeZone = cellTimeZone();
  const calendar = calendarFor(holidays, timeZone);
  return mapCells([start, n], (startCell, daysCell) => {
    const day = readDate(startCell, '开始日期', timeZone);
    if (day === undefined || isBlankCell(daysCell)) return '';
    return dateCell(calendar.addWorkdays(day, readWholeNumber(daysCell, '工作日数')), timeZone);
  });
}

/**
 * 与 NETWORKDAYS 相同，但按中国法定节假日和调休计算：两个日期之间（含首尾）的工作日数。
 *
 * @param {Date|Range} start 开始日期，或一整列
 * @param {Date|Range} end 结束日期，或一整列
 * @param {Range} [holidays] 可选：节假日表区域（日期、休/班、名称）
 * @return {number|Range} 工作日数（结束早于开始时为负数）
 * @customfunction
 */
export function CN_NETWORKDAYS(start: unknown, end: unknown, holidays?: unknown): unknown {
  const timeZone = cellTimeZone();
  const calendar = calendarFor(holidays, timeZone);
  return mapCells([start, end], (startCell, endCell) => {
    const first = readDate(startCell, '开始日期', timeZone);
    const last = readDate(endCell, '结束日期', timeZone);
    if (first === undefined || last === undefined) return '';
    return calendar.countWorkdays(first, last);
  });
}

/**
 * 公示截止日期：从开始日期起公示若干个工作日的最后一天。开始日期是工作日时算第 1 天，否则从下一个工作日算起。
 *
 * @param {Date|Range} start 公示开始日期，或一整列（如 F2:F）
 * @param {number|Range} [days] 公示工作日数，默认 5（方案四（二）3：不少于5个工作日）
 * @param {Range} [holidays] 可选：节假日表区域（日期、休/班、名称）
 * @return {Date|Range} 公示截止日期
 * @customfunction
 */
export function PUBLICITY_END(start: unknown, days?: unknown, holidays?: unknown): unknown {
  // PUBLICITY_END(F2:F, 节假日!A2:C): a range of two or more columns in second place is the holidays.
  if (holidays === undefined && isRange(days) && (days[0]?.length ?? 0) >= 2) [days, holidays] = [undefined, days];
  const timeZone = cellTimeZone();
  const calendar = calendarFor(holidays, timeZone);
  return mapCells([start, days], (startCell, daysCell) => {
    const day = readDate(startCell, '公示开始日期', timeZone);
    if (day === undefined) return '';
    const count = isBlankCell(daysCell) ? DEFAULT_PRESET.publicityDays : readWholeNumber(daysCell, '公示天数');
    if (count < 1) throw new CellInputError(`公示天数应至少为 1 个工作日，收到 ${count}`);
    return dateCell(calendar.publicityEnd(day, count), timeZone);
  });
}

/**
 * 任期截止日期：认定日期起一届任期（3年）的最后一天，即 3 年后同月同日的前一天（2月29日认定的为2月28日）。
 *
 * @param {Date|Range} awardDate 认定日期，或一整列
 * @return {Date|Range} 任期最后一天
 * @customfunction
 */
export function TERM_END(awardDate: unknown): unknown {
  const timeZone = cellTimeZone();
  return mapCells([awardDate], (cell) => {
    const day = readDate(cell, '认定日期', timeZone);
    return day === undefined ? '' : dateCell(termEnd(day, DEFAULT_PRESET.termYears), timeZone);
  });
}

/**
 * 一名候选人的资格审查结果（方案四（一））：符合，或“不符合：…”/“待核实：…”及每条理由。
 *
 * @param {Range} row 候选人所在的一行（如 A2:AF2），或连续多行（如 A2:AF100）
 * @param {Range} headers 表头行（如 A$1:AF$1），按列名识别各列
 * @return {string|Range} 审查结果；传入多行则返回一列
 * @customfunction
 */
export function ELIGIBILITY(row: unknown, headers: unknown): unknown {
  if (!isRange(headers) || headers.length !== 1) throw new CellInputError('表头参数应为表头所在的一行，例如 A$1:AF$1');
  const timeZone = cellTimeZone();
  const headerMatch = matchHeaders((headers[0] ?? []).map((cell) => domainCell(cell, timeZone)));
  if (!headerMatch.found) throw new CellInputError(NO_HEADER_ROW);
  const rows = isRange(row) ? row : [[row]];
  const width = headers[0]?.length ?? 0;
  if (rows.some((cells) => cells.length !== width)) {
    throw new CellInputError(`行与表头的列数不同：表头${width}列，行${rows[0]?.length ?? 0}列`);
  }
  const reviewDate = calendarDateOfInstant(new Date(), timeZone);
  const answers = rows.map((cells) => {
    const values = cells.map((cell) => domainCell(cell, timeZone));
    if (isEmptyRow(values, headerMatch)) return [''];
    return [eligibilityText(evaluateRow(headerMatch, values, { reviewDate, preset: DEFAULT_PRESET }))];
  });
  return rows.length === 1 ? answers[0]?.[0] : answers;
}

/**
 * 一名已认定人员某学期的履职情况（方案五（二）–（五））：按履职记录中填了该证书编号的行统计读书、讲座、公开课和本学年帮带人数。
 *
 * @param {string|Range} certificate 证书编号，或一整列
 * @param {string|Range} semester 学年学期，如“2024-2025学年第一学期”，或一整列
 * @param {Range} ledger 履职记录表的区域（含表头行），如 履职记录!A1:J
 * @param {Range} [settings] 可选：设置表区域 设置!A:B（读取第一学期开始、第二学期开始）；省略时按 9-1、2-1 划分学期
 * @return {string|Range} “完成”，或“未完成：缺少…”；本学期尚未结束的为“进行中：缺少…”
 * @customfunction
 */
export function DUTY_STATUS(certificate: unknown, semester: unknown, ledger: unknown, settings?: unknown): unknown {
  if (!isRange(ledger)) throw new CellInputError('履职记录参数应为履职记录表的区域（含表头行），例如 履职记录!A1:J');
  const timeZone = cellTimeZone();
  const today = calendarDateOfInstant(new Date(), timeZone);
  const starts = semesterStartsFrom(settings, timeZone);
  const cells = ledger.map((row) => row.map((cell) => domainCell(cell, timeZone)));
  const reading = readLedger(cells, starts, today, DEFAULT_PRESET);
  if (reading.problem !== undefined) throw new CellInputError(reading.problem);
  return mapCells([certificate, semester], (certificateCell, semesterCell) => {
    const number = certificateKey(String(certificateCell ?? ''));
    if (number === '') return '';
    const named = parseSemesterText(String(semesterCell ?? ''));
    if (!named) throw new CellInputError(`学年学期“${String(semesterCell ?? '')}”无法识别（应如 2024-2025学年第一学期）`);
    const teacher = { row: 0, name: '', certificate: number, idNumber: '', state: null, awardDate: null };
    const own = reading.entries.filter((entry) => certificateKey(entry.certificate) === number);
    return statusText(semesterStatusOf(teacher, own, named, today, starts, DEFAULT_PRESET), DEFAULT_PRESET);
  });
}

/** The semester starts of a 设置 range (rows 设置项, 值), or the preset's when no range is given. */
function semesterStartsFrom(settings: unknown, timeZone: string): SemesterStarts {
  const found: Record<string, SettingCell> = {};
  if (!isBlankCell(settings)) {
    if (!isRange(settings)) throw new CellInputError('设置参数应为设置表的区域，例如 设置!A:B');
    settings.forEach((row, index) => {
      const key = String(row[0] ?? '').trim();
      const value = domainCell(row[1], timeZone);
      found[key] = { row: index + 1, text: value === null ? '' : String(value) };
    });
  }
  const keys = { first: SETTING_KEYS.firstSemesterStart, second: SETTING_KEYS.secondSemesterStart };
  const starts = semesterStartsOf(found[keys.first], found[keys.second], DEFAULT_PRESET.semesterStarts, keys);
  if ('problem' in starts) throw new CellInputError(starts.problem);
  return starts;
}
