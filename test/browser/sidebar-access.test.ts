/**
 * Every panel of the sidebar, shown from the keyboard, in the local page's 300 px frame: each
 * control has an accessible name, Tab reaches every enabled control, nothing scrolls or sticks
 * out sideways (long names and emails wrap), and a screenshot of each panel lands in
 * test-results/. The city official, two rows selected, so every panel has its controls.
 */
import type { Browser } from 'playwright-core';
import { excelDate } from '../support/workbooks';
import { CITY, PANELS, launchBrowser, openPage, pickRow, scenarioBook, screenshot, startSidebar, type Sidebar, type SidebarServer } from './support/harness';

const LONG = '阿卜杜热合曼·买买提艾力江·热西提阿卜杜热合曼·买买提艾力江·热西提阿卜杜热合曼';
const LONG_SCHOOL = 'averyveryveryverylongschoolnamewithoutanyspacesatallaaaaaaaaaaaaaaaaaaaaaaaaaa';

let server: SidebarServer;
let browser: Browser;
let sidebar: Sidebar;

beforeAll(async () => {
  const book = await scenarioBook([
    { 姓名: LONG, 学校: LONG_SCHOOL, 电子邮箱: 'a.very.long.email.address.for.wrapping.tests@some-county-school.yuxi.edu.cn' },
    { 姓名: '赵敏', 班主任累计年限: '4年', 状态: '初审通过' },
    { 姓名: '王强', 状态: '已认定', 认定日期: excelDate('2025-06-10'), 证书编号: '玉教班〔2025〕001号' },
  ]);
  browser = await launchBrowser();
  server = await startSidebar(book, CITY, '2025-09-26');
  sidebar = await openPage(browser, server.url);
  await pickRow(sidebar.page, 2);
  await pickRow(sidebar.page, 3, ['Control']);
  await sidebar.locator.locator('#panel-current .row-name', { hasText: LONG }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The visible controls of the frame with no accessible name, described. */
async function unnamedControls(): Promise<string[]> {
  return sidebar.frame.evaluate(() => {
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null || (element as HTMLElement).getClientRects().length > 0;
    const named = (element: Element): boolean => {
      if (element.getAttribute('aria-label')?.trim()) return true;
      const by = element.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
        return [...(element.labels ?? [])].some((label) => label.textContent?.trim());
      }
      return Boolean(element.textContent?.trim());
    };
    return [...document.querySelectorAll('button, input, select, textarea, summary, a[href], [tabindex]')]
      .filter(visible)
      .filter((element) => !named(element))
      .map((element) => element.outerHTML.slice(0, 120));
  });
}

/** The visible enabled controls Tab never reached, pressing Tab from the first navigation button. */
async function unreachedControls(): Promise<string[]> {
  const total = await sidebar.frame.evaluate(() => {
    (window as unknown as { reached: Set<Element> }).reached = new Set();
    document.addEventListener('focusin', (event) => (window as unknown as { reached: Set<Element> }).reached.add(event.target as Element));
    return document.querySelectorAll('button, input, select, textarea, summary, a[href]').length;
  });
  await sidebar.locator.locator('#panel-nav button').first().focus();
  for (let index = 0; index < total + 3; index += 1) await sidebar.page.keyboard.press('Tab');
  return sidebar.frame.evaluate(() => {
    const reached = (window as unknown as { reached: Set<Element> }).reached;
    const controls = [...document.querySelectorAll('button, input, select, textarea, summary, a[href]')] as HTMLElement[];
    return controls
      .filter((element) => element.getClientRects().length > 0 && !(element as HTMLButtonElement).disabled)
      .filter((element) => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked)) // a radio group is one Tab stop
      .filter((element) => !reached.has(element))
      .map((element) => element.outerHTML.slice(0, 120));
  });
}

/** Scroll width against client width, and any visible element whose right edge passes the frame's. */
async function overflow(): Promise<{ scrollWidth: number; clientWidth: number; sticking: string[] }> {
  return sidebar.frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.outerHTML.slice(0, 80));
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, sticking };
  });
}

test('the sidebar frame is 300 px wide', async () => {
  const width = await sidebar.frame.evaluate(() => document.documentElement.clientWidth);
  expect(width).toBeLessThanOrEqual(300);
  expect(width).toBeGreaterThan(280);
});

test.each(PANELS)('panel %s: shown from the keyboard, loaded, labelled, reachable by Tab, fits 300 px', async (name, id) => {
  const button = sidebar.locator.getByRole('button', { name, exact: true });
  await button.focus();
  await sidebar.page.keyboard.press(name === '批量' ? 'Space' : 'Enter');
  const section = sidebar.locator.locator(`#${id}`);
  await section.waitFor({ state: 'visible' });
  await expect(button.getAttribute('aria-current')).resolves.toBe('true');
  // Loaded: the panel's loading line is empty again, and no error is shown.
  await sidebar.frame.waitForFunction((panel) => document.querySelector(`#${panel} > [role="status"]`)?.textContent === '', id);
  const alerts = await section.locator('[role="alert"]:visible').allTextContents();
  expect(alerts).toEqual([]);
  expect(await sidebar.frame.locator('section.panel:visible').count()).toBe(1);

  expect(await unnamedControls()).toEqual([]);
  expect(await unreachedControls()).toEqual([]);
  const fit = await overflow();
  expect(fit.sticking).toEqual([]);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  await screenshot(sidebar.page, `panel-${PANELS.findIndex(([each]) => each === name) + 1}-${id.replace('panel-', '')}`);
});

test('the host table scrolled: its header row sticks at the very top of the table area, no data row shows above or through it', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 110 } });
  try {
    await page.goto(server.url);
    await page.locator('#nomination-table tbody tr').first().waitFor();
    const seen = await page.evaluate(() => {
      const area = document.querySelector('#table-area') as HTMLElement;
      area.scrollTop = area.scrollHeight;
      const top = area.getBoundingClientRect().top;
      const header = document.querySelector('#nomination-table thead th:nth-child(3)') as HTMLElement;
      const x = header.getBoundingClientRect().left + 5;
      const at = (y: number) => document.elementFromPoint(x, y)?.closest('thead, tbody')?.tagName ?? 'none';
      return { scrolled: area.scrollTop > 0, gap: header.getBoundingClientRect().top - top, points: [at(top + 0.5), at(top + 3), at(top + 12)] };
    });
    expect(seen).toEqual({ scrolled: true, gap: 0, points: ['THEAD', 'THEAD', 'THEAD'] });
  } finally {
    await page.close();
  }
});
