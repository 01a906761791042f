/**
 * Document.getAs('application/pdf') offline: the saved document converted by LibreOffice (this test
 * needs soffice — CI installs libreoffice-writer-nogui), as the bundle makes a PDF: fill, saveAndClose,
 * openById again, getAs, upload with Drive.Files.create. The PDF follows what was saved (its page
 * size changes when the saved page size does); unsaved changes and other content types are refused
 * rather than guessed at; the blob is named as BlobSource.getAs names it; the call costs a document's time.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_COST_MS } from '../../local/runtime/clock';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const BUNDLE = `
function make(name, width, height) {
  var document = DocumentApp.create(name);
  var body = document.getBody();
  body.setPageWidth(width);
  body.setPageHeight(height);
  body.appendParagraph('荣誉证书 ' + name);
  var id = document.getId();
  document.saveAndClose();
  return id;
}
function resize(id, width, height) {
  var document = DocumentApp.openById(id);
  document.getBody().setPageWidth(width);
  document.getBody().setPageHeight(height);
  document.saveAndClose();
}
function pdf(id) {
  var blob = DocumentApp.openById(id).getAs('application/pdf');
  var bytes = blob.getBytes();
  return [blob.getName(), blob.getContentType(), String.fromCharCode.apply(null, bytes.slice(0, 4)), bytes.length];
}
function upload(id, name, folderId) {
  var blob = DocumentApp.openById(id).getAs('application/pdf');
  var file = Drive.Files.create({ name: name, parents: [folderId], mimeType: 'application/pdf' }, blob, { fields: 'id' });
  return [file.id, blob.getName(), blob.getContentType()];
}
function failure(call) { try { call(); return ''; } catch (e) { return e.message; } }
function unsaved(id) {
  return failure(function () {
    var document = DocumentApp.openById(id);
    document.getBody().appendParagraph('没有保存');
    document.getAs('application/pdf');
  });
}
function otherType(id) { return failure(function () { DocumentApp.openById(id).getAs('image/png'); }); }
function closed(id) { return failure(function () { var document = DocumentApp.openById(id); document.saveAndClose(); document.getAs('application/pdf'); }); }
`;

/** The page size the PDF declares (LibreOffice writes one /MediaBox per page), in whole points. */
function mediaBox(pdfBytes: Buffer): [number, number] {
  const match = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/u.exec(pdfBytes.toString('latin1'));
  if (!match) throw new Error('no /MediaBox in the PDF');
  return [Math.round(Number(match[1])), Math.round(Number(match[2]))];
}

test('getAs converts the saved document: the PDF follows the saved page size, and uploads with Drive.Files.create', async () => {
  const root = join(dir, 'saved');
  mkdirSync(root, { recursive: true });
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  const runtime = await openWith(book, BUNDLE);
  try {
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const id = runtime.bundle.call('make', '0012-张三-荣誉证书', 595, 842) as string;
    const before = runtime.clock.now();
    const [portrait, name, contentType] = runtime.bundle.call('upload', id, '0012-张三-荣誉证书.pdf', folderId) as string[];
    // openById and getAs a document's time each, create a write's, the blob's getters light.
    expect(runtime.clock.now() - before).toBe(2 * CALL_COST_MS.document + CALL_COST_MS.write + 2 * CALL_COST_MS.light);
    expect(runtime.counter.of('Document.getAs')).toBe(1);
    expect([portrait, name, contentType]).toEqual(['证书/0012-张三-荣誉证书.pdf', '0012-张三-荣誉证书.pdf', 'application/pdf']);
    const bytes = readFileSync(runtime.drive.pathOf(portrait as string));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(mediaBox(bytes)).toEqual([595, 842]);

    runtime.bundle.call('resize', id, 842, 595);
    const [landscape] = runtime.bundle.call('upload', id, '横向.pdf', folderId) as string[];
    expect(mediaBox(readFileSync(runtime.drive.pathOf(landscape as string)))).toEqual([842, 595]);
  } finally {
    runtime.close();
  }
});

test('unsaved changes, another content type and a closed document are refused; the blob name replaces a last extension', async () => {
  const root = join(dir, 'refused');
  mkdirSync(root, { recursive: true });
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  const runtime = await openWith(book, BUNDLE);
  try {
    const id = runtime.bundle.call('make', '名单.2024', 595, 842) as string;
    expect(runtime.bundle.call('unsaved', id)).toBe('not available in the local runtime: Document.getAs (a document with unsaved changes: saveAndClose it and open it again)');
    expect(runtime.bundle.call('otherType', id)).toBe('not available in the local runtime: Document.getAs (content type image/png)');
    expect(runtime.bundle.call('closed', id)).toBe('Document is closed, its contents cannot be updated.');
    expect((runtime.bundle.call('pdf', id) as string[])[0]).toBe('名单.pdf');
  } finally {
    runtime.close();
  }
});
