/**
 * Hostile and useless --template files (issue 9, round 2), each made here from the repository's
 * default template: placeholders where replaceText never reaches (text box, footnote, comment,
 * field code, altChunk part) are pre-flight problems (exit 3 with --check, a 提示 when generating);
 * a template without placeholders is a problem; a macro-enabled template, one that uncompresses
 * past 50 MB, and a template inside the --out folder are refused (exit 2) before anything is read.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { excelDate, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const TODAY = '2025-09-10';
const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const DEFAULT_TEMPLATE = join(__dirname, '..', '..', 'templates', '荣誉证书.docx');

/** The default template changed by `change` (its zip), written to `name` in the test folder. */
async function template(name: string, change: (zip: JSZip, body: string) => string | Promise<string>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(DEFAULT_TEMPLATE));
  const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
  zip.file('word/document.xml', await change(zip, body));
  const path = join(folder, name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

/** A paragraph inserted at the end of the body. */
const atEnd = (body: string, xml: string) => body.replace('<w:sectPr>', `${xml}<w:sectPr>`);

/** `certificates` with a template, as the city. */
function certificates(templatePath: string, out: string, extra: string[] = []) {
  return runCli(['certificates', book, '--out', out, '--template', templatePath, '--today', TODAY, '--as', CITY, ...extra]);
}

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽', 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '001号' })], [[CITY, '市级']]);
});

const HIDDEN: [string, string, (zip: JSZip, body: string) => string][] = [
  ['text box', '文本框', (_zip, body) => atEnd(body, '<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{{姓</w:t></w:r><w:r><w:t>名}}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')],
  ['footnote', '脚注', (zip, body) => (zip.file('word/footnotes.xml', '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>{{姓名}}</w:t></w:r></w:p></w:footnote></w:footnotes>'), body)],
  ['endnote', '尾注', (zip, body) => (zip.file('word/endnotes.xml', '<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p><w:r><w:t>{{姓名}}</w:t></w:r></w:p></w:endnote></w:endnotes>'), body)],
  ['header text box', '文本框', (zip, body) => (zip.file('word/header1.xml', '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>{{姓名}}</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p></w:hdr>'), body)],
  ['comment', '批注', (zip, body) => (zip.file('word/comments.xml', '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>{{姓名}}</w:t></w:r></w:p></w:comment></w:comments>'), body)],
  ['field code', '域代码', (_zip, body) => atEnd(body, '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD {{姓名}} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')],
  ['altChunk part', 'altChunk', (zip, body) => (zip.file('word/afchunk.html', '<html><body>{{姓名}}</body></html>'), atEnd(body, '<w:altChunk r:id="rIdChunk"/>'))],
];

test.each(HIDDEN)('a placeholder in a %s is a pre-flight problem naming it: --check exits 3, generation says 提示', async (kind, label, change) => {
  const path = await template(`${kind}.docx`, change);
  const out = join(folder, `out-${kind}`);
  const check = certificates(path, out, ['--check']);
  expect(check.stderr).toMatch(new RegExp(`模板的[^\\n]*${label}[^\\n]*中有 \\{\\{姓名\\}\\}，不会被替换：请移到正文、表格、页眉或页脚`, 'u'));
  expect(check.code).toBe(3);
  expect(existsSync(out)).toBe(false);
  const generated = certificates(path, out);
  expect(generated.stderr).toMatch(new RegExp(`提示：模板的[^\\n]*${label}`, 'u'));
});

test('a template without any placeholder is a problem: --check exits 3', async () => {
  const path = await template('plain.docx', (_zip, body) => body.replace(/\{\{[^}]*\}\}/gu, '某某'));
  const check = certificates(path, join(folder, 'out-plain'), ['--check']);
  expect(check.stderr).toMatch(/模板中没有任何占位符（如 \{\{姓名\}\}）/u);
  expect(check.code).toBe(3);
});

test('a macro-enabled template is refused (exit 2) before anything is made', async () => {
  const path = await template('macro.docx', (zip, body) => (zip.file('word/vbaProject.bin', 'VBA'), body));
  const out = join(folder, 'out-macro');
  const result = certificates(path, out);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/是启用宏的文档（含 VBA 宏），已拒绝/u);
  expect(existsSync(out)).toBe(false);
});

test('a template whose parts uncompress past 50 MB is refused (exit 2) before it is parsed', async () => {
  const path = await template('bomb.docx', (zip, body) => (zip.file('word/media/zeros.bin', Buffer.alloc(51 * 1024 * 1024)), body));
  const result = certificates(path, join(folder, 'out-bomb'), ['--check']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/解压后超过 50 MB，已拒绝/u);
});

test('a template inside the --out folder is refused (exit 2)', () => {
  const out = join(folder, 'out-inside');
  mkdirSync(out);
  const inside = join(out, '模板.docx');
  writeFileSync(inside, readFileSync(DEFAULT_TEMPLATE));
  const result = certificates(inside, out);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--template 不能放在 --out 文件夹/u);
  expect(readdirSync(out)).toEqual(['模板.docx']);
});

test('--check needs no --out (nothing is written anyway); generation still does', () => {
  const before = readdirSync(folder).sort();
  const check = runCli(['certificates', book, '--check', '--today', TODAY]);
  expect(check.stderr).not.toMatch(/^banzhuren：/mu);
  expect(check.code).toBe(0);
  expect(check.stdout).toMatch(/预检通过/u);
  expect(readdirSync(folder).sort()).toEqual(before);
  const generation = runCli(['certificates', book, '--today', TODAY, '--as', CITY]);
  expect(generation.code).toBe(2);
  expect(generation.stderr).toMatch(/缺少 --out/u);
});
