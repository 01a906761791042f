/**
 * Finding the header row (SPEC §2): the first of a sheet's first 10 rows holding 姓名 and at least
 * three other known headers, under any number of title rows; row 1 when it holds any known header
 * and nothing qualifies (a sheet still being filled in); otherwise none. Properties: title rows
 * above move the header row by exactly their number and change nothing else; the row found is
 * always the first qualifying one.
 */
import fc from 'fast-check';
import { findHeaderRow, HEADER_SEARCH_ROWS, isHeaderRow, matchHeaders, NO_HEADER_ROW_IN_SHEET } from '../../../src/domain/nomination/headers';

const HEADER = ['序号', '姓名', '性别', '县（市、区）', '学校', '申报类别', '班主任累计年限', '备注'];
const DATA = [1, '张丽', '女', '红塔区', '玉溪第一中学', '骨干班主任', 6, ''];

describe('findHeaderRow', () => {
  test('a government form: merged title and subtitle above the headers in row 3', () => {
    const rows = [
      ['玉溪市2023－2025年骨干班主任、名班主任推荐人选汇总表', '', '', ''],
      ['填报单位（盖章）：红塔区教育体育局', '', '填报日期：2025年9月1日', ''],
      HEADER,
      DATA,
    ];
    const found = findHeaderRow(rows);
    expect(found?.index).toBe(2);
    expect(found?.match.columns).toMatchObject({ seq: 0, name: 1, gender: 2, county: 3, school: 4, category: 5, years: 6 });
  });

  test('a row with 姓名 and only two other known headers is a title, not the header row', () => {
    const rows = [['说明', '姓名', '学校', '学段'], ['姓名', '学校', '学段', '申报类别'], DATA];
    expect(findHeaderRow(rows)?.index).toBe(1);
    expect(isHeaderRow(matchHeaders(['姓名', '学校', '学段']))).toBe(false);
    expect(isHeaderRow(matchHeaders(['姓名', '学校', '学段', '资格审查']))).toBe(true);
  });

  test('four known headers without 姓名 are not a header row', () => {
    expect(isHeaderRow(matchHeaders(['学校', '学段', '申报类别', '县（市、区）']))).toBe(false);
  });

  test('a duplicated 姓名 still makes the header row (the duplicate is reported, not hidden)', () => {
    const found = findHeaderRow([['标题'], ['姓名', '学校', '学段', '申报类别', '姓名']]);
    expect(found?.index).toBe(1);
    expect(found?.match.problems).toEqual(['表头“姓名”出现在第1列和第5列']);
  });

  test('only the first 10 rows are searched', () => {
    const titles = Array.from({ length: HEADER_SEARCH_ROWS }, (_, index) => [`第${index + 1}行标题`]);
    expect(findHeaderRow([...titles.slice(0, 9), HEADER])?.index).toBe(9);
    expect(findHeaderRow([...titles, HEADER])).toBeNull();
  });

  test('row 1 with some known headers is still the header row of a sheet being filled in', () => {
    const found = findHeaderRow([['学校', '姓名'], ['玉溪一中', '张丽']]);
    expect(found?.index).toBe(0);
    expect(found?.match.columns).toEqual({ school: 0, name: 1 });
  });

  test('no header row: null, and the message says what a header row needs', () => {
    expect(findHeaderRow([])).toBeNull();
    expect(findHeaderRow([['张三', '某小学', 5]])).toBeNull();
    expect(NO_HEADER_ROW_IN_SHEET).toContain('前10行');
    expect(NO_HEADER_ROW_IN_SHEET).toContain('“姓名”和至少3个其他已知列名');
  });

  const titleCell = fc.oneof(fc.constant(''), fc.constant(null), fc.string({ maxLength: 12 }).map((text) => `标题${text}`), fc.integer());
  const titleRow = fc.array(titleCell, { minLength: 0, maxLength: 8 });

  test('property: k title rows above the header move it by k and change nothing else', () => {
    fc.assert(
      fc.property(fc.array(titleRow, { maxLength: HEADER_SEARCH_ROWS - 1 }), (titles) => {
        const found = findHeaderRow([...titles, HEADER, DATA]);
        expect(found?.index).toBe(titles.length);
        expect(found?.match).toEqual(matchHeaders(HEADER));
      }),
    );
  });

  test('property: the row found is the first row of the first 10 that qualifies', () => {
    const knownOrNot = fc.constantFrom('姓名', '学校', '学段', '申报类别', '性别', '备注', '', '县（市、区）', '资格审查');
    fc.assert(
      fc.property(fc.array(fc.array(knownOrNot, { maxLength: 6 }), { maxLength: 14 }), (rows) => {
        const found = findHeaderRow(rows);
        const qualifying = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => isHeaderRow(matchHeaders(row)));
        if (qualifying >= 0) expect(found?.index).toBe(qualifying);
        else if (rows[0] && matchHeaders(rows[0]).found) expect(found?.index).toBe(0);
        else expect(found).toBeNull();
      }),
    );
  });
});
