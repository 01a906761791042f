/**
 * Colours between Apps Script ('#ff0000', '#f00') and .xlsx (ARGB 'FFFF0000'). CSS colour names,
 * which Sheets also accepts, are not translated: they are reported as not available.
 */
import { unavailable, type FakeContext } from './fake-object';

/** The ARGB of a colour given to Apps Script; null (reset) stays null. */
export function argbOf(context: FakeContext, color: unknown, interfaceName: string, method: string): string | null {
  if (color === null || color === undefined) return null;
  const text = String(color).trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return `FF${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const long = /^#([0-9a-f]{6})$/i.exec(text);
  if (long) return `FF${long[1]}`.toUpperCase();
  return unavailable(context, interfaceName, method, `colour "${text}"; use #rrggbb`);
}

/** Apps Script's '#rrggbb' of an ARGB (alpha dropped). */
export function hexOf(argb: string | undefined): string | null {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return null;
  return `#${argb.slice(2).toLowerCase()}`;
}
