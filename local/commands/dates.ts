/**
 * Dates typed on the command line (--today, --start): real calendar days written as in the sheet —
 * 2024-09-27, 2024/9/27, 2024.9.27 or 2024年9月27日, full-width digits too — become YYYY-MM-DD;
 * anything else, and days that do not exist (2024-02-30, 2024-13-01), is refused (exit 2). A --today far from the real
 * date is worth one 提示 line: it is allowed (it simulates), but a typo such as 2042 is easy to miss.
 */
import { wallClockAt } from '../runtime/time-zones';
import { shown } from './arguments';
import { UsageError } from './command';

/** Days between --today and the real date beyond which a 提示 is printed. */
export const FAR_DAYS = 366;
const DAY_MS = 86_400_000;
const TIME_ZONE = 'Asia/Shanghai';

/** Whether a text is a real calendar day written YYYY-MM-DD. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The spellings of a date the sheet accepts (SPEC §2), as year, month and day. */
const DATE_SPELLING = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/u;

/** A date spelling rewritten as YYYY-MM-DD (the text itself when it is no such spelling). */
function canonicalDate(value: string): string {
  const text = value.normalize('NFKC').trim();
  const match = DATE_SPELLING.exec(text);
  if (!match) return text;
  const [month, day] = match.slice(2).filter((part) => part !== undefined);
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The value of a date option as YYYY-MM-DD, or a UsageError naming the option and the value. */
export function checkedDate(option: string, value: string | boolean): string {
  const text = canonicalDate(String(value));
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !isRealDate(text)) throw new UsageError(`${option} 的日期“${shown(text)}”不存在，请检查月份和日期`);
  if (!isRealDate(text)) throw new UsageError(`${option} 应为 YYYY-MM-DD（也可写 2024/9/27、2024.9.27、2024年9月27日），收到“${shown(String(value))}”`);
  return text;
}

/** A 提示 text when `today` is more than FAR_DAYS from the real date (in Asia/Shanghai), else undefined. */
export function farFromToday(today: string, now = Date.now()): string | undefined {
  const wall = wallClockAt(now, TIME_ZONE);
  const real = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${real}T00:00:00Z`)) / DAY_MS);
  if (Math.abs(days) <= FAR_DAYS) return undefined;
  return `--today ${today} 与实际日期 ${real} 相差 ${Math.abs(days)} 天（${days > 0 ? '晚' : '早'}于今天）；按模拟的日期运行，请确认没有写错年份`;
}
