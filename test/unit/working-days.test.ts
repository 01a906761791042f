/**
 * The working-day calendar and term dates of src/domain, checked directly: SPEC §5's examples,
 * both directions of CN_WORKDAY, NETWORKDAYS' sign, unknown years, the 节假日 overrides, and that
 * the committed arrangements are exactly what the pinned chinese-days package carries.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { WorkingDayCalendar, UnknownYearError, bundledYears } from '../../src/domain/working-days/working-day-calendar';
import officialArrangements from '../../src/domain/working-days/official-arrangements.json';
import { termEnd } from '../../src/domain/term';
import { parseDateText } from '../../src/domain/date-text';
import { addDays, fromSerialNumber, toSerialNumber, weekdayOfDayNumber, toDayNumber } from '../../src/domain/calendar-date';

const calendar = new WorkingDayCalendar();

describe('WorkingDayCalendar', () => {
  test('SPEC §5 example: publicity from Friday 2024-09-27 ends 2024-10-09', () => {
    expect(calendar.publicityEnd('2024-09-27', 5)).toBe('2024-10-09');
  });

  test('a publicity starting on a holiday counts from the next working day', () => {
    // 10-08 Tue, 10-09, 10-10, 10-11, 10-12 (Saturday made a working day).
    expect(calendar.publicityEnd('2024-10-01', 5)).toBe('2024-10-12');
    expect(calendar.publicityEnd('2024-10-08', 1)).toBe('2024-10-08');
  });

  test('weekends, holidays and make-up working days', () => {
    expect(calendar.isWorkday('2024-09-29')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkday('2024-10-03')).toBe(false); // 国庆节
    expect(calendar.isWorkday('2024-10-12')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkday('2024-10-13')).toBe(false); // plain Sunday
    expect(calendar.isWorkday('2025-01-27')).toBe(true); // Monday before 春节
    expect(calendar.isWorkday('2026-02-14')).toBe(true); // Saturday, 调休上班
  });

  test('addWorkdays moves forward and backward like WORKDAY', () => {
    expect(calendar.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    expect(calendar.addWorkdays('2024-10-08', -1)).toBe('2024-09-30');
    expect(calendar.addWorkdays('2024-10-05', 0)).toBe('2024-10-05');
    expect(calendar.addWorkdays('2024-01-01', -1)).toBe('2023-12-29');
  });

  test('countWorkdays includes both ends and is negative backwards', () => {
    expect(calendar.countWorkdays('2024-10-01', '2024-10-31')).toBe(19);
    expect(calendar.countWorkdays('2024-10-31', '2024-10-01')).toBe(-19);
    expect(calendar.countWorkdays('2024-09-29', '2024-09-29')).toBe(1);
    expect(calendar.countWorkdays('2024-10-01', '2024-10-01')).toBe(0);
  });

  test('a year without a known arrangement is an error naming the year', () => {
    const last = bundledYears()[bundledYears().length - 1] ?? 0;
    const next = `${last + 1}-03-02`;
    expect(() => calendar.isWorkday(next)).toThrow(UnknownYearError);
    expect(() => calendar.isWorkday(next)).toThrow(`${last + 1}年`);
    expect(() => calendar.publicityEnd(`${last}-12-30`, 5)).toThrow(`${last + 1}年`);
    expect(() => calendar.countWorkdays('2003-12-01', '2024-01-01')).toThrow('2003年');
  });

  test('the 节假日 sheet overrides days and can add a year', () => {
    const withOverrides = new WorkingDayCalendar([
      { date: '2024-09-30', kind: 'rest', name: '本地调整' },
      { date: '2024-10-13', kind: 'work', name: '补班' },
      { date: '2027-01-01', kind: 'rest', name: '元旦' },
    ]);
    expect(withOverrides.isWorkday('2024-09-30')).toBe(false);
    expect(withOverrides.isWorkday('2024-10-13')).toBe(true);
    expect(withOverrides.publicityEnd('2024-09-27', 5)).toBe('2024-10-10');
    expect(withOverrides.knowsYear(2027)).toBe(true);
    expect(withOverrides.isWorkday('2027-01-01')).toBe(false);
    expect(withOverrides.isWorkday('2027-01-04')).toBe(true);
  });
});

describe('bundled arrangements', () => {
  test('cover every year from 2023 to 2026', () => {
    expect(bundledYears()).toEqual(expect.arrayContaining([2023, 2024, 2025, 2026]));
  });

  test('are exactly what the pinned chinese-days package carries (run npm run update-holidays after a bump)', () => {
    const years = officialArrangements.years as Record<string, { rest: Record<string, string>; work: Record<string, string> }>;
    const rest = Object.values(years).flatMap((year) => Object.keys(year.rest)).sort();
    const work = Object.values(years).flatMap((year) => Object.keys(year.work)).sort();
    expect(rest).toEqual(Object.keys(chineseDays.holidays).sort());
    expect(work).toEqual(Object.keys(chineseDays.workdays).sort());
  });
});

describe('termEnd', () => {
  test.each([
    ['2024-10-10', '2027-10-09'],
    ['2024-02-29', '2027-02-28'],
    ['2023-03-01', '2026-02-28'],
    ['2025-01-01', '2027-12-31'],
    ['2025-03-01', '2028-02-29'],
  ])('award %s ends %s', (award, end) => {
    expect(termEnd(award, 3)).toBe(end);
  });
});

describe('calendar dates', () => {
  test.each([
    ['2024-09-27', '2024-09-27'],
    ['2024/9/27', '2024-09-27'],
    ['2024.9.27', '2024-09-27'],
    ['2024年9月27日', '2024-09-27'],
    [' 2024年9月27 ', '2024-09-27'],
    ['２０２４－０９－２７', '2024-09-27'],
    ['2024-02-30', null],
    ['27/9/2024', null],
    ['昨天', null],
    ['2024-9', null],
  ])('parseDateText(%j) is %j', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  test('serial numbers count from 1899-12-30 as Sheets and Excel do', () => {
    expect(toSerialNumber('2024-09-27')).toBe(45562);
    expect(fromSerialNumber(45562.75)).toBe('2024-09-27');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(weekdayOfDayNumber(toDayNumber('2024-09-27'))).toBe(5);
  });
});
