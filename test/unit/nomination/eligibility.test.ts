/**
 * A row's eligibility (SPEC §3): the verdict rule, 审查说明, the =ELIGIBILITY text, empty rows,
 * cell problems for notes; and properties: for random cells in random columns evaluateRow never
 * throws, gives one of the three verdicts and a verdict that matches its findings; a fully valid
 * 名班主任 row stays 符合 under any permutation of its columns.
 */
import fc from 'fast-check';
import { EXPLANATION_SEPARATOR, eligibilityText, evaluateRow, isEmptyRow, rowVerdict } from '../../../src/domain/nomination/eligibility';
import { FIELDS, OUTPUT_COLUMNS, VERDICTS } from '../../../src/domain/nomination/fields';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import type { Finding } from '../../../src/domain/nomination/rules';
import type { Cell } from '../../../src/domain/nomination/values';
import { VALID_FAMOUS, evaluate, preset, reviewDate, sheetOf } from './fixtures';

const finding = (verdict: Finding['verdict']): Finding => ({ rule: 'years', clause: '四（一）', verdict, message: verdict });

describe('rowVerdict', () => {
  test('不符合 if any is, else 待核实 if any is, else 符合', () => {
    expect(rowVerdict([])).toBe('符合');
    expect(rowVerdict([finding('符合'), finding('符合')])).toBe('符合');
    expect(rowVerdict([finding('符合'), finding('待核实')])).toBe('待核实');
    expect(rowVerdict([finding('待核实'), finding('不符合'), finding('符合')])).toBe('不符合');
  });
});

describe('evaluateRow', () => {
  test('a valid row is 符合 with an empty explanation', () => {
    const result = evaluate();
    expect(result.verdict).toBe('符合');
    expect(result.explanation).toBe('');
    expect(result.problems).toEqual([]);
    expect(eligibilityText(result)).toBe('符合');
  });

  test('审查说明 lists every finding that is not 符合, 不符合 first, joined by ；', () => {
    const result = evaluate({ 班主任累计年限: '', 获奖级别: '校级', 近5年考核: '合格、合格、合格、合格、合格' });
    expect(result.verdict).toBe('不符合');
    expect(result.explanation).toBe([
      '四（一）7：获奖级别为“校级”，须县（市、区）级以上',
      '四（一）9（1）：近5年考核无优秀等次',
      '四（一）：班主任累计年限未填写',
    ].join(EXPLANATION_SEPARATOR));
    expect(eligibilityText(result)).toBe(`不符合：${result.explanation}`);
    expect(result.findings.filter((item) => item.verdict === '符合').length).toBeGreaterThan(10);
  });

  test('待核实 rows say so', () => {
    const result = evaluate({ 政治素质: '#N/A' });
    expect(result.verdict).toBe('待核实');
    expect(eligibilityText(result)).toBe('待核实：四（一）1：政治素质是错误值“#N/A”，请检查公式或引用');
  });

  test('problems point at the offending input cells (0-based), also for columns no rule reads', () => {
    const { headers, row } = sheetOf(VALID_FAMOUS, { 电子邮箱: '不是邮箱', 班主任累计年限: '很多年' });
    const result = evaluateRow(matchHeaders(headers), row, { reviewDate, preset, rowNumber: 7 });
    expect(result.rowNumber).toBe(7);
    expect(result.problems).toEqual([
      { column: headers.indexOf('电子邮箱'), message: '电子邮箱“不是邮箱”不是有效的电子邮箱地址' },
      { column: headers.indexOf('班主任累计年限'), message: '班主任累计年限“很多年”无法识别，应填年数，如5、5年或5.5' },
    ]);
    expect(result.verdict).toBe('待核实');
  });

  test('the cells a failing rule read are marked too, with the finding', () => {
    const { headers, row } = sheetOf(VALID_FAMOUS, { 班主任累计年限: '3年', 上届考核结果: '不合格', 上届考核日期: '2024-06-30' });
    const result = evaluateRow(matchHeaders(headers), row, { reviewDate, preset });
    const marked = new Map(result.problems.map((problem) => [headers[problem.column], problem.message]));
    expect(marked.get('班主任累计年限')).toMatch(/^四（一）：.*3年.*不足5年/);
    expect(marked.get('上届考核结果')).toMatch(/^六（二）：/);
    expect(marked.get('上届考核日期')).toBe(marked.get('上届考核结果'));
    expect(marked.has('姓名')).toBe(false);
  });

  test('a 骨干班主任 row does not need 名班主任 conditions', () => {
    const result = evaluate({ 申报类别: '骨干班主任', 申报工作室主持人: '', 近5年考核: '', 科研级别: '' });
    expect(result.verdict).toBe('符合');
    expect(result.findings.map((item) => item.rule)).not.toContain('assessments');
  });

  test('headers in full width, with * and spaces, and output columns present, change nothing', () => {
    const entries = Object.entries(VALID_FAMOUS);
    const headers = [...entries.map(([header], index) => (index % 2 === 0 ? ` ${header.replace('（', '(').replace('）', ')')} *` : `${header}＊`)), ...OUTPUT_COLUMNS];
    const row = [...entries.map(([, cell]) => cell), '不符合', '旧的说明', '', '', '', '', '', '', '', ''];
    expect(evaluateRow(matchHeaders(headers), row, { reviewDate, preset }).verdict).toBe('符合');
  });

  test('a duplicated header makes its rule 待核实, naming the columns', () => {
    const { headers, row } = sheetOf(VALID_FAMOUS);
    const result = evaluateRow(matchHeaders([...headers, '获奖级别']), [...row, '市级'], { reviewDate, preset });
    expect(result.verdict).toBe('待核实');
    expect(result.explanation).toBe(`四（一）7：表头“获奖级别”出现在第${headers.indexOf('获奖级别') + 1}列和第${headers.length + 1}列`);
  });
});

describe('isEmptyRow', () => {
  test('nothing typed', () => {
    expect(isEmptyRow([])).toBe(true);
    expect(isEmptyRow(['', null, '  ', '　', false])).toBe(true);
    expect(isEmptyRow(['', 0])).toBe(false);
    expect(isEmptyRow(['', true])).toBe(false);
    expect(isEmptyRow(['张丽'])).toBe(false);
  });

  test('with headers, 序号 and output columns do not count', () => {
    const headers = matchHeaders(['序号', '姓名', '资格审查', '审查说明']);
    expect(isEmptyRow([12, '', '待核实', '四（一）：…'], headers)).toBe(true);
    expect(isEmptyRow([12, '', '待核实', '四（一）：…'])).toBe(false);
    expect(isEmptyRow([12, '张丽', '', ''], headers)).toBe(false);
  });
});

describe('properties', () => {
  const knownHeaders = [...FIELDS.flatMap((field) => [field.header, ...(field.aliases ?? [])]), ...OUTPUT_COLUMNS, '2020年度考核', '2021年度考核', '2024年度考核', '备注', ''];
  const cellValue: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('#N/A', '#REF!', '优秀、合格、合格、合格、合格', '不合格', '校级', '县级', '是', '否', '符合', '5年', '4.9', '2024-02-29', '３', '六（四）1', '1'.repeat(10_000), '😀'),
  );
  const sheet = fc
    .array(fc.record({ header: fc.oneof(fc.constantFrom(...knownHeaders), fc.string()), cell: cellValue }), { maxLength: 45 })
    .map((columns) => ({ headers: columns.map((column) => column.header), row: columns.map((column) => column.cell) }));
  const date = fc.integer({ min: 0, max: 365 * 40 }).map((offset) => {
    const day = new Date(Date.UTC(2000, 0, 1 + offset));
    return day.toISOString().slice(0, 10);
  });

  test('evaluateRow never throws and its verdict is one of three, matching its findings', () => {
    fc.assert(
      fc.property(sheet, date, ({ headers, row }, review) => {
        const result = evaluateRow(matchHeaders(headers), row, { reviewDate: review, preset });
        expect(VERDICTS).toContain(result.verdict);
        expect(result.verdict).toBe(rowVerdict(result.findings));
        expect(result.explanation === '').toBe(result.verdict === '符合');
        for (const problem of result.problems) expect(problem.column).toBeLessThan(row.length);
        expect(typeof eligibilityText(result)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  test('random values in the valid row never throw either', () => {
    const headers = Object.keys(VALID_FAMOUS);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...headers), cellValue), (changes) => {
        const result = evaluate(changes);
        expect(result.verdict).toBe(rowVerdict(result.findings));
      }),
      { numRuns: 500 },
    );
  });

  test('a fully valid 名班主任 row stays 符合 under any permutation of its columns', () => {
    const { headers, row } = sheetOf(VALID_FAMOUS);
    const withOutputs = [...headers, ...OUTPUT_COLUMNS, '备注'];
    const cells: Cell[] = [...row, ...OUTPUT_COLUMNS.map(() => ''), '材料齐全'];
    fc.assert(
      fc.property(fc.shuffledSubarray(withOutputs.map((_, index) => index), { minLength: withOutputs.length }), (order) => {
        const result = evaluateRow(
          matchHeaders(order.map((index) => withOutputs[index])),
          order.map((index) => cells[index] ?? null),
          { reviewDate, preset },
        );
        expect(result.verdict).toBe('符合');
        expect(result.problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
