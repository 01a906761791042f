/**
 * One writer at a time (ARCHITECTURE): every state change — a workflow move, initialising the
 * sheets, writing 资格审查, writing 公示名单 — runs under the document lock, flushes its writes,
 * then releases it, as Google's Lock reference asks of spreadsheet scripts. A lock not free within
 * 30 s (Lock.waitLock throws once its timeout passes) is DocumentBusyError, with nothing written.
 */

const LOCK_WAIT_MS = 30_000;

/** Another execution held the document lock past the wait: nothing was read or written. */
export class DocumentBusyError extends Error {
  override name = 'DocumentBusyError';
  constructor() {
    super(`另一位老师正在操作，请稍后重试（等了 ${LOCK_WAIT_MS / 1000} 秒仍未轮到，本次没有做任何修改）`);
  }
}

/** Runs `body` under the document lock; its writes are flushed before the lock is released. */
export function underDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new DocumentBusyError();
  }
  try {
    const result = body();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
