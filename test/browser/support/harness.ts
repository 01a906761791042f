/**
 * The browser tests' shared harness: headless Chromium through playwright-core (Debian's
 * chromium-headless-shell, or CHROMIUM_PATH), the real `banzhuren sidebar` command (built CLI) on
 * a copy of a scenario workbook with --port 0, and the sidebar's frame on the local page. A missing
 * Chromium fails the test with the install command; it is never skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { candidate, scenarioWorkbook } from '../../support/scenario';
import { temporaryFolder } from '../../support/workbooks';

const root = join(__dirname, '..', '..', '..');
/** The built CLI. */
export const bin = join(root, 'bin', 'banzhuren.js');

/** Where screenshots go (git-ignored). */
export const RESULTS = join(root, 'test-results');

/** The panels, in order: the visible name of the navigation button and the section's id. */
export const PANELS: [string, string][] = [
  ['当前行', 'panel-current'], ['批量', 'panel-batch'], ['公示', 'panel-publicity'], ['证书与考核表', 'panel-documents'], ['履职', 'panel-duties'],
  ['工作室', 'panel-studios'], ['提醒', 'panel-reminders'], ['统计', 'panel-statistics'], ['设置', 'panel-settings'],
];

export const CITY = 'city@yuxi.edu.cn';
export const HONGTA = 'ht@yuxi.edu.cn';
export const SCHOOL = 'school@yuxi.edu.cn';
export const PERMISSIONS: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区'], ['jc@yuxi.edu.cn', '江川区'], [SCHOOL, '学校', '玉溪第一中学']];

/** The install command a missing Chromium names. */
export const INSTALL_HINT = '找不到 Chromium：请安装 sudo apt-get install chromium-headless-shell fonts-wqy-microhei';

/** Chromium's executable: CHROMIUM_PATH, else Debian's headless shell. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
}

/** Launches headless Chromium, or fails with the install command when it is not there. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`${INSTALL_HINT}（或用 CHROMIUM_PATH 指定；没有找到 ${executablePath}）`);
  return chromium.launch({ executablePath });
}

/** A scenario book in a fresh folder: `banzhuren init`, the candidates from row 2, and 权限. */
export async function scenarioBook(candidates: Record<string, unknown>[], permissions = PERMISSIONS): Promise<string> {
  const book = join(temporaryFolder(), '推荐名单.xlsx');
  await scenarioWorkbook(book, candidates.map((changes) => candidate(changes)), permissions);
  return book;
}

/** A running `banzhuren sidebar`. */
export interface SidebarServer {
  url: string;
  child: ChildProcess;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends SIGINT and resolves with the exit code and output once it stopped. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `banzhuren sidebar BOOK --port 0 --as EMAIL --today DATE` and waits for its address. */
export function startSidebar(book: string, as: string, today: string): Promise<SidebarServer> {
  const child = spawn(process.execPath, [bin, 'sidebar', book, '--port', '0', '--as', as, '--today', today], {
    env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`banzhuren sidebar 提前退出（${code}）：\n${stdout}\n${stderr}`));
    child.once('exit', onExit);
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const found = stdout.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (!found) return;
      child.removeListener('exit', onExit);
      resolve({
        url: found[0],
        child,
        output: () => ({ stdout, stderr }),
        async stop() {
          if (child.exitCode === null) child.kill('SIGINT');
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    });
  });
}

/** The sidebar's frame on the local page (its locator for actions, its Frame for evaluate). */
export interface Sidebar {
  page: Page;
  locator: FrameLocator;
  frame: Frame;
}

/** Opens the local page and waits until the sidebar has answered sidebarOpen (its user line shows). */
export async function openPage(browser: Browser, url: string, options: { width?: number; before?: (page: Page) => Promise<void> } = {}): Promise<Sidebar> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: 900 } });
  if (options.before) await options.before(page);
  await page.goto(url);
  const locator = page.frameLocator('#sidebar-frame');
  await locator.locator('#user-line').filter({ hasText: '当前用户' }).waitFor();
  const frame = page.frames().find((each) => each.url().endsWith('/sidebar'));
  if (!frame) throw new Error('页面上没有助手的 iframe');
  return { page, locator, frame };
}

/** Clicks the host table's row `row` (a plain click selects only that row). */
export async function pickRow(page: Page, row: number, modifiers: ('Control' | 'Shift')[] = []): Promise<void> {
  await page.locator(`#nomination-table tr[data-row="${row}"]`).click({ modifiers });
  await page.locator(`#nomination-table tr[data-row="${row}"][aria-selected="true"]`).waitFor();
}

/** Shows a panel by clicking its navigation button. */
export async function showPanel(sidebar: Sidebar, name: string): Promise<void> {
  await sidebar.locator.getByRole('button', { name, exact: true }).click();
}

/** Saves a screenshot of the sidebar's frame (or the whole page) under test-results/. */
export async function screenshot(page: Page, name: string, what: 'sidebar' | 'page' = 'sidebar'): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  if (what === 'page') await page.screenshot({ path, fullPage: true });
  else await page.locator('#sidebar-frame').screenshot({ path });
}
