/**
 * An exclusive lock on a workbook between `banzhuren` processes: a file `<workbook>.lock` created
 * with 'wx' (fails if it exists) holding the owner's pid and a token of when that process started
 * (boot id and start time from /proc on Linux). A second process waits (up to 30 s by default)
 * until the first removes it; a lock is stale, and removed, when its pid is no longer alive or
 * now belongs to another process (same pid, other start token: the pid was reused). Locks still
 * held when the process exits (or is stopped by a signal during a save) are removed then.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { fileAccessError } from './file-errors';
import { forget, removeOnExit } from './exit-cleanup';

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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
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

let bootId: string | undefined;

/**
 * A token of when process `pid` started: the boot id and field 22 (starttime, in clock ticks since
 * boot) of /proc/<pid>/stat; undefined where /proc is not available (then only the pid is compared).
 */
export function processStartToken(pid: number): string | undefined {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name, in parentheses) may hold spaces: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTime = fields[22 - 3];
    return startTime ? `${bootId}:${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote (`pid`, `token`) is still running: alive and, where known, the same start. */
export function isRunning(pid: number, token: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  if (!token) return true;
  const now = processStartToken(pid);
  return now === undefined || now === token;
}

/** Tries once to create the lock file; true when this process now holds it. */
function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, `${process.pid}\n${processStartToken(process.pid) ?? ''}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fileAccessError(error, path, 'lock') ?? new Error(`无法创建锁文件 ${path}：${(error as Error).message}`);
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
  const [pidText = '', token] = content.split('\n');
  const pid = Number.parseInt(pidText, 10);
  const stale = Number.isInteger(pid) && pid > 0 ? !isRunning(pid, token?.trim() || undefined) : Date.now() - before.mtimeMs > UNREADABLE_LOCK_STALE_MS;
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
  removeOnExit(path);
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      removeQuietly(path);
      forget(path);
    },
  };
}
