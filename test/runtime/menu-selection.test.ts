/**
 * 推进所选行… as Google runs it: only on a nomination sheet (never 操作记录 or a sheet without the
 * header row), over every selected range, and a busy document lock (another teacher moving rows)
 * answered in Chinese with nothing written. onOpen touches nothing but the menu in AuthMode.NONE
 * and LIMITED, where Apps Script allows no other service.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntimeOptions } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const BUSY = '另一位老师正在操作，请稍后重试';

async function book(name: string, extra?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const path = join(temporaryFolder(), `${name}.xlsx`);
  await scenarioWorkbook(path, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙' }), candidate({ 姓名: '丁' }), candidate({ 姓名: '戊' })], [['ht@yuxi.cn', '红塔区']]);
  if (extra) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    extra(workbook);
    await workbook.xlsx.writeFile(path);
  }
  return path;
}

async function withMenu<T>(path: string, options: Partial<WorkbookRuntimeOptions>, body: (runtime: Awaited<ReturnType<typeof openWorkbookRuntime>>) => T): Promise<T> {
  const runtime = await openWorkbookRuntime({ path, as: 'ht@yuxi.cn', today: '2024-09-02', counter: new CallCounter(), print: () => undefined, ...options });
  try {
    const result = body(runtime);
    await runtime.save();
    return result;
  } finally {
    runtime.close();
  }
}

async function states(path: string, sheet = '推荐名单'): Promise<string[]> {
  const { rows } = await readSheet(path, sheet);
  const column = (rows[0] as string[]).indexOf('状态');
  return rows.slice(1).map((row) => String(row[column] ?? ''));
}

test('several selected ranges move the union of their rows, each once', async () => {
  const path = await book('ranges');
  await withMenu(path, { promptAnswers: ['初审通过', ''] }, (runtime) => {
    runtime.selectRanges('推荐名单', ['A2', 'C4:E5', 'B5']);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe('推进所选行\n已改为“初审通过”：3 行');
  });
  expect(await states(path)).toEqual(['初审通过', '', '初审通过', '初审通过', '']);
});

test('rows selected on 操作记录 are not moved: a Chinese alert says why and nothing is asked or written', async () => {
  const path = await book('log-sheet');
  await withMenu(path, { promptAnswers: ['初审通过', ''] }, (runtime) => {
    runtime.selectRows('操作记录', 2, 3);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts).toEqual(['推进所选行\n当前选中的是“操作记录”表，它不是推荐名单，不能推进。请在推荐名单中选中要推进的行，再点“推进所选行…”。']);
    expect(runtime.counter.of('Range.setValues')).toBe(0);
    expect(runtime.counter.of('Ui.prompt')).toBe(0);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
});

test('rows selected on a sheet without the nomination header are not moved', async () => {
  const path = await book('notes-sheet', (workbook) => {
    const notes = workbook.addWorksheet('备注');
    notes.addRow(['随手记']);
    notes.addRow(['第二行']);
  });
  await withMenu(path, { promptAnswers: ['初审通过', ''] }, (runtime) => {
    runtime.selectRows('备注', 2);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts).toEqual(['推进所选行\n工作表“备注”的前 10 行里没有推荐名单的表头（如“姓名”“学校”“申报类别”），不能推进。请在推荐名单中选中要推进的行。']);
    expect(runtime.counter.of('Range.setValues')).toBe(0);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
});

test('rows selected on another nomination sheet move there, not on 推荐名单', async () => {
  const path = await book('second-sheet', (workbook) => {
    const source = workbook.getWorksheet('推荐名单')!;
    const copy = workbook.addWorksheet('第二批');
    source.eachRow((row, rowNumber) => {
      row.eachCell((cell, columnNumber) => {
        copy.getCell(rowNumber, columnNumber).value = cell.value;
      });
    });
  });
  await withMenu(path, { promptAnswers: ['初审通过', ''] }, (runtime) => {
    runtime.selectRows('第二批', 3);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe('推进所选行\n已改为“初审通过”：1 行');
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
  expect(await states(path, '第二批')).toEqual(['', '初审通过', '', '', '']);
});

test('a busy document lock: 推进所选行 says another teacher is at work and writes nothing', async () => {
  const path = await book('busy-menu');
  await withMenu(path, { promptAnswers: ['初审通过', ''], documentLockBusy: true }, (runtime) => {
    runtime.selectRows('推荐名单', 2, 3);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe(`推进所选行\n${BUSY}（等了 30 秒仍未轮到，本次没有做任何修改）`);
    expect(runtime.counter.of('Lock.waitLock')).toBe(1);
    expect(runtime.counter.of('Range.setValues') + runtime.counter.of('Range.setValue') + runtime.counter.of('Sheet.appendRow')).toBe(0);
    expect(runtime.counter.of('Lock.releaseLock')).toBe(0);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
  const { rows } = await readSheet(path, '操作记录');
  expect(rows).toHaveLength(1);
});

test('a busy document lock: runAdvance (the CLI and sidebar path) fails with the Chinese message', async () => {
  const path = await book('busy-run');
  await withMenu(path, { documentLockBusy: true }, (runtime) => {
    expect(() => runtime.bundle.call('runAdvance_', { rows: [2], to: '初审通过' })).toThrow(`${BUSY}（等了 30 秒仍未轮到，本次没有做任何修改）`);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
});

/** A book whose 权限 also has a 市级 and a 学校 account. */
function withRoles(workbook: ExcelJS.Workbook): void {
  const access = workbook.getWorksheet('权限')!;
  access.getRow(3).values = ['city@yuxi.cn', '市级'];
  access.getRow(4).values = ['school@yuxi.cn', '学校', '玉溪一中'];
}

test('a busy document lock: 生成公示名单 and 校验全部资格 from the menu say another teacher is at work and write nothing', async () => {
  const path = await book('busy-list', withRoles);
  await withMenu(path, { as: 'city@yuxi.cn', documentLockBusy: true }, (runtime) => {
    runtime.bundle.call('makePublicityList');
    expect(runtime.ui.alerts.pop()).toBe(`生成公示名单\n${BUSY}（等了 30 秒仍未轮到，本次没有做任何修改）`);
    runtime.bundle.call('checkAllEligibility');
    expect(runtime.ui.alerts.pop()).toBe(`校验全部资格\n${BUSY}（等了 30 秒仍未轮到，本次没有做任何修改）`);
    expect(runtime.counter.of('Range.setValues') + runtime.counter.of('Range.setValue')).toBe(0);
  });
});

test('the menu checks roles as the sidebar does: 生成公示名单 only 市级, 校验全部资格 市级 or 县级审核人', async () => {
  const path = await book('menu-roles', withRoles);
  await withMenu(path, { as: 'ht@yuxi.cn' }, (runtime) => {
    runtime.bundle.call('makePublicityList');
    expect(runtime.ui.alerts.pop()).toBe('生成公示名单\n邮箱“ht@yuxi.cn”的角色是红塔区，只有市级可以生成公示名单（本次没有做任何修改）');
    runtime.bundle.call('checkAllEligibility');
    expect(runtime.ui.alerts.pop()).toMatch(/^校验全部资格\n推荐名单：已审查 5 行/);
  });
  await withMenu(path, { as: 'school@yuxi.cn' }, (runtime) => {
    runtime.bundle.call('checkAllEligibility');
    expect(runtime.ui.alerts.pop()).toMatch(/^校验全部资格\n邮箱“school@yuxi.cn”的角色是.*只有市级或县级审核人可以校验全部资格（本次没有做任何修改）$/);
    expect(runtime.counter.of('Range.setValues') + runtime.counter.of('Range.setValue')).toBe(0);
  });
  await withMenu(path, { as: 'city@yuxi.cn' }, (runtime) => {
    runtime.bundle.call('makePublicityList');
    expect(runtime.ui.alerts.pop()).toBe('生成公示名单\n目前没有处于“公示中”的人选：没有写入，已有的公示名单保持不变');
  });
});

describe.each(['NONE', 'LIMITED'])('onOpen in AuthMode.%s', (authMode) => {
  test('adds the same add-on menu as with full authorization and calls nothing else', async () => {
    const path = await book(`open-${authMode}`);
    let fullMenu: unknown;
    await withMenu(path, {}, (runtime) => {
      runtime.bundle.call('onOpen', { authMode: 'FULL', source: null });
      fullMenu = runtime.ui.menus[0]?.items;
    });
    await withMenu(path, {}, (runtime) => {
      runtime.bundle.call('onOpen', { authMode, source: null });
      expect(Object.keys(runtime.counter.snapshot().calls)).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
      expect(runtime.ui.menus).toHaveLength(1);
      expect(runtime.ui.menus[0]?.items).toEqual(fullMenu);
      expect(runtime.ui.menus[0]?.items).toEqual(expect.arrayContaining([expect.objectContaining({ caption: '初始化表格' }), expect.objectContaining({ caption: '打开助手' })]));
    });
  });
});

test('when Google gives no email (a consumer account, a user outside the domain) nothing moves and the official is told why', async () => {
  const path = await book('no-email');
  await withMenu(path, { as: '', promptAnswers: ['初审通过', ''] }, (runtime) => {
    expect(() => runtime.bundle.call('runAdvance_', { rows: [2], to: '初审通过' })).toThrow(/^Google 没有提供您的账号邮箱，无法按“权限”表核对身份，本次没有做任何修改。/);
    runtime.selectRows('推荐名单', 2);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toMatch(/^推进所选行\nGoogle 没有提供您的账号邮箱.*个人 gmail\.com 账号.*请改用本单位的工作账号登录 Google 后重试/);
    expect(runtime.counter.of('Range.setValues')).toBe(0);
    expect(runtime.counter.of('Lock.waitLock')).toBe(0);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
});

test('a state typed wrong at the prompt is answered in a message box, and nothing moves', async () => {
  const path = await book('typo-state');
  await withMenu(path, { promptAnswers: ['初审通 过', ''] }, (runtime) => {
    runtime.selectRows('推荐名单', 2);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toMatch(/^推进所选行\n目标状态“初审通 过”无效，应为：学校推荐、/);
  });
  expect(await states(path)).toEqual(['', '', '', '', '']);
});

test('rows of 权限 that grant nothing are shown beside the outcome of 推进所选行', async () => {
  const path = join(temporaryFolder(), 'blank-role.xlsx');
  await scenarioWorkbook(path, [candidate({ 姓名: '甲' })], [['ht@yuxi.cn', '红塔区'], ['blank@yuxi.cn', '']]);
  await withMenu(path, { promptAnswers: ['初审通过', ''] }, (runtime) => {
    runtime.selectRows('推荐名单', 2);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toMatch(/^推进所选行\n已改为“初审通过”：1 行\n提示：权限第3行：.*blank@yuxi\.cn.*没有任何权限/);
  });
});
