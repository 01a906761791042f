/**
 * Java SimpleDateFormat patterns, as Utilities.formatDate reads them: y, M, d, H, h, m, s, S, E,
 * a, Z and 'quoted text' ('' is a quote), in English, at the wall time of a given time zone.
 * Pattern letters outside that set give undefined, so the caller can report them.
 */
import { offsetAt, wallClockAt } from '../runtime/time-zones';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** An instant formatted with a SimpleDateFormat pattern in a time zone; undefined for letters we lack. */
export function formatJavaDate(instant: number, timeZone: string, pattern: string): string | undefined {
  const wall = wallClockAt(instant, timeZone);
  const dayOfWeek = (() => {
    const date = new Date(0);
    date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
    return date.getUTCDay();
  })();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] ?? '';
    if (char === "'") {
      if (pattern[index + 1] === "'") {
        out += "'";
        index += 2;
        continue;
      }
      let end = index + 1;
      let text = '';
      while (end < pattern.length) {
        if (pattern[end] === "'" && pattern[end + 1] === "'") {
          text += "'";
          end += 2;
        } else if (pattern[end] === "'") break;
        else {
          text += pattern[end];
          end += 1;
        }
      }
      out += text;
      index = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      out += char;
      index += 1;
      continue;
    }
    let count = 1;
    while (pattern[index + count] === char) count += 1;
    index += count;
    switch (char) {
      case 'y':
        out += count === 2 ? pad(wall.year % 100, 2) : pad(wall.year, count);
        break;
      case 'M':
        out += count >= 4 ? MONTHS[wall.month - 1] : count === 3 ? MONTHS[wall.month - 1]?.slice(0, 3) : pad(wall.month, count);
        break;
      case 'd':
        out += pad(wall.day, count);
        break;
      case 'H':
        out += pad(wall.hour, count);
        break;
      case 'h':
        out += pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, count);
        break;
      case 'm':
        out += pad(wall.minute, count);
        break;
      case 's':
        out += pad(wall.second, count);
        break;
      case 'S':
        out += pad(wall.millisecond, count);
        break;
      case 'E':
        out += count >= 4 ? WEEKDAYS[dayOfWeek] : WEEKDAYS[dayOfWeek]?.slice(0, 3);
        break;
      case 'a':
        out += wall.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z': {
        const minutes = Math.round(offsetAt(instant, timeZone) / 60000);
        const sign = minutes < 0 ? '-' : '+';
        out += `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${pad(Math.abs(minutes) % 60, 2)}`;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}
