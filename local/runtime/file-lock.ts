/**
 * An exclusive lock on a workbook between `banzhuren` processes: a file `<workbook>.lock` created
 * with 'wx' (fails if it exists) holding the owner's pid. A second process waits (up to 30 s by
 * default) until the first removes it; a lock whose pid is no longer alive is stale and removed.
 * Locks still held when the process exits are removed then.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A held lock. */
export interface FileLock {
  readonly path: string;
  /** Removes the lock file (once; later calls do nothing). */
  release(): void;
}

/** How long to wait for another process's lock, and how often to look. */
export const LOCK_WAIT_MS = 30_000;
const POLL_MS = 100;
/** A lock file without a readable pid this old is a leftover of a crash during its creation. */
const UNREADABLE_LOCK_STALE_MS = 5_000;

const held = new Set<string>();
let exitHookInstalled = false;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of held) removeQuietly(path);
  });
}

/** Whether a process with this pid is alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tries once to create the lock file; true when this process now holds it. */
function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`无法创建锁文件 ${path}：${(error as Error).message}`);
  }
}

/** Removes the lock file if its owner is gone; true when it did. */
function removeIfStale(path: string): boolean {
  let before;
  let content;
  try {
    before = statSync(path);
    content = readFileSync(path, 'utf8');
  } catch {
    return true; // removed meanwhile: try again at once
  }
  const pid = Number.parseInt(content, 10);
  const stale = Number.isInteger(pid) && pid > 0 ? !isAlive(pid) : Date.now() - before.mtimeMs > UNREADABLE_LOCK_STALE_MS;
  if (!stale) return false;
  try {
    const now = statSync(path);
    if (now.ino !== before.ino || now.mtimeMs !== before.mtimeMs) return true; // replaced by a live owner
  } catch {
    return true;
  }
  removeQuietly(path);
  return true;
}

/** Waits for and takes the lock at `path`; fails in Chinese, naming the workbook, after `waitMs`. */
export async function acquireFileLock(path: string, options: { waitMs?: number; workbookPath?: string } = {}): Promise<FileLock> {
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(path)) break;
    if (removeIfStale(path)) continue;
    if (Date.now() >= deadline) {
      throw new Error(
        `${options.workbookPath ?? path} 正被另一个 banzhuren 进程使用，等待 ${Math.round(waitMs / 1000)} 秒后仍未释放（锁文件：${path}）`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  held.add(path);
  installExitHook();
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      held.delete(path);
      removeQuietly(path);
    },
  };
}
