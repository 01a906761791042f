/**
 * What `certificates` and `templates` refuse or protect (issue 9, round 2): generation without --as
 * is a usage error before anything is made; a `.trash` file in the folder and --pdf without
 * LibreOffice are said before the first copy; `templates` never writes through a symbolic link;
 * the summary counts as made only what the run made, never a linked file found elsewhere; a
 * dot-folder (--out .certs, --template .hidden/t.docx) is an ordinary folder.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { excelDate, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const TODAY = '2025-09-10';
const folder = temporaryFolder();
const pristine = join(folder, '名单.xlsx');

/** A fresh copy of the two-row workbook in its own folder. */
function freshBook(name: string): string {
  const own = join(folder, name);
  mkdirSync(own, { recursive: true });
  const book = join(own, '名单.xlsx');
  copyFileSync(pristine, book);
  return book;
}

beforeAll(async () => {
  await scenarioWorkbook(
    pristine,
    [
      candidate({ 姓名: '张丽', 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕001号' }),
      candidate({ 姓名: '李四', 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕002号' }),
    ],
    [[CITY, '市级']],
  );
});

test('generation without --as is refused (exit 2) before anything is made; --check needs none', () => {
  const book = freshBook('no-as');
  const before = readFileSync(book);
  const out = join(dirname(book), '证书');
  const result = runCli(['certificates', book, '--out', out, '--today', TODAY]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/缺少 --as（须为“权限”表中的市级账号；县级表格中也可为该县账号）/u);
  expect(existsSync(out)).toBe(false);
  expect(readFileSync(book)).toEqual(before);
});

test('a run that makes nothing leaves no empty --out folder behind', () => {
  const book = freshBook('nothing');
  const out = join(dirname(book), '证书');
  const result = runCli(['certificates', book, '--out', out, '--rows', '99', '--today', TODAY, '--as', CITY]);
  expect(result.code).toBe(3);
  expect(existsSync(out)).toBe(false);
});

test('a file named .trash in --out is refused before any document is made', () => {
  const book = freshBook('trash-file');
  const out = join(dirname(book), '证书');
  mkdirSync(out);
  writeFileSync(join(out, '.trash'), '一个文件');
  const result = runCli(['certificates', book, '--out', out, '--today', TODAY, '--as', CITY]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/中有一个名为 \.trash 的文件/u);
  expect(result.stderr).not.toMatch(/EEXIST/u);
  expect(readdirSync(out)).toEqual(['.trash']);
});

test('--pdf without LibreOffice says so before the first copy: no file, no quota used', () => {
  const book = freshBook('no-soffice');
  const out = join(dirname(book), '证书');
  const result = runCli(['certificates', book, '--out', out, '--pdf', '--today', TODAY, '--as', CITY], { env: { PATH: join(folder, 'no-such-bin') } });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/找不到 LibreOffice 的 soffice 命令/u);
  expect(result.stderr).not.toMatch(/\[1\/2\]/u);
  expect(existsSync(out)).toBe(false);
});

test('templates refuses a symbolic link where a template goes, even a dangling one, and writes nothing through it', () => {
  const out = join(folder, 'links');
  mkdirSync(out);
  const victim = join(folder, 'victim.txt');
  writeFileSync(victim, '别人的文件');
  symlinkSync(victim, join(out, '荣誉证书.docx'));
  const forced = runCli(['templates', '--out', out, '--force']);
  expect(forced.code).toBe(2);
  expect(forced.stderr).toMatch(/荣誉证书\.docx 是符号链接/u);
  expect(readFileSync(victim, 'utf8')).toBe('别人的文件');
  const dangling = join(folder, 'dangling');
  mkdirSync(dangling);
  symlinkSync(join(folder, 'outside.docx'), join(dangling, '任期考核表.docx'));
  expect(runCli(['templates', '--out', dangling]).code).toBe(2);
  expect(existsSync(join(folder, 'outside.docx'))).toBe(false);
});

test('templates --force replaces a template file in place (not through its old inode)', () => {
  const out = join(folder, 'force');
  mkdirSync(out);
  writeFileSync(join(out, '荣誉证书.docx'), '旧模板');
  const result = runCli(['templates', '--out', out, '--force']);
  expect(result.code).toBe(0);
  expect(readFileSync(join(out, '荣誉证书.docx')).subarray(0, 2).toString()).toBe('PK');
  expect(lstatSync(join(out, '荣誉证书.docx')).isFile()).toBe(true);
  expect(readdirSync(out).filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
});

test('the summary counts as made only documents this run made, not a row whose link names a file elsewhere', async () => {
  const own = join(folder, 'made');
  mkdirSync(own);
  const book = join(own, '名单.xlsx');
  const awarded = { 状态: '已认定', 认定日期: excelDate('2024-10-10') };
  await scenarioWorkbook(
    book,
    [candidate({ ...awarded, 姓名: '张丽', 证书编号: '001号', 证书链接: '旧证书.docx' }), candidate({ ...awarded, 姓名: '李四', 证书编号: '002号' })],
    [[CITY, '市级']],
  );
  copyFileSync(join(__dirname, '..', '..', 'templates', '荣誉证书.docx'), join(own, '旧证书.docx'));
  const out = join(dirname(book), '证书');
  const result = runCli(['certificates', book, '--out', out, '--json', '--today', TODAY, '--as', CITY]);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  const summary = JSON.parse(result.stdout) as { made: { row: number; link: string }[] };
  const madeFiles = readdirSync(out).filter((entry) => entry.endsWith('.docx'));
  expect(summary.made).toHaveLength(madeFiles.length);
  for (const entry of summary.made) expect(dirname(resolve(dirname(book), entry.link))).toBe(resolve(out));
});

test('a dot-folder is an ordinary folder: --out .certs and --template .hidden/t.docx work', () => {
  const book = freshBook('dots');
  const out = join(dirname(book), '.certs');
  const hidden = join(dirname(book), '.hidden');
  mkdirSync(hidden);
  const template = join(hidden, 't.docx');
  copyFileSync(join(__dirname, '..', '..', 'templates', '荣誉证书.docx'), template);
  const result = runCli(['certificates', book, '--out', out, '--template', template, '--today', TODAY, '--as', CITY]);
  expect(result.stderr).not.toMatch(/^banzhuren：/mu);
  expect(result.code).toBe(0);
  expect(readdirSync(out).filter((entry) => entry.endsWith('.docx'))).toHaveLength(2);
});

test('a damaged name index is said (提示) and --regenerate still leaves one document per row', async () => {
  const own = join(folder, 'index');
  mkdirSync(own);
  const book = join(own, '名单.xlsx');
  const awarded = { 状态: '已认定', 认定日期: excelDate('2024-10-10') };
  await scenarioWorkbook(book, [candidate({ ...awarded, 姓名: '王芳', 证书编号: '001号' }), candidate({ ...awarded, 姓名: '赵强', 证书编号: '002号' })], [[CITY, '市级']]);
  const out = join(own, '证书');
  const first = runCli(['certificates', book, '--out', out, '--today', TODAY, '--as', CITY]);
  expect(first.code).toBe(0);
  writeFileSync(join(out, '.banzhuren-drive.json'), '{ 坏了');
  const again = runCli(['certificates', book, '--out', out, '--regenerate', '--today', TODAY, '--as', CITY]);
  expect(again.stderr).toMatch(/提示：程序记录文件名的索引 \.banzhuren-drive\.json（在 .*）已损坏/u);
  expect(again.stderr).not.toMatch(/^banzhuren：/mu);
  expect(readdirSync(out).filter((entry) => entry.endsWith('.docx'))).toHaveLength(2);
});

test('--pdf on a machine without a Chinese font (fc-list :lang=zh finds nothing) says which font to install', () => {
  const book = freshBook('fonts');
  const out = join(dirname(book), '证书');
  /** A bin folder with a stand-in soffice and an fc-list printing `fonts`. */
  const binWith = (name: string, fonts: string): string => {
    const bin = join(folder, name);
    mkdirSync(bin);
    writeFileSync(join(bin, 'soffice'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    writeFileSync(join(bin, 'fc-list'), `#!/bin/sh\nprintf '${fonts}'\n`, { mode: 0o755 });
    return bin;
  };
  // --rows 99 is refused: nothing is converted, the stand-in soffice never runs.
  const args = ['certificates', book, '--out', out, '--pdf', '--rows', '99', '--today', TODAY, '--as', CITY];
  const without = runCli(args, { env: { PATH: binWith('no-fonts', '') } });
  expect(without.stderr).toMatch(/提示：本机没有中文字体.*apt-get install fonts-noto-cjk 或 fonts-wqy-microhei/u);
  const withFont = runCli(args, { env: { PATH: binWith('with-font', 'WenQuanYi Micro Hei\\n') } });
  expect(withFont.stderr).not.toMatch(/中文字体/u);
});

test.each(['certificates', 'forms'])('every %s --help example that generates gives --as', (command) => {
  const help = runCli([command, '--help']).stdout;
  const examples = help.slice(help.indexOf('示例：')).split('\n').filter((line) => line.trim().startsWith('banzhuren '));
  expect(examples.length).toBeGreaterThan(2);
  for (const example of examples) if (!example.includes('--check')) expect(example).toMatch(/ --as \S+@\S+/u);
});

test('--check lists the rows --rows names that cannot be made (exit 3), each row named once; the JSON has them', () => {
  const book = freshBook('check-refused');
  const before = readFileSync(book);
  const result = runCli(['certificates', book, '--check', '--rows', '2,99', '--today', TODAY]);
  expect(result.code).toBe(3);
  const line = result.stderr.split('\n').find((text) => text.includes('第99行')) ?? '';
  expect(line).toMatch(/^第99行/u);
  expect(line.match(/第99行/gu)).toHaveLength(1);
  expect(result.stdout).not.toMatch(/预检通过/u);
  const json = runCli(['certificates', book, '--check', '--rows', '2,99', '--today', TODAY, '--json']);
  expect(json.code).toBe(3);
  expect((JSON.parse(json.stdout) as { refused: { row: number }[] }).refused.map((entry) => entry.row)).toEqual([99]);
  expect(readFileSync(book)).toEqual(before);
});
