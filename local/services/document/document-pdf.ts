/**
 * Document.getAs('application/pdf') offline: the document's saved .docx bytes converted by the same
 * LibreOffice conversion as DriveApp's File.getAs (local/services/drive/pdf.ts), through a private
 * temporary file; and the name Apps Script gives the PDF blob.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertDocxToPdf } from '../drive/pdf';

/** PDF bytes of .docx bytes (a Chinese error naming `shownName` when LibreOffice is missing or fails). */
export function pdfOfDocx(bytes: Uint8Array, shownName: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'banzhuren-document-'));
  try {
    const path = join(work, 'document.docx');
    writeFileSync(path, bytes);
    return convertDocxToPdf(path, shownName);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The blob's name: "This method adds the appropriate extension to the filename—for example,
 * "myfile.pdf". However, it assumes that the part of the filename that follows the last period (if
 * any) is an existing extension that should be replaced"
 * (https://developers.google.com/apps-script/reference/base/blob-source#getAs(String)).
 */
export function pdfNameOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot >= 0 ? name.slice(0, dot) : name}.pdf`;
}
