/**
 * The custom functions as Sheets calls them: dist/Code.js in a bare V8 context (no Apps Script
 * service defined at all, so the runtime's own zone stands for the spreadsheet's), date cells
 * handed in as Sheets hands them (midnight of the day in that zone), one value or a whole column,
 * in three process time zones. Also what the build promises about dist/ itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { callBare, type BareCall } from '../support/bare-bundle';
import { PROCESS_TIME_ZONES } from '../support/time-zones';

const dist = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');

const d = (date: string) => ({ date });

describe.each(PROCESS_TIME_ZONES)('custom functions under TZ=%s', (timeZone) => {
  const run = (...calls: BareCall[]) => callBare(timeZone, calls);

  test('PUBLICITY_END of SPEC §5: a Friday start of 2024-09-27 ends 2024-10-09; a Saturday 2023-01-14 ends 2023-01-20', () => {
    expect(
      run(
        ['PUBLICITY_END', d('2024-09-27')],
        ['PUBLICITY_END', '2024年9月27日'],
        ['PUBLICITY_END', 45562], // serial number
        ['PUBLICITY_END', d('2024-09-27'), 7],
        ['PUBLICITY_END', d('2023-01-14')],
      ),
    ).toEqual(['2024-10-09', '2024-10-09', '2024-10-09', '2024-10-11', '2023-01-20']);
  });

  test('a whole column in gives a column out, blank in blank out, a bad cell marked in place', () => {
    const [answers] = run(['PUBLICITY_END', [[d('2024-09-27')], [''], ['不是日期'], [d('2024-10-01')], [d('2026-12-30')]]]) as unknown[][][];
    const column = answers!.map(([value]) => value);
    expect(column.slice(0, 2)).toEqual(['2024-10-09', '']);
    expect(column[2]).toMatch(/^错误：公示开始日期“不是日期”不是可识别的日期/);
    expect(column[3]).toBe('2024-10-12');
    expect(column[4]).toMatch(/^错误：2027年的法定节假日和调休安排尚未收录/);
  });

  test('a single bad value is an error Sheets shows', () => {
    const [badDate, noDays, unknownYear] = run(['PUBLICITY_END', '2024-02-30'], ['PUBLICITY_END', d('2024-09-27'), 0], ['IS_WORKDAY', d('2027-05-06')]) as { error: string }[];
    expect(badDate?.error).toMatch('不是可识别的日期');
    expect(noDays?.error).toMatch('公示天数应至少为 1 个工作日');
    expect(unknownYear?.error).toMatch('2027年');
  });

  test('IS_WORKDAY, CN_WORKDAY and CN_NETWORKDAYS', () => {
    const starts = [[d('2024-10-01')], [d('2025-01-01')]];
    const ends = [[d('2024-10-31')], [d('2025-01-31')]];
    expect(
      run(
        ['IS_WORKDAY', d('2024-09-29')],
        ['IS_WORKDAY', d('2024-10-04')],
        ['IS_WORKDAY', ''],
        ['CN_WORKDAY', d('2024-09-30'), 1],
        ['CN_WORKDAY', d('2024-10-08'), -1],
        ['CN_WORKDAY', d('2024-09-30'), '３'],
        ['CN_NETWORKDAYS', d('2024-10-01'), d('2024-10-31')],
        ['CN_NETWORKDAYS', d('2024-10-31'), d('2024-10-01')],
        ['CN_NETWORKDAYS', starts, ends],
      ),
    ).toEqual([true, false, '', '2024-10-08', '2024-09-30', '2024-10-10', 19, -19, [[19], [19]]]);
    const [mismatch] = run(['CN_NETWORKDAYS', starts, [[d('2024-10-31')], [d('2025-01-31')], ['']]]) as { error: string }[];
    expect(mismatch?.error).toMatch('参数区域大小不一致');
  });

  test('TERM_END: the day before the same date three years later', () => {
    expect(run(['TERM_END', d('2024-10-10')], ['TERM_END', d('2024-02-29')], ['TERM_END', [[d('2025-01-01')], ['']]])).toEqual([
      '2027-10-09',
      '2027-02-28',
      [['2027-12-31'], ['']],
    ]);
  });

  test('a 节假日 range (with its header row) adds and overrides days', () => {
    const holidays = [
      ['日期', '类型', '名称'],
      [d('2024-09-30'), '休', '本地调整'],
      ['2027-01-01', '休', '元旦'],
      ['', '', ''],
    ];
    const answers = run(
      ['PUBLICITY_END', d('2024-09-27'), 5, holidays],
      // PUBLICITY_END(F2:F, 节假日!A2:C): the holidays may come second.
      ['PUBLICITY_END', [[d('2024-09-27')], [d('2024-09-30')]], holidays],
      ['IS_WORKDAY', d('2027-01-04'), holidays],
      ['IS_WORKDAY', d('2024-09-30'), [[d('2024-09-30'), '放半天', '']]],
    );
    expect(answers.slice(0, 3)).toEqual(['2024-10-10', [['2024-10-10'], ['2024-10-12']], true]);
    expect((answers[3] as { error: string }).error).toBe('节假日第1行：类型应为“休”或“班”，收到“放半天”');
  });

  test('every returned date is midnight of its day, so the cell shows no time', () => {
    expect(run(['PUBLICITY_END', d('2023-01-14')], ['TERM_END', d('2024-03-10')], ['CN_WORKDAY', d('2024-11-01'), 3])).toEqual(['2023-01-20', '2027-03-09', '2024-11-06']);
  });
});

describe('dist/Code.js', () => {
  test('answers custom functions in a bare V8 context with no Apps Script globals at all', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const day = (value: Date) => `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
    expect(day(context.PUBLICITY_END(vm.runInContext('new Date(2024, 8, 27)', context)))).toBe('2024-10-09');
  });

  test('declares every global as a real top-level function with its JSDoc', () => {
    expect(code).toMatch(/@customfunction\s*\n\s*\*\/\nfunction PUBLICITY_END\(start, days, holidays\) \{/);
    for (const name of ['IS_WORKDAY', 'CN_WORKDAY', 'CN_NETWORKDAYS', 'PUBLICITY_END', 'TERM_END', 'ELIGIBILITY', 'DUTY_STATUS', 'onOpen', 'onInstall', 'initializeSpreadsheet', 'checkAllEligibility']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code.match(/@customfunction/g)).toHaveLength(7);
  });

  test('stays small and free of Node-only code', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(280 * 1024);
    expect(code).not.toMatch(/\brequire\(|process\.env|__dirname|node:/);
  });

  test('the manifest asks for the narrowest scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Shanghai' });
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});
