/**
 * One document per row, made so that a kill anywhere never leaves two files for a row or a
 * half-filled file under its final name (SPEC §7, issue 9). Only files the add-on made count: each
 * carries the marker (drive-files.ts: appProperties naming the kind and `draft` or `done`), and
 * a file without it — the workbook, a teacher's own PDF, a template, the other kind's documents —
 * is never claimed as a row's document nor trashed:
 *   1. trash the leftovers of an earlier killed try (drafts of this kind named TEMP_PREFIX + the
 *      row's name);
 *   2. a finished file of this kind with the final name in the folder is the row's: unless
 *      regenerating, its link is written and nothing is made;
 *   3. copy the template to TEMP_PREFIX + name in the folder, marked draft, fill it (replaceText in
 *      body, header and footer, or for a value holding `$` or `\` a literal edit of each match; the
 *      履职记录 table inserted after its paragraph), saveAndClose;
 *   4. PDF: the saved copy opened again and exported (Document.getAs), uploaded as a draft, renamed
 *      to the final name and marked done in one update, the copy trashed; otherwise (regenerating:
 *      the old finished files of the final name, and the row's linked file when it is a finished
 *      file of this kind, trashed first) the copy renamed and marked done in one update;
 *   5. only then is the link written (by the caller, per document).
 * A kill before 4 leaves only drafts (trashed by the next try); after the rename, the next try
 * finds the final name and writes its link. Files are only ever trashed when they carry the
 * marker; a link typed in the sheet (it could point anywhere) is trusted only when it names a
 * finished file of this kind. Every Drive call goes through ./drive-files (the advanced Drive
 * service, which the drive.file scope allows).
 */
import { fileIdOfLink } from '../domain/documents/links';
import { valueOf, type FieldValue } from '../domain/documents/placeholders';
import { copyFile, filesNamed, isFinishedFile, PDF_MIME_TYPE, renameFile, trashFile, uploadPdf, type FileMarker } from './drive-files';

/** The prefix of a document being made; a file so named is a leftover of a killed try. */
export const TEMP_PREFIX = '~生成中~';

/** Whether a link names a finished document of this kind the add-on made, not in the trash (never changes it). */
export function linkedFileExists(link: string, kind: string): boolean {
  const id = fileIdOfLink(link);
  return id !== null && isFinishedFile(id, kind);
}

/** The placeholder names of each section of a template (replaceText is called only where a name is). */
export interface SectionPlaceholders {
  body: readonly string[];
  header: readonly string[];
  footer: readonly string[];
}

/** What generating one row's document asks. */
export interface DocumentRequest {
  /** The kind of document (certificate, form): the marker of its files. */
  kind: string;
  /** The row's link as the sheet has it ('' when none): with regenerate, its file is replaced when it is ours. */
  link: string;
  /** The template's Drive id. */
  templateId: string;
  /** The output folder's Drive id. */
  folderId: string;
  /** The final Drive name, without extension (a PDF gets `.pdf`). */
  name: string;
  /** The template's placeholder names, by section. */
  placeholders: SectionPlaceholders;
  values: ReadonlyMap<string, FieldValue>;
  pdf: boolean;
  regenerate: boolean;
}

/** What came of it: the file (made now, or found under the final name) and its link. */
export interface DocumentOutcome {
  made: boolean;
  link: string;
  /** The file's Drive name. */
  file: string;
}

/** Trashes the drafts a killed try left for a row (step 1), e.g. of a row refused after its tries. */
export function trashLeftovers(folderId: string, name: string, kind: string, pdf: boolean, templateId: string): void {
  const draft: FileMarker = { kind, state: 'draft' };
  const tempName = `${TEMP_PREFIX}${name}`;
  const leftovers = [...filesNamed(folderId, tempName, draft), ...(pdf ? filesNamed(folderId, `${tempName}.pdf`, draft) : [])];
  for (const leftover of leftovers) if (leftover.id !== templateId) trashFile(leftover.id);
}

/** Makes one row's document (see the file's comment for the order and why it is kill-safe). */
export function makeRowDocument(request: DocumentRequest): DocumentOutcome {
  const { folderId, name, pdf, regenerate, kind } = request;
  const draft: FileMarker = { kind, state: 'draft' };
  const done: FileMarker = { kind, state: 'done' };
  const finalName = pdf ? `${name}.pdf` : name;
  const tempName = `${TEMP_PREFIX}${name}`;
  const notTemplate = (item: { id: string }) => item.id !== request.templateId;
  trashLeftovers(folderId, name, kind, pdf, request.templateId);
  const existing = filesNamed(folderId, finalName, done).filter(notTemplate);
  const found = existing[0];
  if (found !== undefined && !regenerate) return { made: false, link: found.link, file: finalName };
  // Regenerating: the row's linked document goes too when it is ours (its name or folder may have changed since).
  const linkedId = regenerate ? fileIdOfLink(request.link) : null;
  if (linkedId !== null && linkedId !== request.templateId && !existing.some((item) => item.id === linkedId) && isFinishedFile(linkedId, kind)) existing.push({ id: linkedId, name: '', link: request.link });
  const copy = copyFile(request.templateId, tempName, folderId, draft);
  fillDocument(DocumentApp.openById(copy.id), request.placeholders, request.values);
  if (pdf) {
    // Document.getAs exports what was saved: the filled copy, opened again after saveAndClose.
    const blob = DocumentApp.openById(copy.id).getAs(PDF_MIME_TYPE);
    const uploaded = uploadPdf(blob, `${tempName}.pdf`, folderId, draft);
    for (const old of existing) trashFile(old.id);
    const result = renameFile(uploaded.id, finalName, done);
    trashFile(copy.id);
    return { made: true, link: result.link, file: finalName };
  }
  for (const old of existing) trashFile(old.id);
  const result = renameFile(copy.id, finalName, done);
  return { made: true, link: result.link, file: finalName };
}

/** A placeholder name as an RE2 pattern (Google's replaceText and findText take a regular expression as a string): `{{ 姓名 }}` matches too. */
export function placeholderPattern(name: string): string {
  return `\\{\\{\\s*${name.replace(/[\\^$.|?*+()[\]{}]/gu, '\\$&')}\\s*\\}\\}`;
}

/**
 * Fills a copy: every placeholder with a value replaced in each section (body, header, footer)
 * whose template text names it — one replaceText per placeholder and section; a placeholder
 * without a value is left visible; the 履职记录 table inserted after each body paragraph holding it,
 * then the placeholder removed. Saves and closes the document.
 */
export function fillDocument(document: GoogleAppsScript.Document.Document, placeholders: SectionPlaceholders, values: ReadonlyMap<string, FieldValue>): void {
  const body = document.getBody();
  const header = placeholders.header.length > 0 ? document.getHeader() : null;
  const footer = placeholders.footer.length > 0 ? document.getFooter() : null;
  const sections: [Searchable | null, readonly string[]][] = [
    [body, placeholders.body],
    [header, placeholders.header],
    [footer, placeholders.footer],
  ];
  for (const [section, names] of sections) {
    if (section === null) continue;
    for (const name of names) {
      const value = valueOf(values, name);
      if (value === undefined || value === '') continue;
      const pattern = placeholderPattern(name);
      if (typeof value === 'string') {
        // Google's reference does not say whether replaceText reads `$1` or `\` in its replacement:
        // such a value is written literally, match by match; any other takes one replaceText.
        if (LITERAL_ONLY.test(value)) replaceLiterally(section, pattern, value);
        else section.replaceText(pattern, value);
        continue;
      }
      // The table goes after each body paragraph holding the placeholder, which is then removed
      // there; anywhere else (a table cell, a header) it stays visible: never a silent blank.
      if (section === body) insertTables(body, pattern, value.table);
    }
  }
  document.saveAndClose();
}

/** What fillDocument edits in a section (Body, HeaderSection, FooterSection). */
type Searchable = Pick<GoogleAppsScript.Document.Body, 'replaceText' | 'findText'>;

/** Characters a replacement string might read specially: values holding one are written literally. */
const LITERAL_ONLY = /[$\\]/u;

/**
 * Writes `value` in place of every match of `pattern` in a section, literally: the matches found
 * first (findText), then edited from the last back so the offsets of earlier ones in the same
 * paragraph stay right. The value is inserted after the match's first character, so it takes that
 * character's formatting (Google: "the text style for the inserted text will match the text
 * immediately before the insertion index",
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttextrequest),
 * then the rest of the match and its first character are deleted
 * (https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String),
 * #deleteText(Integer,Integer)).
 */
function replaceLiterally(section: Searchable, pattern: string, value: string): void {
  const matches: GoogleAppsScript.Document.RangeElement[] = [];
  let found = section.findText(pattern);
  while (found) {
    matches.push(found);
    found = section.findText(pattern, found);
  }
  for (const match of matches.reverse()) {
    const text = match.getElement().asText();
    const start = match.getStartOffset();
    const end = match.getEndOffsetInclusive();
    text.insertText(start + 1, value);
    if (end > start) text.deleteText(start + 1 + value.length, end + value.length);
    text.deleteText(start, start);
  }
}

/**
 * Inserts the table after every paragraph directly in the body that holds the pattern, and removes
 * the placeholder there. A placeholder inside a table cell (whose paragraph is no child of the body)
 * gets no table (Docs cannot nest one there through this API) and is left as it is: visible.
 */
function insertTables(body: GoogleAppsScript.Document.Body, pattern: string, table: string[][]): void {
  const matches: GoogleAppsScript.Document.RangeElement[] = [];
  for (let found = body.findText(pattern); found; found = body.findText(pattern, found)) matches.push(found);
  // From the last one back, so the indexes and offsets of the earlier ones stay right.
  for (const match of matches.reverse()) {
    const index = childIndexInBody(body, match.getElement().getParent());
    if (index < 0) continue;
    match.getElement().asText().deleteText(match.getStartOffset(), match.getEndOffsetInclusive());
    body.insertTable(index + 1, table);
  }
}

/** The index of an element among the body's children, or -1 when it is not one (a paragraph in a table cell). */
export function childIndexInBody(body: GoogleAppsScript.Document.Body, element: GoogleAppsScript.Document.Element): number {
  try {
    return body.getChildIndex(element);
  } catch {
    return -1;
  }
}
