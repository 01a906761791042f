/**
 * Session offline: the active (and effective) user is the --as email, '' when none is given (as
 * Apps Script gives '' when it may not reveal the user), or, for an execution a trigger fired, the
 * user who installed that trigger (the runtime makes a new Session for it: setActiveUser); the
 * script time zone is appsscript.json's.
 */
import { createHash } from 'node:crypto';
import { makeFake, type FakeContext } from './fake-object';

/** The script's time zone, from appsscript.json. */
export const SCRIPT_TIME_ZONE = 'Asia/Shanghai';

/** A User fake; its internal value is its email, so Protection.addEditor(user) can read it. */
export function makeUser(context: FakeContext, email: string): unknown {
  return makeFake(context, 'User', () => ({ getEmail: () => email }), { internal: email });
}

/** The Session fake. `spreadsheetId` scopes the temporary user key, as Apps Script scopes it per script. */
export function makeSession(context: FakeContext, email: string, spreadsheetId: string): unknown {
  const user = () => makeUser(context, email);
  return makeFake(context, 'Session', () => ({
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => SCRIPT_TIME_ZONE,
    getTemporaryActiveUserKey: () => createHash('sha256').update(`${spreadsheetId}\n${email}`).digest('base64').replace(/=+$/, ''),
  }));
}
