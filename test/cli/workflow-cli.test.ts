/**
 * The review workflow end to end (SPEC §4) with `banzhuren advance`, `publicity-list`, `log` and
 * `daily`: county and city officials of several counties, a 市直学校 row, refusals, a publicity
 * across the National Day holiday, an objection, a cancellation, and two processes at once. The
 * workbook must end with exactly the states, dates, numbers and log rows SPEC §4 implies.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli, statsOf } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';
const JIANGCHUAN = 'jc@yuxi.edu.cn';
const SCHOOL = 'school@yuxi.edu.cn';
const PERMISSIONS: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区'], [JIANGCHUAN, '江川区'], [SCHOOL, '学校', '玉溪第一中学']];

const folder = temporaryFolder();
const book = join(folder, '全市推荐名单.xlsx');

/** `banzhuren advance` on the scenario book. */
function advance(rows: string, to: string, as: string, today: string, extra: string[] = []) {
  return runCli(['advance', book, '--rows', rows, '--to', to, '--as', as, '--today', today, ...extra]);
}

/** The nomination sheet as header → value per data row. */
async function nominations(): Promise<Record<string, unknown>[]> {
  const { rows } = await readSheet(book, '推荐名单');
  const headers = rows[0] as string[];
  return rows.slice(1).map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? ''])));
}

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    [
      candidate({ 姓名: '张丽' }), // 2 红塔区
      candidate({ 姓名: '李华', '县（市、区）': '江川区', 学校: '江川一小', 学段: '小学' }), // 3 江川区
      candidate({ 姓名: '王强', '县（市、区）': '市直学校', 学校: '玉溪师范学院附属中学' }), // 4 市直学校
      candidate({ 姓名: '赵敏', 班主任累计年限: '4年' }), // 5 红塔区, not eligible
      candidate({ 姓名: '孙杰', 申报类别: '名班主任', 近5年考核: '合格、优秀、合格、合格、合格', 科研级别: '县级' }), // 6 红塔区
    ],
    PERMISSIONS,
  );
});

test('the whole procedure, with every refusal explained', async () => {
  // County review: each county only on its own rows; ineligible rows refused with the reason.
  let result = advance('2-6', '初审通过', HONGTA, '2024-09-02');
  expect(result.code).toBe(3);
  expect(result.stdout.trim().split('\n')).toEqual(['第2行 张丽：学校推荐→初审通过', '第6行 孙杰：学校推荐→初审通过']);
  const refusals = result.stderr.trim().split('\n');
  expect(refusals).toHaveLength(3);
  expect(refusals[0]).toMatch(/^第3行：“学校推荐→初审通过”须由该行所在县（江川区）的账号操作/);
  expect(refusals[1]).toMatch(/^第4行：不能从“学校推荐”改为“初审通过”；从“学校推荐”可以改为：评审通过（市级）、评审未通过（市级）/);
  expect(refusals[2]).toMatch(/^第5行：资格审查（按 2024-09-02）为“不符合”：四（一）：班主任累计年限“4年”不足5年/);
  expect(advance('5', '初审未通过', HONGTA, '2024-09-02').stderr).toContain('须填写理由');
  expect(advance('5', '初审未通过', HONGTA, '2024-09-02', ['--reason', '=年限不足5年']).code).toBe(0);
  expect(advance('3', '初审通过', JIANGCHUAN, '2024-09-03').code).toBe(0);

  // Nobody else may act: a school, an unknown email, a county on a city step.
  expect(advance('2', '评审通过', SCHOOL, '2024-09-10').stderr).toContain('须由市级账号操作，你的角色是：学校（玉溪第一中学）');
  expect(advance('2', '评审通过', 'stranger@example.com', '2024-09-10').stderr).toContain('邮箱“stranger@example.com”不在“权限”表中');
  expect(advance('2', '评审通过', HONGTA, '2024-09-10').code).toBe(3);

  // City review: the 市直学校 row straight from 学校推荐.
  result = advance('2,3,4,6', '评审通过', CITY, '2024-09-20');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);

  // Publicity from Friday 2024-09-27 over National Day: ends 2024-10-09.
  result = advance('2-4,6', '公示中', CITY, '2024-09-26', ['--start', '2024-09-27']);
  expect(result.code).toBe(0);
  expect(advance('2', '公示中', CITY, '2024-09-26', ['--start', '2024-09-27']).stderr).toContain('不能从“公示中”改为“公示中”');
  let sheet = await nominations();
  expect(sheet.slice(0, 3).map((row) => [row['状态'], row['公示开始'], row['公示截止']])).toEqual([
    ['公示中', '2024-09-27', '2024-10-09'],
    ['公示中', '2024-09-27', '2024-10-09'],
    ['公示中', '2024-09-27', '2024-10-09'],
  ]);

  // The publicity list: only the six public columns and the period; no personal data anywhere.
  expect(runCli(['publicity-list', book]).stdout).toContain('公示期：2024年9月27日至2024年10月9日（5个工作日）');
  const list = await readSheet(book, '公示名单 2024-09-27至2024-10-09');
  expect(list.rows[1]?.[0]).toBe('公示期：2024年9月27日至2024年10月9日（5个工作日）');
  expect(list.rows[2]).toEqual(['序号', '姓名', '性别', '学校', '县（市、区）', '学段', '申报类别']);
  expect(list.rows.slice(3, 7).map((row) => row.slice(0, 2))).toEqual([[1, '张丽'], [2, '李华'], [3, '王强'], [4, '孙杰']]);
  const listText = JSON.stringify(list.rows);
  for (const secret of ['11010519491231002X', '13812345678', 'zhangli@example.com']) expect(listText).not.toContain(secret);

  // An objection on row 6, resolved back to 评审通过.
  expect(advance('6', '公示有异议', CITY, '2024-09-30').stderr).toContain('须填写理由');
  expect(advance('6', '公示有异议', CITY, '2024-09-30', ['--reason', '收到实名举报']).code).toBe(0);
  expect(advance('6', '评审通过', CITY, '2024-10-08', ['--reason', '经核实举报不属实']).code).toBe(0);

  // Award: refused on the last day of publicity, allowed the day after; numbers in order.
  result = advance('2-4', '已认定', CITY, '2024-10-09');
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('公示截止日为 2024-10-09，须在其后（2024-10-10 起）才能认定');
  expect(advance('2-4', '已认定', CITY, '2024-10-10').code).toBe(0);
  sheet = await nominations();
  expect(sheet.slice(0, 3).map((row) => [row['状态'], row['认定日期'], row['证书编号']])).toEqual([
    ['已认定', '2024-10-10', '玉教班〔2024〕001号'],
    ['已认定', '2024-10-10', '玉教班〔2024〕002号'],
    ['已认定', '2024-10-10', '玉教班〔2024〕003号'],
  ]);

  // Cancellation needs a 六（四） item; a number once given is never given again.
  expect(advance('3', '已取消', CITY, '2024-11-01', ['--reason', '表现不好']).stderr).toContain('六（四）1–6');
  expect(advance('3', '已取消', CITY, '2024-11-01', ['--reason', '六（四）6：弄虚作假（玉教发〔2024〕3号）']).code).toBe(0);
  expect(advance('6', '公示中', CITY, '2024-11-01', ['--start', '2024-11-04']).code).toBe(0);
  expect(advance('6', '已认定', CITY, '2024-11-11').code).toBe(0);
  sheet = await nominations();
  expect(sheet[1]?.['状态']).toBe('已取消');
  expect(sheet[1]?.['证书编号']).toBe('玉教班〔2024〕002号');
  expect(sheet[4]?.['证书编号']).toBe('玉教班〔2024〕004号');
  expect(sheet[4]?.['公示截止']).toBe('2024-11-08');

  // Term expiry: the daily job, only once TERM_END has passed.
  expect(runCli(['daily', book, '--today', '2027-10-09']).stdout).toContain('没有任期届满的行');
  expect(runCli(['daily', book, '--today', '2027-10-10']).stdout.trim().split('\n')).toEqual(['第2行 张丽：已认定→任期届满', '第4行 王强：已认定→任期届满']);

  // The log: one row per change, in order, reasons stored as text.
  const log = JSON.parse(runCli(['log', book, '--json']).stdout) as { time: string; email: string; row: number; name: string; from: string; to: string; reason: string }[];
  expect(log.map((entry) => `${entry.row}:${entry.from}→${entry.to}`)).toEqual([
    '2:学校推荐→初审通过', '6:学校推荐→初审通过', '5:学校推荐→初审未通过', '3:学校推荐→初审通过',
    '2:初审通过→评审通过', '3:初审通过→评审通过', '4:学校推荐→评审通过', '6:初审通过→评审通过',
    '2:评审通过→公示中', '3:评审通过→公示中', '4:评审通过→公示中', '6:评审通过→公示中',
    '6:公示中→公示有异议', '6:公示有异议→评审通过',
    '2:公示中→已认定', '3:公示中→已认定', '4:公示中→已认定',
    '3:已认定→已取消', '6:评审通过→公示中', '6:公示中→已认定',
    '2:已认定→任期届满', '4:已认定→任期届满',
  ]);
  expect(log[2]).toMatchObject({ email: HONGTA, name: '赵敏', reason: '=年限不足5年', time: '2024-09-02 09:00:00' });
  expect(log[8]?.reason).toBe('公示期：2024年9月27日至2024年10月9日（5个工作日）');
  expect(log[20]).toMatchObject({ email: '（每日定时任务）', reason: '每日定时任务：任期至 2027-10-09，已届满' });
  expect(JSON.stringify(log)).not.toContain('11010519491231002X');
});

test('two officials acting at once never move a row twice nor lose a log row', async () => {
  const shared = join(folder, 'concurrent.xlsx');
  await scenarioWorkbook(shared, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙', '县（市、区）': '江川区' })], PERMISSIONS);
  const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');
  const run = (rows: string, as: string) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, 'advance', shared, '--rows', rows, '--to', '初审通过', '--as', as, '--today', '2024-09-02'], { stdio: 'ignore' });
      child.on('exit', resolve);
    });
  const codes = await Promise.all([run('2-3', HONGTA), run('2-3', HONGTA), run('4', JIANGCHUAN)]);
  expect(codes.sort()).toEqual([0, 0, 3]);
  const log = JSON.parse(runCli(['log', shared, '--json']).stdout) as { row: number }[];
  expect(log.map((entry) => entry.row).sort()).toEqual([2, 3, 4]);
});

test('moving 500 rows costs the same service calls as moving one', async () => {
  const large = join(folder, 'large.xlsx');
  await scenarioWorkbook(large, Array.from({ length: 501 }, (_, index) => candidate({ 姓名: `教师${index}` })), PERMISSIONS);
  const one = statsOf(runCli(['advance', large, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02', '--stats']));
  const many = statsOf(runCli(['advance', large, '--rows', '3-502', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02', '--stats']));
  expect(many).toEqual(one);
  expect(one.calls['Range.getValues']).toBe(2); // 推荐名单 and 权限, once each
  // Only the changed cells are written: one setValues per block of adjacent moved rows × adjacent
  // output columns (状态 and 最后操作 are not adjacent: two blocks), and one for the log.
  expect(one.calls['Range.setValues']).toBe(3);
});

test('bad arguments exit 2 with one line', () => {
  for (const [args, message] of [
    [['--rows', '1-3', '--to', '初审通过', '--as', HONGTA], '行号从 2 开始'],
    [['--rows', 'a', '--to', '初审通过', '--as', HONGTA], '--rows 应形如 2,5-7'],
    [['--rows', '2', '--as', HONGTA], '缺少 --to'],
    [['--rows', '2', '--to', '初审通过'], '缺少 --as'],
    [['--rows', '2', '--to', '公示中', '--as', CITY, '--start', '9月27日'], '--start 应为 YYYY-MM-DD'],
  ] as [string[], string][]) {
    const result = runCli(['advance', book, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  }
  const bad = runCli(['advance', book, '--rows', '2', '--to', '通过', '--as', CITY]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--to 的状态“通过”无效');
});

test('a row outside the data is named once, and a sheet without data rows says so', async () => {
  const empty = join(folder, 'empty.xlsx');
  await scenarioWorkbook(empty, [], PERMISSIONS);
  const none = runCli(['advance', empty, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-02']);
  expect(none.code).toBe(3);
  expect(none.stderr.trim()).toBe('第2行：不在数据范围内：表格在表头以下还没有数据行');
  const beyond = advance('9', '初审通过', HONGTA, '2024-09-02');
  expect(beyond.code).toBe(3);
  expect(beyond.stderr.trim()).toBe('第9行：不在数据范围内（数据行为第2行至第6行）');
});

test('certificate numbers that look like numbers stay text, also when rewritten beside a new award', async () => {
  const dated = join(folder, 'pattern.xlsx');
  await scenarioWorkbook(dated, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙' })], PERMISSIONS);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(dated);
  workbook.getWorksheet('设置')!.getCell('B3').value = '{year}{seq:000}';
  await workbook.xlsx.writeFile(dated);
  const step = (rows: string, to: string, as: string, today: string, extra: string[] = []) =>
    runCli(['advance', dated, '--rows', rows, '--to', to, '--as', as, '--today', today, ...extra]);
  expect(step('2-4', '初审通过', HONGTA, '2024-09-02').code).toBe(0);
  expect(step('2-4', '评审通过', CITY, '2024-09-10').code).toBe(0);
  expect(step('3', '公示中', CITY, '2024-09-11', ['--start', '2024-09-12']).code).toBe(0);
  expect(step('3', '已认定', CITY, '2024-09-25').code).toBe(0);
  expect(step('2,4', '公示中', CITY, '2024-09-26', ['--start', '2024-09-27']).code).toBe(0);
  expect(step('2,4', '已认定', CITY, '2024-10-10').code).toBe(0);
  const { rows } = await readSheet(dated, '推荐名单');
  const column = (rows[0] as string[]).indexOf('证书编号');
  expect(rows.slice(1, 4).map((row) => row[column])).toEqual(['2024002', '2024001', '2024003']);
});
