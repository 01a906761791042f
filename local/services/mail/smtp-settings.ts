/**
 * Where the offline runtime's mail goes besides the outbox folder: an SMTP server named by the
 * environment variable BANZHUREN_SMTP or, without it, by the 设置 sheet's 邮件服务器 row
 * (`smtp://user:password@host:port` or `smtps://…`). Parses and checks that URL, with Chinese
 * messages naming where it came from; no text shown to a person or written to a file holds its
 * userinfo (a URL is shown as `smtp://***@host:port`), and server messages have the password masked.
 */
import type ExcelJS from 'exceljs';
import { cellText } from '../cell-values';

/** The environment variable naming the SMTP server (it wins over the 设置 sheet). */
export const SMTP_VARIABLE = 'BANZHUREN_SMTP';

/** The 设置 sheet, its header texts and the key of its mail server row (the add-on's layout, read by text). */
const SETTINGS_SHEET = '设置';
const KEY_HEADER = '设置项';
const VALUE_HEADER = '值';
const MAIL_SERVER_KEY = '邮件服务器';

/** What a password is replaced with wherever a URL is shown. */
const MASK = '***';

/** An SMTP server to deliver to, as parsed from its URL. */
export interface SmtpServer {
  host: string;
  port: number;
  /** smtps:// (TLS from the first byte) rather than smtp:// (plain, STARTTLS when offered). */
  secure: boolean;
  user?: string;
  password?: string;
  /** The password as typed in the URL (percent-encoded), to mask it in that form too. */
  typedPassword?: string;
  /** The URL without its userinfo (see maskedUrl), for messages. */
  shown: string;
  /** Where the URL came from, in Chinese (环境变量 BANZHUREN_SMTP, 设置第N行). */
  source: string;
}

/** A URL as configured, before parsing: its text and where it came from. */
export interface SmtpSetting {
  url: string;
  source: string;
}

/** The SMTP URL configured for a workbook: BANZHUREN_SMTP when set (not blank), else 设置 邮件服务器; undefined when neither. */
export function configuredSmtpSetting(env: NodeJS.ProcessEnv, workbook: ExcelJS.Workbook | undefined): SmtpSetting | undefined {
  const fromEnvironment = env[SMTP_VARIABLE]?.trim();
  if (fromEnvironment) return { url: fromEnvironment, source: `环境变量 ${SMTP_VARIABLE}` };
  return workbook ? settingsSheetSmtp(workbook) : undefined;
}

/** The 邮件服务器 value of the 设置 sheet (header 设置项/值 found by text), undefined when absent or blank. */
function settingsSheetSmtp(workbook: ExcelJS.Workbook): SmtpSetting | undefined {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET);
  if (!sheet) return undefined;
  let keyColumn = 0;
  let valueColumn = 0;
  let found: SmtpSetting | undefined;
  sheet.eachRow((row, rowNumber) => {
    if (found) return;
    const texts = Array.from((row.values as unknown[]).slice(1), (value) => cellText(value).trim());
    if (keyColumn === 0) {
      const keyIndex = texts.indexOf(KEY_HEADER);
      const valueIndex = texts.indexOf(VALUE_HEADER);
      if (keyIndex >= 0 && valueIndex >= 0) {
        keyColumn = keyIndex + 1;
        valueColumn = valueIndex + 1;
      }
      return;
    }
    if (texts[keyColumn - 1] !== MAIL_SERVER_KEY) return;
    const url = texts[valueColumn - 1] ?? '';
    if (url) found = { url, source: `${SETTINGS_SHEET}第${rowNumber}行（${MAIL_SERVER_KEY}）` };
  });
  return found;
}

/**
 * `url` as messages may show it: no part of its userinfo (user and password become one ***), and
 * nothing after the host and port; a URL that does not parse shows only its scheme (`smtp://***`),
 * or *** without one — a password with / or @ in it must never leak through a half-parsed URL.
 */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1];
    return scheme ? `${scheme}://${MASK}` : MASK;
  }
  const userinfo = parsed.username || parsed.password || /^[^/]*\/\/[^/]*@/.test(url) ? `${MASK}@` : '';
  const rest = (parsed.pathname !== '' && parsed.pathname !== '/') || parsed.search || parsed.hash ? `/${MASK}` : '';
  return `${parsed.protocol}//${userinfo}${parsed.host}${rest}`;
}

/** Parses an SMTP URL; throws, in Chinese, naming its source and showing it masked, when it is not a usable smtp:// or smtps:// URL. */
export function parseSmtpUrl(setting: SmtpSetting): SmtpServer {
  const shown = maskedUrl(setting.url);
  const fail = (why: string): never => {
    throw new Error(`邮件服务器地址无效（${setting.source}）：${why}；应为 smtp://用户名:密码@主机:端口 或 smtps://用户名:密码@主机:端口，收到“${shown}”`);
  };
  let url: URL;
  try {
    url = new URL(setting.url);
  } catch {
    return fail('无法识别（用户名或密码中的 / @ : 等字符须写成 %2F %40 %3A）');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return fail(`协议应为 smtp 或 smtps，收到“${url.protocol.replace(/:$/, '')}”`);
  if (!url.hostname) return fail('缺少主机名');
  if (url.pathname !== '' && url.pathname !== '/') return fail('主机和端口之后不应有路径');
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 25;
  let user: string | undefined;
  let password: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
    password = url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    return fail('用户名或密码中的 % 编码无效');
  }
  if (password !== undefined && user === undefined) return fail('有密码却没有用户名');
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, secure, user, password, typedPassword: url.password || undefined, shown, source: setting.source };
}

/** Passwords shorter than this are not masked in texts: masking every "a" of a message would spell the password out. */
export const SHORTEST_MASKED_PASSWORD = 4;

/**
 * `text` with the server's password (as decoded, URL-encoded and as typed) replaced by ***, so no
 * message shows it; a password shorter than SHORTEST_MASKED_PASSWORD is left alone (its every
 * occurrence in an error text masked would reveal it; the URL itself is never shown).
 */
export function withoutPassword(text: string, server: Pick<SmtpServer, 'password' | 'typedPassword'> | undefined): string {
  const password = server?.password;
  if (!password || password.length < SHORTEST_MASKED_PASSWORD) return text;
  let result = text;
  const forms = [password, encodeURIComponent(password), server?.typedPassword ?? ''].filter((form) => form.length >= SHORTEST_MASKED_PASSWORD);
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) result = result.split(form).join(MASK);
  return result;
}
