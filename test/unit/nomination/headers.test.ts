/**
 * Header matching (SPEC §2): columns found by text whatever their spaces, widths, trailing `*`
 * and order; five 年度考核 columns in place of 近5年考核; unknown, blank and duplicated headers;
 * missing output columns; and a row with no known header at all.
 */
import { NO_HEADER_ROW, columnList, foldHeader, matchHeaders } from '../../../src/domain/nomination/headers';
import { OUTPUT_COLUMNS } from '../../../src/domain/nomination/fields';

describe('matchHeaders', () => {
  test('finds columns by text in any order', () => {
    const match = matchHeaders(['学校', '备注', '姓名', '申报类别']);
    expect(match.found).toBe(true);
    expect(match.columns).toEqual({ school: 0, name: 2, category: 3 });
    expect(match.unknown).toEqual([{ column: 1, header: '备注' }]);
    expect(match.problems).toEqual([]);
  });

  test.each([
    [' 姓名 ', 'name'],
    ['姓 名', 'name'],
    ['姓名*', 'name'],
    ['姓名＊', 'name'],
    ['姓名**', 'name'],
    ['姓名：', 'name'],
    ['县(市、区)', 'county'],
    ['县（市、区）*', 'county'],
    ['　县（市、区）　', 'county'],
    ['身份证号码', 'idNumber'],
    ['近五年考核', 'assessments'],
    ['上届考核日期 *', 'lastTermDate'],
  ])('header %p is %p', (header, key) => {
    expect(matchHeaders([header]).columns).toEqual({ [key]: 0 });
  });

  test('output columns are matched and the missing ones listed in SPEC order', () => {
    const match = matchHeaders(['姓名', '状态', '资格审查 ']);
    expect(match.outputs).toEqual({ 状态: 1, 资格审查: 2 });
    expect(match.missingOutputs).toEqual(OUTPUT_COLUMNS.filter((column) => column !== '状态' && column !== '资格审查'));
    expect(match.unknown).toEqual([]);
  });

  test('five YYYY年度考核 columns, ordered by year, replace 近5年考核', () => {
    const match = matchHeaders(['姓名', '2023年度考核', '2019年度考核', '2020年考核', '2021年度考核 *', '２０２２年度考核']);
    expect(match.assessmentYears).toEqual([
      { year: 2019, column: 2 },
      { year: 2020, column: 3 },
      { year: 2021, column: 4 },
      { year: 2022, column: 5 },
      { year: 2023, column: 1 },
    ]);
    expect(match.columns.assessments).toBeUndefined();
    expect(match.missing).not.toContain('assessments');
    expect(match.problems).toEqual([]);
  });

  test('近5年考核 and 年度考核 columns together are a problem', () => {
    const match = matchHeaders(['近5年考核', '2021年度考核']);
    expect(match.problems).toHaveLength(1);
    expect(match.fieldProblems.assessments).toContain('同时存在');
  });

  test('duplicated headers name the columns, 1-based', () => {
    const match = matchHeaders(['序号', '姓名', '学校', '县（市、区）', '姓名 *']);
    expect(match.duplicates).toEqual([{ key: 'name', header: '姓名', columns: [1, 4] }]);
    expect(match.problems).toEqual(['表头“姓名”出现在第2列和第5列']);
    expect(match.columns.name).toBeUndefined();
    expect(match.fieldProblems.name).toBe('表头“姓名”出现在第2列和第5列');
    expect(match.missing).not.toContain('name');
  });

  test('a header in three columns, and duplicated output and year columns', () => {
    const match = matchHeaders(['学校', '学校', '学校', '状态', '状态', '2021年度考核', '2021年度考核']);
    expect(match.problems).toEqual([
      '表头“学校”出现在第1列、第2列和第3列',
      '表头“状态”出现在第4列和第5列',
      '表头“2021年度考核”出现在第6列和第7列',
    ]);
    expect(match.missingOutputs).not.toContain('状态');
    expect(match.fieldProblems.assessments).toBe('表头“2021年度考核”出现在第6列和第7列');
  });

  test('blank header cells are listed, not unknown', () => {
    const match = matchHeaders(['姓名', '', null, '  ', undefined, '学校']);
    expect(match.blank).toEqual([1, 2, 3, 4]);
    expect(match.unknown).toEqual([]);
    expect(match.columns).toEqual({ name: 0, school: 5 });
  });

  test('input fields with no column are listed', () => {
    const match = matchHeaders(['姓名']);
    expect(match.missing).toContain('school');
    expect(match.missing).not.toContain('name');
  });

  test('a row with no known header is one clear message and nothing to write', () => {
    for (const row of [[], ['张三', '玉溪一中', 5], ['', null], [{}, 2024, true]]) {
      const match = matchHeaders(row);
      expect(match.found).toBe(false);
      expect(match.problems).toEqual([NO_HEADER_ROW]);
      expect(match.missingOutputs).toEqual([]);
      expect(match.columns).toEqual({});
    }
  });

  test('helpers', () => {
    expect(foldHeader(' 县（市、区）＊ ')).toBe('县(市、区)');
    expect(columnList([0])).toBe('第1列');
    expect(columnList([1, 4])).toBe('第2列和第5列');
  });
});
