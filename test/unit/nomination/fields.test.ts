/**
 * The nomination sheet's field table (SPEC §2) as data: every SPEC header is there once, the
 * output columns are SPEC's, and the dropdown lists a sheet initialiser uses come from the preset.
 */
import {
  DISQUALIFICATIONS,
  FIELDS,
  OUTPUT_COLUMNS,
  dropdownLists,
  fieldChoices,
  fieldOf,
  spellingMap,
  foldSpelling,
} from '../../../src/domain/nomination/fields';
import { YUXI_2023_2025 } from '../../../src/domain/presets';

const SPEC_HEADERS = [
  '序号', '姓名', '性别', '身份证号', '联系电话', '电子邮箱', '县（市、区）', '学校', '学段', '申报类别',
  '申报工作室主持人', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平',
  '身心健康', '获奖级别', '获奖名称', '荣誉级别', '荣誉名称', '近5年考核', '科研级别', '科研名称', '市级名班主任',
  '上届考核结果', '上届考核日期', '取消资格情形',
];

describe('fields', () => {
  test('every SPEC §2 header, once, in order, with a unique key', () => {
    expect(FIELDS.map((field) => field.header)).toEqual(SPEC_HEADERS);
    expect(new Set(FIELDS.map((field) => field.key)).size).toBe(FIELDS.length);
  });

  test('clauses follow SPEC §2', () => {
    expect(fieldOf('c3').clause).toBe('四（一）3');
    expect(fieldOf('assessments').clause).toBe('四（一）9（1）');
    expect(fieldOf('cityFamous').clause).toBe('四（一）10');
    expect(fieldOf('lastTermDate').clause).toBe('六（二）');
    expect(fieldOf('idNumber').personal).toBe(true);
    expect(fieldOf('phone').personal).toBe(true);
    expect(() => fieldOf('nope' as never)).toThrow(RangeError);
  });

  test('output columns are SPEC §2 output columns, in order', () => {
    expect(OUTPUT_COLUMNS).toEqual([
      '资格审查', '审查说明', '状态', '公示开始', '公示截止', '认定日期', '证书编号', '证书链接', '考核表链接', '最后操作',
      '任期考核结果', '任期考核日期', '优先推荐',
    ]);
  });

  test('dropdowns: counties and 市直学校 from the preset, the fixed lists, 六（四）1–6', () => {
    const lists = dropdownLists(YUXI_2023_2025);
    expect(lists.county).toEqual([...YUXI_2023_2025.counties, '市直学校']);
    expect(lists.county).toHaveLength(10);
    expect(lists.stage).toEqual(['幼儿园', '小学', '初中', '高中', '中职', '高职', '特殊教育']);
    expect(lists.category).toEqual(['骨干班主任', '名班主任']);
    expect(lists.level).toEqual(['国家级', '省级', '市级', '县级', '校级', '无']);
    expect(lists.meets).toEqual(['符合', '不符合']);
    expect(lists.yesNo).toEqual(['是', '否']);
    expect(lists.termResult).toEqual(['优秀', '合格', '不合格', '无']);
    expect(lists.verdict).toEqual(['符合', '不符合', '待核实']);
    expect(lists.disqualification).toHaveLength(7);
    expect(lists.disqualification?.[3]).toBe('六（四）3.有学术不端行为的');
    expect(DISQUALIFICATIONS.map((entry) => entry.item)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('fieldChoices gives each column its dropdown, or null for free input', () => {
    expect(fieldChoices('c1', YUXI_2023_2025)).toEqual(['符合', '不符合']);
    expect(fieldChoices('studioHost', YUXI_2023_2025)).toEqual(['是', '否']);
    expect(fieldChoices('awardLevel', YUXI_2023_2025)).toContain('校级');
    expect(fieldChoices('county', YUXI_2023_2025)).toContain('市直学校');
    expect(fieldChoices('disqualification', YUXI_2023_2025)?.[0]).toBe('无');
    expect(fieldChoices('name', YUXI_2023_2025)).toBeNull();
    expect(fieldChoices('years', YUXI_2023_2025)).toBeNull();
  });

  test('every dropdown value reads back as itself', () => {
    for (const name of ['gender', 'county', 'stage', 'category', 'countyTitle', 'level', 'termResult', 'annualResult'] as const) {
      const map = spellingMap(name, YUXI_2023_2025);
      for (const value of dropdownLists(YUXI_2023_2025)[name] ?? []) expect(map.get(foldSpelling(value))).toBe(value);
    }
  });
});
