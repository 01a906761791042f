/**
 * The sidebar's confirm steps and round-2 fixes in a real browser against the real
 * `banzhuren sidebar` (issue 11, round 2): a 批量 move of several rows runs only after a confirm
 * naming the move and the row count, lists each refusal and is saved; the 公示中 form names the
 * target state, shows the computed 公示截止 as the start changes and warns about a start that is
 * not a working day, and 取消 gives the focus back; a terminal row says why it offers nothing; the
 * reminders' switch asks first (naming who turned them on) and logs; a name carrying bidirectional
 * control characters shows without them; 开始生成 after a pre-flight that found a missing value asks
 * first, naming it, and then writes the certificate. One server and one browser for the file; the city acts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { setSetting } from '../support/scenario';
import { excelDate, readSheet } from '../support/workbooks';
import { CITY, bin, launchBrowser, openPage, pickRow, scenarioBook, screenshot, showPanel, startSidebar, type Sidebar, type SidebarServer } from './support/harness';

const BIDI_NAME = '\u202E张三\u202C';
const BIDI_SCHOOL = '\u2066玉溪\u200F一中\u2069';
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

let book: string;
let server: SidebarServer;
let browser: Browser;
let sidebar: Sidebar;
const runs: string[] = [];

beforeAll(async () => {
  book = await scenarioBook([
    { 姓名: BIDI_NAME, 学校: BIDI_SCHOOL, 状态: '初审通过' }, // 2: eligible
    { 姓名: '李四', 状态: '初审通过' }, // 3: eligible
    { 姓名: '赵敏', 班主任累计年限: '4年', 状态: '初审通过' }, // 4: not eligible: 评审通过 refused
    { 姓名: '王五', 状态: '评审未通过' }, // 5: terminal
    { 姓名: '周六', 状态: '评审通过' }, // 6: ready for publicity
    { 姓名: '孙七', 状态: '已认定', 认定日期: excelDate('2025-06-10'), 证书编号: '玉教班〔2025〕001号' }, // 7: certificate ready
    { 姓名: '钱八', 状态: '已认定', 认定日期: excelDate('2025-06-10') }, // 8: certificate lacks 证书编号
  ]);
  // The default templates beside the book (offline a template or folder id is a path from there).
  execFileSync(process.execPath, [bin, 'templates', '--out', join(dirname(book), '模板')]);
  await setSetting(book, '证书模板', '模板/荣誉证书.docx');
  mkdirSync(join(dirname(book), '证书'));
  await setSetting(book, '文档文件夹', '证书');
  browser = await launchBrowser();
  server = await startSidebar(book, CITY, '2025-09-26');
  sidebar = await openPage(browser, server.url, {
    before: async (page) => {
      page.on('request', (request: Request) => {
        if (new URL(request.url()).pathname === '/api/run') runs.push((JSON.parse(request.postData() ?? '{}') as { name: string }).name);
      });
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Column `name` of the sheet's rows (header row first). */
async function column(sheet: string, name: string): Promise<unknown[]> {
  const { rows } = await readSheet(book, sheet);
  const index = (rows[0] as string[]).indexOf(name);
  return rows.map((row) => (row as unknown[])[index]);
}

/** Every text and attribute value in the sidebar's frame holding a bidirectional control character. */
function bidiInFrame(): Promise<string[]> {
  return sidebar.frame.evaluate((source) => {
    const pattern = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (pattern.test(node.textContent ?? '')) found.push(JSON.stringify(node.textContent));
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of element.attributes) if (pattern.test(attribute.value)) found.push(`${attribute.name}=${JSON.stringify(attribute.value)}`);
    }
    return found;
  }, BIDI.source);
}

test('a name with bidirectional control characters shows without them in 当前行', async () => {
  await pickRow(sidebar.page, 2);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '张三' }).waitFor();
  await expect(panel.locator('.row-name').textContent()).resolves.toBe('张三');
  await expect(panel.locator('.details').textContent()).resolves.toContain('玉溪一中');
  expect(await bidiInFrame()).toEqual([]);
});

test('批量: a move of three rows waits for a confirm naming it and the count, lists the refusal and is saved', async () => {
  await pickRow(sidebar.page, 4, ['Shift']);
  await showPanel(sidebar, '批量');
  const panel = sidebar.locator.locator('#panel-batch');
  await panel.getByRole('list', { name: '所选行' }).filter({ hasText: '第4行' }).waitFor();
  const form = panel.getByRole('form', { name: '批量操作' });
  await form.getByLabel('改为').selectOption({ label: '评审通过' });
  const before = runs.length;
  await form.getByRole('button', { name: '对所选 3 行执行' }).click();
  const confirm = form.getByRole('group', { name: '对所选 3 行执行“评审通过”？' });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('改为：评审通过');
  await screenshot(sidebar.page, 'confirm-1-batch');
  // 取消 runs nothing and gives the focus back to the form's button.
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm.count()).resolves.toBe(0);
  await expect(form.getByRole('button', { name: '对所选 3 行执行' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  expect(runs.slice(before).filter((name) => name === 'sidebarMove')).toEqual([]);

  await form.getByRole('button', { name: '对所选 3 行执行' }).click();
  await confirm.getByRole('button', { name: '确认对 3 行执行' }).click();
  const moved = panel.getByRole('list', { name: '已完成' });
  await moved.waitFor();
  expect(runs.slice(before).filter((name) => name === 'sidebarMove')).toEqual(['sidebarMove']);
  const movedText = await moved.textContent();
  expect(movedText).toContain('第2行 张三：初审通过→评审通过');
  expect(movedText).toContain('第3行 李四：初审通过→评审通过');
  await expect(panel.getByRole('list', { name: '未执行' }).textContent()).resolves.toContain('第4行');
  await expect(panel.getByRole('list', { name: '本次写入的操作记录' }).textContent()).resolves.toContain('张三');
  await screenshot(sidebar.page, 'confirm-2-batch-done');
  expect((await column('推荐名单', '状态')).slice(1, 4)).toEqual(['评审通过', '评审通过', '初审通过']);
  // The outcome and the audit lines carry the name too: still no bidi control anywhere.
  expect(await bidiInFrame()).toEqual([]);
});

test('a terminal row says why it offers no move', async () => {
  await showPanel(sidebar, '当前行');
  await pickRow(sidebar.page, 5);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '王五' }).waitFor();
  await expect(panel.locator('.no-moves').textContent()).resolves.toContain('“评审未通过”是终止状态');
  await expect(panel.getByText('你不能对这一行做任何操作。').count()).resolves.toBe(0);
});

test('the 公示中 form names the target state, shows the computed 公示截止, warns on a holiday start; 取消 returns the focus', async () => {
  await pickRow(sidebar.page, 6);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '周六' }).waitFor();
  const opener = panel.getByRole('button', { name: '开始公示', exact: true });
  await opener.click();
  const form = panel.getByRole('form', { name: '改为“开始公示”' });
  await expect(form.locator('.move-title').textContent()).resolves.toBe('周六：评审通过→公示中');
  const preview = form.locator('.publicity-preview');
  // 2025: 10-01..10-08 off, Sunday 9-28 and Saturday 10-11 working days.
  await form.getByLabel('公示开始日期').fill('2025-09-28');
  await preview.filter({ hasText: '公示截止：2025-10-10（5 个工作日）' }).waitFor();
  expect(await preview.textContent()).not.toContain('不是工作日');
  await form.getByLabel('公示开始日期').fill('2025-10-01');
  await preview.filter({ hasText: '2025-10-01 不是工作日，公示从 2025-10-09 起算' }).waitFor();
  await expect(preview.textContent()).resolves.toContain('公示截止：2025-10-14');
  await screenshot(sidebar.page, 'confirm-3-publicity-form');
  await form.getByRole('button', { name: '取消' }).click();
  await expect(form.count()).resolves.toBe(0);
  await expect(opener.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
});

test('a reason field takes at most 500 characters', async () => {
  await pickRow(sidebar.page, 4);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '赵敏' }).waitFor();
  await panel.getByRole('button', { name: '评审不通过', exact: true }).click();
  const reason = panel.getByRole('form', { name: '改为“评审不通过”' }).getByLabel('理由（必填）');
  await expect(reason.getAttribute('maxlength')).resolves.toBe('500');
  await reason.fill('理'.repeat(600));
  await expect(reason.inputValue()).resolves.toHaveLength(500);
  await panel.getByRole('button', { name: '取消' }).click();
});

test('提醒: turning them on and off asks first, naming who turned them on; each writes its 操作记录 line', async () => {
  await showPanel(sidebar, '提醒');
  const panel = sidebar.locator.locator('#panel-reminders');
  const toggle = panel.getByRole('switch', { name: '每日提醒' });
  await toggle.waitFor();
  await expect(toggle.isChecked()).resolves.toBe(false);
  // The preview's count is the emails that would go out (as `banzhuren reminders preview` says), one per digest shown.
  const digests = await panel.locator('.digest').count();
  const sent = panel.locator('dt', { hasText: '将发出' }).locator('xpath=following-sibling::dd[1]');
  await expect(sent.textContent()).resolves.toBe(`${digests} 封`);
  const before = runs.length;
  await toggle.click();
  const askOn = panel.getByRole('group', { name: '开启每日提醒？' });
  await askOn.waitFor();
  await expect(toggle.isChecked()).resolves.toBe(false);
  expect(runs.slice(before)).not.toContain('sidebarSetReminders');
  await askOn.getByRole('button', { name: '确认开启' }).click();
  await panel.locator('#reminders-state', { hasText: `已开启（由 ${CITY} 开启）` }).waitFor();
  await expect(toggle.isChecked()).resolves.toBe(true);
  expect((await column('操作记录', '说明')).at(-1)).toBe('开启每日提醒');

  await toggle.click();
  const askOff = panel.getByRole('group', { name: '关闭每日提醒？' });
  await askOff.waitFor();
  expect(await askOff.textContent()).toContain(`提醒由 ${CITY} 开启`);
  await screenshot(sidebar.page, 'confirm-4-reminders-off');
  await askOff.getByRole('button', { name: '取消' }).click();
  await expect(toggle.isChecked()).resolves.toBe(true);
  await expect(toggle.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
  expect(runs.slice(before).filter((name) => name === 'sidebarSetReminders')).toHaveLength(1);

  await toggle.click();
  await askOff.getByRole('button', { name: '确认关闭' }).click();
  await panel.locator('#reminders-state', { hasText: '未开启' }).waitFor();
  await expect(toggle.isChecked()).resolves.toBe(false);
  expect((await column('操作记录', '说明')).at(-1)).toBe('关闭每日提醒');
});

test('证书: the pre-flight says it generated nothing; 开始生成 after it found a missing value asks first, naming the row', async () => {
  await showPanel(sidebar, '证书与考核表');
  const panel = sidebar.locator.locator('#panel-documents');
  await panel.getByRole('button', { name: '预检' }).click();
  const missing = panel.getByRole('list', { name: '缺少的值' });
  await missing.waitFor();
  expect(await missing.textContent()).toContain('第8行 钱八：证书编号');
  const checked = await panel.textContent();
  expect(checked).toContain('预检结果（未生成任何文件）');
  expect(checked).toContain('将生成2 行');
  expect(checked).not.toContain('是否完成');

  const before = runs.length;
  await panel.getByRole('button', { name: '开始生成' }).click();
  const ask = panel.getByRole('group', { name: '预检发现 1 个问题，仍然生成荣誉证书？' });
  await ask.waitFor();
  expect(await ask.textContent()).toContain('第8行 钱八 缺少：证书编号');
  await screenshot(sidebar.page, 'confirm-5-documents');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(panel.getByRole('button', { name: '开始生成' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  expect(runs.slice(before)).not.toContain('sidebarDocuments');

  await panel.getByRole('button', { name: '开始生成' }).click();
  await ask.getByRole('button', { name: '仍然生成' }).click();
  const created = panel.getByRole('list', { name: '新生成的文件' });
  await created.waitFor();
  expect(await created.textContent()).toContain('第7行 孙七');
  expect(runs.slice(before).filter((name) => name === 'sidebarDocuments')).toEqual(['sidebarDocuments']);
  const folder = join(dirname(book), '证书');
  expect(existsSync(folder) && readdirSync(folder).some((file) => file.includes('孙七') && file.endsWith('.docx'))).toBe(true);
});
