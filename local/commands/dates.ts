/**
 * Dates typed on the command line (--today, --start): only real calendar days in the form
 * YYYY-MM-DD pass (2024-02-30 and 2024-13-01 are refused, exit 2), and a --today far from the real
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

/** The value of a date option, or a UsageError naming the option and the value. */
export function checkedDate(option: string, value: string | boolean): string {
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !isRealDate(text)) throw new UsageError(`${option} 的日期“${shown(text)}”不存在，请检查月份和日期`);
  if (!isRealDate(text)) throw new UsageError(`${option} 应为 YYYY-MM-DD，收到“${shown(text)}”`);
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
