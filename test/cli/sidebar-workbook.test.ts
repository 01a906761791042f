/**
 * `banzhuren sidebar` and the workbook: an action saves the file (状态 and an 操作记录 row), a call
 * that changes nothing leaves the file's bytes alone, another program's change made between two
 * calls is read by the next one, and Ctrl-C during a call lets that call finish and save before
 * the server says 已停止 and exits 0 (the call is held on the workbook's lock, so no timing is involved).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireFileLock } from '../../local/runtime/file-lock';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';
import { startSidebar, type RunningSidebar } from './sidebar-server';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';
const PERMISSIONS: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区']];

/** 推荐名单's 状态 by row number, and 操作记录's data rows. */
async function stateOf(book: string): Promise<{ states: Record<number, unknown>; log: unknown[][] }> {
  const { rows } = await readSheet(book, '推荐名单');
  const state = (rows[0] as string[]).indexOf('状态');
  const states = Object.fromEntries(rows.slice(1).map((row, index) => [index + 2, row[state] ?? '']));
  const log = (await readSheet(book, '操作记录')).rows.slice(1).filter((row) => row.some((cell) => cell !== ''));
  return { states, log };
}

async function scenario(name: string): Promise<string> {
  const book = join(temporaryFolder(), name);
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' }), candidate({ 姓名: '王强', '县（市、区）': '市直学校', 学校: '玉溪师范学院附属中学' })], PERMISSIONS);
  return book;
}

describe('calls and saves', () => {
  let book: string;
  let server: RunningSidebar;
  beforeAll(async () => {
    book = await scenario('保存.xlsx');
    server = await startSidebar(book, ['--as', CITY, '--today', '2024-09-02']);
  });
  afterAll(async () => {
    expect((await server.stop()).code).toBe(0);
  });

  test('a call that reads only leaves the file byte for byte as it was', async () => {
    const before = readFileSync(book);
    expect((await server.run('sidebarSettings')).ok).toBe(true);
    expect((await server.run('sidebarCalendarInfo')).ok).toBe(true);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('a move saves the workbook: 状态 changed and one 操作记录 row', async () => {
    const answer = await server.run('sidebarMove', [{ sheetName: '推荐名单', rows: [3], to: '评审通过', reason: '' }]);
    expect(answer).toEqual({ ok: true, value: expect.objectContaining({ moved: [expect.objectContaining({ row: 3, name: '王强', to: '评审通过' })], refused: [] }) });
    const { states, log } = await stateOf(book);
    expect(states[3]).toBe('评审通过');
    expect(states[2]).toBe('');
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual(expect.arrayContaining([CITY, '王强', '评审通过']));
  });

  test('another program\'s change between two calls is seen by the next call', async () => {
    const before = (await stateOf(book)).log;
    const stateOfRow2 = async () => {
      const table = JSON.parse((await server.send('GET', '/api/table', { 'X-Banzhuren-Token': server.token })).body) as { header: string[]; rows: { row: number; cells: string[] }[] };
      return table.rows.find((row) => row.row === 2)?.cells[table.header.indexOf('状态')];
    };
    expect(await stateOfRow2()).toBe('');
    const other = runCli(['advance', book, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-03']);
    expect(other.code).toBe(0);
    const after = (await stateOf(book)).log;
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toEqual(expect.arrayContaining([HONGTA, '张丽', '初审通过']));
    expect(await stateOfRow2()).toBe('初审通过');
    // And this server's next move builds on it (a city review of the county's pass), saved again.
    expect((await server.run('sidebarMove', [{ sheetName: '推荐名单', rows: [2], to: '评审通过', reason: '' }])).ok).toBe(true);
    const { states, log } = await stateOf(book);
    expect(states[2]).toBe('评审通过');
    expect(log).toHaveLength(3);
  });
});

test('Ctrl-C during a call: the call finishes and saves, then 已停止 and exit 0', async () => {
  const book = await scenario('停止.xlsx');
  const server = await startSidebar(book, ['--as', CITY, '--today', '2024-09-02']);
  // Another process holds the workbook: the call waits for it, which is when Ctrl-C comes.
  const lock = await acquireFileLock(`${book}.lock`);
  const answer = server.run('sidebarMove', [{ sheetName: '推荐名单', rows: [3], to: '评审通过', reason: '' }]);
  await server.stderrHolds('正在等待');
  server.child.kill('SIGINT');
  lock.release();
  expect(await answer).toEqual({ ok: true, value: expect.objectContaining({ moved: [expect.objectContaining({ row: 3 })] }) });
  const exit = await server.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.stdout().trim().split('\n').pop()).toBe('已停止');
  expect((await stateOf(book)).states[3]).toBe('评审通过');
});
