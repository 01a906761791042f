/**
 * Semesters (五（二）–（五）): 学年学期 spellings, the semester a date falls in at the boundaries
 * (1-31/2-1, 8-31/9-1) with the default and changed starts, and the 设置 values that are refused.
 */
import {
  parseMonthDay,
  parseSemesterText,
  semesterEnd,
  semesterOfDate,
  semesterStart,
  semesterStartsOf,
  semesterText,
} from '../../../src/domain/duties/semesters';

const DEFAULT = { first: { month: 9, day: 1 }, second: { month: 2, day: 1 } };
const KEYS = { first: '第一学期开始', second: '第二学期开始' };
const PRESET_STARTS = { first: '9-1', second: '2-1' };

describe('学年学期 text', () => {
  test.each([
    ['2024-2025学年第一学期', 2024, 1],
    ['2024-2025学年第二学期', 2024, 2],
    ['２０２４－２０２５学年第１学期', 2024, 1],
    ['2024—2025学年第一学期', 2024, 1],
    ['2024～2025学年下学期', 2024, 2],
    ['2024至2025学年 上学期', 2024, 1],
    [' 2024 - 2025 学年 第 2 学期 ', 2024, 2],
    ['2023-2024学年度第二学期', 2023, 2],
  ])('%s', (text, startYear, half) => {
    expect(parseSemesterText(text)).toEqual({ startYear, half });
  });

  test.each(['2024-2026学年第一学期', '2024学年第一学期', '2024-2025学年第三学期', '2024-2025学年', '第一学期', ''])('refuses %s', (text) => {
    expect(parseSemesterText(text)).toBeNull();
  });

  test('is written back in the one form', () => {
    expect(semesterText({ startYear: 2024, half: 2 })).toBe('2024-2025学年第二学期');
  });
});

describe('the semester of a date (default starts 9-1 and 2-1)', () => {
  test.each([
    ['2024-09-01', '2024-2025学年第一学期'],
    ['2024-08-31', '2023-2024学年第二学期'],
    ['2025-01-31', '2024-2025学年第一学期'],
    ['2025-02-01', '2024-2025学年第二学期'],
    ['2025-08-31', '2024-2025学年第二学期'],
    ['2024-12-31', '2024-2025学年第一学期'],
    ['2025-01-01', '2024-2025学年第一学期'],
  ])('%s is in %s', (date, text) => {
    expect(semesterText(semesterOfDate(date, DEFAULT))).toBe(text);
  });

  test('first and last days', () => {
    expect(semesterStart({ startYear: 2024, half: 1 }, DEFAULT)).toBe('2024-09-01');
    expect(semesterEnd({ startYear: 2024, half: 1 }, DEFAULT)).toBe('2025-01-31');
    expect(semesterStart({ startYear: 2024, half: 2 }, DEFAULT)).toBe('2025-02-01');
    expect(semesterEnd({ startYear: 2024, half: 2 }, DEFAULT)).toBe('2025-08-31');
  });

  test('changed starts in 设置 move the boundaries', () => {
    const starts = semesterStartsOf({ row: 5, text: '8月25日' }, { row: 6, text: '2-20' }, PRESET_STARTS, KEYS);
    if ('problem' in starts) throw new Error(starts.problem);
    expect(semesterText(semesterOfDate('2024-08-25', starts))).toBe('2024-2025学年第一学期');
    expect(semesterText(semesterOfDate('2024-08-24', starts))).toBe('2023-2024学年第二学期');
    expect(semesterText(semesterOfDate('2025-02-19', starts))).toBe('2024-2025学年第一学期');
    expect(semesterText(semesterOfDate('2025-02-20', starts))).toBe('2024-2025学年第二学期');
    expect(semesterEnd({ startYear: 2024, half: 1 }, starts)).toBe('2025-02-19');
    // 2028 is a leap year: the day before 2-20 is still 2-19, and before 3-1 it would be 2-29.
    const march = semesterStartsOf(undefined, { row: 6, text: '3-1' }, PRESET_STARTS, KEYS);
    if ('problem' in march) throw new Error(march.problem);
    expect(semesterEnd({ startYear: 2027, half: 1 }, march)).toBe('2028-02-29');
  });
});

describe('设置 values', () => {
  test('blank or missing rows take the preset defaults', () => {
    expect(semesterStartsOf(undefined, { row: 6, text: '' }, PRESET_STARTS, KEYS)).toEqual(DEFAULT);
  });

  test('a date cell (a month-day typed into a sheet) gives its month and day', () => {
    expect(parseMonthDay('2024-09-01')).toEqual({ month: 9, day: 1 });
    expect(parseMonthDay('９－１')).toEqual({ month: 9, day: 1 });
  });

  test('a bad value names the 设置 row and the value', () => {
    expect(semesterStartsOf({ row: 5, text: '9-31' }, undefined, PRESET_STARTS, KEYS)).toEqual({ problem: expect.stringMatching(/^设置第5行：第一学期开始“9-31”不是月-日/) });
    expect(semesterStartsOf(undefined, { row: 6, text: '春季' }, PRESET_STARTS, KEYS)).toEqual({ problem: expect.stringMatching(/^设置第6行：第二学期开始“春季”/) });
    expect(semesterStartsOf(undefined, { row: 6, text: '2-29' }, PRESET_STARTS, KEYS)).toHaveProperty('problem');
    expect(semesterStartsOf({ row: 5, text: '2-1' }, { row: 6, text: '9-1' }, PRESET_STARTS, KEYS)).toEqual({ problem: expect.stringMatching(/^设置第6行：第二学期开始（9-1）须早于第一学期开始（2-1）/) });
  });
});
