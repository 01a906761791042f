/**
 * The gentle selection poll: asks sidebarSelection(key) at most once every 2 s, only while the
 * page is visible, never with two calls at once, and waits longer after each failure (up to a
 * minute). An answer that arrives after a newer selection was shown (a move's) is dropped.
 */
import { callServer } from './server';
import { currentSelection, selectionSequence, setSelection } from './state';

/** The shortest time between two polls, in milliseconds. */
export const POLL_INTERVAL = 2000;
const MAX_BACKOFF = 60_000;

/** Starts polling; `report` shows a failure (or '' when polls work again). */
export function startSelectionPoll(report: (problem: string) => void): void {
  let delay = POLL_INTERVAL;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(tick, delay);
  };

  const tick = async (): Promise<void> => {
    timer = undefined;
    if (running) return;
    if (document.visibilityState !== 'visible') return; // visibilitychange starts it again
    const shown = currentSelection();
    if (!shown) {
      schedule();
      return;
    }
    running = true;
    const sequence = selectionSequence();
    try {
      const answer = await callServer('sidebarSelection', shown.key);
      if (answer.changed && selectionSequence() === sequence) setSelection(answer.selection);
      delay = POLL_INTERVAL;
      report('');
    } catch (error) {
      delay = Math.min(delay * 2, MAX_BACKOFF);
      report(`读取选区失败，${Math.round(delay / 1000)} 秒后重试：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      schedule();
    }
  };

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !running && timer === undefined) schedule();
  });
  schedule();
}
