/**
 * Delivering the offline runtime's mail: deliverMail writes one RFC 5322 .eml per message (parsed
 * back with mailparser: Chinese subject and body, sender name, a Date in the spreadsheet's zone,
 * Message-ID, no Bcc header), with no temporary file left and never twice; with an SMTP server
 * configured (BANZHUREN_SMTP, else 设置 邮件服务器) a real server on 127.0.0.1 receives the same
 * messages; a refused login or a server that is down leaves them on the undelivered list, tried
 * again by the next delivery; a bad URL is named with where it came from, and no message ever
 * shows the password; --dry-run writes and sends nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { UNDELIVERED_FILE } from '../../local/services/mail/outbox';
import { SMTP_VARIABLE, maskedUrl, withoutPassword } from '../../local/services/mail/smtp-settings';
import { closedPort, startSmtpServer } from '../support/smtp-server';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
afterEach(() => {
  delete process.env[SMTP_VARIABLE];
});

const MAIL = `
function digest(to, subject, body) { MailApp.sendEmail({ to: to, subject: subject, body: body, name: '班主任评选助手' }); }
function copied() { MailApp.sendEmail({ to: 'a@school.cn', cc: 'c@school.cn', bcc: 'hidden@school.cn', replyTo: 'city@yx.cn', subject: '抄送', body: '正文' }); }
`;
const SUBJECT = '【班主任评选助手】今日待办：3 项待审核（红塔区）';
const BODY = '王老师：\n\n以下推荐已等待 5 个工作日：\n1. 张三（玉溪一中）学校推荐\n\n表格：https://docs.google.com/spreadsheets/d/x\n';

let count = 0;
/** A workbook in its own folder, optionally with a 设置 sheet whose 邮件服务器 is `smtp`. */
async function book(smtp?: string): Promise<{ path: string; folder: string }> {
  count += 1;
  const folder = join(dir, `book-${count}`);
  mkdirSync(folder);
  const path = await writeXlsx(join(folder, '推荐.xlsx'), (workbook) => {
    workbook.addWorksheet('计数');
    if (smtp !== undefined) {
      const settings = workbook.addWorksheet('设置');
      settings.addRow(['设置项', '值', '说明']);
      settings.addRow(['提醒间隔', 5, '']);
      settings.addRow(['邮件服务器', smtp, '']);
    }
  });
  return { path, folder };
}

const emlFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.eml')).sort() : []);

test.each([
  ['Asia/Shanghai', '+0800'],
  ['America/Los_Angeles', '-0700'],
])('deliverMail writes one RFC 5322 .eml per message, in UTF-8 with an encoded subject and a Date in the spreadsheet zone (%s)', async (timeZone, offset) => {
  const { path, folder } = await book();
  const runtime = await openWith(path, MAIL, { as: 'city@yx.cn', timeZone, today: '2024-10-09' });
  try {
    runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
    runtime.bundle.call('copied');
    expect(emlFiles(join(folder, '发件箱'))).toEqual([]);
    await runtime.save();
    const report = await runtime.deliverMail();
    const outbox = join(folder, '发件箱');
    expect(report.delivered).toBe(0);
    expect(report.failed).toEqual([]);
    expect(report.written.map((file) => file.slice(outbox.length + 1))).toEqual([
      expect.stringMatching(/^20241009-0900\d\d-001-wang@school\.cn\.eml$/),
      // Sent in the same second: the sequence number tells them apart.
      expect.stringMatching(/^20241009-0900\d\d-002-a@school\.cn\.eml$/),
    ]);
    expect(readdirSync(outbox).sort()).toEqual(report.written.map((file) => file.slice(outbox.length + 1)).sort());

    const raw = readFileSync(report.written[0] ?? '');
    const headers = raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(headers).toMatch(new RegExp(`^Date: Wed, 09 Oct 2024 09:00:\\d\\d \\${offset}$`, 'm'));
    expect(headers).toMatch(/^Message-ID: <[^>]+@yx\.cn>$/m);
    expect(headers).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.text).toBe(BODY);
    expect(parsed.from?.value).toEqual([{ name: '班主任评选助手', address: 'city@yx.cn' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((address) => address.address) : []).toEqual(['wang@school.cn']);
    expect(parsed.date?.getTime()).toBe(runtime.outbox.sent[0]?.sentAt !== undefined ? Math.floor(runtime.outbox.sent[0].sentAt / 1000) * 1000 : NaN);

    const second = await simpleParser(readFileSync(report.written[1] ?? ''));
    expect(second.cc && !Array.isArray(second.cc) ? second.cc.text : '').toBe('c@school.cn');
    expect(second.replyTo?.text).toBe('city@yx.cn');
    expect(second.headers.has('bcc')).toBe(false);

    // Delivered once: a second call has nothing left to write.
    expect(await runtime.deliverMail()).toEqual({ written: [], delivered: 0, failed: [], uncertain: [] });
    expect(emlFiles(outbox)).toHaveLength(2);
  } finally {
    runtime.close();
  }
});

test('with BANZHUREN_SMTP, a real SMTP server on 127.0.0.1 receives the same messages as the outbox, logging in', async () => {
  const server = await startSmtpServer({ user: 'mailer', password: 'p@ss:秘密' });
  try {
    process.env[SMTP_VARIABLE] = server.url('mailer', 'p@ss:秘密');
    const { path, folder } = await book();
    const runtime = await openWith(path, MAIL, { as: 'city@yx.cn' });
    try {
      runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
      runtime.bundle.call('copied');
      await runtime.save();
      const report = await runtime.deliverMail();
      expect(report.failed).toEqual([]);
      expect(report.delivered).toBe(2);
      // One connection, and one login, per message.
      expect(server.logins).toEqual(['mailer', 'mailer']);
      expect(server.received.map(({ from, to }) => ({ from, to }))).toEqual([
        { from: 'city@yx.cn', to: ['wang@school.cn'] },
        { from: 'city@yx.cn', to: ['a@school.cn', 'c@school.cn', 'hidden@school.cn'] },
      ]);
      const files = await Promise.all(report.written.map((file) => simpleParser(readFileSync(file))));
      const received = await server.parsed();
      expect(received.map((mail) => [mail.messageId, mail.subject, mail.text])).toEqual(files.map((mail) => [mail.messageId, mail.subject, mail.text]));
      expect(received[0]?.subject).toBe(SUBJECT);
      expect(existsSync(join(folder, '发件箱', UNDELIVERED_FILE))).toBe(false);
    } finally {
      runtime.close();
    }
  } finally {
    await server.stop();
  }
});

test('the 设置 sheet’s 邮件服务器 is used without BANZHUREN_SMTP; a refused login is listed, its password never shown, and retried with the right one', async () => {
  const server = await startSmtpServer({ user: 'mailer', password: 'right-secret' });
  try {
    const { path, folder } = await book(server.url('mailer', 'wrong-secret'));
    const runtime = await openWith(path, MAIL, { as: 'city@yx.cn' });
    const outbox = join(folder, '发件箱');
    try {
      runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
      await runtime.save();
      const report = await runtime.deliverMail();
      expect(report.delivered).toBe(0);
      expect(report.failed).toEqual([{ file: report.written[0], message: expect.stringContaining(`投递到邮件服务器 smtp://***@127.0.0.1:${server.port}（设置第3行（邮件服务器））失败：`) }]);
      expect(JSON.stringify(report)).not.toContain('wrong-secret');
      const listed = readFileSync(join(outbox, UNDELIVERED_FILE), 'utf8');
      expect(listed).not.toContain('wrong-secret');
      expect(JSON.parse(listed)).toEqual([expect.objectContaining({ file: emlFiles(outbox)[0], to: ['wang@school.cn'], attempts: 1 })]);
      expect(server.received).toEqual([]);

      // The environment wins over 设置: the next delivery, with nothing new queued, retries the listed message.
      process.env[SMTP_VARIABLE] = server.url('mailer', 'right-secret');
      const retry = await runtime.deliverMail();
      expect(retry).toEqual({ written: [], delivered: 1, failed: [], uncertain: [] });
      expect(existsSync(join(outbox, UNDELIVERED_FILE))).toBe(false);
      expect((await server.parsed()).map((mail) => mail.subject)).toEqual([SUBJECT]);
      expect(await runtime.deliverMail()).toEqual({ written: [], delivered: 0, failed: [], uncertain: [] });
      expect(server.received).toHaveLength(1);
    } finally {
      runtime.close();
    }
  } finally {
    await server.stop();
  }
});

test('a server that is down: the messages are written and listed, and the next delivery (another run) sends them once it is up', async () => {
  const port = await closedPort();
  process.env[SMTP_VARIABLE] = `smtp://127.0.0.1:${port}`;
  const { path, folder } = await book();
  const first = await openWith(path, MAIL, { as: 'city@yx.cn' });
  try {
    first.bundle.call('digest', 'wang@school.cn', '一', BODY);
    first.bundle.call('digest', 'li@school.cn', '二', BODY);
    await first.save();
    const report = await first.deliverMail();
    expect(report.written).toHaveLength(2);
    expect(report.delivered).toBe(0);
    expect(report.failed.map((failure) => failure.file)).toEqual(report.written);
  } finally {
    first.close();
  }
  const server = await startSmtpServer({ port });
  try {
    const second = await openWith(path, MAIL, { as: 'city@yx.cn' });
    try {
      second.bundle.call('digest', 'zhao@school.cn', '三', BODY);
      await second.save();
      const report = await second.deliverMail();
      expect(report.failed).toEqual([]);
      expect(report.delivered).toBe(3);
      expect((await server.parsed()).map((mail) => mail.subject)).toEqual(['一', '二', '三']);
      expect(existsSync(join(folder, '发件箱', UNDELIVERED_FILE))).toBe(false);
    } finally {
      second.close();
    }
  } finally {
    await server.stop();
  }
});

test.each([
  ['环境变量 BANZHUREN_SMTP', 'http://user:topsecret@mail.yx.cn', '协议应为 smtp 或 smtps，收到“http”', 'http://***@mail.yx.cn'],
  ['设置第3行（邮件服务器）', 'smtp://:topsecret@mail.yx.cn:25', '有密码却没有用户名', 'smtp://***@mail.yx.cn:25'],
  ['设置第3行（邮件服务器）', 'mail.yx.cn topsecret', '无法识别（用户名或密码中的 / @ : 等字符须写成 %2F %40 %3A）', '***'],
  // A password with a / or an @ in it typed unencoded: the URL does not parse (or parses with its part in the host) — none of it shown.
  ['环境变量 BANZHUREN_SMTP', 'smtp://city:topsecret/Pass@127.0.0.1:2525', '无法识别（用户名或密码中的 / @ : 等字符须写成 %2F %40 %3A）', 'smtp://***'],
])('a bad SMTP URL from %s is named in Chinese, masked, and its messages wait on the list', async (source, url, why, shown) => {
  const fromSettings = source.startsWith('设置');
  if (!fromSettings) process.env[SMTP_VARIABLE] = url;
  const { path } = await book(fromSettings ? url : undefined);
  const runtime = await openWith(path, MAIL, { as: 'city@yx.cn' });
  try {
    runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
    const report = await runtime.deliverMail();
    expect(report.written).toHaveLength(1);
    expect(report.failed).toEqual([{ file: report.written[0], message: `邮件服务器地址无效（${source}）：${why}；应为 smtp://用户名:密码@主机:端口 或 smtps://用户名:密码@主机:端口，收到“${shown}”` }]);
    expect(JSON.stringify(report)).not.toContain('topsecret');
    expect(JSON.stringify(report)).not.toContain('user');
    const listed = readFileSync(join(runtime.outbox.folder, UNDELIVERED_FILE), 'utf8');
    expect(listed).not.toContain('topsecret');
    expect(listed).not.toContain(url);
  } finally {
    runtime.close();
  }
});

test('dryRunMail: sendEmail checks and counts, deliverMail writes and sends nothing', async () => {
  const server = await startSmtpServer();
  try {
    process.env[SMTP_VARIABLE] = server.url();
    const { path, folder } = await book();
    const runtime = await openWith(path, MAIL, { as: 'city@yx.cn', dryRunMail: true, mailQuota: 5 });
    try {
      runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
      expect(await runtime.deliverMail()).toEqual({ written: [], delivered: 0, failed: [], uncertain: [] });
      expect(runtime.outbox.sent.map((mail) => mail.subject)).toEqual([SUBJECT]);
      expect(existsSync(join(folder, '发件箱'))).toBe(false);
      expect(server.received).toEqual([]);
    } finally {
      runtime.close();
    }
  } finally {
    await server.stop();
  }
});

test('a server message that repeats the password shows it masked, as typed and URL-encoded', () => {
  const server = { password: 'p@ss:秘密' };
  expect(withoutPassword(`535 bad login p@ss:秘密 / ${encodeURIComponent('p@ss:秘密')}`, server)).toBe('535 bad login *** / ***');
  expect(maskedUrl('smtps://mailer:p%40ss@mail.yx.cn:465')).toBe('smtps://***@mail.yx.cn:465');
});

test.each([
  ['smtp://city:abc@Secr3tPart@127.0.0.1:1', 'smtp://***@127.0.0.1:1'],
  ['smtp://city:Secr3t/Pass@127.0.0.1:2525', 'smtp://***'],
  ['smtps://city%40yuxi.edu.cn:Secr3t@mail.yx.cn', 'smtps://***@mail.yx.cn'],
  ['smtp://mail.yx.cn:25', 'smtp://mail.yx.cn:25'],
  ['smtp://mail.yx.cn:25/Secr3t?x=Secr3t', 'smtp://mail.yx.cn:25/***'],
  ['Secr3t smtp', '***'],
])('maskedUrl(%s) shows no part of the userinfo: %s', (url, shown) => {
  expect(maskedUrl(url)).toBe(shown);
  expect(maskedUrl(url)).not.toMatch(/Secr3t|city|abc/);
});

test('a password shorter than 4 characters is not masked in texts (that would spell it out); longer ones are, in every form', () => {
  const text = 'Invalid login: 535 a b c';
  expect(withoutPassword(text, { password: 'a' })).toBe(text);
  expect(withoutPassword(text, { password: 'abc' })).toBe(text);
  expect(withoutPassword('no pa/ss, pa%2Fss, pa%2fss', { password: 'pa/ss', typedPassword: 'pa%2fss' })).toBe('no ***, ***, ***');
});

test('a temporary file a killed delivery left is removed by the next one; one of a running process is left alone', async () => {
  const { path, folder } = await book();
  const outbox = join(folder, '发件箱');
  mkdirSync(outbox);
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  const dead = `20241009-090000-001-wang@school.cn.eml.${deadPid}.0123abcd.tmp`;
  const alive = `20241009-090000-002-li@school.cn.eml.${process.pid}.4567cdef.tmp`;
  writeFileSync(join(outbox, dead), 'half a message');
  writeFileSync(join(outbox, alive), 'being written');
  const runtime = await openWith(path, MAIL, { as: 'city@yx.cn', today: '2024-10-10' });
  try {
    runtime.bundle.call('digest', 'wang@school.cn', SUBJECT, BODY);
    await runtime.deliverMail();
    expect(readdirSync(outbox).filter((name) => name.endsWith('.tmp'))).toEqual([alive]);
    expect(emlFiles(outbox)).toHaveLength(1);
  } finally {
    runtime.close();
  }
});
