/**
 * The names of the official holidays (国庆节, 春节 …) a span of days crosses, from the bundled
 * arrangements the add-on itself uses, so the demo's summary says what it crossed instead of
 * assuming it.
 */
// The holiday names are data the bundle embeds but does not expose; reading the same JSON adds no logic beside dist/Code.js.
// eslint-disable-next-line no-restricted-imports
import officialArrangements from '../../src/domain/working-days/official-arrangements.json';

const REST_DAYS = new Map<string, string>(
  Object.values(officialArrangements.years as Record<string, { rest?: Record<string, string> }>).flatMap((year) => Object.entries(year.rest ?? {})),
);

/** The official holidays among `days` ('YYYY-MM-DD'), each named once, in order; weekends alone name nothing. */
export function officialHolidayNames(days: readonly string[]): string[] {
  return [...new Set(days.map((day) => REST_DAYS.get(day)).filter((name): name is string => name !== undefined))];
}

/** '跨国庆节' (or '跨春节、元旦'), or '未跨节假日' when the span crosses none. */
export function crossingText(names: readonly string[]): string {
  return names.length === 0 ? '未跨节假日' : `跨${names.join('、')}`;
}
