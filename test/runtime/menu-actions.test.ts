/**
 * The menu items as an official uses them in Google: select rows, click 推进所选行…, type at the
 * prompts, read the message box. Runs the real dist/Code.js in the runtime with typed answers.
 */
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

test('推进所选行… moves the selected rows as the signed-in user and says what it did', async () => {
  const book = join(temporaryFolder(), 'menu.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙', 班主任累计年限: 2 }), candidate({ 姓名: '丙' })], [['ht@yuxi.cn', '红塔区']]);
  const runtime = await openWorkbookRuntime({ path: book, as: 'ht@yuxi.cn', today: '2024-09-02', counter: new CallCounter(), print: () => undefined, promptAnswers: ['初审通过', ''] });
  try {
    runtime.bundle.call('onOpen');
    const labels = runtime.ui.menus.flatMap((menu) => menu.items.map((item) => ('caption' in item ? item.caption : '')));
    expect(labels).toEqual(['初始化表格', '校验全部资格', '推进所选行…', '记录任期考核结果…', '生成公示名单', '生成履职情况', '检查工作室', '生成统计', '打开助手']);
    runtime.selectRows('推荐名单', 2, 3);
    runtime.bundle.call('advanceSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe('推进所选行\n已改为“初审通过”：1 行\n第3行未改：资格审查（按 2024-09-02）为“不符合”：四（一）：班主任累计年限“2年”不足5年');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const { rows } = await readSheet(book, '推荐名单');
  const state = (rows[0] as string[]).indexOf('状态');
  expect(rows.slice(1, 4).map((row) => row[state] ?? '')).toEqual(['初审通过', '', '']);
});

test('初始化表格 and 校验全部资格 from the menu say what they did', async () => {
  const book = join(temporaryFolder(), 'menu-check.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙', 获奖级别: '校级' })], []);
  const runtime = await openWorkbookRuntime({ path: book, today: '2025-09-01', counter: new CallCounter(), print: () => undefined });
  try {
    runtime.bundle.call('initializeSpreadsheet');
    expect(runtime.ui.alerts.pop()).toBe('初始化表格\n推荐名单：无需修改\n节假日：无需修改\n权限：无需修改\n操作记录：无需修改\n设置：无需修改\n履职记录：无需修改\n工作室：无需修改');
    runtime.bundle.call('checkAllEligibility');
    expect(runtime.ui.alerts.pop()).toBe('校验全部资格\n推荐名单：已审查 2 行（评审基准日 2025-09-01）：符合 1，不符合 1，待核实 0。');
  } finally {
    runtime.close();
  }
});
