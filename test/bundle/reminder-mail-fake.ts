/**
 * A small MailApp stand-in for the bundle's reminder tests that must make a send fail on purpose
 * or read each message at once (the runtime's own MailApp, local/services/mail/, is used where
 * that is not needed): getRemainingDailyQuota gives what is left of a quota that
 * counts recipients, sendEmail(message) keeps each message (or throws what a test asks), both
 * counted by the runtime's CallCounter as MailApp.* calls. Apps Script's reference:
 * https://developers.google.com/apps-script/reference/mail/mail-app
 */
import type { WorkbookRuntime } from '../../local/workbook-runtime';

/** One email the bundle sent. */
export interface SentMail {
  to: string;
  subject: string;
  body: string;
  name?: string;
}

/** What the stand-in recorded, and a way to make the next sends fail. */
export interface FakeMail {
  sent: SentMail[];
  /** When set, sendEmail throws this message (after counting) instead of sending. */
  failWith?: string;
  quota: number;
  /** Called at each send before it is kept (a test may advance the clock: a slow send). */
  onSend?: () => void;
}

/** Installs the stand-in as the bundle's MailApp; quota = recipients allowed for the rest of the day. */
export function installFakeMailApp(runtime: WorkbookRuntime, quota = 100): FakeMail {
  const mail: FakeMail = { sent: [], quota };
  const realm = runtime.bundle.realm;
  runtime.bundle.context.MailApp = {
    getRemainingDailyQuota() {
      runtime.counter.count('MailApp.getRemainingDailyQuota');
      return mail.quota;
    },
    sendEmail(message: SentMail) {
      runtime.counter.count('MailApp.sendEmail');
      mail.onSend?.();
      if (mail.failWith !== undefined) throw new realm.Error(mail.failWith);
      if (mail.quota < 1) throw new realm.Error('Service invoked too many times for one day: email.');
      mail.quota -= 1;
      mail.sent.push({ to: message.to, subject: message.subject, body: message.body, name: message.name });
    },
  };
  return mail;
}
