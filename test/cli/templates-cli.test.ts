/**
 * `banzhuren templates --out DIR` (issue 9, item 1): writes the default 荣誉证书.docx (landscape) and
 * 任期考核表.docx (teacher data and {{履职记录}}), made by the add-on's own runCreateTemplates; the
 * repository's templates/*.docx are exactly these bytes (npm run templates regenerates them); an
 * existing template is overwritten only with --force; LibreOffice opens both.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../support/cli';
import { docxText } from '../support/docx-text';
import { temporaryFolder } from '../support/workbooks';
import { filesUnder, libreOfficeTexts } from './certificates-rows';

const REPOSITORY_TEMPLATES = join(__dirname, '..', '..', 'templates');
const FILES = ['任期考核表.docx', '荣誉证书.docx'];
const folder = temporaryFolder();
const out = join(folder, '模板');

let result: ReturnType<typeof runCli>;
beforeAll(() => {
  result = runCli(['templates', '--out', out]);
});

test('writes exactly the two default templates, byte for byte the committed templates/*.docx', () => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(filesUnder(out)).toEqual(FILES);
  for (const file of FILES) {
    expect(result.stdout).toContain(join(out, file));
    expect(readFileSync(join(out, file)).equals(readFileSync(join(REPOSITORY_TEMPLATES, file)))).toBe(true);
  }
});

test('the same bytes on every run (another time zone, another day)', () => {
  const again = join(folder, '再次');
  expect(runCli(['templates', '--out', again, '--today', '2031-02-03'], { timeZone: 'America/Los_Angeles' }).code).toBe(0);
  for (const file of FILES) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file)))).toBe(true);
});

test('the certificate is landscape and names the teacher, title, term, number and date; the form has {{履职记录}}', async () => {
  const certificate = readFileSync(join(out, '荣誉证书.docx'));
  const text = await docxText(certificate);
  for (const placeholder of ['{{姓名}}', '{{学校}}', '{{称号}}', '{{任期}}', '{{证书编号}}', '{{认定日期}}']) expect(text.all).toContain(placeholder);
  const xml = await (await JSZip.loadAsync(certificate)).file('word/document.xml')!.async('string');
  const size = /<w:pgSz\b[^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/u.exec(xml);
  expect(size).not.toBeNull();
  expect(Number(size![1])).toBeGreaterThan(Number(size![2]));
  const form = await docxText(readFileSync(join(out, '任期考核表.docx')));
  expect(form.all).toContain('{{履职记录}}');
  expect(form.tables[0]).toEqual(expect.arrayContaining([expect.arrayContaining(['姓名', '{{姓名}}'])]));
  for (const secret of ['{{身份证号}}', '{{联系电话}}']) expect(form.all + text.all).not.toContain(secret);
});

test('an existing template is kept unless --force, which replaces it with the default', () => {
  const mine = join(folder, '我的');
  mkdirSync(mine);
  writeFileSync(join(mine, '任期考核表.docx'), '我改过的');
  expect(runCli(['templates', '--out', mine]).code).toBe(2);
  expect(readFileSync(join(mine, '任期考核表.docx'), 'utf8')).toBe('我改过的');
  expect(existsSync(join(mine, '荣誉证书.docx'))).toBe(false);
  const forced = runCli(['templates', '--out', mine, '--force']);
  expect(forced.code).toBe(0);
  for (const file of FILES) expect(readFileSync(join(mine, file)).equals(readFileSync(join(out, file)))).toBe(true);
});

test('LibreOffice opens both templates', () => {
  const texts = libreOfficeTexts(FILES.map((file) => join(out, file)));
  expect(texts.get('荣誉证书.docx')).toContain('{{姓名}}');
  expect(texts.get('任期考核表.docx')).toContain('{{履职记录}}');
});
