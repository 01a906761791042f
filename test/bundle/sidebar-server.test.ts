/**
 * The sidebar's server functions through the real dist/Code.js in the offline runtime: every one
 * answers with JSON-safe values, shows no 身份证号 or 联系电话, re-checks the caller's role in 权限 on
 * every change, reads each sheet at most once on open and on a poll, and a poll's key changes only
 * when the selection or a shown row does.
 */
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.cn';
const HONGTA = 'ht@yuxi.cn';
const ID = '530402198001011239';
const PHONE = '13912345678';

/** 甲 (eligible), 乙 (2 years: 不符合, and its 联系电话 and 身份证号 typed into 获奖级别 and 荣誉级别 too, so findings would quote them), 丙 评审通过, 丁 公示中 ended. */
async function book(name: string, permissions: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区'], ['blank@yuxi.cn', ''], ['school@yuxi.cn', '学校', '玉溪第一中学']]): Promise<string> {
  const path = join(temporaryFolder(), `${name}.xlsx`);
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲' }),
    candidate({ 姓名: '乙', 班主任累计年限: 2, 身份证号: ID, 联系电话: PHONE, 获奖级别: PHONE, 荣誉级别: ID }),
    candidate({ 姓名: '丙', 状态: '评审通过' }),
    candidate({ 姓名: '丁', 状态: '公示中', 公示开始: new Date('2024-09-04T00:00:00Z'), 公示截止: new Date('2024-09-10T00:00:00Z') }),
  ], permissions);
  return path;
}

async function withRuntime<T>(path: string, as: string, today: string, body: (runtime: WorkbookRuntime, counter: CallCounter) => T): Promise<T> {
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, as, today, counter, print: () => undefined });
  try {
    const result = body(runtime, counter);
    runtime.endExecution();
    await runtime.save();
    return result;
  } finally {
    runtime.close();
  }
}

/** Calls a global and checks its value survives JSON unchanged (what google.script.run does to it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the views are checked field by field below
function call<T = any>(runtime: WorkbookRuntime, name: string, ...args: unknown[]): T {
  const value = runtime.bundle.call(name, ...args);
  // Values from the bundle's realm: compare structure through a JSON round trip of a plain copy.
  const text = JSON.stringify(value);
  expect(text).not.toBeUndefined();
  expect(JSON.parse(text)).toEqual(structuredCloneJsonSafe(value));
  return JSON.parse(text) as T;
}

/** A deep copy that keeps what JSON would lose (undefined in arrays, Dates, functions), so a loss shows as a difference. */
function structuredCloneJsonSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? '<undefined>' : structuredCloneJsonSafe(item)));
  if (value !== null && typeof value === 'object') {
    if (Object.prototype.toString.call(value) === '[object Date]') return `<Date ${String(value)}>`;
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, structuredCloneJsonSafe(item)]));
  }
  if (typeof value === 'function') return '<function>';
  if (typeof value === 'number' && !Number.isFinite(value)) return `<${value}>`;
  return value;
}

test('sidebarOpen: the user, the selected rows with verdict, findings and the moves this user may make; nothing personal', async () => {
  const path = await book('open');
  await withRuntime(path, HONGTA, '2024-09-12', (runtime, counter) => {
    runtime.selectRows('推荐名单', 2, 3);
    counter.reset();
    const start = call(runtime, 'sidebarOpen');
    // 权限, 推荐名单 and 设置 once each (one getValues per sheet), nothing written.
    expect(counter.of('Range.getValues')).toBe(3);
    expect(counter.of('Range.setValues') + counter.of('Range.setValue')).toBe(0);
    expect(start.user).toEqual({ email: HONGTA, roles: '红塔区', city: false, counties: ['红塔区'] });
    expect(start.today).toBe('2024-09-12');
    expect(start.version).toBe('0.1.0');
    expect(start.reminders).toEqual({ on: false, by: '', mayChange: true });
    expect(start.selection.rows).toEqual([2, 3]);
    const [first, second] = start.selection.views;
    expect(first).toMatchObject({ row: 2, name: '甲', county: '红塔区', state: '学校推荐', verdict: '符合', findings: [] });
    expect(first.moves.map((move: { to: string }) => move.to)).toEqual(['初审通过', '初审未通过']);
    expect(first.moves[1]).toMatchObject({ needsReason: true, reasonHint: '理由（必填）', needsStart: false });
    expect(second).toMatchObject({ row: 3, name: '乙', verdict: '不符合' });
    expect(second.findings.map((finding: { clause: string }) => finding.clause)).toEqual(expect.arrayContaining(['四（一）']));
    expect(second.moves[0].blockedBy).toMatch(/不符合/);
    expect(JSON.stringify(second.findings)).toContain('＊＊＊');
    const text = JSON.stringify(start);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(ID.slice(0, 11));
    expect(text).not.toContain(PHONE);
  });
});

test('sidebarSelection: the key changes with the selection or a shown row, not otherwise; a poll reads the sheet once', async () => {
  const path = await book('poll');
  let key = '';
  await withRuntime(path, HONGTA, '2024-09-12', (runtime, counter) => {
    runtime.selectRows('推荐名单', 2);
    key = call(runtime, 'sidebarOpen').selection.key;
    counter.reset();
    expect(call(runtime, 'sidebarSelection', key)).toEqual({ changed: false });
    expect(counter.of('Range.getValues')).toBe(1);
    runtime.selectRows('推荐名单', 2, 3);
    counter.reset();
    const poll = call(runtime, 'sidebarSelection', key);
    expect(counter.of('Range.getValues')).toBeLessThanOrEqual(3);
    expect(poll.changed).toBe(true);
    expect(poll.selection.rows).toEqual([2, 3]);
    runtime.selectRows('推荐名单', 2);
    expect(call(runtime, 'sidebarSelection', key)).toEqual({ changed: false });
    runtime.select('权限', 'A2');
    const other = call(runtime, 'sidebarSelection', key);
    expect(other.selection.problem).toMatch(/不是推荐名单/);
  });
  // Another official moves row 2: the same selection now has a new key.
  await withRuntime(path, HONGTA, '2024-09-12', (runtime) => {
    runtime.bundle.call('runAdvance_', { rows: [2], to: '初审通过' });
  });
  await withRuntime(path, HONGTA, '2024-09-12', (runtime) => {
    runtime.selectRows('推荐名单', 2);
    const poll = call(runtime, 'sidebarSelection', key);
    expect(poll.changed).toBe(true);
    expect(poll.selection.views[0].state).toBe('初审通过');
  });
});

test('sidebarMove: moves through runAdvance with the role re-checked; reason, start, refusals named, 操作记录 lines, formula-like reasons stay text', async () => {
  const path = await book('move');
  await withRuntime(path, HONGTA, '2024-09-12', (runtime) => {
    runtime.selectRows('推荐名单', 2, 3);
    expect(() => call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [2], to: '初审未通过', reason: '' })).not.toThrow();
    const refusedNoReason = call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [2], to: '初审未通过', reason: '' });
    expect(refusedNoReason.refused[0].message).toMatch(/^第2行（甲）未改：.*须填写理由/);
    const outcome = call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [2, 3], to: '初审未通过', reason: '=HYPERLINK("x")' });
    expect(outcome.moved.map((move: { name: string }) => move.name)).toEqual(['甲', '乙']);
    expect(outcome.logged).toHaveLength(2);
    expect(outcome.logged[0]).toMatchObject({ email: HONGTA, sheet: '推荐名单', row: 2, name: '甲', from: '学校推荐', to: '初审未通过', note: '=HYPERLINK("x")' });
    expect(outcome.logged[0].time).toMatch(/^2024-09-12 \d\d:\d\d$/);
    expect(outcome.selection.views.map((view: { state: string }) => view.state)).toEqual(['初审未通过', '初审未通过']);
  });
  const log = await readSheet(path, '操作记录');
  expect(log.rows.slice(1).map((row) => row[7])).toEqual(['=HYPERLINK("x")', '=HYPERLINK("x")']);
  // 丙 评审通过 → 公示中 needs a start; only the city may.
  await withRuntime(path, HONGTA, '2024-09-12', (runtime) => {
    runtime.selectRows('推荐名单', 4);
    const outcome = call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [4], to: '公示中', reason: '', start: '2024-09-13' });
    expect(outcome.refused[0].message).toMatch(/^第4行（丙）未改：.*须由市级账号操作/);
  });
  await withRuntime(path, CITY, '2024-09-12', (runtime) => {
    runtime.selectRows('推荐名单', 4);
    const view = call(runtime, 'sidebarOpen').selection.views[0];
    expect(view.moves.find((move: { to: string }) => move.to === '公示中')).toMatchObject({ needsStart: true, label: '开始公示' });
    expect(call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [4], to: '公示中', reason: '' }).refused[0].message).toMatch(/公示开始日期/);
    const outcome = call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [4], to: '公示中', reason: '', start: '2024-09-13' });
    expect(outcome.moved).toHaveLength(1);
    expect(outcome.selection.views[0]).toMatchObject({ state: '公示中', publicityStart: '2024-09-13' });
  });
  for (const as of ['', 'nobody@yuxi.cn', 'blank@yuxi.cn', 'school@yuxi.cn']) {
    await withRuntime(path, as, '2024-09-12', (runtime) => {
      runtime.selectRows('推荐名单', 5);
      let refused = false;
      try {
        const outcome = runtime.bundle.call('sidebarMove', { sheetName: '推荐名单', rows: [5], to: '已认定', reason: '' }) as { moved: unknown[] };
        expect(outcome.moved).toEqual([]);
        refused = true;
      } catch (error) {
        expect(String(error)).toMatch(/Google 没有提供您的账号邮箱/);
        refused = true;
      }
      expect(refused).toBe(true);
    });
  }
});

test('changes re-check the role in 权限: publicity list = city, reminders = city or county, settings = city; anyone may read', async () => {
  const path = await book('roles');
  for (const as of ['', 'nobody@yuxi.cn', 'blank@yuxi.cn', 'school@yuxi.cn', HONGTA]) {
    await withRuntime(path, as, '2024-09-12', (runtime) => {
      expect(() => runtime.bundle.call('sidebarMakePublicityList')).toThrow(/(只有市级可以生成公示名单|Google 没有提供)/);
      expect(() => runtime.bundle.call('sidebarSaveSetting', '提醒间隔', '3')).toThrow(/(只有市级可以修改设置|Google 没有提供)/);
      if (as !== HONGTA) expect(() => runtime.bundle.call('sidebarSetReminders', true)).toThrow(/(只有市级或县级审核人可以开启或关闭每日提醒|Google 没有提供)/);
      expect(runtime.changed).toBe(false);
      for (const name of ['sidebarSettings', 'sidebarStatistics', 'sidebarStudios', 'sidebarDuties', 'sidebarDocumentProgress']) call(runtime, name);
      call(runtime, 'sidebarDocuments', 'certificate', true);
    });
  }
  await withRuntime(path, HONGTA, '2024-09-12', (runtime) => {
    expect(call(runtime, 'sidebarSetReminders', true)).toMatchObject({ on: true, by: HONGTA, mayChange: true });
    expect(call(runtime, 'sidebarSetReminders', false)).toMatchObject({ on: false });
  });
  await withRuntime(path, CITY, '2024-09-12', (runtime) => {
    expect(call(runtime, 'sidebarMakePublicityList')).toMatchObject({ people: 1 });
  });
});

test('settings: shown with help, 邮件服务器 masked, saved by the city as text with one 操作记录 line; a bad value refused naming key and value', async () => {
  const path = await book('settings');
  await setSetting(path, '邮件服务器', 'smtp://user:secret@smtp.example.com:587');
  await withRuntime(path, CITY, '2024-09-12', (runtime) => {
    const view = call(runtime, 'sidebarSettings');
    expect(view.mayEdit).toBe(true);
    expect(JSON.stringify(view)).not.toContain('secret');
    expect(view.settings.find((setting: { key: string }) => setting.key === '邮件服务器').value).toBe('smtp://***@smtp.example.com:587');
    expect(view.settings.find((setting: { key: string }) => setting.key === '提醒间隔').help).toMatch(/工作日/);
    expect(() => runtime.bundle.call('sidebarSaveSetting', '提醒间隔', 'abc')).toThrow(/设置项“提醒间隔”的值“abc”无效/);
    expect(() => runtime.bundle.call('sidebarSaveSetting', '邮件服务器', 'smtp://***@smtp.example.com:587')).toThrow(/隐藏的部分（\*\*\*）/);
    expect(runtime.changed).toBe(false);
    const saved = call(runtime, 'sidebarSaveSetting', '证书编号格式', '=玉教班〔{year}〕{seq:000}号');
    expect(saved.settings.find((setting: { key: string }) => setting.key === '证书编号格式')).toMatchObject({ value: '=玉教班〔{year}〕{seq:000}号', problem: '' });
  });
  const settings = await readSheet(path, '设置');
  expect(settings.rows.find((row) => row[0] === '证书编号格式')?.[1]).toBe('=玉教班〔{year}〕{seq:000}号');
  const log = await readSheet(path, '操作记录');
  expect(log.rows.slice(1).map((row) => row[7])).toEqual(['设置项“证书编号格式”改为“=玉教班〔{year}〕{seq:000}号”']);
  expect(JSON.stringify(log.rows)).not.toContain('secret');
});

test('every sidebar function answers JSON-safe values on a scenario workbook', async () => {
  const path = await book('json');
  await withRuntime(path, CITY, '2024-09-12', (runtime) => {
    runtime.selectRanges('推荐名单', ['A2:C3', 'A5']);
    const start = call(runtime, 'sidebarOpen');
    call(runtime, 'sidebarSelection', start.selection.key);
    call(runtime, 'sidebarSelection', '');
    call(runtime, 'sidebarCalendarInfo');
    call(runtime, 'sidebarPublicityPeriod', '2024-09-27', 5);
    call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [5], to: '已认定', reason: '' });
    call(runtime, 'sidebarMakePublicityList');
    call(runtime, 'sidebarDocuments', 'certificate', true);
    call(runtime, 'sidebarDocuments', 'form', true, [2]);
    call(runtime, 'sidebarDocumentProgress');
    call(runtime, 'sidebarDuties');
    call(runtime, 'sidebarStudios');
    const statistics = call(runtime, 'sidebarStatistics');
    expect(statistics.city).toMatchObject({ label: '2024年认定', value: 1, target: 180, status: '未达标' });
    expect(statistics.counties).toHaveLength(9);
    const reminders = call(runtime, 'sidebarReminders');
    expect(reminders.preview).toBeDefined();
    call(runtime, 'sidebarSetReminders', true);
    call(runtime, 'sidebarSettings');
    call(runtime, 'sidebarSaveSetting', '提醒间隔', '3');
    expect(JSON.stringify(start)).not.toContain(PHONE);
  });
});
