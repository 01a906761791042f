/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule()'s builder, the rules a sheet
 * gives back, and their .xlsx form. "Text equal to" and "text contains" rules with a background
 * and font colour are understood both ways; any other rule found in a file is kept as it is, so
 * getConditionalFormatRules → setConditionalFormatRules round-trips it, but cannot be inspected.
 */
import type ExcelJS from 'exceljs';
import { rectA1 } from './a1-notation';
import { argbOf, hexOf } from './colors';
import { internalOf, makeFake, realmArray, unavailable, type FakeContext } from './fake-object';
import type { RangeRef } from './workbook-model';

/** The boolean conditions the runtime understands. */
export type TextCondition = { type: 'TEXT_EQUAL_TO' | 'TEXT_CONTAINS'; text: string };

/** A rule as the runtime keeps it. */
export interface RuleSpec {
  /** The ranges it applies to. */
  ranges: RangeRef[];
  condition?: TextCondition;
  background: string | null;
  fontColor: string | null;
  /** A rule read from a file that the runtime does not understand, kept as is. */
  raw?: ExcelJS.ConditionalFormattingRule;
}

/** BooleanCriteria's names. */
export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
] as const;

/** How rules reach ranges: the rectangle behind a Range fake, and a Range fake of a rectangle. */
export interface RuleRanges {
  refOf(range: unknown, method: string): RangeRef;
  rangeOf(ref: RangeRef): unknown;
}

/** The builder of SpreadsheetApp.newConditionalFormatRule() (or ConditionalFormatRule.copy()). */
export function makeConditionalFormatRuleBuilder(context: FakeContext, ranges: RuleRanges, start?: RuleSpec): unknown {
  const spec: RuleSpec = start ? { ...start, ranges: [...start.ranges] } : { ranges: [], background: null, fontColor: null };
  const name = 'ConditionalFormatRuleBuilder';
  return makeFake(context, name, (self) => ({
    whenTextEqualTo(text: unknown) {
      spec.condition = { type: 'TEXT_EQUAL_TO', text: String(text) };
      delete spec.raw;
      return self;
    },
    whenTextContains(text: unknown) {
      spec.condition = { type: 'TEXT_CONTAINS', text: String(text) };
      delete spec.raw;
      return self;
    },
    setBackground(color: unknown) {
      spec.background = argbOf(context, color, name, 'setBackground');
      return self;
    },
    setFontColor(color: unknown) {
      spec.fontColor = argbOf(context, color, name, 'setFontColor');
      return self;
    },
    setRanges(list: unknown) {
      if (!Array.isArray(list)) unavailable(context, name, 'setRanges', 'ranges must be a list');
      spec.ranges = list.map((range) => ranges.refOf(range, `${name}.setRanges`));
      return self;
    },
    getRanges() {
      return realmArray(context, spec.ranges.map((ref) => ranges.rangeOf(ref)));
    },
    build() {
      if (!spec.condition && !spec.raw) unavailable(context, name, 'build', 'a rule without a condition');
      return makeConditionalFormatRule(context, ranges, { ...spec, ranges: [...spec.ranges] });
    },
  }));
}

/** A rule, as Sheet.getConditionalFormatRules gives it. */
export function makeConditionalFormatRule(context: FakeContext, ranges: RuleRanges, spec: RuleSpec): unknown {
  return makeFake(
    context,
    'ConditionalFormatRule',
    () => ({
      getRanges: () => realmArray(context, spec.ranges.map((ref) => ranges.rangeOf(ref))),
      getBooleanCondition() {
        if (!spec.condition) {
          return unavailable(context, 'ConditionalFormatRule', 'getBooleanCondition', `an .xlsx rule of type ${spec.raw?.type ?? '?'}`);
        }
        const condition = spec.condition;
        return makeFake(context, 'BooleanCondition', () => ({
          getCriteriaType: () => condition.type,
          getCriteriaValues: () => realmArray(context, [condition.text]),
          getBackground: () => hexOf(spec.background ?? undefined),
          getFontColor: () => hexOf(spec.fontColor ?? undefined),
        }));
      },
      copy: () => makeConditionalFormatRuleBuilder(context, ranges, spec),
    }),
    { internal: spec },
  );
}

/** The rule behind a ConditionalFormatRule fake the bundle passed in. */
export function ruleSpecOf(context: FakeContext, value: unknown): RuleSpec {
  return internalOf<RuleSpec>(context, value, 'ConditionalFormatRule', 'Sheet.setConditionalFormatRules');
}

/** A string inside an Excel formula: quoted, its quotes doubled. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Reads back a formula string written by formulaString. */
function unquote(formula: string): string | undefined {
  const match = /^"((?:[^"]|"")*)"$/.exec(formula.trim());
  return match ? (match[1] ?? '').replace(/""/g, '"') : undefined;
}

/** The .xlsx form of a sheet's rules: one conditional formatting per rule, priorities in order. */
export function rulesToXlsx(specs: RuleSpec[]): ExcelJS.ConditionalFormattingOptions[] {
  return specs.map((spec, index) => {
    const priority = index + 1;
    const a1s = spec.ranges.map((range) => rectA1(range));
    const ref = a1s.join(' ');
    if (spec.raw) return { ref, rules: [{ ...spec.raw, priority }] };
    const style: Partial<ExcelJS.Style> = {};
    if (spec.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: spec.background } };
    if (spec.fontColor) style.font = { color: { argb: spec.fontColor } };
    const condition = spec.condition as TextCondition;
    const topLeft = (a1s[0] ?? 'A1').split(':')[0] ?? 'A1';
    const rule: ExcelJS.ConditionalFormattingRule =
      condition.type === 'TEXT_CONTAINS'
        ? {
            type: 'containsText',
            operator: 'containsText',
            text: condition.text,
            formulae: [`NOT(ISERROR(SEARCH(${formulaString(condition.text)},${topLeft})))`],
            priority,
            style,
          } as ExcelJS.ContainsTextRuleType & { formulae: string[] }
        : { type: 'cellIs', operator: 'equal', formulae: [formulaString(condition.text)], priority, style };
    return { ref, rules: [rule] };
  });
}

/** The colours of a rule's .xlsx style. */
function colorsOf(style: Partial<ExcelJS.Style> | undefined): { background: string | null; fontColor: string | null } {
  const fill = style?.fill as ExcelJS.FillPattern | undefined;
  const background = fill?.bgColor?.argb ?? fill?.fgColor?.argb ?? null;
  return { background, fontColor: style?.font?.color?.argb ?? null };
}

/** The rules of a sheet's .xlsx conditional formatting, one per .xlsx rule; `refOf` reads an A1. */
export function rulesFromXlsx(
  formattings: ExcelJS.ConditionalFormattingOptions[],
  refOf: (a1: string) => RangeRef | undefined,
): RuleSpec[] {
  const specs: (RuleSpec & { priority: number })[] = [];
  for (const formatting of formattings ?? []) {
    const ranges = formatting.ref
      .split(/\s+/)
      .map((a1) => refOf(a1))
      .filter((ref): ref is RangeRef => ref !== undefined);
    for (const rule of formatting.rules) {
      const formula = String((rule as { formulae?: unknown[] }).formulae?.[0] ?? '');
      const { background, fontColor } = colorsOf(rule.style);
      let condition: TextCondition | undefined;
      if (rule.type === 'containsText' && rule.operator === 'containsText') {
        const searched = /^NOT\(ISERROR\(SEARCH\(("(?:[^"]|"")*"),/.exec(formula)?.[1];
        const text = rule.text ?? (searched === undefined ? undefined : unquote(searched));
        if (text !== undefined) condition = { type: 'TEXT_CONTAINS', text };
      } else if (rule.type === 'cellIs' && rule.operator === 'equal') {
        const text = unquote(formula);
        if (text !== undefined) condition = { type: 'TEXT_EQUAL_TO', text };
      }
      specs.push({
        ranges: [...ranges],
        background: condition ? background : null,
        fontColor: condition ? fontColor : null,
        ...(condition ? { condition } : { raw: rule }),
        priority: rule.priority ?? Number.MAX_SAFE_INTEGER,
      });
    }
  }
  return specs.sort((a, b) => a.priority - b.priority).map(({ priority: _priority, ...spec }) => spec);
}
