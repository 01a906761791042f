/**
 * Stopping `banzhuren sidebar` while requests are still arriving: a token-bearing POST whose body
 * trickles in a byte at a time and a request whose headers never end must not hold Ctrl-C — the
 * server stops accepting, cuts those connections after a short grace, prints 已停止 and exits 0,
 * and the half-sent call runs nothing (the workbook is byte for byte as it was).
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { startSidebar } from './sidebar-server';

const CITY = 'city@yuxi.edu.cn';

/** A raw connection to the server that has written `text` and then writes `drip` every 100 ms. */
function trickle(port: number, text: string, drip: string): { socket: Socket; closed: Promise<void>; stop(): void } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(text);
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(drip);
  }, 100);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, closed, stop: () => clearInterval(timer) };
}

test('SIGINT while a POST body and a request head trickle in: 已停止, exit 0, nothing run', async () => {
  const book = join(temporaryFolder(), '慢请求.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' })], [[CITY, '市级']]);
  const before = readFileSync(book);
  const server = await startSidebar(book, ['--as', CITY, '--today', '2024-09-02']);
  const body = JSON.stringify({ name: 'sidebarMove', args: [{ sheetName: '推荐名单', rows: [2], to: '评审通过', reason: '' }] });
  const post = trickle(
    server.port,
    `POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nX-Banzhuren-Token: ${server.token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length + 100000}\r\n\r\n${body}`,
    ' ',
  );
  const head = trickle(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`, 'X-A: b\r\n');
  // The server has seen both connections once the host page answers a third one.
  expect((await server.send('GET', '/')).status).toBe(200);
  server.child.kill('SIGINT');
  try {
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stdout().trim().split('\n').pop()).toBe('已停止');
    await Promise.all([post.closed, head.closed]);
  } finally {
    post.stop();
    head.stop();
    post.socket.destroy();
    head.socket.destroy();
  }
  expect(readFileSync(book).equals(before)).toBe(true);
}, 30_000);
