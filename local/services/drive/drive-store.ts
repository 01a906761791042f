/**
 * The files behind the offline DriveApp and DocumentApp: a folder on disk standing in for Drive.
 * DriveApp (files, folders, copies, trash, PDF) implements it; DocumentApp reads and writes a
 * document's .docx bytes through it, so both services see one set of files with stable ids.
 */

/** The MIME type of a Word document; the offline stand-in for a Google Doc. */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Apps Script's MimeType.GOOGLE_DOCS, which the offline runtime keeps as .docx. */
export const GOOGLE_DOCS_MIME_TYPE = 'application/vnd.google-apps.document';

/** What DocumentApp needs of the files. */
export interface DriveStore {
  /** Whether a file with this id exists and is not trashed. */
  exists(id: string): boolean;
  /** The bytes of a file; throws Apps Script's not-found error when there is none. */
  readFile(id: string): Uint8Array;
  /** Replaces the bytes of an existing file (a document's saveAndClose). */
  writeFile(id: string, bytes: Uint8Array): void;
  /** The file's name as Drive shows it (without the .docx of the file on disk). */
  nameOf(id: string): string;
  /** The file's URL (offline: its path relative to the workbook's folder). */
  urlOf(id: string): string;
  /**
   * Creates a new document in the root folder (DocumentApp.create) and returns its id; counts
   * against the simulated daily quota of documents created, throwing Apps Script's error past it.
   */
  createDocument(name: string, bytes: Uint8Array): string;
}
