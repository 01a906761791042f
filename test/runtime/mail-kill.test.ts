/**
 * At most once across a crash: a `tick` process killed (SIGKILL) just before its save replaces the
 * workbook has sent nothing — no .eml in the outbox, nothing at the SMTP server — and the workbook
 * is as before; the next run does the day's job again and sends its mail once, and a run after
 * that sends nothing more.
 */
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTP_VARIABLE } from '../../local/services/mail/smtp-settings';
import { startSmtpServer } from '../support/smtp-server';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';
import { DAILY } from './ticks-daily-bundle';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** test/runtime/mail-kill-child.ts built to plain JavaScript in `dir`. */
function builtChild(): string {
  const outfile = join(dir, 'mail-kill-child.js');
  buildSync({ entryPoints: [join(__dirname, 'mail-kill-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile });
  return outfile;
}

/** Runs one day of ticks in a child process; resolves to how it ended and what it printed. */
function runChild(child: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const process_ = spawn(process.execPath, [child, ...args], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules'), ...env },
      cwd: join(__dirname, '..', '..'),
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => (stdout += chunk));
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    process_.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

test('killed before the save: nothing sent, nothing saved; the rerun sends the day’s mail once', async () => {
  const folder = join(dir, 'book');
  mkdirSync(folder);
  const path = await writeXlsx(join(folder, '推荐.xlsx'), (workbook) => workbook.addWorksheet('记录'));
  const installer = await openWith(path, DAILY, { as: 'city@yx.cn', today: '2024-10-08' });
  try {
    installer.bundle.call('install');
    await installer.save();
  } finally {
    installer.close();
  }
  const codeFile = join(dir, 'daily.js');
  writeFileSync(codeFile, DAILY);
  const child = builtChild();
  const server = await startSmtpServer();
  const outbox = join(folder, '发件箱');
  try {
    const env = { [SMTP_VARIABLE]: server.url() };
    const killed = await runChild(child, [path, codeFile, '2024-10-09', 'kill'], env);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
    expect(server.received).toEqual([]);
    expect((await readXlsx(path)).getWorksheet('记录')?.rowCount).toBe(0);

    const rerun = await runChild(child, [path, codeFile, '2024-10-09'], env);
    expect(rerun.stderr).toBe('');
    expect(JSON.parse(rerun.stdout)).toEqual({ executions: 24, written: 1 });
    expect(readdirSync(outbox)).toHaveLength(1);
    expect(server.received).toHaveLength(1);

    const again = await runChild(child, [path, codeFile, '2024-10-09'], env);
    // The workbook saved after the 08:00 run keeps the trigger's next firing: 09:00 to 23:00 are left.
    expect(JSON.parse(again.stdout)).toEqual({ executions: 15, written: 0 });
    expect(readdirSync(outbox)).toHaveLength(1);
    expect(server.received).toHaveLength(1);
  } finally {
    await server.stop();
  }
});
