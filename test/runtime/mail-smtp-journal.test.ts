/**
 * SMTP delivery's journal, time limits and sender: every new message is on
 * .banzhuren-undelivered.json before the first is handed to the server, the one in flight marked
 * `sending`; an entry a dead run left marked is reported uncertain and never sent again; a server
 * that never greets or trickles bytes forever costs one time limit, and is not tried again by the
 * same process; with an SMTP login that is an email address, the envelope and From use it and
 * Reply-To names the executing user.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Outbox, UNDELIVERED_FILE, type QueuedMail } from '../../local/services/mail/outbox';
import { startSmtpServer, startTarpit } from '../support/smtp-server';
import { tempDir } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let count = 0;
/** A fresh outbox folder. */
function folder(): string {
  count += 1;
  return join(dir, `outbox-${count}`);
}

/** A message from the trigger's user city@yx.cn to `to`. */
function mail(to: string, subject = '今日待办'): QueuedMail {
  return { from: { name: '班主任评选助手', address: 'city@yx.cn' }, to: [to], cc: [], bcc: [], replyTo: '', subject, body: '正文', htmlBody: '', sentAt: Date.UTC(2025, 8, 15, 1), timeZone: 'Asia/Shanghai' };
}

const outboxTo = (path: string, url: string, timeouts = {}) => new Outbox(path, { smtp: () => ({ url, source: '环境变量 BANZHUREN_SMTP' }), timeouts });
const journalOf = (path: string): { file: string; sending?: boolean; attempts: number; message: string }[] =>
  existsSync(join(path, UNDELIVERED_FILE)) ? JSON.parse(readFileSync(join(path, UNDELIVERED_FILE), 'utf8')) : [];

test('every new message is on the journal before the first is sent, the one in flight marked sending, each removed once taken', async () => {
  const path = folder();
  const seen: { file: string; sending?: boolean }[][] = [];
  const server = await startSmtpServer({ onReceive: () => seen.push(journalOf(path).map(({ file, sending }) => ({ file, sending }))) });
  try {
    const outbox = outboxTo(path, server.url());
    outbox.add(mail('a@school.cn'));
    outbox.add(mail('b@school.cn'));
    outbox.add(mail('c@school.cn'));
    const report = await outbox.deliver();
    expect(report.delivered).toBe(3);
    const files = report.written.map((file) => file.slice(path.length + 1));
    expect(seen).toEqual([
      [{ file: files[0], sending: true }, { file: files[1] }, { file: files[2] }],
      [{ file: files[1], sending: true }, { file: files[2] }],
      [{ file: files[2], sending: true }],
    ]);
    expect(existsSync(join(path, UNDELIVERED_FILE))).toBe(false);
  } finally {
    await server.stop();
  }
});

test('an entry a killed run left marked sending is reported uncertain and not sent again; the others are', async () => {
  const path = folder();
  mkdirSync(path);
  writeFileSync(join(path, 'inflight.eml'), 'Subject: a\r\n\r\nx\r\n');
  writeFileSync(join(path, 'waiting.eml'), 'Subject: b\r\n\r\ny\r\n');
  writeFileSync(
    join(path, UNDELIVERED_FILE),
    JSON.stringify([
      { file: 'inflight.eml', from: 'city@yx.cn', to: ['a@school.cn'], message: '', attempts: 0, sending: true },
      { file: 'waiting.eml', from: 'city@yx.cn', to: ['b@school.cn'], message: '', attempts: 0 },
    ]),
  );
  const server = await startSmtpServer();
  try {
    const report = await outboxTo(path, server.url()).deliver();
    expect(report).toEqual({ written: [], delivered: 1, failed: [], uncertain: [join(path, 'inflight.eml')] });
    expect(server.received.map((received) => received.to)).toEqual([['b@school.cn']]);
    expect(journalOf(path)).toEqual([]);
    expect(await outboxTo(path, server.url()).deliver()).toEqual({ written: [], delivered: 0, failed: [], uncertain: [] });
    expect(server.received).toHaveLength(1);
  } finally {
    await server.stop();
  }
});

test.each([
  ['never greets', false],
  ['trickles bytes forever', true],
])('a server that %s costs one time limit: the delivery ends, the messages wait, and this process does not try it again', async (_what, trickle) => {
  const tarpit = await startTarpit({ trickle });
  const path = folder();
  try {
    // The connection, greeting and silence limits far beyond the message's: only the overall deadline can end it.
    const outbox = outboxTo(path, `smtp://127.0.0.1:${tarpit.port}`, { connection: 60_000, greeting: 60_000, socket: 60_000, message: 300 });
    outbox.add(mail('a@school.cn'));
    outbox.add(mail('b@school.cn'));
    const first = await outbox.deliver();
    expect(first.delivered).toBe(0);
    expect(first.failed.map((failure) => failure.file)).toEqual(first.written);
    expect(first.failed[0]?.message).toContain('秒内未能发出');
    expect(tarpit.connections()).toBe(1);
    expect(journalOf(path).map((entry) => [entry.attempts, entry.sending])).toEqual([[1, undefined], [0, undefined]]);

    outbox.add(mail('c@school.cn'));
    const second = await outbox.deliver();
    expect(second.written).toHaveLength(1);
    expect(second.failed).toEqual([{ file: second.written[0], message: expect.stringContaining('本次运行不再重试，下次运行时再试') }]);
    expect(tarpit.connections()).toBe(1);
    expect(journalOf(path)).toHaveLength(3);

    // The next run (another process: a new outbox) tries again, once.
    await outboxTo(path, `smtp://127.0.0.1:${tarpit.port}`, { message: 300 }).deliver();
    expect(tarpit.connections()).toBe(2);
  } finally {
    await tarpit.stop();
  }
});

test('with an SMTP login that is an email address, the envelope and From are that address and Reply-To the executing user', async () => {
  const server = await startSmtpServer({ user: 'mailer@yx.cn', password: 'right-secret' });
  const path = folder();
  try {
    const outbox = outboxTo(path, server.url('mailer@yx.cn', 'right-secret'));
    outbox.add(mail('wang@school.cn'));
    const report = await outbox.deliver();
    expect(report.delivered).toBe(1);
    expect(server.received.map((received) => received.from)).toEqual(['mailer@yx.cn']);
    for (const raw of [server.received[0]!.raw, readFileSync(report.written[0]!)]) {
      const parsed = await simpleParser(raw);
      expect(parsed.from?.value).toEqual([{ name: '班主任评选助手', address: 'mailer@yx.cn' }]);
      expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'city@yx.cn' }]);
    }
  } finally {
    await server.stop();
  }
});

test('with a login that is no email address (or none), From stays the executing user and there is no Reply-To', async () => {
  const server = await startSmtpServer({ user: 'mailer', password: 'right-secret' });
  const path = folder();
  try {
    const outbox = outboxTo(path, server.url('mailer', 'right-secret'));
    outbox.add(mail('wang@school.cn'));
    await outbox.deliver();
    expect(server.received.map((received) => received.from)).toEqual(['city@yx.cn']);
    const parsed = await simpleParser(server.received[0]!.raw);
    expect(parsed.from?.value).toEqual([{ name: '班主任评选助手', address: 'city@yx.cn' }]);
    expect(parsed.replyTo).toBeUndefined();
  } finally {
    await server.stop();
  }
});

test('a message the server refuses waits for the next run: later deliveries of the same run do not hand it over again', async () => {
  const server = await startSmtpServer({ refuse: ['gone@school.cn'] });
  const path = folder();
  try {
    const outbox = outboxTo(path, server.url());
    outbox.add(mail('gone@school.cn'));
    outbox.add(mail('a@school.cn'));
    const first = await outbox.deliver();
    expect([first.delivered, first.failed.length, server.refused]).toEqual([1, 1, ['gone@school.cn']]);
    outbox.add(mail('b@school.cn'));
    const second = await outbox.deliver();
    expect([second.delivered, second.failed.length, server.refused]).toEqual([1, 0, ['gone@school.cn']]);
    expect(journalOf(path).map((entry) => entry.attempts)).toEqual([1]);
    // The next run tries it again, once.
    await outboxTo(path, server.url()).deliver();
    expect(server.refused).toEqual(['gone@school.cn', 'gone@school.cn']);
    expect(journalOf(path).map((entry) => entry.attempts)).toEqual([2]);
  } finally {
    await server.stop();
  }
});
