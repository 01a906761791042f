/**
 * The sidebar's one confirm step, drawn in the page (no browser dialog): a group named by its
 * question, the facts it is about (row counts, problems found, who turned something on), a button
 * that goes ahead and 取消. The go-ahead button gets the focus; 取消 gives it back to the control
 * that asked, so a keyboard user lands where they were.
 */
import { fill, make, textList } from './dom';

/** What a confirm step says and does. */
export interface ConfirmOptions {
  /** The question, e.g. “对 3 行执行“初审通过”？” (also the group's accessible name). */
  question: string;
  /** Facts under the question (listed; none when empty). */
  lines?: string[];
  /** The go-ahead button's text. */
  yes: string;
  /** Where the focus goes after 取消 (the control that asked). */
  returnFocus?: HTMLElement;
}

/** Draws the confirm step in `area` and resolves true on the go-ahead, false on 取消 (either way `area` is emptied). */
export function confirmStep(area: HTMLElement, options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const box = make('div', { role: 'group', class: 'confirm', 'aria-label': options.question });
    box.append(make('p', { class: 'question' }, options.question));
    if (options.lines && options.lines.length > 0) box.append(textList(options.lines, '', { class: 'confirm-lines' }));
    const yes = make('button', { type: 'button' }, options.yes);
    const no = make('button', { type: 'button', class: 'secondary' }, '取消');
    const actions = make('div', { class: 'actions' });
    actions.append(yes, no);
    box.append(actions);
    const finish = (answer: boolean): void => {
      fill(area);
      if (!answer && options.returnFocus?.isConnected) options.returnFocus.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    fill(area, box);
    yes.focus();
  });
}
