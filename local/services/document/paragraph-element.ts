/** The Paragraph fake: its text, alignment, heading style, removal, search and formatting. */
import { realmError } from '../fake-object';
import { qualified } from './docx-package';
import { headingOfStyle, headingStyleId, type OpenDocument } from './document-model';
import { appendParagraphText, paragraphText, PARAGRAPH_PROPERTY_ORDER, propertiesOf, setParagraphText, setPropertyElement } from './paragraph-text';
import { attribute, childElements, element, firstChild, removeNode, setAttribute } from './xml-tree';
import { ALIGNMENTS, elementFake, removeBlock, requireString, signatureError, type Handle } from './element-support';
import { parentFake } from './elements';
import { findIn, makeText, replaceIn } from './text-element';

/** A Paragraph (w:p). */
export function makeParagraph(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
  const documentPackage = document.documentPackage;
  const text = () => makeText(document, part, [node], node);
  /** A setter of one attribute of w:spacing or w:ind, from a number scaled to Word's units. */
  const spacing = (method: string, name: 'spacing' | 'ind', key: string, scale: number, extra: Record<string, string> = {}) => (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw signatureError(document, 'Paragraph', method, [value]);
    const properties = propertiesOf(node, part, 'pPr');
    let target = firstChild(properties, qualified(part, name));
    if (!target) {
      target = element(qualified(part, name));
      setPropertyElement(properties, part, name, target, PARAGRAPH_PROPERTY_ORDER);
    }
    setAttribute(target, qualified(part, key), String(Math.round(value * scale)));
    for (const [extraKey, extraValue] of Object.entries(extra)) setAttribute(target, qualified(part, extraKey), extraValue);
    return self;
  };
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
    // Spacing and indents in points (w:spacing and w:ind in twips); line spacing as a multiple of a line.
    setSpacingBefore: spacing('setSpacingBefore', 'spacing', 'before', 20),
    setSpacingAfter: spacing('setSpacingAfter', 'spacing', 'after', 20),
    setLineSpacing: spacing('setLineSpacing', 'spacing', 'line', 240, { lineRule: 'auto' }),
    setIndentStart: spacing('setIndentStart', 'ind', 'left', 20),
    setIndentEnd: spacing('setIndentEnd', 'ind', 'right', 20),
    setIndentFirstLine: spacing('setIndentFirstLine', 'ind', 'firstLine', 20),
  }, handle);
  return self;
}

function headingStyles(): Record<string, unknown> {
  return { TITLE: 1, SUBTITLE: 1, HEADING1: 1, HEADING2: 1, HEADING3: 1, HEADING4: 1, HEADING5: 1, HEADING6: 1 };
}
