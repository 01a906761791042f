/**
 * Helpers of the runtime tests: temporary .xlsx files built with exceljs, a runtime over one with a
 * small bundle written in the test, and a Node child process running test/runtime/child.ts (built
 * with esbuild) for what needs another process: other time zones, two processes on one workbook.
 */
import ExcelJS from 'exceljs';
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime, type WorkbookRuntimeOptions } from '../../local/workbook-runtime';

/** A tiny bundle with one global, increment(), adding 1 to 计数!A1: a write to save and to race on. */
export const INCREMENT = `
function increment() {
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('计数').getRange('A1');
  var next = Number(cell.getValue() || 0) + 1;
  cell.setValue(next);
  return next;
}`;

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'banzhuren-runtime-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes an .xlsx built by `build` and returns its path. */
export async function writeXlsx(path: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Reads an .xlsx back with exceljs, to check what the runtime saved. */
export async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Opens a runtime over `path` running `code` as the bundle; prints go to `printed`. */
export async function openWith(
  path: string | undefined,
  code: string,
  options: Partial<WorkbookRuntimeOptions> = {},
): Promise<WorkbookRuntime & { printed: string[] }> {
  const printed: string[] = [];
  const runtime = await openWorkbookRuntime({
    path,
    code,
    counter: new CallCounter(),
    today: '2024-09-27',
    print: (line) => printed.push(line),
    ...options,
  });
  return Object.assign(runtime, { printed });
}

/** test/runtime/child.ts built to plain JavaScript in `dir` (once per directory). */
function builtChild(dir: string): string {
  const outfile = join(dir, 'child.js');
  if (existsSync(outfile)) return outfile;
  buildSync({
    entryPoints: [join(__dirname, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
  });
  return outfile;
}

/** What test/runtime/child.ts is asked to do. */
export interface ChildJob {
  path: string;
  code: string;
  call: string;
  args?: unknown[];
  today?: string;
  /** Milliseconds to wait between the call and the save, holding the workbook. */
  holdMs?: number;
}

let jobCount = 0;

/** Runs a job in a child Node process (built into `dir`) with extra env; resolves to what the call returned. */
export function runChild(dir: string, job: ChildJob, env: Record<string, string> = {}): Promise<unknown> {
  const script = builtChild(dir);
  // The job goes in a file: one command-line argument holds at most 128 KiB, less than a bundle.
  const jobFile = join(dir, `job-${process.pid}-${(jobCount += 1)}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, jobFile], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules'), ...env },
      cwd: join(__dirname, '..', '..'),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}
