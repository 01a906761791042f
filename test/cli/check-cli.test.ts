/**
 * `banzhuren check` end to end on an Excel file an official might send: columns in their own
 * order and spelling, dates as real date cells and as text, an empty row, a column of their own
 * and a note of their own. The JSON, the 资格审查 column and the notes must say SPEC §3's verdicts,
 * nothing else may change, and the number of service calls must not grow with the rows.
 */
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, statsOf } from '../support/cli';
import { excelDate, readSheet, temporaryFolder, writeWorkbook } from '../support/workbooks';

const HEADERS = [
  '备注', '姓名*', ' 学校 ', '申报类别', '县(市、区)', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献',
  '理论功底', '业务水平', '身心健康', '获奖级别', '荣誉级别', '近５年考核', '科研级别', '申报工作室主持人', '市级名班主任',
  '上届考核结果', '上届考核日期', '身份证号',
];

/** A row meeting every rule (骨干班主任), as header → value; changes override. */
function row(changes: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    备注: '自己的备注', '姓名*': '李华', ' 学校 ': '江川区第一小学', 申报类别: '骨干班主任', '县(市、区)': '江川区',
    班主任累计年限: 5, 县级认定: '县级骨干班主任', 政治素质: '是', 职业道德: '符合', 敬业奉献: '符合', 理论功底: '符合',
    业务水平: '符合', 身心健康: '符合', 获奖级别: '县', 荣誉级别: '省', '近５年考核': '', 科研级别: '', 申报工作室主持人: '',
    市级名班主任: '否', 上届考核结果: '', 上届考核日期: '', 身份证号: '',
  };
  const merged = { ...base, ...changes };
  return HEADERS.map((header) => merged[header] ?? '');
}

const ROWS = [
  row(), // 2: 符合
  row({ '姓名*': '王芳', 申报类别: '名班主任', '近５年考核': '合格、优秀、合格、合格', 科研级别: '县级' }), // 3: 待核实, four results
  row({ '姓名*': '赵强', 班主任累计年限: '4.5年' }), // 4: 不符合, years
  HEADERS.map(() => ''), // 5: empty, skipped
  row({ '姓名*': '钱进', 上届考核结果: '不合格', 上届考核日期: excelDate('2023-06-30') }), // 6: 不符合, 六（二）
  row({ '姓名*': '孙丽', 获奖级别: '校级' }), // 7: 不符合, 四（一）7
  row({ '姓名*': '周敏', 身份证号: '110105194912310021' }), // 8: 待核实, check digit
  row({ '姓名*': '吴刚', 申报类别: '名班主任', '近５年考核': '优秀 合格 合格 合格 合格', 科研级别: '市级', 上届考核日期: '2020/1/1', 上届考核结果: '合格' }), // 9: 符合
];

describe('banzhuren check', () => {
  const folder = temporaryFolder();
  const book = join(folder, '江川区推荐名单.xlsx');

  beforeAll(async () => {
    await writeWorkbook(book, '推荐名单', [HEADERS, ...ROWS], [{ cell: 'F3', text: '县里备注：年限待补材料' }]);
  });

  test('prints SPEC §3 verdicts as JSON and writes them into the workbook', async () => {
    const result = runCli(['check', book, '--json', '--today', '2025-09-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { row: number; name: string; verdict: string; findings: { rule: string; clause: string; verdict: string; message: string }[] }[];
    expect(rows.map(({ row: number, name, verdict }) => [number, name, verdict])).toEqual([
      [2, '李华', '符合'],
      [3, '王芳', '待核实'],
      [4, '赵强', '不符合'],
      [6, '钱进', '不符合'],
      [7, '孙丽', '不符合'],
      [8, '周敏', '待核实'],
      [9, '吴刚', '符合'],
    ]);
    const failing = (number: number) => rows.find((entry) => entry.row === number)!.findings.filter((finding) => finding.verdict !== '符合');
    expect(failing(3).map((finding) => finding.rule)).toEqual(['assessments']);
    expect(failing(4)).toEqual([expect.objectContaining({ rule: 'years', clause: '四（一）', verdict: '不符合' })]);
    expect(failing(6)).toEqual([expect.objectContaining({ rule: 'lastTerm', clause: '六（二）', verdict: '不符合' })]);
    expect(failing(7)).toEqual([expect.objectContaining({ rule: 'award', clause: '四（一）7', verdict: '不符合' })]);
    expect(failing(8)).toEqual([expect.objectContaining({ rule: 'idNumber', verdict: '待核实' })]);
    expect(JSON.stringify(rows)).not.toContain('110105194912310021');

    const sheet = await readSheet(book, '推荐名单');
    const header = sheet.rows[0] as string[];
    expect(header.slice(0, HEADERS.length)).toEqual(HEADERS);
    const verdictColumn = header.indexOf('资格审查');
    const explanationColumn = header.indexOf('审查说明');
    expect(verdictColumn).toBe(HEADERS.length);
    expect(sheet.rows.slice(1).map((cells) => cells[verdictColumn] ?? '')).toEqual(['符合', '待核实', '不符合', '', '不符合', '不符合', '待核实', '符合']);
    expect(String(sheet.rows[3]?.[explanationColumn])).toMatch(/^四（一）：班主任累计年限“4\.5年”/);
    // Nothing a person typed changed.
    ROWS.forEach((cells, index) => {
      const expected = cells.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell));
      expect(sheet.rows[index + 1]?.slice(0, HEADERS.length).map((cell) => cell ?? '')).toEqual(expected);
    });
    // The offending cells carry a note; a person's note is kept.
    expect(sheet.notes.get('F4')).toMatch(/^【资格审查】四（一）：班主任累计年限“4\.5年”/);
    expect(sheet.notes.get('N7')).toMatch(/^【资格审查】四（一）7/);
    expect(sheet.notes.get('F3')).toBe('县里备注：年限待补材料');
  });

  test('a fixed cell loses its note on the next check, and the verdict follows', async () => {
    const fixed = join(folder, 'fixed.xlsx');
    await writeWorkbook(fixed, '推荐名单', [HEADERS, row({ 班主任累计年限: '4年' })]);
    expect(runCli(['check', fixed, '--today', '2025-09-01']).code).toBe(0);
    expect((await readSheet(fixed, '推荐名单')).notes.get('F2')).toMatch(/^【资格审查】/);
    await writeWorkbook(fixed, '推荐名单', [HEADERS, row({ 班主任累计年限: '６年' })], [{ cell: 'F2', text: '【资格审查】旧的批注' }]);
    const result = runCli(['check', fixed, '--today', '2025-09-01']);
    expect(result.stdout).toContain('符合 1');
    const sheet = await readSheet(fixed, '推荐名单');
    expect(sheet.notes.has('F2')).toBe(false);
    expect(sheet.rows[1]?.[HEADERS.length]).toBe('符合');
  });

  test('--stats shows the same number of service calls for 10 rows and for 5,000 rows', async () => {
    const small = await writeWorkbook(join(folder, 'small.xlsx'), '推荐名单', [HEADERS, ...Array.from({ length: 10 }, (_, index) => ROWS[index % ROWS.length]!)]);
    const large = await writeWorkbook(join(folder, 'large.xlsx'), '推荐名单', [HEADERS, ...Array.from({ length: 5000 }, (_, index) => ROWS[index % ROWS.length]!)]);
    const smallStats = statsOf(runCli(['check', small, '--today', '2025-09-01', '--stats']));
    const largeStats = statsOf(runCli(['check', large, '--today', '2025-09-01', '--stats']));
    expect(smallStats.calls['Range.getValues']).toBe(1);
    expect(smallStats.calls['Range.setValues']).toBeLessThanOrEqual(2);
    expect(largeStats).toEqual(smallStats);
  });

  test('rows below the list that became blank: a verdict left there is cleared, our notes go, a person\'s stay, a lone space is no row', async () => {
    const outputs = ['资格审查', '审查说明'];
    const blank = (): unknown[] => [...HEADERS, ...outputs].map(() => '');
    const stale = blank();
    stale[HEADERS.length] = '符合';
    stale[HEADERS.length + 1] = '旧的说明';
    const space = blank();
    space[2] = ' ';
    const listed = [row({ '姓名*': '赵强', 班主任累计年限: '4.5年' }), row()].map((cells) => [...cells, '', '']);
    // Rows 4–5 blank, row 6 a verdict left from a deleted candidate, row 7 notes only, row 9 a lone space.
    const sheetRows = [[...HEADERS, ...outputs], ...listed, blank(), blank(), stale, blank(), blank(), space];
    const stray = await writeWorkbook(join(folder, 'stray.xlsx'), '推荐名单', sheetRows, [
      { cell: 'F7', text: '【资格审查】四（一）：旧的批注' },
      { cell: 'A7', text: '县里备注：已退回' },
      { cell: 'B6', text: '自己的批注\n【资格审查】旧的批注' },
    ]);
    const plain = await writeWorkbook(join(folder, 'plain.xlsx'), '推荐名单', [[...HEADERS, ...outputs], ...listed]);

    const result = runCli(['check', stray, '--json', '--today', '2025-09-01', '--stats']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { row: number; verdict: string }[];
    expect(rows.map(({ row: number, verdict }) => [number, verdict])).toEqual([[2, '不符合'], [3, '符合']]);
    const sheet = await readSheet(stray, '推荐名单');
    for (const number of [4, 5, 6, 7, 8, 9]) expect(sheet.rows[number - 1]?.slice(HEADERS.length).filter((cell) => cell !== '' && cell !== null && cell !== undefined)).toEqual([]);
    expect(sheet.rows[8]?.[2]).toBe(' ');
    expect(sheet.notes.has('F7')).toBe(false);
    expect(sheet.notes.get('A7')).toBe('县里备注：已退回');
    expect(sheet.notes.get('B6')).toBe('自己的批注');
    expect(sheet.notes.get('F2')).toMatch(/^【资格审查】四（一）/);
    expect(statsOf(result)).toEqual(statsOf(runCli(['check', plain, '--today', '2025-09-01', '--stats'])));
  });

  test("the review date is --today, else 设置's 评审基准日; --out leaves the original untouched", async () => {
    const workbook = new ExcelJS.Workbook();
    const nominations = workbook.addWorksheet('推荐名单');
    [HEADERS, row({ 上届考核结果: '不合格', 上届考核日期: excelDate('2022-09-01') })].forEach((cells) => nominations.addRow(cells));
    const settings = workbook.addWorksheet('设置');
    [['设置项', '值'], ['评审基准日', excelDate('2025-09-01')]].forEach((cells) => settings.addRow(cells));
    const original = join(folder, 'settings.xlsx');
    await workbook.xlsx.writeFile(original);
    const out = join(folder, 'settings-checked.xlsx');
    const fromSettings = runCli(['check', original, '--json', '--out', out]);
    expect(JSON.parse(fromSettings.stdout)[0].verdict).toBe('符合'); // the bar ends the day before 2025-09-01
    expect((await readSheet(out, '推荐名单')).rows[1]?.[HEADERS.length]).toBe('符合');
    expect((await readSheet(original, '推荐名单')).rows[0]).toEqual(HEADERS);
    const fromToday = runCli(['check', original, '--json', '--today', '2025-08-31']);
    expect(JSON.parse(fromToday.stdout)[0].verdict).toBe('不符合');
  });

  test('bad input is one clear message, and the file is left as it was', async () => {
    const missing = runCli(['check', join(folder, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    const other = join(folder, 'other.xlsx');
    copyFileSync(book, other);
    const noSheet = runCli(['check', other, '--sheet', '名单2']);
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain('找不到工作表“名单2”（本表格中的工作表：“推荐名单”');
    const elsewhere = await writeWorkbook(join(folder, 'elsewhere.xlsx'), 'C', [['姓名', '学校', '县（市、区）', '申报类别'], ['张三', '某小学', '红塔区', '骨干班主任']]);
    const defaultSheet = runCli(['check', elsewhere]);
    expect(defaultSheet.code).toBe(2);
    expect(defaultSheet.stderr).toContain('找不到工作表“推荐名单”（本表格中的工作表：“C”）：名单在别的工作表上时，请用 --sheet 指定该工作表');
    expect(runCli(['check', elsewhere, '--sheet', 'C']).code).toBe(0);
    const noHeader = await writeWorkbook(join(folder, 'no-header.xlsx'), '推荐名单', [['张三', '某小学', 5], ['李四', '某中学', 6]]);
    const result = runCli(['check', noHeader]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有找到表头');
    expect((await readSheet(noHeader, '推荐名单')).rows).toEqual([['张三', '某小学', 5], ['李四', '某中学', 6]]);
  });
});
