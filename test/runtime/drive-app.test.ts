/**
 * DriveApp offline, driven through a small bundle as the add-on would call it: ids are paths
 * relative to the workbook's folder and survive reopening; Drive allows two files of one name;
 * trashed files leave every listing (their id still finds them); a missing id fails with Drive's message; lookups are exact and
 * of one folder only; writes leave no temporary file; each call is counted and costs its modelled time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_COST_MS } from '../../local/runtime/clock';
import { ITEM_NOT_FOUND_MESSAGE } from '../../local/services/drive/local-drive';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The calls the add-on makes, as bundle code. */
const DRIVE = `
function copyTemplate(templateId, folderId, name) {
  var copy = DriveApp.getFileById(templateId).makeCopy(name, DriveApp.getFolderById(folderId));
  return [copy.getId(), copy.getName(), copy.getUrl(), copy.getMimeType()];
}
function named(folderId, name) {
  var files = DriveApp.getFolderById(folderId).getFilesByName(name), found = [];
  while (files.hasNext()) { var file = files.next(); found.push(file.getId() + '|' + file.getName()); }
  return found.sort();
}
function all(folderId) {
  var files = DriveApp.getFolderById(folderId).getFiles(), found = [];
  while (files.hasNext()) found.push(files.next().getName());
  return found.sort();
}
function nameOf(id) { var file = DriveApp.getFileById(id); return [file.getName(), file.isTrashed()]; }
function idOf(id) { return DriveApp.getFileById(id).getId(); }
function restore(id) { var file = DriveApp.getFileById(id); file.setTrashed(false); return [file.isTrashed(), file.getId()]; }
function trash(id) { var file = DriveApp.getFileById(id); file.setTrashed(true); return [file.isTrashed(), file.getName()]; }
function rename(id, name) { var file = DriveApp.getFileById(id); file.setName(name); return [file.getId(), file.getName()]; }
function move(id, folderId) { var file = DriveApp.getFileById(id); file.moveTo(DriveApp.getFolderById(folderId)); return [file.getId(), file.getName()]; }
function upload(folderId, name, text) {
  var file = DriveApp.getFolderById(folderId).createFile(Utilities.newBlob(text, 'text/plain', name));
  return [file.getId(), file.getName(), file.getMimeType()];
}
function folder(name) { var made = DriveApp.createFolder(name); return [made.getId(), made.getName(), made.getUrl()]; }
function thrown(call) { try { call(); return ''; } catch (e) { return e.message; } }
function missingFile(id) { return thrown(function () { DriveApp.getFileById(id); }); }
function missingFolder(id) { return thrown(function () { DriveApp.getFolderById(id); }); }
`;

let count = 0;

/** A fresh folder holding a workbook and a template .docx (any bytes: copies do not read them). */
async function setUp(): Promise<{ root: string; book: string; template: string }> {
  count += 1;
  const root = join(dir, `drive-${count}`);
  mkdirSync(join(root, '模板'), { recursive: true });
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  const template = join(root, '模板', '荣誉证书.docx');
  writeFileSync(template, 'template bytes');
  return { root, book, template };
}

test('ids are paths relative to the workbook\'s folder; a copy keeps its id and Drive name after the workbook is reopened', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  const templateId = runtime.drive.fileIdOf(template);
  const folderId = runtime.drive.folderIdOf(join(root, '证书'));
  expect(templateId).toBe('模板/荣誉证书.docx');
  expect(folderId).toBe('证书');
  const [id, name, url, mimeType] = runtime.bundle.call('copyTemplate', templateId, folderId, '0012-张三-荣誉证书') as string[];
  expect([id, name, url, mimeType]).toEqual(['证书/0012-张三-荣誉证书.docx', '0012-张三-荣誉证书', id, 'application/vnd.google-apps.document']);
  expect(readFileSync(runtime.drive.pathOf(id ?? ''), 'utf8')).toBe('template bytes');
  runtime.close();

  const again = await openWith(book, DRIVE);
  try {
    expect(again.bundle.call('nameOf', id)).toEqual(['0012-张三-荣誉证书', false]);
    expect(again.drive.pathOf(id ?? '')).toBe(join(root, '证书', '0012-张三-荣誉证书.docx'));
    // A folder outside the workbook's folder has an absolute id.
    const outside = again.drive.folderIdOf(join(dir, `outside-${count}`));
    expect(outside).toBe(join(dir, `outside-${count}`).split('\\').join('/'));
    expect(again.bundle.call('named', outside, 'x')).toEqual([]);
  } finally {
    again.close();
  }
});

test('two copies with one name are two files: Drive shows the name twice, the disk has "name (1).docx", and that survives reopening', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  const templateId = runtime.drive.fileIdOf(template);
  const folderId = runtime.drive.folderIdOf(join(root, '证书'));
  const first = runtime.bundle.call('copyTemplate', templateId, folderId, '张三') as string[];
  const second = runtime.bundle.call('copyTemplate', templateId, folderId, '张三') as string[];
  expect(first[0]).toBe('证书/张三.docx');
  expect(second[0]).toBe('证书/张三 (1).docx');
  expect(second[1]).toBe('张三');
  expect(runtime.bundle.call('named', folderId, '张三')).toEqual(['证书/张三 (1).docx|张三', '证书/张三.docx|张三']);
  runtime.close();

  const again = await openWith(book, DRIVE);
  try {
    expect(again.bundle.call('named', folderId, '张三')).toHaveLength(2);
    expect(again.bundle.call('named', folderId, '张三 (1)')).toEqual([]);
  } finally {
    again.close();
  }
});

test('getFilesByName is exact, case-sensitive and of that folder only', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    const templateId = runtime.drive.fileIdOf(template);
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const inner = runtime.drive.folderIdOf(join(root, '证书', '旧'));
    runtime.bundle.call('copyTemplate', templateId, folderId, 'Li');
    runtime.bundle.call('copyTemplate', templateId, inner, 'Li');
    runtime.bundle.call('upload', folderId, 'Li.pdf', 'pdf?');
    expect(runtime.bundle.call('named', folderId, 'Li')).toEqual(['证书/Li.docx|Li']);
    expect(runtime.bundle.call('named', folderId, 'li')).toEqual([]);
    expect(runtime.bundle.call('named', folderId, 'L')).toEqual([]);
    expect(runtime.bundle.call('named', folderId, 'Li.pdf')).toEqual(['证书/Li.pdf|Li.pdf']);
    expect(runtime.bundle.call('named', inner, 'Li')).toEqual(['证书/旧/Li.docx|Li']);
  } finally {
    runtime.close();
  }
});

test('a trashed file moves into .trash/ beside it and leaves every listing; its id still finds it (isTrashed), as on Google', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    const templateId = runtime.drive.fileIdOf(template);
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const [id] = runtime.bundle.call('copyTemplate', templateId, folderId, '王五') as string[];
    expect(runtime.bundle.call('trash', id)).toEqual([true, '王五']);
    expect(existsSync(join(root, '证书', '王五.docx'))).toBe(false);
    expect(existsSync(join(root, '证书', '.trash', '王五.docx'))).toBe(true);
    expect(runtime.bundle.call('named', folderId, '王五')).toEqual([]);
    expect(runtime.bundle.call('all', folderId)).toEqual([]);
    expect(runtime.bundle.call('nameOf', id)).toEqual(['王五', true]);
    expect(runtime.bundle.call('idOf', id)).toBe(id);
    expect(runtime.drive.exists(id ?? '')).toBe(false);
    expect(runtime.bundle.call('missingFile', '证书/.trash/王五.docx')).toBe(ITEM_NOT_FOUND_MESSAGE);
    // Restored, it is back under its id.
    expect(runtime.bundle.call('restore', id)).toEqual([false, id]);
    expect(runtime.bundle.call('named', folderId, '王五')).toEqual([`${id}|王五`]);
    // Trashed again, then a new copy of that name takes the free name (and the id); both trashed stay in the trash.
    runtime.bundle.call('trash', id);
    const [again] = runtime.bundle.call('copyTemplate', templateId, folderId, '王五') as string[];
    expect(again).toBe(id);
    expect(runtime.bundle.call('nameOf', id)).toEqual(['王五', false]);
    runtime.bundle.call('trash', again);
    expect(readdirSync(join(root, '证书', '.trash')).filter((name) => !name.startsWith('.')).sort()).toEqual(['王五 (1).docx', '王五.docx']);
    expect(runtime.bundle.call('nameOf', id)).toEqual(['王五', true]);
  } finally {
    runtime.close();
  }
});

test('a missing file or folder fails with Drive\'s own message', async () => {
  const { book } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    expect(runtime.bundle.call('missingFile', '证书/没有.docx')).toBe(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
    expect(runtime.bundle.call('missingFile', '')).toBe(ITEM_NOT_FOUND_MESSAGE);
    expect(runtime.bundle.call('missingFolder', '没有的文件夹')).toBe(ITEM_NOT_FOUND_MESSAGE);
    // A file is not a folder, a folder is not a file.
    expect(runtime.bundle.call('missingFolder', '推荐.xlsx')).toBe(ITEM_NOT_FOUND_MESSAGE);
    expect(runtime.bundle.call('missingFile', '.')).toBe(ITEM_NOT_FOUND_MESSAGE);
  } finally {
    runtime.close();
  }
});

test('setName renames on disk without replacing a file of that name; moveTo moves it; createFile and createFolder write new items', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    const templateId = runtime.drive.fileIdOf(template);
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const [a] = runtime.bundle.call('copyTemplate', templateId, folderId, '甲') as string[];
    runtime.bundle.call('copyTemplate', templateId, folderId, '乙');
    expect(runtime.bundle.call('rename', a, '乙')).toEqual(['证书/乙 (1).docx', '乙']);
    expect(runtime.bundle.call('named', folderId, '乙')).toHaveLength(2);
    const [folderMade, folderName] = runtime.bundle.call('folder', '班主任评选文档') as string[];
    expect([folderMade, folderName]).toEqual(['班主任评选文档', '班主任评选文档']);
    expect(runtime.bundle.call('folder', '班主任评选文档')).toEqual(['班主任评选文档 (1)', '班主任评选文档', '班主任评选文档 (1)']);
    expect(runtime.bundle.call('move', '证书/乙 (1).docx', folderMade)).toEqual(['班主任评选文档/乙.docx', '乙']);
    expect(runtime.bundle.call('upload', folderMade, '说明.txt', '你好')).toEqual(['班主任评选文档/说明.txt', '说明.txt', 'text/plain']);
    expect(readFileSync(join(root, '班主任评选文档', '说明.txt'), 'utf8')).toBe('你好');
    expect(runtime.bundle.call('upload', folderMade, '说明.txt', '再见')).toEqual(['班主任评选文档/说明 (1).txt', '说明.txt', 'text/plain']);
    expect(readFileSync(join(root, '班主任评选文档', '说明.txt'), 'utf8')).toBe('你好');
  } finally {
    runtime.close();
  }
});

test('writes go through a temporary file renamed into place: none is left, and a leftover one is never listed', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    const templateId = runtime.drive.fileIdOf(template);
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const [id] = runtime.bundle.call('copyTemplate', templateId, folderId, '赵六') as string[];
    runtime.drive.writeFile(id ?? '', Buffer.from('saved'));
    // What a process killed mid-write leaves: a hidden temporary beside the real name.
    writeFileSync(join(root, '证书', '.赵六.docx.999-abcd.tmp'), 'half');
    expect(readdirSync(join(root, '证书')).filter((name) => name.endsWith('.tmp'))).toEqual(['.赵六.docx.999-abcd.tmp']);
    expect(readFileSync(join(root, '证书', '赵六.docx'), 'utf8')).toBe('saved');
    expect(runtime.bundle.call('named', folderId, '赵六')).toEqual(['证书/赵六.docx|赵六']);
    expect(runtime.bundle.call('missingFile', '证书/.赵六.docx.999-abcd.tmp')).toBe(ITEM_NOT_FOUND_MESSAGE);
    // Two files of one name (the index remembers it) and a trashed one: getFiles lists only Drive's items.
    runtime.bundle.call('copyTemplate', templateId, folderId, '赵六');
    runtime.bundle.call('trash', (runtime.bundle.call('copyTemplate', templateId, folderId, '孙八') as string[])[0]);
    expect(runtime.bundle.call('all', folderId)).toEqual(['赵六', '赵六']);
  } finally {
    runtime.close();
  }
});

test('every Drive call is counted and costs its modelled time: a copy a document\'s, a lookup a read\'s, a change a write\'s', async () => {
  const { root, book, template } = await setUp();
  const runtime = await openWith(book, DRIVE);
  try {
    const templateId = runtime.drive.fileIdOf(template);
    const folderId = runtime.drive.folderIdOf(join(root, '证书'));
    const before = runtime.clock.now();
    runtime.bundle.call('copyTemplate', templateId, folderId, '钱七');
    // getFileById + getFolderById (reads), makeCopy (document), four light getters.
    expect(runtime.clock.now() - before).toBe(2 * CALL_COST_MS.read + CALL_COST_MS.document + 4 * CALL_COST_MS.light);
    expect(runtime.counter.of('File.makeCopy')).toBe(1);
    expect(runtime.counter.of('DriveApp.getFileById')).toBe(1);
    const beforeTrash = runtime.clock.now();
    runtime.bundle.call('trash', '证书/钱七.docx');
    expect(runtime.clock.now() - beforeTrash).toBe(CALL_COST_MS.read + CALL_COST_MS.write + 2 * CALL_COST_MS.light);
    expect(runtime.counter.of('File.setTrashed')).toBe(1);
  } finally {
    runtime.close();
  }
});

test('an in-memory workbook\'s Drive is the current directory', async () => {
  const runtime = await openWith(undefined, DRIVE);
  try {
    expect(runtime.drive.root).toBe(process.cwd());
    expect(runtime.drive.idOf(join(process.cwd(), 'templates', 'x.docx'))).toBe('templates/x.docx');
    expect(runtime.canSave).toBe(false);
  } finally {
    runtime.close();
  }
});
