/**
 * MailApp offline through small bundles: the four sendEmail forms queue what Google would send;
 * addresses are checked with Google's message; the quota counts recipients (to, cc, bcc) per
 * simulated day and starts again at midnight in the spreadsheet's time zone (several zones), kept
 * with the workbook across save and reopen; Blobs (attachments, inline images) are refused as not
 * available; the call counter sees every MailApp call; nothing is delivered before deliverMail.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_SIZE_LIMIT, BODY_SIZE_MESSAGE, MAIL_QUOTA_MESSAGE, NO_RECIPIENT_MESSAGE, RECIPIENTS_LIMIT_MESSAGE, UNKNOWN_SENDER, invalidEmailMessage } from '../../local/services/mail/mail-app';
import { instantOfDateAndTime } from '../../local/runtime/time-zones';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const MAIL = `
function thrown(call) { try { call(); return ''; } catch (e) { return e.message; } }
function quota() { return MailApp.getRemainingDailyQuota(); }
function sendObject(message) { MailApp.sendEmail(message); return MailApp.getRemainingDailyQuota(); }
function sendThree(to, subject, body) { MailApp.sendEmail(to, subject, body); return MailApp.getRemainingDailyQuota(); }
function sendFour(to, subject, body, options) { MailApp.sendEmail(to, subject, body, options); return MailApp.getRemainingDailyQuota(); }
function sendReplyTo(to, replyTo, subject, body) { MailApp.sendEmail(to, replyTo, subject, body); return MailApp.getRemainingDailyQuota(); }
function tryObject(message) { return thrown(function () { MailApp.sendEmail(message); }); }
function trySend(to) { return thrown(function () { MailApp.sendEmail(to, '主题', '正文'); }); }
function withBlob() { return thrown(function () { MailApp.sendEmail({ to: 'a@school.cn', subject: 's', body: 'b', attachments: [Utilities.newBlob('x', 'text/plain', 'x.txt')] }); }); }
function withImage() { return thrown(function () { MailApp.sendEmail({ to: 'a@school.cn', subject: 's', htmlBody: '<img src="cid:k">', inlineImages: { k: Utilities.newBlob('x', 'image/png', 'k.png') } }); }); }
function sendMany(count) {
  var sent = 0;
  try { for (var i = 0; i < count; i++) { MailApp.sendEmail('r' + i + '@school.cn', '提醒', '正文'); sent++; } } catch (e) { return [sent, e.message, MailApp.getRemainingDailyQuota()]; }
  return [sent, '', MailApp.getRemainingDailyQuota()];
}
`;

let count = 0;
async function book(): Promise<string> {
  count += 1;
  return writeXlsx(join(dir, `mail-${count}.xlsx`), (workbook) => workbook.addWorksheet('计数'));
}

test('the four sendEmail forms queue the message Google would send, counting recipients', async () => {
  const runtime = await openWith(await book(), MAIL, { as: 'sender@school.cn', mailQuota: 20 });
  try {
    expect(runtime.bundle.call('quota')).toBe(20);
    expect(runtime.bundle.call('sendThree', 'a@school.cn', '主题一', '正文一')).toBe(19);
    expect(runtime.bundle.call('sendFour', 'a@school.cn, b@school.cn', '主题二', '正文二', { cc: 'c@school.cn', bcc: 'd@school.cn', name: '班主任评选助手', replyTo: 'city@yx.cn' })).toBe(15);
    expect(runtime.bundle.call('sendReplyTo', 'e@school.cn', 'reply@yx.cn', '主题三', '正文三')).toBe(14);
    expect(runtime.bundle.call('sendObject', { to: '张老师 <f@school.cn>', subject: '主题四', body: '正文四', htmlBody: '<b>正文四</b>', name: '助手' })).toBe(13);
    const queued = runtime.outbox.queued.map(({ from, to, cc, bcc, replyTo, subject, body, htmlBody }) => ({ from, to, cc, bcc, replyTo, subject, body, htmlBody }));
    expect(queued).toEqual([
      { from: { name: '', address: 'sender@school.cn' }, to: ['a@school.cn'], cc: [], bcc: [], replyTo: '', subject: '主题一', body: '正文一', htmlBody: '' },
      { from: { name: '班主任评选助手', address: 'sender@school.cn' }, to: ['a@school.cn', 'b@school.cn'], cc: ['c@school.cn'], bcc: ['d@school.cn'], replyTo: 'city@yx.cn', subject: '主题二', body: '正文二', htmlBody: '' },
      { from: { name: '', address: 'sender@school.cn' }, to: ['e@school.cn'], cc: [], bcc: [], replyTo: 'reply@yx.cn', subject: '主题三', body: '正文三', htmlBody: '' },
      { from: { name: '助手', address: 'sender@school.cn' }, to: ['f@school.cn'], cc: [], bcc: [], replyTo: '', subject: '主题四', body: '正文四', htmlBody: '<b>正文四</b>' },
    ]);
    expect(runtime.counter.of('MailApp.sendEmail')).toBe(4);
    expect(runtime.counter.of('MailApp.getRemainingDailyQuota')).toBe(5);
    // Queued only: nothing is in the outbox folder before deliverMail.
    expect(existsSync(runtime.outbox.folder)).toBe(false);
    expect(runtime.changed).toBe(true);
  } finally {
    runtime.close();
  }
});

test("bad addresses and a message without recipient fail with Google's messages and count nothing", async () => {
  const runtime = await openWith(undefined, MAIL, { as: 'sender@school.cn', mailQuota: 100 });
  try {
    expect(runtime.bundle.call('trySend', 'not-an-address')).toBe(invalidEmailMessage('not-an-address'));
    expect(runtime.bundle.call('trySend', 'a@school.cn, b@@school')).toBe(invalidEmailMessage('b@@school'));
    expect(runtime.bundle.call('trySend', 'a b@school.cn')).toBe(invalidEmailMessage('a b@school.cn'));
    expect(runtime.bundle.call('tryObject', { to: 'a@school.cn', cc: 'nobody', subject: 's', body: 'b' })).toBe(invalidEmailMessage('nobody'));
    expect(runtime.bundle.call('tryObject', { subject: 's', body: 'b' })).toBe(NO_RECIPIENT_MESSAGE);
    const many = Array.from({ length: 51 }, (_, index) => `r${index}@school.cn`).join(',');
    expect(runtime.bundle.call('tryObject', { to: many, subject: 's', body: 'b' })).toBe(RECIPIENTS_LIMIT_MESSAGE);
    expect(runtime.bundle.call('quota')).toBe(100);
    expect(runtime.outbox.queued).toEqual([]);
  } finally {
    runtime.close();
  }
});

test('attachments and inline images are not available offline', async () => {
  const runtime = await openWith(undefined, MAIL, { as: 'sender@school.cn' });
  try {
    expect(runtime.bundle.call('withBlob')).toBe('not available in the local runtime: MailApp.sendEmail (attachments)');
    expect(runtime.bundle.call('withImage')).toBe('not available in the local runtime: MailApp.sendEmail (inlineImages)');
    expect(runtime.bundle.call('sendObject', { to: 'a@school.cn', subject: 's', body: 'b', attachments: [] })).toBe(99);
  } finally {
    runtime.close();
  }
});

test.each(['Asia/Shanghai', 'America/Los_Angeles', 'UTC'])(
  'the quota counts recipients per day and starts again at midnight in the spreadsheet zone (%s), kept across save and reopen',
  async (timeZone) => {
    const path = await book();
    const first = await openWith(path, MAIL, { as: 'sender@school.cn', mailQuota: 3, timeZone, today: '2024-10-08', startTime: '23:00' });
    try {
      expect(first.bundle.call('sendMany', 5)).toEqual([3, MAIL_QUOTA_MESSAGE, 0]);
      expect(first.outbox.queued.length).toBe(3);
      first.clock.moveTo(instantOfDateAndTime('2024-10-08', 23, 59, timeZone));
      first.clock.startExecution();
      expect(first.bundle.call('quota')).toBe(0);
      await first.save();
    } finally {
      first.close();
    }
    // Reopened on the same day, a minute before midnight there: still used up.
    const again = await openWith(path, MAIL, { as: 'sender@school.cn', mailQuota: 3, today: '2024-10-08', startTime: '23:59' });
    try {
      expect(again.timeZone).toBe(timeZone);
      expect(again.bundle.call('quota')).toBe(0);
      again.clock.moveTo(instantOfDateAndTime('2024-10-09', 0, 0, timeZone));
      again.clock.startExecution();
      expect(again.bundle.call('quota')).toBe(3);
      expect(again.bundle.call('sendObject', { to: 'a@school.cn', cc: 'b@school.cn', subject: 's', body: 'b' })).toBe(1);
      // A message with more recipients than are left fails whole, counting nothing.
      expect(again.bundle.call('tryObject', { to: 'a@school.cn', bcc: 'b@school.cn', subject: 's', body: 'b' })).toBe(MAIL_QUOTA_MESSAGE);
      expect(again.bundle.call('sendMany', 2)).toEqual([1, MAIL_QUOTA_MESSAGE, 0]);
    } finally {
      again.close();
    }
  },
);

test('the outbox folder defaults to 发件箱 beside the workbook; a bad --mail-quota is refused in Chinese', async () => {
  const path = await book();
  const runtime = await openWith(path, MAIL);
  try {
    expect(runtime.outbox.folder).toBe(join(dir, '发件箱'));
  } finally {
    runtime.close();
  }
  await expect(openWith(path, MAIL, { mailQuota: -1 })).rejects.toThrow('每日邮件收件人上限（--mail-quota）应为非负整数，收到“-1”');
  expect(readdirSync(dir).includes('发件箱')).toBe(false);
});

test('a body over 200 KB fails with Google’s message; noReply sends from the domain’s no-reply address; no --as sends from a local address', async () => {
  const runtime = await openWith(undefined, MAIL, { as: 'city@yx.cn' });
  try {
    expect(runtime.bundle.call('tryObject', { to: 'a@school.cn', subject: 's', body: '班'.repeat(BODY_SIZE_LIMIT / 3 + 1) })).toBe(BODY_SIZE_MESSAGE);
    expect(runtime.bundle.call('tryObject', { to: 'a@school.cn', subject: 's', body: 'b', htmlBody: 'x'.repeat(BODY_SIZE_LIMIT + 1) })).toBe(BODY_SIZE_MESSAGE);
    runtime.bundle.call('sendObject', { to: 'a@school.cn', subject: 's', body: 'x'.repeat(BODY_SIZE_LIMIT), noReply: true, replyTo: 'b@school.cn' });
    expect(runtime.outbox.queued.map((mail) => [mail.from.address, mail.replyTo])).toEqual([['noreply@yx.cn', '']]);
  } finally {
    runtime.close();
  }
  const anonymous = await openWith(undefined, MAIL);
  try {
    anonymous.bundle.call('sendThree', 'a@school.cn', 's', 'b');
    expect(anonymous.outbox.queued[0]?.from.address).toBe(UNKNOWN_SENDER);
  } finally {
    anonymous.close();
  }
});
