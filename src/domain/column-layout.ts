/**
 * How the add-on's columns look, as data: the width (in pixels, as Sheets counts them) and wrap of
 * the columns it creates, which columns are frozen, and an estimate of the width a text needs
 * (a CJK character about twice a Latin one), so dates never show `###`, 审查说明 can be read, and
 * a printed 公示名单 fits its school and county names.
 */

/** Width of a column nobody has sized: Sheets' default, 100 px. Only such columns are ever resized. */
export const DEFAULT_COLUMN_WIDTH = 100;

/** Width and wrap of a column the add-on creates. */
export interface ColumnLook {
  width: number;
  wrap?: boolean;
}

/** yyyy-mm-dd needs about 75 px; a bit more than the default so the width is a deliberate one. */
const DATE_WIDTH = 110;
/** yyyy-mm-dd hh:mm:ss needs about 140 px (170 leaves room for a wider font). */
const DATE_TIME_WIDTH = 170;

/**
 * Columns by header text (the add-on's sheets). Every width differs from the default, so a column
 * once sized is recognised as sized and left alone.
 */
export const COLUMN_LOOKS: Readonly<Record<string, ColumnLook>> = {
  审查说明: { width: 360, wrap: true },
  资格审查: { width: 80 },
  公示开始: { width: DATE_WIDTH },
  公示截止: { width: DATE_WIDTH },
  认定日期: { width: DATE_WIDTH },
  上届考核日期: { width: DATE_WIDTH },
  任期考核日期: { width: DATE_WIDTH },
  证书编号: { width: 170 },
  最后操作: { width: 320 },
  时间: { width: DATE_TIME_WIDTH },
  日期: { width: DATE_WIDTH },
  操作人: { width: 200 },
  说明: { width: 320, wrap: true },
};

/**
 * Columns up to 姓名 are frozen (with the rows up to the header row) so the name stays beside the
 * verdict at the right end; when 姓名 is further right than this, freezing would cover the screen.
 */
export const FREEZE_NAME_MAX_COLUMN = 4;

/** Whether a character is wide (CJK, full-width forms): about twice a Latin character. */
function isWide(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** The width of a text in Latin characters: a CJK or full-width character counts 2, any other 1. */
export function textUnits(text: string): number {
  let units = 0;
  for (const character of text) units += isWide(character) ? 2 : 1;
  return units;
}

/** Pixels per Latin character (a little over the 7 of a digit at the default font: CJK glyphs are 15–16 px), and the padding. */
const PIXELS_PER_UNIT = 8;
const PADDING = 14;

/** The width in pixels a column needs to show the longest of these texts on one line (at least 40). */
export function fittingWidth(texts: readonly string[]): number {
  const longest = Math.max(0, ...texts.map(textUnits));
  return Math.max(40, longest * PIXELS_PER_UNIT + PADDING);
}
