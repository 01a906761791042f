/**
 * `banzhuren advance` while another execution holds the document lock (simulated with
 * BANZHUREN_DOCUMENT_LOCK_BUSY=1): one Chinese line saying another teacher is at work, exit 1, and
 * the workbook exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

test('advance under a busy document lock changes nothing and says so in Chinese', async () => {
  const book = join(temporaryFolder(), 'busy.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' })], [['ht@yuxi.cn', '红塔区']]);
  const before = readFileSync(book);
  const result = runCli(['advance', book, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.cn', '--today', '2024-09-02'], { env: { BANZHUREN_DOCUMENT_LOCK_BUSY: '1' } });
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('banzhuren：另一位老师正在操作，请稍后重试（等了 30 秒仍未轮到，本次没有做任何修改）\n');
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(runCli(['advance', book, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.cn', '--today', '2024-09-02']).code).toBe(0);
});
