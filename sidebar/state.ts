/**
 * What the sidebar knows between calls: the answer of sidebarOpen (user, today, calendar) and the
 * current selection. Panels subscribe to selection changes; a sequence number lets the poll drop
 * an answer that a newer one (e.g. a move's refreshed selection) has already replaced.
 */
import type { SelectionView, SidebarStart } from '../src/addon/sidebar-api';

type Listener = (selection: SelectionView) => void;

let start: SidebarStart | undefined;
let selection: SelectionView | undefined;
let sequence = 0;
const listeners: Listener[] = [];

/** Keeps the answer of sidebarOpen and shows its selection. */
export function setStart(value: SidebarStart): void {
  start = value;
  setSelection(value.selection);
}

/** The answer of sidebarOpen (undefined until it came). */
export function startInfo(): SidebarStart | undefined {
  return start;
}

/** The selection shown now (undefined until sidebarOpen answered). */
export function currentSelection(): SelectionView | undefined {
  return selection;
}

/** Counts selection updates, so a late answer can tell it is stale. */
export function selectionSequence(): number {
  return sequence;
}

/** Replaces the selection and tells every panel. */
export function setSelection(value: SelectionView): void {
  selection = value;
  sequence += 1;
  for (const listener of listeners) listener(value);
}

/** Calls `listener` on every new selection (and at once when one is known). */
export function onSelection(listener: Listener): void {
  listeners.push(listener);
  if (selection) listener(selection);
}
