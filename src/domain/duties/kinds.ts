/**
 * The kinds of duty (五（二）–（五）) as data: the 类型 spellings people write in 履职记录, what each
 * counts towards in the 履职情况 report, and the report's names for them. A 类型 that is none of
 * these is listed, never counted.
 */
import { foldSpelling } from '../nomination/fields';
import type { Preset } from '../presets';

/** The report's fields for the per-semester kinds (五（二）读书、（三）讲座、（四）公开课). */
export const SEMESTER_KIND_FIELDS = { 读书: 'books', 讲座: 'lectures', 公开课: 'openClasses' } as const;

/** A per-semester kind. */
export type SemesterKind = keyof typeof SEMESTER_KIND_FIELDS;

/** The kind counted per school year by distinct mentees (五（五）). */
export const MENTORING_KIND = '结对帮带';

/** Other spellings of each kind, as officials and teachers write them. */
export const DUTY_KIND_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  读书: ['读书笔记', '读书心得', '读书活动', '阅读', '阅读笔记', '读一本书', '读书分享'],
  讲座: ['专题讲座', '主题讲座', '讲座报告', '专题报告', '培训讲座', '开讲座'],
  公开课: ['主题班会公开课', '班会公开课', '公开班会', '主题班会', '示范课', '观摩课', '展示课', '上公开课'],
  结对帮带: ['帮带', '结对', '结对帮扶', '师徒结对', '青蓝结对', '帮扶', '传帮带'],
};

const kindMaps = new WeakMap<Preset, ReadonlyMap<string, string>>();

/** Folded spelling → the preset's kind, built once per preset. */
function kindMap(preset: Preset): ReadonlyMap<string, string> {
  const cached = kindMaps.get(preset);
  if (cached) return cached;
  const map = new Map<string, string>();
  for (const kind of preset.dutyKinds) {
    map.set(foldSpelling(kind), kind);
    for (const spelling of DUTY_KIND_SPELLINGS[kind] ?? []) map.set(foldSpelling(spelling), kind);
  }
  kindMaps.set(preset, map);
  return map;
}

/** The preset's kind a 类型 text names (读书笔记 → 读书), or null when it names none. */
export function readDutyKind(text: string, preset: Preset): string | null {
  return kindMap(preset).get(foldSpelling(text)) ?? null;
}
