/**
 * Calls dist/Code.js in a bare V8 context (no Apps Script service defined at all) inside a child
 * Node process whose TZ is set, because Jest's process.env is a copy: setting TZ inside a test
 * changes neither Date nor Intl there. In a bare context the runtime's zone stands for the
 * spreadsheet's, so a date cell is handed in as Sheets would: midnight of the day in that zone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** An argument: a value, a date cell `{ date: 'YYYY-MM-DD' }`, or rows of them. */
export type BareArgument = unknown;

/** One call: the global function's name and its arguments. */
export type BareCall = [name: string, ...args: BareArgument[]];

/** What a call gave: Dates as the 'YYYY-MM-DD' the spreadsheet shows, or `{ error }` when it threw. */
export type BareAnswer = unknown;

const CHILD = `
const vm = require('node:vm');
const { readFileSync } = require('node:fs');
const [codePath, callsJson] = process.argv.slice(1);
const context = vm.createContext({});
vm.runInContext(readFileSync(codePath, 'utf8'), context);
const RealmDate = vm.runInContext('Date', context);
const RealmArray = vm.runInContext('Array', context);
const pad = (n) => String(n).padStart(2, '0');
const toRealm = (value) => {
  if (Array.isArray(value)) return RealmArray.from(value, toRealm);
  if (value && typeof value === 'object' && typeof value.date === 'string') {
    const [y, m, d] = value.date.split('-').map(Number);
    return new RealmDate(y, m - 1, d);
  }
  return value;
};
const fromRealm = (value) => {
  if (Array.isArray(value)) return value.map(fromRealm);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return value.getFullYear() + '-' + pad(value.getMonth() + 1) + '-' + pad(value.getDate()) + (value.getHours() || value.getMinutes() ? ' ' + pad(value.getHours()) + ':' + pad(value.getMinutes()) : '');
  }
  return value;
};
const answers = JSON.parse(callsJson).map(([name, ...args]) => {
  try {
    return fromRealm(context[name](...args.map(toRealm)));
  } catch (error) {
    return { error: error.message };
  }
});
process.stdout.write(JSON.stringify({ zone: new Intl.DateTimeFormat().resolvedOptions().timeZone, answers }));
`;

/** Runs the calls in a bare context of dist/Code.js under TZ=`timeZone`; returns their answers in order. */
export function callBare(timeZone: string, calls: BareCall[]): BareAnswer[] {
  const codePath = join(__dirname, '..', '..', 'dist', 'Code.js');
  const result = spawnSync(process.execPath, ['-e', CHILD, codePath, JSON.stringify(calls)], { encoding: 'utf8', env: { ...process.env, TZ: timeZone } });
  if (result.status !== 0) throw new Error(`child exited ${result.status}: ${result.stderr}`);
  const { zone, answers } = JSON.parse(result.stdout) as { zone: string; answers: BareAnswer[] };
  if (zone !== timeZone) throw new Error(`the child ran in ${zone}, not ${timeZone}`);
  return answers;
}
