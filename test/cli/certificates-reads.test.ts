/**
 * The nomination sheet is read a constant number of times per execution, however many rows it has
 * (issue 9, item 5; SPEC: reads once): `certificates --check` and a generation of the same three
 * rows make the same spreadsheet reads on 10 rows as on 200 (--stats).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, statsOf } from '../support/cli';
import { scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { generatedTeachers } from './certificates-rows';
import { CERTIFICATE_TEXT, wordTemplate } from './certificates-word-template';

const TODAY = '2025-09-10';
const CITY = 'city@yuxi.edu.cn';
const folder = temporaryFolder();
const template = join(folder, '模板.docx');
const books = { few: join(folder, '10行.xlsx'), many: join(folder, '200行.xlsx') };

beforeAll(async () => {
  writeFileSync(template, await wordTemplate(CERTIFICATE_TEXT));
  const teachers = generatedTeachers(200, 314_159);
  await scenarioWorkbook(books.few, teachers.slice(0, 10).map((teacher) => teacher.values), [[CITY, '市级']]);
  await scenarioWorkbook(books.many, teachers.map((teacher) => teacher.values), [[CITY, '市级']]);
});

/** The calls that read the spreadsheet (Spreadsheet, Sheet, Range getters). */
function spreadsheetReads(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).filter(([name]) => /^(?:Spreadsheet|Sheet|Range|RangeList)\.get/u.test(name)));
}

test('--check reads as often on 200 rows as on 10', () => {
  const [few, many] = [books.few, books.many].map((book) => runCli(['certificates', book, '--out', join(folder, 'check'), '--template', template, '--check', '--today', TODAY, '--as', CITY, '--stats']));
  expect(few!.code).toBe(0);
  expect(many!.code).toBe(0);
  const reads = spreadsheetReads(statsOf(few!).calls);
  expect(reads['Range.getValues']).toBeGreaterThan(0);
  expect(spreadsheetReads(statsOf(many!).calls)).toEqual(reads);
});

test('generating the same three rows makes the same calls on 200 rows as on 10, in one execution', () => {
  const results = [books.few, books.many].map((book, index) => {
    const copy = join(folder, `生成${index}.xlsx`);
    copyFileSync(book, copy);
    return runCli(['certificates', copy, '--out', join(folder, `生成${index}`), '--template', template, '--rows', '2-4', '--today', TODAY, '--as', CITY, '--stats']);
  });
  for (const result of results) expect(result.code).toBe(0);
  const [few, many] = results.map((result) => statsOf(result) as ReturnType<typeof statsOf> & { executions: number });
  expect(few!.executions).toBe(1);
  expect(many!.executions).toBe(1);
  expect(spreadsheetReads(many!.calls)).toEqual(spreadsheetReads(few!.calls));
});
