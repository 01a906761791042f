/**
 * The local page's guards, one place for every rule a request must pass before anything runs:
 * the Host header must name this server on the loopback address (a DNS-rebinding page reaches us
 * under its own name), an Origin, when sent, must be this server's own, every /api/* request must
 * carry this start's random token, and POSTs must be same-origin JSON of at most 1 MB. Pages are
 * sent with a Content-Security-Policy that allows inline scripts and styles only by their sha256
 * hashes and no network but this server; no CORS header is ever sent.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header carrying the token. */
export const TOKEN_HEADER = 'x-banzhuren-token';

/** The largest request body accepted (1 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A fresh random token for one server start. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A refusal: HTTP status and a Chinese message. */
export interface Refusal {
  status: number;
  message: string;
}

/** The origins of this server on port `port`. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Whether two strings are equal, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] as number) ^ (b[index] as number);
  return difference === 0 && given.length === expected.length;
}

/** One header's value (the first, when sent twice). */
function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Why a request must be refused before anything runs, or undefined when it may go on: Host, then
 * Origin, then (for /api/*) the token, then (for POST) Origin present and JSON Content-Type.
 */
export function refusalOf(request: IncomingMessage, port: number, token: string, api: boolean): Refusal | undefined {
  const host = header(request, 'host');
  if (host === undefined || !ownOrigins(port).some((origin) => origin === `http://${host.toLowerCase()}`)) {
    return { status: 403, message: `拒绝访问：请求的主机名不是本机页面（应为 127.0.0.1:${port} 或 localhost:${port}）` };
  }
  const origin = header(request, 'origin');
  if (origin !== undefined && !ownOrigins(port).includes(origin)) {
    return { status: 403, message: '拒绝访问：请求来自其他网站，没有执行任何操作' };
  }
  if (!api) return undefined;
  const given = header(request, TOKEN_HEADER);
  if (given === undefined || !sameSecret(given, token)) {
    return { status: 403, message: '拒绝访问：缺少或错误的页面令牌（请刷新本机页面）' };
  }
  if (request.method === 'POST') {
    if (origin === undefined) return { status: 403, message: '拒绝访问：请求没有来源（Origin），没有执行任何操作' };
    const type = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return { status: 415, message: '请求的内容类型应为 application/json' };
  }
  return undefined;
}

/** The sha256 CSP source of an inline script or style's text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The texts of the inline `<script>` (without src) and `<style>` elements of a page. */
export function inlineBlocks(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi)]
    .filter((match) => !/\ssrc\s*=/i.test(match[1] ?? ''))
    .map((match) => match[2] ?? '');
  const styles = [...html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style\s*>/gi)].map((match) => match[2] ?? '');
  return { scripts, styles };
}

/** The Content-Security-Policy of a page: its own inline scripts and styles by hash, nothing from elsewhere. */
export function contentSecurityPolicy(html: string): string {
  const { scripts, styles } = inlineBlocks(html);
  const scriptSources = scripts.map(cspHash);
  const styleSources = styles.map(cspHash);
  return [
    "default-src 'none'",
    `script-src ${scriptSources.length > 0 ? scriptSources.join(' ') : "'none'"}`,
    `style-src 'self' ${styleSources.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Headers sent with every page. */
export function pageHeaders(html: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy(html),
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** Headers sent with every JSON answer. */
export const JSON_HEADERS: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
