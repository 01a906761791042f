/**
 * `banzhuren sidebar`'s arguments and start-up failures: a bad --port or --today is a usage error
 * (exit 2), a missing workbook exit 1 as other commands word it, a port in use exit 1 naming the
 * port and --port; without --as a line warns that moves will be refused; SIGTERM stops it (exit 0).
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { startSidebar } from './sidebar-server';

const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' })], [['ht@yuxi.edu.cn', '红塔区']]);
});

test('a bad --port or --today is a usage error', () => {
  for (const port of ['abc', '-1', '65536', '80.5', '']) {
    const result = runCli(['sidebar', book, `--port=${port}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port 应为 0 到 65535 的整数');
  }
  const today = runCli(['sidebar', book, '--port', '0', '--today', '2024-02-30']);
  expect(today.code).toBe(2);
  expect(runCli(['sidebar', '--port', '0']).code).toBe(2);
  expect(runCli(['sidebar', book, book, '--port', '0']).code).toBe(2);
});

test('--as must be an e-mail address: spaces, line breaks, control characters and <> are usage errors', () => {
  for (const as of ['a b@yuxi.edu.cn', 'city@yuxi.edu.cn\r\nX-Evil: 1', 'city@yuxi.edu.cn\u0007', '<script>@x.cn', 'city@@yuxi.edu.cn', 'city', '@yuxi.edu.cn', 'city@yuxi.edu.cn\u202e']) {
    // Checked before the file is looked for (a missing file would be exit 1), so nothing ever starts.
    const result = runCli(['sidebar', join(folder, '没有.xlsx'), '--port', '0', `--as=${as}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--as 应为一个邮箱地址');
  }
});

test('a missing workbook: exit 1, named', () => {
  const result = runCli(['sidebar', join(folder, '没有.xlsx'), '--port', '0']);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(`banzhuren：找不到文件：${join(folder, '没有.xlsx')}\n`);
});

test('a port in use: exit 1, naming the port and --port', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  try {
    const result = runCli(['sidebar', book, '--port', String(port)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`端口 ${port} 已被占用`);
    expect(result.stderr).toContain('--port');
    expect(result.stdout).not.toContain('本地页面');
  } finally {
    taken.close();
  }
});

test('without --as it warns that moves will be refused; SIGTERM stops it with exit 0', async () => {
  const server = await startSidebar(book);
  await server.stderrHolds('没有给出 --as');
  const exit = await server.stop();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.stdout()).toContain('已停止');
});

test('help names the command', () => {
  const help = runCli(['sidebar', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('banzhuren sidebar <文件.xlsx> [--port 端口]');
  expect(runCli(['--help']).stdout).toContain('sidebar <文件.xlsx>');
});
