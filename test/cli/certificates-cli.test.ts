/**
 * `banzhuren certificates` end to end (issue 9, "Done when"): 60 awarded rows drawn by a seeded
 * generator (nobody picked them) and a Word-style template whose placeholders are split across
 * runs in the body, a table, the header and the footer give 60 .docx, each with its own name,
 * number, county and dates and no `{{` left, their relative paths in 证书链接, one progress line
 * each and no 身份证号/联系电话 anywhere; a second run makes none; LibreOffice opens every file;
 * --check on an unknown placeholder exits 3 naming it and writes nothing; --pdf makes PDFs;
 * hostile names become safe file names inside the folder.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import JSZip from 'jszip';
import { runCli, statsOf, type CliResult } from '../support/cli';
import { docxText } from '../support/docx-text';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { excelDate, temporaryFolder } from '../support/workbooks';
import { chineseDate, columnValues, filesUnder, generatedTeachers, libreOfficeTexts, termEnd } from './certificates-rows';
import { CERTIFICATE_TEXT, wordTemplate } from './certificates-word-template';

const SEED = 20_240_910;
const TEACHERS = generatedTeachers(60, SEED);
const TODAY = '2025-09-10';
const CITY = 'city@yuxi.edu.cn';

const folder = temporaryFolder();
const book = join(folder, '全市推荐名单.xlsx');
const pristine = join(folder, '未生成.xlsx');
const documents = join(folder, '荣誉证书');
const template = join(folder, 'Word模板.docx');

let first: CliResult;

/** `banzhuren certificates` with the Word template, as the city. */
function certificates(path: string, out: string, extra: string[] = []): CliResult {
  return runCli(['certificates', path, '--out', out, '--template', template, '--today', TODAY, '--as', CITY, ...extra]);
}

beforeAll(async () => {
  writeFileSync(template, await wordTemplate(CERTIFICATE_TEXT));
  await scenarioWorkbook(book, TEACHERS.map((teacher) => teacher.values), [[CITY, '市级']]);
  copyFileSync(book, pristine);
  first = certificates(book, documents, ['--stats']);
});

test(`60 generated rows (seed ${SEED}) give 60 .docx, one per row, each saying its own name, number, county and dates, no {{ left`, async () => {
  expect(first.stderr).not.toMatch(/^banzhuren：/mu);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/生成荣誉证书 60 份；已有而跳过 0 份/u);
  const files = filesUnder(documents);
  expect(files).toHaveLength(60);
  expect(files.every((file) => file.endsWith('.docx') && !file.includes('/'))).toBe(true);
  const links = await columnValues(book, '证书链接');
  const seen = new Set<string>();
  for (const teacher of TEACHERS) {
    const link = links.get(teacher.row) ?? '';
    // A relative path from the workbook's folder, to a file in the document folder.
    expect(link).not.toBe('');
    expect(isAbsolute(link)).toBe(false);
    const path = resolve(dirname(book), link);
    expect(dirname(path)).toBe(resolve(documents));
    expect(seen.has(path)).toBe(false);
    seen.add(path);
    expect(basename(path)).toBe(`${teacher.number}-${teacher.name}-荣誉证书.docx`);
    const text = await docxText(readFileSync(path));
    expect(text.all).not.toContain('{{');
    expect(text.all).not.toContain('}}');
    expect(text.body).toContain(`${teacher.name} 同志：`);
    expect(text.body).toContain(`任期${chineseDate(teacher.awardDate)}至${chineseDate(termEnd(teacher.awardDate))}。`);
    expect(text.tables[0]).toEqual([['学校', teacher.school], ['县（市、区）', teacher.county], ['证书编号', teacher.number]]);
    expect(text.headers).toBe(`证书编号：${teacher.number}`);
    expect(text.footers).toBe(`玉溪市教育体育局 ${chineseDate(teacher.awardDate)}`);
    expect(text.body).toMatch(/被认定为市级骨干班主任/u);
  }
  expect(seen.size).toBe(60);
});

test('one progress line per document on stderr, and --stats counts the executions the summary names', () => {
  const progress = first.stderr.split('\n').filter((line) => /→/u.test(line));
  expect(progress).toHaveLength(60);
  for (const teacher of TEACHERS) expect(progress.filter((line) => line.includes(`第${teacher.row}行 ${teacher.name} → `))).toHaveLength(1);
  const { executions } = statsOf(first) as unknown as { executions: number };
  expect(Number.isInteger(executions) && executions >= 1).toBe(true);
  expect(first.stdout).toContain(`（共执行 ${executions} 次）`);
});

test('no 身份证号 or 联系电话 in a file name, a progress line, the output or a document whose template does not name them', async () => {
  const files = filesUnder(documents);
  for (const teacher of TEACHERS) {
    for (const secret of [teacher.identity, teacher.phone]) {
      expect(files.some((file) => file.includes(secret))).toBe(false);
      expect(first.stderr).not.toContain(secret);
      expect(first.stdout).not.toContain(secret);
    }
  }
  const secrets = TEACHERS.flatMap((teacher) => [teacher.identity, teacher.phone]);
  for (const file of files) {
    const text = (await docxText(readFileSync(join(documents, file)))).all;
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  }
});

test('a second run makes none: every row is skipped, the files and the links stay as they were', async () => {
  const links = await columnValues(book, '证书链接');
  const before = new Map(filesUnder(documents).map((file) => [file, readFileSync(join(documents, file))]));
  const again = certificates(book, documents, ['--json']);
  expect(again.code).toBe(0);
  const summary = JSON.parse(again.stdout) as { made: unknown[]; skipped: { row: number; link: string }[]; done: boolean };
  expect(summary.made).toEqual([]);
  expect(summary.skipped.map((entry) => entry.row).sort((a, b) => a - b)).toEqual(TEACHERS.map((teacher) => teacher.row));
  expect(summary.done).toBe(true);
  expect(again.stderr.split('\n').filter((line) => /→/u.test(line))).toEqual([]);
  expect(filesUnder(documents, true)).toEqual([...before.keys()]);
  for (const [file, bytes] of before) expect(readFileSync(join(documents, file))).toEqual(bytes);
  expect(await columnValues(book, '证书链接')).toEqual(links);
});

test('--regenerate --rows 2 makes that one document again: the old one goes to .trash, still one file per row', async () => {
  const teacher = TEACHERS[0]!;
  const file = `${teacher.number}-${teacher.name}-荣誉证书.docx`;
  const trashed = filesUnder(join(documents, '.trash')).filter((name) => name.endsWith('.docx')).length;
  const links = await columnValues(book, '证书链接');
  const again = certificates(book, documents, ['--regenerate', '--rows', String(teacher.row)]);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/生成荣誉证书 1 份；已有而跳过 0 份/u);
  expect(filesUnder(documents)).toHaveLength(60);
  expect(filesUnder(documents)).toContain(file);
  expect(filesUnder(join(documents, '.trash')).filter((name) => name.endsWith('.docx')).length).toBeGreaterThan(trashed);
  expect(await columnValues(book, '证书链接')).toEqual(links);
  expect((await docxText(readFileSync(join(documents, file)))).body).toContain(`${teacher.name} 同志：`);
});

test('LibreOffice opens every file (one soffice run over all 60)', () => {
  const files = filesUnder(documents).map((file) => join(documents, file));
  const texts = libreOfficeTexts(files);
  expect([...texts.keys()].sort()).toEqual(files.map((file) => basename(file)).sort());
  for (const teacher of TEACHERS) {
    const text = texts.get(`${teacher.number}-${teacher.name}-荣誉证书.docx`) ?? '';
    expect(text).toContain(`${teacher.name} 同志：`);
    expect(text).toContain(teacher.school);
  }
});

test('--check on a template with an unknown placeholder exits 3 naming it, and writes nothing', async () => {
  const unknown = join(folder, '未知占位符.docx');
  writeFileSync(unknown, await wordTemplate({ ...CERTIFICATE_TEXT, body: [...CERTIFICATE_TEXT.body, '职称：{{职称}}'] }));
  const empty = join(folder, '预检');
  mkdirSync(empty);
  const bytes = readFileSync(pristine);
  const check = runCli(['certificates', pristine, '--out', empty, '--template', unknown, '--check', '--today', TODAY, '--as', CITY]);
  expect(check.code).toBe(3);
  expect(check.stderr).toContain('{{职称}}');
  expect(check.stderr).not.toMatch(/→/u);
  expect(readdirSync(empty)).toEqual([]);
  expect(readFileSync(pristine)).toEqual(bytes);
  const missingFolder = join(folder, '未建');
  expect(runCli(['certificates', pristine, '--out', missingFolder, '--template', unknown, '--check', '--today', TODAY, '--as', CITY]).code).toBe(3);
  expect(filesUnder(folder).filter((file) => file.startsWith('未建'))).toEqual([]);
  // The same template without it is clean: exit 0, still nothing written.
  const clean = runCli(['certificates', pristine, '--out', empty, '--template', template, '--check', '--json', '--today', TODAY, '--as', CITY]);
  expect(clean.code).toBe(0);
  expect(JSON.parse(clean.stdout)).toMatchObject({ unknownPlaceholders: [], missing: [] });
  expect(readdirSync(empty)).toEqual([]);
  expect(readFileSync(pristine)).toEqual(bytes);
});

test('a generation run with an unknown placeholder leaves it visible in each document, reports it and exits 3', async () => {
  const copy = join(folder, '未知占位符.xlsx');
  copyFileSync(pristine, copy);
  const unknown = join(folder, '未知占位符2.docx');
  writeFileSync(unknown, await wordTemplate({ ...CERTIFICATE_TEXT, body: [...CERTIFICATE_TEXT.body, '职称：{{职称}}'] }));
  const out = join(folder, '未知占位符');
  const result = runCli(['certificates', copy, '--out', out, '--template', unknown, '--rows', '2,3', '--today', TODAY, '--as', CITY]);
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('{{职称}}');
  const files = filesUnder(out);
  expect(files).toHaveLength(2);
  for (const file of files) {
    const text = await docxText(readFileSync(join(out, file)));
    expect(text.body).toContain('职称：{{职称}}');
  }
});

test('--pdf on 2 rows gives 2 PDFs (instead of .docx), linked from their rows', async () => {
  const copy = join(folder, 'PDF.xlsx');
  copyFileSync(pristine, copy);
  const out = join(folder, 'PDF');
  const result = runCli(['certificates', copy, '--out', out, '--template', template, '--rows', '2,3', '--pdf', '--today', TODAY, '--as', CITY]);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  const files = filesUnder(out);
  const pdfs = files.filter((file) => file.endsWith('.pdf'));
  expect(pdfs).toHaveLength(2);
  expect(files).toEqual(pdfs);
  for (const pdf of pdfs) expect(readFileSync(join(out, pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const links = await columnValues(copy, '证书链接');
  for (const teacher of TEACHERS.slice(0, 2)) {
    expect(pdfs).toContain(`${teacher.number}-${teacher.name}-荣誉证书.pdf`);
    expect(resolve(dirname(copy), links.get(teacher.row) ?? '')).toBe(join(out, `${teacher.number}-${teacher.name}-荣誉证书.pdf`));
  }
});

test('a template naming {{身份证号}} and {{联系电话}} shows them in the document, never in the file name or the progress line', async () => {
  const copy = join(folder, '身份证.xlsx');
  copyFileSync(pristine, copy);
  const named = join(folder, '带身份证号.docx');
  writeFileSync(named, await wordTemplate({ body: ['{{姓名}}', '身份证号：{{身份证号}}', '电话：{{联系电话}}'] }));
  const out = join(folder, '身份证');
  const result = runCli(['certificates', copy, '--out', out, '--template', named, '--rows', '4', '--today', TODAY, '--as', CITY]);
  expect(result.code).toBe(0);
  const teacher = TEACHERS[2]!;
  const [file] = filesUnder(out);
  expect(file).toBe(`${teacher.number}-${teacher.name}-荣誉证书.docx`);
  const text = await docxText(readFileSync(join(out, file!)));
  expect(text.body).toBe(`${teacher.name}\n身份证号：${teacher.identity}\n电话：${teacher.phone}`);
  expect(result.stderr).not.toContain(teacher.identity);
  expect(result.stderr).not.toContain(teacher.phone);
});

test('names like ../../x, CON and a:b*c? become safe file names inside the folder (file name pattern {姓名}), the name itself unchanged in the document', async () => {
  const hostile = join(folder, '怪名字.xlsx');
  const names = ['../../x', 'CON', 'a:b*c?', 'nul.txt', '张三\\..\\李四', '王$1'];
  await scenarioWorkbook(
    hostile,
    names.map((name, index) => candidate({ 姓名: name, 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: `玉教班〔2024〕00${index + 1}号` })),
    [[CITY, '市级']],
  );
  await setSetting(hostile, '证书文件名', '{姓名}');
  const out = join(folder, '怪名字');
  const result = runCli(['certificates', hostile, '--out', out, '--template', template, '--today', TODAY, '--as', CITY]);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  expect(filesUnder(folder).filter((file) => /(^|\/)x(\.docx)?$/u.test(file))).toEqual([]);
  const files = filesUnder(out);
  expect(files).toHaveLength(names.length);
  const links = await columnValues(hostile, '证书链接');
  for (let row = 2; row < 2 + names.length; row += 1) {
    const path = resolve(folder, links.get(row) ?? '');
    expect(path.startsWith(resolve(out) + sep)).toBe(true);
    const name = relative(out, path);
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/u);
    expect(name).not.toMatch(/^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\.|$)/iu);
    expect(name).not.toMatch(/[. ]$/u);
    // A leading dot hides the file on macOS and Linux: the official would not see the certificate.
    expect(name).not.toMatch(/^\./u);
    expect(files).toContain(name);
    // The name exactly as typed ($1 and backslashes not read as a replacement's syntax), in the
    // formatting of the placeholder's first character (`{{` is bold, 16 pt in the template).
    const bytes = readFileSync(path);
    expect((await docxText(bytes)).body.split('\n')[1]).toBe(`${names[row - 2]} 同志：`);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const runs = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/gu)].map(([run]) => run).filter((run) => run.includes(`>${names[row - 2]}</w:t>`));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('<w:b/><w:sz w:val="32"/>');
  }
});

test('the DOCX helper\'s Word-saved fixture (tracked changes, fields, two headers) fills the same 60 rows; only the placeholders --check names stay', async () => {
  const word = join(__dirname, '..', 'fixtures', 'documents', 'word-split-placeholders.docx');
  const copy = join(folder, 'Word夹具.xlsx');
  copyFileSync(pristine, copy);
  const out = join(folder, 'Word夹具');
  const check = runCli(['certificates', copy, '--out', out, '--template', word, '--check', '--json', '--today', TODAY, '--as', CITY]);
  const { unknownPlaceholders } = JSON.parse(check.stdout) as { unknownPlaceholders: string[] };
  expect(check.code).toBe(unknownPlaceholders.length > 0 ? 3 : 0);
  const result = runCli(['certificates', copy, '--out', out, '--template', word, '--today', TODAY, '--as', CITY]);
  expect(result.stdout).toMatch(/生成荣誉证书 60 份/u);
  const links = await columnValues(copy, '证书链接');
  for (const teacher of TEACHERS) {
    const text = (await docxText(readFileSync(resolve(dirname(copy), links.get(teacher.row) ?? '')))).all;
    const left = unknownPlaceholders.reduce((rest, name) => rest.split(`{{${name}}}`).join(''), text);
    expect(left).not.toContain('{{');
    expect(text).toContain(`兹授予 ${teacher.name} 同志`);
    expect(text).toContain(`证书编号：${teacher.number}`);
    expect(text).toContain(`认定日期：${chineseDate(teacher.awardDate)}`);
    expect(text).toContain(`任期\n${chineseDate(teacher.awardDate)}至${chineseDate(termEnd(teacher.awardDate))}`);
  }
});
