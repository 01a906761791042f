/**
 * `banzhuren duties` end to end (issue 8, items 1, 2 and 4): a county book with four awarded
 * teachers and a realistic 履职记录 (Date-typed 日期 cells, several spellings, rows that match
 * nobody), run under two process time zones. The per-semester numbers, the listed rows and the
 * proposals below were worked out by hand from the rows; the 履职情况 sheet never shows an ID or a
 * phone number; the service calls are the same for 10 and 2,000 ledger rows.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, statsOf } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { excelDate, readSheet, temporaryFolder } from '../support/workbooks';

const ID_ZHANG = '110105194912310037';
const ID_LI = '11010519491231002X';
const PHONE = '13812345678';
const folder = temporaryFolder();

/** 推荐名单: 2 张丽, 3 李华, 4 王强, 5 赵敏 — all 已认定; 6 孙杰 任期届满. */
const CANDIDATES = [
  candidate({ 姓名: '张丽', 身份证号: ID_ZHANG, 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕001号' }),
  candidate({ 姓名: '李华', 身份证号: ID_LI, 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕002号' }),
  candidate({ 姓名: '王强', 身份证号: '', 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: '玉教班〔2024〕003号' }),
  candidate({ 姓名: '赵敏', 身份证号: '', 状态: '已认定', 认定日期: excelDate('2025-03-01'), 证书编号: '玉教班〔2025〕001号' }),
  candidate({ 姓名: '孙杰', 身份证号: '', 状态: '任期届满', 认定日期: excelDate('2021-09-01'), 证书编号: '玉教班〔2021〕001号' }),
];

type LedgerValues = Partial<Record<'姓名' | '证书编号' | '身份证号' | '学年学期' | '类型' | '内容' | '日期' | '级别' | '帮带对象', unknown>>;

const ZHANG = { 姓名: '张丽', 证书编号: '玉教班〔2024〕001号' };
const LI = { 姓名: '李华', 身份证号: ID_LI.toLowerCase() };
const WANG = { 姓名: '王强' };
const on = (date: string) => excelDate(date);

/** The ledger; the comment after a row is its sheet row. */
const LEDGER: LedgerValues[] = [
  { ...ZHANG, 类型: '读书', 内容: '《给教师的建议》', 日期: on('2024-10-20'), 级别: '校级' }, // 2
  { ...ZHANG, 类型: '讲座', 内容: '班级管理', 日期: on('2024-11-05'), 级别: '县级' }, // 3
  { ...ZHANG, 类型: '公开课', 日期: on('2024-12-12') }, // 4
  { ...ZHANG, 类型: '帮带', 日期: on('2024-10-01'), 帮带对象: '甲' }, // 5
  { ...ZHANG, 类型: '结对帮带', 日期: on('2024-10-01'), 帮带对象: '乙' }, // 6
  { ...ZHANG, 类型: '读书笔记', 日期: on('2025-03-03') }, // 7
  { ...ZHANG, 类型: '讲座', 日期: on('2025-04-04') }, // 8
  { ...ZHANG, 类型: '主题班会公开课', 日期: on('2025-05-05') }, // 9
  { ...ZHANG, 类型: '结对帮带', 日期: on('2025-03-10'), 帮带对象: '丙' }, // 10
  { ...ZHANG, 类型: '结对帮带', 日期: on('2025-03-10'), 帮带对象: '丁' }, // 11
  { ...ZHANG, 类型: '结对帮带', 日期: on('2025-03-10'), 帮带对象: '戊' }, // 12
  { ...ZHANG, 类型: '结对帮带', 日期: on('2025-06-01'), 帮带对象: '甲' }, // 13 (甲 again)
  { ...ZHANG, 类型: '读书', 日期: on('2025-09-05') }, // 14
  { ...LI, 类型: '读书', 学年学期: '2024—2025学年上学期' }, // 15
  { ...LI, 类型: '讲座', 日期: on('2024-11-11') }, // 16
  { ...LI, 类型: '阅读', 日期: on('2025-02-01') }, // 17
  { ...LI, 类型: '讲座', 日期: on('2025-08-31') }, // 18
  { ...LI, 类型: '公开课', 学年学期: '2024-2025学年第2学期' }, // 19
  { ...LI, 类型: '结对帮带', 学年学期: '2024-2025学年第二学期', 帮带对象: '甲' }, // 20
  ...['读书', '讲座', '公开课'].map((kind) => ({ ...WANG, 类型: kind, 学年学期: '2024-2025学年第一学期' })), // 21-23
  ...['读书', '讲座', '公开课'].map((kind) => ({ ...WANG, 类型: kind, 学年学期: '２０２４－２０２５学年第二学期' })), // 24-26
  ...['子', '丑', '寅', '卯', '辰'].map((mentee) => ({ ...WANG, 类型: '结对', 日期: on('2025-04-01'), 帮带对象: mentee })), // 27-31
  ...['读书', '讲座', '公开课'].map((kind) => ({ ...WANG, 类型: kind, 日期: on('2025-09-01') })), // 32-34
  { 姓名: '赵敏', 类型: '讲座', 学年学期: '2024-2025学年第二学期', 日期: on('2025-09-02') }, // 35 disagree
  { 姓名: '张丽', 证书编号: '玉教班〔2024〕099号', 类型: '公开课', 日期: on('2025-09-03') }, // 36 unknown number
  { 姓名: '周某', 类型: '读书', 日期: on('2025-09-03') }, // 37 nobody
  { ...ZHANG, 类型: '家访', 日期: on('2025-09-04') }, // 38 unknown kind
  { ...ZHANG, 类型: '讲座', 日期: on('2025-09-20') }, // 39 after today
  { ...ZHANG, 类型: '结对帮带', 日期: on('2025-09-04') }, // 40 no mentee
  { 姓名: '孙杰', 类型: '读书', 日期: on('2025-09-04') }, // 41 孙杰's term ended 2024-08-31: listed, not counted
];

const TODAY = '2025-09-10';

/**
 * The expected report, by hand: 张丽 meets 2024-2025; 李华 misses 公开课 then mentees; 王强 meets all;
 * 赵敏 misses; 孙杰 (任期届满, 2021-09-01 … 2024-08-31) has six closed semesters with nothing recorded.
 */
const EXPECTED = [
  row('张丽', '玉教班〔2024〕001号', '2024-2025', '第一学期', [1, 1, 1, 2], []),
  row('张丽', '玉教班〔2024〕001号', '2024-2025', '第二学期', [1, 1, 1, 5], []),
  row('张丽', '玉教班〔2024〕001号', '2025-2026', '第一学期', [1, 0, 0, 0], ['讲座', '公开课'], true),
  row('李华', '玉教班〔2024〕002号', '2024-2025', '第一学期', [1, 1, 0, 0], ['公开课']),
  row('李华', '玉教班〔2024〕002号', '2024-2025', '第二学期', [1, 1, 1, 1], ['结对帮带']),
  row('李华', '玉教班〔2024〕002号', '2025-2026', '第一学期', [0, 0, 0, 0], ['读书', '讲座', '公开课'], true),
  row('王强', '玉教班〔2024〕003号', '2024-2025', '第一学期', [1, 1, 1, 0], []),
  row('王强', '玉教班〔2024〕003号', '2024-2025', '第二学期', [1, 1, 1, 5], []),
  row('王强', '玉教班〔2024〕003号', '2025-2026', '第一学期', [1, 1, 1, 0], [], true),
  row('赵敏', '玉教班〔2025〕001号', '2024-2025', '第二学期', [0, 1, 0, 0], ['读书', '公开课', '结对帮带']),
  row('赵敏', '玉教班〔2025〕001号', '2025-2026', '第一学期', [0, 0, 0, 0], ['读书', '讲座', '公开课'], true),
  ...['2021-2022', '2022-2023', '2023-2024'].flatMap((year) => [
    row('孙杰', '玉教班〔2021〕001号', year, '第一学期', [0, 0, 0, 0], ['读书', '讲座', '公开课'], false, '任期届满'),
    row('孙杰', '玉教班〔2021〕001号', year, '第二学期', [0, 0, 0, 0], ['读书', '讲座', '公开课', '结对帮带'], false, '任期届满'),
  ]),
];

function row(name: string, certificate: string, schoolYear: string, semester: string, [books, lectures, openClasses, mentees]: number[], missing: string[], open = false, state = '已认定') {
  return { name, certificate, schoolYear, semester, books, lectures, openClasses, mentees, ok: missing.length === 0, missing, open, state };
}

/** Writes 履职记录 rows (from row 2) with exceljs, as Excel would save them. */
async function writeLedger(path: string, rows: readonly LedgerValues[], changeSheets?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('履职记录')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  rows.forEach((values, index) => {
    for (const [header, value] of Object.entries(values)) sheet.getCell(index + 2, headers.indexOf(header) + 1).value = value as ExcelJS.CellValue;
  });
  changeSheets?.(workbook);
  await workbook.xlsx.writeFile(path);
}

async function book(name: string, rows: readonly LedgerValues[] = LEDGER, changeSheets?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const path = join(folder, name);
  await scenarioWorkbook(path, CANDIDATES, [['city@yuxi.edu.cn', '市级']]);
  await writeLedger(path, rows, changeSheets);
  return path;
}

let scenario: string;
beforeAll(async () => {
  scenario = await book('全市名单.xlsx');
});

describe.each(['UTC', 'America/Los_Angeles'])('under TZ=%s', (timeZone) => {
  test('--json prints exactly the semesters; listed rows and proposals go to stderr', () => {
    const path = join(folder, `json-${timeZone.replace('/', '-')}.xlsx`);
    copyFileSync(scenario, path);
    const result = runCli(['duties', path, '--today', TODAY, '--json'], { timeZone });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('提示：')).map((line) => /^提示：履职记录第(\d+)行/.exec(line)?.[1])).toEqual(['35', '36', '37', '38', '39', '40', '41']);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^提示：履职记录第35行：赵敏：学年学期“2024-2025学年第二学期”与日期 2025-09-02（属2025-2026学年第一学期）不一致；按学年学期计入/),
      expect.stringMatching(/^提示：履职记录第36行：张丽：证书编号“玉教班〔2024〕099号”在推荐名单中找不到/),
      expect.stringMatching(/^提示：履职记录第37行：周某：推荐名单中没有叫“周某”的已认定人员/),
      expect.stringMatching(/^提示：履职记录第38行：张丽：类型“家访”无法识别/),
      expect.stringMatching(/^提示：履职记录第39行：张丽：日期 2025-09-20 晚于今天/),
      expect.stringMatching(/^提示：履职记录第40行：张丽：类型为“结对帮带”但帮带对象为空/),
      expect.stringMatching(/^提示：履职记录第41行：孙杰（玉教班〔2021〕001号）的这条记录属2025-2026学年第一学期，晚于任期届满（2024-08-31）；不计入/),
    ]));
    expect(lines.filter((line) => line.startsWith('建议：'))).toEqual([
      expect.stringMatching(/^建议：推荐名单第3行 李华（玉教班〔2024〕002号）：2024-2025学年第一学期未完成公开课；2024-2025学年第二学期未完成结对帮带（已帮带1名，需5名）。按方案六（四）5“年度履职考核不合格的”，可由市级决定取消资格：banzhuren advance .* --rows 3 --to 已取消 --reason "六（四）5"/),
      expect.stringMatching(/^建议：推荐名单第5行 赵敏（玉教班〔2025〕001号）：2024-2025学年第二学期未完成读书、公开课、结对帮带（已帮带0名，需5名）/),
    ]);
    // The command names this workbook, ready to run.
    expect(result.stderr).toContain(`banzhuren advance ${path} --rows 3 --to 已取消 --reason "六（四）5" --as 市级邮箱`);
  });
});

test('the 履职情况 sheet holds the table, the listed rows and the proposals, never an ID or phone number', async () => {
  const path = join(folder, 'sheet.xlsx');
  copyFileSync(scenario, path);
  const result = runCli(['duties', path, '--today', TODAY]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('李华（玉教班〔2024〕002号，已认定）2024-2025学年第一学期：读书1 讲座1 公开课0 帮带0人；未完成；缺少公开课');
  expect(result.stdout).toMatch(/^建议：推荐名单第3行 李华/m);
  const { rows } = await readSheet(path, '履职情况');
  expect(rows[2]).toEqual(['姓名', '证书编号', '状态', '学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成', '缺少']);
  expect(rows.slice(3, 3 + EXPECTED.length).map((cells) => cells.slice(0, 11))).toEqual(
    EXPECTED.map((status) => [
      status.name, status.certificate, status.state, status.schoolYear, status.semester, status.books, status.lectures, status.openClasses, status.mentees,
      status.open ? (status.ok ? '已完成（本学期进行中）' : '进行中') : status.ok ? '完成' : '未完成',
      status.missing.length > 0 ? status.missing.join('、') : '',
    ].map((cell) => (cell === '' ? undefined : cell))),
  );
  const text = rows.flat().map(String).join('\n');
  expect(text).toMatch(/履职记录第37行：周某/);
  expect(text).toMatch(/推荐名单第5行 赵敏（玉教班〔2025〕001号）：2024-2025学年第二学期未完成读书、公开课、结对帮带/);
  for (const secret of [ID_ZHANG, ID_LI, ID_LI.toLowerCase(), PHONE]) {
    expect(text).not.toContain(secret);
    expect(result.stdout + result.stderr).not.toContain(secret);
  }
  // Nothing changed since: the file is not written again.
  const before = readFileSync(path);
  expect(runCli(['duties', path, '--today', TODAY]).code).toBe(0);
  expect(readFileSync(path).equals(before)).toBe(true);
});

test('the service calls are the same for 10 and 2,000 ledger rows', async () => {
  const many = (count: number) => Array.from({ length: count }, (_, index) => ({ ...ZHANG, 类型: ['读书', '讲座', '公开课', '结对帮带'][index % 4], 日期: on('2025-03-03'), 帮带对象: `对象${index}` }));
  const small = await book('small.xlsx', many(10));
  const large = await book('large.xlsx', many(2_000));
  const smallRun = runCli(['duties', small, '--today', TODAY, '--json', '--stats']);
  const largeRun = runCli(['duties', large, '--today', TODAY, '--json', '--stats']);
  expect(smallRun.code).toBe(0);
  expect(largeRun.code).toBe(0);
  expect(JSON.parse(largeRun.stdout)[1]).toMatchObject({ name: '张丽', schoolYear: '2024-2025', semester: '第二学期', books: 500, mentees: 500, ok: true });
  expect(statsOf(largeRun).calls).toEqual(statsOf(smallRun).calls);
  expect(statsOf(largeRun).calls['Range.setValues']).toBe(1);
});

test('changed semester starts in 设置 move a row to the other semester; a bad value names its 设置 row', async () => {
  const path = await book('settings.xlsx', [{ ...WANG, 类型: '读书', 日期: on('2025-02-10') }], (workbook) => {
    const settings = workbook.getWorksheet('设置')!;
    settings.eachRow((cells) => {
      if (cells.getCell(1).value === '第二学期开始') cells.getCell(2).value = '2-20';
    });
  });
  const result = runCli(['duties', path, '--today', '2025-03-01', '--json']);
  const wang = (JSON.parse(result.stdout) as { name: string; semester: string; books: number }[]).filter((status) => status.name === '王强');
  // With 第二学期 from 2-20, 2025-02-10 is still in 第一学期.
  expect(wang.map((status) => [status.semester, status.books])).toEqual([['第一学期', 1], ['第二学期', 0]]);

  const bad = await book('bad-settings.xlsx', [], (workbook) => {
    const settings = workbook.getWorksheet('设置')!;
    settings.eachRow((cells, rowNumber) => {
      if (cells.getCell(1).value === '第一学期开始') cells.getCell(2).value = `9月31日`;
      if (cells.getCell(1).value === '第一学期开始') expect(rowNumber).toBeGreaterThan(1);
    });
  });
  const refused = runCli(['duties', bad, '--today', '2025-03-01']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/设置第\d+行：第一学期开始“9月31日”不是月-日/);
});

test('a book without 履职记录, or with its header row gone, is told to run 初始化表格 and gets no report', async () => {
  const path = await book('old.xlsx', [], (workbook) => workbook.removeWorksheet(workbook.getWorksheet('履职记录')!.id));
  const result = runCli(['duties', path, '--today', TODAY]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('找不到工作表“履职记录”：请先在菜单中运行“初始化表格”（或 banzhuren init）');

  const headless = await book('headless.xlsx', [{ ...ZHANG, 类型: '读书', 日期: on('2024-10-20') }], (workbook) => workbook.getWorksheet('履职记录')!.spliceRows(1, 1));
  const refused = runCli(['duties', headless, '--today', TODAY]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/工作表“履职记录”的前10行中没有表头行（须含“姓名”（也认[^）]*）、“类型”（也认“活动类型”“履职类型”））/);
  expect((await readSheet(headless, '履职记录')).rows).toHaveLength(1);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(headless);
  expect(workbook.getWorksheet('履职情况')).toBeUndefined();
});

test('a new user\'s ledger: 活动类型/结对对象 headers, several mentees in one cell, a spaced name, an ID number Excel turned into a number', async () => {
  const path = await book(
    'trial.xlsx',
    [
      { ...ZHANG, 类型: '结对帮带', 日期: on('2025-03-10'), 帮带对象: '赵一、钱二、孙三\n王 小明' }, // 2
      { ...ZHANG, 类型: '结对帮带', 日期: on('2025-03-11'), 帮带对象: '王小明、阿依·木合' }, // 3
      { 姓名: '王 强', 类型: '读书', 日期: on('2025-03-12') }, // 4
      { 姓名: '李华', 身份证号: 110105194912310000, 类型: '读书', 日期: on('2025-03-12') }, // 5
    ],
    (workbook) => {
      const header = workbook.getWorksheet('履职记录')!.getRow(1);
      header.eachCell((cell) => {
        if (cell.value === '类型') cell.value = '活动类型';
        if (cell.value === '帮带对象') cell.value = '结对对象';
      });
    },
  );
  const result = runCli(['duties', path, '--today', TODAY, '--json']);
  expect(result.code).toBe(0);
  const semesters = JSON.parse(result.stdout) as { name: string; schoolYear: string; semester: string; mentees: number; books: number }[];
  const find = (name: string) => semesters.find((status) => status.name === name && status.schoolYear === '2024-2025' && status.semester === '第二学期');
  // 赵一 钱二 孙三 王小明 阿依·木合.
  expect(find('张丽')?.mentees).toBe(5);
  expect(find('王强')?.books).toBe(1);
  expect(find('李华')?.books).toBe(0);
  expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('提示：'))).toEqual([
    expect.stringMatching(/^提示：履职记录第5行：李华：身份证号一栏存的是数字.*请把“身份证号”列设为纯文本格式后重新输入此行的身份证号；此行未计入$/),
  ]);
  expect(result.stderr).not.toMatch(/1101051949|E\+17/i);
});

test('wrong arguments exit 2', () => {
  expect(runCli(['duties', scenario, '--sheet', '设置']).code).toBe(2);
  expect(runCli(['duties']).code).toBe(2);
  expect(runCli(['duties', scenario, '--today', '2025-02-30']).code).toBe(2);
});

test('生成履职情况 from the menu writes the sheet and says what it found; a book without 履职记录 is told what to do', async () => {
  const { openWorkbookRuntime } = await import('../../local/workbook-runtime');
  const { CallCounter } = await import('../../local/runtime/call-counter');
  const menu = async (path: string) => {
    const runtime = await openWorkbookRuntime({ path, today: TODAY, counter: new CallCounter(), print: () => undefined });
    try {
      runtime.bundle.call('makeDutyReport');
      return runtime.ui.alerts.pop();
    } finally {
      runtime.close();
    }
  };
  expect(await menu(scenario)).toBe(
    '生成履职情况\n已写入“履职情况”（截至 2025-09-10）：5 位人员（已认定 4、任期届满 1），17 个学期（已结束的学期完成 4、未完成 9；本学期进行中 4（已完成 1））。\n' +
      '需要核对的履职记录 7 条，见“履职情况”表下方。\n取消资格建议 2 条（六（四）5，仅为建议，由市级决定）。',
  );
  const old = await book('old-menu.xlsx', [], (workbook) => workbook.removeWorksheet(workbook.getWorksheet('履职记录')!.id));
  expect(await menu(old)).toBe('生成履职情况\n找不到工作表“履职记录”：请先在菜单中运行“初始化表格”（或 banzhuren init）创建它，再按活动逐行填写履职记录');
});

test('DUTY_STATUS in a cell: one teacher\'s semester from the ledger range, by certificate number', async () => {
  const { openWorkbookRuntime } = await import('../../local/workbook-runtime');
  const { CallCounter } = await import('../../local/runtime/call-counter');
  const runtime = await openWorkbookRuntime({ path: scenario, today: TODAY, counter: new CallCounter(), print: () => undefined, readOnly: true });
  try {
    const day = (date: string) => new runtime.bundle.realm.Date(`${date}T00:00:00+08:00`);
    const A = '玉教班〔2024〕001号';
    const ledger = [
      ['姓名', '证书编号', '学年学期', '类型', '日期', '帮带对象'],
      ['张丽', A, '', '读书', day('2024-10-20'), ''],
      ['张丽', A, '2024-2025学年第一学期', '讲座', '', ''],
      ['张丽', A, '', '公开课', day('2025-01-31'), ''],
      ['张丽', A, '', '结对帮带', day('2024-11-01'), '甲'],
      ['张丽', A, '', '结对帮带', day('2025-03-01'), '乙'],
      ['李华', '玉教班〔2024〕002号', '', '读书', day('2025-02-01'), ''],
    ];
    const call = (...args: unknown[]) => runtime.bundle.call('DUTY_STATUS', ...args);
    expect(call(A, '2024-2025学年第一学期', ledger)).toBe('完成');
    // A certificate number typed with full-width digits is the same number.
    expect(call('玉教班〔２０２４〕００１号', '2024-2025学年第一学期', ledger)).toBe('完成');
    expect(call(A, '2024-2025学年第二学期', ledger)).toBe('未完成：缺少读书、讲座、公开课、结对帮带（已帮带2名，需5名）');
    expect(call([[A], ['玉教班〔2024〕002号'], ['']], '2024-2025学年下学期', ledger)).toEqual([
      ['未完成：缺少读书、讲座、公开课、结对帮带（已帮带2名，需5名）'],
      ['未完成：缺少讲座、公开课、结对帮带（已帮带0名，需5名）'],
      [''],
    ]);
    expect(call(A, '2025-2026学年第一学期', ledger)).toBe('进行中：缺少读书、讲座、公开课');
    expect(() => call(A, '2024年秋', ledger)).toThrow('学年学期“2024年秋”无法识别');
    // With 设置 saying 第二学期 starts on 2-20, the 2025-02-01 读书 of 002 is in 第一学期.
    const settings = [['设置项', '值'], ['第一学期开始', '9-1'], ['第二学期开始', '2-20']];
    expect(call('玉教班〔2024〕002号', '2024-2025学年第一学期', ledger, settings)).toBe('未完成：缺少讲座、公开课');
    expect(call('玉教班〔2024〕002号', '2024-2025学年第一学期', ledger)).toBe('未完成：缺少读书、讲座、公开课');
    expect(() => call(A, '2024-2025学年第一学期', ledger, [['第一学期开始', '9-31']])).toThrow('设置第1行：第一学期开始“9-31”不是月-日');
  } finally {
    runtime.close();
  }
});
