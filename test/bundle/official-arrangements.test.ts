/**
 * Every day of 2023–2026 through dist/Code.js alone, against the State Council's notices as
 * published (国办发明电), written out here independently of the bundled data: a day is a working day
 * when it is Monday–Friday outside the notice's days off, or one of its make-up working days.
 * Runs in three process time zones; the answers must not move.
 */
import { loadBundle } from '../../local/runtime/bundle';
import { PROCESS_TIME_ZONES, inProcessTimeZone, processTimeZone, zonedDateCell } from '../support/time-zones';

/** Days off (inclusive ranges) and make-up working days of each year's notice. */
const NOTICES: Record<number, { source: string; off: [string, string][]; work: string[] }> = {
  2023: {
    source: '国办发明电〔2022〕16号',
    off: [['2023-01-01', '2023-01-02'], ['2023-01-21', '2023-01-27'], ['2023-04-05', '2023-04-05'], ['2023-04-29', '2023-05-03'], ['2023-06-22', '2023-06-24'], ['2023-09-29', '2023-10-06']],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    source: '国办发明电〔2023〕7号',
    off: [['2024-01-01', '2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], ['2024-06-10', '2024-06-10'], ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07']],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    source: '国办发明电〔2024〕12号',
    off: [['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国办发明电〔2025〕7号',
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const DAY = 86_400_000;
const isoOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Every day of a year with the notice's answer. */
function expectedYear(year: number): { date: string; workday: boolean }[] {
  const notice = NOTICES[year]!;
  const off = new Set<string>();
  for (const [first, last] of notice.off) {
    for (let time = Date.parse(first); time <= Date.parse(last); time += DAY) off.add(isoOf(time));
  }
  const work = new Set(notice.work);
  const days = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += DAY) {
    const date = isoOf(time);
    const weekday = new Date(time).getUTCDay();
    days.push({ date, workday: work.has(date) || (!off.has(date) && weekday !== 0 && weekday !== 6) });
  }
  return days;
}

describe.each(PROCESS_TIME_ZONES)('official arrangements 2023–2026 under TZ=%s', (timeZone) => {
  test.each(Object.keys(NOTICES).map(Number))('IS_WORKDAY agrees with the notice of %i on every day', (year) => {
    inProcessTimeZone(timeZone, () => {
      const bundle = loadBundle(undefined, { bare: true });
      const expected = expectedYear(year);
      const column = expected.map(({ date }) => [zonedDateCell(bundle.realm, date, processTimeZone())]);
      const answers = bundle.call('IS_WORKDAY', column) as unknown[][];
      const disagreements = expected.filter((day, index) => answers[index]?.[0] !== day.workday).map((day) => day.date);
      expect({ source: NOTICES[year]!.source, disagreements }).toEqual({ source: NOTICES[year]!.source, disagreements: [] });
      expect(answers).toHaveLength(expected.length);
    });
  });
});
