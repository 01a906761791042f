/**
 * Draws a FindingsView (履职 or 工作室): the summary, then one line per finding with the person's
 * name, the text and its severity; the report sheet's name when one was written.
 */
import type { FindingsView } from '../../src/addon/sidebar-api';
import { make, text } from '../dom';

/** The findings as a list under their summary. */
export function drawFindings(view: FindingsView, content: HTMLElement, label: string): void {
  content.append(make('p', { class: 'summary' }, view.summary));
  if (view.lines.length === 0) content.append(make('p', { class: 'muted' }, '没有发现问题。'));
  else {
    const list = make('ul', { class: 'findings', 'aria-label': label });
    for (const line of view.lines) {
      const item = make('li', { class: line.severity === '不符合' ? 'fail' : 'check' });
      if (line.name) item.append(make('strong', {}, line.name), text('：'));
      item.append(text(line.text));
      if (line.severity) item.append(make('span', { class: 'badge' }, line.severity));
      list.append(item);
    }
    content.append(list);
  }
  if (view.sheet) content.append(make('p', { class: 'hint' }, `报告表：${view.sheet}`));
}
