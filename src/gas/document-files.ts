/**
 * One document per row, made so that a kill anywhere never leaves two files for a row or a
 * half-filled file under its final name (SPEC §7, issue 9):
 *   1. trash the leftovers of an earlier killed try (files named TEMP_PREFIX + the row's name);
 *   2. a file of the final name in the folder (getFilesByName) is the row's: unless regenerating,
 *      its link is written and nothing is made;
 *   3. makeCopy(template, TEMP_PREFIX + name, folder), fill it (replaceText in body, header and
 *      footer, or for a value holding `$` or `\` a literal edit of each match; the 履职记录 table
 *      inserted after its paragraph), saveAndClose;
 *   4. PDF: the copy as PDF saved as a temporary file, renamed to the final name, the copy trashed;
 *      otherwise (regenerating: the old file of the final name trashed first) the copy renamed;
 *   5. only then is the link written (by the caller, per document).
 * A kill before 4 leaves only temporaries (trashed by the next try); after the rename, the next try
 * finds the final name and writes its link. Files are only ever trashed by name inside the output
 * folder, never by a link typed in the sheet (it could point anywhere).
 */
import { fileIdOfLink } from '../domain/documents/links';
import { valueOf, type FieldValue } from '../domain/documents/placeholders';

/** The prefix of a document being made; a file so named is a leftover of a killed try. */
export const TEMP_PREFIX = '~生成中~';

/** The MIME type asked of getAs for a PDF. */
const PDF_MIME_TYPE = 'application/pdf';

/** Whether a link names a file that exists and is not in the trash (never changes it). */
export function linkedFileExists(link: string): boolean {
  const id = fileIdOfLink(link);
  if (id === null) return false;
  try {
    return !DriveApp.getFileById(id).isTrashed();
  } catch {
    return false;
  }
}

/** The files of this exact name in the folder (not trashed). */
function filesNamed(folder: GoogleAppsScript.Drive.Folder, name: string): GoogleAppsScript.Drive.File[] {
  const files: GoogleAppsScript.Drive.File[] = [];
  const iterator = folder.getFilesByName(name);
  while (iterator.hasNext()) files.push(iterator.next());
  return files;
}

/** The placeholder names of each section of a template (replaceText is called only where a name is). */
export interface SectionPlaceholders {
  body: readonly string[];
  header: readonly string[];
  footer: readonly string[];
}

/** What generating one row's document asks. */
export interface DocumentRequest {
  template: GoogleAppsScript.Drive.File;
  folder: GoogleAppsScript.Drive.Folder;
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

/** Makes one row's document (see the file's comment for the order and why it is kill-safe). */
export function makeRowDocument(request: DocumentRequest): DocumentOutcome {
  const { folder, name, pdf, regenerate } = request;
  const finalName = pdf ? `${name}.pdf` : name;
  const tempName = `${TEMP_PREFIX}${name}`;
  for (const leftover of [...filesNamed(folder, tempName), ...(pdf ? filesNamed(folder, `${tempName}.pdf`) : [])]) leftover.setTrashed(true);
  const existing = filesNamed(folder, finalName);
  if (existing.length > 0 && !regenerate) {
    const file = existing[0] as GoogleAppsScript.Drive.File;
    return { made: false, link: file.getUrl(), file: finalName };
  }
  const copy = request.template.makeCopy(tempName, folder);
  fillDocument(DocumentApp.openById(copy.getId()), request.placeholders, request.values);
  let result = copy;
  if (pdf) {
    const blob = copy.getAs(PDF_MIME_TYPE);
    blob.setName(`${tempName}.pdf`);
    result = folder.createFile(blob);
    for (const old of existing) old.setTrashed(true);
    result.setName(finalName);
    copy.setTrashed(true);
  } else {
    for (const old of existing) old.setTrashed(true);
    copy.setName(finalName);
  }
  return { made: true, link: result.getUrl(), file: finalName };
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
      if (section === body) insertTables(body, pattern, value.table);
      section.replaceText(pattern, '');
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
 * Inserts the table after every body paragraph holding the pattern. A placeholder inside a table
 * cell gets no table (Docs cannot nest one there through this API); it is removed like the others.
 */
function insertTables(body: GoogleAppsScript.Document.Body, pattern: string, table: string[][]): void {
  const paragraphs: GoogleAppsScript.Document.Element[] = [];
  let found = body.findText(pattern);
  while (found) {
    paragraphs.push(found.getElement().getParent());
    found = body.findText(pattern, found);
  }
  // From the last one back, so the indexes of the earlier paragraphs stay right.
  for (const paragraph of paragraphs.reverse()) {
    let index: number;
    try {
      index = body.getChildIndex(paragraph);
    } catch {
      index = -1;
    }
    if (index >= 0) body.insertTable(index + 1, table);
  }
}
