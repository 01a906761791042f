/**
 * Who is acting: the active user's email, as Apps Script reports it. Lower-cased for matching
 * against the 权限 sheet. Session.getActiveUser needs the userinfo.email scope (appsscript.json);
 * even with it, Google gives a blank email when its security policies do not allow revealing the
 * user (for example a consumer gmail.com account, or a user outside the owner's Google Workspace
 * domain), and then no move can be checked against 权限.
 */

/** The active user's email ('' when Apps Script cannot tell, e.g. a consumer account in a trigger). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}

/** Google did not reveal who is acting, so 权限 cannot be checked: nothing was changed. */
export class UnknownUserError extends Error {
  override name = 'UnknownUserError';
  constructor() {
    super(
      'Google 没有提供您的账号邮箱，无法按“权限”表核对身份，本次没有做任何修改。' +
        '使用个人 gmail.com 账号，或所用账号与表格所有者不属于同一单位（Google Workspace 域）时，Google 不会告诉插件您是谁。' +
        '请改用本单位的工作账号登录 Google 后重试，或请“权限”表中的老师代为操作。',
    );
  }
}

/** The active user's email, or UnknownUserError when Google gives none. */
export function requireActiveUserEmail(): string {
  const email = activeUserEmail();
  if (email === '') throw new UnknownUserError();
  return email;
}
