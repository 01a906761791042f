/**
 * `banzhuren tick` and `banzhuren reminders` refuse wrong arguments before anything is read or
 * written: one Chinese line naming the option and the value, exit 2, the workbook's bytes and the
 * outbox folder untouched. The checks themselves are also tested in process (every bound).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../local/commands/command';
import { checkedDays, checkedMailQuota, checkedOutbox, MAX_MAIL_QUOTA, MAX_TICK_DAYS } from '../../local/commands/reminder-commands';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const aFile = join(folder, '不是文件夹.txt');

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({})], [['city@yuxi.edu.cn', '市级'], ['school@yuxi.edu.cn', '学校', '玉溪第一中学']]);
  writeFileSync(aFile, 'x');
});

/** The message of the UsageError `check` throws. */
function refusal(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('--days', () => {
  test.each(['1', '30', String(MAX_TICK_DAYS), '３０', ' 7 '])('“%s” is accepted', (value) => {
    expect(checkedDays(value)).toBe(Number(value.normalize('NFKC').trim()));
  });
  test('1 when not given', () => expect(checkedDays(undefined)).toBe(1));
  test.each(['0', '-1', 'abc', '1.5', '', String(MAX_TICK_DAYS + 1), '99999999999999999999', '1e3'])('“%s” is refused, naming the option, the bounds and the value', (value) => {
    const message = refusal(() => checkedDays(value));
    expect(message).toContain('--days');
    expect(message).toContain(`1 到 ${MAX_TICK_DAYS}`);
    expect(message).toContain(`收到“${value}”`);
  });
});

describe('--mail-quota', () => {
  test.each(['0', '2', '100', String(MAX_MAIL_QUOTA)])('“%s” is accepted', (value) => {
    expect(checkedMailQuota(value)).toBe(Number(value));
  });
  test('the runtime default when not given', () => expect(checkedMailQuota(undefined)).toBeUndefined());
  test.each(['-1', 'abc', '2.5', String(MAX_MAIL_QUOTA + 1), '']) ('“%s” is refused, naming the option and the value', (value) => {
    const message = refusal(() => checkedMailQuota(value));
    expect(message).toContain('--mail-quota');
    expect(message).toContain(`收到“${value}”`);
  });
});

describe('--outbox', () => {
  test('a folder, or a path not there yet, is accepted (as an absolute path)', () => {
    expect(checkedOutbox(folder)).toBe(folder);
    expect(checkedOutbox(join(folder, '新的发件箱'))).toBe(join(folder, '新的发件箱'));
    expect(checkedOutbox(undefined)).toBeUndefined();
  });
  test('a file is refused, naming it', () => {
    expect(refusal(() => checkedOutbox(aFile))).toBe(`--outbox 应为文件夹，而“${aFile}”是一个文件`);
    expect(refusal(() => checkedOutbox(''))).toContain('--outbox');
  });
});

/** Runs the command and checks: exit 2, one `banzhuren：` line naming `expected`, the workbook unchanged, no outbox. */
function expectRefused(args: string[], expected: string[]): void {
  const before = readFileSync(book);
  const outbox = join(folder, '发件箱');
  const result = runCli(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^banzhuren：[\u4e00-\u9fff-]/u);
  for (const text of expected) expect(lines[0]).toContain(text);
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(existsSync(outbox)).toBe(false);
}

test.each([
  [['--today', '2025-02-30'], ['--today', '2025-02-30', '不存在']],
  [['--today', '明天'], ['--today', '明天']],
  [['--days', '0'], ['--days', '“0”']],
  [['--days', '-1'], ['--days', '“-1”']],
  [['--days', 'abc'], ['--days', '“abc”']],
  [['--days', '100000'], ['--days', '“100000”', String(MAX_TICK_DAYS)]],
  [['--mail-quota', '-5'], ['--mail-quota', '“-5”']],
  [['--mail-quota=很多'], ['--mail-quota', '“很多”']],
  [['--outbox', aFile], ['--outbox', aFile, '是一个文件']],
  [['--days'], ['--days 需要一个值']],
  [['--bogus'], ['未知选项 --bogus']],
])('tick %j: exit 2, nothing read or written', (extra, expected) => {
  expectRefused(['tick', book, ...extra], expected);
});

test('tick without a workbook, with two, or with one that is not there: exit 2', () => {
  expectRefused(['tick'], ['参数个数不对', 'banzhuren tick']);
  expectRefused(['tick', book, book], ['参数个数不对']);
  expectRefused(['tick', join(folder, '没有这个.xlsx')], ['找不到文件']);
  const aFolder = join(folder, '一个文件夹.xlsx');
  mkdirSync(aFolder);
  expectRefused(['tick', aFolder], ['是一个文件夹']);
});

test.each([
  [['reminders'], ['缺少 on、off 或 preview']],
  [['reminders', 'start', book], ['on（开启）、off（关闭）或 preview（预览）', '未知的操作“start”']],
  [['reminders', 'on', book], ['缺少 --as']],
  [['reminders', 'off', book], ['缺少 --as']],
  [['reminders', 'on', '--as', 'city@yuxi.edu.cn'], ['参数个数不对']],
  [['reminders', 'preview', book, '--today', '2025-13-01'], ['--today', '不存在']],
  [['reminders', 'preview', book, '--mail-quota', '-1'], ['--mail-quota', '“-1”']],
])('%j: exit 2, nothing written', (args, expected) => {
  expectRefused(args, expected);
});
