/**
 * onOpen in every authorization mode Sheets runs it in (NONE for an add-on not yet used in this
 * document, LIMITED, FULL): the whole add-on menu, titled with the script project's name
 * (班主任评选), every MENU_ITEMS entry including 打开助手, each naming a global of the bundle; in
 * NONE nothing but the menu is touched — no properties, no Session, no spreadsheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
const MENU = ['初始化表格', '校验全部资格', '推进所选行…', '记录任期考核结果…', '生成公示名单', '生成履职情况', '检查工作室', '生成统计', '初始化模板', '生成证书', '生成考核表', '开启每日提醒', '关闭每日提醒', '预览提醒', '打开助手'];

describe.each(['NONE', 'LIMITED', 'FULL'])('onOpen in AuthMode.%s', (authMode) => {
  test('builds the whole 班主任评选 menu and touches nothing else', async () => {
    const path = join(temporaryFolder(), `open-${authMode}.xlsx`);
    await scenarioWorkbook(path, [candidate({ 姓名: '甲' })], [['city@yuxi.cn', '市级']]);
    const counter = new CallCounter();
    const runtime = await openWorkbookRuntime({ path, as: 'city@yuxi.cn', today: '2024-09-12', counter, print: () => undefined });
    try {
      counter.reset();
      runtime.bundle.call('onOpen', { authMode, source: null });
      expect(runtime.ui.menus).toHaveLength(1);
      const [menu] = runtime.ui.menus;
      expect(menu).toMatchObject({ caption: '班主任评选', addon: true });
      const items = menu!.items.filter((item): item is { caption: string; functionName: string } => 'caption' in item);
      expect(items.map((item) => item.caption)).toEqual(MENU);
      for (const item of items) expect(code).toMatch(new RegExp(`^function ${item.functionName}\\(`, 'm'));
      // Only the Ui and its menu: no PropertiesService, Session, Spreadsheet, Range… call at all.
      expect(Object.keys(counter.snapshot().calls).sort()).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
      expect(runtime.changed).toBe(false);
    } finally {
      runtime.close();
    }
  });
});
