/**
 * The container fakes — Body, HeaderSection, FooterSection and TableCell — with what they share:
 * children (paragraphs and tables), appending and inserting paragraphs and tables, getText,
 * findText and replaceText; and the Body's page setup.
 */
import { realmArray, realmError, type FakeMembers } from '../fake-object';
import { localName, type SectionPartKind, type XmlPart } from './docx-package';
import { blockChildren, newParagraph, newTable, pageSetupValue, paragraphsIn, setPageSetup, type OpenDocument } from './document-model';
import { setParagraphText } from './paragraph-text';
import { appendChild, childElements, insertBefore, removeNode, rootElement, type XmlElement } from './xml-tree';
import { blockText, elementFake, handleOf, requireString, signatureError, type Handle } from './element-support';
import { parentFake, wrapElement } from './elements';
import { findIn, makeText, replaceIn } from './text-element';

/** Members every container (Body, HeaderSection, FooterSection, TableCell) shares. */
export function containerMembers(
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
      // Apps Script's wording, also for an insert (seen: "Child index (2228) must be less than the number of child elements (6).").
      throw realmError(document.context, `Child index (${index}) must be less than the number of child elements (${count}).`);
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
export function makeBody(document: OpenDocument): unknown {
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

/** A TableCell (w:tc): a container of paragraphs and tables. */
export function makeTableCell(document: OpenDocument, handle: Handle): unknown {
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
