/**
 * Workbooks, templates and runtimes for the bundle's document tests: awarded rows written the way
 * the workflow leaves them (状态 已认定, 认定日期, 证书编号), a template of the hand-written fake
 * DocumentApp (document-fake.ts) with placeholders in the body, a table, the header and the
 * footer, and a runtime over the workbook with that DocumentApp installed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { documentBytes, installFakeDocumentApp, parseDocument, type FakeDocument } from './document-fake';
import { readFileSync } from 'node:fs';

export const CITY = 'city@yuxi.edu.cn';
export const HONGTA = 'ht@yuxi.edu.cn';

/** Awarded rows: name i, 证书编号 玉教班〔2024〕00i号, 认定日期 2024-10-10 (a date cell as Excel saves it). */
export function awardedRows(count: number, changes: (index: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) =>
    candidate({
      姓名: `教师${index + 1}`,
      状态: '已认定',
      认定日期: new Date('2024-10-10T00:00:00Z'),
      证书编号: `玉教班〔2024〕${String(index + 1).padStart(3, '0')}号`,
      ...changes(index),
    }),
  );
}

/** A workbook with these rows and 权限 (the city and 红塔区). */
export async function documentWorkbook(folder: string, rows: Record<string, unknown>[]): Promise<string> {
  const path = join(folder, 'book.xlsx');
  await scenarioWorkbook(path, rows, [[CITY, '市级'], [HONGTA, '红塔区']]);
  return path;
}

/** A certificate template: placeholders in body, a table, header and footer. */
export const CERTIFICATE_TEMPLATE: FakeDocument = {
  header: ['玉溪市 {{称号}} 证书'],
  body: [
    { type: 'paragraph', text: '荣誉证书' },
    { type: 'paragraph', text: '{{姓名}}同志（{{学校}}，{{ 县（市、区） }}）被认定为{{称号}}，任期{{任期}}。' },
    { type: 'table', rows: [['证书编号', '{{证书编号}}'], ['认定日期', '{{认定日期}}']] },
  ],
  footer: ['颁发日期：{{今天}}'],
};

/** A form template: the teacher's data and the 履职记录 table in a paragraph of its own. */
export const FORM_TEMPLATE: FakeDocument = {
  body: [
    { type: 'paragraph', text: '任期考核表' },
    { type: 'table', rows: [['姓名', '{{姓名}}', '任期', '{{任期}}']] },
    { type: 'paragraph', text: '{{履职记录}}' },
    { type: 'paragraph', text: '考核意见' },
  ],
};

/** Writes a template file beside the workbook (a fake document in a .docx file); its path. */
export function writeTemplate(folder: string, name: string, content: FakeDocument): string {
  const path = join(folder, 'templates', `${name}.docx`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, documentBytes(content));
  return path;
}

/** A runtime over the workbook with the fake DocumentApp; lines console.info printed go to `lines`. */
export async function documentRuntime(
  path: string,
  options: { as?: string; today?: string; timeLimitSeconds?: number; docQuota?: number; lines?: string[]; counter?: CallCounter } = {},
): Promise<WorkbookRuntime> {
  const runtime = await openWorkbookRuntime({
    path,
    as: options.as ?? CITY,
    today: options.today ?? '2025-03-05',
    counter: options.counter ?? new CallCounter(),
    print: (line) => options.lines?.push(line),
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.docQuota === undefined ? {} : { docQuota: options.docQuota }),
  });
  installFakeDocumentApp(runtime);
  return runtime;
}

/** The files of a folder on disk (not the trash, not the local drive's own hidden index files), sorted. */
export function filesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** A fake document's content from its file on disk. */
export function readDocument(path: string): FakeDocument {
  return parseDocument(readFileSync(path));
}
