/**
 * The real `banzhuren` command attacked the way issue 7 did: option values starting with `-`,
 * impossible dates, the add-on's own sheets named as --sheet, a broken 证书编号格式, a closed pipe,
 * and every error a user can cause — each must be one Chinese line with the documented exit code,
 * and must write nothing.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, type CliResult } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';
const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');

/** One line on stderr, in Chinese, with none of what a user must never see. */
function expectOneChineseLine(result: CliResult, code: number): void {
  expect(result.code).toBe(code);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^banzhuren：.*[\u4e00-\u9fff]/u);
  expect([...result.stderr].filter((char) => char.charCodeAt(0) < 0x20 && char !== '\n')).toEqual([]);
  expect(result.stderr).not.toMatch(/\[object |Error:|\n\s+at |not available in the local runtime|undefined/u);
}

/** The 操作记录 rows below the header. */
async function logRows(path = book): Promise<unknown[][]> {
  const { rows } = await readSheet(path, '操作记录');
  return rows.slice(1).filter((row) => row.some((cell) => cell !== ''));
}

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '张丽' }), candidate({ 姓名: '李华' }), candidate({ 姓名: '王强' }), candidate({ 姓名: '赵敏' })], [[CITY, '市级'], [HONGTA, '红塔区']]);
});

describe('option values starting with - are kept as typed', () => {
  test.each([
    [['--reason', '-1'], '-1'],
    [['--reason=-x'], '-x'],
    [['--reason', '-x'], '-x'],
    [['--reason', '--年限不足'], '--年限不足'],
  ])('%j is logged as typed', async (reasonArgs, reason) => {
    const before = (await logRows()).length;
    const row = String(2 + before);
    const result = runCli(['advance', book, '--rows', row, '--to', '初审未通过', ...reasonArgs, '--as', HONGTA, '--today', '2024-09-02']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = await logRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows[before]?.[7]).toBe(reason);
    const log = JSON.parse(runCli(['log', book, '--json']).stdout) as { reason: string }[];
    expect(log[before]?.reason).toBe(reason);
  });

  test('a value that is an option name is refused, not swallowed', () => {
    const result = runCli(['advance', book, '--rows', '2', '--to', '初审未通过', '--reason', '--as', HONGTA]);
    expectOneChineseLine(result, 2);
    expect(result.stderr).toContain('选项 --reason 需要一个值，其后却是选项 --as');
  });

  test('a negative --to or --rows is named as typed, without any NUL byte', () => {
    const to = runCli(['advance', book, '--rows', '2', '--to', '-1', '--as', CITY]);
    expectOneChineseLine(to, 2);
    expect(to.stderr).toContain('--to 的状态“-1”无效');
    const rows = runCli(['advance', book, '--rows', '-3', '--to', '评审通过', '--as', CITY]);
    expectOneChineseLine(rows, 2);
    expect(rows.stderr).toContain('--rows 应形如 2,5-7，无法识别“-3”');
  });
});

describe('impossible dates exit 2 in every command', () => {
  const file = () => book;
  test.each([
    [() => ['init', file()]],
    [() => ['check', file()]],
    [() => ['advance', file(), '--rows', '2', '--to', '评审通过', '--as', CITY]],
    [() => ['publicity-list', file()]],
    [() => ['daily', file()]],
    [() => ['log', file()]],
    [() => ['publicity-end', '2024-09-27']],
    [() => ['workday', '2024-09-27', '1']],
    [() => ['networkdays', '2024-09-27', '2024-10-31']],
    [() => ['is-workday']],
    [() => ['term-end', '2024-02-29']],
  ])('%#: --today 2024-02-30 and 2024-13-01', async (args) => {
    const bytes = readFileSync(book);
    for (const today of ['2024-02-30', '2024-13-01']) {
      const result = runCli([...args(), '--today', today]);
      expectOneChineseLine(result, 2);
      expect(result.stderr).toContain(`--today 的日期“${today}”不存在`);
    }
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });

  test('--start 2024-02-30 exits 2 and writes nothing', () => {
    const bytes = readFileSync(book);
    const result = runCli(['advance', book, '--rows', '2', '--to', '公示中', '--start', '2024-02-30', '--as', CITY, '--today', '2024-09-02']);
    expectOneChineseLine(result, 2);
    expect(result.stderr).toContain('--start 的日期“2024-02-30”不存在');
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });

  test('a --today far from the real date gets one 提示 on stderr, and still runs', () => {
    const result = runCli(['publicity-end', '2024-09-27', '--today', '2000-01-03'], { farDateHint: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2024-10-09\n');
    expect(result.stderr).toMatch(/^提示：--today 2000-01-03 与实际日期 \d{4}-\d{2}-\d{2} 相差 \d+ 天（早于今天）；按模拟的日期运行，请确认没有写错年份\n$/u);
  });
});

describe('only nomination sheets are moved or checked', () => {
  test.each(['操作记录', '权限', '设置', '节假日', '公示名单', '_banzhuren'])('--sheet %s is refused by advance, check and publicity-list, writing nothing', (sheet) => {
    const bytes = readFileSync(book);
    for (const args of [
      ['advance', book, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02', '--sheet', sheet],
      ['check', book, '--sheet', sheet],
      ['publicity-list', book, '--sheet', sheet],
    ]) {
      const result = runCli(args);
      expectOneChineseLine(result, 2);
      expect(result.stderr).toContain(`工作表“${sheet}”是插件自己的表，不是推荐名单，不能审查或改动`);
    }
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });

  test('a sheet of the official without a nomination header row is refused with exit 2', async () => {
    const other = join(folder, '另一个.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    workbook.addWorksheet('备注').addRow(['随便写的', '一些字']);
    await workbook.xlsx.writeFile(other);
    const bytes = readFileSync(other);
    for (const args of [['check', other, '--sheet', '备注'], ['advance', other, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--sheet', '备注'], ['check', other, '--sheet', '没有这张表']]) {
      const result = runCli(args);
      expectOneChineseLine(result, 2);
    }
    expect(readFileSync(other).equals(bytes)).toBe(true);
  });
});

test('a 证书编号格式 without {seq} or with an unknown placeholder is refused before anything is written', async () => {
  for (const [pattern, problem] of [['玉教班〔{year}〕号', '缺少 {seq}'], ['玉教班〔{year}〕{sn}号', '含无法识别的占位符 {sn}'], ['玉教班〔{year}〕{seq}{seq}号', '只能有一个 {seq}'], ['玉教班{seq:000}号', '缺少 {year}（认定年份）']] as const) {
    const path = join(folder, `pattern-${problem.length}.xlsx`);
    await scenarioWorkbook(path, [candidate({ 姓名: '张丽', 状态: '公示中', 公示开始: '2024-09-27', 公示截止: '2024-10-09' })], [[CITY, '市级']]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const settings = workbook.getWorksheet('设置')!;
    settings.eachRow((row) => {
      if (row.getCell(1).value === '证书编号格式') row.getCell(2).value = pattern;
    });
    await workbook.xlsx.writeFile(path);
    const bytes = readFileSync(path);
    const result = runCli(['advance', path, '--rows', '2', '--to', '已认定', '--as', CITY, '--today', '2024-10-10']);
    expectOneChineseLine(result, 1);
    expect(result.stderr).toContain(`设置第3行：证书编号格式“${pattern}”${problem}`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(runCli(['check', path, '--today', '2024-10-10']).code).toBe(0);
  }
});

test('a certificate number typed too large to count on stops the award with a Chinese line, and nothing is written', async () => {
  for (const typed of ['玉教班〔2024〕9007199254740993号', '玉教班〔2024〕99999999999999999999999号']) {
    const path = join(folder, `huge-${typed.length}.xlsx`);
    await scenarioWorkbook(
      path,
      [
        candidate({ 姓名: '张丽', 状态: '已认定', 认定日期: '2024-10-10', 证书编号: typed }),
        candidate({ 姓名: '李华', 状态: '公示中', 公示开始: '2024-09-27', 公示截止: '2024-10-09' }),
      ],
      [[CITY, '市级']],
    );
    const bytes = readFileSync(path);
    const result = runCli(['advance', path, '--rows', '3', '--to', '已认定', '--as', CITY, '--today', '2024-10-10']);
    expectOneChineseLine(result, 1);
    expect(result.stderr).toContain(`第2行的证书编号“${typed}”流水号过大，无法接着编号`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  }
});

test('a stray cell at the last row of 操作记录 stops the move in Chinese instead of writing past the end of the sheet', async () => {
  const path = join(folder, 'log-full.xlsx');
  await scenarioWorkbook(path, [candidate({ 姓名: '张丽' })], [[CITY, '市级'], ['ht@yuxi.cn', '红塔区']]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const log = workbook.getWorksheet('操作记录') ?? workbook.addWorksheet('操作记录');
  log.getCell('A1').value = '时间';
  log.getCell('A1048576').value = 'stray';
  await workbook.xlsx.writeFile(path);
  const bytes = readFileSync(path);
  const result = runCli(['advance', path, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.cn', '--today', '2024-09-02']);
  expectOneChineseLine(result, 1);
  expect(result.stderr).toContain('工作表“操作记录”已经用到 .xlsx 文件的上限（最多 1,048,576 行、16,384 列）');
  expect(readFileSync(path).equals(bytes)).toBe(true);
});

test('a stray cell in the last column (XFD) stops check in Chinese: no room for the output columns', async () => {
  const path = join(folder, 'wide.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['姓名', '学校', '县（市、区）', '申报类别']);
  sheet.addRow(['张丽', '玉溪一中', '红塔区', '骨干班主任']);
  sheet.getCell('XFD3').value = 'stray';
  await workbook.xlsx.writeFile(path);
  const bytes = readFileSync(path);
  const result = runCli(['check', path, '--today', '2024-09-02']);
  expectOneChineseLine(result, 1);
  expect(result.stderr).toContain('工作表“推荐名单”已经用到 .xlsx 文件的上限（最多 1,048,576 行、16,384 列），无法再添加行或列：最后一列（XFD 列）有内容');
  expect(readFileSync(path).equals(bytes)).toBe(true);
});

test('a closed pipe ends quietly: `banzhuren log 名单.xlsx | head -1`', async () => {
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'log', book], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr: text }));
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
});

describe('every error a user can cause is one Chinese line with its exit code', () => {
  test.each([
    [['frobnicate'], 2],
    [['check'], 2],
    [['check', '不存在.xlsx'], 2],
    [['check', 'a.xlsx', 'b.xlsx'], 2],
    [['check', book, '--json=yes'], 2],
    [['check', book, '--sheet'], 2],
    [['advance', book, '--rows', '2', '--to', '初审通过'], 2],
    [['advance', book, '--rows', '1', '--to', '初审通过', '--as', HONGTA], 2],
    [['advance', book, '--rows', '2', '--as', HONGTA], 2],
    [['publicity-end', '2024-02-30'], 2],
    [['publicity-end', '2024-09-27', '--days', '-1'], 2],
    [['workday', '2024-09-27', 'x'], 2],
    [['term-end'], 2],
    [['term-end', 'soon'], 2],
    [['help', 'frobnicate'], 2],
  ])('%j exits %i', (args, code) => {
    expectOneChineseLine(runCli(args, { cwd: folder }), code);
  });

  test('a file that is not a workbook is one line, exit 1', () => {
    const path = join(folder, '坏文件.xlsx');
    writeFileSync(path, 'not a zip');
    expectOneChineseLine(runCli(['check', path]), 1);
  });
});
