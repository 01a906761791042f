/**
 * A 节假日 sheet with both kinds of entry — a Saturday made a working day (班) and a Friday made a
 * day off (休) — changes every calendar answer the way an official expects: PUBLICITY_END with the
 * range, the 公示截止 that `banzhuren advance --to 公示中 --start …` writes, and the calendar
 * commands with --book, in three process time zones.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { PROCESS_TIME_ZONES, shanghaiDay } from '../support/time-zones';
import { excelDate, readSheet, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
/** Saturday 2024-11-02 made a working day, Friday 2024-11-08 a day off (neither is in the official 2024 arrangement). */
const HOLIDAY_ROWS: [string, string, string][] = [
  ['2024-11-02', '班', '本地调休上班'],
  ['2024-11-08', '休', '本地放假'],
];

const folder = temporaryFolder();
const book = join(folder, 'holidays.xlsx');

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '甲', 状态: '评审通过' }), candidate({ 姓名: '乙', 状态: '评审通过' })], [[CITY, '市级']]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('节假日')!;
  HOLIDAY_ROWS.forEach(([date, kind, name], index) => {
    sheet.getRow(index + 2).values = [excelDate(date), kind, name];
  });
  await workbook.xlsx.writeFile(book);
});

test('PUBLICITY_END, IS_WORKDAY, CN_WORKDAY and CN_NETWORKDAYS with the 节假日 range count 班 as working and 休 as off', async () => {
  const runtime = await openWorkbookRuntime({ path: book, today: '2024-10-30', counter: new CallCounter(), print: () => undefined });
  try {
    const app = runtime.bundle.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const holidays = app.getActiveSpreadsheet().getSheetByName('节假日')!.getDataRange().getValues();
    const call = (name: string, ...args: unknown[]) => runtime.bundle.call(name, ...args);
    // 11-01 Fri, 11-02 Sat (班), 11-04 Mon, 11-05, 11-06: five working days.
    expect(shanghaiDay(call('PUBLICITY_END', '2024-11-01', 5, holidays))).toBe('2024-11-06');
    expect(shanghaiDay(call('PUBLICITY_END', '2024-11-01', holidays))).toBe('2024-11-06');
    // 11-05, 11-06, 11-07, (11-08 休), 11-11, 11-12.
    expect(shanghaiDay(call('PUBLICITY_END', '2024-11-05', 5, holidays))).toBe('2024-11-12');
    // Without the range the official calendar alone: 11-01 … 11-07, and 11-05 … 11-11.
    expect(shanghaiDay(call('PUBLICITY_END', '2024-11-01'))).toBe('2024-11-07');
    expect(shanghaiDay(call('PUBLICITY_END', '2024-11-05'))).toBe('2024-11-11');
    expect(call('IS_WORKDAY', '2024-11-02', holidays)).toBe(true);
    expect(call('IS_WORKDAY', '2024-11-08', holidays)).toBe(false);
    expect(shanghaiDay(call('CN_WORKDAY', '2024-11-01', 1, holidays))).toBe('2024-11-02');
    expect(shanghaiDay(call('CN_WORKDAY', '2024-11-07', 1, holidays))).toBe('2024-11-11');
    expect(call('CN_NETWORKDAYS', '2024-11-01', '2024-11-08', holidays)).toBe(6);
  } finally {
    runtime.close();
  }
});

test('advance --to 公示中 --start writes the 公示截止 of the 节假日 sheet', async () => {
  const advance = (rows: string, start: string) =>
    runCli(['advance', book, '--rows', rows, '--to', '公示中', '--as', CITY, '--today', '2024-10-30', '--start', start]);
  expect(advance('2', '2024-11-01').code).toBe(0);
  expect(advance('3', '2024-11-05').code).toBe(0);
  const { rows } = await readSheet(book, '推荐名单');
  const headers = rows[0] as string[];
  const ends = rows.slice(1, 3).map((row) => [row[headers.indexOf('公示开始')], row[headers.indexOf('公示截止')]]);
  expect(ends).toEqual([
    ['2024-11-01', '2024-11-06'],
    ['2024-11-05', '2024-11-12'],
  ]);
});

// Each command once, the process time zones taken in turn (every command is already run in all three elsewhere).
const BOOK_COMMANDS: [string[], string][] = [
  [['publicity-end', '2024-11-01'], '2024-11-06'],
  [['publicity-end', '2024-11-05'], '2024-11-12'],
  [['is-workday', '2024-11-02'], '是'],
  [['is-workday', '2024-11-08'], '否'],
  [['workday', '2024-11-01', '1'], '2024-11-02'],
  [['networkdays', '2024-11-01', '2024-11-08'], '6'],
];

// Each command once, the process time zones taken in turn (every command is already run in all three elsewhere).
test.each(BOOK_COMMANDS.map(([args, expected], index) => [args, expected, PROCESS_TIME_ZONES[index % PROCESS_TIME_ZONES.length]!] as const))(
  'banzhuren %j --book prints %s (TZ=%s)',
  (args, expected, timeZone) => {
    const result = runCli([...args, '--book', book], { timeZone });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${expected}\n`);
  },
);
