/**
 * The element fakes of DocumentApp over a .docx: which fake stands for which XML element (one fake
 * per element, so the bundle can compare them), and the parent of each.
 * Reference: https://developers.google.com/apps-script/reference/document
 */
import { localName, type XmlPart } from './docx-package';
import { containerOf, type OpenDocument } from './document-model';
import type { XmlElement } from './xml-tree';
import { makeBody, makeSection, makeTableCell } from './container-elements';
import { makeParagraph } from './paragraph-element';
import { makeTable, makeTableRow } from './table-elements';
export { CLOSED_DOCUMENT_MESSAGE, INVALID_PATTERN_MESSAGE, LAST_PARAGRAPH_MESSAGE } from './element-support';
export { makeSection } from './container-elements';

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
export function parentFake(document: OpenDocument, node: XmlElement): unknown {
  const name = localName(node);
  const parent = name === 'tr' || name === 'tc' ? node.parent : containerOf(node);
  return parent ? wrapElement(document, parent) : null;
}
