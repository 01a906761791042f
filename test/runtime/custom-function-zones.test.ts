/**
 * Custom functions in a spreadsheet whose time zone is not the script's (appsscript.json says
 * Asia/Shanghai): date arguments are read, and returned Dates made, in the spreadsheet's zone, so
 * every answer shows the right calendar day there (issue 7: PUBLICITY_END(2023-01-14) showed
 * 2023-01-19 in UTC or Los Angeles). The end-to-end case runs in child processes under each TZ,
 * since Jest's own process.env.TZ cannot be changed from inside a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { openWith, runChild, tempDir } from './helpers';
import { PROCESS_TIME_ZONES, dayIn, zonedDateCell } from '../support/time-zones';

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
const SPREADSHEET_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Shanghai'] as const;
const { dir, cleanup } = tempDir();
afterAll(cleanup);

test.each(SPREADSHEET_ZONES)('a spreadsheet set to %s gets its own calendar days back', async (spreadsheetZone) => {
  const runtime = await openWith(undefined, code, { timeZone: spreadsheetZone });
  try {
    expect(vm.runInContext('Session.getScriptTimeZone()', runtime.bundle.context)).toBe('Asia/Shanghai');
    const cell = (date: string) => zonedDateCell(runtime.bundle.realm, date, spreadsheetZone);
    const shown = (value: unknown) => dayIn(value, spreadsheetZone);
    // 2023-01-14 is a Saturday: the five working days are 16–20 January.
    expect(shown(runtime.bundle.call('PUBLICITY_END', cell('2023-01-14')))).toBe('2023-01-20');
    expect(shown(runtime.bundle.call('PUBLICITY_END', cell('2024-09-27')))).toBe('2024-10-09');
    // 2024-09-29 is a Sunday made a working day; 2024-09-28 is an ordinary Saturday.
    expect(runtime.bundle.call('IS_WORKDAY', cell('2024-09-29'))).toBe(true);
    expect(runtime.bundle.call('IS_WORKDAY', cell('2024-09-28'))).toBe(false);
    expect(shown(runtime.bundle.call('CN_WORKDAY', cell('2024-09-30'), 1))).toBe('2024-10-08');
    expect(runtime.bundle.call('CN_NETWORKDAYS', cell('2024-10-01'), cell('2024-10-31'))).toBe(19);
    expect(shown(runtime.bundle.call('TERM_END', cell('2024-02-29')))).toBe('2027-02-28');
    const holidays = [[cell('2024-09-30'), '休', '本地调整']];
    expect(shown(runtime.bundle.call('PUBLICITY_END', cell('2024-09-27'), 5, holidays))).toBe('2024-10-10');
    const column = runtime.bundle.call('PUBLICITY_END', [[cell('2023-01-14')], [''], [cell('2024-09-27')]]) as unknown[][];
    expect(column.map(([value]) => (value === '' ? '' : shown(value)))).toEqual(['2023-01-20', '', '2024-10-09']);
  } finally {
    runtime.close();
  }
});

// A cell typed 2023-01-14 in the workbook, passed to PUBLICITY_END, the answer formatted in the
// spreadsheet's zone: what the official sees in the cell.
const PROBE = `${code}
function setUp() { SpreadsheetApp.getActive().insertSheet('日期').getRange('A1').setValue('2023-01-14'); }
function probe() {
  var spreadsheet = SpreadsheetApp.getActive();
  var start = spreadsheet.getSheetByName('日期').getRange('A1').getValue();
  return Utilities.formatDate(PUBLICITY_END(start), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}`;

describe.each(['UTC', 'America/Los_Angeles'])('a workbook set to %s', (spreadsheetZone) => {
  test.each(PROCESS_TIME_ZONES)('shows PUBLICITY_END(2023-01-14) as 2023-01-20 with the process in %s', async (processZone) => {
    const path = join(dir, `${spreadsheetZone.replace('/', '-')}-${processZone.replace('/', '-')}.xlsx`);
    const runtime = await openWith(path, PROBE, { create: true, timeZone: spreadsheetZone });
    try {
      runtime.bundle.call('setUp');
      await runtime.save();
    } finally {
      runtime.close();
    }
    expect(await runChild(dir, { path, code: PROBE, call: 'probe' }, { TZ: processZone })).toBe('2023-01-20');
  });
});
