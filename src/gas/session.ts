/**
 * Who is acting: the active user's email, as Apps Script reports it. Lower-cased for matching
 * against the 权限 sheet.
 */

/** The active user's email ('' when Apps Script cannot tell, e.g. a consumer account in a trigger). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
