/**
 * The advanced Drive service (Drive API v3) offline, driven through a small bundle making the calls
 * src/gas/drive-files.ts makes: File resources trimmed to the fields asked; files.list with the
 * query forms the add-on writes (escaped names, one folder, trashed or not, MIME type), paged;
 * anything else says it is not available; a missing id fails as Apps Script reports the API's 404;
 * copies of documents count against the daily quota; each call is counted and costs its modelled time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_COST_MS } from '../../local/runtime/clock';
import { DOCUMENT_QUOTA_MESSAGE } from '../../local/services/drive/local-drive';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const ITEM = 'id,name,webViewLink';

/** The calls, as bundle code (plain objects out, so the test compares values of its own realm). */
const BUNDLE = `
function plain(value) { return JSON.parse(JSON.stringify(value)); }
function quoted(value) { return "'" + value.replace(/\\\\/g, '\\\\\\\\').replace(/'/g, "\\\\'") + "'"; }
function copy(fileId, name, folderId, fields) {
  var resource = { name: name };
  if (folderId) resource.parents = [folderId];
  return plain(Drive.Files.copy(resource, fileId, fields ? { fields: fields } : undefined));
}
function named(folderId, name, pageSize) {
  var q = 'name = ' + quoted(name) + ' and ' + quoted(folderId) + ' in parents and trashed = false';
  var found = [], token, pages = 0;
  do {
    var args = { q: q, fields: 'nextPageToken,files(${ITEM})', pageSize: pageSize || 100 };
    if (token) args.pageToken = token;
    var page = Drive.Files.list(args);
    pages += 1;
    (page.files || []).forEach(function (file) { found.push(file.id + '|' + file.name + '|' + file.webViewLink); });
    token = page.nextPageToken;
  } while (token);
  return { found: found, pages: pages };
}
function list(q, fields) { return plain(Drive.Files.list(fields === undefined ? { q: q } : { q: q, fields: fields })); }
function get(fileId, fields) { return plain(Drive.Files.get(fileId, fields ? { fields: fields } : {})); }
function rename(fileId, name) { return plain(Drive.Files.update({ name: name }, fileId, null, { fields: '${ITEM}' })); }
function trash(fileId, trashed) { return plain(Drive.Files.update({ trashed: trashed }, fileId, null, { fields: 'id,trashed' })); }
function move(fileId, add, remove) {
  var args = { addParents: add, fields: 'id,parents' };
  if (remove !== undefined) args.removeParents = remove;
  return plain(Drive.Files.update({}, fileId, null, args));
}
function folder(name, parentId) {
  var resource = { name: name, mimeType: 'application/vnd.google-apps.folder' };
  if (parentId) resource.parents = [parentId];
  return plain(Drive.Files.create(resource, null, { fields: 'id,name,mimeType,parents' }));
}
function upload(name, folderId, text, mimeType) {
  var blob = Utilities.newBlob(text, 'application/pdf', 'ignored.pdf');
  return plain(Drive.Files.create({ name: name, parents: [folderId], mimeType: mimeType || 'application/pdf' }, blob, { fields: '${ITEM},mimeType' }));
}
function marked(fileId, name, folderId, properties) {
  return plain(Drive.Files.copy({ name: name, parents: [folderId], appProperties: properties }, fileId, { fields: 'id,appProperties' }));
}
function setProperties(fileId, name, properties) {
  var resource = { appProperties: properties };
  if (name) resource.name = name;
  return plain(Drive.Files.update(resource, fileId, null, { fields: 'id,name,appProperties' }));
}
function withProperty(folderId, key, value) {
  var q = "'" + folderId + "' in parents and trashed = false and appProperties has { key='" + key + "' and value='" + value + "' }";
  return plain(Drive.Files.list({ q: q, fields: 'files(name,appProperties)' })).files.map(function (file) { return file.name; });
}
function failure(call) {
  try { call(); return null; } catch (e) { return { name: e.name, message: e.message, details: e.details ? plain(e.details) : null }; }
}
function failingGet(fileId) { return failure(function () { Drive.Files.get(fileId, { fields: 'trashed' }); }); }
function failingList(q) { return failure(function () { Drive.Files.list({ q: q }); }); }
function failingMove(fileId, add) { return failure(function () { Drive.Files.update({}, fileId, null, { addParents: add }); }); }
function failingCopy(fileId, name, folderId) { return failure(function () { Drive.Files.copy({ name: name, parents: [folderId] }, fileId, { fields: 'id' }); }); }
function failingUpload(name, folderId, mimeType) { return failure(function () { upload(name, folderId, 'x', mimeType); }); }
`;

let count = 0;

/** A fresh folder holding a workbook, a template .docx (any bytes: copies do not read them) and a folder 证书. */
async function setUp(options: { docQuota?: number } = {}) {
  count += 1;
  const root = join(dir, `advanced-${count}`);
  mkdirSync(join(root, '模板'), { recursive: true });
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  writeFileSync(join(root, '模板', '荣誉证书.docx'), 'template bytes');
  const runtime = await openWith(book, BUNDLE, options);
  const templateId = runtime.drive.fileIdOf(join(root, '模板', '荣誉证书.docx'));
  const folderId = runtime.drive.folderIdOf(join(root, '证书'));
  return { root, runtime, templateId, folderId, call: (name: string, ...args: unknown[]) => runtime.bundle.call(name, ...args) };
}

test('files.copy makes a Google Doc in the folder and answers only the fields asked (v3 default: kind, id, name, mimeType)', async () => {
  const { root, runtime, templateId, folderId, call } = await setUp();
  try {
    expect(call('copy', templateId, '0012-张三-荣誉证书', folderId, ITEM)).toEqual({ id: '证书/0012-张三-荣誉证书.docx', name: '0012-张三-荣誉证书', webViewLink: '证书/0012-张三-荣誉证书.docx' });
    expect(readFileSync(join(root, '证书', '0012-张三-荣誉证书.docx'), 'utf8')).toBe('template bytes');
    expect(call('copy', templateId, '李四', folderId)).toEqual({ kind: 'drive#file', id: '证书/李四.docx', name: '李四', mimeType: 'application/vnd.google-apps.document' });
    // Without parents the copy stays beside the source; without a name it is "Copy of …".
    expect(call('copy', templateId, '王五', undefined, 'id,parents')).toEqual({ id: '模板/王五.docx', parents: ['模板'] });
    expect(call('get', '证书/李四.docx', '*')).toEqual({
      kind: 'drive#file', id: '证书/李四.docx', name: '李四', mimeType: 'application/vnd.google-apps.document',
      parents: ['证书'], trashed: false, webViewLink: '证书/李四.docx',
    });
  } finally {
    runtime.close();
  }
});

test('a copy of a document counts against the daily quota of documents created, as makeCopy does', async () => {
  const { runtime, templateId, folderId, call } = await setUp({ docQuota: 2 });
  try {
    call('copy', templateId, '甲', folderId, 'id');
    call('copy', templateId, '乙', folderId, 'id');
    expect(call('failingCopy', templateId, '丙', folderId)).toEqual({ name: 'Exception', message: DOCUMENT_QUOTA_MESSAGE, details: null });
    expect(existsSync(runtime.drive.pathOf('证书/丙.docx'))).toBe(false);
  } finally {
    runtime.close();
  }
});

test('files.list finds exactly the name (quotes and backslashes escaped), in that folder only, not trashed, page by page', async () => {
  const { root, runtime, templateId, folderId, call } = await setUp();
  try {
    const odd = "O'Brien 张三";
    const made = call('copy', templateId, odd, folderId, 'id') as { id: string };
    call('copy', templateId, odd, runtime.drive.folderIdOf(join(root, '证书', '旧')), 'id');
    call('copy', templateId, "O'Brien", folderId, 'id');
    expect(call('named', folderId, odd)).toEqual({ found: [`${made.id}|${odd}|${made.id}`], pages: 1 });
    expect(call('named', folderId, "o'brien 张三")).toEqual({ found: [], pages: 1 });
    // A backslash is escaped too (a local file name cannot hold one, so nothing is found, but the query parses).
    expect(call('named', folderId, "O'Brien \\ 张三")).toEqual({ found: [], pages: 1 });
    // Five files of one name over pages of two: three pages, each file once.
    for (let index = 0; index < 4; index += 1) call('copy', templateId, '同名', folderId, 'id');
    call('upload', '同名', folderId, 'pdf bytes', 'application/octet-stream');
    const paged = call('named', folderId, '同名', 2) as { found: string[]; pages: number };
    expect(paged.pages).toBe(3);
    expect(new Set(paged.found).size).toBe(5);
    // A trashed file leaves `trashed = false` listings; `trashed = true` finds it; without the clause both.
    call('trash', made.id, true);
    expect(call('named', folderId, odd)).toEqual({ found: [], pages: 1 });
    const trashedOnly = call('list', `name = 'O\\'Brien 张三' and '证书' in parents and trashed = true`, 'files(id,trashed)');
    expect(trashedOnly).toEqual({ files: [{ id: made.id, trashed: true }] });
    const either = call('list', `'证书' in parents and mimeType = 'application/vnd.google-apps.folder'`, 'files(name)');
    expect(either).toEqual({ files: [{ name: '旧' }] });
    expect((call('list', `name = 'O\\'Brien 张三' and '证书' in parents`, 'files(id)') as { files: unknown[] }).files).toHaveLength(1);
    // Default fields of a listing.
    expect(call('list', `name = 'O\\'Brien' and '证书' in parents`)).toEqual({
      kind: 'drive#fileList', incompleteSearch: false, files: [{ kind: 'drive#file', id: '证书/O\'Brien.docx', name: "O'Brien", mimeType: 'application/vnd.google-apps.document' }],
    });
  } finally {
    runtime.close();
  }
});

test('a query of another form, or without a folder, is not available offline (never silently answered)', async () => {
  const { runtime, call } = await setUp();
  try {
    for (const q of [`name contains '张'`, `name = '张三'`, `'证书' in parents or trashed = false`, `name != '张三' and '证书' in parents`, `name = '张三 and '证书' in parents`]) {
      expect(call('failingList', q)).toEqual({ name: 'Exception', message: `not available in the local runtime: Drive.Files.list (q: ${q})`, details: null });
    }
  } finally {
    runtime.close();
  }
});

test('a missing id fails as Apps Script reports the API\'s 404; a trashed file keeps its id and answers trashed: true', async () => {
  const { runtime, templateId, folderId, call } = await setUp();
  try {
    expect(call('failingGet', '证书/没有.docx')).toEqual({
      name: 'GoogleJsonResponseException',
      message: 'API call to drive.files.get failed with error: File not found: 证书/没有.docx.',
      details: { code: 404, message: 'File not found: 证书/没有.docx.', errors: [{ domain: 'global', reason: 'notFound', message: 'File not found: 证书/没有.docx.', locationType: 'parameter', location: 'fileId' }] },
    });
    expect((call('failingCopy', templateId, '甲', '没有的文件夹') as { message: string }).message).toBe('API call to drive.files.copy failed with error: File not found: 没有的文件夹.');
    expect((call('failingCopy', '模板/没有.docx', '甲', folderId) as { message: string }).message).toBe('API call to drive.files.copy failed with error: File not found: 模板/没有.docx.');
    const { id } = call('copy', templateId, '赵六', folderId, 'id') as { id: string };
    expect(call('trash', id, true)).toEqual({ id, trashed: true });
    expect(call('get', id, 'id,name,trashed,parents')).toEqual({ id, name: '赵六', trashed: true, parents: ['证书'] });
    expect(runtime.drive.exists(id)).toBe(false);
    expect(call('trash', id, false)).toEqual({ id, trashed: false });
    expect(runtime.drive.exists(id)).toBe(true);
    expect(call('get', folderId, 'id,name,mimeType')).toEqual({ id: '证书', name: '证书', mimeType: 'application/vnd.google-apps.folder' });
  } finally {
    runtime.close();
  }
});

test('files.update renames (never replacing a file of that name) and moves with addParents/removeParents; a second parent is refused', async () => {
  const { root, runtime, templateId, folderId, call } = await setUp();
  try {
    const a = call('copy', templateId, '甲', folderId, 'id') as { id: string };
    call('copy', templateId, '乙', folderId, 'id');
    expect(call('rename', a.id, '乙')).toEqual({ id: '证书/乙 (1).docx', name: '乙', webViewLink: '证书/乙 (1).docx' });
    expect((call('named', folderId, '乙') as { found: string[] }).found).toHaveLength(2);
    const other = runtime.drive.folderIdOf(join(root, '其他'));
    expect(call('move', '证书/乙 (1).docx', other, '证书')).toEqual({ id: '其他/乙.docx', parents: ['其他'] });
    expect(existsSync(join(root, '其他', '乙.docx'))).toBe(true);
    expect(call('failingMove', '证书/乙.docx', other)).toEqual({
      name: 'Exception', message: 'not available in the local runtime: Drive.Files.update (addParents 其他 removeParents undefined)', details: null,
    });
  } finally {
    runtime.close();
  }
});

test('files.create makes folders and uploads a PDF Blob; a type the name would not give is refused', async () => {
  const { root, runtime, folderId, call } = await setUp();
  try {
    expect(call('folder', '班主任评选文档')).toEqual({ id: '班主任评选文档', name: '班主任评选文档', mimeType: 'application/vnd.google-apps.folder', parents: ['.'] });
    expect(call('folder', '班主任评选文档')).toEqual({ id: '班主任评选文档 (1)', name: '班主任评选文档', mimeType: 'application/vnd.google-apps.folder', parents: ['.'] });
    expect(call('folder', '子', folderId)).toEqual({ id: '证书/子', name: '子', mimeType: 'application/vnd.google-apps.folder', parents: ['证书'] });
    expect(call('upload', '张三.pdf', folderId, '%PDF-1.4')).toEqual({ id: '证书/张三.pdf', name: '张三.pdf', webViewLink: '证书/张三.pdf', mimeType: 'application/pdf' });
    expect(readFileSync(join(root, '证书', '张三.pdf'), 'utf8')).toBe('%PDF-1.4');
    expect(call('failingUpload', '张三', folderId, 'application/pdf')).toEqual({
      name: 'Exception', message: 'not available in the local runtime: Drive.Files.create (a file named “张三” of type application/pdf)', details: null,
    });
    expect((call('failingUpload', '李四.pdf', '没有', 'application/pdf') as { message: string }).message).toBe('API call to drive.files.create failed with error: File not found: 没有.');
  } finally {
    runtime.close();
  }
});

test('each call is counted as Drive.Files.method and costs its modelled time: get and list a read, update and create a write, copy a document', async () => {
  const { runtime, templateId, folderId, call } = await setUp();
  try {
    const cost = (run: () => void) => {
      const before = runtime.clock.now();
      run();
      return runtime.clock.now() - before;
    };
    // The bundle's own calls (JSON, Utilities.newBlob) are light or free; only the Drive calls are weighed.
    expect(cost(() => call('copy', templateId, '甲', folderId, 'id'))).toBe(CALL_COST_MS.document);
    expect(cost(() => call('get', '证书/甲.docx', 'id'))).toBe(CALL_COST_MS.read);
    expect(cost(() => call('named', folderId, '甲'))).toBe(CALL_COST_MS.read);
    expect(cost(() => call('rename', '证书/甲.docx', '乙'))).toBe(CALL_COST_MS.write);
    expect(cost(() => call('folder', '新'))).toBe(CALL_COST_MS.write);
    expect(runtime.counter.of('Drive.Files.copy')).toBe(1);
    expect(runtime.counter.of('Drive.Files.get')).toBe(1);
    expect(runtime.counter.of('Drive.Files.list')).toBe(1);
    expect(runtime.counter.of('Drive.Files.update')).toBe(1);
    expect(runtime.counter.of('Drive.Files.create')).toBe(1);
  } finally {
    runtime.close();
  }
});

test('appProperties read again after the index file changes on disk (another process): the parsed index is kept only while the file is unchanged', async () => {
  const { root, runtime, templateId, folderId, call } = await setUp();
  try {
    call('marked', templateId, '甲', folderId, { banzhurenState: 'draft' });
    call('marked', templateId, '乙', folderId, { banzhurenState: 'draft' });
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toEqual(['乙', '甲']);
    // Another banzhuren (or a person) rewrites the index: 甲 is done now, and the same size as before.
    const index = join(root, '证书', '.banzhuren-properties.json');
    const before = readFileSync(index, 'utf8');
    writeFileSync(index, before.replace(/"draft"/u, '"dones"'));
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toHaveLength(1);
    expect(call('withProperty', folderId, 'banzhurenState', 'dones')).toHaveLength(1);
    // This process's own update is seen at once, and the cached index was not changed in place by it.
    const [dones] = call('withProperty', folderId, 'banzhurenState', 'dones') as string[];
    call('setProperties', `证书/${dones}.docx`, undefined, { banzhurenState: 'done' });
    expect(call('withProperty', folderId, 'banzhurenState', 'dones')).toEqual([]);
    expect(call('withProperty', folderId, 'banzhurenState', 'done')).toEqual([dones]);
  } finally {
    runtime.close();
  }
});

test('appProperties: set by copy, merged by update (null removes a key) in the same call as a rename, kept through the trash and back, found by `appProperties has { key and value }`', async () => {
  const { runtime, templateId, folderId, call } = await setUp();
  try {
    const draft = call('marked', templateId, '~生成中~甲', folderId, { banzhuren: 'certificate', banzhurenState: 'draft' }) as { id: string };
    expect(draft).toEqual({ id: '证书/~生成中~甲.docx', appProperties: { banzhuren: 'certificate', banzhurenState: 'draft' } });
    call('copy', templateId, '乙', folderId, 'id');
    // A file without appProperties has no such field (v3 leaves out what has no value).
    expect(call('get', '证书/乙.docx', 'id,appProperties')).toEqual({ id: '证书/乙.docx' });
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toEqual(['~生成中~甲']);
    const done = call('setProperties', draft.id, '甲', { banzhurenState: 'done' }) as { id: string };
    expect(done).toEqual({ id: '证书/甲.docx', name: '甲', appProperties: { banzhuren: 'certificate', banzhurenState: 'done' } });
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toEqual([]);
    expect(call('withProperty', folderId, 'banzhurenState', 'done')).toEqual(['甲']);
    expect(call('withProperty', folderId, 'banzhuren', 'form')).toEqual([]);
    call('trash', done.id, true);
    expect(call('get', done.id, 'trashed,appProperties')).toEqual({ trashed: true, appProperties: { banzhuren: 'certificate', banzhurenState: 'done' } });
    call('trash', done.id, false);
    expect(call('setProperties', done.id, undefined, { banzhurenState: null })).toEqual({ id: '证书/甲.docx', name: '甲', appProperties: { banzhuren: 'certificate' } });
    expect(call('failingList', `'${folderId}' in parents and appProperties has { key='banzhuren' }`)).toMatchObject({ message: expect.stringContaining('not available in the local runtime') });
  } finally {
    runtime.close();
  }
});

test('names and appProperties another process changes on disk are seen at the next call, though this runtime read them before', async () => {
  const { root, runtime, templateId, folderId, call } = await setUp();
  // Another workbook in the same folder: its own lock, the same drive.
  const other = await openWith(await writeXlsx(join(root, '另一.xlsx'), (workbook) => workbook.addWorksheet('计数')), BUNDLE);
  try {
    const made = call('marked', templateId, '甲', folderId, { banzhuren: 'certificate', banzhurenState: 'draft' }) as { id: string };
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toEqual(['甲']);
    expect(call('named', folderId, '甲')).toEqual({ found: [`${made.id}|甲|${made.id}`], pages: 1 });
    // Another process (another runtime on the same folder) renames the file and changes its marker.
    other.bundle.call('setProperties', made.id, '乙', { banzhurenState: 'done' });
    expect(call('withProperty', folderId, 'banzhurenState', 'draft')).toEqual([]);
    expect(call('withProperty', folderId, 'banzhurenState', 'done')).toEqual(['乙']);
    expect(call('named', folderId, '甲')).toEqual({ found: [], pages: 1 });
    // Offline a file's id is its path, so the rename gave it a new one.
    expect(call('named', folderId, '乙')).toEqual({ found: ['证书/乙.docx|乙|证书/乙.docx'], pages: 1 });
  } finally {
    other.close();
    runtime.close();
  }
});
