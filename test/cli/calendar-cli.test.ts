/**
 * The calendar commands of `banzhuren` as an official runs them: answers in three process time
 * zones, Chinese help, one-line errors and exit code 2 on bad arguments, and --stats.
 */
import { PROCESS_TIME_ZONES } from '../support/time-zones';
import { runCli, statsOf } from '../support/cli';

describe.each(PROCESS_TIME_ZONES)('calendar commands under TZ=%s', (timeZone) => {
  test.each([
    [['publicity-end', '2024-09-27'], '2024-10-09'],
    [['publicity-end', '2024/10/1', '--days', '3'], '2024-10-10'],
    [['workday', '2024-09-30', '1'], '2024-10-08'],
    [['workday', '2024-10-08', '-1'], '2024-09-30'],
    [['networkdays', '2024-10-01', '2024-10-31'], '19'],
    [['is-workday', '2024-09-29'], '是'],
    [['is-workday', '2024年10月3日'], '否'],
    [['term-end', '2024-02-29'], '2027-02-28'],
    [['publicity-end', '--today', '2024-09-27'], '2024-10-09'],
  ])('banzhuren %j prints %s', (args, expected) => {
    const result = runCli(args, { timeZone });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${expected}\n`);
    expect(result.code).toBe(0);
  });
});

describe('bad arguments', () => {
  test.each([
    [['publicity-end', '2024-13-01'], '公示开始日期“2024-13-01”不是可识别的日期'],
    [['publicity-end', '2027-03-01'], '2027年的法定节假日和调休安排尚未收录'],
    [['publicity-end', '2024-09-27', '--days', 'five'], '--days 应为正整数'],
    [['workday', '2024-09-30'], '参数个数不对'],
    [['workday', '2024-09-30', '1.5'], 'N 应为整数'],
    [['calendar'], '未知命令“calendar”'],
    [['publicity-end', '2024-09-27', '--bogus'], '未知选项 --bogus'],
    [['publicity-end', '2024-09-27', '--today', 'tomorrow'], '--today 应为 YYYY-MM-DD'],
  ])('banzhuren %j exits 2 with one line saying %s', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});

test('--help is in Chinese and lists the calendar commands', () => {
  const result = runCli(['--help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('用法：banzhuren <命令>');
  for (const command of ['publicity-end', 'workday', 'networkdays', 'is-workday', '--today', '--as', '--stats']) {
    expect(result.stdout).toContain(command);
  }
});

test('--stats ends stderr with the service-call counts (a custom function reads only the time zone)', () => {
  const result = runCli(['publicity-end', '2024-09-27', '--stats']);
  expect(result.code).toBe(0);
  expect(statsOf(result)).toEqual({ calls: { 'Spreadsheet.getSpreadsheetTimeZone': 1, 'SpreadsheetApp.getActive': 1 }, total: 2 });
});

test("--book uses the workbook's 节假日 sheet, read once", async () => {
  const { excelDate, temporaryFolder, writeWorkbook } = await import('../support/workbooks');
  const book = await writeWorkbook(`${temporaryFolder()}/holidays.xlsx`, '节假日', [
    ['日期', '类型', '名称'],
    [excelDate('2024-09-30'), '休', '本地调整'],
    ['2027年1月1日', '休', '元旦'],
  ]);
  for (const timeZone of PROCESS_TIME_ZONES) {
    const result = runCli(['publicity-end', '2024-09-27', '--book', book, '--stats'], { timeZone });
    expect(result.stdout).toBe('2024-10-10\n');
    expect(statsOf(result).calls['Range.getValues']).toBe(1);
  }
  expect(runCli(['is-workday', '2027-01-04', '--book', book]).stdout).toBe('是\n');
  const missing = runCli(['publicity-end', '2024-09-27', '--book', 'nope.xlsx']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('找不到文件：nope.xlsx');
});
