/**
 * What people type into the workbook during the demo season, entered through the runtime's
 * SpreadsheetApp as a user's edits would be: the awarded teachers' 履职记录 of their first
 * semester (most complete, some missing an item, a few nothing yet) and the city studios of the
 * 工作室 sheet (a host who is an awarded 名班主任, 10 members, 3 trainees each; one studio a member
 * short, so the check has something to say). Seeded, like the sample nominations.
 */
import type { WorkbookRuntime } from '../workbook-runtime';
import { makeNamer } from './sample-data';
import { SeededRandom } from './random';
import type { NominationRow } from './season-facts';
import { instantOfDateAndTime } from '../runtime/time-zones';

/** The few SpreadsheetApp methods typing needs. */
interface TypedSheet {
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  insertRowsAfter(after: number, rows: number): unknown;
  getRange(row: number, column: number, rows: number, columns: number): { getValues(): unknown[][]; setValues(values: unknown[][]): unknown };
}

/** The sheet `name` of the runtime's workbook, through the bundle's SpreadsheetApp. */
function sheetOf(runtime: WorkbookRuntime, name: string): TypedSheet {
  const app = runtime.bundle.context.SpreadsheetApp as { getActiveSpreadsheet(): { getSheetByName(name: string): TypedSheet | null } };
  const sheet = app.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表“${name}”：初始化表格应已建立它`);
  return sheet;
}

/** Appends `records` (header → value) under the sheet's header row (row 1); returns how many. */
function append(runtime: WorkbookRuntime, name: string, records: Record<string, unknown>[]): number {
  if (records.length === 0) return 0;
  const sheet = sheetOf(runtime, name);
  const width = sheet.getLastColumn();
  const headers = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((value) => String(value).trim());
  const realm = runtime.bundle.realm;
  const values = records.map((record) => realm.Array.from(headers.map((header) => record[header] ?? '')));
  const first = sheet.getLastRow() + 1;
  // A long ledger needs more rows than the sheet has, as in Google Sheets (where a paste adds them).
  const missing = first + values.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(first, 1, values.length, width).setValues(realm.Array.from(values));
  return values.length;
}

/** A date cell's value for a calendar day (noon in the spreadsheet's zone, a Date of the bundle's realm). */
function dateValue(runtime: WorkbookRuntime, day: string): Date {
  return new runtime.bundle.realm.Date(instantOfDateAndTime(day, 12, 0, runtime.timeZone));
}

/**
 * Types 评审基准日 into 设置 (the row the initialisation made), as the city official does before the
 * check: the workbook then keeps the season's verdicts when someone checks it again later.
 */
export function typeReviewDate(runtime: WorkbookRuntime, day: string): void {
  const sheet = sheetOf(runtime, '设置');
  const keys = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((row) => String(row[0] ?? '').trim());
  const at = keys.indexOf('评审基准日');
  if (at < 0) throw new Error('设置表中找不到“评审基准日”一行：初始化表格应已写入它');
  sheet.getRange(at + 1, 2, 1, 1).setValues(runtime.bundle.realm.Array.from([runtime.bundle.realm.Array.from([dateValue(runtime, day)])]));
}

const BOOKS = ['《给教师的建议》读书笔记', '《班主任工作漫谈》读书笔记', '《正面管教》读书分享'];
const LECTURES = ['班级常规管理专题讲座', '家校沟通的方法专题讲座', '青春期心理健康教育讲座'];
const CLASSES = ['“我的班级我的家”主题班会公开课', '生命教育主题班会示范课', '劳动教育主题班会公开课'];

/** Types the first semester's 履职记录 of the awarded teachers; returns how many rows, and who is behind (an item or all missing). */
export function typeDutyLedger(runtime: WorkbookRuntime, awarded: readonly NominationRow[]): { rows: number; behind: string[] } {
  const behind: string[] = [];
  const random = new SeededRandom(2024_12_20);
  const namer = makeNamer(random, new Set(awarded.map((row) => row.name)));
  const records: Record<string, unknown>[] = [];
  const day = (month: number) => `2024-${String(month).padStart(2, '0')}-${String(random.int(8, 28)).padStart(2, '0')}`;
  for (const teacher of awarded) {
    const roll = random.next();
    if (roll < 0.25) behind.push(teacher.name);
    if (roll < 0.1) continue; // nothing typed yet: the reminders will ask
    const who = random.chance(0.6) ? { 姓名: teacher.name, 证书编号: teacher.certificate } : { 姓名: teacher.name };
    const entry = (type: string, content: string, month: number, extra: Record<string, unknown> = {}) =>
      records.push({ ...who, 类型: type, 内容: content, 日期: dateValue(runtime, day(month)), 级别: random.pick(['校', '县', '市']), ...extra });
    entry('读书', random.pick(BOOKS), 10);
    if (roll >= 0.2) entry('讲座', random.pick(LECTURES), 11);
    if (roll >= 0.25) entry('公开课', random.pick(CLASSES), 11);
    entry('结对帮带', '青年班主任结对帮带', 10, { 帮带对象: Array.from({ length: random.int(2, 5) }, () => namer()).join('、') });
  }
  return { rows: append(runtime, '履职记录', records), behind };
}

/** The later semesters of the term (after the first), as [year the semester's months fall in, its months]: spring and autumn up to 2027's spring. */
const LATER_SEMESTERS: readonly [number, readonly number[]][] = [
  [2025, [3, 4, 5]],
  [2025, [10, 11, 12]],
  [2026, [3, 4, 5]],
  [2026, [10, 11, 12]],
  [2027, [3, 4, 5]],
];

/**
 * Types the 履职记录 the awarded teachers enter over the rest of their term, semester by semester
 * (2025 spring to 2027 spring): most do every item each semester, a few miss one now and then, and
 * one teacher in about thirty stops recording after the first year. Returns how many rows.
 */
export function typeLaterDuties(runtime: WorkbookRuntime, awarded: readonly NominationRow[], behind: readonly string[]): number {
  const random = new SeededRandom(2027_08_16);
  const namer = makeNamer(random, new Set(awarded.map((row) => row.name)));
  const records: Record<string, unknown>[] = [];
  for (const teacher of awarded) {
    // Most of those the reminders found behind in the first semester catch up before it ends (January 2025).
    if (behind.includes(teacher.name) && random.chance(0.8)) {
      const day = () => `2025-01-${String(random.int(6, 17)).padStart(2, '0')}`;
      const who = { 姓名: teacher.name, 证书编号: teacher.certificate };
      records.push({ ...who, 类型: '读书', 内容: random.pick(BOOKS), 日期: dateValue(runtime, day()), 级别: '校' });
      records.push({ ...who, 类型: '讲座', 内容: random.pick(LECTURES), 日期: dateValue(runtime, day()), 级别: '校' });
      records.push({ ...who, 类型: '公开课', 内容: random.pick(CLASSES), 日期: dateValue(runtime, day()), 级别: '校' });
      records.push({ ...who, 类型: '结对帮带', 内容: '青年班主任结对帮带', 日期: dateValue(runtime, day()), 级别: '校', 帮带对象: Array.from({ length: 3 }, () => namer()).join('、') });
    }
    const stopsAfter = random.chance(1 / 30) ? 2 : LATER_SEMESTERS.length;
    LATER_SEMESTERS.slice(0, stopsAfter).forEach(([year, months]) => {
      const who = random.chance(0.6) ? { 姓名: teacher.name, 证书编号: teacher.certificate } : { 姓名: teacher.name };
      const day = (month: number) => `${year}-${String(month).padStart(2, '0')}-${String(random.int(8, 28)).padStart(2, '0')}`;
      const missing = random.chance(0.03) ? random.pick(['讲座', '公开课']) : '';
      const entry = (type: string, content: string, month: number, extra: Record<string, unknown> = {}) => {
        if (type !== missing) records.push({ ...who, 类型: type, 内容: content, 日期: dateValue(runtime, day(month)), 级别: random.pick(['校', '县', '市']), ...extra });
      };
      entry('读书', random.pick(BOOKS), months[0] as number);
      entry('讲座', random.pick(LECTURES), months[1] as number);
      entry('公开课', random.pick(CLASSES), months[1] as number);
      entry('结对帮带', '青年班主任结对帮带', months[2] as number, { 帮带对象: Array.from({ length: random.int(3, 5) }, () => namer()).join('、') });
    });
  }
  return append(runtime, '履职记录', records);
}

/** The city studios typed: one per stage target as far as awarded 名班主任 allow, one of them a member short. */
export function typeStudios(runtime: WorkbookRuntime, rows: readonly NominationRow[]): { studios: number; people: number } {
  const random = new SeededRandom(2024_12_21);
  const namer = makeNamer(random, new Set(rows.map((row) => row.name)));
  const hosts = rows.filter((row) => row.state === '已认定' && row.category === '名班主任');
  const plan: [string, number][] = [['幼儿园', 2], ['小学', 3], ['初中', 3], ['高中', 2], ['中职', 1], ['高职', 1]];
  const records: Record<string, unknown>[] = [];
  let studios = 0;
  for (const [stage, wanted] of plan) {
    for (const host of hosts.filter((row) => row.stage === stage).slice(0, wanted)) {
      studios += 1;
      const name = `${host.name}${stage}班主任工作室`;
      const person = (role: string, who: string, member = '') => records.push({ 工作室名称: name, 学段: stage, 级别: '市级', 角色: role, 姓名: who, 所属成员: member });
      person('主持人', host.name);
      const members = studios === 2 ? 9 : 10;
      for (let index = 0; index < members; index += 1) {
        const member = namer();
        person('成员', member);
        for (let trainee = 0; trainee < 3; trainee += 1) person('学员', namer(), member);
      }
    }
  }
  return { studios, people: append(runtime, '工作室', records) };
}
