/**
 * The demo's sample nominations: reproducible from the seed, with right GB 11643 check digits on
 * every 身份证号 except the planted wrong ones, every county, 学段 and category, and each planted
 * mistake on a row of its own.
 */
import { compareClauses } from '../../../local/demo/season-facts';
import { checkCharacter, idNumber, withWrongCheck } from '../../../local/demo/id-number';
import { FIRST_DATA_ROW, sampleNominations, SAMPLE_STAGES } from '../../../local/demo/sample-data';

const COUNTIES = ['红塔区', '江川区', '澄江市', '通海县', '华宁县', '易门县', '峨山彝族自治县', '新平彝族傣族自治县', '元江哈尼族彝族傣族自治县'];

test('check characters follow GB 11643 (the standard\'s own example)', () => {
  expect(checkCharacter('11010519491231002')).toBe('X');
  expect(idNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  expect(withWrongCheck('11010519491231002X')).not.toBe('11010519491231002X');
  expect(withWrongCheck('11010519491231002X').slice(0, 17)).toBe('11010519491231002');
});

test('the same seed gives the same sample; another seed another', () => {
  expect(sampleNominations(COUNTIES)).toEqual(sampleNominations(COUNTIES));
  expect(sampleNominations(COUNTIES, 1).rows[0]).not.toEqual(sampleNominations(COUNTIES).rows[0]);
});

test('about 300 candidates over every county and 市直学校, every 学段, both categories; names unique', () => {
  const { rows } = sampleNominations(COUNTIES);
  expect(rows.length).toBeGreaterThanOrEqual(250);
  expect(rows.length).toBeLessThanOrEqual(350);
  const counties = new Set(rows.map((row) => row['县（市、区）']));
  for (const county of [...COUNTIES, '市直学校']) expect(counties).toContain(county);
  expect(new Set(rows.map((row) => row.学段))).toEqual(new Set(SAMPLE_STAGES));
  expect(new Set(rows.map((row) => row.申报类别))).toEqual(new Set(['骨干班主任', '名班主任']));
  expect(new Set(rows.map((row) => row.姓名)).size).toBe(rows.length);
  for (const row of rows) expect(String(row.联系电话)).toMatch(/^1\d{10}$/u);
});

test('every 身份证号 has a right check digit except the planted wrong ones', () => {
  const { rows, planted } = sampleNominations(COUNTIES);
  const wrong = new Set(planted.filter((entry) => entry.rule === 'idNumber').map((entry) => entry.row));
  expect(wrong.size).toBe(2);
  rows.forEach((row, index) => {
    const id = String(row.身份证号);
    expect(id).toMatch(/^\d{17}[\dX]$/u);
    expect(checkCharacter(id.slice(0, 17)) === id.slice(17)).toBe(!wrong.has(FIRST_DATA_ROW + index));
  });
});

test('each planted mistake sits on a row of its own, and the kinds a real form has are all there', () => {
  const { planted } = sampleNominations(COUNTIES);
  expect(new Set(planted.map((entry) => entry.row)).size).toBe(planted.length);
  const kinds = planted.map((entry) => entry.kind).join('\n');
  for (const kind of ['用“是”代替“符合”', '上届考核日期写成文字“2023年6月30日”', '上届考核日期写成文字“2023.6.30”', '身份证号校验位错误', '县（市、区）留空', '班主任年限不足5年', '名班主任近5年考核无优秀', '获奖只有校级', '上届任期考核不合格']) {
    expect(kinds).toContain(kind);
  }
  expect(planted.some((entry) => entry.expected === '不符合')).toBe(true);
  expect(planted.some((entry) => entry.expected === '待核实')).toBe(true);
});

describe('clause order in the report', () => {
  test('clauses sort as the plan numbers them, labels without a clause last', () => {
    const labels = ['身份证号', '六（二）', '四（一）10', '四（一）9（1）', '四（二）2', '四（一）8', '六（四）', '四（一）', '四（一）1', '县（市、区）'];
    expect([...labels].sort(compareClauses)).toEqual(['四（一）', '四（一）1', '四（一）8', '四（一）9（1）', '四（一）10', '四（二）2', '六（二）', '六（四）', '身份证号', '县（市、区）']);
  });
});
