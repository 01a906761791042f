/**
 * prepareOutbox, which commands call before any execution: it creates the outbox folder with its
 * parents and proves it writable, leaving nothing behind; a folder that cannot be made or written
 * (a file in the way, a path under a file) is refused with a Chinese message naming the folder.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareOutbox } from '../../local/services/mail/outbox';
import { tempDir } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

test('prepareOutbox creates a missing folder with its parents and leaves it empty', () => {
  const folder = join(dir, '新建', '发件箱');
  prepareOutbox(folder);
  expect(existsSync(folder)).toBe(true);
  expect(readdirSync(folder)).toEqual([]);
});

test('prepareOutbox accepts an existing folder and leaves what it holds alone', () => {
  const folder = join(dir, '已有');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.eml'), 'x');
  prepareOutbox(folder);
  expect(readdirSync(folder)).toEqual(['a.eml']);
});

test.each([
  ['a file of that name', (file: string) => file, '同名的文件（不是文件夹）已存在'],
  ['a folder under a file', (file: string) => join(file, 'sub'), '同名的文件（不是文件夹）已存在'],
])('prepareOutbox refuses %s, naming the folder', (_what, folderOf, why) => {
  const file = join(dir, `afile-${Math.random().toString(16).slice(2)}`);
  writeFileSync(file, 'x');
  const folder = folderOf(file);
  expect(() => prepareOutbox(folder)).toThrow(resolve(folder));
  expect(() => prepareOutbox(folder)).toThrow(why);
  expect(() => prepareOutbox(folder)).toThrow(/^(无法创建发件箱文件夹|发件箱文件夹 .* 不可写入)/);
});
