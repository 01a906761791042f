/**
 * What a cell shows (Range.getDisplayValues) under its .xlsx number format: 'General', fixed
 * decimals, thousands separators, percentages, quoted literals, and date/time formats such as
 * yyyy-mm-dd or yyyy"年"m"月"d"日". Formats outside that set give undefined, so the caller can
 * say the format is not available rather than show a guess.
 */
import type { WallClock } from '../runtime/time-zones';

/** Number formats Excel stores by id whose text depends on the reader's locale, as zh-CN shows them. */
const LOCALE_FORMATS: Record<string, string> = {
  'mm-dd-yy': 'yyyy/m/d',
  'm/d/yy "h":mm': 'yyyy/m/d h:mm',
  'm/d/yy h:mm': 'yyyy/m/d h:mm',
};

const CHINESE_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The sections of a format (positive;negative;zero;text), split outside quotes. */
function sections(format: string): string[] {
  const result: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < format.length; index += 1) {
    const char = format[index] ?? '';
    if (char === '"') quoted = !quoted;
    if (char === '\\' && !quoted) {
      current += char + (format[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === ';' && !quoted) {
      result.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  result.push(current);
  return result;
}

/** Whether a number format shows dates or times (so the cell holds a date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/** Splits one section into literals and format codes. */
function tokenize(section: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < section.length) {
    const char = section[index] ?? '';
    if (char === '"') {
      const end = section.indexOf('"', index + 1);
      if (end < 0) return undefined;
      tokens.push({ kind: 'literal', text: section.slice(index + 1, end) });
      index = end + 1;
    } else if (char === '\\') {
      tokens.push({ kind: 'literal', text: section[index + 1] ?? '' });
      index += 2;
    } else if (char === '[') {
      const end = afterHarmlessBracket(section, index);
      if (end === undefined) return undefined;
      index = end;
    } else if (char === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      index += 2;
    } else if (char === '*') {
      index += 2;
    } else if (/[A-Za-z]/.test(char)) {
      let end = index + 1;
      while (end < section.length && section[end]?.toLowerCase() === char.toLowerCase()) end += 1;
      tokens.push({ kind: 'code', text: section.slice(index, end).toLowerCase() });
      index = end;
    } else {
      tokens.push({ kind: 'literal', text: char });
      index += 1;
    }
  }
  return tokens;
}

/** What a date cell shows under a date format; undefined if the format is beyond this runtime. */
export function formatDateForDisplay(wall: WallClock, format: string): string | undefined {
  const section = sections(LOCALE_FORMATS[format] ?? format)[0] ?? '';
  const tokens = tokenize(section);
  if (!tokens || section.includes('上午/下午')) return undefined;
  const codes = tokens.filter((token) => token.kind === 'code');
  let shown = '';
  for (const token of tokens) {
    if (token.kind === 'literal') {
      shown += token.text;
      continue;
    }
    const code = token.text;
    const position = codes.indexOf(token);
    const previous = codes[position - 1]?.text ?? '';
    const next = codes[position + 1]?.text ?? '';
    const pad = (value: number) => String(value).padStart(2, '0');
    if (/^y+$/.test(code)) shown += code.length <= 2 ? pad(wall.year % 100) : String(wall.year);
    else if ((code === 'm' || code === 'mm') && (previous.startsWith('h') || next.startsWith('s'))) {
      shown += code === 'm' ? String(wall.minute) : pad(wall.minute);
    } else if (code === 'm') shown += String(wall.month);
    else if (code === 'mm') shown += pad(wall.month);
    else if (code === 'd') shown += String(wall.day);
    else if (code === 'dd') shown += pad(wall.day);
    else if (code === 'h') shown += String(wall.hour);
    else if (code === 'hh') shown += pad(wall.hour);
    else if (code === 's') shown += String(wall.second);
    else if (code === 'ss') shown += pad(wall.second);
    else if (code === 'aaa' || code === 'aaaa') {
      const weekday = CHINESE_WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()] ?? '';
      shown += code === 'aaa' ? weekday : `星期${weekday}`;
    } else return undefined;
  }
  return shown;
}

/** 'General': integers as typed up to 15 digits, else about 11 significant digits, as Sheets shows them. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const power = Number(exponent);
    return `${trimmed}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(11)));
}

/** Splits a numeric section into the literal text before, the digit pattern, and the text after. */
function splitNumericSection(section: string): { before: string; pattern: string; after: string } | undefined {
  let before = '';
  let pattern = '';
  let after = '';
  const literal = (text: string) => {
    if (pattern) after += text;
    else before += text;
  };
  let index = 0;
  while (index < section.length) {
    const char = section[index] ?? '';
    if (char === '"') {
      const end = section.indexOf('"', index + 1);
      if (end < 0) return undefined;
      literal(section.slice(index + 1, end));
      index = end + 1;
    } else if (char === '\\') {
      literal(section[index + 1] ?? '');
      index += 2;
    } else if (char === '_') {
      literal(' ');
      index += 2;
    } else if (char === '*') {
      index += 2;
    } else if (char === '[') {
      const end = afterHarmlessBracket(section, index);
      if (end === undefined) return undefined;
      index = end;
    } else if (/^general/i.test(section.slice(index))) {
      if (pattern) return undefined;
      pattern = 'General';
      index += 'general'.length;
    } else if (/[0#?,.%]/.test(char)) {
      if (after && char !== '%') return undefined;
      if (after) after += char;
      else pattern += char;
      index += 1;
    } else if (/[A-Za-z]/.test(char)) {
      return undefined;
    } else {
      literal(char);
      index += 1;
    }
  }
  return { before, pattern, after };
}

/** One numeric section rendered for a non-negative number; undefined if the section is beyond us. */
function formatNumericSection(value: number, section: string): string | undefined {
  const parts = splitNumericSection(section);
  if (!parts) return undefined;
  const { before, pattern, after } = parts;
  if (!pattern) return before + after;
  if (pattern === 'General') return before + formatGeneral(value) + after;
  if (pattern.includes('?')) return undefined;
  const percent = (pattern.match(/%/g) ?? []).length + (after.match(/%/g) ?? []).length;
  const bare = pattern.replace(/%/g, '');
  const pieces = bare.split('.');
  if (pieces.length > 2) return undefined;
  const [integerPart = '', decimalPart = ''] = pieces;
  if (/,$/.test(integerPart)) return undefined; // trailing commas scale by thousands
  const scaled = value * 100 ** percent;
  const decimals = decimalPart.replace(/,/g, '').length;
  let [integerDigits = '0', fraction = ''] = scaled.toFixed(decimals).split('.');
  const minimumInteger = (integerPart.match(/0/g) ?? []).length;
  integerDigits = integerDigits.replace(/^0+/, '').padStart(minimumInteger, '0');
  if (integerPart.includes(',')) integerDigits = integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minimumFraction = (decimalPart.match(/0/g) ?? []).length;
  while (fraction.length > minimumFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const number = fraction ? `${integerDigits}.${fraction}` : pieces.length === 2 && minimumFraction === 0 ? `${integerDigits}.` : integerDigits;
  return before + number + '%'.repeat((pattern.match(/%/g) ?? []).length) + after;
}

/** What a number cell shows under a number format; undefined if the format is beyond this runtime. */
export function formatNumberForDisplay(value: number, format: string | undefined): string | undefined {
  if (!format || /^general$/i.test(format) || format === '@') return formatGeneral(value);
  const parts = sections(format);
  if (parts.some((part) => /^\[[<>=]/.test(part))) return undefined;
  if (parts.length === 1 || value > 0 || (value === 0 && parts.length < 3)) {
    const shown = formatNumericSection(Math.abs(value), parts[0] ?? '');
    return shown === undefined || value >= 0 ? shown : `-${shown}`;
  }
  if (value < 0) return formatNumericSection(-value, parts[1] ?? '');
  return formatNumericSection(0, parts[2] ?? '');
}

/**
 * The index after a `[…]` at `index` when it changes nothing we show — a locale tag ([$-804]) or
 * a colour ([Red]) — else undefined (a condition or elapsed time we cannot show).
 */
function afterHarmlessBracket(section: string, index: number): number | undefined {
  const end = section.indexOf(']', index);
  if (end < 0) return undefined;
  const inside = section.slice(index + 1, end);
  if (!/^\$-[0-9A-Fa-f]+$/.test(inside) && !/^(Black|Blue|Cyan|Green|Magenta|Red|White|Yellow|Color\d+)$/i.test(inside)) return undefined;
  return end + 1;
}
