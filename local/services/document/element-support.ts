/**
 * What the element fakes of DocumentApp share: Apps Script's messages, the fake maker that refuses
 * every call once the document is closed, argument checks with Apps Script's signature message,
 * the text of blocks (paragraphs, tables, rows, cells) and the removal of a block.
 */
import { describeType, makeFake, realmError, type FakeMembers } from '../fake-object';
import { localName, type XmlPart } from './docx-package';
import { blockChildren, containerOf, type OpenDocument } from './document-model';
import { paragraphText } from './paragraph-text';
import { compilePattern, InvalidPatternError } from './text-search';
import { childElements, removeNode, type XmlElement } from './xml-tree';

/** Apps Script's message for any use of a document after saveAndClose. */
export const CLOSED_DOCUMENT_MESSAGE = 'Document is closed, its contents cannot be updated.';

/**
 * The message for a pattern RE2 refuses. The reference pages do not give it; Apps Script was seen
 * to throw "Exception: Invalid regular expression pattern" for findText('Hello (World')
 * (https://www.labnol.org/find-replace-text-google-docs-210708).
 */
export const INVALID_PATTERN_MESSAGE = 'Invalid regular expression pattern';

/** Google's message when the last paragraph of a section would be removed (seen in Apps Script). */
export const LAST_PARAGRAPH_MESSAGE = "Can't remove the last paragraph in a document section.";

/** DocumentApp.HorizontalAlignment and the w:jc value each stands for. */
export const ALIGNMENTS: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'both' };

/** What an element fake wraps: its XML element and the part it lives in. */
export interface Handle {
  document: OpenDocument;
  node: XmlElement;
  part: XmlPart;
}

/** The XML element behind each element fake. */
export const handles = new WeakMap<object, Handle>();

/** Throws Apps Script's closed-document error for a closed document. */
export function checkOpen(document: OpenDocument): void {
  if (document.closed) throw realmError(document.context, CLOSED_DOCUMENT_MESSAGE);
}

/** Makes a fake whose every method first checks that the document is open. */
export function elementFake(document: OpenDocument, interfaceName: string, members: FakeMembers, handle?: Handle): unknown {
  const guarded: FakeMembers = {};
  for (const [name, member] of Object.entries(members)) {
    guarded[name] = typeof member === 'function'
      ? (...args: unknown[]) => {
        checkOpen(document);
        return (member as (...values: unknown[]) => unknown)(...args);
      }
      : member;
  }
  const fake = makeFake(document.context, interfaceName, () => guarded);
  if (handle) handles.set(fake as object, handle);
  return fake;
}

/** The handle behind an element fake the bundle passed in, or undefined. */
export function handleOf(value: unknown): Handle | undefined {
  return typeof value === 'object' && value !== null ? handles.get(value) : undefined;
}

/** Apps Script's error for arguments that match no signature of a method. */
export function signatureError(document: OpenDocument, interfaceName: string, method: string, args: unknown[]): Error {
  return realmError(document.context, `The parameters (${args.map(describeType).join(',')}) don't match the method signature for DocumentApp.${interfaceName}.${method}.`);
}

/** Checks that the first `count` arguments are strings, else Apps Script's signature error. */
export function requireString(document: OpenDocument, interfaceName: string, method: string, args: unknown[], count: number): void {
  if (args.length < count || args.slice(0, count).some((value) => typeof value !== 'string')) throw signatureError(document, interfaceName, method, args);
}

/** Compiles a findText/replaceText pattern, with Apps Script's message when it is invalid. */
export function compile(document: OpenDocument, pattern: string): RegExp {
  try {
    return compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidPatternError) throw realmError(document.context, INVALID_PATTERN_MESSAGE);
    throw error;
  }
}

/** The text of a block element: a paragraph's text, or a table's cells (each cell's paragraphs joined by '\n'). */
export function blockText(document: OpenDocument, node: XmlElement, part: XmlPart): string {
  const name = localName(node);
  if (name === 'p') return paragraphText(node, part);
  if (name === 'tbl') return rowsOf(node).map((row) => blockText(document, row, part)).join('\n');
  if (name === 'tr') return cellsOf(node).map((cell) => blockText(document, cell, part)).join('\n');
  return blockChildren(node).map((child) => blockText(document, child, part)).join('\n');
}

/** The rows of a table. */
export function rowsOf(table: XmlElement): XmlElement[] {
  return childElements(table).filter((child) => localName(child) === 'tr');
}

/** The cells of a row. */
export function cellsOf(row: XmlElement): XmlElement[] {
  return childElements(row).filter((child) => localName(child) === 'tc');
}

/** Removes a block element from its container; the last paragraph of a section cannot go. */
export function removeBlock(document: OpenDocument, node: XmlElement): void {
  const container = containerOf(node);
  if (container && localName(node) === 'p') {
    const siblings = blockChildren(container);
    if (siblings[siblings.length - 1] === node) throw realmError(document.context, LAST_PARAGRAPH_MESSAGE);
  }
  removeNode(node);
}
