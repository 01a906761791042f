/**
 * The texts the workflow writes: certificate numbers from the pattern setting (checked before
 * use), the publicity period line and 最后操作.
 */
import { formatChineseDate, type CalendarDate } from '../calendar-date';

/** A certificate number: `{year}` and `{seq:000}` (zero-padded to the zeros' count) or `{seq}` replaced. */
export function formatCertificateNumber(pattern: string, year: number, sequence: number): string {
  return pattern
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(0+))?\}/g, (_match, zeros?: string) => String(sequence).padStart(zeros?.length ?? 0, '0'));
}

/** Placeholders a certificate number pattern may hold. */
const PATTERN_PLACEHOLDER = /^\{(?:year|seq(?::0+)?)\}$/;

/**
 * Why a certificate number pattern cannot be used, or null: it needs exactly one `{seq}` (or
 * `{seq:000}`), else every number of a year would be the same; other placeholders than `{year}`
 * and `{seq}` are typing mistakes that would be printed on certificates as they are.
 */
export function certificatePatternProblem(pattern: string): string | null {
  const placeholders = pattern.match(/\{[^{}]*\}/g) ?? [];
  const unknown = placeholders.filter((placeholder) => !PATTERN_PLACEHOLDER.test(placeholder));
  if (unknown.length > 0) return `含无法识别的占位符 ${unknown.join('、')}，只能用 {year} 和 {seq}（或 {seq:000}）`;
  const sequences = placeholders.filter((placeholder) => placeholder.startsWith('{seq')).length;
  if (sequences === 0) return '缺少 {seq}（当年流水号），否则同一年的证书编号都会相同';
  if (sequences > 1) return '只能有一个 {seq}';
  if (!placeholders.some((placeholder) => placeholder === '{year}')) return '缺少 {year}（认定年份）：流水号每年从 1 重新开始，没有年份的编号会与往年的重复';
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) return '有不成对的花括号 { }';
  return null;
}

/** The sequence number of a certificate number of that year written by the pattern, or null. */
export function certificateSequence(pattern: string, year: number, text: string): number | null {
  const parts = pattern.split(/(\{year\}|\{seq(?::0+)?\})/);
  const source = parts
    .map((part) => (part === '{year}' ? String(year) : /^\{seq/.test(part) ? '(\\d+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const match = new RegExp(`^${source}$`).exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** `公示期：2024年9月27日至2024年10月9日（5个工作日）`. */
export function publicityPeriodText(start: CalendarDate, end: CalendarDate, days: number): string {
  return `公示期：${formatChineseDate(start)}至${formatChineseDate(end)}（${days}个工作日）`;
}

/** 最后操作: when, who and what. */
export function lastActionText(today: CalendarDate, email: string, from: string, to: string): string {
  return lastActionNote(today, email, `${from}→${to}`);
}

/** 最后操作 of an action that is not a move: `2027-10-09 city@…：任期考核：优秀（2027-10-09）`. */
export function lastActionNote(today: CalendarDate, email: string, what: string): string {
  return `${today} ${email}：${what}`;
}
