/**
 * The sidebar in a real browser against the real `banzhuren sidebar` (issue 11 §5): opening makes
 * exactly one server call; picking a row in the host table shows its findings (picked up by the
 * selection poll); a move with a reason writes the 操作记录 row and the new state, in the page and
 * in the saved .xlsx; a publicity started from the sidebar across National Day 2025 ends on the
 * working-day calendar's date; a row named like an HTML tag shows as text and runs nothing.
 * One server and one browser for the whole file; the city official acts.
 */
import type { Browser, Request } from 'playwright-core';
import { readSheet } from '../support/workbooks';
import { CITY, launchBrowser, openPage, pickRow, scenarioBook, screenshot, showPanel, startSidebar, type Sidebar, type SidebarServer } from './support/harness';

const XSS = '<img src=x onerror=alert(1)>';
const TODAY = '2025-09-26';

let book: string;
let server: SidebarServer;
let browser: Browser;
let sidebar: Sidebar;
const dialogs: string[] = [];
const runs: string[] = [];

beforeAll(async () => {
  book = await scenarioBook([
    { 姓名: '张丽', 状态: '评审通过' }, // 2: eligible, ready for publicity
    { 姓名: '赵敏', 班主任累计年限: '4年', 状态: '初审通过' }, // 3: not eligible (四（一） years)
    { 姓名: XSS, 学校: '<b>粗体</b>学校' }, // 4: hostile text
    { 姓名: '李华', '县（市、区）': '江川区', 学校: '江川一小', 学段: '小学' }, // 5
  ]);
  browser = await launchBrowser();
  server = await startSidebar(book, CITY, TODAY);
  sidebar = await openPage(browser, server.url, {
    before: async (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request: Request) => {
        if (new URL(request.url()).pathname === '/api/run') runs.push((JSON.parse(request.postData() ?? '{}') as { name: string }).name);
      });
    },
  });
});

afterAll(async () => {
  await browser?.close();
  const stopped = await server?.stop();
  if (stopped) expect(stopped.stdout).toContain('已停止');
});

test('opening the sidebar makes exactly one server call, sidebarOpen', async () => {
  // openPage waited for sidebarOpen's answer; the poll starts 2 s after it, so nothing else ran yet.
  expect(runs).toEqual(['sidebarOpen']);
  await expect(sidebar.locator.locator('#user-line').textContent()).resolves.toContain(CITY);
});

test('picking a row shows its verdict and findings with their clauses (the poll picks the selection up)', async () => {
  await pickRow(sidebar.page, 3);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '赵敏' }).waitFor();
  expect(runs.slice(1).every((name) => name === 'sidebarSelection')).toBe(true);
  const text = await panel.textContent();
  expect(text).toContain('初审通过');
  expect(text).toContain('不符合');
  const findings = await panel.getByRole('list', { name: '审查意见' }).textContent();
  expect(findings).toContain('四（一）');
  expect(findings).toContain('4年');
  // 评审通过 needs 符合: shown, disabled, with the reason beside it.
  const pass = panel.getByRole('button', { name: '评审通过', exact: true });
  await expect(pass.isDisabled()).resolves.toBe(true);
  await screenshot(sidebar.page, 'workflow-1-findings');
});

test('a move with a reason shows the outcome, its 操作记录 line and the new state, and is saved', async () => {
  const panel = sidebar.locator.locator('#panel-current');
  await panel.getByRole('button', { name: '评审不通过', exact: true }).click();
  const form = panel.getByRole('form', { name: '改为“评审不通过”' });
  // Without a reason nothing is sent.
  const before = runs.length;
  await form.getByRole('button', { name: '确认评审不通过' }).click();
  await panel.getByRole('alert').filter({ hasText: '须填写理由' }).waitFor();
  expect(runs.slice(before).filter((name) => name === 'sidebarMove')).toEqual([]);
  await form.getByLabel('理由（必填）').fill('=年限不足5年');
  await form.getByRole('button', { name: '确认评审不通过' }).click();
  const audit = panel.getByRole('list', { name: '本次写入的操作记录' });
  await audit.waitFor();
  const line = await audit.textContent();
  expect(line).toContain(CITY);
  expect(line).toContain('赵敏：初审通过→评审未通过');
  expect(line).toContain('理由：=年限不足5年');
  await expect(panel.locator('.details').textContent()).resolves.toContain('评审未通过');
  await screenshot(sidebar.page, 'workflow-2-moved');

  const { rows } = await readSheet(book, '推荐名单');
  const header = rows[0] as string[];
  expect(rows[2]?.[header.indexOf('状态')]).toBe('评审未通过');
  const log = (await readSheet(book, '操作记录')).rows;
  const logHeader = log[0] as string[];
  const last = log[log.length - 1] as unknown[];
  expect([last[logHeader.indexOf('操作人')], last[logHeader.indexOf('姓名')], last[logHeader.indexOf('原状态')], last[logHeader.indexOf('新状态')], last[logHeader.indexOf('说明')]])
    .toEqual([CITY, '赵敏', '初审通过', '评审未通过', '=年限不足5年']);
});

test('the 公示 panel computes the end of a publicity across National Day 2025', async () => {
  await showPanel(sidebar, '公示');
  const panel = sidebar.locator.locator('#panel-publicity');
  // 2025: 10-01..10-08 off, Sunday 9-28 a working day; 5 days from 9-28 are 9-28, 9-29, 9-30, 10-09, 10-10.
  await panel.getByLabel('公示开始日期').fill('2025-09-28');
  await panel.getByLabel('公示工作日数').fill('5');
  await panel.getByRole('button', { name: '计算公示截止日期' }).click();
  await panel.locator('#publicity-end', { hasText: '2025-10-10' }).waitFor();
  await screenshot(sidebar.page, 'workflow-3-publicity');
});

test('a move to 公示中 from 当前行 asks for the start and shows the computed 公示截止', async () => {
  await showPanel(sidebar, '当前行');
  await pickRow(sidebar.page, 2);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.row-name', { hasText: '张丽' }).waitFor();
  await panel.getByRole('button', { name: '开始公示', exact: true }).click();
  const form = panel.getByRole('form', { name: '改为“开始公示”' });
  await form.getByLabel('公示开始日期').fill('2025-09-28');
  await form.getByRole('button', { name: '确认开始公示' }).click();
  await panel.getByRole('list', { name: '本次写入的操作记录' }).waitFor();
  const facts = await panel.locator('.details').textContent();
  expect(facts).toContain('公示中');
  expect(facts).toContain('2025-10-10');
  const { rows } = await readSheet(book, '推荐名单');
  const header = rows[0] as string[];
  expect([rows[1]?.[header.indexOf('状态')], rows[1]?.[header.indexOf('公示截止')]]).toEqual(['公示中', '2025-10-10']);
});

test('生成公示名单 from the 公示 panel lists the row in publicity; 设置 refuses a bad value with its message', async () => {
  await showPanel(sidebar, '公示');
  const publicity = sidebar.locator.locator('#panel-publicity');
  await publicity.getByRole('button', { name: '生成公示名单' }).click();
  const lists = publicity.getByRole('list', { name: '公示名单' });
  await lists.waitFor();
  expect(await lists.textContent()).toContain('1 人');

  await showPanel(sidebar, '设置');
  const settings = sidebar.locator.locator('#panel-settings');
  const form = settings.getByRole('form', { name: '修改设置' });
  await form.getByLabel('设置项').selectOption('评审基准日');
  await form.getByLabel('值').fill('不是日期');
  await form.getByRole('button', { name: '保存' }).click();
  const alert = form.getByRole('alert');
  await alert.filter({ hasText: '评审基准日' }).waitFor();
  await screenshot(sidebar.page, 'workflow-5-setting-refused');
  await showPanel(sidebar, '当前行');
});

test('a row named like an HTML tag shows as text and runs nothing', async () => {
  await pickRow(sidebar.page, 4);
  const panel = sidebar.locator.locator('#panel-current');
  await panel.locator('.details', { hasText: '推荐名单 第4行' }).waitFor();
  await showPanel(sidebar, '批量');
  await sidebar.locator.locator('#panel-batch').getByRole('list', { name: '所选行' }).filter({ hasText: '第4行' }).waitFor();
  await sidebar.page.waitForTimeout(200); // an onerror handler would fire as soon as the broken image fails
  expect(dialogs).toEqual([]);
  expect(await sidebar.frame.locator('img, b').count()).toBe(0);
  expect(await sidebar.page.locator('img').count()).toBe(0);
  await expect(sidebar.locator.locator('#panel-batch').getByRole('list', { name: '所选行' }).textContent()).resolves.toContain(XSS);
  await showPanel(sidebar, '当前行');
  await expect(panel.locator('.row-name').textContent()).resolves.toBe(XSS);
  await expect(panel.locator('.details').textContent()).resolves.toContain('<b>粗体</b>学校');
  await screenshot(sidebar.page, 'workflow-4-hostile-name');
});

test('the selection poll: at most once every 2 s, one call at a time, only while visible, slower after a failure', async () => {
  // A second page whose clock the test moves by hand; its /api/run calls can be held or failed.
  const polls: string[] = [];
  let hold: Promise<void> | undefined;
  let release = (): void => undefined;
  let fail = false;
  const second = await openPage(browser, server.url, {
    before: async (page) => {
      const now = Date.now();
      await page.clock.install({ time: now });
      await page.clock.pauseAt(now);
      await page.route('**/api/run', async (route) => {
        const name = (route.request().postDataJSON() as { name: string }).name;
        if (name !== 'sidebarSelection') return route.continue();
        polls.push(name);
        if (fail) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { name: 'Error', message: '测试：读取失败' } }) });
        if (hold) await hold;
        return route.continue();
      });
    },
  });
  const { page } = second;
  const settle = () => page.waitForTimeout(300); // let a started fetch reach the route (real time; the page's clock is paused)
  await page.clock.runFor(1999);
  await settle();
  expect(polls).toHaveLength(0);
  await page.clock.runFor(1);
  await settle();
  expect(polls).toHaveLength(1);

  // While one poll is unanswered no other starts, however much time passes.
  hold = new Promise((resolve) => (release = resolve));
  await page.clock.runFor(2000);
  await settle();
  expect(polls).toHaveLength(2);
  await page.clock.runFor(20_000);
  await settle();
  expect(polls).toHaveLength(2);
  release();
  hold = undefined;
  await settle();
  await page.clock.runFor(2000);
  await settle();
  expect(polls).toHaveLength(3);

  // Hidden: no polls; visible again: polling resumes.
  const setVisibility = (state: string) => second.frame.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  await page.clock.runFor(20_000);
  await settle();
  expect(polls).toHaveLength(3);
  await setVisibility('visible');
  await page.clock.runFor(1999);
  await settle();
  expect(polls).toHaveLength(3);
  await page.clock.runFor(1);
  await settle();
  expect(polls).toHaveLength(4);

  // A failure doubles the wait (4 s) and says so; a success brings it back to 2 s.
  fail = true;
  await page.clock.runFor(2000);
  await settle();
  const failed = polls.length;
  await second.locator.locator('#poll-status').filter({ hasText: '测试：读取失败' }).waitFor();
  fail = false;
  await page.clock.runFor(3999);
  await settle();
  expect(polls).toHaveLength(failed);
  await page.clock.runFor(1);
  await settle();
  expect(polls).toHaveLength(failed + 1);
  await page.close();
});

test('a selection made in the host table is picked up by the poll', async () => {
  await pickRow(sidebar.page, 5);
  await sidebar.locator.locator('#panel-current .row-name', { hasText: '李华' }).waitFor();
  // Besides the actions the tests took, only the poll called the server.
  const actions = new Set(['sidebarSelection', 'sidebarMove', 'sidebarPublicityPeriod', 'sidebarMakePublicityList', 'sidebarSettings', 'sidebarSaveSetting']);
  expect(runs.filter((name) => !actions.has(name))).toEqual(['sidebarOpen']);
});

test('初始化模板 appears when the pre-flight finds no template, asks first, and the next pre-flight reads the new template', async () => {
  await showPanel(sidebar, '证书与考核表');
  const panel = sidebar.locator.locator('#panel-documents');
  await panel.getByRole('button', { name: '预检' }).click();
  const make = panel.getByRole('button', { name: '初始化模板' });
  await make.waitFor();
  await make.click();
  const ask = panel.getByRole('group', { name: '初始化模板？' });
  await ask.getByRole('button', { name: '确认初始化' }).click();
  await panel.locator('.templates-made').waitFor();
  // The pre-flight's "证书模板为空…初始化模板" no longer holds and is gone.
  await expect(panel.textContent()).resolves.not.toContain('证书模板为空');
  await screenshot(sidebar.page, 'workflow-6-templates');
  expect((await readSheet(book, '操作记录')).rows.length).toBeGreaterThan(1);
  await panel.getByRole('button', { name: '预检' }).click();
  await panel.locator('h3', { hasText: '预检结果（未生成任何文件）' }).waitFor();
  await expect(panel.textContent()).resolves.toContain('证书编号');
});

test('校验全部资格 in 批量 asks first, then writes the 资格审查 of every row', async () => {
  await showPanel(sidebar, '批量');
  const panel = sidebar.locator.locator('#panel-batch');
  await panel.getByRole('button', { name: '校验全部资格' }).click();
  await panel.getByRole('group', { name: '校验全部资格？' }).getByRole('button', { name: '开始校验' }).click();
  await panel.locator('.check-all-result', { hasText: '已校验' }).waitFor();
  const { rows } = await readSheet(book, '推荐名单');
  const verdict = (rows[0] as string[]).indexOf('资格审查');
  expect(rows.slice(1, 5).map((row) => row[verdict])).toEqual(['符合', '不符合', '符合', '符合']);
});
