/**
 * MailApp offline (https://developers.google.com/apps-script/reference/mail/mail-app):
 * getRemainingDailyQuota and the four forms of sendEmail — (message), (recipient, subject, body),
 * (recipient, subject, body, options), (to, replyTo, subject, body) — with the message fields to,
 * cc, bcc, replyTo, subject, body, htmlBody, name and noReply. Addresses are checked as Apps
 * Script does ("Invalid email: x"); the daily quota counts recipients (to, cc and bcc: "5 emails
 * sent to 10 addresses count as 50 recipients", quotas page
 * https://developers.google.com/apps-script/guides/services/quotas) per simulated day in the
 * spreadsheet's time zone, kept with the workbook (WorkbookState.mailRecipients); past it sendEmail
 * throws "Service invoked too many times for one day: email." and counts nothing. An accepted
 * message is queued in the Outbox, delivered after the run saved the workbook. Attachments and
 * inline images (Blobs) are not available offline.
 */
import { makeFake, realmError, unavailable, type FakeContext } from '../fake-object';
import type { WorkbookState } from '../workbook-state';
import { wallClockAt } from '../../runtime/time-zones';
import type { Outbox } from './outbox';

/** A consumer account's email recipients per day (quotas page, "Email recipients per day 100"). */
export const DEFAULT_MAIL_QUOTA = 100;
/** Recipients one message may have (quotas page, "Email recipients per message 50"). */
export const RECIPIENTS_PER_MESSAGE = 50;
/** The largest body, in bytes (quotas page, "Email body size 200 KB / message"). */
export const BODY_SIZE_LIMIT = 200 * 1024;

/** What Apps Script throws when the day's recipients are used up. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
/** What Apps Script throws for a message without any recipient. */
export const NO_RECIPIENT_MESSAGE = 'Failed to send email: no recipient';
/** What Apps Script throws past the recipients of one message. */
export const RECIPIENTS_LIMIT_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
/** What Apps Script throws past the body size. */
export const BODY_SIZE_MESSAGE = 'Limit Exceeded: Email Body Size.';

/** Apps Script's message for an address it cannot send to. */
export function invalidEmailMessage(address: string): string {
  return `Invalid email: ${address}`;
}

/** The From address offline when the effective user is unknown (no --as). */
export const UNKNOWN_SENDER = 'banzhuren@localhost';

/** Options of the MailApp fake. */
export interface MailAppOptions {
  outbox: Outbox;
  state: WorkbookState;
  /** Recipients per simulated day (default DEFAULT_MAIL_QUOTA). */
  quota?: number;
  /** The effective user's email now ('' when unknown). */
  user: () => string;
  /** Told when the quota count changed (so the workbook is saved). */
  onStateChange: () => void;
}

/** A plain address: something@domain.tld, no spaces, brackets, quotes or separators. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** The addresses of a comma-separated recipient list ("a@x.cn, 名字 <b@y.cn>"), each checked; throws Apps Script's message for the first bad one. */
function addressesOf(context: FakeContext, list: unknown): string[] {
  if (list === undefined || list === null) return [];
  const text = String(list);
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const item = part.trim();
    const bracketed = /^[^<>]*<([^<>]+)>$/.exec(item);
    const address = (bracketed ? bracketed[1] ?? '' : item).trim();
    if (!ADDRESS.test(address)) throw realmError(context, invalidEmailMessage(item));
    return address;
  });
}

/** The fields of a sendEmail message object that the runtime reads. */
interface MessageFields {
  to?: unknown; cc?: unknown; bcc?: unknown; replyTo?: unknown; subject?: unknown; body?: unknown;
  htmlBody?: unknown; name?: unknown; noReply?: unknown; attachments?: unknown; inlineImages?: unknown;
}

/** Whether a field that only Blobs can fill was given (an empty list or object is as good as none). */
function given(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The MailApp fake. */
export function makeMailApp(context: FakeContext, options: MailAppOptions): unknown {
  const quota = options.quota ?? DEFAULT_MAIL_QUOTA;
  const { state, outbox } = options;
  const today = () => {
    const wall = wallClockAt(context.clock.now(), state.timeZone);
    return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  };
  const usedToday = () => (state.mailRecipients.day === today() ? state.mailRecipients.count : 0);

  const send = (message: MessageFields) => {
    if (given(message.attachments)) unavailable(context, 'MailApp', 'sendEmail', 'attachments');
    if (given(message.inlineImages)) unavailable(context, 'MailApp', 'sendEmail', 'inlineImages');
    const to = addressesOf(context, message.to);
    const cc = addressesOf(context, message.cc);
    const bcc = addressesOf(context, message.bcc);
    const replyTo = addressesOf(context, message.replyTo);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw realmError(context, NO_RECIPIENT_MESSAGE);
    if (recipients > RECIPIENTS_PER_MESSAGE) throw realmError(context, RECIPIENTS_LIMIT_MESSAGE);
    const body = message.body === undefined || message.body === null ? '' : String(message.body);
    const htmlBody = message.htmlBody === undefined || message.htmlBody === null ? '' : String(message.htmlBody);
    if (Buffer.byteLength(body, 'utf8') > BODY_SIZE_LIMIT || Buffer.byteLength(htmlBody, 'utf8') > BODY_SIZE_LIMIT) {
      throw realmError(context, BODY_SIZE_MESSAGE);
    }
    const used = usedToday();
    if (used + recipients > quota) throw realmError(context, MAIL_QUOTA_MESSAGE);
    state.mailRecipients = { day: today(), count: used + recipients };
    options.onStateChange();
    const user = options.user() || UNKNOWN_SENDER;
    // noReply: Google sends from a generic no-reply address of the user's domain (Workspace accounts).
    const address = message.noReply === true ? `noreply@${user.split('@')[1] ?? 'localhost'}` : user;
    const name = message.name === undefined || message.name === null ? '' : String(message.name);
    outbox.add({
      from: { name, address },
      to,
      cc,
      bcc,
      replyTo: message.noReply === true ? '' : (replyTo[0] ?? ''),
      subject: message.subject === undefined || message.subject === null ? '' : String(message.subject),
      body,
      htmlBody,
      sentAt: context.clock.now(),
      timeZone: state.timeZone,
    });
  };

  return makeFake(
    context,
    'MailApp',
    () => ({
      getRemainingDailyQuota: () => quota - usedToday(),
      sendEmail(first: unknown, ...rest: unknown[]) {
        if (rest.length === 0) {
          if (typeof first !== 'object' || first === null) {
            throw realmError(context, `The parameters (${typeof first === 'string' ? 'String' : 'null'}) don't match the method signature for MailApp.sendEmail.`);
          }
          send(first as MessageFields);
          return;
        }
        const [second, third, fourth] = rest;
        // (to, replyTo, subject, body): four strings; else (recipient, subject, body[, options]).
        if (rest.length === 3 && typeof fourth === 'string') {
          send({ to: first, replyTo: second, subject: third, body: fourth });
          return;
        }
        const extra = (typeof fourth === 'object' && fourth !== null ? fourth : {}) as MessageFields;
        send({ ...extra, to: first, subject: second, body: third });
      },
    }),
    { costs: { sendEmail: 'mail', getRemainingDailyQuota: 'read' } },
  );
}
