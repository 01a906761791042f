/**
 * Placeholders of a document template: found as typed (inner spaces trimmed, each once, `{{` never
 * closed reported), matched against the sheet's headers and the computed fields, and the value of
 * each for one row as an official expects to read it. Expected values are worked out by hand.
 */
import {
  cellText,
  dutyTable,
  findPlaceholders,
  isPersonalName,
  knownNames,
  rowValues,
  termText,
  titleOf,
  unknownPlaceholders,
  valueOf,
  type RowValueInput,
} from '../../../src/domain/documents/placeholders';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';

const HEADERS = ['序号', '姓名', '身份证号', '县（市、区）', '学校', '申报类别', '班主任累计年限', '状态', '认定日期', '证书编号', '市级名班主任'];

function input(overrides: Partial<RowValueInput> = {}): RowValueInput {
  return {
    headers: HEADERS,
    cells: [1, '张三', '110105194912310037', '红塔区', '玉溪一中', '骨干班主任', 12, '已认定', '2024-10-10', '玉教班〔2024〕012号', true],
    category: '骨干班主任',
    awardDate: '2024-10-10',
    certificate: '玉教班〔2024〕012号',
    level: '市级',
    today: '2025-03-05',
    preset,
    ...overrides,
  };
}

describe('findPlaceholders', () => {
  test('names as typed, inner spaces trimmed, each once in order of first appearance', () => {
    expect(findPlaceholders('{{ 姓名 }}同志，{{学校}}，{{姓名}}，{{县（市、区）}}').names).toEqual(['姓名', '学校', '县（市、区）']);
  });
  test('a {{ never closed is reported and is no placeholder', () => {
    const scan = findPlaceholders('证书编号：{{证书编号 颁发 {{今天}}');
    expect(scan.names).toEqual(['今天']);
    expect(scan.unclosed).toEqual(['{{证书编号 颁发 {{今天}}'.slice(0, 20)]);
  });
  test('a {{ at the very end is unclosed; empty {{}} is not a name', () => {
    expect(findPlaceholders('a {{}} b {{')).toEqual({ names: [], unclosed: ['{{'] });
  });
});

describe('names', () => {
  test('headers and computed fields are known; 履职记录 only for forms', () => {
    expect(knownNames(HEADERS, 'certificate')).toEqual(expect.arrayContaining(['姓名', '称号', '任期', '认定日期', '证书编号', '今天']));
    expect(knownNames(HEADERS, 'certificate')).not.toContain('履职记录');
    expect(knownNames(HEADERS, 'form')).toContain('履职记录');
  });
  test('unknown placeholders: no header or field; headers compared as the sheet reads them (width, spaces)', () => {
    expect(unknownPlaceholders(['姓名', '县(市、区)', '职称', '履职记录'], HEADERS, 'certificate')).toEqual(['职称', '履职记录']);
    expect(unknownPlaceholders(['履职记录'], HEADERS, 'form')).toEqual([]);
  });
  test("any spelling the sheet accepts for a known column names it, whichever spelling the header uses", () => {
    expect(unknownPlaceholders(['县市区', '县(市,区)', '县（市、区）', '身份证号码', '县区'], HEADERS, 'certificate')).toEqual(['县区']);
    const values = rowValues(input());
    expect(valueOf(values, '县市区')).toBe('红塔区');
    expect(valueOf(values, '县(市,区)')).toBe('红塔区');
    const respelled = rowValues(input({ headers: HEADERS.map((header) => (header === '县（市、区）' ? '县市区' : header)) }));
    expect(valueOf(respelled, '县（市、区）')).toBe('红塔区');
    expect(unknownPlaceholders(['县（市、区）'], ['姓名', '县市区'], 'certificate')).toEqual([]);
  });
  test('the county is printed by the preset\'s full name; a name no county matches stays as typed', () => {
    const cells = (county: string) => input().cells.map((cell, column) => (HEADERS[column] === '县（市、区）' ? county : cell));
    expect(valueOf(rowValues(input({ cells: cells(' 峨山 ') })), '县（市、区）')).toBe('峨山彝族自治县');
    expect(valueOf(rowValues(input({ cells: cells('火星县') })), '县（市、区）')).toBe('火星县');
  });
  test('personal information, however spelled', () => {
    expect(['身份证号', '身份证号码', '联系电话', '手机号', ' 电话 '].every(isPersonalName)).toBe(true);
    expect(isPersonalName('姓名')).toBe(false);
  });
});

describe('values', () => {
  test('cells as an official reads them: dates, whole numbers, booleans', () => {
    expect(cellText('2024-10-10')).toBe('2024年10月10日');
    expect(cellText(12)).toBe('12');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(1234567)).toBe('1234567');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(true)).toBe('是');
    expect(cellText(false)).toBe('否');
    expect(cellText(null)).toBe('');
    expect(cellText('  玉溪一中 ')).toBe('玉溪一中');
  });
  test('称号 from 申报类别 (any accepted spelling) and 评选级别', () => {
    expect(titleOf('骨干班主任', '市级', preset)).toBe('市级骨干班主任');
    expect(titleOf('市级名班主任', '县级', preset)).toBe('县级名班主任');
    expect(titleOf('班长', '市级', preset)).toBe('');
  });
  test('任期 runs three years less a day; 29 February ends on the last day of February', () => {
    expect(termText('2024-10-10', 3)).toBe('2024年10月10日至2027年10月9日');
    expect(termText('2024-02-29', 3)).toBe('2024年2月29日至2027年2月28日');
  });
  test('a row: every header and the computed fields', () => {
    const values = rowValues(input());
    expect(valueOf(values, '姓名')).toBe('张三');
    expect(valueOf(values, '认定日期')).toBe('2024年10月10日');
    expect(valueOf(values, '任期')).toBe('2024年10月10日至2027年10月9日');
    expect(valueOf(values, '称号')).toBe('市级骨干班主任');
    expect(valueOf(values, '证书编号')).toBe('玉教班〔2024〕012号');
    expect(valueOf(values, '今天')).toBe('2025年3月5日');
    expect(valueOf(values, '市级名班主任')).toBe('是');
    expect(valueOf(values, '班主任累计年限')).toBe('12');
    expect(valueOf(values, '县(市、区)')).toBe('红塔区');
    expect(valueOf(values, '职称')).toBeUndefined();
    expect(valueOf(values, '履职记录')).toBeUndefined();
  });
  test('no 认定日期: 任期 and 认定日期 are empty, not guessed', () => {
    const values = rowValues(input({ awardDate: undefined, cells: ['', '张三', '', '', '', '', '', '', '', '', ''] }));
    expect(valueOf(values, '任期')).toBe('');
    expect(valueOf(values, '认定日期')).toBe('');
  });
  test('the 履职记录 table: header row, then one row per semester', () => {
    const table = dutyTable(
      [
        { schoolYear: '2024-2025', semester: '第一学期', books: 1, lectures: 2, openClasses: 0, mentees: 3, ok: false },
        { schoolYear: '2024-2025', semester: '第二学期', books: 1, lectures: 1, openClasses: 1, mentees: 5, ok: true },
      ],
      (semester) => (semester.ok ? '完成' : '未完成：缺少公开课'),
    );
    expect(table).toEqual([
      ['学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成'],
      ['2024-2025学年', '第一学期', '1', '2', '0', '3', '未完成：缺少公开课'],
      ['2024-2025学年', '第二学期', '1', '1', '1', '5', '完成'],
    ]);
    expect(valueOf(rowValues(input({ dutyTable: table })), '履职记录')).toEqual({ table });
  });
});
