/**
 * Text-only DOM helpers for the sidebar: every value the server sends is put on the page with
 * textContent or an input's value, never parsed as HTML. Elements are made with `make`, which takes
 * only a tag, a class, attributes and text; there is deliberately no helper that takes markup.
 * All text goes through the one setter here (`setText`, `text`, `make`), which removes the
 * bidirectional control characters, so a name cannot reorder the sidebar's own words around it.
 */

/** The bidirectional embedding, override, isolate and mark characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F). */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `value` without bidirectional control characters. */
export function plain(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Sets a node's text (the single text setter of the sidebar: never HTML, never bidi controls). */
export function setText(node: Node, value: string): void {
  node.textContent = plain(value);
}

/** A text node of `value` (through the same cleaning as `setText`), to append beside elements. */
export function text(value: string): Text {
  return document.createTextNode(plain(value));
}

/** Attributes `make` may set; values are plain strings (or booleans for presence). */
export type Attributes = Record<string, string | boolean | undefined>;

/** The element with this id, or a loud error naming it when the page lacks it. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`页面缺少元素 #${id}`);
  return found as T;
}

/** Makes an element with attributes and text content (text is never parsed as HTML). */
export function make<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, content?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : plain(value));
  }
  if (content !== undefined) setText(element, content);
  return element;
}

/** Removes every child of `node`. */
export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces the children of `node` with `children`. */
export function fill(node: Element, ...children: (Node | null | undefined)[]): void {
  clear(node);
  for (const child of children) if (child) node.appendChild(child);
}

/** The Chinese message of an error from the server (or anything thrown). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A definition list of label → value pairs (blank values left out). */
export function details(pairs: [string, string][]): HTMLDListElement {
  const list = make('dl', { class: 'details' });
  for (const [label, value] of pairs) {
    if (value === '') continue;
    list.append(make('dt', {}, label), make('dd', {}, value));
  }
  return list;
}

/** A list of texts (an empty list shows `empty` instead). */
export function textList(items: string[], empty: string, attributes: Attributes = {}): HTMLElement {
  if (items.length === 0) return make('p', { class: 'muted' }, empty);
  const list = make('ul', attributes);
  for (const item of items) list.append(make('li', {}, item));
  return list;
}

/** A labelled field: `<label>text <control></label>` so the control's accessible name is the label. */
export function labelled(caption: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  const label = make('label', {}, caption);
  label.append(control);
  if (hint) {
    const note = make('span', { class: 'hint' }, hint);
    label.append(note);
  }
  return label;
}

/** Status and error lines of one area: loading (role=status) and failures (role=alert). */
export class Feedback {
  readonly status: HTMLElement;
  readonly alert: HTMLElement;

  constructor(parent: Element) {
    this.status = make('p', { role: 'status', class: 'status', 'aria-live': 'polite' });
    this.alert = make('p', { role: 'alert', class: 'error' });
    this.alert.hidden = true;
    parent.append(this.status, this.alert);
  }

  /** Shows a loading or progress text (empty text hides nothing important). */
  loading(message: string): void {
    setText(this.status, message);
    this.clearError();
  }

  /** Shows a finished note in the status line. */
  done(message = ''): void {
    setText(this.status, message);
  }

  /** Shows a failure's message in the alert line. */
  error(error: unknown): void {
    setText(this.status, '');
    setText(this.alert, messageOf(error));
    this.alert.hidden = false;
  }

  /** Hides the alert line. */
  clearError(): void {
    setText(this.alert, '');
    this.alert.hidden = true;
  }
}

/** A control that can be disabled while a call runs. */
export type Disableable = HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Runs `work` with `controls` disabled (so a call cannot be started twice), showing `loadingText`
 * while it runs and its failure in `feedback`; resolves with the result, or undefined on failure.
 */
export async function busy<T>(controls: Disableable[], feedback: Feedback, loadingText: string, work: () => Promise<T>): Promise<T | undefined> {
  const before = controls.map((control) => control.disabled);
  for (const control of controls) control.disabled = true;
  feedback.loading(loadingText);
  try {
    const result = await work();
    feedback.done();
    return result;
  } catch (error) {
    feedback.error(error);
    return undefined;
  } finally {
    controls.forEach((control, index) => {
      if (control.isConnected) control.disabled = before[index] ?? false;
    });
  }
}
