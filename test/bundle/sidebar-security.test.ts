/**
 * The sidebar's server against a hostile caller, through the real dist/Code.js in the offline
 * runtime: every public global that can change the workbook is a menu item, a trigger, a custom
 * function or a role-checked sidebar function; a move's reason over 500 characters (or any text
 * too long for its cell) is refused before anything is written; arguments of the wrong type are
 * Chinese ArgumentErrors; 初始化模板 is the city's and logged; 校验全部资格 is a reviewer's; the
 * 邮件服务器 URL never shows its userinfo or query; a move shows only the caller's own 权限 problems.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.cn';
const HONGTA = 'ht@yuxi.cn';
const STRANGER = 'nobody@yuxi.cn';
const SCHOOL = 'school@yuxi.cn';
const PERMISSIONS: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区'], [SCHOOL, '学校', '玉溪第一中学'], ['other@yuxi.cn', '红'], ['blank@yuxi.cn', '']];

async function book(name: string, permissions = PERMISSIONS): Promise<string> {
  const path = join(temporaryFolder(), `${name}.xlsx`);
  await scenarioWorkbook(path, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙', 状态: '评审通过' })], permissions);
  return path;
}

async function withRuntime<T>(path: string, as: string, body: (runtime: WorkbookRuntime) => T): Promise<T> {
  const runtime = await openWorkbookRuntime({ path, as, today: '2024-09-12', counter: new CallCounter(), print: () => undefined });
  try {
    const result = body(runtime);
    runtime.endExecution();
    await runtime.save();
    return result;
  } finally {
    runtime.close();
  }
}

/** The error a call throws (from the bundle's realm), or fails when it does not throw. */
function thrown(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    return { name: String((error as Error).name), message: String((error as Error).message) };
  }
  throw new Error('expected the call to throw');
}

/** 推荐名单's 状态 by row and 操作记录's data rows. */
async function stateOf(path: string): Promise<{ states: unknown[]; log: unknown[][] }> {
  const { rows } = await readSheet(path, '推荐名单');
  const state = (rows[0] as string[]).indexOf('状态');
  const log = existsSync(path) ? (await readSheet(path, '操作记录').catch(() => ({ rows: [[]] }))).rows.slice(1).filter((row) => row.some((cell) => cell !== '' && cell !== null && cell !== undefined)) : [];
  return { states: rows.slice(1).map((row) => row[state] ?? ''), log };
}

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
/** Names of the top-level functions of dist/Code.js and whether each is documented as a custom function. */
const globals = [...code.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?^function ([A-Za-z_$][\w$]*)\(/gm)].map((match) => ({ name: match[2] as string, custom: (match[1] ?? '').includes('@customfunction') }));

const TRIGGERS = ['onOpen', 'onInstall', 'onHourlyTrigger'];
/** Sidebar functions that read only (anyone who can open the spreadsheet). */
const SIDEBAR_READING = ['sidebarCalendarInfo', 'sidebarPublicityPeriod', 'sidebarOpen', 'sidebarSelection', 'sidebarDocumentProgress', 'sidebarDuties', 'sidebarStudios', 'sidebarStatistics', 'sidebarReminders', 'sidebarSettings'];
/** Sidebar functions that change something, each checking the caller's role on the server. */
const SIDEBAR_CHANGING = ['sidebarMove', 'sidebarMakePublicityList', 'sidebarDocuments', 'sidebarSetReminders', 'sidebarSaveSetting', 'sidebarCreateTemplates', 'sidebarCheckAll'];

/** Plausible arguments for each sidebar function (what the page sends). */
const ARGUMENTS: Record<string, unknown[]> = {
  sidebarPublicityPeriod: ['2024-09-13', 5],
  sidebarSelection: [''],
  sidebarMove: [{ sheetName: '推荐名单', rows: [2, 3, 4], to: '初审通过', reason: '' }],
  sidebarDocuments: ['certificate', false],
  sidebarSetReminders: [true],
  sidebarSaveSetting: ['提醒间隔', '3'],
};

test('every public global is a menu item, a trigger, a custom function or a sidebar function; the CLI-only ones end in _', async () => {
  const path = await book('menu');
  const menu = await withRuntime(path, CITY, (runtime) => {
    runtime.bundle.call('onOpen', { authMode: 'FULL' });
    return new Set(runtime.ui.menus.flatMap((recorded) => recorded.items.flatMap((item) => ('functionName' in item ? [item.functionName] : []))));
  });
  expect(menu.size).toBeGreaterThan(10);
  const unclassified = globals
    .filter(({ name, custom }) => !name.endsWith('_') && !custom && !menu.has(name) && !TRIGGERS.includes(name) && !SIDEBAR_READING.includes(name) && !SIDEBAR_CHANGING.includes(name))
    .map(({ name }) => name);
  expect(unclassified).toEqual([]);
  expect(globals.filter(({ custom }) => custom).map(({ name }) => name)).toEqual(['IS_WORKDAY', 'CN_WORKDAY', 'CN_NETWORKDAYS', 'PUBLICITY_END', 'TERM_END', 'ELIGIBILITY', 'DUTY_STATUS']);
  for (const name of ['runAdvance_', 'readAuditLog_', 'workflowTable_', 'runDocuments_', 'runCreateTemplates_', 'runRemindersOn_', 'runPreviewReminders_', 'runInitialize_', 'runEligibilityCheck_']) {
    expect(globals.map((global) => global.name)).toContain(name);
  }
  expect(globals.map((global) => global.name)).not.toContain('runAdvance');
});

test('a stranger, a school and an unknown user change nothing through any sidebar function; reading ones change nothing for the city either', async () => {
  const path = await book('sweep');
  const before = readFileSync(path);
  for (const as of [STRANGER, SCHOOL, 'blank@yuxi.cn', '']) {
    await withRuntime(path, as, (runtime) => {
      runtime.selectRows('推荐名单', 2, 4);
      for (const name of [...SIDEBAR_READING, ...SIDEBAR_CHANGING]) {
        try {
          runtime.bundle.call(name, ...(ARGUMENTS[name] ?? []));
        } catch (error) {
          expect(String((error as Error).message)).toMatch(/[\u4e00-\u9fa5]/u);
        }
        expect([as, name, runtime.changeCount]).toEqual([as, name, 0]);
      }
    });
  }
  await withRuntime(path, CITY, (runtime) => {
    runtime.selectRows('推荐名单', 2, 4);
    for (const name of SIDEBAR_READING) {
      runtime.bundle.call(name, ...(ARGUMENTS[name] ?? []));
      expect([name, runtime.changeCount]).toEqual([name, 0]);
    }
  });
  expect(readFileSync(path).equals(before)).toBe(true);
});

test('a reason over 500 characters is refused before anything is written, in Chinese; 500 is accepted and logged whole', async () => {
  const path = await book('reason');
  await withRuntime(path, HONGTA, (runtime) => {
    for (const length of [40_000, 501]) {
      const error = thrown(() => runtime.bundle.call('sidebarMove', { sheetName: '推荐名单', rows: [2], to: '初审通过', reason: '理'.repeat(length) }));
      expect(error).toEqual({ name: 'ArgumentError', message: `理由最多 500 个字，现在 ${length} 个字（本次没有做任何修改）` });
      // The CLI's path refuses it the same way.
      expect(() => runtime.bundle.call('runAdvance_', { rows: [2], to: '初审通过', reason: '理'.repeat(length) })).toThrow(`理由最多 500 个字，现在 ${length} 个字`);
    }
    expect(runtime.changeCount).toBe(0);
  });
  expect(await stateOf(path)).toEqual({ states: ['', '', '评审通过'], log: [] });
  await withRuntime(path, HONGTA, (runtime) => {
    const outcome = runtime.bundle.call('sidebarMove', { sheetName: '推荐名单', rows: [2], to: '初审通过', reason: ` ${'理'.repeat(500)} ` }) as { moved: unknown[] };
    expect(outcome.moved).toHaveLength(1);
  });
  const { states, log } = await stateOf(path);
  expect(states[0]).toBe('初审通过');
  expect(log).toHaveLength(1);
  expect(log[0]?.[7]).toBe('理'.repeat(500));
});

test('a text too long for its cell (最后操作 naming a very long email) stops the move before the first write, in Chinese', async () => {
  const long = `${'a'.repeat(32_740)}@yuxi.cn`;
  const path = await book('cell', [[long, '红塔区']]);
  await withRuntime(path, long, (runtime) => {
    const error = thrown(() => runtime.bundle.call('runAdvance_', { rows: [2], to: '初审通过' }));
    expect(error.message).toMatch(/^第2行的“最后操作”将有 \d+ 个字符，超过一个单元格最多的 32767 个（本次没有做任何修改）$/);
  });
  expect(await stateOf(path)).toEqual({ states: ['', '', '评审通过'], log: [] });
});

test('arguments of the wrong type are Chinese ArgumentErrors and change nothing: "true" never starts a batch, "yes" never turns reminders off, odd objects never reach String()', async () => {
  const path = await book('types');
  const odd = { toString: 'not a function', valueOf: 'neither' };
  await withRuntime(path, CITY, (runtime) => {
    runtime.bundle.call('sidebarSetReminders', true);
  });
  await withRuntime(path, CITY, (runtime) => {
    const calls: [string, unknown[], RegExp][] = [
      ['sidebarDocuments', ['certificate', 'true'], /^是否只预检（check）应为 true 或 false，收到文字$/],
      ['sidebarDocuments', ['certificate', 1], /^是否只预检（check）应为 true 或 false，收到数字$/],
      ['sidebarDocuments', [odd, true], /^文档种类应为文字，收到对象$/],
      ['sidebarDocuments', ['certificate', true, ['2']], /^行号（rows）中第1个不是正整数的行号/],
      ['sidebarSetReminders', ['yes'], /^提醒开关（on）应为 true 或 false，收到文字$/],
      ['sidebarSetReminders', [undefined], /^提醒开关（on）应为 true 或 false，收到未给出$/],
      ['sidebarSelection', [odd], /^选择的标识（key）应为文字，收到对象$/],
      ['sidebarPublicityPeriod', [odd, 5], /^公示开始日期应为文字，收到对象$/],
      ['sidebarPublicityPeriod', ['2024-09-13', odd], /^公示天数应为正整数/],
      ['sidebarMove', ['x'], /^推进请求应为对象，收到文字$/],
      ['sidebarMove', [odd], /^行号（rows）应为行号的数组，收到未给出$/],
      ['sidebarMove', [{ sheetName: odd, rows: [2], to: '初审通过', reason: '' }], /^工作表（sheetName）应为文字，收到对象$/],
      ['sidebarMove', [{ sheetName: '推荐名单', rows: [2], to: odd, reason: '' }], /^目标状态（to）应为文字，收到对象$/],
      ['sidebarMove', [{ sheetName: '推荐名单', rows: [2], to: '初审通过', reason: odd }], /^理由（reason）应为文字，收到对象$/],
      ['sidebarMove', [{ sheetName: '推荐名单', rows: [2], to: '公示中', reason: '', start: odd }], /^公示开始日期（start）应为文字，收到对象$/],
      ['sidebarMove', [{ sheetName: '推荐名单', rows: '2', to: '初审通过', reason: '' }], /^行号（rows）应为行号的数组，收到文字$/],
      ['sidebarMove', [{ sheetName: '推荐名单', rows: Array.from({ length: 5001 }, (_, index) => index + 2), to: '初审通过', reason: '' }], /^行号（rows）一次最多 5000 行，收到 5001 行/],
      ['sidebarSaveSetting', [odd, '3'], /^设置项应为文字，收到对象$/],
      ['sidebarSaveSetting', ['提醒间隔', odd], /^设置的值应为文字，收到对象$/],
      ['sidebarSaveSetting', ['提醒间隔', 3], /^设置的值应为文字，收到数字$/],
      // A value the .xlsx cell could not hold is refused in Chinese before the write, never the runtime's English.
      ['sidebarSaveSetting', ['培养方案', '方'.repeat(32767)], /^设置项“培养方案”的值最多 1000 个字，现在 32767 个字；没有写入$/],
    ];
    for (const [name, args, message] of calls) {
      const error = thrown(() => runtime.bundle.call(name, ...args));
      expect([name, error.name]).toEqual([name, 'ArgumentError']);
      expect(error.message).toMatch(message);
    }
    expect(runtime.changeCount).toBe(0);
    expect((runtime.bundle.call('sidebarReminders') as { on: boolean }).on).toBe(true);
  });
});

test('初始化模板 is the city\'s: others are refused before any file is made (the menu shows it); the city\'s run updates 设置 with one 操作记录 line', async () => {
  const path = await book('templates');
  const folder = dirname(path);
  const files = () => readdirSync(folder).sort();
  const before = files();
  for (const as of [HONGTA, STRANGER, SCHOOL]) {
    await withRuntime(path, as, (runtime) => {
      expect(() => runtime.bundle.call('sidebarCreateTemplates')).toThrow(/只有市级可以初始化模板（本次没有做任何修改）/);
      expect(() => runtime.bundle.call('runCreateTemplates_', {})).toThrow(/只有市级可以初始化模板/);
      runtime.bundle.call('createTemplates');
      expect(runtime.ui.alerts.pop()).toMatch(/^初始化模板\n邮箱“.*”.*只有市级可以初始化模板/);
      expect(runtime.changeCount).toBe(0);
    });
  }
  expect(files()).toEqual(before);
  const made = await withRuntime(path, CITY, (runtime) => runtime.bundle.call('sidebarCreateTemplates') as { message: string; folder: string });
  expect(made.message).toMatch(/^已在文件夹“班主任评选文档”中新建/);
  expect(made.folder).not.toBe('');
  const settings = (await readSheet(path, '设置')).rows;
  const value = (key: string) => String(settings.find((row) => row[0] === key)?.[1] ?? '');
  expect(value('证书模板')).not.toBe('');
  expect(value('文档文件夹')).not.toBe('');
  const { log } = await stateOf(path);
  expect(log).toHaveLength(1);
  expect(log[0]?.slice(1, 3)).toEqual([CITY, '设置']);
  expect(String(log[0]?.[7])).toMatch(/^初始化模板：设置项“证书模板”“考核表模板”“文档文件夹”改为新建的模板和文件夹/);
});

test('校验全部资格 from the sidebar: a city or county reviewer; a school or stranger is refused and nothing is written', async () => {
  const path = await book('check');
  for (const as of [SCHOOL, STRANGER]) {
    await withRuntime(path, as, (runtime) => {
      expect(() => runtime.bundle.call('sidebarCheckAll')).toThrow(/只有市级或县级审核人可以校验全部资格（本次没有做任何修改）/);
      expect(runtime.changeCount).toBe(0);
    });
  }
  const answer = await withRuntime(path, HONGTA, (runtime) => runtime.bundle.call('sidebarCheckAll') as { summary: string; checked: number });
  expect(answer.checked).toBe(3);
  expect(answer.summary).toMatch(/^推荐名单：已审查 3 行/);
  const { rows } = await readSheet(path, '推荐名单');
  const verdict = (rows[0] as string[]).indexOf('资格审查');
  expect(rows.slice(1).map((row) => row[verdict])).toEqual(['符合', '符合', '符合']);
});

test('邮件服务器: the userinfo up to the last @ and any query are masked in 设置 and 操作记录; what the mail reader refuses is refused', async () => {
  const path = await book('mail');
  const shown = async (value: string) => {
    await setSetting(path, '邮件服务器', value);
    return withRuntime(path, STRANGER, (runtime) => (runtime.bundle.call('sidebarSettings') as { settings: { key: string; value: string }[] }).settings.find((setting) => setting.key === '邮件服务器')?.value);
  };
  expect(await shown('smtp://u:p@ss@host:587')).toBe('smtp://***@host:587');
  expect(await shown('smtp://u:pa ss@host:587')).toBe('smtp://***@host:587');
  expect(await shown('smtp://host:587?auth.pass=secret')).toBe('smtp://host:587?***');
  expect(await shown('smtps://u:sec#ret@host')).toBe('smtps://***@host');
  expect(await shown('smtp:u:secret@host')).toBe('***@host');
  await setSetting(path, '邮件服务器', '');
  await withRuntime(path, CITY, (runtime) => {
    for (const bad of ['smtp://u:pa ss@host:587', 'smtp://host:587?auth.pass=secret', 'smtp://u:secret@host:587\nsmtp://x', 'smtp://u:secret@host/path', 'smtps://u:sec#ret@host', 'smtp://:secret@host', 'http://u:secret@host', 'smtp://u:secret@host:99999', 'smtp://u:%zz@host']) {
      const error = thrown(() => runtime.bundle.call('sidebarSaveSetting', '邮件服务器', bad));
      expect(error.message).toMatch(/^设置项“邮件服务器”的值“.*”无效：.*；没有写入$/su);
      expect(error.message).not.toMatch(/secret|pa ss/);
    }
    expect(runtime.changeCount).toBe(0);
    runtime.bundle.call('sidebarSaveSetting', '邮件服务器', 'smtp://u:p@ss@host:587');
  });
  const log = (await stateOf(path)).log;
  expect(log.map((row) => row[7])).toEqual(['设置项“邮件服务器”改为“smtp://***@host:587”']);
});

test('a move shows a county reviewer only their own 权限 problems; the city sees them all', async () => {
  const path = await book('problems', [...PERMISSIONS, [HONGTA, '红']]);
  const problems = (as: string) => withRuntime(path, as, (runtime) => (runtime.bundle.call('sidebarMove', { sheetName: '推荐名单', rows: [4], to: '初审通过', reason: '' }) as { problems: string[] }).problems);
  const county = await problems(HONGTA);
  expect(county).toEqual([expect.stringMatching(/^权限第7行：邮箱“ht@yuxi.cn”的角色“红”无法识别/)]);
  const city = await problems(CITY);
  expect(city).toHaveLength(3);
  expect(city.join('\n')).toContain('other@yuxi.cn');
});

test('the 提醒 preview, like a move, shows a county reviewer only their own 权限 problems; the city sees them all', async () => {
  const path = await book('reminder-problems', [...PERMISSIONS, [HONGTA, '红']]);
  const problems = (as: string) => withRuntime(path, as, (runtime) => (runtime.bundle.call('sidebarReminders') as { preview: { problems: string[] } }).preview.problems);
  const county = (await problems(HONGTA)).filter((problem) => problem.startsWith('权限'));
  expect(county).toEqual([expect.stringMatching(/^权限第7行：邮箱“ht@yuxi.cn”的角色“红”无法识别/)]);
  expect((await problems(HONGTA)).join('\n')).not.toContain('other@yuxi.cn');
  const city = (await problems(CITY)).filter((problem) => problem.startsWith('权限'));
  expect(city.join('\n')).toContain('other@yuxi.cn');
});
