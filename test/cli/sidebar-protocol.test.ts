/**
 * `banzhuren sidebar`'s protocol and guards, on a running server over a scenario workbook: the
 * host page and /sidebar (shim, token, CSP hashes of every inline script, no CORS), /api/run
 * calling a global and refusing private, unknown and Date-returning ones, /api/table and
 * /api/select, and every refusal (Host, Origin, token, Content-Type, size) leaving the file as it was.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { startSidebar, type Answer, type RunningSidebar } from './sidebar-server';

const HONGTA = 'ht@yuxi.edu.cn';
const folder = temporaryFolder();
const book = join(folder, '推荐名单.xlsx');
let server: RunningSidebar;

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' }), candidate({ 姓名: '<img src=x onerror=alert(1)>' }), candidate({ 姓名: '李华' })], [[HONGTA, '红塔区']]);
  server = await startSidebar(book, ['--as', HONGTA, '--today', '2024-09-02']);
});

afterAll(async () => {
  const exit = await server.stop();
  expect(exit.code).toBe(0);
});

/** The sha256 CSP sources of a page's inline scripts. */
function scriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
}

function expectNoCors(answer: Answer): void {
  expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
}

function api(extra: Record<string, string> = {}): Record<string, string> {
  return { Origin: server.origin, 'Content-Type': 'application/json', 'X-Banzhuren-Token': server.token, ...extra };
}

test('prints its URL, then how to stop it', () => {
  expect(server.stdout().split('\n').slice(0, 2)).toEqual([`本地页面：${server.url}`, '按 Ctrl-C 停止']);
});

test('the host page: token, the table and a 300 px sidebar frame, its inline scripts allowed by hash only', async () => {
  const page = await server.send('GET', '/');
  expect(page.status).toBe(200);
  expect(page.body).toContain(`<meta name="banzhuren-token" content="${server.token}">`);
  expect(page.body).toContain('<table id="nomination-table">');
  expect(page.body).toMatch(/<iframe id="sidebar-frame" title="班主任评选助手" src="\/sidebar"/);
  expect(page.body).toMatch(/#sidebar-frame \{ width: 300px;/);
  // No cell value is in the page's HTML: the script sets every text with textContent.
  expect(page.body).not.toContain('张丽');
  expect(page.body).not.toContain('innerHTML');
  const csp = String(page.headers['content-security-policy']);
  const hashes = scriptHashes(page.body);
  expect(hashes).toHaveLength(1);
  expect(csp).toContain(`script-src ${hashes.join(' ')};`);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect(page.headers['referrer-policy']).toBe('no-referrer');
  expectNoCors(page);
});

test('/sidebar is dist/sidebar.html with the token and the shim right after <head>', async () => {
  const page = await server.send('GET', '/sidebar', { Origin: server.origin });
  expect(page.status).toBe(200);
  const built = readFileSync(join(__dirname, '..', '..', 'dist', 'sidebar.html'), 'utf8');
  const head = built.indexOf('<head>') + '<head>'.length;
  expect(page.body.startsWith(built.slice(0, head) + `\n<meta name="banzhuren-token" content="${server.token}">\n<script>`)).toBe(true);
  expect(page.body.endsWith(built.slice(head))).toBe(true);
  const shim = /<script>([\s\S]*?)<\/script>/.exec(page.body)?.[1] ?? '';
  const names = JSON.parse(/var NAMES = (\[.*\]);/.exec(shim)?.[1] ?? '[]') as string[];
  expect(names).toEqual(expect.arrayContaining(['sidebarMove', 'sidebarSettings', 'advanceSelectedRows', 'sidebarCalendarInfo', 'sidebarPublicityPeriod', 'sidebarOpen']));
  // The CLI-only globals end in `_` (private on Google), so the page is not offered them.
  expect(names.filter((name) => name.startsWith('runAdvance') || name.startsWith('readAuditLog'))).toEqual([]);
  expect(names.filter((name) => name.endsWith('_') || name.startsWith('__'))).toEqual([]);
  expect(shim).toContain("'X-Banzhuren-Token': token");
  expect(shim).toMatch(/withSuccessHandler[\s\S]*withFailureHandler[\s\S]*withUserObject/);
  const csp = String(page.headers['content-security-policy']);
  for (const hash of scriptHashes(page.body)) expect(csp).toContain(hash);
  expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  expectNoCors(page);
});

test('/api/run calls a global and answers its value', async () => {
  const info = await server.run('sidebarCalendarInfo');
  expect(info.ok).toBe(true);
  expect(info.value).toEqual(expect.objectContaining({ publicityDays: 5 }));
  expect(await server.run('sidebarPublicityPeriod', ['2024-09-27', 5])).toEqual({ ok: true, value: expect.objectContaining({ end: '2024-10-09' }) });
  expect(await server.run('sidebarDocumentProgress')).toEqual({ ok: true, value: { message: '没有正在进行的生成任务' } });
});

test('/api/run: a function that throws, a private name, an unknown name and a Date returned are clear failures', async () => {
  const thrown = await server.run('sidebarMove', [{ sheetName: '推荐名单', rows: [2], to: '没有这个状态', reason: '' }]);
  expect(thrown.ok).toBe(false);
  expect(thrown.error?.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await server.run('runAdvance_', [{ rows: [2], to: '初审通过' }])).toEqual({ ok: false, error: { name: 'TypeError', message: '“runAdvance_”是私有函数（名称以 _ 结尾），页面不能调用' } });
  expect(await server.run('secret_')).toEqual({ ok: false, error: { name: 'TypeError', message: '“secret_”是私有函数（名称以 _ 结尾），页面不能调用' } });
  for (const name of ['noSuchFunction', '__banzhuren', 'constructor', 'eval', 'SpreadsheetApp', 'console']) {
    expect(await server.run(name)).toEqual({ ok: false, error: { name: 'TypeError', message: `服务器上没有名为“${name}”的函数` } });
  }
  const dated = await server.run('PUBLICITY_END', ['2024-09-27', 5]);
  expect(dated.ok).toBe(false);
  expect(dated.error?.message).toContain('PUBLICITY_END');
  expect(dated.error?.message).toContain('日期（Date）');
  const bad = await server.send('POST', '/api/run', api(), JSON.stringify({ name: 'sidebarCalendarInfo', args: 'x' }));
  expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { name: 'TypeError', message: '请求中的参数（args）应为数组' } });
});

test('/api/table: the nomination sheet\'s display values; /api/select keeps only data rows', async () => {
  const answer = await server.send('GET', '/api/table', { 'X-Banzhuren-Token': server.token });
  expect(answer.status).toBe(200);
  expectNoCors(answer);
  const table = JSON.parse(answer.body) as { file: string; sheetName: string; user: string; today: string; headerRow: number; header: string[]; rows: { row: number; cells: string[] }[]; selected: number[] };
  expect(table).toEqual(expect.objectContaining({ file: '推荐名单.xlsx', sheetName: '推荐名单', user: HONGTA, today: '2024-09-02', headerRow: 1, selected: [] }));
  const name = table.header.indexOf('姓名');
  expect(table.rows.map((row) => [row.row, row.cells[name]])).toEqual([[2, '张丽'], [3, '<img src=x onerror=alert(1)>'], [4, '李华']]);
  const years = table.header.indexOf('班主任累计年限');
  expect(table.rows[0]?.cells[years]).toBe('6');
  const select = await server.send('POST', '/api/select', api(), JSON.stringify({ rows: [1, 4, 2, 2, 99, 0, 2.5, '3', null] }));
  expect(select.status).toBe(200);
  expect(JSON.parse(select.body)).toEqual({ selected: [2, 4] });
  const again = JSON.parse((await server.send('GET', '/api/table', { 'X-Banzhuren-Token': server.token })).body) as { selected: number[] };
  expect(again.selected).toEqual([2, 4]);
  expect(JSON.parse((await server.send('POST', '/api/select', api(), JSON.stringify({ rows: [] }))).body)).toEqual({ selected: [] });
});

/** `headers` without one of them. */
function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

describe('refusals change nothing', () => {
  const advance = JSON.stringify({ name: 'sidebarMove', args: [{ sheetName: '推荐名单', rows: [2], to: '初审通过', reason: '' }] });
  let before: Buffer;
  beforeEach(() => {
    before = readFileSync(book);
  });
  afterEach(() => {
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('a foreign Origin: 403, on pages and on the API', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const run = await server.send('POST', '/api/run', api({ Origin: origin }), advance);
      expect(run.status).toBe(403);
      expect(JSON.parse(run.body).error.message).toContain('其他网站');
      expectNoCors(run);
      expect((await server.send('GET', '/', { Origin: origin })).status).toBe(403);
      expect((await server.send('GET', '/api/table', { Origin: origin, 'X-Banzhuren-Token': server.token })).status).toBe(403);
    }
    expect((await server.send('POST', '/api/run', api({ Origin: `http://localhost:${server.port}` }), JSON.stringify({ name: 'sidebarCalendarInfo', args: [] }))).status).toBe(200);
  });

  test('a Host that is not this server (DNS rebinding): 403', async () => {
    for (const host of [`evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const page = await server.send('GET', '/', { Host: host });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain(server.token);
      expect((await server.send('POST', '/api/run', api({ Host: host }), advance)).status).toBe(403);
    }
    expect((await server.send('GET', '/', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  test('a missing or wrong token: 403', async () => {
    const noToken = without(api(), 'X-Banzhuren-Token');
    expect((await server.send('POST', '/api/run', noToken, advance)).status).toBe(403);
    expect((await server.send('POST', '/api/run', api({ 'X-Banzhuren-Token': `${server.token}x` }), advance)).status).toBe(403);
    expect((await server.send('POST', '/api/run', api({ 'X-Banzhuren-Token': '' }), advance)).status).toBe(403);
    expect((await server.send('GET', '/api/table')).status).toBe(403);
    expect((await server.send('POST', '/api/select', noToken, '{"rows":[2]}')).status).toBe(403);
    const refused = await server.send('POST', '/api/run', noToken, advance);
    expect(JSON.parse(refused.body).error.message).toContain('令牌');
  });

  test('a POST without Origin: 403; not JSON: 415; over 1 MB: 413; GET /api/run: 405', async () => {
    const noOrigin = without(api(), 'Origin');
    expect((await server.send('POST', '/api/run', noOrigin, advance)).status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await server.send('POST', '/api/run', api({ 'Content-Type': type }), advance);
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body).error.message).toContain('application/json');
    }
    const big = JSON.stringify({ name: 'sidebarMove', args: [{ sheetName: '推荐名单', rows: [2], to: '初审通过', reason: 'x'.repeat(1024 * 1024) }] });
    const tooBig = await server.send('POST', '/api/run', api(), big);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body).error.message).toContain('太大');
    expect((await server.send('POST', '/api/run', api(), '{not json')).status).toBe(400);
    expect((await server.send('GET', '/api/run', api())).status).toBe(405);
    expect((await server.send('GET', '/nothing-here')).status).toBe(404);
  });
});
