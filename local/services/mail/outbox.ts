/**
 * The offline runtime's outbox: MailApp.sendEmail only queues a message here; the command that ran
 * the bundle delivers the queue (deliver) after it saved the workbook, so a run killed before its
 * save sends nothing it has not recorded, and a queue is delivered once. Delivering writes one
 * RFC 5322 .eml file per message into the outbox folder (built with nodemailer's MailComposer:
 * UTF-8, RFC 2047 encoded subject, a Date in the spreadsheet's time zone, a Message-ID), each
 * written to a temporary file first and renamed, and, when an SMTP server is configured, sends it
 * there with nodemailer's SMTP transport. What the server refuses or cannot take is listed in
 * `.banzhuren-undelivered.json` in the folder and tried again by the next delivery. At most once:
 * a process dying between writing a file and handing it to the server leaves the file unsent.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { offsetAt, wallClockAt } from '../../runtime/time-zones';
import { parseSmtpUrl, withoutPassword, type SmtpServer, type SmtpSetting } from './smtp-settings';

/** One message MailApp accepted, waiting for delivery. */
export interface QueuedMail {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  /** '' when none. */
  replyTo: string;
  subject: string;
  body: string;
  /** '' when none. */
  htmlBody: string;
  /** When sendEmail was called (simulated clock), milliseconds since the epoch. */
  sentAt: number;
  /** The spreadsheet's time zone then: the Date header's offset. */
  timeZone: string;
}

/** What one delivery did: files written (paths), messages the SMTP server took, and what it did not take. */
export interface DeliveryReport {
  written: string[];
  delivered: number;
  failed: { file: string; message: string }[];
}

/** A message the SMTP server did not take, kept for the next delivery. */
interface Undelivered {
  /** The .eml file's name in the outbox folder. */
  file: string;
  from: string;
  to: string[];
  message: string;
  attempts: number;
}

/** The list of undelivered messages, inside the outbox folder. */
export const UNDELIVERED_FILE = '.banzhuren-undelivered.json';

/** Options of an Outbox. */
export interface OutboxOptions {
  /** Validate and count only: deliver writes and sends nothing (the queue is emptied all the same). */
  dryRun?: boolean;
  /** The SMTP URL configured now (read at each delivery), undefined when none. */
  smtp?: () => SmtpSetting | undefined;
}

/**
 * Makes sure mail can be written into the outbox folder `folder` before anything runs: creates it
 * (with its parents) and writes and removes a temporary file there; throws, in Chinese, naming
 * the folder and why, when it cannot (a file in the way, no permission, a read-only disk).
 */
export function prepareOutbox(folder: string): void {
  const shown = resolve(folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(`无法创建发件箱文件夹 ${shown}：${fileProblem(error)}`);
  }
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    const probe = join(folder, `.banzhuren-probe.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new Error(`发件箱文件夹 ${shown} 不可写入：${fileProblem(error)}`);
  }
}

/** Why a file operation failed, in Chinese (the system's message when the code is not a usual one). */
function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'ENOTDIR':
    case 'EEXIST':
      return '同名的文件（不是文件夹）已存在';
    case 'EROFS':
      return '磁盘为只读';
    case 'ENOSPC':
      return '磁盘空间不足';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Mail queued during executions and delivered after the workbook was saved. */
export class Outbox {
  /** Messages accepted and not yet delivered, in the order sent. */
  readonly queued: QueuedMail[] = [];
  /** Every message accepted during this run, delivered or not (what --dry-run prints). */
  readonly sent: QueuedMail[] = [];

  /** An outbox writing into `folder` (created at the first delivery). */
  constructor(
    readonly folder: string,
    private readonly options: OutboxOptions = {},
  ) {}

  /** Whether deliver writes and sends nothing. */
  get dryRun(): boolean {
    return this.options.dryRun === true;
  }

  /** Queues one accepted message. */
  add(mail: QueuedMail): void {
    this.queued.push(mail);
    this.sent.push(mail);
  }

  /**
   * Delivers the queue: each message written as an .eml file, then, with an SMTP server
   * configured, the messages left undelivered before and the new ones sent there. The queue is
   * emptied before anything is written, so a second call never delivers a message twice.
   */
  async deliver(): Promise<DeliveryReport> {
    const batch = this.queued.splice(0, this.queued.length);
    const report: DeliveryReport = { written: [], delivered: 0, failed: [] };
    if (this.dryRun) return report;
    const setting = this.options.smtp?.();
    if (batch.length === 0 && !(setting && existsSync(join(this.folder, UNDELIVERED_FILE)))) return report;
    mkdirSync(this.folder, { recursive: true });
    removeDeadTemporaries(this.folder);
    const fresh: Undelivered[] = [];
    for (const mail of batch) {
      const raw = await composeMail(mail);
      const file = this.writeFile(mail, raw);
      report.written.push(join(this.folder, file));
      fresh.push({ file, from: mail.from.address, to: [...mail.to, ...mail.cc, ...mail.bcc], message: '', attempts: 0 });
    }
    if (!setting) return report;
    let server: SmtpServer;
    try {
      server = parseSmtpUrl(setting);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const waiting = [...this.readUndelivered(), ...fresh].map((entry) => ({ ...entry, message }));
      this.writeUndelivered(waiting);
      report.failed.push(...waiting.map(({ file, message: why }) => ({ file: join(this.folder, file), message: why })));
      return report;
    }
    const left: Undelivered[] = [];
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      auth: server.user !== undefined ? { user: server.user, pass: server.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    const earlier = this.readUndelivered();
    const all = [...earlier, ...fresh];
    try {
      for (const [index, entry] of all.entries()) {
        // The message tried is off the list while it is handed over: a process dying then never sends it twice.
        this.writeUndelivered([...left, ...earlier.slice(index + 1)]);
        const path = join(this.folder, entry.file);
        try {
          if (!existsSync(path)) throw new Error('文件已不在发件箱中');
          await transport.sendMail({ envelope: { from: entry.from, to: entry.to }, raw: readFileSync(path) });
          report.delivered += 1;
        } catch (error) {
          const why = withoutPassword(`投递到邮件服务器 ${server.shown}（${server.source}）失败：${error instanceof Error ? error.message : String(error)}`, server);
          left.push({ ...entry, message: why, attempts: entry.attempts + 1 });
          report.failed.push({ file: path, message: why });
        }
      }
    } finally {
      transport.close();
    }
    this.writeUndelivered(left);
    return report;
  }

  /** The undelivered list as last written ([] when none or unreadable). */
  private readUndelivered(): Undelivered[] {
    const path = join(this.folder, UNDELIVERED_FILE);
    if (!existsSync(path)) return [];
    try {
      const entries: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return Array.isArray(entries) ? entries.filter(isUndelivered) : [];
    } catch {
      return [];
    }
  }

  /** Replaces the undelivered list (temporary file and rename); removes it when empty. */
  private writeUndelivered(entries: Undelivered[]): void {
    const path = join(this.folder, UNDELIVERED_FILE);
    if (entries.length === 0) {
      rmSync(path, { force: true });
      return;
    }
    writeAtomically(path, `${JSON.stringify(entries, null, 2)}\n`);
  }

  /** Writes one message as `YYYYMMDD-HHMMSS-<seq>-<recipient>.eml` (a free name), atomically; returns the name. */
  private writeFile(mail: QueuedMail, raw: Buffer): string {
    const wall = wallClockAt(mail.sentAt, mail.timeZone);
    const stamp = `${wall.year}${pad(wall.month)}${pad(wall.day)}-${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
    const recipient = (mail.to[0] ?? mail.cc[0] ?? mail.bcc[0] ?? 'mail').toLowerCase().replace(/[^a-z0-9._@+-]/g, '_').slice(0, 60);
    const taken = new Set(readdirSync(this.folder).map((name) => name.split('-').slice(0, 3).join('-')));
    let sequence = 1;
    while (taken.has(`${stamp}-${String(sequence).padStart(3, '0')}`)) sequence += 1;
    const file = `${stamp}-${String(sequence).padStart(3, '0')}-${recipient}.eml`;
    writeAtomically(join(this.folder, file), raw);
    return file;
  }
}

function isUndelivered(value: unknown): value is Undelivered {
  const entry = value as Partial<Undelivered> | null;
  return (
    typeof entry === 'object' && entry !== null && typeof entry.file === 'string' && !entry.file.includes('/') &&
    typeof entry.from === 'string' && Array.isArray(entry.to) && typeof entry.attempts === 'number'
  );
}

/** Temporary files of writeAtomically: `<name>.<pid>.<random>.tmp`. */
const TEMPORARY = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Whether a process of this machine is still running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files a killed delivery left in the folder (those of processes no longer running: another may share the folder). */
function removeDeadTemporaries(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(folder, name), { force: true });
  }
}

/** Writes a file through a temporary file in the same folder and a rename: readers see all of it or none. */
function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

const pad = (value: number) => String(value).padStart(2, '0');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 date-time of an instant as a clock in `timeZone` shows it, with that zone's offset ("Fri, 27 Sep 2024 09:00:00 +0800"). */
export function rfc5322Date(instant: number, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const weekday = DAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()];
  return `${weekday}, ${pad(wall.day)} ${MONTHS[wall.month - 1]} ${wall.year} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} ${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

/** The message as RFC 5322 bytes (MailComposer): plain text, with an HTML alternative when given. */
export async function composeMail(mail: QueuedMail): Promise<Buffer> {
  const domain = mail.from.address.split('@')[1] || 'localhost';
  const composer = new MailComposer({
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    // Bcc recipients are on the envelope only; the file, like the message Gmail delivers, does not name them.
    replyTo: mail.replyTo || undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody || undefined,
    textEncoding: 'base64',
    messageId: `<${randomUUID()}@${domain}>`,
    headers: { Date: rfc5322Date(mail.sentAt, mail.timeZone) },
  });
  return composer.compile().build();
}
