/**
 * Spreadsheet.getUrl offline: the file:// URL of the workbook's absolute path (what a digest's
 * {链接} shows), percent-encoded like any file URL; a workbook held in memory gets a stable URL of
 * its name in the current directory.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const URL_OF = `function url() { return SpreadsheetApp.getActiveSpreadsheet().getUrl(); }`;

test('getUrl answers the file:// URL of the workbook, which names its absolute path', async () => {
  const path = await writeXlsx(join(dir, '玉溪 推荐名单.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  const runtime = await openWith(path, URL_OF);
  try {
    const url = runtime.bundle.call('url') as string;
    expect(url.startsWith('file:///')).toBe(true);
    expect(url).not.toContain(' ');
    expect(fileURLToPath(url)).toBe(resolve(path));
  } finally {
    runtime.close();
  }
});

test('getUrl of an in-memory workbook is the same file:// URL each time, in the current directory', async () => {
  const first = await openWith(undefined, URL_OF);
  const second = await openWith(undefined, URL_OF);
  try {
    const url = first.bundle.call('url') as string;
    expect(fileURLToPath(url)).toBe(join(process.cwd(), '工作簿.xlsx'));
    expect(second.bundle.call('url')).toBe(url);
  } finally {
    first.close();
    second.close();
  }
});
