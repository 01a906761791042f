/**
 * The command line's parsing (local/commands/arguments.ts) and dates (local/commands/dates.ts),
 * in process: values of options are kept exactly as typed, negatives are positionals, `--`
 * ends options, impossible dates are refused, and a --today far from the real date is noticed.
 */
import { commandNameOf, parseArguments } from '../../local/commands/arguments';
import { UsageError } from '../../local/commands/command';
import { checkedDate, farFromToday, isRealDate } from '../../local/commands/dates';
import { runCli } from '../support/cli';

const OPTIONS = {
  reason: { type: 'string' },
  to: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('parseArguments', () => {
  test.each([
    [['--reason', '-1'], '-1'],
    [['--reason', '-x'], '-x'],
    [['--reason=-x'], '-x'],
    [['--reason=--as'], '--as'],
    [['--reason', '-'], '-'],
    [['--reason', '六（四）6'], '六（四）6'],
    [['--reason', '=SUM(A1)'], '=SUM(A1)'],
    [['--reason='], ''],
    [['--reason', 'a=b'], 'a=b'],
  ])('%j keeps the reason exactly as typed', (argv, reason) => {
    const parsed = parseArguments(['advance', 'b.xlsx', ...argv], OPTIONS);
    expect(parsed.values.reason).toBe(reason);
    expect(parsed.positionals).toEqual(['advance', 'b.xlsx']);
  });

  test('negative numbers are positionals unless they are a value; -- ends the options', () => {
    expect(parseArguments(['workday', '2024-10-08', '-1'], OPTIONS).positionals).toEqual(['workday', '2024-10-08', '-1']);
    expect(parseArguments(['workday', '-2.5', '--to', '-3'], OPTIONS)).toEqual({ positionals: ['workday', '-2.5'], values: { to: '-3' } });
    expect(parseArguments(['x', '--', '--json', '-h'], OPTIONS)).toEqual({ positionals: ['x', '--json', '-h'], values: {} });
    expect(parseArguments(['x', '-h', '--json'], OPTIONS).values).toEqual({ help: true, json: true });
  });

  test.each([
    [['--bogus'], '未知选项 --bogus'],
    [['-x'], '未知选项 -x'],
    [['--reason'], '选项 --reason 需要一个值'],
    [['--reason', '--as', 'a@b.c'], '选项 --reason 需要一个值，其后却是选项 --as；值本身以 - 开头时请写成 --reason=--as'],
    [['--json=1'], '选项 --json 不带值，收到“1”'],
    [['--bo\u0000gus'], '未知选项 --bo gus'],
  ])('%j is one Chinese line: %s', (argv, message) => {
    let error: unknown;
    try {
      parseArguments(argv, OPTIONS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect([...(error as Error).message].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
  });

  test('the command name skips the values of string options', () => {
    const strings = new Set(['today', 'reason']);
    expect(commandNameOf(['--today', '2024-09-27', 'check', 'b.xlsx'], strings)).toBe('check');
    expect(commandNameOf(['--reason', 'x', '--stats', 'advance'], strings)).toBe('advance');
    expect(commandNameOf(['--today=2024-09-27', 'log'], strings)).toBe('log');
    expect(commandNameOf(['--stats'], strings)).toBeUndefined();
  });
});

describe('dates typed on the command line', () => {
  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-00'])('%s does not exist', (text) => {
    expect(isRealDate(text)).toBe(false);
    expect(() => checkedDate('--today', text)).toThrow(`--today 的日期“${text}”不存在`);
  });

  test.each(['2024-02-29', '2023-12-31', '2000-02-29'])('%s exists', (text) => {
    expect(checkedDate('--start', text)).toBe(text);
  });

  test('the spellings the sheet accepts are accepted, as YYYY-MM-DD', () => {
    for (const text of ['2024/9/27', '2024.9.27', '2024年9月27日', '２０２４－０９－２７', ' 2024-9-27 ']) {
      expect(checkedDate('--start', text)).toBe('2024-09-27');
    }
    expect(() => checkedDate('--start', '2024年2月30日')).toThrow('--start 的日期“2024-02-30”不存在');
  });

  test('other forms are refused with the expected form', () => {
    expect(() => checkedDate('--today', 'tomorrow')).toThrow('--today 应为 YYYY-MM-DD（也可写 2024/9/27、2024.9.27、2024年9月27日），收到“tomorrow”');
    expect(() => checkedDate('--start', '2024/9-27')).toThrow(UsageError);
    expect(() => checkedDate('--start', '24.9.27')).toThrow(UsageError);
  });

  test('a --today more than 366 days from the real date gets one 提示', () => {
    const now = Date.parse('2026-11-29T04:00:00Z');
    expect(farFromToday('2026-01-01', now)).toBeUndefined();
    expect(farFromToday('2025-11-28', now)).toBeUndefined();
    expect(farFromToday('2025-11-27', now)).toBe('--today 2025-11-27 与实际日期 2026-11-29 相差 367 天（早于今天）；按模拟的日期运行，请确认没有写错年份');
    expect(farFromToday('2042-11-29', now)).toContain('晚于今天');
  });
});

test('advance to 公示中 without --start is a wrong argument (exit 2) naming --start, and writes nothing', () => {
  const result = runCli(['advance', '不存在也无妨.xlsx', '--rows', '2', '--to', '公示中', '--as', 'city@yuxi.cn']);
  expect(result.code).toBe(2);
  expect(result.stderr.trim()).toBe('banzhuren：改为“公示中”须用 --start YYYY-MM-DD 给出公示开始日期（公示截止按工作日自动算出）');
});

test('row numbers past the last row a sheet can have, and reasons too long for a cell, are wrong arguments (exit 2)', () => {
  for (const rows of ['9007199254740993', '2,99999999999999999999', '1048577']) {
    const result = runCli(['advance', '名单.xlsx', '--rows', rows, '--to', '初审通过', '--as', 'ht@yuxi.cn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^banzhuren：--rows 中的“.+”无效：行号最大为 1,048,576\n$/u);
  }
  const long = runCli(['advance', '名单.xlsx', '--rows', '2', '--to', '已取消', '--as', 'city@yuxi.cn', '--reason', `六（四）1${'违'.repeat(33_000)}`]);
  expect(long.code).toBe(2);
  expect(long.stderr).toBe('banzhuren：--reason 太长：理由最多 500 个字，现在 33005 个字；请写明要点并附文件编号\n');
});

test('a string option given twice is refused, never silently the last one (--as a --as b)', () => {
  expect(() => parseArguments(['advance', 'B.xlsx', '--as', 'city@yuxi.cn', '--as', 'ht@yuxi.cn'], { as: { type: 'string' } })).toThrow(
    new UsageError('选项 --as 给了不止一次；请只写一次（如 --as 只能是一位操作人）'),
  );
  expect(() => parseArguments(['--to=初审通过', '--to', '已认定'], { to: { type: 'string' } })).toThrow('选项 --to 给了不止一次');
  expect(parseArguments(['--stats', '--stats'], { stats: { type: 'boolean' } }).values).toEqual({ stats: true });
});
