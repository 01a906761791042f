/**
 * What `banzhuren` loads when it starts. The workbook runtime (exceljs, jszip, nodemailer and the
 * runtime built around them) is loaded only by commands that open a workbook: the calendar
 * commands without --book and every help are answered without it, which is what makes them start
 * quickly (the time itself is measured by npm run bench, not here). A preload hook records every
 * module the child process requires; the calendar commands' own small context (calendar-bundle.ts)
 * is held to give the same answers, errors and service calls as the full runtime.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../../local/runtime/bundle';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { loadCalendarBundle } from '../../local/commands/calendar-bundle';

const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');
const folder = mkdtempSync(join(tmpdir(), 'banzhuren-start-'));
const hook = join(folder, 'record-requires.js');
writeFileSync(
  hook,
  `const fs = require('fs');
const Module = require('module');
const load = Module._load;
const seen = new Set();
Module._load = function (request) { seen.add(request); return load.apply(this, arguments); };
process.on('exit', () => fs.writeFileSync(process.env.RECORD_REQUIRES, JSON.stringify([...seen])));
`,
);

/** The packages only the workbook runtime uses. */
const RUNTIME_PACKAGES = ['exceljs', 'jszip', 'nodemailer'];

/** Runs `banzhuren ...args` under the hook; its exit code and the modules it required (node: built-ins left out). */
function requiresOf(args: string[], name: string): { code: number | null; stdout: string; required: string[] } {
  const record = join(folder, `${name}.json`);
  const result = spawnSync(process.execPath, ['-r', hook, bin, ...args], { encoding: 'utf8', cwd: folder, env: { ...process.env, RECORD_REQUIRES: record, BANZHUREN_SIMULATED_DATES: '1' } });
  const required = (JSON.parse(readFileSync(record, 'utf8')) as string[]).filter((request) => !request.startsWith('node:'));
  return { code: result.status, stdout: result.stdout, required };
}

/** Whether a required module is one of the runtime's packages (or a file inside one). */
const isRuntimePackage = (request: string) => RUNTIME_PACKAGES.some((name) => request === name || request.startsWith(`${name}/`));

describe('commands that open no workbook load no workbook runtime', () => {
  test.each([
    ['publicity-end', ['publicity-end', '2024-09-27']],
    ['workday', ['workday', '2024-09-30', '1']],
    ['networkdays', ['networkdays', '2024-10-01', '2024-10-31']],
    ['is-workday', ['is-workday', '2024-09-29', '--stats']],
    ['term-end', ['term-end', '2024-02-29']],
    ['help', ['--help']],
    ['help-advance', ['advance', '--help']],
    ['help-certificates', ['help', 'certificates']],
    ['version', ['--version']],
  ])('%s requires only bin/banzhuren.js and build/local/cli.js', (name, args) => {
    const { code, required } = requiresOf(args, name);
    expect(code).toBe(0);
    expect(required.filter(isRuntimePackage)).toEqual([]);
    // Nothing but the CLI itself: the calendar context and the help tables are inside cli.js.
    expect(required.map((request) => request.replace(/^.*[\\/]/, ''))).toEqual(['banzhuren.js', 'cli.js']);
  });
});

describe('commands that open a workbook load the runtime', () => {
  test('init and check load exceljs, jszip and nodemailer', () => {
    const book = join(folder, '名单.xlsx');
    expect(requiresOf(['init', book], 'init').required.filter(isRuntimePackage)).toEqual(expect.arrayContaining(RUNTIME_PACKAGES));
    const check = requiresOf(['check', book, '--today', '2025-09-01'], 'check');
    expect(check.code).toBe(0);
    expect(check.required.filter(isRuntimePackage)).toEqual(expect.arrayContaining(RUNTIME_PACKAGES));
  });

  test('publicity-end --book reads the workbook through the runtime', () => {
    const book = join(folder, '节假日.xlsx');
    expect(requiresOf(['init', book], 'init-book').code).toBe(0);
    const run = requiresOf(['publicity-end', '2024-09-27', '--book', book], 'book');
    expect(run.stdout).toBe('2024-10-09\n');
    expect(run.required.filter(isRuntimePackage)).toEqual(expect.arrayContaining(['exceljs']));
  });
});

describe('the calendar context answers as the full runtime does', () => {
  const cases: [string, unknown[]][] = [
    ['PUBLICITY_END', ['2024-09-27', '']],
    ['PUBLICITY_END', ['2024/10/1', 3]],
    ['CN_WORKDAY', ['2024-09-30', 1]],
    ['CN_WORKDAY', ['2024-10-08', -1]],
    ['CN_NETWORKDAYS', ['2024-10-01', '2024-10-31']],
    ['IS_WORKDAY', ['2024-09-29']],
    ['IS_WORKDAY', ['2024年10月3日']],
    ['TERM_END', ['2024-02-29']],
    ['PUBLICITY_END', ['2024-13-01', '']],
    ['PUBLICITY_END', ['2099-03-01', '']],
  ];

  /** A value or error as compared: dates by instant, errors by message. */
  function outcome(call: () => unknown): unknown {
    try {
      const value = call();
      return Object.prototype.toString.call(value) === '[object Date]' ? { date: (value as Date).getTime() } : { value };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }

  test.each(cases)('%s(%j): same answer and service calls', async (name, args) => {
    const lightCounter = new CallCounter();
    const light = loadCalendarBundle({ today: '2024-09-27', counter: lightCounter, timeZone: 'Asia/Shanghai' });
    const fullCounter = new CallCounter();
    const full = await openWorkbookRuntime({ today: '2024-09-27', counter: fullCounter, timeZone: 'Asia/Shanghai' });
    try {
      expect(outcome(() => light.bundle.call(name, ...args))).toEqual(outcome(() => full.bundle.call(name, ...args)));
      expect(lightCounter.snapshot()).toEqual(fullCounter.snapshot());
      expect(light.timeZone).toBe(full.timeZone);
    } finally {
      full.close();
    }
  });
});
