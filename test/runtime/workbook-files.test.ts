/**
 * Workbook files as the operating system has them: a save writes through a symbolic link and the
 * lock follows the real file; a read-only workbook (or folder) is refused before anything is done
 * and stays as it was; a save stopped by SIGINT or SIGTERM leaves no temporary copy nor lock; a
 * copy left by a killed process is removed by the next run; a lock whose pid now belongs to
 * another process is recovered. Tests run as root, which the system lets write anything: the
 * read-only cases rest on the permission bits, which is what the runtime checks.
 */
import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processStartToken } from '../../local/runtime/file-lock';
import { INCREMENT, openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(() => {
  for (const entry of readdirSync(dir)) chmodSync(join(dir, entry), 0o755);
  cleanup();
});


let count = 0;
/** A new workbook whose 计数!A1 holds `value`, in its own folder. */
async function counterBook(value: number): Promise<{ folder: string; path: string }> {
  const folder = join(dir, `case-${(count += 1)}`);
  mkdirSync(folder);
  const path = await writeXlsx(join(folder, '计数.xlsx'), (workbook) => {
    workbook.addWorksheet('计数').getCell('A1').value = value;
  });
  return { folder, path };
}

async function counterOf(path: string): Promise<unknown> {
  return (await readXlsx(path)).getWorksheet('计数')?.getCell('A1').value;
}

test('a symlinked workbook is written through the link, which stays a link', async () => {
  const { folder, path } = await counterBook(1);
  const link = join(folder, '链接.xlsx');
  symlinkSync(path, link);
  const runtime = await openWith(link, INCREMENT);
  expect(runtime.bundle.call('increment')).toBe(2);
  await runtime.save();
  runtime.close();
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(await counterOf(path)).toBe(2);
});

test('the lock follows the real file: two paths to one workbook wait for each other', async () => {
  const { folder, path } = await counterBook(1);
  const link = join(folder, '另一个名字.xlsx');
  symlinkSync(path, link);
  const first = await openWith(link, INCREMENT);
  try {
    expect(existsSync(`${path}.lock`)).toBe(true);
    await expect(openWith(path, INCREMENT, { lockWaitMs: 300 })).rejects.toThrow(`${path} 正被另一个 banzhuren 进程使用`);
  } finally {
    first.close();
  }
  expect(existsSync(`${path}.lock`)).toBe(false);
});

test('a read-only workbook is refused at the start and stays read-only and unchanged', async () => {
  const { path } = await counterBook(7);
  chmodSync(path, 0o444);
  const before = readFileSync(path);
  await expect(openWith(path, INCREMENT)).rejects.toThrow(`${path} 是只读文件，banzhuren 不会修改它`);
  expect(statSync(path).mode & 0o777).toBe(0o444);
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(existsSync(`${path}.lock`)).toBe(false);
  // Reading it is fine.
  const reader = await openWith(path, INCREMENT, { readOnly: true });
  reader.close();
});

test('a workbook in a read-only folder is refused at the start', async () => {
  const { folder, path } = await counterBook(7);
  chmodSync(folder, 0o555);
  try {
    await expect(openWith(path, INCREMENT)).rejects.toThrow(`所在文件夹 ${folder} 是只读的`);
    expect(readdirSync(folder)).toEqual(['计数.xlsx']);
  } finally {
    chmodSync(folder, 0o755);
  }
});

test('a save keeps the permission bits (and, saved by root, the owner) of the file it replaces', async () => {
  const { path } = await counterBook(1);
  chmodSync(path, 0o600);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(path, 1234, 1234);
  const runtime = await openWith(path, INCREMENT);
  runtime.bundle.call('increment');
  await runtime.save();
  runtime.close();
  expect(statSync(path).mode & 0o777).toBe(0o600);
  if (asRoot) expect([statSync(path).uid, statSync(path).gid]).toEqual([1234, 1234]);
  expect(await counterOf(path)).toBe(2);
});

/** A Node script built from test/runtime/save-child.ts. */
function builtSaveChild(): string {
  const outfile = join(dir, 'save-child.js');
  if (!existsSync(outfile)) {
    buildSync({ entryPoints: [join(__dirname, 'save-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile });
  }
  return outfile;
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Starts the save child on `path` (argv `mode`, if any) and resolves once its save waits with the temporary copy written. */
async function saveChildAtItsSave(path: string, mode?: 'graceful'): Promise<{ child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const args = mode ? [builtSaveChild(), path, mode] : [builtSaveChild(), path];
  const child = spawn(process.execPath, args, { cwd: join(__dirname, '..', '..'), env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') } });
  const done = exited(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`child ended before its save: ${output}`)));
  });
  return { child, done };
}

test.each(['SIGINT', 'SIGTERM'] as const)('a save stopped by %s leaves neither a temporary copy nor a lock', async (signal) => {
  const { folder, path } = await counterBook(1);
  const before = readFileSync(path);
  const { child, done } = await saveChildAtItsSave(path);
  expect(readdirSync(folder).sort()).toEqual(['计数.xlsx', `计数.xlsx.${child.pid}.banzhuren.tmp`, '计数.xlsx.lock']);
  child.kill(signal);
  expect((await done).signal).toBe(signal);
  expect(readdirSync(folder)).toEqual(['计数.xlsx']);
  expect(readFileSync(path).equals(before)).toBe(true);
}, 30_000);

test('a command that handles Ctrl-C itself (banzhuren sidebar) lets the save in flight finish: the new file, no copy, no lock', async () => {
  const { folder, path } = await counterBook(1);
  const { child, done } = await saveChildAtItsSave(path, 'graceful');
  child.kill('SIGINT');
  expect(await done).toEqual({ code: 0, signal: null });
  expect(readdirSync(folder)).toEqual(['计数.xlsx']);
  expect(await counterOf(path)).toBe(42);
}, 30_000);

test('a temporary copy left by a process that is gone is removed by the next run; a running one is not', async () => {
  const { folder, path } = await counterBook(1);
  const sleeper = spawn('sleep', ['30']);
  try {
    writeFileSync(`${path}.999999999.banzhuren.tmp`, 'half a workbook');
    writeFileSync(`${path}.20240927.tmp`, 'a backup a person made');
    writeFileSync(`${path}.${sleeper.pid}.banzhuren.tmp`, 'being written');
    const runtime = await openWith(path, INCREMENT);
    runtime.close();
    expect(readdirSync(folder).sort()).toEqual(['计数.xlsx', `计数.xlsx.${sleeper.pid}.banzhuren.tmp`, '计数.xlsx.20240927.tmp'].sort());
  } finally {
    sleeper.kill();
  }
});

test('a lock whose pid now belongs to another process is stale; the live owner of a lock is waited for', async () => {
  const { path } = await counterBook(5);
  const other = spawn('sleep', ['30']);
  try {
    const token = processStartToken(other.pid!);
    expect(token).toBeDefined();
    // The owner of this lock started at another time: its pid was reused by `sleep`.
    writeFileSync(`${path}.lock`, `${other.pid}\n${token}0\n`);
    const runtime = await openWith(path, INCREMENT);
    expect(runtime.bundle.call('increment')).toBe(6);
    runtime.close();
    // `sleep` itself holding the lock (same pid and start): a live owner.
    writeFileSync(`${path}.lock`, `${other.pid}\n${token}\n`);
    await expect(openWith(path, INCREMENT, { lockWaitMs: 300 })).rejects.toThrow('正被另一个 banzhuren 进程使用');
  } finally {
    other.kill();
  }
});

test('a save happens only when a call changed the workbook (a cell, a sheet, a document property)', async () => {
  const CALLS = `
function readOnly() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.getSheetByName('计数').getDataRange().getValues();
  PropertiesService.getDocumentProperties().getProperty('x');
  SpreadsheetApp.flush();
}
function renameSheet() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('计数').setName('次数'); }
function setProperty() { PropertiesService.getDocumentProperties().setProperty('x', '1'); }`;
  const { path } = await counterBook(3);
  const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
  const reader = await openWith(path, CALLS);
  reader.bundle.call('readOnly');
  expect(reader.changed).toBe(false);
  expect(await reader.save()).toBe(false);
  reader.close();
  expect(statSync(path).mtimeMs).toBe(before.mtime);
  expect(readFileSync(path).equals(before.bytes)).toBe(true);
  for (const call of ['renameSheet', 'setProperty']) {
    const runtime = await openWith(path, CALLS);
    runtime.bundle.call(call);
    expect(runtime.changed).toBe(true);
    expect(await runtime.save()).toBe(true);
    runtime.close();
  }
  expect((await readXlsx(path)).getWorksheet('次数')?.getCell('A1').value).toBe(3);
});

test('with --out the file written is locked too', async () => {
  const { folder, path } = await counterBook(1);
  const out = join(folder, '另存.xlsx');
  const writer = await openWith(out, INCREMENT, { create: true });
  try {
    await expect(openWith(path, INCREMENT, { out, lockWaitMs: 300 })).rejects.toThrow(`${out} 正被另一个 banzhuren 进程使用`);
  } finally {
    writer.close();
  }
  const runtime = await openWith(path, INCREMENT, { out });
  runtime.bundle.call('increment');
  await runtime.save();
  runtime.close();
  expect(await counterOf(out)).toBe(2);
  expect(await counterOf(path)).toBe(1);
  expect(readdirSync(folder).sort()).toEqual(['另存.xlsx', '计数.xlsx']);
});
