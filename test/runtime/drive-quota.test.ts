/**
 * The daily quota of documents created (quotas page: 250 a day for a consumer account), simulated:
 * copies of a document and DocumentApp.create (through the DriveStore) count; past the quota the
 * call fails with Apps Script's message and writes nothing; the count is kept with the workbook, so
 * a second run on the same --today sees what the first used, and the next day starts again.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOCUMENT_QUOTA, DOCUMENT_QUOTA_MESSAGE } from '../../local/services/drive/local-drive';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const COPIES = `
function copies(templateId, folderId, names) {
  var template = DriveApp.getFileById(templateId), folder = DriveApp.getFolderById(folderId), made = [];
  for (var i = 0; i < names.length; i++) {
    try { made.push(template.makeCopy(names[i], folder).getName()); } catch (e) { made.push('! ' + e.message); }
  }
  return made;
}
function copyPdf(fileId, folderId) { return DriveApp.getFileById(fileId).makeCopy('副本.pdf', DriveApp.getFolderById(folderId)).getName(); }
`;

let count = 0;

async function setUp(): Promise<{ root: string; book: string }> {
  count += 1;
  const root = join(dir, `quota-${count}`);
  mkdirSync(join(root, '证书'), { recursive: true });
  writeFileSync(join(root, '模板.docx'), 'template');
  writeFileSync(join(root, '旧.pdf'), '%PDF-1.4');
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  return { root, book };
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, index) => `${prefix}${index + 1}`);

test('past --doc-quota a copy fails with Apps Script\'s message and writes nothing; a second run the same day sees the count; the next day starts again', async () => {
  const { root, book } = await setUp();
  const first = await openWith(book, COPIES, { docQuota: 3, today: '2024-10-10' });
  try {
    const made = first.bundle.call('copies', '模板.docx', '证书', names(4, 'A')) as string[];
    expect(made).toEqual(['A1', 'A2', 'A3', `! ${DOCUMENT_QUOTA_MESSAGE}`]);
    expect(DOCUMENT_QUOTA_MESSAGE).toBe('Service invoked too many times for one day: docs create.');
    expect(readdirSync(join(root, '证书')).sort()).toEqual(['A1.docx', 'A2.docx', 'A3.docx']);
    // A copy of a file that is not a document is not a document created.
    expect(first.bundle.call('copyPdf', '旧.pdf', '证书')).toBe('副本.pdf');
    expect(await first.save()).toBe(true);
  } finally {
    first.close();
  }

  const sameDay = await openWith(book, COPIES, { docQuota: 3, today: '2024-10-10' });
  try {
    expect(sameDay.bundle.call('copies', '模板.docx', '证书', ['B1'])).toEqual([`! ${DOCUMENT_QUOTA_MESSAGE}`]);
    // A larger quota on the same day leaves what the first run did not use.
    sameDay.close();
    const larger = await openWith(book, COPIES, { docQuota: 5, today: '2024-10-10' });
    try {
      expect(larger.bundle.call('copies', '模板.docx', '证书', names(3, 'C'))).toEqual(['C1', 'C2', `! ${DOCUMENT_QUOTA_MESSAGE}`]);
      await larger.save();
    } finally {
      larger.close();
    }
  } finally {
    sameDay.close();
  }

  const nextDay = await openWith(book, COPIES, { docQuota: 3, today: '2024-10-11' });
  try {
    expect(nextDay.bundle.call('copies', '模板.docx', '证书', names(4, 'D'))).toEqual(['D1', 'D2', 'D3', `! ${DOCUMENT_QUOTA_MESSAGE}`]);
  } finally {
    nextDay.close();
  }
});

test('the quota day follows the simulated clock: moving it past midnight (in the spreadsheet\'s zone) frees the quota', async () => {
  const { book } = await setUp();
  const runtime = await openWith(book, COPIES, { docQuota: 1, today: '2024-10-10' });
  try {
    expect(runtime.bundle.call('copies', '模板.docx', '证书', ['E1', 'E2'])).toEqual(['E1', `! ${DOCUMENT_QUOTA_MESSAGE}`]);
    runtime.clock.moveTo(runtime.clock.now() + 14 * 60 * 60 * 1000); // 09:00 → 23:00 Asia/Shanghai
    runtime.clock.startExecution();
    expect(runtime.bundle.call('copies', '模板.docx', '证书', ['E3'])).toEqual([`! ${DOCUMENT_QUOTA_MESSAGE}`]);
    runtime.clock.moveTo(runtime.clock.now() + 60 * 60 * 1000); // 00:00 the next day
    runtime.clock.startExecution();
    expect(runtime.bundle.call('copies', '模板.docx', '证书', ['E4'])).toEqual(['E4']);
  } finally {
    runtime.close();
  }
});

test('DocumentApp.create, through the store, counts against the same quota (default 250)', async () => {
  const { root, book } = await setUp();
  const runtime = await openWith(book, COPIES, { today: '2024-10-10' });
  try {
    expect(runtime.drive.documentQuota).toBe(DEFAULT_DOCUMENT_QUOTA);
    expect(DEFAULT_DOCUMENT_QUOTA).toBe(250);
    runtime.state.documentsCreated = { day: '2024-10-10', count: 249 };
    const id = runtime.drive.createDocument('荣誉证书', Buffer.from('docx'));
    expect(id).toBe('荣誉证书.docx');
    expect(runtime.drive.nameOf(id)).toBe('荣誉证书');
    expect(() => runtime.drive.createDocument('任期考核表', Buffer.from('docx'))).toThrow(DOCUMENT_QUOTA_MESSAGE);
    expect(readdirSync(root).filter((name) => name.endsWith('.docx')).sort()).toEqual(['模板.docx', '荣誉证书.docx']);
    expect(runtime.bundle.call('copies', '模板.docx', '证书', ['F1'])).toEqual([`! ${DOCUMENT_QUOTA_MESSAGE}`]);
    expect(runtime.changed).toBe(true);
  } finally {
    runtime.close();
  }
});

test('--doc-quota must be a whole number of zero or more', async () => {
  await expect(openWith(undefined, COPIES, { docQuota: -1 })).rejects.toThrow('每日文档上限（--doc-quota）应为非负整数，收到“-1”');
  await expect(openWith(undefined, COPIES, { docQuota: 2.5 })).rejects.toThrow('--doc-quota');
});
