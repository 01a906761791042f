/**
 * File.getAs('application/pdf') offline: LibreOffice converts the .docx (`soffice --headless
 * --convert-to pdf`) in a private temporary folder with a private LibreOffice profile, so parallel
 * runs never share one, under a timeout. Without LibreOffice the error says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one conversion may take before it is given up, in milliseconds. */
export const PDF_CONVERSION_TIMEOUT_MS = 120_000;

/** The command that installs what the conversion needs (Debian/Ubuntu). */
export const LIBREOFFICE_INSTALL_COMMAND = 'sudo apt-get install libreoffice-writer-nogui';

/** The message when soffice cannot be found. */
export function missingLibreOfficeMessage(): string {
  return `无法生成 PDF：找不到 LibreOffice 的 soffice 命令。请先安装 LibreOffice（Debian/Ubuntu：${LIBREOFFICE_INSTALL_COMMAND}；Windows/macOS：从 https://www.libreoffice.org 安装并把 soffice 所在文件夹加入 PATH），或不加 --pdf 只生成 .docx`;
}

/** Converts the .docx at `docxPath` to PDF bytes with LibreOffice; throws a Chinese message on failure. */
export function convertDocxToPdf(docxPath: string, shownName: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'banzhuren-pdf-'));
  try {
    const input = join(work, 'document.docx');
    copyFileSync(docxPath, input);
    const profile = pathToFileURL(join(work, 'profile')).href;
    // The environment is passed on purpose: soffice is looked up on the PATH of this process as it is now.
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input],
      { encoding: 'utf8', env: process.env, timeout: PDF_CONVERSION_TIMEOUT_MS, killSignal: 'SIGKILL' },
    );
    const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new Error(missingLibreOfficeMessage());
    if (code === 'ETIMEDOUT' || result.signal) {
      throw new Error(`无法生成 PDF：LibreOffice 转换“${shownName}”超过 ${PDF_CONVERSION_TIMEOUT_MS / 1000} 秒未完成`);
    }
    const output = join(work, 'document.pdf');
    if (result.status !== 0 || !existsSync(output)) {
      const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
      throw new Error(`无法生成 PDF：LibreOffice 未能转换“${shownName}”${detail ? `（${detail}）` : ''}`);
    }
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
