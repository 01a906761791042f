/**
 * `banzhuren check` on the messy files officials really send: merged cells, a duplicated header,
 * a blank header cell over data, error values, a 10,000-character text, emoji, full-width digits,
 * numbers where text belongs. Nothing crashes; each problem becomes a finding or one clear line.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { readSheet, temporaryFolder } from '../support/workbooks';

const HEADERS = ['姓名', '学校', '申报类别', '班主任累计年限', '姓名 ', '', '县级认定', '政治素质', '获奖级别', '荣誉级别'];

async function messyWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(HEADERS);
  sheet.addRow(['张三', '某小学', '骨干班主任', '５年', '张三', '随手记', '县级骨干班主任', '符合', '县级', '县级']);
  sheet.addRow([12345, 'x'.repeat(10_000), '名班主任', '很多年😀', '', '', '无', '', '国家级', '省']);
  sheet.addRow(['李四', '某中学', '骨干班主任', 6, '', '', '县级名班主任', '符合', '市级', '县级']);
  sheet.mergeCells('A4:B4');
  sheet.getCell('H3').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(path);
}

test('messy input gives findings and one line per sheet problem, never a crash', async () => {
  const book = join(temporaryFolder(), 'messy.xlsx');
  await messyWorkbook(book);
  const before = await readSheet(book, '推荐名单');
  const result = runCli(['check', book, '--json', '--today', '2025-09-01']);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('表头“姓名”出现在第1列和第5列');
  const rows = JSON.parse(result.stdout) as { row: number; verdict: string; findings: { rule: string; verdict: string; message: string }[] }[];
  expect(rows.map((row) => row.row)).toEqual([2, 3, 4]);
  for (const row of rows) expect(['符合', '不符合', '待核实']).toContain(row.verdict);
  const row3 = rows[1]!;
  expect(row3.verdict).toBe('不符合'); // 县级认定 无
  const messages = row3.findings.map((finding) => finding.message).join('\n');
  expect(messages).toContain('很多年😀');
  expect(messages).toContain('#N/A');
  expect(messages.length).toBeLessThan(5_000); // the 10,000-character text is not echoed whole
  expect(rows[0]!.findings.find((finding) => finding.rule === 'years')?.verdict).toBe('符合'); // full-width ５年
  expect(rows[0]!.findings.find((finding) => finding.rule === 'name')?.message).toContain('第1列和第5列');
  const after = await readSheet(book, '推荐名单');
  after.rows.forEach((cells, index) => expect(cells.slice(0, HEADERS.length)).toEqual(before.rows[index]?.slice(0, HEADERS.length)));
});
