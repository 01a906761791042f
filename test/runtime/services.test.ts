/**
 * The fake services seen from a bundle: call counting, the simulated clock and its 6-minute limit,
 * the message for anything not implemented, the selection the runtime sets, sheet geometry, and
 * PropertiesService, CacheService, LockService, Session, Utilities, Logger and the Ui.
 */
import { join } from 'node:path';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let counter = 0;
async function workbook(): Promise<string> {
  counter += 1;
  return writeXlsx(join(dir, `services-${counter}.xlsx`), (book) => {
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['姓名', '学校']);
    sheet.addRow(['张三', '一中']);
    sheet.addRow(['李四', '二中']);
    book.addWorksheet('备注');
  });
}

async function withRuntime<T>(code: string, run: (runtime: Awaited<ReturnType<typeof openWith>>) => T | Promise<T>, options = {}): Promise<T> {
  const runtime = await openWith(await workbook(), code, options);
  try {
    return await run(runtime);
  } finally {
    runtime.close();
  }
}

test('every call is counted once by Interface.method', () =>
  withRuntime(
    `function go() {
       var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名单');
       sheet.getDataRange().getValues();
       sheet.getRange(1, 1).getValues();
       return sheet.getLastRow();
     }`,
    (runtime) => {
      expect(runtime.bundle.call('go')).toBe(3);
      expect(runtime.counter.of('Range.getValues')).toBe(2);
      expect(runtime.counter.of('Sheet.getDataRange')).toBe(1);
      expect(runtime.counter.of('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
      expect(runtime.counter.snapshot().total).toBe(7);
    },
  ));

test("the clock starts at 09:00 of --today in the spreadsheet's zone, new Date() follows it, calls advance it", () =>
  withRuntime(
    `function now() { return [new Date().toISOString(), Date.now(), new Date(0) instanceof Date, typeof Date()]; }
     function read() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues(); }`,
    (runtime) => {
      const [iso, millis, isDate, type] = runtime.bundle.call('now') as [string, number, boolean, string];
      expect(iso).toBe('2024-09-27T01:00:00.000Z');
      expect(millis).toBe(Date.parse('2024-09-27T01:00:00.000Z'));
      expect(isDate).toBe(true);
      expect(type).toBe('string');
      runtime.bundle.call('read');
      expect(runtime.clock.now() - millis).toBe(1 + 1 + 1 + 60);
    },
  ));

test("an execution past 6 simulated minutes fails with Apps Script's message, and keeps failing", () =>
  withRuntime(
    `function loop() {
       var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
       var caught = '';
       try { for (var i = 0; i < 100000; i++) range.getValues(); } catch (e) { caught = (e instanceof Error) + ' ' + e.message; }
       try { range.getValues(); return caught + ' | then went on'; } catch (e) { return caught + ' | ' + e.message; }
     }`,
    (runtime) => {
      expect(runtime.bundle.call('loop')).toBe('true Exceeded maximum execution time | Exceeded maximum execution time');
    },
  ));

test('anything not implemented says so, naming Interface.method', () =>
  withRuntime(
    `function missingMethod() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setFontFamily('Arial'); }
     function missingEnum() { return SpreadsheetApp.WrapStrategy.WRAP; }
     function missingService() { return SlidesApp.create('x'); }
     function namedColor() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setBackground('red'); }`,
    (runtime) => {
      expect(() => runtime.bundle.call('missingMethod')).toThrow('not available in the local runtime: Range.setFontFamily');
      expect(() => runtime.bundle.call('missingEnum')).toThrow('not available in the local runtime: SpreadsheetApp.WrapStrategy');
      expect(() => runtime.bundle.call('missingService')).toThrow('not available in the local runtime: SlidesApp.create');
      expect(() => runtime.bundle.call('namedColor')).toThrow('not available in the local runtime: Range.setBackground (colour "red"; use #rrggbb)');
    },
  ));

test('the runtime sets the active sheet and selected rows', () =>
  withRuntime(
    `function selection() {
       var ss = SpreadsheetApp.getActiveSpreadsheet();
       var range = ss.getActiveRange();
       return [ss.getActiveSheet().getName(), range.getA1Notation(), range.getRow(), range.getNumRows(), SpreadsheetApp.getSelection().getCurrentCell().getA1Notation()];
     }`,
    (runtime) => {
      expect(runtime.bundle.call('selection')).toEqual(['名单', 'A1', 1, 1, 'A1']);
      runtime.selectRows('名单', 2, 3);
      expect(runtime.bundle.call('selection')).toEqual(['名单', 'A2:Z3', 2, 2, 'A2']);
      runtime.select('备注', 'B2:C4');
      expect(runtime.bundle.call('selection')).toEqual(['备注', 'B2:C4', 2, 3, 'B2']);
    },
  ));

test("sheet geometry: grid size, appendRow, insertColumnsAfter, and getRange's errors", () =>
  withRuntime(
    `function geometry() {
       var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('名单');
       var before = [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()];
       sheet.appendRow(['王五', '三中', '13800001111']);
       sheet.insertColumnsAfter(1, 2);
       var errors = [[0, 1], [1, 0], [1, 1, 0, 1], [1001, 1]].map(function (args) {
         try { sheet.getRange.apply(sheet, args); return 'ok'; } catch (e) { return e.message; }
       });
       var badA1;
       try { sheet.getRange('A1:B2:C3'); } catch (e) { badA1 = e.message; }
       return {
         before: before,
         after: [sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()],
         row4: sheet.getRange('A4:E4').getValues()[0],
         errors: errors,
         badA1: badA1,
         dataRange: sheet.getDataRange().getA1Notation(),
       };
     }`,
    (runtime) => {
      expect(runtime.bundle.call('geometry')).toEqual({
        before: [1000, 26, 3, 2],
        after: [28, 4, 5],
        row4: ['王五', '', '', '三中', 13800001111],
        errors: [
          'The starting row of the range is too small.',
          'The starting column of the range is too small.',
          'The number of rows in the range must be at least 1.',
          'The coordinates of the range are outside the dimensions of the sheet.',
        ],
        badA1: 'Range not found',
        dataRange: 'A1:E4',
      });
    },
  ));

test('properties are strings; caches expire on the simulated clock; locks are tracked; Session gives --as', () =>
  withRuntime(
    `function services() {
       var props = PropertiesService.getDocumentProperties();
       props.setProperty('n', 5).setProperty('flag', true);
       var cache = CacheService.getScriptCache();
       cache.put('short', 'x', 2);
       cache.put('long', 'y');
       var beforeSleep = [cache.get('short'), cache.get('long')];
       Utilities.sleep(3000);
       var lock = LockService.getDocumentLock();
       var locked = [lock.hasLock(), lock.tryLock(1000), lock.hasLock()];
       lock.releaseLock();
       return {
         props: [props.getProperty('n'), props.getProperty('flag'), props.getKeys().sort()],
         cache: beforeSleep.concat([cache.get('short'), cache.get('long')]),
         all: cache.getAll(['short', 'long']),
         locked: locked.concat([lock.hasLock()]),
         email: Session.getActiveUser().getEmail(),
         effective: Session.getEffectiveUser().getEmail(),
         scriptZone: Session.getScriptTimeZone(),
       };
     }`,
    (runtime) => {
      expect(runtime.bundle.call('services')).toEqual({
        props: ['5', 'true', ['flag', 'n']],
        cache: ['x', 'y', null, 'y'],
        all: { long: 'y' },
        locked: [false, true, true, false],
        email: 'a@example.org',
        effective: 'a@example.org',
        scriptZone: 'Asia/Shanghai',
      });
    },
    { as: 'a@example.org' },
  ));

test('Utilities.formatDate follows Java patterns in the given zone; base64 works on strings and bytes', () =>
  withRuntime(
    `function utilities() {
       var instant = new Date('2024-09-26T16:05:09.007Z');
       return [
         Utilities.formatDate(instant, 'Asia/Shanghai', "yyyy-MM-dd HH:mm:ss.SSS EEE 'at' Z"),
         Utilities.formatDate(instant, 'America/Los_Angeles', 'yy/M/d h:mm a EEEE MMM'),
         Utilities.formatDate(instant, 'UTC', "''yyyy''"),
         Utilities.base64Encode('班主任'),
         Utilities.base64Decode('/w=='),
       ];
     }
     function badPattern() { return Utilities.formatDate(new Date(), 'UTC', 'yyyy QQ'); }`,
    (runtime) => {
      expect(runtime.bundle.call('utilities')).toEqual([
        '2024-09-27 00:05:09.007 Fri at +0800',
        '24/9/26 9:05 AM Thursday Sep',
        "'2024'",
        Buffer.from('班主任').toString('base64'),
        [-1],
      ]);
      expect(() => runtime.bundle.call('badPattern')).toThrow('not available in the local runtime: Utilities.formatDate (pattern "yyyy QQ")');
    },
  ));

test('menus are recorded, alerts and toasts printed; a question needs an answer', async () => {
  const code = `
    function onOpen() {
      SpreadsheetApp.getUi().createAddonMenu().addItem('资格审查', 'checkAll').addSeparator().addItem('打开侧边栏', 'showSidebar').addToUi();
    }
    function tell() {
      var ui = SpreadsheetApp.getUi();
      SpreadsheetApp.getActiveSpreadsheet().toast('已完成', '资格审查');
      return String(ui.alert('完成', '共 3 行', ui.ButtonSet.OK) === ui.Button.OK);
    }
    function ask() { var ui = SpreadsheetApp.getUi(); return String(ui.alert('确定吗？', ui.ButtonSet.YES_NO)); }
    function log() { Logger.log('第 %s 行', 3); console.log('hidden unless BANZHUREN_LOG=1'); return Logger.getLog(); }`;
  await withRuntime(code, (runtime) => {
    runtime.bundle.call('onOpen');
    expect(runtime.ui.menus).toEqual([
      { caption: '班主任评选', addon: true, items: [{ caption: '资格审查', functionName: 'checkAll' }, { separator: true }, { caption: '打开侧边栏', functionName: 'showSidebar' }] },
    ]);
    expect(runtime.bundle.call('tell')).toBe('true');
    expect(runtime.printed).toEqual(['资格审查：已完成', '完成\n共 3 行']);
    expect(() => runtime.bundle.call('ask')).toThrow('not available in the local runtime: Ui.alert (the question needs an answer (YES_NO))');
    expect(runtime.bundle.call('log')).toBe('第 3 行\n');
  });
  await withRuntime(code, (runtime) => expect(runtime.bundle.call('ask')).toBe('YES'), { answer: 'yes' });
});
