/**
 * The sidebar's arguments, checked strictly before anything is read or written: google.script.run
 * passes whatever the page (or anyone calling it) sends, so a text must be a string, a switch a
 * boolean, rows an array of row numbers — never converted with String() (an object's own toString
 * could throw or lie). A wrong argument is an ArgumentError with a Chinese message naming it.
 */
import { ArgumentError } from './sheet-choice';

/** The most rows one sidebar move may name (a whole sheet of 5,000 rows; more is refused in one message). */
export const MAX_MOVE_ROWS = 5000;

/** What a value is, in Chinese, without calling anything on it. */
function kindOf(value: unknown): string {
  if (value === null) return '空值（null）';
  if (value === undefined) return '未给出';
  if (Array.isArray(value)) return '数组';
  const kinds: Record<string, string> = { string: '文字', number: '数字', boolean: '真假值', object: '对象', function: '函数', bigint: '数字', symbol: '符号' };
  return kinds[typeof value] ?? typeof value;
}

/** `value` as a text, or ArgumentError naming `what`; undefined and null give `fallback` when one is given. */
export function textArgument(value: unknown, what: string, fallback?: string): string {
  if (typeof value === 'string') return value;
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  throw new ArgumentError(`${what}应为文字，收到${kindOf(value)}`);
}

/** `value` as true or false, or ArgumentError naming `what` ("true", 1 and the like are refused). */
export function booleanArgument(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new ArgumentError(`${what}应为 true 或 false，收到${kindOf(value)}`);
}

/** `value` as row numbers (positive integers, at most MAX_MOVE_ROWS), or ArgumentError naming `what`. */
export function rowsArgument(value: unknown, what: string): number[] {
  if (!Array.isArray(value)) throw new ArgumentError(`${what}应为行号的数组，收到${kindOf(value)}`);
  if (value.length > MAX_MOVE_ROWS) throw new ArgumentError(`${what}一次最多 ${MAX_MOVE_ROWS} 行，收到 ${value.length} 行；请分批操作（本次没有做任何修改）`);
  const bad = value.findIndex((row) => !(typeof row === 'number' && Number.isSafeInteger(row) && row >= 1));
  if (bad >= 0) throw new ArgumentError(`${what}中第${bad + 1}个不是正整数的行号（${kindOf(value[bad])}）`);
  return value as number[];
}

/** `value` as a plain object (not an array), or ArgumentError naming `what`. */
export function objectArgument(value: unknown, what: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ArgumentError(`${what}应为对象，收到${kindOf(value)}`);
}
