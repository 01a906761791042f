/**
 * Files a `banzhuren` process must not leave behind (its lock files, a half-written temporary
 * copy of a workbook): removed when the process exits, and also when it is stopped by Ctrl+C,
 * SIGTERM or a closed terminal (SIGHUP) — after which the process dies of that same signal. The
 * signal handlers are installed only while there is something to remove.
 */
import { unlinkSync } from 'node:fs';

const pending = new Set<string>();
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
  for (const path of pending) removeQuietly(path);
  pending.clear();
  uninstallSignals();
}

/** Cleans up, then lets the signal do what it would have done: others' handlers, or the default (death). */
function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function uninstallSignals(): void {
  if (!signalsInstalled) return;
  signalsInstalled = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function install(): void {
  if (!exitInstalled) {
    exitInstalled = true;
    process.on('exit', removeAll);
  }
  if (!signalsInstalled) {
    signalsInstalled = true;
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
}

/** Removes `path` if the process exits or is stopped by a signal before `forget(path)`. */
export function removeOnExit(path: string): void {
  install();
  pending.add(path);
}

/** `path` is no longer to be removed on exit (it was removed, or renamed into place). */
export function forget(path: string): void {
  pending.delete(path);
  if (pending.size === 0) uninstallSignals();
}
