/**
 * File.getAs('application/pdf') offline: LibreOffice converts the .docx (`soffice --headless
 * --convert-to pdf`) in a private temporary folder with a private LibreOffice profile, so parallel
 * runs never share one, under a timeout. Without LibreOffice the error says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one conversion may take before it is given up, in milliseconds. */
export const PDF_CONVERSION_TIMEOUT_MS = 120_000;

/** The command that installs what the conversion needs (Debian/Ubuntu). */
export const LIBREOFFICE_INSTALL_COMMAND = 'sudo apt-get install libreoffice-writer-nogui';

/** The message when soffice cannot be found. */
export function missingLibreOfficeMessage(): string {
  return `无法生成 PDF：找不到 LibreOffice 的 soffice 命令。请先安装 LibreOffice（Debian/Ubuntu：${LIBREOFFICE_INSTALL_COMMAND}；Windows/macOS：从 https://www.libreoffice.org 安装并把 soffice 所在文件夹加入 PATH），或不加 --pdf 只生成 .docx`;
}

/** Whether a `soffice` command is on the PATH (looked up without starting it, which takes seconds). */
export function libreOfficeInstalled(): boolean {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com', 'soffice'] : ['soffice'];
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .some((folder) => names.some((name) => statSafe(join(folder, name))?.isFile() === true));
}

/**
 * Whether fontconfig knows a font with Chinese glyphs (`fc-list :lang=zh`): without one LibreOffice
 * writes PDFs with empty boxes. Undefined when fc-list itself is missing (Windows, macOS: not asked).
 */
export function chineseFontInstalled(): boolean | undefined {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 20_000 });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.trim() !== '';
}

/** The message when no Chinese font is installed. */
export const MISSING_CHINESE_FONT_MESSAGE =
  '本机没有中文字体，生成的 PDF 中汉字会显示为空白或方框。请先安装中文字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk 或 fonts-wqy-microhei）';

/** The prefix of this module's temporary folders; the pid of the process that made one follows it. */
const WORK_FOLDER_PREFIX = 'banzhuren-pdf-';

/** Removes the temporary folders of conversions whose process is no longer running (a kill -9 leaves one, holding a copy of a document). */
function removeWorkFoldersOfDeadProcesses(): void {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = /^banzhuren-pdf-(\d+)-/u.exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processRunning(pid)) continue;
    rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
}

/** Whether a process of that id is running (a process of another user counts as running). */
function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stat of a path, or undefined when there is nothing there. */
function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Converts the .docx at `docxPath` to PDF bytes with LibreOffice; throws a Chinese message on failure. */
export function convertDocxToPdf(docxPath: string, shownName: string): Buffer {
  removeWorkFoldersOfDeadProcesses();
  const work = mkdtempSync(join(tmpdir(), `${WORK_FOLDER_PREFIX}${process.pid}-`));
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
