/**
 * The local page's HTTP server (node:http, 127.0.0.1 only): GET / (the host page), GET /sidebar
 * (dist/sidebar.html with the google.script.run shim), GET /api/table, POST /api/select and POST
 * /api/run, every request first passed through the guards of security.ts. Requests must arrive
 * promptly (short header and body timeouts). Stopping refuses new requests, cuts connections that
 * are idle or still sending their request after a short grace (a body trickling in cannot hold
 * Ctrl-C), and finishes the requests being answered (a call's save included) before it closes.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { defaultBundlePath, errorMessage } from '../runtime/bundle';
import { hostPage } from './host-page';
import { JSON_HEADERS, MAX_BODY_BYTES, newToken, pageHeaders, refusalOf } from './security';
import { withShim } from './shim';
import type { WorkbookCalls } from './workbook-calls';

/** A running local page. */
export interface SidebarServer {
  readonly port: number;
  readonly url: string;
  /** Refuses new requests, waits for those in flight (and their saves), then closes. */
  stop(): Promise<void>;
}

/** Bodies larger than this are not even read to the end: the connection is closed. */
const DRAIN_LIMIT = 16 * MAX_BODY_BYTES;

/** How long a request's headers may take to arrive (a page sends them at once). */
const HEADERS_TIMEOUT_MS = 10_000;
/** How long a whole request (headers and body) may take to arrive. */
const REQUEST_TIMEOUT_MS = 30_000;
/** How often node checks those two timeouts. */
const TIMEOUT_CHECK_MS = 1_000;
/** On stop, how long a request whose headers or body are still arriving may take before its connection is cut. */
const STOP_GRACE_MS = 1_000;

/** The port is taken: a Chinese message naming it and --port. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { ok: false, error: { name: 'HttpError', message } });
}

function sendPage(response: ServerResponse, html: string): void {
  response.writeHead(200, { ...pageHeaders(html), 'Content-Length': Buffer.byteLength(html) });
  response.end(html);
}

/** The request's body as text, or 'too-big' when over MAX_BODY_BYTES (read to the end so the answer arrives). */
function readBody(request: IncomingMessage): Promise<string | 'too-big'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) request.destroy();
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-big' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    // A connection cut while the body trickles in (stop, timeout) ends the wait too.
    request.on('close', () => {
      if (!request.complete) reject(new Error('请求在读完之前被中断'));
    });
  });
}

/** The JSON body of a POST, or undefined after answering 413/400. */
async function jsonBody(request: IncomingMessage, response: ServerResponse): Promise<Record<string, unknown> | undefined> {
  const declared = Number(request.headers['content-length']);
  const text = await readBody(request);
  if (text === 'too-big' || declared > MAX_BODY_BYTES) {
    refuse(response, 413, `请求内容太大：最多 ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    return undefined;
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  refuse(response, 400, '请求内容不是 JSON 对象');
  return undefined;
}

/** Starts the local page on 127.0.0.1:`port` (0: any free port) over `calls`. */
export async function startSidebarServer(options: { port: number; calls: WorkbookCalls; sidebarPath?: string }): Promise<SidebarServer> {
  const { calls } = options;
  const sidebarPath = options.sidebarPath ?? join(dirname(defaultBundlePath()), 'sidebar.html');
  const token = newToken();
  let port = options.port;
  let stopping = false;
  let inFlight = 0;
  let settled: (() => void) | undefined;
  // Every open connection, and those whose request was read in full and is being answered (a call
  // and its save): on stop the others — idle, or still sending headers or a body — are cut.
  const sockets = new Set<Socket>();
  const answering = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const api = path.startsWith('/api/');
    const refusal = refusalOf(request, port, token, api);
    if (refusal) return refuse(response, refusal.status, refusal.message);
    if (stopping) return refuse(response, 503, '本机服务正在停止');
    const route = `${request.method ?? ''} ${path}`;
    switch (route) {
      case 'GET /':
        return sendPage(response, hostPage(token));
      case 'GET /sidebar': {
        let page: string;
        try {
          page = readFileSync(sidebarPath, 'utf8');
        } catch {
          return refuse(response, 500, `找不到 ${sidebarPath}：请先运行 npm run build`);
        }
        return sendPage(response, withShim(page, token, calls.globalNames));
      }
      case 'GET /api/table':
        return sendJson(response, 200, await calls.table());
      case 'POST /api/select': {
        const body = await jsonBody(request, response);
        if (!body) return;
        if (stopping) return refuse(response, 503, '本机服务正在停止');
        answering.add(request.socket);
        return sendJson(response, 200, await calls.select(body.rows));
      }
      case 'POST /api/run': {
        const body = await jsonBody(request, response);
        if (!body) return;
        // A body that finished arriving after Ctrl-C runs nothing.
        if (stopping) return refuse(response, 503, '本机服务正在停止，没有执行任何操作');
        answering.add(request.socket);
        return sendJson(response, 200, await calls.run(body.name, body.args));
      }
      default:
        if (['/', '/sidebar', '/api/table', '/api/select', '/api/run'].includes(path)) return refuse(response, 405, `不支持的请求方法：${request.method ?? ''}`);
        return refuse(response, 404, '没有这个页面');
    }
  };

  const server = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (request, response) => {
    inFlight += 1;
    if (request.method === 'GET') answering.add(request.socket);
    response.on('close', () => {
      inFlight -= 1;
      answering.delete(request.socket);
      if (inFlight === 0) settled?.();
    });
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, errorMessage(error));
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(`端口 ${options.port} 已被占用：请用 --port 换一个端口（如 --port ${options.port === 8080 ? 8081 : 8080}），或 --port 0 自动选择空闲端口`));
      else if (error.code === 'EACCES') reject(new PortInUseError(`没有权限使用端口 ${options.port}：请用 --port 换一个大于 1024 的端口，或 --port 0 自动选择`));
      else reject(error);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      stopping = true;
      server.close();
      server.closeIdleConnections();
      // A request still arriving (a body trickling in byte by byte) gets a short grace, then its connection is cut.
      if ([...sockets].some((socket) => !answering.has(socket))) {
        await new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
        for (const socket of sockets) if (!answering.has(socket)) socket.destroy();
      }
      await calls.idle();
      if (inFlight > 0) await new Promise<void>((resolve) => (settled = resolve));
      server.closeAllConnections();
    },
  };
}
