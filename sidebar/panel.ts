/**
 * One panel of the sidebar: a `<section id="panel-…">` with a heading, a loading line
 * (role=status), an error line (role=alert) and its content. A lazy panel loads on its first show
 * and has a 刷新 button that loads again; its button is disabled while the call runs.
 */
import { Feedback, busy, fill, make } from './dom';

/** A panel as the navigation sees it. */
export interface Panel {
  id: string;
  name: string;
  section: HTMLElement;
  /** Called each time the panel is shown. */
  shown(): void;
}

/** Makes a panel's section with its heading; `content` is where the panel draws. */
export function panelSection(id: string, name: string, heading = name): { section: HTMLElement; tools: HTMLElement; content: HTMLElement; feedback: Feedback } {
  const section = make('section', { id, class: 'panel', 'aria-labelledby': `${id}-heading` });
  section.hidden = true;
  const header = make('div', { class: 'panel-header' });
  const title = make('h2', { id: `${id}-heading` }, heading);
  const tools = make('div', { class: 'panel-tools' });
  header.append(title, tools);
  section.append(header);
  const feedback = new Feedback(section);
  const content = make('div', { class: 'panel-content' });
  section.append(content);
  return { section, tools, content, feedback };
}

/**
 * A panel that loads with `load` on its first show and on 刷新, then draws the answer with `draw`
 * (which may add its own controls to `content`).
 */
export function lazyPanel<T>(id: string, name: string, loadingText: string, load: () => Promise<T>, draw: (value: T, content: HTMLElement, reload: () => Promise<void>) => void): Panel {
  const parts = panelSection(id, name);
  const refresh = make('button', { type: 'button', class: 'secondary', 'aria-label': `刷新${name}` }, '刷新');
  parts.tools.append(refresh);
  let loaded = false;
  const reload = async (): Promise<void> => {
    const value = await busy([refresh], parts.feedback, loadingText, load);
    if (value === undefined) return;
    loaded = true;
    fill(parts.content);
    draw(value, parts.content, reload);
  };
  refresh.addEventListener('click', () => void reload());
  return {
    id,
    name,
    section: parts.section,
    shown() {
      if (!loaded && !refresh.disabled) void reload();
    },
  };
}
