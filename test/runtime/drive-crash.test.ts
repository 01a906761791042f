/**
 * The offline Drive killed (SIGKILL) after each one of its changes on disk, deterministically (the
 * BANZHUREN_DRIVE_KILL_AFTER hook), during a scenario that makes a copy, saves a document, renames,
 * creates a file, trashes and restores, each with a name collision so the name index is written
 * too. After every kill, the next run sees the Drive exactly as it was before the operation in
 * flight or exactly as after it (names, contents, trash), never anything else, no error, no
 * temporary file left on disk and no index entry for a file that is not there.
 */
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KILL_AFTER_VARIABLE } from '../../local/services/drive/local-drive';
import { blankDocx } from '../../local/services/document/docx-package';
import { openWith, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The operations, in order; `scenario(n)` runs the first n and says `done k` after each. */
const SCENARIO = `
function scenario(operations) {
  var folder = DriveApp.getFolderById('证书'), copy = null;
  var steps = [
    function () { copy = DriveApp.getFileById('模板.docx').makeCopy('甲', folder); },
    function () { var document = DocumentApp.openById(copy.getId()); document.getBody().appendParagraph('填好'); document.saveAndClose(); },
    function () { copy.setName('乙'); },
    function () { folder.createFile(Utilities.newBlob('新报告', 'application/pdf', '报告.pdf')); },
    function () { DriveApp.getFileById('证书/甲.docx').setTrashed(true); },
    function () { copy.setTrashed(true); },
    function () { DriveApp.getFileById('证书/甲.docx').setTrashed(false); },
  ];
  for (var i = 0; i < operations && i < steps.length; i++) {
    steps[i]();
    console.info('done ' + (i + 1));
  }
}
function describe(id) {
  try {
    var file = DriveApp.getFileById(id);
    return file.getName() + (file.isTrashed() ? ' (trashed)' : '');
  } catch (e) {
    return 'missing';
  }
}
function snapshot() {
  var files = DriveApp.getFolderById('证书').getFiles(), found = [];
  while (files.hasNext()) {
    var file = files.next(), content;
    if (file.getMimeType() === 'application/vnd.google-apps.document') content = DocumentApp.openById(file.getId()).getBody().getText();
    else content = file.getBlob().getDataAsString();
    found.push(file.getName() + ' = ' + JSON.stringify(content));
  }
  found.sort();
  return { files: found, ids: ['证书/甲.docx', '证书/甲 (1).docx', '证书/乙 (1).docx', '证书/报告 (1).pdf'].map(describe) };
}
`;
const OPERATIONS = ['makeCopy', 'saveAndClose', 'setName', 'createFile', 'setTrashed(true)', 'setTrashed(true) of a renamed copy', 'setTrashed(false)'];

let count = 0;

/** A fresh folder: a template, and in 证书/ the files the scenario's names collide with. */
async function setUp(): Promise<{ root: string; book: string }> {
  count += 1;
  const root = join(dir, `crash-${count}`);
  mkdirSync(join(root, '证书'), { recursive: true });
  writeFileSync(join(root, '模板.docx'), blankDocx());
  writeFileSync(join(root, '证书', '甲.docx'), blankDocx());
  writeFileSync(join(root, '证书', '乙.docx'), blankDocx());
  writeFileSync(join(root, '证书', '报告.pdf'), '旧报告');
  const book = await writeXlsx(join(root, '推荐.xlsx'), (workbook) => workbook.addWorksheet('计数'));
  return { root, book };
}

/** What a new run sees of the Drive of `book` (a fresh runtime each time: it cleans as a rerun would). */
async function snapshotOf(book: string): Promise<unknown> {
  const runtime = await openWith(book, SCENARIO, { readOnly: true });
  try {
    return JSON.parse(JSON.stringify(runtime.bundle.call('snapshot'))) as unknown;
  } finally {
    runtime.close();
  }
}

/** test/runtime/drive-crash-child.ts built to plain JavaScript in `dir`. */
function builtChild(): string {
  const outfile = join(dir, 'drive-crash-child.js');
  buildSync({ entryPoints: [join(__dirname, 'drive-crash-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', outfile });
  return outfile;
}

/** Runs the scenario in a child process killed after its drive's `killAfter`-th change on disk. */
function runChild(child: string, book: string, codeFile: string, killAfter: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const process_ = spawn(process.execPath, [child, book, codeFile, String(OPERATIONS.length)], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules'), [KILL_AFTER_VARIABLE]: String(killAfter) },
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    process_.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Every file under `root` (hidden ones and .trash/ included), relative, '/'-separated. */
function allFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(root, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

test('killed after each change on disk of makeCopy, saveAndClose, setName, createFile, setTrashed and the name index: a rerun sees the state before or after that operation, no temporary left', async () => {
  // The state after each number of operations, from runs nobody killed.
  const expected: unknown[] = [];
  for (let operations = 0; operations <= OPERATIONS.length; operations += 1) {
    const { root, book } = await setUp();
    const codeFile = join(root, 'scenario.js');
    writeFileSync(codeFile, SCENARIO);
    const runtime = await openWith(book, SCENARIO, { readOnly: true });
    try {
      runtime.bundle.call('scenario', operations);
    } finally {
      runtime.close();
    }
    expected.push(await snapshotOf(book));
  }
  // Every operation changes what a run sees, so "before" and "after" are told apart.
  for (let index = 1; index < expected.length; index += 1) expect(expected[index]).not.toEqual(expected[index - 1]);

  const child = builtChild();
  const inFlight = new Set<string>();
  const steps: string[] = [];
  let finished = false;
  // Four children at a time, kill points 1, 2, 3 … until one runs past the scenario's last change.
  for (let first = 1; first <= 200 && !finished; first += 4) {
    const batch = await Promise.all(
      [0, 1, 2, 3].map(async (offset) => {
        const { root, book } = await setUp();
        const codeFile = join(root, 'scenario.js');
        writeFileSync(codeFile, SCENARIO);
        return { killAfter: first + offset, root, book, run: await runChild(child, book, codeFile, first + offset) };
      }),
    );
    for (const { killAfter, root, book, run } of batch) {
      if (run.signal !== 'SIGKILL') {
        // Past the last change on disk: the scenario ran to its end.
        expect(run.stderr).not.toMatch(/Error/u);
        expect(run.code).toBe(0);
        expect(await snapshotOf(book)).toEqual(expected[OPERATIONS.length]);
        finished = true;
        continue;
      }
      const step = /drive step (\d+): (.*)/u.exec(run.stderr);
      expect(step?.[1]).toBe(String(killAfter));
      steps.push(step?.[2] ?? '');
      const done = (run.stderr.match(/^done \d+$/gmu) ?? []).length;
      inFlight.add(OPERATIONS[done] ?? 'none');
      const seen = await snapshotOf(book);
      // Exactly as before the operation in flight, or exactly as after it.
      expect([expected[done], expected[done + 1]]).toContainEqual(seen);
      // The run that looked cleaned up: no temporary file, no index entry of a file not there.
      const files = allFiles(root);
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      for (const index of files.filter((file) => /\.banzhuren-(drive|trashed)\.json$/u.test(file))) {
        const folder = join(root, index, '..');
        for (const entry of Object.keys(JSON.parse(readFileSync(join(root, index), 'utf8')) as object)) {
          expect(existsSync(join(folder, entry))).toBe(true);
        }
      }
    }
  }
  expect(finished).toBe(true);
  // Kills fell inside every operation, and on the name index's own writes and temporary files.
  expect([...inFlight].sort()).toEqual([...OPERATIONS].sort());
  expect(steps.some((step) => step.startsWith('rename .banzhuren-drive.json.') || step.includes('→ .banzhuren-drive.json'))).toBe(true);
  expect(steps.some((step) => step.startsWith('write .') && step.endsWith('.tmp'))).toBe(true);
  expect(steps.length).toBeGreaterThan(OPERATIONS.length);
}, 300_000);
