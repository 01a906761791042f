/**
 * File.getAs('application/pdf') offline: LibreOffice converts the document to a real PDF (this test
 * needs soffice — CI installs libreoffice-writer-nogui — and fails, naming the install command,
 * when it is missing); without soffice on PATH the bundle gets a Chinese message saying how to
 * install it. The .docx converted is made here by LibreOffice from a text file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALL_COST_MS } from '../../local/runtime/clock';
import { LIBREOFFICE_INSTALL_COMMAND } from '../../local/services/drive/pdf';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const PDF = `
function pdf(id, folderId) {
  var blob = DriveApp.getFileById(id).getAs('application/pdf');
  var file = DriveApp.getFolderById(folderId).createFile(blob);
  var bytes = blob.getBytes();
  return [blob.getName(), blob.getContentType(), file.getId(), String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]), bytes.length];
}
function pdfError(id) { try { DriveApp.getFileById(id).getAs('application/pdf'); return ''; } catch (e) { return e.message; } }
`;

/** A real .docx made by LibreOffice from text, at `root/name.docx`. */
function makeDocx(root: string, name: string): void {
  const source = join(root, `${name}.txt`);
  writeFileSync(source, '荣誉证书\n张三 同志被认定为市级骨干班主任。\n');
  const profile = pathToFileURL(join(root, 'profile')).href;
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx', '--outdir', root, source], { encoding: 'utf8' });
  if (result.error) throw new Error(`这个测试需要 LibreOffice（soffice）：${LIBREOFFICE_INSTALL_COMMAND}（${result.error.message}）`);
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
}

test('getAs(\'application/pdf\') converts the document through LibreOffice into a real PDF named after it', async () => {
  const root = join(dir, 'pdf');
  mkdirSync(join(root, '证书'), { recursive: true });
  makeDocx(join(root, '证书'), '0012-张三-荣誉证书');
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  const runtime = await openWith(book, PDF);
  try {
    const before = runtime.clock.now();
    const [name, contentType, fileId, header, size] = runtime.bundle.call('pdf', '证书/0012-张三-荣誉证书.docx', '证书') as [string, string, string, string, number];
    expect(name).toBe('0012-张三-荣誉证书.pdf');
    expect(contentType).toBe('application/pdf');
    expect(header).toBe('%PDF');
    expect(size).toBeGreaterThan(500);
    expect(fileId).toBe('证书/0012-张三-荣誉证书.pdf');
    expect(runtime.counter.of('File.getAs')).toBe(1);
    expect(runtime.clock.now() - before).toBeGreaterThanOrEqual(CALL_COST_MS.document);
    // No temporary folder or LibreOffice profile is left beside the files.
    expect(readdirSync(join(root, '证书')).filter((entry) => !entry.endsWith('.txt')).sort()).toEqual([
      '0012-张三-荣誉证书.docx',
      '0012-张三-荣誉证书.pdf',
      'profile',
    ]);
  } finally {
    runtime.close();
  }
});

test('without soffice on PATH the conversion fails with a Chinese message naming the install command', async () => {
  const root = join(dir, 'no-soffice');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, '证书.docx'), 'not converted');
  const runtime = await openWith(undefined, PDF);
  const path = process.env.PATH;
  try {
    process.env.PATH = join(root, 'empty-bin');
    const message = runtime.bundle.call('pdfError', runtime.drive.fileIdOf(join(root, '证书.docx'))) as string;
    expect(message).toContain('无法生成 PDF：找不到 LibreOffice 的 soffice 命令');
    expect(message).toContain('apt-get install libreoffice-writer-nogui');
  } finally {
    process.env.PATH = path;
    runtime.close();
  }
});
