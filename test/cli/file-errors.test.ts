/**
 * When the operating system refuses a read or a write, the user gets one Chinese line that says
 * why — a folder given as the workbook, a missing folder, no permission, a full disk, a file too
 * large — with exit code 2 for a wrong path and 1 otherwise. Only a busy file (another program
 * holds it) asks whether Excel/WPS has it open. The workbook is never left half-written.
 */
import ExcelJS from 'exceljs';
import fs, { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileAccessError } from '../../local/runtime/file-errors';
import { writeWorkbook } from '../../local/runtime/xlsx-file';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();
const FIXTURE = join(__dirname, '..', 'fixtures', 'preservation', 'openpyxl.xlsx');
const EXCEL_HINT = 'Excel/WPS';

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: system error`), { code });
}

/** A line as the CLI prints it: one line, in Chinese, starting with banzhuren：. */
function expectOneChineseLine(stderr: string, text: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^banzhuren：/);
  expect(lines[0]).toContain(text);
}

test('each system error has its own message; only a busy file mentions Excel/WPS', () => {
  const expected: [string, string][] = [
    ['ENOSPC', '磁盘空间已满'],
    ['EDQUOT', '磁盘配额'],
    ['EFBIG', '文件太大'],
    ['EACCES', '没有权限'],
    ['EPERM', '没有权限'],
    ['EROFS', '磁盘是只读的'],
    ['EISDIR', '是一个文件夹'],
    ['ENOENT', '所在的文件夹不存在'],
    ['EBUSY', EXCEL_HINT],
    ['ETXTBSY', EXCEL_HINT],
  ];
  for (const [code, text] of expected) {
    const error = fileAccessError(systemError(code), '名单.xlsx', 'write', 'linux');
    expect(error?.message).toContain(text);
    expect(error?.message).toContain('名单.xlsx');
    expect(error?.message.includes(EXCEL_HINT)).toBe(code === 'EBUSY' || code === 'ETXTBSY');
  }
  // Windows reports a file another program holds open as EPERM.
  expect(fileAccessError(systemError('EPERM'), '名单.xlsx', 'write', 'win32')?.message).toContain(EXCEL_HINT);
  expect(fileAccessError(systemError('ENOENT'), '名单.xlsx', 'read', 'linux')?.message).toContain('找不到文件');
  expect(fileAccessError(new Error('not a system error'), '名单.xlsx', 'write', 'linux')).toBeUndefined();
});

test('a folder given as the workbook is a wrong path (exit 2), not a damaged file', () => {
  const directory = join(folder, '名单.xlsx');
  mkdirSync(directory);
  for (const args of [['check', directory], ['log', directory], ['advance', directory, '--rows', '2', '--to', '初审通过', '--as', 'a@b.cn']]) {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expectOneChineseLine(result.stderr, `${directory} 是一个文件夹，不是 .xlsx 文件`);
    expect(result.stderr).not.toContain('已损坏');
  }
});

test('a workbook in a folder that does not exist is a wrong path (exit 2)', () => {
  const path = join(folder, '没有这个文件夹', '名单.xlsx');
  const result = runCli(['init', path]);
  expect(result.code).toBe(2);
  expectOneChineseLine(result.stderr, `无法写入 ${path}：所在的文件夹不存在`);
  expect(result.stderr).not.toContain(EXCEL_HINT);
});

test('a read-only workbook is refused before anything is done (exit 1), and stays read-only', () => {
  const path = join(folder, '只读.xlsx');
  copyFileSync(FIXTURE, path);
  chmodSync(path, 0o444);
  const before = readFileSync(path);
  const result = runCli(['advance', path, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.edu.cn', '--today', '2024-09-02']);
  expect(result.code).toBe(1);
  expectOneChineseLine(result.stderr, `${path} 是只读文件，banzhuren 不会修改它`);
  expect(result.stdout).toBe('');
  expect(statSync(path).mode & 0o777).toBe(0o444);
  expect(readFileSync(path).equals(before)).toBe(true);
  // Only reading it is fine.
  expect(runCli(['log', path]).code).toBe(0);
});

test('a file too large for the system (EFBIG) says so, and the workbook is unchanged', () => {
  const path = join(folder, '太大.xlsx');
  copyFileSync(FIXTURE, path);
  const before = readFileSync(path);
  const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');
  // A file size limit of 8 KB; SIGXFSZ ignored, so the write fails with EFBIG as on a full quota.
  const result = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 8; exec "${process.execPath}" "${bin}" init "${path}"`], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expectOneChineseLine(result.stderr, `无法写入 ${path}：文件太大`);
  expect(result.stderr).not.toContain(EXCEL_HINT);
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(readdirSync(folder).filter((name) => name.startsWith('太大'))).toEqual(['太大.xlsx']);
});

test('a full disk (ENOSPC) says so, leaves the workbook as it was and no temporary copy', async () => {
  const path = join(folder, '满.xlsx');
  copyFileSync(FIXTURE, path);
  const before = readFileSync(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const spy = jest.spyOn(fs, 'writeSync').mockImplementation(() => {
    throw systemError('ENOSPC');
  });
  try {
    const failure = writeWorkbook(workbook, path);
    await expect(failure).rejects.toThrow(`无法写入 ${path}：磁盘空间已满`);
    await expect(failure).rejects.not.toThrow(EXCEL_HINT);
  } finally {
    spy.mockRestore();
  }
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(readdirSync(folder).filter((name) => name.startsWith('满'))).toEqual(['满.xlsx']);
});
