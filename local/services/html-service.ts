/**
 * HtmlService offline: the project's HTML files are the .html files built into dist/ (what
 * `clasp push` sends), so createHtmlOutputFromFile('sidebar') serves dist/sidebar.html. An
 * HtmlOutput keeps its content and title for Ui.showSidebar to record. Templates evaluate only
 * when they hold no scriptlets (<? … ?>); anything else is reported as not available.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFake, realmError, unavailable, type FakeContext } from './fake-object';

/** What an HtmlOutput holds; Ui.showSidebar reads it. */
export interface HtmlPage {
  content: string;
  title?: string;
  width?: number;
  height?: number;
}

/** An HtmlOutput over a page. */
export function makeHtmlOutput(context: FakeContext, page: HtmlPage): unknown {
  return makeFake(
    context,
    'HtmlOutput',
    (self) => ({
      getContent: () => page.content,
      setContent(content: unknown) {
        page.content = String(content);
        return self;
      },
      append(addedContent: unknown) {
        page.content += String(addedContent);
        return self;
      },
      clear() {
        page.content = '';
        return self;
      },
      getTitle() {
        if (page.title === undefined) unavailable(context, 'HtmlOutput', 'getTitle', 'before setTitle');
        return page.title;
      },
      setTitle(title: unknown) {
        page.title = String(title);
        return self;
      },
      getWidth: () => page.width ?? unavailable(context, 'HtmlOutput', 'getWidth', 'before setWidth'),
      setWidth(width: unknown) {
        page.width = Number(width);
        return self;
      },
      getHeight: () => page.height ?? unavailable(context, 'HtmlOutput', 'getHeight', 'before setHeight'),
      setHeight(height: unknown) {
        page.height = Number(height);
        return self;
      },
    }),
    { internal: page },
  );
}

/** The HtmlService fake over the project files in `projectDir` (dist/). */
export function makeHtmlService(context: FakeContext, projectDir: string): unknown {
  const readProjectFile = (filename: unknown): string => {
    const path = join(projectDir, `${String(filename)}.html`);
    if (!existsSync(path)) throw realmError(context, `No HTML file named ${String(filename)} was found.`);
    return readFileSync(path, 'utf8');
  };
  return makeFake(context, 'HtmlService', () => ({
    createHtmlOutputFromFile: (filename: unknown) => makeHtmlOutput(context, { content: readProjectFile(filename) }),
    createHtmlOutput(html?: unknown) {
      if (html !== undefined && typeof html !== 'string') unavailable(context, 'HtmlService', 'createHtmlOutput', 'from a blob or template');
      return makeHtmlOutput(context, { content: html ?? '' });
    },
    createTemplateFromFile(filename: unknown) {
      const raw = readProjectFile(filename);
      return makeFake(context, 'HtmlTemplate', () => ({
        getRawContent: () => raw,
        evaluate() {
          if (raw.includes('<?')) unavailable(context, 'HtmlTemplate', 'evaluate', `scriptlets in ${String(filename)}.html`);
          return makeHtmlOutput(context, { content: raw });
        },
      }));
    },
  }));
}
