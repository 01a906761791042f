/**
 * LockService offline. The runtime holds an exclusive lock file on the workbook for the whole
 * run, so no other process can be inside the document at the same time: tryLock and waitLock
 * always succeed at once. What is tracked is whether this execution holds each lock (hasLock).
 */
import { makeFake, type FakeContext } from './fake-object';

/** Apps Script's message when waitLock times out (never thrown here: the file lock excludes others). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

function makeLock(context: FakeContext, held: { value: boolean }): unknown {
  return makeFake(
    context,
    'Lock',
    () => ({
      tryLock() {
        held.value = true;
        return true;
      },
      waitLock() {
        held.value = true;
      },
      releaseLock() {
        held.value = false;
      },
      hasLock: () => held.value,
    }),
    { costs: { tryLock: 'read', waitLock: 'read', releaseLock: 'read' } },
  );
}

/** The LockService fake: one document, one script and one user lock per run. */
export function makeLockService(context: FakeContext): unknown {
  const document = { value: false };
  const script = { value: false };
  const user = { value: false };
  return makeFake(context, 'LockService', () => ({
    getDocumentLock: () => makeLock(context, document),
    getScriptLock: () => makeLock(context, script),
    getUserLock: () => makeLock(context, user),
  }));
}
