/**
 * The structure of an open document as DocumentApp sees it: which XML elements are the children
 * of the body, a header, a footer or a table cell (paragraphs and tables, looking through content
 * controls), which paragraphs a search covers, the page setup of the sections, the paragraph
 * styles behind DocumentApp.ParagraphHeading, and the tables appendTable makes.
 */
import type { DriveStore } from '../drive/drive-store';
import type { FakeContext } from '../fake-object';
import { DocxPackage, localName, qualified, type SectionPartKind, type XmlPart } from './docx-package';
import { contentNodesFor, SECTION_PROPERTY_ORDER, setPropertyElement } from './paragraph-text';
import { appendChild, attribute, childElements, element, firstChild, rootElement, setAttribute, type XmlElement } from './xml-tree';

/** An open document: its package, whether saveAndClose closed it, and the fakes made for its elements. */
export interface OpenDocument {
  id: string;
  documentPackage: DocxPackage;
  closed: boolean;
  context: FakeContext;
  store: DriveStore;
  /** One fake per XML element, so the bundle gets the same object for the same element. */
  fakes: WeakMap<XmlElement, unknown>;
  /** The fakes of the header and footer sections (one each, covering every header or footer part). */
  sections: Map<SectionPartKind, unknown>;
}

/** Elements a search or a child list looks through. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml']);
/** Elements whose paragraphs are not part of the surrounding text (text boxes, drawings). */
const OPAQUE = new Set(['drawing', 'pict', 'AlternateContent', 'object', 'txbxContent', 'sdtPr', 'sdtEndPr', 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr']);

/** The paragraphs and tables that are the children of a container (body, header, footer, cell). */
export function blockChildren(container: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const name = localName(child);
      if (name === 'p' || name === 'tbl') children.push(child);
      else if (WRAPPERS.has(name)) walk(child);
    }
  };
  walk(container);
  return children;
}

/** Every paragraph inside a container, tables included, in document order (text boxes excluded). */
export function paragraphsIn(container: XmlElement): XmlElement[] {
  const paragraphs: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const name = localName(child);
      if (name === 'p') paragraphs.push(child);
      else if (!OPAQUE.has(name)) walk(child);
    }
  };
  if (localName(container) === 'p') return [container];
  walk(container);
  return paragraphs;
}

/** The container element a block element belongs to (body, hdr, ftr or tc), looking through wrappers. */
export function containerOf(node: XmlElement): XmlElement | null {
  let current = node.parent;
  while (current && WRAPPERS.has(localName(current))) current = current.parent;
  return current && current.name !== '#document' ? current : null;
}

/** A new paragraph holding `text` (a line break for '\n', a tab for '\t'). */
export function newParagraph(part: XmlPart, text: string): XmlElement {
  const paragraph = element(qualified(part, 'p'));
  if (text !== '') appendChild(paragraph, element(qualified(part, 'r'), {}, contentNodesFor(part, text)));
  return paragraph;
}

/** The usable width of the page of the last section, in twips (for the columns of a new table). */
function textWidth(documentPackage: DocxPackage): number {
  const main = documentPackage.main();
  const sections = documentPackage.sections();
  const section = sections[sections.length - 1];
  const size = section && firstChild(section, qualified(main, 'pgSz'));
  const margins = section && firstChild(section, qualified(main, 'pgMar'));
  const width = Number((size && attribute(size, qualified(main, 'w'))) ?? 11906);
  const left = Number((margins && attribute(margins, qualified(main, 'left'))) ?? 1440);
  const right = Number((margins && attribute(margins, qualified(main, 'right'))) ?? 1440);
  const usable = width - left - right;
  return Number.isFinite(usable) && usable > 720 ? usable : 9026;
}

/** A new table with single black borders, one paragraph of text per cell, columns of equal width. */
export function newTable(documentPackage: DocxPackage, part: XmlPart, cells: string[][]): XmlElement {
  const columns = Math.max(1, ...cells.map((row) => row.length));
  const columnWidth = Math.floor(textWidth(documentPackage) / columns);
  const w = (name: string, attributes: Record<string, string> = {}, children: XmlElement[] = []) =>
    element(qualified(part, name), Object.fromEntries(Object.entries(attributes).map(([key, value]) => [qualified(part, key), value])), children);
  const border = (name: string) => w(name, { val: 'single', sz: '4', space: '0', color: '000000' });
  const table = w('tbl', {}, [
    w('tblPr', {}, [
      w('tblW', { w: String(columnWidth * columns), type: 'dxa' }),
      w('tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border)),
      w('tblLayout', { type: 'fixed' }),
      w('tblCellMar', {}, [w('left', { w: '100', type: 'dxa' }), w('right', { w: '100', type: 'dxa' })]),
      w('tblLook', { val: '0000' }),
    ]),
    w('tblGrid', {}, Array.from({ length: columns }, () => w('gridCol', { w: String(columnWidth) }))),
  ]);
  for (const row of cells) {
    const rowElement = w('tr');
    for (let column = 0; column < columns; column += 1) {
      const text = column < row.length ? String(row[column] ?? '') : '';
      appendChild(rowElement, w('tc', {}, [w('tcPr', {}, [w('tcW', { w: String(columnWidth), type: 'dxa' })]), newParagraph(part, text)]));
    }
    appendChild(table, rowElement);
  }
  return table;
}

/** Page sizes and margins of every section, in points (1 pt = 20 twips). */
export function setPageSetup(documentPackage: DocxPackage, change: { width?: number; height?: number; margins?: Partial<Record<'top' | 'bottom' | 'left' | 'right', number>> }): void {
  const main = documentPackage.main();
  const attributeName = (name: string) => qualified(main, name);
  for (const section of documentPackage.sections()) {
    if (change.width !== undefined || change.height !== undefined) {
      let size = firstChild(section, attributeName('pgSz'));
      if (!size) {
        size = element(attributeName('pgSz'), { [attributeName('w')]: '11906', [attributeName('h')]: '16838' });
        setPropertyElement(section, main, 'pgSz', size, SECTION_PROPERTY_ORDER);
      }
      if (change.width !== undefined) setAttribute(size, attributeName('w'), String(Math.round(change.width * 20)));
      if (change.height !== undefined) setAttribute(size, attributeName('h'), String(Math.round(change.height * 20)));
      const width = Number(attribute(size, attributeName('w')));
      const height = Number(attribute(size, attributeName('h')));
      setAttribute(size, attributeName('orient'), width > height ? 'landscape' : undefined);
    }
    if (change.margins) {
      let margins = firstChild(section, attributeName('pgMar'));
      if (!margins) {
        const defaults = { top: '1440', right: '1440', bottom: '1440', left: '1440', header: '720', footer: '720', gutter: '0' };
        margins = element(attributeName('pgMar'), Object.fromEntries(Object.entries(defaults).map(([key, value]) => [attributeName(key), value])));
        setPropertyElement(section, main, 'pgMar', margins, SECTION_PROPERTY_ORDER);
      }
      for (const [side, points] of Object.entries(change.margins)) {
        if (points !== undefined) setAttribute(margins, attributeName(side), String(Math.round(points * 20)));
      }
    }
  }
}

/** A page dimension or margin of the last section, in points. */
export function pageSetupValue(documentPackage: DocxPackage, element: 'pgSz' | 'pgMar', name: string, fallbackTwips: number): number {
  const main = documentPackage.main();
  const sections = documentPackage.sections();
  const section = sections[sections.length - 1];
  const node = section && firstChild(section, qualified(main, element));
  const value = Number((node && attribute(node, qualified(main, name))) ?? fallbackTwips);
  return (Number.isFinite(value) ? value : fallbackTwips) / 20;
}

/** DocumentApp.ParagraphHeading and the built-in Word style name each stands for. */
export const HEADING_STYLES: Record<string, { styleName: string; styleId: string; size: number; outline?: number }> = {
  TITLE: { styleName: 'title', styleId: 'Title', size: 52 },
  SUBTITLE: { styleName: 'subtitle', styleId: 'Subtitle', size: 30 },
  HEADING1: { styleName: 'heading 1', styleId: 'Heading1', size: 40, outline: 0 },
  HEADING2: { styleName: 'heading 2', styleId: 'Heading2', size: 32, outline: 1 },
  HEADING3: { styleName: 'heading 3', styleId: 'Heading3', size: 28, outline: 2 },
  HEADING4: { styleName: 'heading 4', styleId: 'Heading4', size: 24, outline: 3 },
  HEADING5: { styleName: 'heading 5', styleId: 'Heading5', size: 22, outline: 4 },
  HEADING6: { styleName: 'heading 6', styleId: 'Heading6', size: 22, outline: 5 },
};

function stylesPart(documentPackage: DocxPackage): XmlPart | undefined {
  return documentPackage.has('word/styles.xml') ? documentPackage.part('word/styles.xml') : undefined;
}

/**
 * The style id of a heading in this document: the paragraph style whose name is Word's built-in
 * name (Chinese Word names "heading 1" but may id it "1"); added to the styles when missing.
 */
export function headingStyleId(documentPackage: DocxPackage, heading: string): string {
  const wanted = HEADING_STYLES[heading];
  if (!wanted) return heading;
  const styles = stylesPart(documentPackage);
  if (!styles) return wanted.styleId;
  const root = rootElement(styles.root);
  for (const style of childElements(root)) {
    if (localName(style) !== 'style' || attribute(style, qualified(styles, 'type')) !== 'paragraph') continue;
    const name = firstChild(style, qualified(styles, 'name'));
    if (name && (attribute(name, qualified(styles, 'val')) ?? '').toLowerCase() === wanted.styleName) {
      return attribute(style, qualified(styles, 'styleId')) ?? wanted.styleId;
    }
  }
  const w = (name: string, attributes: Record<string, string> = {}, children: XmlElement[] = []) =>
    element(qualified(styles, name), Object.fromEntries(Object.entries(attributes).map(([key, value]) => [qualified(styles, key), value])), children);
  const paragraphProperties = [w('keepNext'), w('spacing', { before: '240', after: '120' })];
  if (wanted.outline !== undefined) paragraphProperties.push(w('outlineLvl', { val: String(wanted.outline) }));
  appendChild(root, w('style', { type: 'paragraph', styleId: wanted.styleId }, [
    w('name', { val: wanted.styleName }),
    w('basedOn', { val: 'Normal' }),
    w('next', { val: 'Normal' }),
    w('qFormat'),
    w('pPr', {}, paragraphProperties),
    w('rPr', {}, [w('sz', { val: String(wanted.size) }), w('szCs', { val: String(wanted.size) })]),
  ]));
  return wanted.styleId;
}

/** The ParagraphHeading a style id stands for in this document, NORMAL when none. */
export function headingOfStyle(documentPackage: DocxPackage, styleId: string | undefined): string {
  if (!styleId) return 'NORMAL';
  const styles = stylesPart(documentPackage);
  let styleName = styleId.toLowerCase();
  if (styles) {
    const root = rootElement(styles.root);
    const style = childElements(root).find((node) => localName(node) === 'style' && attribute(node, qualified(styles, 'styleId')) === styleId);
    const name = style && firstChild(style, qualified(styles, 'name'));
    if (name) styleName = (attribute(name, qualified(styles, 'val')) ?? styleName).toLowerCase();
  }
  const found = Object.entries(HEADING_STYLES).find(([, value]) => value.styleName === styleName || value.styleId.toLowerCase() === styleId.toLowerCase());
  return found ? found[0] : 'NORMAL';
}
