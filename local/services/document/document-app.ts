/**
 * The DocumentApp fake: Google Docs stood in for by .docx files of the offline Drive. openById
 * reads a file through the DriveStore, create makes a blank A4 document (one empty paragraph,
 * like a new Google Doc), and saveAndClose writes the package back; after it, the document and
 * its elements fail with Apps Script's message. Opening, creating and saving cost a document
 * call of the simulated clock; everything else is light.
 * Reference: https://developers.google.com/apps-script/reference/document/document-app
 */
import { makeBlob } from '../drive/blob';
import type { DriveStore } from '../drive/drive-store';
import { makeEnum, makeFake, realmError, unavailable, type FakeContext } from '../fake-object';
import { blankDocx, DamagedDocumentError, DocxPackage, type SectionPartKind } from './docx-package';
import type { OpenDocument } from './document-model';
import { pdfNameOf, pdfOfDocx } from './document-pdf';
import { CLOSED_DOCUMENT_MESSAGE, makeSection, wrapElement } from './elements';

/** The one content type Document.getAs accepts. */
const PDF_MIME_TYPE = 'application/pdf';

/** DocumentApp.ElementType (the names Google lists; the fake gives the first few). */
const ELEMENT_TYPES = [
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'EQUATION', 'EQUATION_FUNCTION', 'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL', 'RICH_LINK', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE',
  'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'TABLE', 'TABLE_CELL',
  'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
];

/** The documents each DocumentApp fake opened, for saveOpenDocuments. */
const openedBy = new WeakMap<object, OpenDocument[]>();

/**
 * Saves and closes every document a DocumentApp fake opened and nobody closed, if it changed: "The
 * saveAndClose() method is automatically invoked at the end of script execution for each open
 * editable Document" (https://developers.google.com/apps-script/reference/document/document#saveAndClose()).
 * The runtime calls it when an execution ends; it is not a call of the bundle (not counted).
 */
export function saveOpenDocuments(documentApp: unknown): void {
  const documents = typeof documentApp === 'object' && documentApp !== null ? openedBy.get(documentApp) ?? [] : [];
  for (const document of documents.splice(0)) {
    if (document.closed) continue;
    if (document.documentPackage.isChanged()) document.store.writeFile(document.id, document.documentPackage.save());
    document.closed = true;
  }
}

/**
 * Closes, without saving, every document a DocumentApp fake opened and nobody closed: what the
 * runtime does when the time limit killed an execution (its unsaved changes are lost, the
 * conservative reading; the next execution must not rely on them).
 */
export function discardOpenDocuments(documentApp: unknown): void {
  const documents = typeof documentApp === 'object' && documentApp !== null ? openedBy.get(documentApp) ?? [] : [];
  for (const document of documents.splice(0)) document.closed = true;
}

/** Opens the document fake over a package. */
function makeDocument(context: FakeContext, store: DriveStore, id: string, documentPackage: DocxPackage, opened: OpenDocument[]): unknown {
  const document: OpenDocument = { id, documentPackage, closed: false, context, store, fakes: new WeakMap(), sections: new Map() };
  opened.push(document);
  const guard = <T>(run: () => T): T => {
    if (document.closed) throw realmError(context, CLOSED_DOCUMENT_MESSAGE);
    return run();
  };
  const section = (kind: SectionPartKind) => (documentPackage.sectionParts(kind).length > 0 ? makeSection(document, kind) : null);
  const add = (kind: SectionPartKind) => {
    if (section(kind)) {
      // As Apps Script says when a header (footer) exists already.
      throw realmError(context, `Document tab already contains a ${kind}.`);
    }
    documentPackage.addSectionPart(kind);
    return makeSection(document, kind);
  };
  return makeFake(
    context,
    'Document',
    () => ({
      getId: () => guard(() => id),
      getName: () => guard(() => store.nameOf(id)),
      getUrl: () => guard(() => store.urlOf(id)),
      getBody: () => guard(() => wrapElement(document, documentPackage.body()!, documentPackage.main())),
      getHeader: () => guard(() => section('header')),
      getFooter: () => guard(() => section('footer')),
      addHeader: () => guard(() => add('header')),
      addFooter: () => guard(() => add('footer')),
      // "Retrieves the current Document contents as a blob of the specified type … currently only
      // 'application/pdf' is supported" (https://developers.google.com/apps-script/reference/document/document#getAs(String)).
      // Google exports what Drive holds, i.e. what was saved: changes of this execution not yet saved
      // are refused here rather than guessed at (saveAndClose, then openById again).
      getAs: (contentType: unknown) => guard(() => {
        if (contentType !== PDF_MIME_TYPE) return unavailable(context, 'Document', 'getAs', `content type ${String(contentType)}`);
        if (documentPackage.isChanged()) return unavailable(context, 'Document', 'getAs', 'a document with unsaved changes: saveAndClose it and open it again');
        const name = store.nameOf(id);
        const pdf = fromStore(context, () => pdfOfDocx(store.readFile(id), name));
        return makeBlob(context, { name: pdfNameOf(name), contentType: PDF_MIME_TYPE, bytes: pdf });
      }),
      saveAndClose: () => guard(() => {
        fromStore(context, () => store.writeFile(id, documentPackage.save()));
        document.closed = true;
      }),
    }),
    { costs: { saveAndClose: 'document', getAs: 'document' } },
  );
}

/** Runs a DriveStore call; its errors (Apps Script's own wording) reach the bundle as errors of its realm. */
function fromStore<T>(context: FakeContext, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof context.realm.Error) throw error;
    throw realmError(context, error instanceof Error ? error.message : String(error));
  }
}

/** Reads a document's package, turning a damaged file into a Chinese error naming it. */
function openPackage(context: FakeContext, store: DriveStore, id: string): DocxPackage {
  // https://developers.google.com/apps-script/reference/document/document-app#openById(String)
  if (!store.exists(id)) throw realmError(context, `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
  const bytes = fromStore(context, () => store.readFile(id));
  try {
    return DocxPackage.open(bytes, store.urlOf(id));
  } catch (error) {
    if (error instanceof DamagedDocumentError) throw realmError(context, error.message);
    throw error;
  }
}

/** The DocumentApp fake over the offline Drive's files. */
export function makeDocumentApp(context: FakeContext, store: DriveStore): unknown {
  const opened: OpenDocument[] = [];
  const documentApp = makeFake(
    context,
    'DocumentApp',
    () => ({
      HorizontalAlignment: makeEnum(context, 'HorizontalAlignment', ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']),
      ParagraphHeading: makeEnum(context, 'ParagraphHeading', ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE']),
      ElementType: makeEnum(context, 'ElementType', ELEMENT_TYPES),
      openById: (id: unknown) => {
        if (typeof id !== 'string') throw realmError(context, `The parameters (${typeof id}) don't match the method signature for DocumentApp.openById.`);
        return makeDocument(context, store, id, openPackage(context, store, id), opened);
      },
      openByUrl: (url: unknown) => {
        if (typeof url !== 'string') throw realmError(context, `The parameters (${typeof url}) don't match the method signature for DocumentApp.openByUrl.`);
        // Offline a document's URL is its id (the DriveStore's urlOf).
        return makeDocument(context, store, url, openPackage(context, store, url), opened);
      },
      create: (name: unknown) => {
        if (typeof name !== 'string') throw realmError(context, `The parameters (${typeof name}) don't match the method signature for DocumentApp.create.`);
        const bytes = blankDocx();
        const id = fromStore(context, () => store.createDocument(name, bytes));
        return makeDocument(context, store, id, DocxPackage.open(bytes, name), opened);
      },
    }),
    { costs: { openById: 'document', openByUrl: 'document', create: 'document' } },
  );
  openedBy.set(documentApp, opened);
  return documentApp;
}
