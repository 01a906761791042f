/**
 * The 设置 row 评选级别: whether the spreadsheet is the city's (市级, measured against the city's
 * yearly number) or one county's own (县级, measured against the county's yearly minimum). A
 * missing row or blank value is 市级, the setting's default; anything else is a problem naming
 * the 设置 row and the value, never a guess.
 */
import { foldSpelling } from './nomination/fields';
import { isBlankCell, quote } from './nomination/values';
import { SETTING_KEYS } from './sheet-layouts';

/** The levels 评选级别 can name. */
export const SELECTION_LEVELS = ['市级', '县级'] as const;

/** One selection level. */
export type SelectionLevel = (typeof SELECTION_LEVELS)[number];

/** Level used when 设置 has no 评选级别 row or leaves it blank. */
export const DEFAULT_SELECTION_LEVEL: SelectionLevel = '市级';

/** Spellings of each level (folded as header and value texts are). */
const LEVEL_SPELLINGS: Readonly<Record<SelectionLevel, readonly string[]>> = {
  市级: ['市级', '市', '州级', '市(州)级'],
  县级: ['县级', '县', '区级', '区', '县(市、区)级', '县(市,区)级', '县(区)级'],
};

/** The level a 评选级别 cell names, or null when it names none. */
export function selectionLevelOf(cell: unknown): SelectionLevel | null {
  if (typeof cell !== 'string') return null;
  const folded = foldSpelling(cell);
  return SELECTION_LEVELS.find((level) => LEVEL_SPELLINGS[level].some((spelling) => foldSpelling(spelling) === folded)) ?? null;
}

/**
 * The 评选级别 of a 设置 sheet given as its rows (设置项, 值, …): the level, or a problem naming the
 * row and the value.
 */
export function readSelectionLevel(settingRows: readonly (readonly unknown[])[]): { level: SelectionLevel } | { problem: string } {
  for (let index = 0; index < settingRows.length; index += 1) {
    const row = settingRows[index] ?? [];
    if (typeof row[0] !== 'string' || row[0].trim() !== SETTING_KEYS.level) continue;
    const cell = row[1];
    if (isBlankCell(cell)) return { level: DEFAULT_SELECTION_LEVEL };
    const level = selectionLevelOf(cell);
    if (level === null) {
      return { problem: `设置第${index + 1}行：${SETTING_KEYS.level}“${quote(String(cell))}”无法识别，应填${SELECTION_LEVELS.join('或')}` };
    }
    return { level };
  }
  return { level: DEFAULT_SELECTION_LEVEL };
}
