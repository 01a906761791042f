/**
 * The add-on's only door to MailApp (https://developers.google.com/apps-script/reference/mail/mail-app,
 * scope script.send_mail): how many recipients Google still allows today, and one plain-text email
 * sent as the effective user with the add-on's name as the sender's display name. Quotas count
 * recipients, not emails (100 a day for a gmail.com account, 1,500 for Google Workspace:
 * https://developers.google.com/apps-script/guides/services/quotas); each digest has one recipient.
 */

/** The sender's display name of every email the add-on sends (MailApp's `name` option). */
export const MAIL_SENDER_NAME = '班主任评选助手';

/** How many more recipients MailApp may send to today (MailApp.getRemainingDailyQuota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one plain-text email to one recipient; throws what MailApp throws (invalid address, quota used up). */
export function sendPlainEmail(to: string, subject: string, body: string): void {
  MailApp.sendEmail({ to, subject, body, name: MAIL_SENDER_NAME });
}
