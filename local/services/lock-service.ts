/**
 * LockService offline. The runtime holds an exclusive lock file on the workbook for the whole
 * run, so normally no other process can be inside the document at the same time and tryLock and
 * waitLock succeed at once; what is tracked is whether this execution holds each lock (hasLock).
 * Contention can be simulated for the document lock (the runtime's documentLockBusy option):
 * another execution then holds it throughout, so waitLock(timeout) waits out its timeout on the
 * simulated clock and throws Apps Script's "Lock timeout" exception, and tryLock(timeout) waits
 * and answers false, as the Lock reference documents.
 */
import { advanceClock, makeFake, realmError, type FakeContext } from './fake-object';

/** Apps Script's message when waitLock times out. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Which locks another execution holds for the whole run. */
export interface LockContention {
  documentBusy?: boolean;
}

function makeLock(context: FakeContext, held: { value: boolean }, busy: boolean): unknown {
  /** Waits out the timeout when another execution holds the lock; true when this one gets it. */
  const acquire = (timeoutInMillis: unknown): boolean => {
    if (!busy) {
      held.value = true;
      return true;
    }
    const wait = Number(timeoutInMillis);
    if (Number.isFinite(wait) && wait > 0) advanceClock(context, wait);
    return false;
  };
  return makeFake(
    context,
    'Lock',
    () => ({
      tryLock: (timeoutInMillis: unknown) => acquire(timeoutInMillis),
      waitLock(timeoutInMillis: unknown) {
        if (!acquire(timeoutInMillis)) throw realmError(context, LOCK_TIMEOUT_MESSAGE);
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
export function makeLockService(context: FakeContext, contention: LockContention = {}): unknown {
  const document = { value: false };
  const script = { value: false };
  const user = { value: false };
  return makeFake(context, 'LockService', () => ({
    getDocumentLock: () => makeLock(context, document, contention.documentBusy === true),
    getScriptLock: () => makeLock(context, script, false),
    getUserLock: () => makeLock(context, user, false),
  }));
}
