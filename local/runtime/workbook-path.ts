/**
 * A workbook file as the operating system has it: the real file behind a path (symbolic links
 * followed, so a save writes through the link and two paths to one file share one lock), the
 * check that it may be replaced (refused, never made writable, when it is read-only), and the
 * removal of temporary copies a killed process left beside it.
 */
import { accessSync, constants, existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { directoryError, fileAccessError, readOnlyFileError, readOnlyFolderError } from './file-errors';
import { isRunning } from './file-lock';
import { TEMPORARY_SUFFIX } from './xlsx-file';

const MAX_LINKS = 40;

/**
 * The real path of the file `path` names: for an existing file its realpath; for a link to a file
 * not yet there, where the link points; for a new file, the real folder and the name.
 */
export function realPathOf(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops += 1) {
    try {
      return realpathSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileAccessError(error, path, 'read') ?? error;
    }
    let isLink = false;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      // not there at all
    }
    if (!isLink) break;
    current = resolve(dirname(current), readlinkSync(current));
  }
  try {
    return join(realpathSync(dirname(current)), basename(current));
  } catch (error) {
    throw fileAccessError(error, path, 'write') ?? error;
  }
}

/**
 * Whether a file or folder may be written. The permission bits decide (a file or folder with no
 * write bit for anyone is read-only, also for root, whom the system would let write anyway), and
 * then the system itself (access W_OK: the bits for other users, read-only disks).
 */
function isWritable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a save to `realPath` (shown to the user as `shownPath`) that could not replace the file. */
export function assertWritable(realPath: string, shownPath: string): void {
  if (existsSync(realPath)) {
    const stats = statSync(realPath);
    if (stats.isDirectory()) throw directoryError(shownPath);
    if (!isWritable(realPath, stats)) throw readOnlyFileError(shownPath);
  }
  const folder = dirname(realPath);
  if (!isWritable(folder, statSync(folder))) throw readOnlyFolderError(shownPath, folder);
}

/**
 * Removes `<file>.<pid>.banzhuren.tmp` copies beside `realPath` that a process no longer running left (it
 * was killed while saving); returns the removed paths. A copy of a running process is left alone.
 */
export function removeLeftoverTemporaries(realPath: string): string[] {
  const name = basename(realPath);
  return removeTemporariesOfDeadProcesses(dirname(realPath), (entry) => {
    if (!entry.startsWith(`${name}.`) || !entry.endsWith(TEMPORARY_SUFFIX)) return undefined;
    const pidText = entry.slice(name.length + 1, -TEMPORARY_SUFFIX.length);
    return /^\d+$/.test(pidText) ? Number(pidText) : undefined;
  });
}

/**
 * Removes the entries of `folder` that `pidOf` says are temporaries of a process (their writer's
 * pid) when that process is no longer running; an entry `pidOf` does not claim (undefined), and
 * one of this or another running process, is left alone. Returns the removed paths.
 */
export function removeTemporariesOfDeadProcesses(folder: string, pidOf: (entry: string) => number | undefined): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const pid = pidOf(entry);
    if (pid === undefined) continue;
    if (pid === process.pid || isRunning(pid, undefined)) continue;
    try {
      unlinkSync(join(folder, entry));
      removed.push(join(folder, entry));
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
