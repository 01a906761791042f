/**
 * Files a `banzhuren` process must not leave behind (its lock files, a half-written temporary
 * copy of a workbook): removed when the process exits. While a save is writing its temporary copy,
 * Ctrl+C, SIGTERM or a closed terminal (SIGHUP) also remove them all, after which the process dies
 * of that same signal — unless the command handles that signal itself (`banzhuren sidebar` stops
 * gracefully: it lets the save in flight finish, then exits, and the exit removes what is left).
 * Outside a save a signal kills the process at once, as usual: the lock it leaves names a process
 * that is gone, and the next run removes it (see file-lock).
 */
import { unlinkSync } from 'node:fs';

const onExit = new Set<string>();
const onSignalToo = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let exitInstalled = false;
let signalsInstalled = false;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function removeAll(): void {
  for (const path of [...onExit, ...onSignalToo]) removeQuietly(path);
  onExit.clear();
  onSignalToo.clear();
  uninstallSignals();
}

/**
 * When the command has its own handler for the signal, leaves everything to it (the save finishes,
 * the exit cleans up); else cleans up and dies of the signal, as the default would.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeAll();
  process.kill(process.pid, signal);
}

function uninstallSignals(): void {
  if (!signalsInstalled) return;
  signalsInstalled = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function installExit(): void {
  if (exitInstalled) return;
  exitInstalled = true;
  process.on('exit', removeAll);
}

/** Removes `path` if the process exits before `forget(path)`. */
export function removeOnExit(path: string): void {
  installExit();
  onExit.add(path);
}

/** Removes `path` (and every other file registered here) if the process exits or is stopped by a signal before `forget(path)`. */
export function removeOnExitOrSignal(path: string): void {
  installExit();
  onSignalToo.add(path);
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** `path` is no longer to be removed (it was removed, or renamed into place). */
export function forget(path: string): void {
  onExit.delete(path);
  onSignalToo.delete(path);
  if (onSignalToo.size === 0) uninstallSignals();
}
