/**
 * 六（二）'s term-end assessment in the domain: reading 任期考核结果/任期考核日期, finding a returning
 * teacher's earlier result by 身份证号 (x or X, spaces), its effect on the lastTerm rule (不合格 bars
 * for one term from its date; a contradicting typed value is 待核实 naming both), the flags
 * 优先推荐/优先推荐省级, and who may record a result on which rows.
 */
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { evaluateRow } from '../../../src/domain/nomination/eligibility';
import {
  collectTermResults,
  lastTermOf,
  personKey,
  priorityFlags,
  readTermAssessment,
  readTermAssessmentDate,
  termResultDue,
  termResultNote,
  termResultRefusal,
  TermResultHistory,
  type RecordedTermResult,
  type TermRequest,
} from '../../../src/domain/workflow/term-results';
import { VALID_FAMOUS, findingOf, preset, sheetOf } from './fixtures';

/** Evaluates the valid row (上届考核结果 blank unless changed) with an earlier recorded result. */
function evaluateWith(recorded: RecordedTermResult | undefined, reviewDate: string, changes: Record<string, string> = {}) {
  const { headers, row } = sheetOf(VALID_FAMOUS, { 上届考核结果: '', ...changes });
  const options = recorded === undefined ? { reviewDate, preset } : { reviewDate, preset, recordedLastTerm: recorded };
  return evaluateRow(matchHeaders(headers), row, options);
}

describe('reading what a person or the program wrote', () => {
  test.each([['优秀', '优秀'], [' 合格 ', '合格'], ['不合格等次', '不合格'], ['合格等次', '合格']])('%p is %p', (cell, value) => {
    expect(readTermAssessment(cell, '推荐名单第5行', preset)).toEqual({ value });
  });

  test('无, 良好 and numbers are not results; the message names the row, column and value', () => {
    expect(readTermAssessment('良好', '推荐名单第5行', preset)).toEqual({ problem: '推荐名单第5行：任期考核结果“良好”无法识别，应为优秀、合格、不合格之一' });
    expect(readTermAssessment('无', '推荐名单第5行', preset)).toHaveProperty('problem');
    expect(readTermAssessment(1, '推荐名单第5行', preset)).toHaveProperty('problem');
    expect(readTermAssessment('  ', '推荐名单第5行', preset)).toEqual({ blank: true });
  });

  test('a date cell, a serial number or date text; anything else names the row and value', () => {
    expect(readTermAssessmentDate('2027-10-09', '第5行')).toEqual({ value: '2027-10-09' });
    expect(readTermAssessmentDate('2027年10月9日', '第5行')).toEqual({ value: '2027-10-09' });
    expect(readTermAssessmentDate('2027/10/9', '第5行')).toEqual({ value: '2027-10-09' });
    expect(readTermAssessmentDate(46669, '第5行')).toEqual({ value: '2027-10-09' });
    expect(readTermAssessmentDate('十月', '第5行')).toEqual({ problem: '第5行：任期考核日期“十月”不是日期，应填如 2027-10-09 的日期' });
  });
});

describe('a returning teacher’s earlier result', () => {
  test('身份证号 meet whatever their case, width and spaces', () => {
    expect(personKey(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(personKey('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(personKey('')).toBeNull();
  });

  test('the latest result by date on a row above; the row itself and rows below never count', () => {
    const history = new TermResultHistory();
    const person = personKey('11010519491231002X');
    history.add(person!, { row: 3, result: '合格', date: '2021-09-01' });
    history.add(person!, { row: 5, result: '不合格', date: '2024-09-01' });
    history.add(person!, { row: 4, result: '优秀', date: '2022-09-01' });
    history.add(person!, { row: 9, result: '优秀', date: '2027-09-01' });
    expect(history.earlierResult(personKey('11010519491231002x'), 8)).toEqual({ row: 5, result: '不合格', date: '2024-09-01' });
    expect(history.earlierResult(person, 5)).toEqual({ row: 4, result: '优秀', date: '2022-09-01' });
    expect(history.earlierResult(person, 3)).toBeUndefined();
    expect(history.earlierResult('530421198102022344', 8)).toBeUndefined();
    expect(history.earlierResult(null, 8)).toBeUndefined();
  });
});

describe('the lastTerm rule and the flags with a recorded result', () => {
  const failed: RecordedTermResult = { row: 5, result: '不合格', date: '2027-10-09' };

  test('不合格 bars for one term from its date, naming where it came from', () => {
    expect(findingOf(evaluateWith(failed, '2030-10-08'), 'lastTerm')).toEqual({
      rule: 'lastTerm',
      clause: '六（二）',
      verdict: '不符合',
      message: '六（二）：上届考核结果取自第5行的任期考核结果“不合格”（2027年10月9日），一届任期内（至2030年10月8日）不得申报',
    });
    expect(findingOf(evaluateWith(failed, '2030-10-09'), 'lastTerm')).toMatchObject({
      verdict: '符合',
      message: '六（二）：上届考核结果取自第5行的任期考核结果“不合格”（2027年10月9日），已过一届任期（至2030年10月8日）',
    });
    expect(evaluateWith(failed, '2028-09-01').flags).toEqual([]);
  });

  test('a result dated after the review date is 待核实', () => {
    expect(findingOf(evaluateWith(failed, '2027-10-08'), 'lastTerm')).toMatchObject({ verdict: '待核实', message: expect.stringContaining('晚于评审基准日2027年10月8日') });
  });

  test('合格 gives 优先推荐, 优秀 also 优先推荐省级', () => {
    const passed = evaluateWith({ row: 2, result: '合格', date: '2027-10-09' }, '2028-09-01');
    expect(passed.flags).toEqual(['优先推荐']);
    expect(findingOf(passed, 'lastTerm')).toMatchObject({ verdict: '符合', message: '六（二）：上届考核结果取自第2行的任期考核结果“合格”（2027年10月9日）' });
    expect(evaluateWith({ row: 2, result: '优秀', date: '2027-10-09' }, '2028-09-01').flags).toEqual(['优先推荐', '优先推荐省级']);
  });

  test('a typed 上届考核结果 counts when nothing is recorded, and agrees or contradicts when something is', () => {
    expect(evaluateWith(undefined, '2028-09-01', { 上届考核结果: '优秀' }).flags).toEqual(['优先推荐', '优先推荐省级']);
    expect(evaluateWith(undefined, '2028-09-01', { 上届考核结果: '无' }).flags).toEqual([]);
    expect(evaluateWith(undefined, '2028-09-01').flags).toEqual([]);
    expect(evaluateWith({ row: 2, result: '合格', date: '2027-10-09' }, '2028-09-01', { 上届考核结果: '合格等次' }).flags).toEqual(['优先推荐']);
    const contradicted = evaluateWith({ row: 2, result: '不合格', date: '2027-10-09' }, '2028-09-01', { 上届考核结果: '优秀' });
    expect(contradicted.verdict).toBe('待核实');
    expect(contradicted.flags).toEqual([]);
    expect(findingOf(contradicted, 'lastTerm')?.message).toBe('六（二）：上届考核结果填的是“优秀”，与第2行的任期考核结果“不合格”（2027年10月9日）不一致，请核实');
    expect(findingOf(evaluateWith({ row: 2, result: '合格', date: '2027-10-09' }, '2028-09-01', { 上届考核结果: '无' }), 'lastTerm')?.verdict).toBe('待核实');
  });

  test('a typed 不合格 without a date takes the recorded date', () => {
    expect(lastTermOf('不合格', undefined, failed)).toEqual({ kind: 'typed', result: '不合格', date: '2027-10-09' });
    expect(findingOf(evaluateWith(failed, '2028-09-01', { 上届考核结果: '不合格' }), 'lastTerm')?.verdict).toBe('不符合');
  });

  test('the flags are data', () => {
    expect(priorityFlags({ kind: 'none' })).toEqual([]);
    expect(priorityFlags({ kind: 'conflict', typed: '优秀', recorded: failed })).toEqual([]);
  });
});

describe('who may record a result on which rows', () => {
  const city = { kind: 'city' } as const;
  const hongta = { kind: 'county', county: '红塔区' } as const;
  const request = (changes: Partial<TermRequest> = {}): TermRequest => ({
    roles: [city], email: 'city@yuxi.cn', listedWithoutRole: false, countyWorkbook: false, today: '2027-08-10', termYears: 3, ...changes,
  });
  const awarded = { state: '已认定' as const, stateText: '已认定', county: '红塔区', awardDate: '2024-10-10' };

  test('任期届满 rows, and 已认定 rows from 60 days before the term ends', () => {
    expect(termResultDue({ ...awarded, state: '任期届满' }, '2027-01-01', 3)).toBe('ended');
    expect(termResultDue(awarded, '2027-08-10', 3)).toBe('upcoming');
    expect(termResultDue(awarded, '2027-08-09', 3)).toBeNull();
    // The term is over (2027-10-09) but the daily job has not yet marked the row 任期届满.
    expect(termResultDue(awarded, '2027-10-09', 3)).toBe('upcoming');
    expect(termResultDue(awarded, '2027-10-10', 3)).toBe('ended');
    expect(termResultRefusal(awarded, request())).toBeNull();
    expect(termResultRefusal(awarded, request({ today: '2027-08-09' }))).toBe(
      '任期至 2027-10-09，2027-08-10 起才能记录任期考核结果（只有“任期届满”的行，或任期在60天内届满的“已认定”行，才能记录任期考核结果）',
    );
    expect(termResultRefusal({ ...awarded, state: '公示中', stateText: '公示中' }, request())).toMatch(/^状态为“公示中”/);
    expect(termResultRefusal({ ...awarded, awardDate: 'invalid' }, request())).toMatch(/^该行没有有效的认定日期/);
  });

  test('the city; a county only in a county workbook and on its own rows; nobody else', () => {
    expect(termResultRefusal(awarded, request({ roles: [hongta] }))).toMatch(/须由市级账号操作/);
    expect(termResultRefusal(awarded, request({ roles: [hongta], countyWorkbook: true }))).toBeNull();
    expect(termResultRefusal({ ...awarded, county: '江川区' }, request({ roles: [hongta], countyWorkbook: true }))).toMatch(/须由市级账号或该行所在县的账号操作/);
    expect(termResultRefusal(awarded, request({ roles: [{ kind: 'school', school: '一中' }] }))).toMatch(/须由市级账号操作/);
    expect(termResultRefusal(awarded, request({ roles: [], email: 'x@y.cn' }))).toBe('邮箱“x@y.cn”不在“权限”表中，不能执行任何操作');
  });

  test('the log texts', () => {
    expect(termResultNote('', '优秀', '2027-10-09', '')).toBe('任期考核：优秀（2027-10-09）');
    expect(termResultNote('合格', '优秀', '2027-10-09', '玉教体〔2027〕12号')).toBe('任期考核：合格改为优秀（2027-10-09）；玉教体〔2027〕12号');
  });
});

describe('collecting the recorded results of a sheet', () => {
  test('one pass; unreadable values are reported naming the sheet, row, column and value', () => {
    const rows: Record<number, unknown[]> = {
      2: ['11010519491231002x', '优秀', '2027-10-09'],
      3: ['530421198102022344', '良好', '2027-10-09'],
      4: ['530421198102022344', '合格等次', '去年'],
      5: ['', '合格', '2027-10-09'],
      6: ['11010519491231002X', '', ''],
    };
    const problems: string[] = [];
    const history = collectTermResults(2, 6, (row, column) => rows[row]?.[column] ?? '', { idNumber: 0, result: 1, date: 2 }, '推荐名单', preset, problems);
    expect(problems).toEqual([
      '推荐名单第3行：任期考核结果“良好”无法识别，应为优秀、合格、不合格之一',
      '推荐名单第4行：任期考核日期“去年”不是日期，应填如 2027-10-09 的日期',
    ]);
    expect(history.size).toBe(2);
    expect(history.earlierResult(personKey(rows[6]?.[0]), 6)).toEqual({ row: 2, result: '优秀', date: '2027-10-09' });
    expect(history.earlierResult(personKey('530421198102022344'), 6)).toEqual({ row: 4, result: '合格' });
  });
});
