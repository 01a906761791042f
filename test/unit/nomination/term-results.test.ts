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
  termDateRefusal,
  termResultDue,
  termResultNote,
  termResultRefusal,
  TermResultHistory,
  type OtherTerms,
  type RecordedTermResult,
  type TermRequest,
} from '../../../src/domain/workflow/term-results';
import { VALID_FAMOUS, findingOf, preset, sheetOf } from './fixtures';

/** Evaluates the valid row (上届考核结果 blank unless changed) with an earlier recorded result. */
function evaluateWith(recorded: RecordedTermResult | undefined, reviewDate: string, changes: Record<string, string> = {}) {
  const { headers, row } = sheetOf(VALID_FAMOUS, { 上届考核结果: '', ...changes });
  const options = recorded === undefined ? { reviewDate, preset } : { reviewDate, preset, otherTerms: { recorded } };
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

  test('the latest result by date on any other row, above or below; a row holding a result of its own inherits nothing', () => {
    const history = new TermResultHistory();
    const person = personKey('11010519491231002X');
    history.add(person!, { row: 3, result: '合格', date: '2021-09-01' });
    history.markSource(3);
    history.add(person!, { row: 9, result: '不合格', date: '2024-09-01' });
    history.markSource(9);
    history.add(person!, { row: 4, result: '优秀', date: '2022-09-01' });
    history.markSource(4);
    // Row 2, above every result, is a returning row all the same: sort order does not matter.
    expect(history.otherTerms(personKey('11010519491231002x'), 2)).toEqual({ recorded: { row: 9, result: '不合格', date: '2024-09-01' } });
    expect(history.otherTerms(person, 12)).toEqual({ recorded: { row: 9, result: '不合格', date: '2024-09-01' } });
    expect(history.otherTerms(person, 9)).toEqual({});
    expect(history.otherTerms(person, 3)).toEqual({});
    expect(history.otherTerms('530421198102022344', 8)).toEqual({});
    expect(history.otherTerms(null, 8)).toEqual({});
  });

  test('results on 推荐名单 count for a row of another sheet whatever its number, and are named with their sheet', () => {
    const history = new TermResultHistory();
    const person = personKey('11010519491231002X')!;
    history.add(person, { row: 2, result: '不合格', date: '2024-09-01', sheet: '推荐名单' });
    expect(history.otherTerms(person, 2)).toEqual({ recorded: { row: 2, result: '不合格', date: '2024-09-01', sheet: '推荐名单' } });
    expect(findingOf(evaluateWith(history.otherTerms(person, 2).recorded, '2025-09-01'), 'lastTerm')).toMatchObject({
      verdict: '不符合',
      message: '六（二）：上届考核结果取自推荐名单第2行的任期考核结果“不合格”（2024年9月1日），一届任期内（至2027年8月31日）不得申报',
    });
  });
});

describe('a last term that cannot be known', () => {
  const evaluateOthers = (otherTerms: OtherTerms, changes: Record<string, string> = {}) => {
    const { headers, row } = sheetOf(VALID_FAMOUS, { 上届考核结果: '', ...changes });
    return evaluateRow(matchHeaders(headers), row, { reviewDate: '2028-09-01', preset, otherTerms });
  };

  test('an unreadable 任期考核结果 on another row of the person is 待核实 naming that row and value, even with a readable one beside it', () => {
    const problems: string[] = [];
    const rows: Record<number, unknown[]> = { 2: ['11010519491231002X', '不合格（已公示）', '2027-10-09', '任期届满'], 3: ['11010519491231002x', '', '', '学校推荐'], 4: ['11010519491231002X', '合格', '2024-09-01', '任期届满'] };
    const history = collectTermResults(2, 4, (row, column) => rows[row]?.[column] ?? '', { idNumber: 0, result: 1, date: 2, state: 3 }, '推荐名单', preset, problems);
    expect(problems).toEqual(['推荐名单第2行：任期考核结果“不合格（已公示）”无法识别，应为优秀、合格、不合格之一']);
    const others = history.otherTerms(personKey(rows[3]?.[0]), 3);
    expect(others.unreadable).toEqual({ row: 2, value: '不合格（已公示）' });
    const result = evaluateOthers(others);
    expect(result.verdict).toBe('待核实');
    expect(result.flags).toEqual([]);
    expect(findingOf(result, 'lastTerm')?.message).toBe('六（二）：第2行的任期考核结果“不合格（已公示）”无法识别，上届考核结果无法确定；请改为优秀、合格或不合格');
    // A typed 上届考核结果 does not settle it: the unreadable value may be a 不合格.
    expect(findingOf(evaluateOthers(others, { 上届考核结果: '合格' }), 'lastTerm')?.verdict).toBe('待核实');
  });

  test('a 任期届满 row of the person without a result is 待核实 unless 上届考核结果 is typed', () => {
    const rows: Record<number, unknown[]> = { 2: ['530421198102022344', '', '', '学校推荐'], 3: ['530421198102022344', ' ', '', '任期届满'] };
    const history = collectTermResults(2, 3, (row, column) => rows[row]?.[column] ?? '', { idNumber: 0, result: 1, date: 2, state: 3 }, '推荐名单', preset, []);
    const others = history.otherTerms('530421198102022344', 2);
    expect(others).toEqual({ pending: { row: 3 } });
    expect(history.otherTerms('530421198102022344', 3)).toEqual({});
    const result = evaluateOthers(others);
    expect(result).toMatchObject({ verdict: '待核实', flags: [] });
    expect(findingOf(result, 'lastTerm')?.message).toBe('六（二）：第3行任期已届满，尚未记录任期考核结果；请先记录（banzhuren term-results）或填写上届考核结果');
    const typed = evaluateOthers(others, { 上届考核结果: '合格' });
    expect(findingOf(typed, 'lastTerm')).toMatchObject({ verdict: '符合', message: '六（二）：上届考核结果为“合格”' });
    expect(typed.flags).toEqual(['优先推荐']);
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

  test('合格 or 优秀 dated after the review date gives no flag and is 待核实; dated on it or at any age before, it flags', () => {
    const excellent: RecordedTermResult = { row: 2, result: '优秀', date: '2027-10-09' };
    const early = evaluateWith(excellent, '2027-10-08');
    expect(early).toMatchObject({ verdict: '待核实', flags: [] });
    expect(findingOf(early, 'lastTerm')?.message).toBe('六（二）：上届考核结果取自第2行的任期考核结果“优秀”（2027年10月9日），该日期晚于评审基准日2027年10月8日');
    const typed = evaluateWith(undefined, '2027-10-08', { 上届考核结果: '合格', 上届考核日期: '2027-10-09' });
    expect(typed.flags).toEqual([]);
    expect(findingOf(typed, 'lastTerm')).toMatchObject({ verdict: '待核实', message: '六（二）：上届考核日期2027年10月9日晚于评审基准日2027年10月8日' });
    expect(evaluateWith(excellent, '2027-10-09').flags).toEqual(['优先推荐', '优先推荐省级']);
    expect(evaluateWith({ ...excellent, date: '2015-10-09' }, '2027-10-09').flags).toEqual(['优先推荐', '优先推荐省级']);
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

  test('a 任期考核日期 before 60 days ahead of the term end (so also before 认定日期) is refused naming the dates', () => {
    expect(termDateRefusal(awarded, '2027-08-10', 3)).toBeNull();
    expect(termDateRefusal(awarded, '2027-10-09', 3)).toBeNull();
    expect(termDateRefusal(awarded, '2027-08-09', 3)).toBe('任期考核日期 2027-08-09 早于任期届满前60天（2027-08-10）：任期 2024-10-10至2027-10-09，考核日期不能早于 2027-08-10');
    expect(termDateRefusal(awarded, '2024-10-09', 3)).toBe('任期考核日期 2024-10-09 早于认定日期 2024-10-10：任期 2024-10-10至2027-10-09，考核日期不能早于 2027-08-10');
    // Without a readable 认定日期 nothing can be checked: the row is refused, never recorded blind.
    expect(termDateRefusal({ awardDate: 'invalid' }, '2020-01-01', 3)).toBe('该行没有有效的认定日期，算不出任期，无法核对任期考核日期；请先填好认定日期');
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
    expect(history.otherTerms(personKey(rows[6]?.[0]), 6)).toEqual({ recorded: { row: 2, result: '优秀', date: '2027-10-09' } });
    expect(history.otherTerms(personKey('530421198102022344'), 6)).toEqual({ recorded: { row: 4, result: '合格' }, unreadable: { row: 3, value: '良好' } });
  });

  test('a 任期考核日期 before its own term could end is not used: the returning row is 待核实', () => {
    const rows: Record<number, unknown[]> = {
      2: ['530402198001011233', '不合格', '2021-09-01', '2021-08-31'], // typed by hand a day after the award
      3: ['530402198001011234', '不合格', '2024-08-01', '2021-08-31'], // within the last 60 days: used
    };
    const problems: string[] = [];
    const history = collectTermResults(2, 3, (row, column) => rows[row]?.[column] ?? '', { idNumber: 0, result: 1, date: 2, awardDate: 3 }, '推荐名单', preset, problems);
    expect(problems).toEqual(['推荐名单第2行：任期考核日期 2021-09-01 早于任期届满前60天（2024-07-01）：任期 2021-08-31至2024-08-30，考核日期不能早于 2024-07-01']);
    expect(history.otherTerms(personKey('530402198001011233'), 9)).toEqual({
      unreadable: { row: 2, value: '不合格', why: '任期考核日期 2021-09-01 早于任期届满前60天（2024-07-01）：任期 2021-08-31至2024-08-30，考核日期不能早于 2024-07-01' },
    });
    expect(history.otherTerms(personKey('530402198001011234'), 9)).toEqual({ recorded: { row: 3, result: '不合格', date: '2024-08-01' } });
  });
});
