/**
 * The menu items as an official uses them in Google: select rows, click 推进所选行…, type at the
 * prompts, read the message box. Runs the real dist/Code.js in the runtime with typed answers.
 */
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';
import { installFakeDocumentApp } from '../bundle/document-fake';
import { filesIn } from '../bundle/document-support';
import { installFakeMailApp } from '../bundle/reminder-mail-fake';

test('推进所选行… moves the selected rows as the signed-in user and says what it did', async () => {
  const book = join(temporaryFolder(), 'menu.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙', 班主任累计年限: 2 }), candidate({ 姓名: '丙' })], [['ht@yuxi.cn', '红塔区']]);
  const runtime = await openWorkbookRuntime({ path: book, as: 'ht@yuxi.cn', today: '2024-09-02', counter: new CallCounter(), print: () => undefined, promptAnswers: ['初审通过', ''] });
  try {
    runtime.bundle.call('onOpen');
    const labels = runtime.ui.menus.flatMap((menu) => menu.items.map((item) => ('caption' in item ? item.caption : '')));
    expect(labels).toEqual(['初始化表格', '校验全部资格', '推进所选行…', '记录任期考核结果…', '生成公示名单', '生成履职情况', '检查工作室', '生成统计', '初始化模板', '生成证书', '生成考核表', '开启每日提醒', '关闭每日提醒', '预览提醒', '打开助手']);
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

test('初始化表格 and 校验全部资格 (a 县级审核人) from the menu say what they did', async () => {
  const book = join(temporaryFolder(), 'menu-check.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙', 获奖级别: '校级' })], [['ht@yuxi.cn', '红塔区']]);
  const runtime = await openWorkbookRuntime({ path: book, as: 'ht@yuxi.cn', today: '2025-09-01', counter: new CallCounter(), print: () => undefined });
  try {
    runtime.bundle.call('initializeSpreadsheet');
    expect(runtime.ui.alerts.pop()).toBe('初始化表格\n推荐名单：无需修改\n节假日：无需修改\n权限：无需修改\n操作记录：可编辑账号新增：ht@yuxi.cn\n设置：无需修改\n履职记录：无需修改\n工作室：无需修改\n邮件模板：无需修改\n提醒记录：无需修改');
    runtime.bundle.call('checkAllEligibility');
    expect(runtime.ui.alerts.pop()).toBe('校验全部资格\n推荐名单：已审查 2 行（评审基准日 2025-09-01）：符合 1，不符合 1，待核实 0。');
  } finally {
    runtime.close();
  }
});

test('初始化模板 records the templates in 设置; 生成证书 then makes one per 已认定 row and says so; 生成考核表 with no row due says so', async () => {
  const folder = temporaryFolder();
  const book = join(folder, 'documents.xlsx');
  const awarded = { 状态: '已认定', 认定日期: new Date('2024-10-10T00:00:00Z') };
  await scenarioWorkbook(book, [candidate({ 姓名: '甲', ...awarded, 证书编号: '玉教班〔2024〕001号' }), candidate({ 姓名: '乙', ...awarded, 证书编号: '玉教班〔2024〕002号' })], [['city@yuxi.cn', '市级']]);
  const runtime = await openWorkbookRuntime({ path: book, as: 'city@yuxi.cn', today: '2025-03-05', counter: new CallCounter(), print: () => undefined });
  try {
    installFakeDocumentApp(runtime);
    runtime.bundle.call('createTemplates');
    expect(runtime.ui.alerts.pop()).toMatch(/^初始化模板\n已在文件夹“班主任评选文档”中新建“荣誉证书模板”和“任期考核表模板”，并记入“设置”表。/);
    runtime.bundle.call('generateCertificates');
    expect(runtime.ui.alerts.pop()).toBe('生成荣誉证书\n新建 2 份，已有文件跳过 0 行。\n全部完成。');
    runtime.bundle.call('generateForms');
    expect(runtime.ui.alerts.pop()).toBe('生成任期考核表\n没有需要生成的行。\n没有任期在60天内届满的“已认定”行，也没有“任期届满”的行');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const settings = (await readSheet(book, '设置')).rows;
  const value = (key: string) => String(settings.find((row) => row[0] === key)?.[1] ?? '');
  expect(value('证书模板')).toBe('班主任评选文档/荣誉证书模板.docx');
  expect(value('考核表模板')).toBe('班主任评选文档/任期考核表模板.docx');
  expect(value('文档文件夹')).toBe('班主任评选文档');
  expect(value('证书文件名')).toBe('{证书编号}-{姓名}-荣誉证书');
  expect(filesIn(join(folder, '班主任评选文档')).filter((file) => !file.startsWith('.'))).toEqual(['任期考核表模板.docx', '玉教班〔2024〕001号-甲-荣誉证书.docx', '玉教班〔2024〕002号-乙-荣誉证书.docx', '荣誉证书模板.docx']);
});

test('生成证书 with pre-flight problems asks first; 否 makes nothing', async () => {
  const folder = temporaryFolder();
  const book = join(folder, 'asked.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲', 学校: '', 状态: '已认定', 认定日期: new Date('2024-10-10T00:00:00Z'), 证书编号: '玉教班〔2024〕001号' })], [['city@yuxi.cn', '市级']]);
  const runtime = await openWorkbookRuntime({ path: book, as: 'city@yuxi.cn', today: '2025-03-05', counter: new CallCounter(), print: () => undefined, answer: 'no' });
  try {
    installFakeDocumentApp(runtime);
    runtime.bundle.call('createTemplates');
    runtime.bundle.call('generateCertificates');
    expect(runtime.ui.alerts.pop()).toBe('生成荣誉证书\n将为 1 行生成荣誉证书，但检查发现：\n第2行 甲 缺少：学校\n\n缺值的占位符会原样留在文档中。仍要继续吗？');
  } finally {
    runtime.close();
  }
  expect(filesIn(join(folder, '班主任评选文档')).filter((file) => !file.startsWith('.'))).toEqual(['任期考核表模板.docx', '荣誉证书模板.docx']);
});

test('开启每日提醒, 预览提醒 and 关闭每日提醒 from the menu say what they did, in Chinese', async () => {
  const book = join(temporaryFolder(), 'menu-reminders.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: '2024-09-02 ht@yuxi.cn：学校推荐→初审通过' })], [['city@yuxi.cn', '市级'], ['school@yuxi.cn', '学校', '玉溪第一中学']]);
  const school = await openWorkbookRuntime({ path: book, as: 'school@yuxi.cn', today: '2024-09-10', counter: new CallCounter(), print: () => undefined });
  try {
    school.bundle.call('turnOnDailyReminders');
    expect(school.ui.alerts.pop()).toBe('开启每日提醒\n邮箱“school@yuxi.cn”在“权限”表中的角色是学校（玉溪第一中学），只有市级或县级审核人可以开启每日提醒（本次没有做任何修改）');
    expect(school.state.triggers).toEqual([]);
  } finally {
    school.close();
  }
  const runtime = await openWorkbookRuntime({ path: book, as: 'city@yuxi.cn', today: '2024-09-10', counter: new CallCounter(), print: () => undefined });
  try {
    const mail = installFakeMailApp(runtime, 50);
    runtime.bundle.call('turnOnDailyReminders');
    expect(runtime.ui.alerts.pop()).toMatch(/^开启每日提醒\n每日提醒已开启。\n已安装每小时运行的定时任务/);
    runtime.bundle.call('turnOnDailyReminders');
    expect(runtime.ui.alerts.pop()).toContain('您的定时任务已经存在，没有重复安装。');
    runtime.bundle.call('previewReminders');
    expect(runtime.ui.alerts.pop()).toBe([
      '预览提醒',
      '日期：2024-09-10（工作日）',
      '每日提醒：已开启；今日邮件配额剩余 50 位收件人',
      '发给 city@yuxi.cn（1 项）：【班主任评选】2024年9月10日 待办提醒（1项）',
      '  · 待审核：第2行 甲',
    ].join('\n'));
    expect(mail.sent).toEqual([]); // a preview sends nothing
    runtime.bundle.call('turnOffDailyReminders');
    expect(runtime.ui.alerts.pop()).toBe('关闭每日提醒\n已关闭每日提醒，并删除了您的定时任务。');
    expect(runtime.state.triggers).toEqual([]);
  } finally {
    runtime.close();
  }
});
