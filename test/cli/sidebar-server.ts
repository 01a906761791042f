/**
 * Starts the real `banzhuren sidebar` (the built CLI) in a child process for the local page's
 * tests, reads its URL from the first stdout line and its token from the host page, and sends
 * requests with node:http so that every header (Host, Origin) is exactly what the test says.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');

/** One HTTP answer. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A running `banzhuren sidebar`. */
export interface RunningSidebar {
  child: ChildProcess;
  port: number;
  url: string;
  origin: string;
  token: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr holds `text`. */
  stderrHolds(text: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** A request to this server; `headers` replace the defaults (Host is this server's). */
  send(method: string, path: string, headers?: Record<string, string>, body?: string): Promise<Answer>;
  /** POST /api/run as the page does. */
  run(name: string, args?: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: { name: string; message: string } }>;
}

/** A request to 127.0.0.1:`port` with exactly these headers. */
export function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false, setHost: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Starts `banzhuren sidebar BOOK --port 0 …args`; resolves once it prints its URL. */
export async function startSidebar(book: string, args: string[] = []): Promise<RunningSidebar> {
  const child = spawn(process.execPath, [bin, 'sidebar', book, '--port', '0', ...args], {
    env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    err += chunk;
    for (const waiter of [...waiters]) {
      if (err.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (found) resolve(found[0]);
    });
    void exited.then(({ code }) => reject(new Error(`banzhuren sidebar exited (${String(code)}) before its URL:\n${out}\n${err}`)));
  });
  const port = Number(new URL(url).port);
  const origin = `http://127.0.0.1:${port}`;
  const page = await send(port, 'GET', '/', { Host: `127.0.0.1:${port}` });
  const token = /<meta name="banzhuren-token" content="([^"]+)">/.exec(page.body)?.[1];
  if (!token) throw new Error(`no token in the host page:\n${page.body}`);
  const running: RunningSidebar = {
    child,
    port,
    url,
    origin,
    token,
    stdout: () => out,
    stderr: () => err,
    stderrHolds: (text) => (err.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
    exited,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    send: (method, path, headers = {}, body) => send(port, method, path, { Host: `127.0.0.1:${port}`, ...headers }, body),
    async run(name, args = []) {
      const answer = await running.send(
        'POST',
        '/api/run',
        { Origin: origin, 'Content-Type': 'application/json', 'X-Banzhuren-Token': token },
        JSON.stringify({ name, args }),
      );
      if (answer.status !== 200) throw new Error(`/api/run answered ${answer.status}: ${answer.body}`);
      return JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { name: string; message: string } };
    },
  };
  return running;
}
