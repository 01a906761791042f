/**
 * The custom functions as Sheets calls them: dist/Code.js in a bare V8 context (every Apps Script
 * service throws if touched), date cells handed in as Sheets hands them, one value or a whole
 * column, in three process time zones. Also what the build promises about dist/ itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { loadBundle, type LoadedBundle } from '../../local/runtime/bundle';
import { PROCESS_TIME_ZONES, inProcessTimeZone, shanghaiDateCell, shanghaiDay } from '../support/time-zones';

const dist = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');

/** A column's answers as Shanghai calendar days (dates) or values as they are. */
function shown(column: unknown): unknown[] {
  return (column as unknown[][]).map(([value]) => (Object.prototype.toString.call(value) === '[object Date]' ? shanghaiDay(value) : value));
}

describe.each(PROCESS_TIME_ZONES)('custom functions under TZ=%s', (timeZone) => {
  let bundle: LoadedBundle;
  const run = <T>(body: () => T) => inProcessTimeZone(timeZone, body);
  beforeAll(() => {
    bundle = run(() => loadBundle());
  });
  const cell = (date: string) => shanghaiDateCell(bundle.realm, date);

  test('PUBLICITY_END of SPEC §5: a Friday start of 2024-09-27 ends 2024-10-09', () => {
    run(() => {
      expect(shanghaiDay(bundle.call('PUBLICITY_END', cell('2024-09-27')))).toBe('2024-10-09');
      expect(shanghaiDay(bundle.call('PUBLICITY_END', '2024年9月27日'))).toBe('2024-10-09');
      expect(shanghaiDay(bundle.call('PUBLICITY_END', 45562))).toBe('2024-10-09'); // serial number
      expect(shanghaiDay(bundle.call('PUBLICITY_END', cell('2024-09-27'), 7))).toBe('2024-10-11');
    });
  });

  test('a whole column in gives a column out, blank in blank out, a bad cell marked in place', () => {
    run(() => {
      const column = [[cell('2024-09-27')], [''], ['不是日期'], [cell('2024-10-01')], [cell('2026-12-30')]];
      const answers = shown(bundle.call('PUBLICITY_END', column));
      expect(answers[0]).toBe('2024-10-09');
      expect(answers[1]).toBe('');
      expect(answers[2]).toMatch(/^错误：公示开始日期“不是日期”不是可识别的日期/);
      expect(answers[3]).toBe('2024-10-12');
      expect(answers[4]).toMatch(/^错误：2027年的法定节假日和调休安排尚未收录/);
    });
  });

  test('a single bad value is an error Sheets shows', () => {
    run(() => {
      expect(() => bundle.call('PUBLICITY_END', '2024-02-30')).toThrow('不是可识别的日期');
      expect(() => bundle.call('PUBLICITY_END', cell('2024-09-27'), 0)).toThrow('公示天数应至少为 1 个工作日');
      expect(() => bundle.call('IS_WORKDAY', cell('2027-05-06'))).toThrow('2027年');
    });
  });

  test('IS_WORKDAY, CN_WORKDAY and CN_NETWORKDAYS', () => {
    run(() => {
      expect(bundle.call('IS_WORKDAY', cell('2024-09-29'))).toBe(true);
      expect(bundle.call('IS_WORKDAY', cell('2024-10-04'))).toBe(false);
      expect(bundle.call('IS_WORKDAY', '')).toBe('');
      expect(shanghaiDay(bundle.call('CN_WORKDAY', cell('2024-09-30'), 1))).toBe('2024-10-08');
      expect(shanghaiDay(bundle.call('CN_WORKDAY', cell('2024-10-08'), -1))).toBe('2024-09-30');
      expect(shanghaiDay(bundle.call('CN_WORKDAY', cell('2024-09-30'), '３'))).toBe('2024-10-10');
      expect(bundle.call('CN_NETWORKDAYS', cell('2024-10-01'), cell('2024-10-31'))).toBe(19);
      expect(bundle.call('CN_NETWORKDAYS', cell('2024-10-31'), cell('2024-10-01'))).toBe(-19);
      const starts = [[cell('2024-10-01')], [cell('2025-01-01')]];
      const ends = [[cell('2024-10-31')], [cell('2025-01-31')]];
      expect(shown(bundle.call('CN_NETWORKDAYS', starts, ends))).toEqual([19, 19]);
      expect(() => bundle.call('CN_NETWORKDAYS', starts, [[cell('2024-10-31')], [cell('2025-01-31')], ['']])).toThrow('参数区域大小不一致');
    });
  });

  test('TERM_END: the day before the same date three years later', () => {
    run(() => {
      expect(shanghaiDay(bundle.call('TERM_END', cell('2024-10-10')))).toBe('2027-10-09');
      expect(shanghaiDay(bundle.call('TERM_END', cell('2024-02-29')))).toBe('2027-02-28');
      expect(shown(bundle.call('TERM_END', [[cell('2025-01-01')], ['']]))).toEqual(['2027-12-31', '']);
    });
  });

  test('a 节假日 range (with its header row) adds and overrides days', () => {
    run(() => {
      const holidays = [
        ['日期', '类型', '名称'],
        [cell('2024-09-30'), '休', '本地调整'],
        ['2027-01-01', '休', '元旦'],
        ['', '', ''],
      ];
      expect(shanghaiDay(bundle.call('PUBLICITY_END', cell('2024-09-27'), 5, holidays))).toBe('2024-10-10');
      // PUBLICITY_END(F2:F, 节假日!A2:C): the holidays may come second.
      expect(shown(bundle.call('PUBLICITY_END', [[cell('2024-09-27')], [cell('2024-09-30')]], holidays))).toEqual(['2024-10-10', '2024-10-12']);
      expect(bundle.call('IS_WORKDAY', cell('2027-01-04'), holidays)).toBe(true);
      expect(() => bundle.call('IS_WORKDAY', cell('2024-09-30'), [[cell('2024-09-30'), '放半天', '']])).toThrow('节假日第1行：类型应为“休”或“班”，收到“放半天”');
    });
  });
});

describe('dist/Code.js', () => {
  test('answers custom functions in a bare V8 context with no Apps Script globals at all', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const date = vm.runInContext("new Date('2024-09-27T00:00:00+08:00')", context);
    expect(shanghaiDay(context.PUBLICITY_END(date))).toBe('2024-10-09');
  });

  test('declares every global as a real top-level function with its JSDoc', () => {
    expect(code).toMatch(/@customfunction\s*\n\s*\*\/\nfunction PUBLICITY_END\(start, days, holidays\) \{/);
    for (const name of ['IS_WORKDAY', 'CN_WORKDAY', 'CN_NETWORKDAYS', 'PUBLICITY_END', 'TERM_END', 'ELIGIBILITY', 'onOpen', 'onInstall', 'initializeSpreadsheet', 'checkAllEligibility']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code.match(/@customfunction/g)).toHaveLength(6);
  });

  test('stays small and free of Node-only code', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(200 * 1024);
    expect(code).not.toMatch(/\brequire\(|process\.env|__dirname|node:/);
  });

  test('the manifest asks for the narrowest scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Shanghai' });
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});
