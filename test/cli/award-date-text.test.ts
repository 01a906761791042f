/**
 * 认定日期 typed as text (2024年10月10日, 2024/10/10, 2024.10.10) or left as a serial number reads as
 * the same day everywhere the term matters: the daily job's 任期届满, the term-results listing, the
 * 60-day 任期考核表 choice with its {{任期}}, and the 任期即将届满 reminder — one reader for all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { docxText } from '../support/docx-text';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const folder = temporaryFolder();

/** Rows 2–5: the same 认定日期 (2023-10-16) in three typed forms and as Excel's serial number 45215. */
const TYPED = ['2023年10月16日', '2023/10/16', '2023.10.16', 45215];
const NAMES = ['张丽', '李华', '王强', '赵敏'];

async function typedBook(name: string): Promise<string> {
  const book = join(folder, name);
  await scenarioWorkbook(
    book,
    TYPED.map((awardDate, index) => candidate({ 姓名: NAMES[index], 身份证号: '', 电子邮箱: `t${index}@example.com`, 状态: '已认定', 认定日期: awardDate, 证书编号: `玉教班〔2023〕00${index + 1}号` })),
    [[CITY, '市级']],
  );
  return book;
}

test('the daily job ends every typed term on the day after 2026-10-15, not before', async () => {
  const book = await typedBook('daily.xlsx');
  expect(runCli(['daily', book, '--today', '2026-10-15']).stdout).toContain('没有任期届满的行');
  const ended = runCli(['daily', book, '--today', '2026-10-16']);
  expect(ended.stdout.trim().split('\n')).toEqual(NAMES.map((name, index) => `第${index + 2}行 ${name}：已认定→任期届满`));
});

test('term-results lists each typed term as ending within 60 days, with its end day', async () => {
  const book = await typedBook('term.xlsx');
  const listed = runCli(['term-results', book, '--today', '2026-09-01', '--json']);
  const rows = JSON.parse(listed.stdout) as { row: number; termEnd: string }[];
  expect(rows.map((row) => [row.row, row.termEnd])).toEqual([2, 3, 4, 5].map((row) => [row, '2026-10-15']));
});

test('forms makes a 任期考核表 for every typed term, with {{任期}} filled', async () => {
  const book = await typedBook('forms.xlsx');
  const out = join(folder, '考核表');
  const made = runCli(['forms', book, '--out', out, '--today', '2026-09-01', '--as', CITY]);
  expect(made.stdout).toMatch(/生成任期考核表 4 份/u);
  for (const name of NAMES) {
    const text = await docxText(readFileSync(join(out, `${name}-任期考核表.docx`)));
    expect(text.body).toContain('2023年10月16日至2026年10月15日');
  }
});

test('the 任期即将届满 reminder is due for every typed term 30 days before its end', async () => {
  const book = await typedBook('reminders.xlsx');
  const preview = runCli(['reminders', 'preview', book, '--today', '2026-09-15', '--json']);
  const digests = (JSON.parse(preview.stdout) as { digests: { body: string }[] }).digests;
  const body = digests.map((digest) => digest.body).join('\n');
  for (const name of NAMES) expect(body).toContain(name);
  for (const [index, name] of NAMES.entries()) expect(body).toContain(`第${index + 2}行 ${name}（玉溪第一中学），任期届满 2026年10月15日`);
});
