/**
 * The host page's data and notices, on a running `banzhuren sidebar`: /api/table shows 身份证号 and
 * 联系电话 masked (尾号…) and no direction-control characters; the banner says that without --as the
 * page can only look, that the file is open in Excel/WPS (the console says so too), and that
 * reminders turned on go out offline only through `banzhuren tick`. And the table's click
 * arithmetic (the host page's own nextSelection): Shift-click extends from the anchor while
 * keeping rows Ctrl-clicked before, as Google Sheets keeps earlier ranges.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SELECTION_SCRIPT } from '../../local/sidebar/host-page';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { startSidebar, type RunningSidebar } from './sidebar-server';

const CITY = 'city@yuxi.edu.cn';

interface Table {
  header: string[];
  rows: { row: number; cells: string[] }[];
  notices: string[];
  file: string;
}

async function table(server: RunningSidebar): Promise<Table> {
  const answer = await server.send('GET', '/api/table', { 'X-Banzhuren-Token': server.token });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as Table;
}

describe('with --as', () => {
  const folder = temporaryFolder();
  const book = join(folder, '推荐名单.xlsx');
  let server: RunningSidebar;
  beforeAll(async () => {
    await scenarioWorkbook(book, [candidate({ 姓名: '\u202e张丽\u2066', 学校: '玉溪第一中学（电话 138 1234 5678）' }), candidate({ 姓名: '王强', 身份证号: '', 联系电话: '' })], [[CITY, '市级']]);
    server = await startSidebar(book, ['--as', CITY, '--today', '2024-09-02']);
  });
  afterAll(async () => {
    expect((await server.stop()).code).toBe(0);
  });

  test('身份证号 and 联系电话 masked, long numbers elsewhere hidden, direction controls removed', async () => {
    const view = await table(server);
    const column = (name: string) => view.header.indexOf(name);
    const first = view.rows[0]?.cells ?? [];
    expect(first[column('身份证号')]).toBe('尾号002X');
    expect(first[column('联系电话')]).toBe('尾号5678');
    expect(first[column('姓名')]).toBe('张丽');
    expect(JSON.stringify(view)).not.toMatch(/11010519491231002X|13812345678|138 1234 5678|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    const second = view.rows[1]?.cells ?? [];
    expect([second[column('身份证号')], second[column('联系电话')]]).toEqual(['', '']);
  });

  test('the banner: the file open in Excel/WPS (a console line), reminders on need banzhuren tick', async () => {
    expect((await table(server)).notices).toEqual([]);
    const owner = join(folder, '~$推荐名单.xlsx');
    writeFileSync(owner, 'owner');
    try {
      const notices = (await table(server)).notices;
      expect(notices).toEqual([expect.stringContaining('正在被 Excel/WPS 打开')]);
      expect(notices[0]).toContain('这里的操作仍会执行并保存到文件');
      await server.stderrHolds('提示：推荐名单.xlsx 正在被 Excel/WPS 打开');
    } finally {
      rmSync(owner);
    }
    expect((await table(server)).notices).toEqual([]);
    expect(await server.run('sidebarSetReminders', [true])).toEqual(expect.objectContaining({ ok: true, value: expect.objectContaining({ on: true }) }));
    expect((await table(server)).notices).toEqual([expect.stringContaining('提醒只在运行 banzhuren tick 推荐名单.xlsx 时发出')]);
    expect((await server.run('sidebarSetReminders', [false])).ok).toBe(true);
    expect((await table(server)).notices).toEqual([]);
  });
});

test('without --as the banner says the page can only look', async () => {
  const book = join(temporaryFolder(), '名单.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' })], [[CITY, '市级']]);
  const server = await startSidebar(book, ['--today', '2024-09-02']);
  try {
    expect((await table(server)).notices).toEqual(['未指定 --as：只能查看；用 --as 邮箱 重新启动后才能修改']);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
});

describe('the table\'s clicks (the host page\'s nextSelection)', () => {
  type State = { selected: number[]; anchor: number | null; base: number[] };
  const nextSelection = new Function(`${SELECTION_SCRIPT}; return nextSelection;`)() as (state: State, row: number, keys: { shift?: boolean; toggle?: boolean }, shown: number[]) => State;
  const shown = [2, 3, 4, 5, 6, 7, 8, 9];
  const click = (state: State, row: number, keys: { shift?: boolean; toggle?: boolean } = {}) => nextSelection(state, row, keys, shown);
  const start: State = { selected: [], anchor: null, base: [] };

  test('click, Ctrl-click, then Shift-click keeps the Ctrl-clicked row and extends from the anchor', () => {
    let state = click(start, 2);
    state = click(state, 5, { toggle: true });
    state = click(state, 7, { shift: true });
    expect(state.selected).toEqual([2, 5, 6, 7]);
    // A second Shift-click re-extends from the same anchor: the range shrinks, the earlier row stays.
    state = click(state, 6, { shift: true });
    expect(state.selected).toEqual([2, 5, 6]);
  });

  test('a plain click starts over; Ctrl-click toggles off; Shift-click without an anchor selects the row', () => {
    expect(click(click(start, 3, { shift: true }), 4).selected).toEqual([4]);
    expect(click(start, 3, { shift: true }).selected).toEqual([3]);
    expect(click(click(click(start, 2), 4, { toggle: true }), 2, { toggle: true }).selected).toEqual([4]);
    let state = click(start, 8);
    state = click(state, 3, { shift: true });
    expect(state.selected).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
