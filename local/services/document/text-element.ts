/**
 * The Text and RangeElement fakes, and the searches behind findText and replaceText of every
 * element: the pattern is matched against each paragraph's text on its own; a RangeElement gives
 * offsets in that text. Text formats runs (bold, size, font …) over all or part of its text, and
 * edits it literally (insertText, deleteText) across runs, within one paragraph.
 */
import { realmError, unavailable } from '../fake-object';
import type { XmlPart } from './docx-package';
import type { OpenDocument } from './document-model';
import { appendParagraphText, deleteInParagraph, formatRuns, insertInParagraph, isolateRuns, paragraphText, replaceInParagraph, runsOf, setParagraphText, type RunFormat } from './paragraph-text';
import { allMatches, firstMatch } from './text-search';
import type { XmlElement } from './xml-tree';
import { compile, elementFake, requireString, signatureError } from './element-support';
import { wrapElement } from './elements';

/** Replaces every match in the given paragraphs; the replacement is inserted literally. */
export function replaceIn(document: OpenDocument, paragraphs: readonly XmlElement[], part: XmlPart, pattern: string, replacement: string): void {
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
export function findIn(document: OpenDocument, scopes: { paragraphs: XmlElement[]; part: XmlPart }[], pattern: string, from: unknown): unknown {
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
export function makeRangeElement(document: OpenDocument, found: Found): unknown {
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
export function formatText(paragraphs: readonly XmlElement[], part: XmlPart, format: RunFormat, range?: { start: number; endInclusive: number }): void {
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
export function makeText(document: OpenDocument, part: XmlPart, paragraphs: XmlElement[], parent: XmlElement): unknown {
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
  /**
   * The paragraph and the offset in it of an offset of the text (paragraphs joined by '\n'); an
   * insertion at the end of a paragraph stays in it (`atEnd`), a deleted character never is the '\n'.
   */
  const locate = (offset: number, atEnd: boolean): { paragraph: XmlElement; offset: number } => {
    let base = 0;
    for (const [index, paragraph] of paragraphs.entries()) {
      const length = paragraphText(paragraph, part).length;
      if (offset < base + length || (atEnd && offset === base + length) || index === paragraphs.length - 1) return { paragraph, offset: offset - base };
      if (offset === base + length) unavailable(document.context, 'Text', 'deleteText', '删除段落之间的换行');
      base += length + 1;
    }
    return { paragraph: paragraphs[0]!, offset };
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
    // https://developers.google.com/apps-script/reference/document/text#deleteText(Integer,Integer)
    deleteText(start: unknown, endInclusive: unknown) {
      if (!Number.isInteger(start) || !Number.isInteger(endInclusive)) throw signatureError(document, 'Text', 'deleteText', [start, endInclusive]);
      const first = start as number;
      const last = endInclusive as number;
      const length = text().length;
      if (first < 0 || last >= length || first > last) throw realmError(document.context, `Index (${first < 0 || first > last ? first : last}) must be less than the content length (${length}).`);
      const where = locate(first, false);
      const end = locate(last, false);
      if (where.paragraph !== end.paragraph) unavailable(document.context, 'Text', 'deleteText', '跨段落删除');
      deleteInParagraph(where.paragraph, part, where.offset, end.offset);
      return self;
    },
    // https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String)
    insertText(offset: unknown, value: unknown) {
      if (!Number.isInteger(offset) || typeof value !== 'string') throw signatureError(document, 'Text', 'insertText', [offset, value]);
      const at = offset as number;
      const length = text().length;
      // The wording of the ranged setters' message; offset === length appends.
      if (at < 0 || at > length) throw realmError(document.context, `Index (${at}) must be less than or equal to the content length (${length}).`);
      const where = locate(at, true);
      insertInParagraph(where.paragraph, part, where.offset, value);
      return self;
    },
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
