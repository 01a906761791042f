/**
 * The report page's escaping: text into HTML, data into a <script type="application/json">, a
 * script's source into a <script> element, and the safety net that masks anything looking like a
 * 身份证号 or a mobile number before a string reaches the page. Everything the page shows passes
 * through here, because the example reasons are what people typed into spreadsheets.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML (element content and quoted attribute values alike). */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** JSON that can sit inside a <script> element: no `<`, `>`, `&`, U+2028 or U+2029 left as such. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A script's source made safe to inline: no `</script` or `<!--` can end or bend the element. */
export function scriptForInline(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** A digit, half- or full-width. */
const D = '[0-9\\uFF10-\\uFF19]';
/** At most one separator people put inside a number: a space (also full-width or no-break) or a dash. */
const S = '[ \\u00A0\\u3000\\-\\u2010-\\u2015\\uFF0D]?';
/** 18 characters shaped like a 身份证号 (17 digits and a digit or X, separators allowed), not inside a longer run of digits. */
const ID_NUMBER = new RegExp(`(?<!${D})(?:${D}${S}){17}[0-9Xx\\uFF10-\\uFF19\\uFF38\\uFF58](?![0-9A-Za-z\\uFF10-\\uFF19])`, 'gu');
/** A mainland mobile number: 11 digits starting 1[3-9], with separators and a leading +86 / 86 allowed, not inside a longer run of digits. */
const MOBILE = new RegExp(`(?<!${D})(?:[+\\uFF0B]?(?:86|\\uFF18\\uFF16)${S})?[1\\uFF11]${S}[3-9\\uFF13-\\uFF19](?:${S}${D}){9}(?!${D})`, 'gu');

/** The text with every 身份证号- or mobile-looking run (half- or full-width digits, spaced or dashed, +86) replaced by a Chinese placeholder. */
export function maskPersonal(text: string): string {
  return text.replace(ID_NUMBER, '（身份证号已隐去）').replace(MOBILE, '（电话已隐去）');
}

/** A deep copy of plain data with maskPersonal applied to every string in it. */
export function maskPersonalDeep<T>(value: T): T {
  if (typeof value === 'string') return maskPersonal(value) as T;
  if (Array.isArray(value)) return value.map((each) => maskPersonalDeep(each)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, maskPersonalDeep(each)])) as T;
  }
  return value;
}
