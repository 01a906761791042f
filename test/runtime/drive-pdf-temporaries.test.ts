/**
 * The PDF conversion's temporary folders (issue 9, round 2): each is named with the pid of the
 * process converting, and a folder left by a process that no longer runs (killed with -9 mid
 * conversion, holding a copy of a document that may name 身份证号) is removed at the next
 * conversion; a running process's folder is kept. No LibreOffice needed: the cleanup comes first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertDocxToPdf } from '../../local/services/drive/pdf';

test('a dead process\'s conversion folder is removed at the next conversion; a running one\'s is kept', () => {
  const deadPid = spawnSync(process.execPath, ['-e', '0']).pid as number;
  const dead = mkdtempSync(join(tmpdir(), `banzhuren-pdf-${deadPid}-`));
  writeFileSync(join(dead, 'document.docx'), '身份证号 11010519491231002X');
  const living = mkdtempSync(join(tmpdir(), `banzhuren-pdf-${process.ppid}-`));
  const source = mkdtempSync(join(tmpdir(), 'source-'));
  writeFileSync(join(source, 'x.docx'), 'PK');
  const path = process.env.PATH;
  process.env.PATH = join(dead, 'no-such-bin');
  try {
    expect(() => convertDocxToPdf(join(source, 'x.docx'), '文档')).toThrow(/找不到 LibreOffice 的 soffice 命令/u);
  } finally {
    process.env.PATH = path;
  }
  expect(existsSync(dead)).toBe(false);
  expect(existsSync(living)).toBe(true);
  rmSync(living, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});
