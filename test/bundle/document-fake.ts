/**
 * A small hand-written DocumentApp for the bundle's document tests: a document is JSON (paragraphs
 * and tables of plain text, a header and a footer) in the bytes of a file of the runtime's real
 * offline Drive, so copies (Drive.Files.copy), names, trash, quotas and the clock are the runtime's own. It lets
 * these tests pin the bundle's order of calls, resumability and placeholder handling without
 * depending on .docx fidelity (the offline DocumentApp over .docx is tested in test/runtime/, and
 * end to end by the CLI tests). Each call is counted (CallCounter) and costs the runtime's modelled
 * time, as the runtime's fakes do. replaceText: the pattern is a regular expression given as a
 * string; the replacement is inserted literally, but a replacement holding `$` or `\` is refused
 * (Google's reference does not say whether replaceText reads them: the bundle must not depend on
 * it and writes such values through findText, Text.insertText and Text.deleteText). findText
 * gives offsets in a paragraph, a table cell or a header/footer line.
 */
import type { WorkbookRuntime } from '../../local/workbook-runtime';

/** A block of a fake document. */
export type FakeBlock = { type: 'paragraph'; text: string } | { type: 'table'; rows: string[][] };

/** A fake document's content. */
export interface FakeDocument {
  body: FakeBlock[];
  header?: string[];
  footer?: string[];
}

/** The bytes of a fake document. */
export function documentBytes(document: FakeDocument): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(document));
}

/** A fake document from its bytes. */
export function parseDocument(bytes: Uint8Array): FakeDocument {
  return JSON.parse(new TextDecoder().decode(bytes)) as FakeDocument;
}

/** Every text of a document (tables cell by cell, header and footer), one per line. */
export function documentText(document: FakeDocument): string {
  return [
    ...(document.header ?? []),
    ...document.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.rows.map((row) => row.join('\t')))),
    ...(document.footer ?? []),
  ].join('\n');
}

/** replaceText inserts its replacement literally; one holding `$` or `\` is refused (see the file's comment). */
function replacementFunction(replacement: string): () => string {
  if (/[$\\]/u.test(replacement)) throw new Error(`replaceText with $ or \\ in the replacement (${replacement}): its meaning is not settled by Google's reference`);
  return () => replacement;
}

/** A piece of text findText searches: a paragraph, a table cell, a header or footer line. */
interface TextSlot {
  get(): string;
  set(text: string): void;
  parent(): unknown;
}

/** A search result of the fake: the slot and the offsets of the match in its text. */
interface FakeRange {
  slot: number;
  end: number;
}

/** Installs the fake as the bundle's DocumentApp (over the runtime's Drive). */
export function installFakeDocumentApp(runtime: WorkbookRuntime): void {
  const drive = runtime.drive;
  const realm = runtime.bundle.realm;
  const call = (name: string, cost: number) => {
    runtime.counter.count(name);
    runtime.clock.advance(cost);
  };
  /** The Text element of a slot: its text, edited literally by insertText and deleteText. */
  const textElement = (slot: TextSlot) => {
    const text: Record<string, unknown> = {
      getText: () => slot.get(),
      getParent: () => slot.parent(),
      asText: () => text,
      insertText: (offset: number, value: string) => {
        call('Text.insertText', 1);
        const current = slot.get();
        if (offset < 0 || offset > current.length) throw new realm.Error(`Index (${offset}) must be less than or equal to the content length (${current.length}).`);
        slot.set(current.slice(0, offset) + value + current.slice(offset));
        return text;
      },
      deleteText: (start: number, endInclusive: number) => {
        call('Text.deleteText', 1);
        const current = slot.get();
        if (start < 0 || endInclusive >= current.length || start > endInclusive) throw new realm.Error(`Index (${endInclusive}) must be less than the content length (${current.length}).`);
        slot.set(current.slice(0, start) + current.slice(endInclusive + 1));
        return text;
      },
    };
    return text;
  };
  /** findText over slots, from after an earlier result. */
  const finder = (name: string, slots: () => TextSlot[]) => (pattern: string, from?: FakeRange) => {
    call(`${name}.findText`, 1);
    const expression = new RegExp(pattern, 'gu');
    const list = slots();
    for (let index = from === undefined ? 0 : from.slot; index < list.length; index += 1) {
      const slot = list[index] as TextSlot;
      expression.lastIndex = from !== undefined && index === from.slot ? from.end + 1 : 0;
      const match = expression.exec(slot.get());
      if (match) {
        const end = match.index + match[0].length - 1;
        return { slot: index, end, getElement: () => textElement(slot), getStartOffset: () => match.index, getEndOffsetInclusive: () => end };
      }
    }
    return null;
  };
  const bodyOf = (content: FakeDocument) => {
    const paragraphObject = (block: { type: 'paragraph'; text: string }): Record<string, unknown> => {
      const paragraph: Record<string, unknown> = {
        getText: () => block.text,
        setText: (text: string) => {
          call('Paragraph.setText', 1);
          block.text = text;
          return paragraph;
        },
        getParent: () => body,
        getType: () => 'PARAGRAPH',
        setAlignment: () => paragraph,
        setHeading: () => paragraph,
        editAsText: () => ({ setBold: () => undefined, setFontSize: () => undefined }),
        block,
      };
      return paragraph;
    };
    const body: Record<string, unknown> = {
      getText: () => {
        call('Body.getText', 1);
        return documentText({ body: content.body });
      },
      replaceText: (pattern: string, replacement: string) => {
        call('Body.replaceText', 80);
        const expression = new RegExp(pattern, 'gu');
        for (const block of content.body) {
          if (block.type === 'paragraph') block.text = block.text.replace(expression, replacementFunction(replacement));
          else block.rows = block.rows.map((row) => row.map((cell) => cell.replace(expression, replacementFunction(replacement))));
        }
        return body;
      },
      // Paragraphs and table cells in order; a cell's parent is no child of the body.
      findText: finder('Body', () => content.body.flatMap((block): TextSlot[] => {
        if (block.type === 'paragraph') return [{ get: () => block.text, set: (text) => (block.text = text), parent: () => paragraphObject(block) }];
        return block.rows.flatMap((row) => row.map((_cell, column): TextSlot => ({ get: () => row[column] as string, set: (text) => (row[column] = text), parent: () => ({ type: 'TABLE_CELL' }) })));
      })),
      getChildIndex: (paragraph: { block: FakeBlock }) => {
        call('Body.getChildIndex', 1);
        const index = content.body.indexOf(paragraph.block);
        if (index < 0) throw new realm.Error('Element does not contain the specified child element.');
        return index;
      },
      getNumChildren: () => content.body.length,
      insertTable: (index: number, rows: string[][]) => {
        call('Body.insertTable', 80);
        content.body.splice(index, 0, { type: 'table', rows: rows.map((row) => [...row]) });
        return {};
      },
      appendTable: (rows: string[][]) => {
        call('Body.appendTable', 80);
        content.body.push({ type: 'table', rows: rows.map((row) => [...row]) });
        return {};
      },
      insertParagraph: (index: number, text: string) => {
        call('Body.insertParagraph', 80);
        const block = { type: 'paragraph' as const, text };
        content.body.splice(index, 0, block);
        return paragraphObject(block);
      },
      appendParagraph: (text: string) => {
        call('Body.appendParagraph', 80);
        const block = { type: 'paragraph' as const, text };
        content.body.push(block);
        return paragraphObject(block);
      },
      setPageWidth: () => body,
      setPageHeight: () => body,
      setMarginTop: () => body,
      setMarginBottom: () => body,
      setMarginLeft: () => body,
      setMarginRight: () => body,
    };
    return body;
  };
  const section = (lines: string[], name: string) => {
    const object: Record<string, unknown> = {
      getText: () => lines.join('\n'),
      replaceText: (pattern: string, replacement: string) => {
        call(`${name}.replaceText`, 80);
        const expression = new RegExp(pattern, 'gu');
        lines.forEach((line, index) => (lines[index] = line.replace(expression, replacementFunction(replacement))));
        return object;
      },
      findText: finder(name, () => lines.map((_line, index): TextSlot => ({ get: () => lines[index] as string, set: (text) => (lines[index] = text), parent: () => ({ type: 'PARAGRAPH' }) }))),
      appendParagraph: (text: string) => {
        lines.push(text);
        return {};
      },
    };
    return object;
  };
  const documentOf = (id: string, content: FakeDocument) => ({
    getId: () => id,
    getName: () => drive.nameOf(id),
    getUrl: () => drive.urlOf(id),
    getBody: () => bodyOf(content),
    getHeader: () => (content.header ? section(content.header, 'HeaderSection') : null),
    getFooter: () => (content.footer ? section(content.footer, 'FooterSection') : null),
    addFooter: () => section((content.footer = []), 'FooterSection'),
    addHeader: () => section((content.header = []), 'HeaderSection'),
    saveAndClose: () => {
      call('Document.saveAndClose', 1500);
      drive.writeFile(id, documentBytes(content));
    },
  });
  runtime.bundle.context.DocumentApp = {
    create: (name: string) => {
      call('DocumentApp.create', 1500);
      const content: FakeDocument = { body: [{ type: 'paragraph', text: '' }] };
      let id: string;
      try {
        id = drive.createDocument(name, documentBytes(content));
      } catch (error) {
        throw new realm.Error((error as Error).message);
      }
      return documentOf(id, content);
    },
    openById: (id: string) => {
      call('DocumentApp.openById', 1500);
      if (!drive.exists(id)) throw new realm.Error('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
      return documentOf(id, parseDocument(drive.readFile(id)));
    },
    HorizontalAlignment: { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' },
    ParagraphHeading: { TITLE: 'TITLE', NORMAL: 'NORMAL' },
    ElementType: { PARAGRAPH: 'PARAGRAPH', BODY_SECTION: 'BODY_SECTION', TABLE: 'TABLE' },
  };
}
