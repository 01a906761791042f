/**
 * The runtime's small parsers and printers on their own: A1 notation as Sheets reads it, what a
 * cell shows under an .xlsx number format, and Java date patterns.
 */
import { parseA1, rectA1, splitSheetName } from '../../local/services/a1-notation';
import { formatJavaDate } from '../../local/services/java-date-format';
import { formatDateForDisplay, formatNumberForDisplay, isDateFormat } from '../../local/services/number-format';

describe('A1 notation', () => {
  test.each([
    ['B3', { row: 3, column: 2, numRows: 1, numColumns: 1 }],
    ['$A$1:C10', { row: 1, column: 1, numRows: 10, numColumns: 3 }],
    ['A:C', { row: 1, column: 1, numRows: 1000, numColumns: 3 }],
    ['2:5', { row: 2, column: 1, numRows: 4, numColumns: 26 }],
    ['A2:C', { row: 2, column: 1, numRows: 999, numColumns: 3 }],
    ['AA1', { row: 1, column: 27, numRows: 1, numColumns: 1 }],
  ])('%s', (a1, rect) => {
    expect(parseA1(a1, 1000, 26)).toEqual(rect);
  });

  test.each(['', 'A', '1', 'A0', 'A1:B2:C3', '名单'])('%s is not A1 notation', (a1) => {
    expect(parseA1(a1, 1000, 26)).toBeUndefined();
  });

  test('sheet prefixes, quoted or not', () => {
    expect(splitSheetName("'It''s'!A1:B2")).toEqual({ sheetName: "It's", a1: 'A1:B2' });
    expect(splitSheetName('名单!C3')).toEqual({ sheetName: '名单', a1: 'C3' });
    expect(splitSheetName('C3')).toEqual({ a1: 'C3' });
    expect(rectA1({ row: 2, column: 28, numRows: 3, numColumns: 1 })).toBe('AB2:AB4');
  });
});

describe('number formats', () => {
  const wall = { year: 2024, month: 9, day: 27, hour: 9, minute: 5, second: 7, millisecond: 0 };
  test.each([
    ['yyyy-mm-dd', '2024-09-27'],
    ['yyyy/m/d h:mm:ss', '2024/9/27 9:05:07'],
    ['yyyy"年"m"月"d"日" aaaa', '2024年9月27日 星期五'],
    ['[$-804]yyyy"年"mm"月"', '2024年09月'],
    ['mm-dd-yy', '2024/9/27'],
  ])('date %s', (format, shown) => {
    expect(formatDateForDisplay(wall, format)).toBe(shown);
  });

  test.each([
    [42, 'General', '42'],
    [0.1 + 0.2, 'General', '0.3'],
    [Number('530402198001011234'), 'General', '5.30402E+17'],
    [3.14159, '0.00', '3.14'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0.0%', '25.6%'],
    [-5, '0;(0)', '(5)'],
    [12, '0"岁"', '12岁'],
    [7, '@', '7'],
  ])('number %s as %s', (value, format, shown) => {
    expect(formatNumberForDisplay(value, format)).toBe(shown);
  });

  test('formats beyond the runtime give undefined', () => {
    expect(formatNumberForDisplay(1, '0.00E+00')).toBeUndefined();
    expect(formatNumberForDisplay(1, '# ?/?')).toBeUndefined();
    expect(formatDateForDisplay(wall, 'mmm d')).toBeUndefined();
    expect(formatDateForDisplay(wall, 'h:mm AM/PM')).toBeUndefined();
  });

  test('date formats are told from number formats', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('0"天"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});

test('Java date patterns in a time zone', () => {
  const instant = Date.parse('2024-12-31T16:30:00Z');
  expect(formatJavaDate(instant, 'Asia/Shanghai', 'yyyy年M月d日 HH:mm')).toBe('2025年1月1日 00:30');
  expect(formatJavaDate(instant, 'America/Los_Angeles', 'yyyy-MM-dd hh a Z')).toBe('2024-12-31 08 AM -0800');
  expect(formatJavaDate(instant, 'UTC', 'yyyy QQ')).toBeUndefined();
});
