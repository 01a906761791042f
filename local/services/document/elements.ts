/**
 * The element fakes of DocumentApp over a .docx: Body, HeaderSection, FooterSection, Paragraph,
 * Table, TableRow, TableCell, Text and RangeElement. Each wraps an XML element of the package (one
 * fake per element, so the bundle can compare them); a closed document's elements fail with
 * Apps Script's message. Reference: https://developers.google.com/apps-script/reference/document
 */
import { describeType, makeFake, realmArray, realmError, type FakeMembers } from '../fake-object';
import { localName, qualified, type SectionPartKind, type XmlPart } from './docx-package';
import {
  blockChildren,
  containerOf,
  headingOfStyle,
  headingStyleId,
  newParagraph,
  newTable,
  pageSetupValue,
  paragraphsIn,
  setPageSetup,
  type OpenDocument,
} from './document-model';
import {
  appendParagraphText,
  formatRuns,
  isolateRuns,
  paragraphText,
  PARAGRAPH_PROPERTY_ORDER,
  propertiesOf,
  replaceInParagraph,
  runsOf,
  setParagraphText,
  setPropertyElement,
  type RunFormat,
} from './paragraph-text';
import { allMatches, compilePattern, firstMatch, InvalidPatternError } from './text-search';
import { appendChild, attribute, childElements, element, firstChild, insertBefore, removeNode, rootElement, type XmlElement } from './xml-tree';

/** Apps Script's message for any use of a document after saveAndClose. */
export const CLOSED_DOCUMENT_MESSAGE = 'Document is closed, its contents cannot be updated.';

/**
 * The message for a pattern RE2 refuses. NOT verified against Google: the reference pages do not
 * give it, so it follows Apps Script's usual "Invalid argument: <parameter>" wording.
 */
export const INVALID_PATTERN_MESSAGE = 'Invalid argument: searchPattern';

/** Google's message when the last paragraph of a section would be removed (seen in Apps Script). */
export const LAST_PARAGRAPH_MESSAGE = "Can't remove the last paragraph in a document section.";

const ALIGNMENTS: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'both' };

/** What an element fake wraps: its XML element and the part it lives in. */
interface Handle {
  document: OpenDocument;
  node: XmlElement;
  part: XmlPart;
}

const handles = new WeakMap<object, Handle>();

/** Throws Apps Script's closed-document error for a closed document. */
function checkOpen(document: OpenDocument): void {
  if (document.closed) throw realmError(document.context, CLOSED_DOCUMENT_MESSAGE);
}

/** Makes a fake whose every method first checks that the document is open. */
function elementFake(document: OpenDocument, interfaceName: string, members: FakeMembers, handle?: Handle): unknown {
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
function handleOf(value: unknown): Handle | undefined {
  return typeof value === 'object' && value !== null ? handles.get(value) : undefined;
}

function signatureError(document: OpenDocument, interfaceName: string, method: string, args: unknown[]): Error {
  return realmError(document.context, `The parameters (${args.map(describeType).join(',')}) don't match the method signature for DocumentApp.${interfaceName}.${method}.`);
}

function requireString(document: OpenDocument, interfaceName: string, method: string, args: unknown[], count: number): void {
  if (args.length < count || args.slice(0, count).some((value) => typeof value !== 'string')) throw signatureError(document, interfaceName, method, args);
}

function compile(document: OpenDocument, pattern: string): RegExp {
  try {
    return compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidPatternError) throw realmError(document.context, INVALID_PATTERN_MESSAGE);
    throw error;
  }
}

/** The part an element lives in (main document, a header or a footer). */
function partOf(document: OpenDocument, node: XmlElement): XmlPart {
  let root: XmlElement = node;
  while (root.parent) root = root.parent;
  const main = document.documentPackage.main();
  if (root === main.root) return main;
  for (const kind of ['header', 'footer'] as const) {
    for (const { partName } of document.documentPackage.sectionParts(kind)) {
      const part = document.documentPackage.part(partName);
      if (part.root === root) return part;
    }
  }
  return main;
}

/** The fake of an element (made once per element). */
export function wrapElement(document: OpenDocument, node: XmlElement, part = partOf(document, node)): unknown {
  const cached = document.fakes.get(node);
  if (cached) return cached;
  let fake: unknown;
  switch (localName(node)) {
    case 'p':
      fake = makeParagraph(document, { document, node, part });
      break;
    case 'tbl':
      fake = makeTable(document, { document, node, part });
      break;
    case 'tr':
      fake = makeTableRow(document, { document, node, part });
      break;
    case 'tc':
      fake = makeTableCell(document, { document, node, part });
      break;
    case 'body':
      fake = makeBody(document);
      break;
    case 'hdr':
      return makeSection(document, 'header');
    case 'ftr':
      return makeSection(document, 'footer');
    default:
      throw new Error(`no fake for ${node.name}`);
  }
  document.fakes.set(node, fake);
  return fake;
}

/** The fake of the container or row an element belongs to. */
function parentFake(document: OpenDocument, node: XmlElement): unknown {
  const name = localName(node);
  const parent = name === 'tr' || name === 'tc' ? node.parent : containerOf(node);
  return parent ? wrapElement(document, parent) : null;
}

/** The text of a block element: a paragraph's text, or a table's cells (each cell's paragraphs joined by '\n'). */
function blockText(document: OpenDocument, node: XmlElement, part: XmlPart): string {
  const name = localName(node);
  if (name === 'p') return paragraphText(node, part);
  if (name === 'tbl') return rowsOf(node).map((row) => blockText(document, row, part)).join('\n');
  if (name === 'tr') return cellsOf(node).map((cell) => blockText(document, cell, part)).join('\n');
  return blockChildren(node).map((child) => blockText(document, child, part)).join('\n');
}

function rowsOf(table: XmlElement): XmlElement[] {
  return childElements(table).filter((child) => localName(child) === 'tr');
}

function cellsOf(row: XmlElement): XmlElement[] {
  return childElements(row).filter((child) => localName(child) === 'tc');
}

/** Replaces every match in the given paragraphs; the replacement is inserted literally. */
function replaceIn(document: OpenDocument, paragraphs: readonly XmlElement[], part: XmlPart, pattern: string, replacement: string): void {
  const regex = compile(document, pattern);
  for (const paragraph of paragraphs) {
    const matches = allMatches(regex, paragraphText(paragraph, part));
    if (matches.length > 0) replaceInParagraph(paragraph, part, matches, replacement);
  }
}

/** Where a search result is: the paragraph and the offsets in its text. */
interface Found {
  paragraph: XmlElement;
  part: XmlPart;
  start: number;
  endInclusive: number;
}

const foundOf = new WeakMap<object, Found>();

/** The first match after `from` (a RangeElement from an earlier search) in the given paragraphs, or null. */
function findIn(document: OpenDocument, scopes: { paragraphs: XmlElement[]; part: XmlPart }[], pattern: string, from: unknown): unknown {
  const regex = compile(document, pattern);
  const previous = from === undefined || from === null ? undefined : foundOf.get(from as object);
  let started = previous === undefined;
  for (const { paragraphs, part } of scopes) {
    for (const paragraph of paragraphs) {
      let offset = 0;
      if (!started) {
        if (paragraph !== previous!.paragraph) continue;
        started = true;
        offset = previous!.endInclusive + 1;
      }
      const match = firstMatch(regex, paragraphText(paragraph, part), offset);
      if (match) return makeRangeElement(document, { paragraph, part, start: match.start, endInclusive: match.end - 1 });
    }
  }
  return null;
}

/** A RangeElement over part of a paragraph's text. */
function makeRangeElement(document: OpenDocument, found: Found): unknown {
  const fake = elementFake(document, 'RangeElement', {
    getElement: () => makeText(document, found.part, [found.paragraph], found.paragraph),
    getStartOffset: () => found.start,
    getEndOffsetInclusive: () => found.endInclusive,
    isPartial: () => true,
  });
  foundOf.set(fake as object, found);
  return fake;
}

/** Applies a run format to [start, endInclusive] of the text of `paragraphs` joined by '\n', or to all. */
function formatText(paragraphs: readonly XmlElement[], part: XmlPart, format: RunFormat, range?: { start: number; endInclusive: number }): void {
  if (!range) {
    formatRuns(paragraphs.flatMap((paragraph) => runsOf(paragraph)), part, format);
    return;
  }
  let base = 0;
  for (const paragraph of paragraphs) {
    const length = paragraphText(paragraph, part).length;
    const start = Math.max(range.start - base, 0);
    const end = Math.min(range.endInclusive - base, length - 1);
    if (start <= end) formatRuns(isolateRuns(paragraph, part, start, end), part, format);
    base += length + 1;
  }
}

/** A Text element: the text of one paragraph (or, through editAsText, of a cell, row or table). */
function makeText(document: OpenDocument, part: XmlPart, paragraphs: XmlElement[], parent: XmlElement): unknown {
  const text = () => paragraphs.map((paragraph) => paragraphText(paragraph, part)).join('\n');
  /** setBold(bold) or setBold(start, endInclusive, bold). */
  const formatter = (method: string, toFormat: (value: unknown) => RunFormat | null) => (...args: unknown[]) => {
    const ranged = args.length >= 3;
    const value = ranged ? args[2] : args[0];
    const format = toFormat(value);
    if (!format || (ranged && (typeof args[0] !== 'number' || typeof args[1] !== 'number'))) throw signatureError(document, 'Text', method, args);
    if (ranged) {
      const length = text().length;
      const start = args[0] as number;
      const endInclusive = args[1] as number;
      if (start < 0 || endInclusive >= length || start > endInclusive) throw realmError(document.context, `Index (${start < 0 || start > endInclusive ? start : endInclusive}) must be less than the content length (${length}).`);
      formatText(paragraphs, part, format, { start, endInclusive });
    } else {
      formatText(paragraphs, part, format);
    }
    return self;
  };
  const onOff = (name: string) => (value: unknown): RunFormat | null =>
    typeof value === 'boolean' ? [{ name, attributes: value ? {} : { val: '0' } }, { name: `${name}Cs`, attributes: value ? {} : { val: '0' } }] : null;
  const self = elementFake(document, 'Text', {
    getText: () => text(),
    getType: () => 'TEXT',
    asText: () => self,
    getParent: () => wrapElement(document, parent, part),
    setText(value: unknown) {
      if (typeof value !== 'string' || paragraphs.length !== 1) throw signatureError(document, 'Text', 'setText', [value]);
      setParagraphText(paragraphs[0]!, part, value);
      return self;
    },
    appendText(value: unknown) {
      if (typeof value !== 'string') throw signatureError(document, 'Text', 'appendText', [value]);
      appendParagraphText(paragraphs[paragraphs.length - 1]!, part, value);
      return self;
    },
    setBold: formatter('setBold', onOff('b')),
    setItalic: formatter('setItalic', onOff('i')),
    setUnderline: formatter('setUnderline', (value) => (typeof value === 'boolean' ? [{ name: 'u', attributes: { val: value ? 'single' : 'none' } }] : null)),
    setFontSize: formatter('setFontSize', (value) => {
      if (typeof value !== 'number' || !(value > 0)) return null;
      const halfPoints = String(Math.round(value * 2));
      return [{ name: 'sz', attributes: { val: halfPoints } }, { name: 'szCs', attributes: { val: halfPoints } }];
    }),
    setFontFamily: formatter('setFontFamily', (value) =>
      typeof value === 'string' && value ? [{ name: 'rFonts', attributes: { ascii: value, hAnsi: value, eastAsia: value, cs: value } }] : null),
    setForegroundColor: formatter('setForegroundColor', (value) =>
      typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? [{ name: 'color', attributes: { val: value.slice(1).toUpperCase() } }] : null),
    findText: (pattern: unknown, from?: unknown) => {
      requireString(document, 'Text', 'findText', [pattern], 1);
      return findIn(document, [{ paragraphs, part }], pattern as string, from);
    },
    replaceText: (pattern: unknown, replacement: unknown) => {
      requireString(document, 'Text', 'replaceText', [pattern, replacement], 2);
      replaceIn(document, paragraphs, part, pattern as string, replacement as string);
      return self;
    },
  });
  return self;
}

/** Removes a block element from its container; the last paragraph of a section cannot go. */
function removeBlock(document: OpenDocument, node: XmlElement): void {
  const container = containerOf(node);
  if (container && localName(node) === 'p') {
    const siblings = blockChildren(container);
    if (siblings[siblings.length - 1] === node) throw realmError(document.context, LAST_PARAGRAPH_MESSAGE);
  }
  removeNode(node);
}

/** Members every container (Body, HeaderSection, FooterSection, TableCell) shares. */
function containerMembers(
  document: OpenDocument,
  interfaceName: string,
  scope: () => { container: XmlElement; part: XmlPart; searchScopes: { paragraphs: XmlElement[]; part: XmlPart }[] },
  self: () => unknown,
): FakeMembers {
  /** Inserts a block element as child `index`, or at the end (before the body's section properties). */
  const insertAt = (index: number | undefined, created: XmlElement) => {
    const { container } = scope();
    const children = blockChildren(container);
    if (index !== undefined && index < children.length) {
      insertBefore(children[index]!, created);
      return;
    }
    const sectionProperties = childElements(container).find((child) => localName(child) === 'sectPr');
    if (sectionProperties) insertBefore(sectionProperties, created);
    else appendChild(container, created);
  };
  const checkIndex = (method: string, index: unknown, allowEnd: boolean) => {
    const count = blockChildren(scope().container).length;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw signatureError(document, interfaceName, method, [index]);
    if (allowEnd ? index > count : index >= count) {
      throw realmError(document.context, `Child index (${index}) must be less than ${allowEnd ? 'or equal to ' : ''}the number of child elements (${count}).`);
    }
    return index;
  };
  const checkCells = (method: string, cells: unknown): string[][] => {
    if (!Array.isArray(cells) || cells.length === 0 || cells.some((row) => !Array.isArray(row))) throw signatureError(document, interfaceName, method, [cells]);
    return (cells as unknown[][]).map((row) => row.map((value) => String(value ?? '')));
  };
  return {
    getText: () => {
      const { container, part } = scope();
      return blockChildren(container).map((child) => blockText(document, child, part)).join('\n');
    },
    getNumChildren: () => blockChildren(scope().container).length,
    getChild: (index: unknown) => {
      const { container, part } = scope();
      return wrapElement(document, blockChildren(container)[checkIndex('getChild', index, false)]!, part);
    },
    getChildIndex: (child: unknown) => {
      const handle = handleOf(child);
      if (!handle) throw signatureError(document, interfaceName, 'getChildIndex', [child]);
      const index = blockChildren(scope().container).indexOf(handle.node);
      if (index < 0) throw realmError(document.context, 'Element does not contain the specified child element.');
      return index;
    },
    getParagraphs: () => {
      const { container, part } = scope();
      return realmArray(document.context, paragraphsIn(container).map((paragraph) => wrapElement(document, paragraph, part)));
    },
    getTables: () => {
      const { container, part } = scope();
      return realmArray(document.context, blockChildren(container).filter((child) => localName(child) === 'tbl').map((table) => wrapElement(document, table, part)));
    },
    appendParagraph: (text: unknown) => {
      requireString(document, interfaceName, 'appendParagraph', [text], 1);
      const { part } = scope();
      const created = newParagraph(part, text as string);
      insertAt(undefined, created);
      return wrapElement(document, created, part);
    },
    insertParagraph: (index: unknown, text: unknown) => {
      const position = checkIndex('insertParagraph', index, true);
      requireString(document, interfaceName, 'insertParagraph', [text], 1);
      const { part } = scope();
      const created = newParagraph(part, text as string);
      insertAt(position, created);
      return wrapElement(document, created, part);
    },
    appendTable: (cells: unknown) => {
      const { part } = scope();
      const created = newTable(document.documentPackage, part, checkCells('appendTable', cells));
      insertAt(undefined, created);
      // "This method will also append an empty paragraph after the table, since Google Docs
      // documents cannot end with a table." (Body.appendTable(String[][]))
      insertAt(undefined, newParagraph(part, ''));
      return wrapElement(document, created, part);
    },
    insertTable: (index: unknown, cells: unknown) => {
      const position = checkIndex('insertTable', index, true);
      const { part, container } = scope();
      const created = newTable(document.documentPackage, part, checkCells('insertTable', cells));
      const atEnd = position >= blockChildren(container).length;
      insertAt(position, created);
      if (atEnd) insertAt(undefined, newParagraph(part, ''));
      return wrapElement(document, created, part);
    },
    findText: (pattern: unknown, from?: unknown) => {
      requireString(document, interfaceName, 'findText', [pattern], 1);
      return findIn(document, scope().searchScopes, pattern as string, from);
    },
    replaceText: (pattern: unknown, replacement: unknown) => {
      requireString(document, interfaceName, 'replaceText', [pattern, replacement], 2);
      for (const { paragraphs, part } of scope().searchScopes) replaceIn(document, paragraphs, part, pattern as string, replacement as string);
      return self();
    },
    editAsText: () => {
      const { container, part } = scope();
      return makeText(document, part, paragraphsIn(container), container);
    },
  };
}

/** The Body: the main part's w:body, with the page setup of its sections. */
function makeBody(document: OpenDocument): unknown {
  const documentPackage = document.documentPackage;
  const scope = () => {
    const part = documentPackage.main();
    const container = documentPackage.body(part)!;
    return { container, part, searchScopes: [{ paragraphs: paragraphsIn(container), part }] };
  };
  const points = (method: string, value: unknown): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw signatureError(document, 'Body', method, [value]);
    return value;
  };
    const margin = (side: 'top' | 'bottom' | 'left' | 'right', method: string) => (value: unknown) => {
    setPageSetup(documentPackage, { margins: { [side]: points(method, value) } });
    return self;
  };
  const self: unknown = elementFake(document, 'Body', {
    ...containerMembers(document, 'Body', scope, () => self),
    getType: () => 'BODY_SECTION',
    getParent: () => null,
    setPageWidth: (value: unknown) => {
      setPageSetup(documentPackage, { width: points('setPageWidth', value) });
      return self;
    },
    setPageHeight: (value: unknown) => {
      setPageSetup(documentPackage, { height: points('setPageHeight', value) });
      return self;
    },
    setMarginTop: margin('top', 'setMarginTop'),
    setMarginBottom: margin('bottom', 'setMarginBottom'),
    setMarginLeft: margin('left', 'setMarginLeft'),
    setMarginRight: margin('right', 'setMarginRight'),
    getPageWidth: () => pageSetupValue(documentPackage, 'pgSz', 'w', 11906),
    getPageHeight: () => pageSetupValue(documentPackage, 'pgSz', 'h', 16838),
    getMarginTop: () => pageSetupValue(documentPackage, 'pgMar', 'top', 1440),
    getMarginBottom: () => pageSetupValue(documentPackage, 'pgMar', 'bottom', 1440),
    getMarginLeft: () => pageSetupValue(documentPackage, 'pgMar', 'left', 1440),
    getMarginRight: () => pageSetupValue(documentPackage, 'pgMar', 'right', 1440),
  }, { document, node: documentPackage.body()!, part: documentPackage.main() });
  return self;
}

/**
 * The HeaderSection or FooterSection. Google Docs has one header per document (getHeader gives
 * the default one); a Word file may have a default, a first-page and an even-page header in
 * every section. The section's children (getChild, appendParagraph …) are those of the primary
 * part — the first default header referenced, else the first referenced — while getText returns
 * the primary part's text and replaceText and findText cover every header (footer) part, so a
 * placeholder on a first-page header is replaced too.
 */
export function makeSection(document: OpenDocument, kind: SectionPartKind): unknown {
  const cached = document.sections.get(kind);
  if (cached) return cached;
  const documentPackage = document.documentPackage;
  const parts = () => {
    const references = documentPackage.sectionParts(kind);
    const primary = references.find((reference) => reference.type === 'default') ?? references[0];
    const ordered = primary ? [primary, ...references.filter((reference) => reference !== primary)] : [];
    return ordered.map((reference) => documentPackage.part(reference.partName));
  };
  const scope = () => {
    const all = parts();
    const primary = all[0]!;
    return {
      container: rootElement(primary.root),
      part: primary,
      searchScopes: all.map((part) => ({ paragraphs: paragraphsIn(rootElement(part.root)), part })),
    };
  };
  const interfaceName = kind === 'header' ? 'HeaderSection' : 'FooterSection';
  const self: unknown = elementFake(document, interfaceName, {
    ...containerMembers(document, interfaceName, scope, () => self),
    getType: () => (kind === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION'),
    getParent: () => null,
  });
  document.sections.set(kind, self);
  return self;
}

/** A Paragraph (w:p). */
function makeParagraph(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
  const documentPackage = document.documentPackage;
    const text = () => makeText(document, part, [node], node);
  const self: unknown = elementFake(document, 'Paragraph', {
    getText: () => paragraphText(node, part),
    setText: (value: unknown) => {
      requireString(document, 'Paragraph', 'setText', [value], 1);
      setParagraphText(node, part, value as string);
      return self;
    },
    appendText: (value: unknown) => {
      requireString(document, 'Paragraph', 'appendText', [value], 1);
      appendParagraphText(node, part, value as string);
      return text();
    },
    getType: () => 'PARAGRAPH',
    asParagraph: () => self,
    getParent: () => parentFake(document, node),
    getNumChildren: () => (paragraphText(node, part) === '' ? 0 : 1),
    getChild: (index: unknown) => {
      if (index !== 0 || paragraphText(node, part) === '') throw realmError(document.context, `Child index (${String(index)}) must be less than the number of child elements (${paragraphText(node, part) === '' ? 0 : 1}).`);
      return text();
    },
    removeFromParent: () => {
      removeBlock(document, node);
      return self;
    },
    editAsText: () => text(),
    findText: (pattern: unknown, from?: unknown) => {
      requireString(document, 'Paragraph', 'findText', [pattern], 1);
      return findIn(document, [{ paragraphs: [node], part }], pattern as string, from);
    },
    replaceText: (pattern: unknown, replacement: unknown) => {
      requireString(document, 'Paragraph', 'replaceText', [pattern, replacement], 2);
      replaceIn(document, [node], part, pattern as string, replacement as string);
      return self;
    },
    setAlignment: (alignment: unknown) => {
      const value = typeof alignment === 'string' ? ALIGNMENTS[alignment] : undefined;
      if (!value) throw signatureError(document, 'Paragraph', 'setAlignment', [alignment]);
      setPropertyElement(propertiesOf(node, part, 'pPr'), part, 'jc', element(qualified(part, 'jc'), { [qualified(part, 'val')]: value }), PARAGRAPH_PROPERTY_ORDER);
      return self;
    },
    getAlignment: () => {
      const properties = firstChild(node, qualified(part, 'pPr'));
      const justification = properties && firstChild(properties, qualified(part, 'jc'));
      const value = justification && attribute(justification, qualified(part, 'val'));
      const found = Object.entries(ALIGNMENTS).find(([, word]) => word === value || (value === 'start' && word === 'left') || (value === 'end' && word === 'right'));
      return found ? found[0] : null;
    },
    setHeading: (heading: unknown) => {
      if (typeof heading !== 'string' || (heading !== 'NORMAL' && !(heading in headingStyles()))) throw signatureError(document, 'Paragraph', 'setHeading', [heading]);
      const properties = propertiesOf(node, part, 'pPr');
      const style = heading === 'NORMAL' ? null : element(qualified(part, 'pStyle'), { [qualified(part, 'val')]: headingStyleId(documentPackage, heading) });
      setPropertyElement(properties, part, 'pStyle', style, PARAGRAPH_PROPERTY_ORDER);
      if (childElements(properties).length === 0) removeNode(properties);
      return self;
    },
    getHeading: () => {
      const properties = firstChild(node, qualified(part, 'pPr'));
      const style = properties && firstChild(properties, qualified(part, 'pStyle'));
      return headingOfStyle(documentPackage, style && attribute(style, qualified(part, 'val')));
    },
  }, handle);
  return self;
}

function headingStyles(): Record<string, unknown> {
  return { TITLE: 1, SUBTITLE: 1, HEADING1: 1, HEADING2: 1, HEADING3: 1, HEADING4: 1, HEADING5: 1, HEADING6: 1 };
}

/** A Table (w:tbl). */
function makeTable(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
    const row = (index: unknown) => {
    const rows = rowsOf(node);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= rows.length) {
      throw realmError(document.context, `Child index (${String(index)}) must be less than the number of child elements (${rows.length}).`);
    }
    return rows[index]!;
  };
  const self: unknown = elementFake(document, 'Table', {
    getType: () => 'TABLE',
    asTable: () => self,
    getParent: () => parentFake(document, node),
    getText: () => blockText(document, node, part),
    getNumRows: () => rowsOf(node).length,
    getNumChildren: () => rowsOf(node).length,
    getRow: (index: unknown) => wrapElement(document, row(index), part),
    getChild: (index: unknown) => wrapElement(document, row(index), part),
    getCell: (rowIndex: unknown, cellIndex: unknown) => {
      const cells = cellsOf(row(rowIndex));
      if (typeof cellIndex !== 'number' || cellIndex < 0 || cellIndex >= cells.length) {
        throw realmError(document.context, `Child index (${String(cellIndex)}) must be less than the number of child elements (${cells.length}).`);
      }
      return wrapElement(document, cells[cellIndex]!, part);
    },
    removeFromParent: () => {
      removeBlock(document, node);
      return self;
    },
    editAsText: () => makeText(document, part, paragraphsIn(node), node),
    findText: (pattern: unknown, from?: unknown) => {
      requireString(document, 'Table', 'findText', [pattern], 1);
      return findIn(document, [{ paragraphs: paragraphsIn(node), part }], pattern as string, from);
    },
    replaceText: (pattern: unknown, replacement: unknown) => {
      requireString(document, 'Table', 'replaceText', [pattern, replacement], 2);
      replaceIn(document, paragraphsIn(node), part, pattern as string, replacement as string);
      return self;
    },
  }, handle);
  return self;
}

/** A TableRow (w:tr). */
function makeTableRow(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
  const cell = (index: unknown) => {
    const cells = cellsOf(node);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= cells.length) {
      throw realmError(document.context, `Child index (${String(index)}) must be less than the number of child elements (${cells.length}).`);
    }
    return cells[index]!;
  };
  return elementFake(document, 'TableRow', {
    getType: () => 'TABLE_ROW',
    getParent: () => parentFake(document, node),
    getText: () => blockText(document, node, part),
    getNumCells: () => cellsOf(node).length,
    getNumChildren: () => cellsOf(node).length,
    getCell: (index: unknown) => wrapElement(document, cell(index), part),
    getChild: (index: unknown) => wrapElement(document, cell(index), part),
    editAsText: () => makeText(document, part, paragraphsIn(node), node),
  }, handle);
}

/** A TableCell (w:tc): a container of paragraphs and tables. */
function makeTableCell(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
    const scope = () => ({ container: node, part, searchScopes: [{ paragraphs: paragraphsIn(node), part }] });
  const self: unknown = elementFake(document, 'TableCell', {
    ...containerMembers(document, 'TableCell', scope, () => self),
    getType: () => 'TABLE_CELL',
    asTableCell: () => self,
    getParent: () => parentFake(document, node),
    setText: (value: unknown) => {
      requireString(document, 'TableCell', 'setText', [value], 1);
      const paragraphs = blockChildren(node);
      const first = paragraphs.find((child) => localName(child) === 'p');
      for (const child of paragraphs) if (child !== first) removeNode(child);
      if (first) setParagraphText(first, part, value as string);
      else appendChild(node, newParagraph(part, value as string));
      return self;
    },
  }, handle);
  return self;
}
