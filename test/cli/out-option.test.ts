/**
 * `--out FILE` always writes FILE, also when the command changed nothing (a second `duties` run
 * over an unchanged ledger, a `daily` with no term to end): the user asked for that file, and a
 * missing one would look like a failure. The original file is never touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();

test.each([
  ['duties', ['--today', '2025-03-01']],
  ['daily', ['--today', '2025-03-01']],
  ['stats', ['--today', '2025-03-01']],
])('%s --out writes the file on a run that changes nothing', async (command, extra) => {
  const book = join(folder, `${command}.xlsx`);
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' })], []);
  const first = runCli([command, book, ...extra]);
  expect(first.stderr).not.toContain('banzhuren：');
  const before = readFileSync(book);
  const out = join(folder, `${command}-copy.xlsx`);
  const again = runCli([command, book, ...extra, '--out', out]);
  expect(again.stderr).not.toContain('banzhuren：');
  expect(again.code).toBe(0);
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(book).equals(before)).toBe(true);
});
