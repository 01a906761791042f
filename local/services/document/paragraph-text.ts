/**
 * The text of a WordprocessingML paragraph as DocumentApp sees it, and the edits made through it.
 * A paragraph's text is its runs' w:t in order (w:tab is '\t', a line break '\r' as in Google
 * Docs), looking through tracked insertions, hyperlinks, smart tags and content controls and
 * ignoring deletions, proofing marks, bookmarks, field codes and text boxes; so a placeholder
 * Word split across runs is found whole. A replacement goes into the run of the match's first
 * character (keeping its formatting); the other runs lose the matched characters, and runs left
 * empty are removed. Everything else in the paragraph is left as it was.
 */
import { localName, qualified, type XmlPart } from './docx-package';
import {
  appendChild,
  attribute,
  childElements,
  element,
  firstChild,
  insertBefore,
  insertChild,
  parseXml,
  removeNode,
  rootElement,
  serializeXml,
  setAttribute,
  setTextOf,
  textOf,
  type XmlElement,
  type XmlNode,
} from './xml-tree';
import type { TextMatch } from './text-search';

/** One piece of a paragraph's text: a w:t, or a single-character element (tab, break). */
export interface TextPiece {
  node: XmlElement;
  run: XmlElement;
  start: number;
  text: string;
  isText: boolean;
}

/** Elements whose content is part of the paragraph's visible text. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'sdtContent', 'fldSimple', 'customXml', 'dir', 'bdo']);

/** The character Google Docs gives for a single-character run element, or undefined to ignore it. */
function characterOf(node: XmlElement, part: XmlPart): string | undefined {
  switch (localName(node)) {
    case 'tab':
      return '\t';
    case 'br': {
      const type = attribute(node, qualified(part, 'type'));
      return type === 'page' || type === 'column' ? undefined : '\r';
    }
    case 'cr':
      return '\r';
    case 'noBreakHyphen':
      return '\u2011';
    default:
      return undefined;
  }
}

/** The runs of a paragraph in order (including those inside insertions, hyperlinks, content controls). */
export function runsOf(paragraph: XmlElement): XmlElement[] {
  const runs: XmlElement[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const name = localName(child);
      if (name === 'r') runs.push(child);
      else if (TRANSPARENT.has(name)) walk(child);
      else if (name === 'sdt') {
        const content = child.children.find((node): node is XmlElement => node.type === 'element' && localName(node) === 'sdtContent');
        if (content) walk(content);
      }
    }
  };
  walk(paragraph);
  return runs;
}

/** The text pieces of a paragraph, with their offsets in its text. */
export function piecesOf(paragraph: XmlElement, part: XmlPart): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  for (const run of runsOf(paragraph)) {
    for (const child of run.children) {
      if (child.type !== 'element') continue;
      if (localName(child) === 't') {
        const text = textOf(child);
        pieces.push({ node: child, run, start: offset, text, isText: true });
        offset += text.length;
        continue;
      }
      const character = characterOf(child, part);
      if (character === undefined) continue;
      pieces.push({ node: child, run, start: offset, text: character, isText: false });
      offset += character.length;
    }
  }
  return pieces;
}

const textCache = new WeakMap<XmlElement, { revision: number; text: string }>();

/** The text of a paragraph (kept until the paragraph changes). */
export function paragraphText(paragraph: XmlElement, part: XmlPart): string {
  const revision = paragraph.revision ?? 0;
  const cached = textCache.get(paragraph);
  if (cached && cached.revision === revision) return cached.text;
  const text = piecesOf(paragraph, part).map((piece) => piece.text).join('');
  textCache.set(paragraph, { revision, text });
  return text;
}

/** Run content for a piece of text: w:t elements, with w:tab for '\t' and w:br for line breaks. */
function contentNodes(part: XmlPart, text: string): XmlElement[] {
  const nodes: XmlElement[] = [];
  for (const segment of text.split(/(\t|\r\n|\n|\r)/)) {
    if (segment === '') continue;
    if (segment === '\t') nodes.push(element(qualified(part, 'tab')));
    else if (segment === '\n' || segment === '\r' || segment === '\r\n') nodes.push(element(qualified(part, 'br')));
    else nodes.push(textElement(part, segment));
  }
  return nodes;
}

/** Run content for text (exported for new paragraphs and table cells). */
export function contentNodesFor(part: XmlPart, text: string): XmlElement[] {
  return contentNodes(part, text);
}

/** A new w:t keeping its spaces. */
function textElement(part: XmlPart, text: string): XmlElement {
  return element(qualified(part, 't'), { 'xml:space': 'preserve' }, [text]);
}

/** Puts `text` where the w:t `node` is, keeping `node` (and its attributes) for the first text segment. */
function writeText(part: XmlPart, node: XmlElement, text: string): void {
  const nodes = contentNodes(part, text);
  const first = nodes[0];
  if (first && localName(first) === 't') {
    const value = textOf(first);
    setTextOf(node, value);
    if (/^\s|\s$/.test(value) && attribute(node, 'xml:space') !== 'preserve') setAttribute(node, 'xml:space', 'preserve');
    nodes.shift();
  } else {
    setTextOf(node, '');
  }
  const parent = node.parent!;
  let position = parent.children.indexOf(node) + 1;
  for (const created of nodes) insertChild(parent, position++, created);
  if (textOf(node) === '') removeNode(node);
}

/** Removes a run left without content, and containers (insertions, hyperlinks) it leaves empty. */
function removeIfEmpty(run: XmlElement): void {
  if (!run.parent) return;
  if (childElements(run).some((child) => localName(child) !== 'rPr')) return;
  let node: XmlElement = run;
  let parent = node.parent;
  removeNode(node);
  while (parent && ['ins', 'moveTo', 'smartTag', 'hyperlink', 'customXml'].includes(localName(parent)) && childElements(parent).length === 0) {
    node = parent;
    parent = node.parent;
    removeNode(node);
  }
}

/** Replaces one span of a paragraph's text; the replacement takes the formatting of the span's first character. */
function replaceSpan(paragraph: XmlElement, part: XmlPart, match: TextMatch, replacement: string): void {
  const pieces = piecesOf(paragraph, part);
  const { start, end } = match;
  let first = pieces.find((piece) => piece.start <= start && start < piece.start + piece.text.length);
  const last = pieces[pieces.length - 1];
  if (!first && last && start === last.start + last.text.length) first = last;
  if (!first) {
    if (replacement) appendChild(paragraph, element(qualified(part, 'r'), {}, contentNodes(part, replacement)));
    return;
  }
  const touchedRuns = new Set<XmlElement>();
  for (const piece of pieces) {
    const pieceEnd = piece.start + piece.text.length;
    const isFirst = piece === first;
    if (!isFirst && (pieceEnd <= start || piece.start >= end)) continue;
    const from = Math.max(start, piece.start) - piece.start;
    const to = Math.min(end, pieceEnd) - piece.start;
    touchedRuns.add(piece.run);
    if (piece.isText) {
      const inserted = isFirst ? replacement : '';
      writeText(part, piece.node, piece.text.slice(0, from) + inserted + piece.text.slice(Math.max(from, to)));
    } else {
      if (isFirst && replacement) {
        const created = contentNodes(part, replacement);
        if (from === 0) for (const node of created) insertBefore(piece.node, node);
        else created.reverse().forEach((node) => insertChild(piece.node.parent!, piece.node.parent!.children.indexOf(piece.node) + 1, node));
      }
      if (to > from) removeNode(piece.node);
    }
  }
  for (const run of touchedRuns) removeIfEmpty(run);
}

/** Replaces every match (sorted, not overlapping) in a paragraph with `replacement`, literally. */
export function replaceInParagraph(paragraph: XmlElement, part: XmlPart, matches: readonly TextMatch[], replacement: string): void {
  for (let index = matches.length - 1; index >= 0; index -= 1) replaceSpan(paragraph, part, matches[index]!, replacement);
}

/** Deletes [start, endInclusive] of a paragraph's text (Text.deleteText), across runs; runs left empty go. */
export function deleteInParagraph(paragraph: XmlElement, part: XmlPart, start: number, endInclusive: number): void {
  replaceSpan(paragraph, part, { start, end: endInclusive + 1 }, '');
}

/**
 * Inserts text at an offset of a paragraph's text (Text.insertText). It takes the formatting of
 * the character right before the offset (at the start of the paragraph, of its first character),
 * as Google documents for inserted text: "In most cases, the text style for the inserted text will
 * match the text immediately before the insertion index"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 */
export function insertInParagraph(paragraph: XmlElement, part: XmlPart, offset: number, text: string): void {
  if (text === '') return;
  const pieces = piecesOf(paragraph, part);
  if (pieces.length === 0) {
    appendParagraphText(paragraph, part, text);
    return;
  }
  const before = offset > 0 ? pieces.find((piece) => piece.start < offset && offset <= piece.start + piece.text.length) : undefined;
  if (before) {
    const local = offset - before.start;
    if (before.isText) {
      writeText(part, before.node, before.text.slice(0, local) + text + before.text.slice(local));
    } else {
      const parent = before.node.parent!;
      let position = parent.children.indexOf(before.node) + 1;
      for (const created of contentNodes(part, text)) insertChild(parent, position++, created);
    }
    return;
  }
  const first = pieces[0]!;
  if (first.isText) writeText(part, first.node, text + first.text);
  else for (const created of contentNodes(part, text)) insertBefore(first.node, created);
}

/** A detached deep copy of an element. */
export function cloneElement(node: XmlElement): XmlElement {
  const holder = parseXml(serializeXml({ type: 'element', name: '#document', attributes: [], children: [node], parent: null, changed: true }));
  const copy = rootElement(holder);
  const markAll = (current: XmlElement) => {
    current.changed = true;
    delete current.source;
    for (const child of childElements(current)) markAll(child);
  };
  markAll(copy);
  copy.parent = null;
  return copy;
}

/** Sets a paragraph's text: its inline content becomes one run with the first run's formatting. */
export function setParagraphText(paragraph: XmlElement, part: XmlPart, text: string): void {
  const firstRun = runsOf(paragraph)[0];
  const runProperties = firstRun && firstChild(firstRun, qualified(part, 'rPr'));
  for (const child of [...paragraph.children] as XmlNode[]) {
    if (child.type === 'element' && localName(child) === 'pPr') continue;
    removeNode(child);
  }
  if (text === '') return;
  const run = element(qualified(part, 'r'));
  if (runProperties) appendChild(run, cloneElement(runProperties));
  for (const created of contentNodes(part, text)) appendChild(run, created);
  appendChild(paragraph, run);
}

/** Appends text to a paragraph as a new run (formatted like its last run). */
export function appendParagraphText(paragraph: XmlElement, part: XmlPart, text: string): void {
  const runs = runsOf(paragraph);
  const lastRun = runs[runs.length - 1];
  const runProperties = lastRun && firstChild(lastRun, qualified(part, 'rPr'));
  const run = element(qualified(part, 'r'));
  if (runProperties) appendChild(run, cloneElement(runProperties));
  for (const created of contentNodes(part, text)) appendChild(run, created);
  appendChild(paragraph, run);
}

/** The schema order of w:rPr children (ECMA-376 §17.3.2.28), so Word accepts what is written. */
const RUN_PROPERTY_ORDER = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss',
  'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs',
  'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout',
  'specVanish', 'oMath', 'rPrChange',
];

/** The schema order of w:pPr children (ECMA-376 §17.3.1.26). */
export const PARAGRAPH_PROPERTY_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr',
  'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE',
  'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents',
  'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle',
  'rPr', 'sectPr', 'pPrChange',
];

/** The schema order of w:sectPr children (ECMA-376 §17.6.17). */
export const SECTION_PROPERTY_ORDER = [
  'headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders',
  'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter',
  'docGrid', 'printerSettings', 'sectPrChange',
];

/**
 * Puts `created` among `parent`'s children in schema order, replacing any element of the same
 * name; with null, removes that element.
 */
export function setPropertyElement(parent: XmlElement, part: XmlPart, name: string, created: XmlElement | null, order: readonly string[]): void {
  const existing = firstChild(parent, qualified(part, name));
  if (existing) removeNode(existing);
  if (!created) return;
  const rank = order.indexOf(name);
  const after = childElements(parent).find((child) => order.indexOf(localName(child)) > rank);
  if (after) insertBefore(after, created);
  else appendChild(parent, created);
}

/** The properties element (w:rPr, w:pPr …) of an element, created first among its children if missing. */
export function propertiesOf(owner: XmlElement, part: XmlPart, name: string): XmlElement {
  const existing = firstChild(owner, qualified(part, name));
  if (existing) return existing;
  const created = element(qualified(part, name));
  insertChild(owner, 0, created);
  return created;
}

/** A run formatting change: which rPr elements to set. */
export type RunFormat = { name: string; attributes: Record<string, string> }[];

/** Applies a formatting change to runs. */
export function formatRuns(runs: readonly XmlElement[], part: XmlPart, format: RunFormat): void {
  for (const run of runs) {
    const properties = propertiesOf(run, part, 'rPr');
    for (const { name, attributes } of format) {
      const qualifiedAttributes = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [qualified(part, key), value]));
      setPropertyElement(properties, part, name, element(qualified(part, name), qualifiedAttributes), RUN_PROPERTY_ORDER);
    }
  }
}

/**
 * Splits the runs of a paragraph so that [start, endInclusive] of its text is covered by whole
 * runs, and returns those runs (for ranged formatting such as setBold(start, end, bold)).
 */
export function isolateRuns(paragraph: XmlElement, part: XmlPart, start: number, endInclusive: number): XmlElement[] {
  const end = endInclusive + 1;
  const splitAt = (offset: number) => {
    const piece = piecesOf(paragraph, part).find((candidate) => candidate.start < offset && offset < candidate.start + candidate.text.length);
    if (!piece) {
      // The offset falls between pieces: split the run between them if both are in one run.
      const pieces = piecesOf(paragraph, part);
      const after = pieces.find((candidate) => candidate.start === offset);
      const before = pieces.find((candidate) => candidate.start + candidate.text.length === offset);
      if (after && before && after.run === before.run) splitRunBefore(after.run, after.node, part);
      return;
    }
    // Split the w:t itself, then the run before its second half.
    const local = offset - piece.start;
    const second = textElement(part, piece.text.slice(local));
    writeText(part, piece.node, piece.text.slice(0, local));
    const parent = piece.run;
    const index = piece.node.parent === parent ? parent.children.indexOf(piece.node) + 1 : parent.children.length;
    insertChild(parent, index, second);
    splitRunBefore(piece.run, second, part);
  };
  splitAt(start);
  splitAt(end);
  const runs = new Set<XmlElement>();
  for (const piece of piecesOf(paragraph, part)) {
    if (piece.start >= start && piece.start + piece.text.length <= end && piece.text.length > 0) runs.add(piece.run);
  }
  return [...runs];
}

/** Moves `child` and the run content after it into a new run (same formatting) right after `run`. */
function splitRunBefore(run: XmlElement, child: XmlElement, part: XmlPart): void {
  const index = run.children.indexOf(child);
  if (index < 0) return;
  const moved = run.children.slice(index);
  const runProperties = firstChild(run, qualified(part, 'rPr'));
  const created = element(qualified(part, 'r'));
  if (runProperties) appendChild(created, cloneElement(runProperties));
  for (const node of moved) appendChild(created, node);
  insertChild(run.parent!, run.parent!.children.indexOf(run) + 1, created);
  removeIfEmpty(run);
}
