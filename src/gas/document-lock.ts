/**
 * One writer at a time (ARCHITECTURE): a state change that is not a workflow move — initialising
 * the sheets, writing 资格审查, writing 公示名单 — runs under the document lock, flushes its writes,
 * then releases it, as Google's Lock reference asks of spreadsheet scripts. A lock not free within
 * 30 s is one Chinese message, with nothing written.
 */

const LOCK_WAIT_MS = 30_000;

/** Message when another execution holds the document lock for too long. */
export const LOCK_BUSY_MESSAGE = '另一位老师正在操作，请稍后重试';

/** Runs `body` under the document lock; its writes are flushed before the lock is released. */
export function underDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(LOCK_BUSY_MESSAGE);
  }
  try {
    const result = body();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
