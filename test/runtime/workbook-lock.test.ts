/**
 * One writer at a time across processes: two `banzhuren` processes on one workbook serialize on
 * its lock file (the second waits, then reads what the first saved); a lock left by a dead
 * process is taken over; a bad file is one Chinese error naming it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCREMENT, openWith, readXlsx, runChild, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);


test('two processes incrementing one cell serialize on the lock: the result is 2', async () => {
  const path = await writeXlsx(join(dir, 'counter.xlsx'), (workbook) => {
    workbook.addWorksheet('计数').getCell('A1').value = 0;
  });
  const job = { path, code: INCREMENT, call: 'increment', holdMs: 700 };
  const results = await Promise.all([runChild(dir, job), runChild(dir, job)]);
  expect([...(results as number[])].sort()).toEqual([1, 2]);
  expect((await readXlsx(path)).getWorksheet('计数')?.getCell('A1').value).toBe(2);
  expect(existsSync(`${path}.lock`)).toBe(false);
}, 30_000);

test('a lock whose process is gone is stale and taken over; a live one is waited for', async () => {
  const path = await writeXlsx(join(dir, 'stale.xlsx'), (workbook) => {
    workbook.addWorksheet('计数').getCell('A1').value = 5;
  });
  writeFileSync(`${path}.lock`, '999999999\n');
  const runtime = await openWith(path, INCREMENT);
  expect(runtime.bundle.call('increment')).toBe(6);
  await expect(openWith(path, INCREMENT, { lockWaitMs: 300 })).rejects.toThrow(`${path} 正被另一个 banzhuren 进程使用`);
  runtime.close();
  expect(existsSync(`${path}.lock`)).toBe(false);
});

test('a file that is not an .xlsx is one Chinese error naming it, and leaves no lock', async () => {
  const path = join(dir, 'broken.xlsx');
  writeFileSync(path, 'this is not a zip file');
  await expect(openWith(path, INCREMENT)).rejects.toThrow(`无法读取 ${path}：文件已损坏，或不是 Excel/WPS 保存的 .xlsx 文件`);
  expect(existsSync(`${path}.lock`)).toBe(false);
});
