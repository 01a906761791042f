/**
 * Workbooks other programs wrote, as officials' files arrive: `banzhuren init` output re-saved by
 * LibreOffice Calc, nomination sheets written by openpyxl (a person's comment, formulas saved
 * without results) and those re-saved by LibreOffice (mixed Chinese/Latin text as rich text). The
 * files are committed in test/fixtures/third-party (made by make.py there; CI has neither program).
 * Every command must read them, give the same verdicts as for the originals, and say in Chinese
 * what it could not know.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { readSheet, temporaryFolder } from '../support/workbooks';

const FIXTURES = join(__dirname, '..', 'fixtures', 'third-party');
const JSZip = createRequire(require.resolve('exceljs'))('jszip') as { loadAsync(data: Buffer): Promise<{ files: Record<string, unknown> }> };
const folder = temporaryFolder();

/** A fresh copy of a fixture, so a command may write it. */
function copyOf(fixture: string): string {
  const path = join(folder, `${Math.random().toString(36).slice(2)}-${fixture}`);
  copyFileSync(join(FIXTURES, fixture), path);
  return path;
}

interface CheckedRow {
  row: number;
  name: string;
  verdict: string;
  findings: { rule: string; clause: string; verdict: string; message: string }[];
}

/** `banzhuren check --json` on a copy of a fixture. */
function check(fixture: string): { rows: CheckedRow[]; stderr: string; code: number | null } {
  const result = runCli(['check', copyOf(fixture), '--json', '--today', '2025-09-01']);
  return { rows: result.code === 0 ? (JSON.parse(result.stdout) as CheckedRow[]) : [], stderr: result.stderr, code: result.code };
}

/** Plain exceljs (no patches of the runtime): the cells holding rich text, as 'sheet!A1'. */
async function richTextCells(fixture: string, sheetName: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(FIXTURES, fixture));
  const cells: string[] = [];
  workbook.getWorksheet(sheetName)?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.RichText) cells.push(`${sheetName}!${cell.address}`);
    }),
  );
  return cells;
}

describe('a workbook re-saved by LibreOffice after init', () => {
  test('the fixture holds what LibreOffice does to our state sheet: rich text, veryHidden made hidden', async () => {
    expect((await richTextCells('init-libreoffice.xlsx', '_banzhuren')).length).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(FIXTURES, 'init-libreoffice.xlsx'));
    expect(workbook.getWorksheet('_banzhuren')?.state).toBe('hidden');
  });

  test('every command still works, and init finds its validations, formatting and protections', async () => {
    const book = copyOf('init-libreoffice.xlsx');
    const checked = runCli(['check', book, '--today', '2025-09-01']);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    const init = runCli(['init', book]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    // LibreOffice's headless conversion drops frozen panes; everything else init wrote read back.
    // The fixture predates the term-result columns and the 履职记录 and 工作室 sheets, which this
    // init adds; nothing it had is set up again.
    const lines = init.stdout.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '推荐名单：补充列：任期考核结果、任期考核日期、优先推荐；冻结表头；冻结至“姓名”列；“任期考核日期”列宽110像素；“任期考核结果”下拉选项；“优先推荐”列编辑提醒',
      '节假日：冻结表头',
      '权限：冻结表头',
      '操作记录：冻结表头',
      '设置：冻结表头',
    ]);
    expect(lines.slice(5).map((line) => line.split('：')[0] + '：' + line.split('：')[1]?.split('；')[0])).toEqual(['履职记录：新建', '工作室：新建', '邮件模板：新建', '提醒记录：新建']);
    expect(runCli(['init', book]).stdout.trim()).not.toContain('补充');
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(book);
    expect(saved.getWorksheet('_banzhuren')?.state).toBe('veryHidden');
  });

  test('check, then advance, on a filled-in workbook re-saved by LibreOffice', async () => {
    const book = copyOf('init-filled-libreoffice.xlsx');
    expect(await richTextCells('init-filled-libreoffice.xlsx', '推荐名单')).not.toEqual([]);
    const checked = runCli(['check', book, '--json', '--today', '2025-09-01']);
    expect(checked.code).toBe(0);
    const rows = JSON.parse(checked.stdout) as CheckedRow[];
    expect(rows.map(({ row, name, verdict }) => [row, name, verdict])).toEqual([
      [2, '张丽', '符合'],
      [3, '李华', '待核实'],
      [4, 'Anna 王', '待核实'],
      [5, '赵敏', '不符合'],
      [6, '孙杰', '符合'],
    ]);
    const advanced = runCli(['advance', book, '--rows', '2,6', '--to', '初审通过', '--as', 'ht@yuxi.edu.cn', '--today', '2025-09-02']);
    expect(advanced.stderr).toBe('');
    expect(advanced.code).toBe(0);
    expect(advanced.stdout.trim().split('\n')).toEqual(['第2行 张丽：学校推荐→初审通过', '第6行 孙杰：学校推荐→初审通过']);
    const log = JSON.parse(runCli(['log', book, '--json']).stdout) as { row: number; email: string; to: string }[];
    expect(log.map(({ row, email, to }) => [row, email, to])).toEqual([
      [2, 'ht@yuxi.edu.cn', '初审通过'],
      [6, 'ht@yuxi.edu.cn', '初审通过'],
    ]);
    const { rows: cells } = await readSheet(book, '推荐名单');
    const status = (cells[0] as string[]).indexOf('状态');
    expect(cells.slice(1, 6).map((row) => row[status] ?? '')).toEqual(['初审通过', '', '', '', '初审通过']);
  });
});

test('our notes, re-saved by LibreOffice, are read back and replaced, never doubled', async () => {
  const book = copyOf('checked-libreoffice.xlsx');
  const before = (await readSheet(book, '推荐名单')).notes;
  expect([...before.values()].filter((text) => text.startsWith('【资格审查】'))).toHaveLength(3);
  const result = runCli(['check', book, '--today', '2025-09-01']);
  expect(result.code).toBe(0);
  const after = (await readSheet(book, '推荐名单')).notes;
  expect(after).toEqual(before);
});

describe('nominations written by openpyxl', () => {
  test('a comment openpyxl wrote is read, and kept through a check', async () => {
    const book = copyOf('openpyxl-nominations.xlsx');
    const result = runCli(['check', book, '--today', '2025-09-01']);
    expect(result.code).toBe(0);
    const { notes } = await readSheet(book, '推荐名单');
    expect(notes.get('B2')).toBe('县里备注：材料已齐 (ok)');
  });

  test('a workbook with our notes, edited in openpyxl, opens and is checked again', async () => {
    // openpyxl rewrote our notes under its own part names, which exceljs alone cannot read.
    const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'checked-openpyxl-edit.xlsx')));
    expect(Object.keys(zip.files)).toContain('xl/comments/comment1.xml');
    const book = copyOf('checked-openpyxl-edit.xlsx');
    const result = runCli(['check', book, '--json', '--today', '2025-09-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as CheckedRow[];
    expect(rows.map((row) => row.verdict)).toEqual(['符合', '不符合', '待核实', '不符合', '符合']);
    const { rows: cells, notes } = await readSheet(book, '推荐名单');
    const years = (cells[0] as string[]).indexOf('班主任累计年限');
    const note = notes.get(`${String.fromCharCode(65 + years)}3`) ?? '';
    expect(note).toMatch(/^【资格审查】.*不足5年/);
    for (const text of notes.values()) expect(text.split('【资格审查】').length).toBeLessThanOrEqual(2);
  });

  test('formulas without results read as unknown: 待核实 where a rule needs one, one 提示 for the run', () => {
    const { rows, stderr, code } = check('openpyxl-uncalculated.xlsx');
    expect(code).toBe(0);
    const row3 = rows.find((row) => row.row === 3);
    expect(row3?.verdict).toBe('待核实');
    expect(row3?.findings.filter((finding) => finding.verdict !== '符合')).toEqual([
      expect.objectContaining({ rule: 'years', verdict: '待核实', message: expect.stringContaining('班主任累计年限') }),
    ]);
    // The 序号 formulas (no rule needs them) change nothing: the other rows as in the calculated file.
    const calculated = check('openpyxl-nominations-libreoffice.xlsx').rows.filter((row) => row.row !== 3);
    expect(rows.filter((row) => row.row !== 3)).toEqual(calculated);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^提示：/);
    for (const cell of ['推荐名单!A2', '推荐名单!H3', '推荐名单!A6']) expect(lines[0]).toContain(cell);
    expect(lines[0]).toContain('打开该文件并保存一次');
    expect(stderr).not.toContain('not available');
  });

  test('re-saved by LibreOffice Calc: the same verdicts and findings as the original', async () => {
    // The re-saved file holds what LibreOffice makes of it: rich text, calculated formulas.
    expect(await richTextCells('openpyxl-nominations-libreoffice.xlsx', '推荐名单')).not.toEqual([]);
    const original = check('openpyxl-nominations.xlsx');
    const resaved = check('openpyxl-nominations-libreoffice.xlsx');
    expect(original.code).toBe(0);
    expect(resaved.code).toBe(0);
    expect(resaved.stderr).toBe('');
    expect(original.rows.map((row) => row.verdict)).toEqual(['符合', '待核实', '待核实', '不符合', '符合']);
    expect(resaved.rows).toEqual(original.rows);
  });
});
