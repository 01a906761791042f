/**
 * The server functions the sidebar calls through google.script.run. Only JSON-safe values cross:
 * dates travel as 'YYYY-MM-DD' texts. The sidebar's typed wrapper (sidebar/server.ts) takes its
 * types from this file.
 */
import { formatChineseDate, isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { bundledSource, bundledYears } from '../domain/working-days/working-day-calendar';
import { activeWorkingDayCalendar } from '../gas/holiday-sheet';

/** What the sidebar shows about the working-day calendar. */
export interface CalendarInfo {
  years: number[];
  source: string;
  publicityDays: number;
}

/** The publicity period the sidebar computed. */
export interface PublicityPeriod {
  start: string;
  end: string;
  days: number;
  text: string;
}

/** The bundled years and the default publicity length. */
export function sidebarCalendarInfo(): CalendarInfo {
  return { years: bundledYears(), source: bundledSource(), publicityDays: DEFAULT_PRESET.publicityDays };
}

/** The publicity period from a start date, using this spreadsheet's 节假日 sheet. */
export function sidebarPublicityPeriod(start: string, days: number): PublicityPeriod {
  if (!isCalendarDate(start)) throw new Error(`公示开始日期“${start}”无效，应为 YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`公示天数应为正整数，收到“${days}”`);
  const calendar = activeWorkingDayCalendar();
  const end = calendar.publicityEnd(start, days);
  const text = `公示期：${formatChineseDate(start)}至${formatChineseDate(end)}（${days}个工作日）`;
  return { start, end, days, text };
}
