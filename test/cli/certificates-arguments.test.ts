/**
 * Bad arguments of `banzhuren certificates`, `forms` and `templates` (issue 9, item 4): each one is
 * refused with exit code 2 and one Chinese line naming the option and the value at fault, before
 * anything is read or written — the workbook keeps its bytes and the document folder is not made.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { excelDate, temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const documents = join(folder, '证书');
const aFile = join(folder, '说明.txt');
const notDocx = join(folder, '模板.doc');

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕001号' })], [['city@yuxi.edu.cn', '市级']]);
  writeFileSync(aFile, '不是文件夹');
  writeFileSync(notDocx, 'Word 97');
});

/** [arguments after the book, what the message must say]. */
const BAD: [string[], RegExp][] = [
  [[], /缺少 --out（存放文档的文件夹）/u],
  [['--out', aFile], /--out 应为文件夹，而“.*说明\.txt”是一个文件/u],
  [['--out', documents, '--template', notDocx], /--template 应为 Word 文档（\.docx），收到“.*模板\.doc”/u],
  [['--out', documents, '--template', join(folder, '没有这个.docx')], /找不到模板文件：.*没有这个\.docx/u],
  [['--out', documents, '--template', folder + '/'], /--template 应为 Word 文档/u],
  [['--out', documents, '--time-limit', '0'], /--time-limit 应为正数（秒，如 360），收到“0”/u],
  [['--out', documents, '--time-limit=-5'], /--time-limit 应为正数（秒，如 360），收到“-5”/u],
  [['--out', documents, '--time-limit', '9.5'], /一份文档约需 5 秒模拟时间，--time-limit 至少 10（秒），收到“9\.5”/u],
  [['--out', documents, '--check', '--time-limit', '0.001'], /一份文档约需 5 秒模拟时间，--time-limit 至少 10（秒），收到“0\.001”/u],
  [['--out', documents, '--time-limit', '二十'], /--time-limit 应为正数.*收到“二十”/u],
  [['--out', documents, '--doc-quota', '2.5'], /--doc-quota 应为正整数.*收到“2\.5”/u],
  [['--out', documents, '--doc-quota', '0'], /--doc-quota 应为正整数.*收到“0”/u],
  [['--out', documents, '--doc-quota', 'many'], /--doc-quota 应为正整数.*收到“many”/u],
  [['--out', documents, '--rows', '1'], /--rows 中的“1”无效：行号从 2 开始/u],
  [['--out', documents, '--rows', '2-x'], /--rows 应形如 2,5-7，无法识别“2-x”/u],
  [['--out', documents, '--today', '2025-02-30'], /--today 的日期“2025-02-30”不存在/u],
  [['--out', documents, '--pdf=yes'], /选项 --pdf 不带值/u],
];

describe.each(['certificates', 'forms'])('%s', (command) => {
  test.each(BAD)('refuses %p with exit 2 and a Chinese message, writing nothing', (args, message) => {
    const before = readFileSync(book);
    const result = runCli([command, book, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^banzhuren：/u);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(book)).toEqual(before);
    expect(existsSync(documents)).toBe(false);
  });

  test('a missing workbook, or two, is a usage error naming it', () => {
    const missing = runCli([command, join(folder, '没有.xlsx'), '--out', documents]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件：.*没有\.xlsx/u);
    const two = runCli([command, book, book, '--out', documents]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`参数个数不对。用法：banzhuren ${command} <文件.xlsx> --out 文件夹`);
    expect(existsSync(documents)).toBe(false);
  });
});

test('templates needs --out, refuses a file as --out and never overwrites a template without --force', () => {
  expect(runCli(['templates']).stderr).toMatch(/缺少 --out/u);
  expect(runCli(['templates']).code).toBe(2);
  const file = runCli(['templates', '--out', aFile]);
  expect(file.code).toBe(2);
  expect(file.stderr).toMatch(/--out 应为文件夹/u);
  const mine = join(folder, '我的模板');
  mkdirSync(mine);
  writeFileSync(join(mine, '荣誉证书.docx'), '我改过的模板');
  const refused = runCli(['templates', '--out', mine]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/中已有 荣誉证书\.docx，没有覆盖；要覆盖请加 --force/u);
  expect(readFileSync(join(mine, '荣誉证书.docx'), 'utf8')).toBe('我改过的模板');
  expect(existsSync(join(mine, '任期考核表.docx'))).toBe(false);
});
