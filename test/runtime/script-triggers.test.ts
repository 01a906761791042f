/**
 * ScriptApp's time-driven triggers offline, through a small bundle: an hourly trigger is created,
 * listed and deleted; it is kept with the workbook across save and reopen; Google's limits hold
 * with Google's wording (an add-on: one time-driven trigger per user per document, never more often
 * than hourly; a user: 20 triggers per script); each user sees only their own.
 */
import { join } from 'node:path';
import { ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE, TRIGGER_LIMIT_MESSAGE, type StoredTrigger } from '../../local/services/script/script-app';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const TRIGGERS = `
function install() {
  var trigger = ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create();
  return [trigger.getHandlerFunction(), trigger.getUniqueId(), trigger.getEventType() === ScriptApp.EventType.CLOCK, String(trigger.getTriggerSource())];
}
function list() {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) { return t.getHandlerFunction() + '#' + t.getUniqueId(); })
    .concat(['|'], ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }));
}
function removeAll() {
  var triggers = ScriptApp.getProjectTriggers();
  for (var i = 0; i < triggers.length; i++) ScriptApp.deleteTrigger(triggers[i]);
  return ScriptApp.getProjectTriggers().length;
}
function installAt() { ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create(); return Date.now(); }
function thrown(call) { try { call(); return ''; } catch (e) { return e.message; } }
function second() { return thrown(function () { ScriptApp.newTrigger('other').timeBased().everyHours(2).create(); }); }
function everyMinute() { return thrown(function () { ScriptApp.newTrigger('x').timeBased().everyMinutes(5).create(); }); }
function once(ms) { return ScriptApp.newTrigger('later').timeBased().after(ms).create().getUniqueId(); }
`;

let count = 0;

async function book(): Promise<string> {
  count += 1;
  return writeXlsx(join(dir, `triggers-${count}.xlsx`), (workbook) => workbook.addWorksheet('计数'));
}

test('an hourly trigger is created, listed for the spreadsheet and the project, kept across save and reopen, and deleted', async () => {
  const path = await book();
  const runtime = await openWith(path, TRIGGERS, { as: 'a@school.cn' });
  let id = '';
  try {
    const [handler, uniqueId, isClock, source] = runtime.bundle.call('install') as [string, string, boolean, string];
    id = uniqueId;
    expect([handler, isClock, source]).toEqual(['onHourlyTrigger', true, 'CLOCK']);
    expect(uniqueId).toMatch(/^\d+$/);
    expect(runtime.bundle.call('list')).toEqual([`onHourlyTrigger#${id}`, '|', 'onHourlyTrigger']);
    const [stored] = runtime.state.triggers as StoredTrigger[];
    expect(stored?.periodMs).toBe(60 * 60 * 1000);
    expect(runtime.changed).toBe(true);
    expect(await runtime.save()).toBe(true);
  } finally {
    runtime.close();
  }

  const again = await openWith(path, TRIGGERS, { as: 'a@school.cn' });
  try {
    expect(again.bundle.call('list')).toEqual([`onHourlyTrigger#${id}`, '|', 'onHourlyTrigger']);
    expect(again.bundle.call('removeAll')).toBe(0);
    await again.save();
  } finally {
    again.close();
  }

  const third = await openWith(path, TRIGGERS, { as: 'a@school.cn' });
  try {
    expect(third.bundle.call('list')).toEqual(['|']);
  } finally {
    third.close();
  }
});

test('the trigger fires an hour after it was created (the time the continuations move the clock to)', async () => {
  const runtime = await openWith(undefined, TRIGGERS);
  try {
    const createdAt = runtime.bundle.call('installAt') as number;
    const [stored] = runtime.state.triggers as StoredTrigger[];
    expect((stored?.nextFiring ?? 0) - createdAt).toBe(60 * 60 * 1000);
  } finally {
    runtime.close();
  }
});

test('an add-on gets one time-driven trigger per user per document, at most hourly; each user sees only their own', async () => {
  const path = await book();
  const runtime = await openWith(path, TRIGGERS, { as: 'a@school.cn' });
  try {
    runtime.bundle.call('install');
    expect(runtime.bundle.call('second')).toBe(ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE);
    expect(ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE).toBe('This add-on has created too many time-based triggers in this document for this Google user account.');
    expect(runtime.bundle.call('everyMinute')).toBe('not available in the local runtime: ClockTriggerBuilder.everyMinutes (an add-on may run a time-driven trigger at most once an hour)');
    expect(runtime.state.triggers).toHaveLength(1);
    await runtime.save();
  } finally {
    runtime.close();
  }
  const other = await openWith(path, TRIGGERS, { as: 'b@school.cn' });
  try {
    expect(other.bundle.call('list')).toEqual(['|']);
    other.bundle.call('install');
    expect(other.bundle.call('list')).toHaveLength(3);
    expect(other.state.triggers).toHaveLength(2);
    expect(other.bundle.call('removeAll')).toBe(0);
    expect(other.state.triggers).toHaveLength(1);
  } finally {
    other.close();
  }
});

test('a one-off trigger (after) fires once at its time', async () => {
  const runtime = await openWith(undefined, TRIGGERS);
  try {
    const before = runtime.clock.now();
    runtime.bundle.call('once', 90 * 60 * 1000);
    const [stored] = runtime.state.triggers as StoredTrigger[];
    expect(stored?.periodMs).toBeUndefined();
    expect((stored?.nextFiring ?? 0) - before).toBeGreaterThanOrEqual(90 * 60 * 1000);
    expect((stored?.nextFiring ?? 0) - before).toBeLessThan(90 * 60 * 1000 + 1000);
  } finally {
    runtime.close();
  }
});

test('a user with 20 triggers in the script gets Apps Script\'s too-many-triggers message', async () => {
  const runtime = await openWith(undefined, TRIGGERS, { as: 'a@school.cn' });
  try {
    for (let index = 0; index < 20; index += 1) {
      const trigger: StoredTrigger = { id: String(1000 + index), handler: 'h', eventType: 'CLOCK', user: 'a@school.cn', nextFiring: 0, periodMs: 3600000 };
      runtime.state.triggers.push(trigger);
    }
    expect(runtime.bundle.call('thrown', runtime.bundle.context.install)).toBe(TRIGGER_LIMIT_MESSAGE);
    expect(TRIGGER_LIMIT_MESSAGE).toBe('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    runtime.state.triggers.pop();
    expect(runtime.bundle.call('thrown', runtime.bundle.context.install)).toBe(ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE);
  } finally {
    runtime.close();
  }
});

test('a user is the same user whatever the case of the email: one trigger, the same trigger list and user properties', async () => {
  const path = await book();
  const runtime = await openWith(path, `${TRIGGERS}
function setMine(value) { PropertiesService.getUserProperties().setProperty('mine', value); }
function mine() { return PropertiesService.getUserProperties().getProperty('mine'); }`, { as: 'CITY@Yuxi.edu.cn' });
  try {
    const [, id] = runtime.bundle.call('install') as [string, string];
    runtime.bundle.call('setMine', '市级');
    runtime.setActiveUser('city@yuxi.edu.cn');
    expect(runtime.bundle.call('second')).toBe(ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE);
    expect(runtime.bundle.call('list')).toEqual([`onHourlyTrigger#${id}`, '|', 'onHourlyTrigger']);
    expect(runtime.bundle.call('mine')).toBe('市级');
    runtime.setActiveUser('hongta@yuxi.edu.cn');
    expect(runtime.bundle.call('list')).toEqual(['|']);
    expect(runtime.bundle.call('mine')).toBeNull();
    expect(runtime.state.triggers).toHaveLength(1);
  } finally {
    runtime.close();
  }
});
