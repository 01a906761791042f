/**
 * The offline runtime's outbox: MailApp.sendEmail only queues a message here; the command that ran
 * the bundle delivers the queue (deliver) after it saved the workbook, so a run killed before its
 * save sends nothing it has not recorded, and a queue is delivered once. Delivering writes one
 * RFC 5322 .eml file per message into the outbox folder (built with nodemailer's MailComposer:
 * UTF-8, RFC 2047 encoded subject, a Date in the spreadsheet's time zone, a Message-ID), each
 * written to a temporary file first and renamed, and, when an SMTP server is configured, sends it
 * there with nodemailer's SMTP transport. Messages for the server go on a journal,
 * `.banzhuren-undelivered.json` in the folder, before the first is sent; each is marked `sending`
 * while handed over and removed once taken; what the server refuses or cannot take stays for the
 * next delivery. At most once: a message a dead run left marked `sending` is reported uncertain,
 * never sent again. Each message has a deadline, and a server that cannot be reached is not tried
 * again by the same process, so a dead or hanging server costs seconds per run.
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

/**
 * What one delivery did: files written (paths), messages the SMTP server took, what it did not
 * take (kept for the next delivery), and messages an earlier run was handing to the server when it
 * died (`uncertain`: they may or may not have gone out; never sent again — check and forward them by hand).
 */
export interface DeliveryReport {
  written: string[];
  delivered: number;
  failed: { file: string; message: string }[];
  uncertain: string[];
}

/** A message for the SMTP server, on the journal until the server took it. */
interface Undelivered {
  /** The .eml file's name in the outbox folder. */
  file: string;
  from: string;
  to: string[];
  /** Why the last attempt failed ('' before the first). Never holds the SMTP URL or its password. */
  message: string;
  attempts: number;
  /** Being handed to the server: a run that finds this mark died meanwhile, and the message may have gone out. */
  sending?: true;
}

/** The journal of messages for the SMTP server (not yet taken, or in flight), inside the outbox folder. */
export const UNDELIVERED_FILE = '.banzhuren-undelivered.json';

/** Time limits of SMTP delivery, in milliseconds. */
export interface SmtpTimeouts {
  /** To open the connection. */
  connection: number;
  /** For the server's greeting once connected. */
  greeting: number;
  /** Of silence on the connection. */
  socket: number;
  /** Of one message in all (a server trickling bytes never trips the others). */
  message: number;
}

/** The time limits used unless an Outbox is given others: a server that is down or hangs costs seconds per run, not minutes. */
export const SMTP_TIMEOUTS: SmtpTimeouts = { connection: 10_000, greeting: 10_000, socket: 20_000, message: 60_000 };

/** nodemailer error codes that concern one message only (its envelope or content): the server is fine, the next message is tried. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

/** Options of an Outbox. */
export interface OutboxOptions {
  /** Validate and count only: deliver writes and sends nothing (the queue is emptied all the same). */
  dryRun?: boolean;
  /** The SMTP URL configured now (read at each delivery), undefined when none. */
  smtp?: () => SmtpSetting | undefined;
  /** SMTP time limits (default SMTP_TIMEOUTS). */
  timeouts?: Partial<SmtpTimeouts>;
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
   * The server this process could not reach (or log in to), with why: later deliveries of this
   * process do not try it again (a dead server costs one timeout per run, not one per execution).
   */
  private unreachable: { key: string; message: string } | undefined;

  /** Journal entries this process already handed to the server once (refused ones wait for the next run, not the next execution). */
  private readonly tried = new Set<string>();

  /**
   * Delivers the queue: each message written as an .eml file, then, with an SMTP server
   * configured, the new messages put on the journal (UNDELIVERED_FILE) together with those left
   * before, and each handed to the server once: marked `sending` on the journal first, removed
   * when the server took it. An entry a dead run left marked `sending` is reported `uncertain` and
   * never sent again (at most once). A server that cannot be reached or refuses the login stops
   * the delivery (the rest wait on the journal) and is not tried again by this process. The queue is
   * emptied before anything is written, so a second call never delivers a message twice.
   */
  async deliver(): Promise<DeliveryReport> {
    const batch = this.queued.splice(0, this.queued.length);
    const report: DeliveryReport = { written: [], delivered: 0, failed: [], uncertain: [] };
    if (this.dryRun) return report;
    const setting = this.options.smtp?.();
    if (batch.length === 0 && !(setting && existsSync(join(this.folder, UNDELIVERED_FILE)))) return report;
    let server: SmtpServer | undefined;
    let settingProblem = '';
    if (setting) {
      try {
        server = parseSmtpUrl(setting);
      } catch (error) {
        settingProblem = error instanceof Error ? error.message : String(error);
      }
    }
    mkdirSync(this.folder, { recursive: true });
    removeDeadTemporaries(this.folder);
    const fresh: Undelivered[] = [];
    for (const mail of batch) {
      const envelopeFrom = server && senderOf(server) ? (senderOf(server) as string) : mail.from.address;
      const raw = await composeMail(mail, envelopeFrom);
      const file = this.writeFile(mail, raw);
      report.written.push(join(this.folder, file));
      fresh.push({ file, from: envelopeFrom, to: [...mail.to, ...mail.cc, ...mail.bcc], message: '', attempts: 0 });
    }
    if (!setting) return report;
    const journal: Undelivered[] = [];
    for (const entry of this.readUndelivered()) {
      if (entry.sending) report.uncertain.push(join(this.folder, entry.file));
      else journal.push(entry);
    }
    journal.push(...fresh);
    const fail = (entry: Undelivered, message: string, tried: boolean) => {
      entry.message = message;
      if (tried) entry.attempts += 1;
      delete entry.sending;
      report.failed.push({ file: join(this.folder, entry.file), message });
    };
    if (!server) {
      for (const entry of journal) fail(entry, settingProblem, false);
      this.writeUndelivered(journal);
      return report;
    }
    // The same server with the same login (in memory only, never shown): a corrected password is tried at once.
    const key = JSON.stringify([server.secure, server.host, server.port, server.user ?? '', server.password ?? '']);
    if (this.unreachable?.key === key) {
      // Tried and failed earlier in this run: the new messages wait with the rest for the next run.
      for (const entry of fresh) fail(entry, this.unreachable.message, false);
      this.writeUndelivered(journal);
      return report;
    }
    // Every new message is on the journal before the first is handed over: a run killed during delivery loses none.
    this.writeUndelivered(journal);
    const timeouts = { ...SMTP_TIMEOUTS, ...this.options.timeouts };
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      auth: server.user !== undefined ? { user: server.user, pass: server.password ?? '' } : undefined,
      connectionTimeout: timeouts.connection,
      greetingTimeout: timeouts.greeting,
      socketTimeout: timeouts.socket,
    });
    const shownServer = `投递到邮件服务器 ${server.shown}（${server.source}）失败：`;
    try {
      for (const entry of [...journal]) {
        const path = join(this.folder, entry.file);
        if (!existsSync(path)) {
          // Removed by hand: nothing left to send; said once, then off the journal.
          fail(entry, `${shownServer}文件已不在发件箱中`, false);
          journal.splice(journal.indexOf(entry), 1);
          continue;
        }
        // Once per run and server login: a corrected SMTP setting tries it again at once.
        if (this.tried.has(`${key}\n${entry.file}`)) continue;
        this.tried.add(`${key}\n${entry.file}`);
        entry.sending = true;
        this.writeUndelivered(journal);
        try {
          await withDeadline(transport.sendMail({ envelope: { from: entry.from, to: entry.to }, raw: readFileSync(path) }), timeouts.message, () => transport.close());
          report.delivered += 1;
          journal.splice(journal.indexOf(entry), 1);
          this.writeUndelivered(journal);
        } catch (error) {
          const code = (error as { code?: unknown } | null)?.code;
          const why = withoutPassword(`${shownServer}${error instanceof Error ? error.message : String(error)}`, server);
          fail(entry, why, true);
          this.writeUndelivered(journal);
          if (typeof code === 'string' && MESSAGE_ERRORS.has(code)) continue;
          // The server cannot be reached, hangs or refuses the login: the rest are not tried in this run.
          this.unreachable = { key, message: `${why}（本次运行不再重试，下次运行时再试）` };
          for (const rest of journal.slice(journal.indexOf(entry) + 1)) fail(rest, this.unreachable.message, false);
          break;
        }
      }
    } finally {
      transport.close();
    }
    this.writeUndelivered(journal);
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

/**
 * The SMTP login when it is an email address: the sender (envelope and From) of mail delivered
 * through that server (a server rejects a From it does not own); undefined otherwise.
 */
export function senderOf(server: Pick<SmtpServer, 'user'>): string | undefined {
  return server.user !== undefined && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(server.user) ? server.user : undefined;
}

/** Rejects after `milliseconds` (calling `abandon` first) unless `promise` settled before. */
function withDeadline<T>(promise: Promise<T>, milliseconds: number, abandon: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      abandon();
      reject(Object.assign(new Error(`${Math.round(milliseconds / 1000)} 秒内未能发出（服务器响应过慢）`), { code: 'ETIMEDOUT' }));
    }, milliseconds);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The message as RFC 5322 bytes (MailComposer): plain text, with an HTML alternative when given.
 * With `sender` (the SMTP login) other than the executing user, From is the sender (with the
 * message's display name) and Reply-To the user, unless the message names its own Reply-To.
 */
export async function composeMail(mail: QueuedMail, sender: string = mail.from.address): Promise<Buffer> {
  const own = sender.toLowerCase() === mail.from.address.toLowerCase();
  const from = own ? mail.from : { name: mail.from.name, address: sender };
  const replyTo = mail.replyTo || (own || !mail.from.address ? '' : mail.from.address);
  const domain = from.address.split('@')[1] || 'localhost';
  const composer = new MailComposer({
    from: { name: from.name, address: from.address },
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    // Bcc recipients are on the envelope only; the file, like the message Gmail delivers, does not name them.
    replyTo: replyTo || undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody || undefined,
    textEncoding: 'base64',
    messageId: `<${randomUUID()}@${domain}>`,
    headers: { Date: rfc5322Date(mail.sentAt, mail.timeZone) },
  });
  return composer.compile().build();
}
