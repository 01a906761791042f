/**
 * The bundle's documents over real .docx files: the offline DocumentApp (local/services/document)
 * installed in the runtime's context, the default templates made by runCreateTemplates itself,
 * then certificates and forms from them — every placeholder filled, the 履职记录 table in the
 * form, LibreOffice opening the result — and a PDF batch (LibreOffice, when installed) whose
 * temporary copies are all trashed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { CallCounter } from '../../local/runtime/call-counter';
import { makeDocumentApp } from '../../local/services/document/document-app';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { temporaryFolder } from '../support/workbooks';
import { awardedRows, CITY, documentWorkbook, filesIn } from './document-support';

/** A runtime whose DocumentApp is the offline one over .docx (as the runtime will wire it). */
async function docxRuntime(path: string, today: string): Promise<WorkbookRuntime> {
  const runtime = await openWorkbookRuntime({ path, as: CITY, today, counter: new CallCounter(), print: () => undefined });
  const context = { realm: runtime.bundle.realm, counter: runtime.counter, clock: runtime.clock, activeUser: CITY };
  runtime.bundle.context.DocumentApp = makeDocumentApp(context, runtime.drive);
  return runtime;
}

/** The visible text of a .docx: paragraphs of the body, header and footer parts. */
async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name)).sort();
  const texts: string[] = [];
  for (const part of parts) {
    const xml = await zip.file(part)!.async('string');
    texts.push(...xml.split(/<\/w:p>/).map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')));
  }
  return texts.filter((text) => text !== '').join('\n');
}

interface RunResult {
  created: { row: number; file: string }[];
  missing: unknown[];
  unknownPlaceholders: string[];
  done: boolean;
}

test('the default templates, made by the add-on, give filled certificates and forms that LibreOffice opens', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2, (index) => (index === 1 ? { 认定日期: new Date('2025-10-10T00:00:00Z') } : {})));
  const runtime = await docxRuntime(path, '2027-09-01');
  const made = runtime.bundle.call('runCreateTemplates_', { folderId: runtime.drive.folderIdOf(join(folder, 'templates')), record: false }) as { certificateTemplateId: string; formTemplateId: string };
  const out = runtime.drive.folderIdOf(join(folder, 'out'));
  const certificates = runtime.bundle.call('runDocuments_', { kind: 'certificate', templateId: made.certificateTemplateId, folderId: out }) as RunResult;
  const forms = runtime.bundle.call('runDocuments_', { kind: 'form', templateId: made.formTemplateId, folderId: out }) as RunResult;
  await runtime.save();
  runtime.close();
  expect(certificates.unknownPlaceholders).toEqual([]);
  expect(certificates.missing).toEqual([]);
  expect(certificates.created.map((entry) => entry.file)).toEqual(['玉教班〔2024〕001号-教师1-荣誉证书', '玉教班〔2024〕002号-教师2-荣誉证书']);
  expect(forms.created.map((entry) => entry.file)).toEqual(['教师1-任期考核表']);
  const certificate = await docxText(join(folder, 'out', '玉教班〔2024〕002号-教师2-荣誉证书.docx'));
  expect(certificate).not.toContain('{{');
  expect(certificate).toContain('教师2同志（玉溪第一中学）');
  expect(certificate).toContain('被认定为市级骨干班主任，任期2025年10月10日至2028年10月9日');
  expect(certificate).toContain('玉溪市教育体育局');
  const form = await docxText(join(folder, 'out', '教师1-任期考核表.docx'));
  expect(form).not.toContain('{{');
  expect(form).toContain('学年\n学期\n读书\n讲座\n公开课\n帮带人数\n是否完成');
  expect(form).toContain('2026-2027学年\n第二学期');
  expect(form).toContain('填表日期：2027年9月1日');
  const converted = temporaryFolder();
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', converted, join(folder, 'out', '教师1-任期考核表.docx')], { stdio: 'ignore', timeout: 120_000 });
  expect(existsSync(join(converted, '教师1-任期考核表.pdf'))).toBe(true);
}, 180_000);

test('PDF: one .pdf per row under the final name, the document copies trashed, no temporary left', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(2));
  const runtime = await docxRuntime(path, '2025-03-05');
  const made = runtime.bundle.call('runCreateTemplates_', { folderId: runtime.drive.folderIdOf(join(folder, 'templates')), record: false }) as { certificateTemplateId: string };
  const result = runtime.bundle.call('runDocuments_', { kind: 'certificate', pdf: true, templateId: made.certificateTemplateId, folderId: runtime.drive.folderIdOf(join(folder, 'out')) }) as RunResult;
  await runtime.save();
  runtime.close();
  expect(result.created.map((entry) => entry.file)).toEqual(['玉教班〔2024〕001号-教师1-荣誉证书.pdf', '玉教班〔2024〕002号-教师2-荣誉证书.pdf']);
  expect(filesIn(join(folder, 'out')).filter((file) => !file.startsWith('.'))).toEqual(['玉教班〔2024〕001号-教师1-荣誉证书.pdf', '玉教班〔2024〕002号-教师2-荣誉证书.pdf']);
  expect(readFileSync(join(folder, 'out', '玉教班〔2024〕001号-教师1-荣誉证书.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
}, 180_000);
