/**
 * A finished command ends even when something it started is still open: an SMTP server that
 * trickles one byte every few seconds keeps nodemailer's socket alive past the delivery's
 * deadline, and `banzhuren tick` from cron must not stay behind (the attacker's trial of issue 10
 * found it alive 200 s after its summary). A preloaded module holds a listening server open, the
 * way such a socket would; the command must still exit with its own code.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolder } from '../support/workbooks';

test('a command whose process still holds an open handle exits shortly after finishing, with its own exit code', () => {
  const folder = temporaryFolder();
  const preload = join(folder, 'hold-open.js');
  writeFileSync(preload, "require('node:net').createServer().listen(0, '127.0.0.1');\n");
  const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');
  const ok = spawnSync(process.execPath, ['--require', preload, bin, 'publicity-end', '2024-09-27'], { encoding: 'utf8', timeout: 30_000 });
  expect(ok.signal).toBeNull();
  expect(ok.status).toBe(0);
  expect(ok.stdout.trim()).toBe('2024-10-09');
  const bad = spawnSync(process.execPath, ['--require', preload, bin, 'publicity-end', 'not-a-date'], { encoding: 'utf8', timeout: 30_000 });
  expect(bad.signal).toBeNull();
  expect(bad.status).toBe(2);
});
