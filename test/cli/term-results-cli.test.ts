/**
 * The term-end assessment (六（二）) end to end with `banzhuren term-results`, `daily`, `log` and
 * `check`: awarded teachers reach 任期届满, are listed until the city records 优秀/合格/不合格 (a
 * county, a stranger, a 学校推荐 row and bad arguments are refused), every recording is logged, and
 * in a later round a new row for the same person (same 身份证号, x or X) is checked with that
 * result: 不合格 bars for one term, 合格 gives 优先推荐, 优秀 also 优先推荐省级, a contradicting typed
 * 上届考核结果 is 待核实. The check stays flat in the number of rows.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { runCli, statsOf } from '../support/cli';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { PROCESS_TIME_ZONES } from '../support/time-zones';
import { excelDate, readSheet, temporaryFolder, writeWorkbook } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';
const JIANGCHUAN = 'jc@yuxi.edu.cn';
const PERMISSIONS: [string, string, string?][] = [[CITY, '市级'], [HONGTA, '红塔区'], [JIANGCHUAN, '江川区']];

/** Valid 身份证号 (GB 11643 check digits), one per person. */
const ZHANG = '11010519491231002X';
const LI = '530421198102022344';
const WANG = '530400198203033454';
const SUN = '53030219850505678X';

const folder = temporaryFolder();
const book = join(folder, '全市推荐名单.xlsx');

/** An awarded row, as the workflow leaves it (状态 已认定, 认定日期, 证书编号). */
function awarded(changes: Record<string, unknown>, number: string): Record<string, unknown> {
  return candidate({ 状态: '已认定', 认定日期: excelDate('2024-10-10'), 证书编号: number, ...changes });
}

/** `banzhuren term-results` recording rows on the book. */
function record(rows: string, result: string, as: string | undefined, today: string, extra: string[] = []) {
  return runCli(['term-results', book, '--rows', rows, '--result', result, ...(as === undefined ? [] : ['--as', as]), '--today', today, ...extra]);
}

/** The nomination sheet as header → value per data row. */
async function nominations(path = book): Promise<Record<string, unknown>[]> {
  const { rows } = await readSheet(path, '推荐名单');
  const headers = rows[0] as string[];
  return rows.slice(1).map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? ''])));
}

/** Appends rows to 推荐名单 below the last one, by header (as an official types a new round in). */
async function appendRows(path: string, rows: Record<string, unknown>[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const first = sheet.actualRowCount + 1;
  rows.forEach((row, index) => {
    for (const [header, value] of Object.entries(row)) sheet.getCell(first + index, headers.indexOf(header) + 1).value = value as ExcelJS.CellValue;
  });
  await workbook.xlsx.writeFile(path);
}

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    [
      awarded({ 姓名: '张丽', 身份证号: ZHANG }, '玉教班〔2024〕001号'), // 2 红塔区
      awarded({ 姓名: '李华', 身份证号: LI, '县（市、区）': '江川区', 学校: '江川一小', 学段: '小学' }, '玉教班〔2024〕002号'), // 3
      awarded({ 姓名: '王强', 身份证号: WANG, '县（市、区）': '市直学校', 学校: '玉溪师范学院附属中学' }, '玉教班〔2024〕003号'), // 4
      candidate({ 姓名: '赵敏', 身份证号: '530402198001011233' }), // 5 学校推荐
      awarded({ 姓名: '孙杰', 身份证号: SUN }, '玉教班〔2025〕001号'), // 6, awarded later
    ],
    PERMISSIONS,
  );
  await setAward(6, '2025-10-10');
});

/** Sets a row's 认定日期. */
async function setAward(row: number, date: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  sheet.getCell(row, headers.indexOf('认定日期') + 1).value = excelDate(date);
  await workbook.xlsx.writeFile(book);
}

/** A column's width in pixels as Excel shows it (no width of its own: Excel's default, 64 px). */
function widthInPixels(sheet: ExcelJS.Worksheet, column: number): number {
  const width = sheet.getColumn(column).width;
  return width === undefined ? 64 : Math.trunc(7 * width + 0.5);
}

test('init adds the three term columns at the right end of an older sheet, with a dropdown and a date width', async () => {
  const { rows } = await readSheet(book, '推荐名单');
  const headers = rows[0] as string[];
  expect(headers.slice(-4)).toEqual(['最后操作', '任期考核结果', '任期考核日期', '优先推荐']);
  const older = join(folder, 'older.xlsx');
  const oldHeaders = headers.slice(0, -3);
  await writeWorkbook(older, '推荐名单', [oldHeaders, oldHeaders.map((header) => (header === '姓名' ? '张丽' : ''))]);
  expect(runCli(['init', older]).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(older);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const after = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(after).toEqual(headers);
  const resultColumn = after.indexOf('任期考核结果') + 1;
  expect(sheet.getCell(2, resultColumn).dataValidation.formulae).toEqual(['"优秀,合格,不合格"']);
  expect(widthInPixels(sheet, after.indexOf('任期考核日期') + 1)).toBe(110);
  expect(sheet.getCell(2, 2).value).toBe('张丽');
  // Officials may type a result decided on paper: no edit warning on those two columns, one on 优先推荐.
  const state = workbook.getWorksheet('_banzhuren')!;
  const warned: string[] = [];
  state.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''));
    if (cells[0] === 'protection') warned.push((JSON.parse(cells.slice(3).join('')) as { description: string }).description);
  });
  expect(warned.filter((description) => /（(?:任期考核结果|任期考核日期|优先推荐)）$/u.test(description))).toEqual([expect.stringMatching(/（优先推荐）$/u)]);
});

test('listing, recording by the city only, the log, and the effects in the next round', async () => {
  // Before the term ends: nothing missing; within 60 days the three 2024 rows are upcoming.
  let result = runCli(['term-results', book, '--today', '2027-08-01']);
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe('没有任期届满而未记录任期考核结果的行');
  result = runCli(['term-results', book, '--today', '2027-08-15', '--json']);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual([
    { row: 2, name: '张丽', certificate: '玉教班〔2024〕001号', state: '已认定', termEnd: '2027-10-09', result: '', resultDate: '' },
    { row: 3, name: '李华', certificate: '玉教班〔2024〕002号', state: '已认定', termEnd: '2027-10-09', result: '', resultDate: '' },
    { row: 4, name: '王强', certificate: '玉教班〔2024〕003号', state: '已认定', termEnd: '2027-10-09', result: '', resultDate: '' },
  ]);

  // The daily job ends the terms; now they are missing a result: exit 3, no personal data shown.
  expect(runCli(['daily', book, '--today', '2027-10-10']).code).toBe(0);
  result = runCli(['term-results', book, '--today', '2027-10-10']);
  expect(result.code).toBe(3);
  expect(result.stdout.trim().split('\n')).toEqual([
    '任期届满、未记录任期考核结果：3 行',
    '  第2行 张丽 证书编号 玉教班〔2024〕001号 任期 2024-10-10至2027-10-09',
    '  第3行 李华 证书编号 玉教班〔2024〕002号 任期 2024-10-10至2027-10-09',
    '  第4行 王强 证书编号 玉教班〔2024〕003号 任期 2024-10-10至2027-10-09',
  ]);
  for (const secret of [ZHANG, LI, WANG, '13812345678']) expect(result.stdout + result.stderr).not.toContain(secret);

  // Refusals: a county in a city workbook, a stranger, a 学校推荐 row, a term not ending soon; bad arguments.
  result = record('2', '优秀', HONGTA, '2027-10-12');
  expect(result.code).toBe(3);
  expect(result.stderr.trim()).toBe('第2行：记录任期考核结果须由市级账号操作（方案六（二）：由市、县（区）教育体育局分别考核）');
  expect(record('2', '优秀', 'stranger@example.com', '2027-10-12').stderr.trim()).toBe('第2行：邮箱“stranger@example.com”不在“权限”表中，不能执行任何操作');
  result = record('5-6', '合格', CITY, '2027-10-12');
  expect(result.code).toBe(3);
  expect(result.stderr.trim().split('\n')).toEqual([
    '第5行：状态为“学校推荐”：只有“任期届满”的行，或任期在60天内届满的“已认定”行，才能记录任期考核结果',
    '第6行：任期至 2028-10-09，2028-08-10 起才能记录任期考核结果（只有“任期届满”的行，或任期在60天内届满的“已认定”行，才能记录任期考核结果）',
  ]);
  expect(record('2', '良好', CITY, '2027-10-12')).toMatchObject({ code: 2, stderr: expect.stringContaining('--result 的“良好”无效，应为：优秀、合格、不合格') });
  expect(record('2', '优秀', undefined, '2027-10-12')).toMatchObject({ code: 2, stderr: expect.stringContaining('缺少 --as') });
  expect(runCli(['term-results', book, '--rows', '2', '--as', CITY])).toMatchObject({ code: 2, stderr: expect.stringContaining('缺少 --result') });
  expect(record('2', '优秀', CITY, '2027-10-12', ['--date', '2027-10-13'])).toMatchObject({ code: 2, stderr: expect.stringContaining('晚于今天') });
  expect(runCli(['term-results', book, '--result', '优秀', '--as', CITY]).code).toBe(2);
  let sheet = await nominations();
  expect(sheet.slice(0, 5).map((row) => row['任期考核结果'])).toEqual(['', '', '', '', '']);

  // The city records: 优秀 (today), 不合格 on its own date, 合格; then 合格 replaced by 优秀.
  result = record('2', '优秀', CITY, '2027-10-12');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout.trim()).toBe('第2行 张丽：任期考核结果为“优秀”（2027-10-12）');
  expect(record('3', '不合格', CITY, '2027-10-12', ['--date', '2027-10-09', '--reason', '玉教体〔2027〕12号']).code).toBe(0);
  expect(record('4', '合格', CITY, '2027-10-12').code).toBe(0);
  // Replacing a recorded result needs a reason: refused without one, nothing written.
  result = record('4', '优秀', CITY, '2027-10-15');
  expect(result).toMatchObject({ code: 3, stdout: '' });
  expect(result.stderr.trim()).toBe('第4行：已记录任期考核结果“合格”，改为“优秀”须写明理由（--reason，或菜单中的“说明”）');
  result = record('4', '优秀', CITY, '2027-10-15', ['--reason', '复核']);
  expect(result.stdout.trim()).toBe('第4行 王强：任期考核结果由“合格”改为“优秀”（2027-10-15）');
  sheet = await nominations();
  expect(sheet.slice(0, 3).map((row) => [row['状态'], row['任期考核结果'], row['任期考核日期'], row['最后操作']])).toEqual([
    ['任期届满', '优秀', '2027-10-12', `2027-10-12 ${CITY}：任期考核：优秀（2027-10-12）`],
    ['任期届满', '不合格', '2027-10-09', `2027-10-12 ${CITY}：任期考核：不合格（2027-10-09）`],
    ['任期届满', '优秀', '2027-10-15', `2027-10-15 ${CITY}：任期考核：合格改为优秀（2027-10-15）`],
  ]);
  const log = (JSON.parse(runCli(['log', book, '--json']).stdout) as { email: string; row: number; from: string; to: string; reason: string }[]).slice(-4);
  expect(log.map(({ email, row, from, to, reason }) => [email, row, from, to, reason])).toEqual([
    [CITY, 2, '任期届满', '任期届满', '任期考核：优秀（2027-10-12）'],
    [CITY, 3, '任期届满', '任期届满', '任期考核：不合格（2027-10-09）；玉教体〔2027〕12号'],
    [CITY, 4, '任期届满', '任期届满', '任期考核：合格（2027-10-12）'],
    [CITY, 4, '任期届满', '任期届满', '任期考核：合格改为优秀（2027-10-15）；复核'],
  ]);
  expect(runCli(['term-results', book, '--today', '2027-10-16'])).toMatchObject({ code: 0 });

  // The next round: the same three people nominated again (张丽's x in lower case), checked in 2028.
  await appendRows(book, [
    candidate({ 姓名: '张丽', 身份证号: ZHANG.toLowerCase() }), // 7
    candidate({ 姓名: '李华', 身份证号: ` ${LI} `, '县（市、区）': '江川区', 学校: '江川一小', 学段: '小学' }), // 8
    candidate({ 姓名: '王强', 身份证号: WANG, '县（市、区）': '市直学校', 学校: '玉溪师范学院附属中学', 上届考核结果: '合格' }), // 9
  ]);
  result = runCli(['check', book, '--today', '2028-09-01', '--json']);
  expect(result.code).toBe(0);
  const rows = JSON.parse(result.stdout) as { row: number; verdict: string; findings: { rule: string; verdict: string; message: string }[]; flags: string[] }[];
  const lastTerm = (row: number) => rows.find((entry) => entry.row === row)!.findings.find((finding) => finding.rule === 'lastTerm');
  expect(rows.filter((entry) => entry.row <= 6).map((entry) => entry.flags)).toEqual([[], [], [], [], []]);
  expect(rows.find((entry) => entry.row === 7)).toMatchObject({ verdict: '符合', flags: ['优先推荐', '优先推荐省级'] });
  expect(lastTerm(7)).toMatchObject({ verdict: '符合', message: '六（二）：上届考核结果取自第2行的任期考核结果“优秀”（2027年10月12日）' });
  expect(rows.find((entry) => entry.row === 8)).toMatchObject({ verdict: '不符合', flags: [] });
  expect(lastTerm(8)?.message).toBe('六（二）：上届考核结果取自第3行的任期考核结果“不合格”（2027年10月9日），一届任期内（至2030年10月8日）不得申报');
  expect(rows.find((entry) => entry.row === 9)).toMatchObject({ verdict: '待核实', flags: [] });
  expect(lastTerm(9)?.message).toBe('六（二）：上届考核结果填的是“合格”，与第4行的任期考核结果“优秀”（2027年10月15日）不一致，请核实');
  sheet = await nominations();
  expect(sheet.slice(5, 8).map((row) => row['优先推荐'])).toEqual(['优先推荐；优先推荐省级', '', '']);
  expect(runCli(['check', book, '--today', '2028-09-01']).stdout).toContain('优先推荐 1 行');
  // The county's review reads the recorded result the same way: 李华's new row is refused, 张丽's passes.
  result = runCli(['advance', book, '--rows', '8', '--to', '初审通过', '--as', JIANGCHUAN, '--today', '2028-09-01']);
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('第8行：资格审查（按 2028-09-01）为“不符合”：六（二）：上届考核结果取自第3行的任期考核结果“不合格”（2027年10月9日）');
  expect(runCli(['advance', book, '--rows', '7', '--to', '初审通过', '--as', HONGTA, '--today', '2028-09-01']).code).toBe(0);

  // A typed 上届考核结果 of 合格 that agrees gives 优先推荐 only; after one term 李华 may apply again.
  await appendRows(book, [candidate({ 姓名: '王强', 身份证号: WANG, '县（市、区）': '市直学校', 学校: '玉溪师范学院附属中学', 上届考核结果: '优秀等次' })]); // 10
  const later = JSON.parse(runCli(['check', book, '--today', '2030-10-09', '--json']).stdout) as typeof rows;
  expect(later.find((entry) => entry.row === 10)).toMatchObject({ verdict: '符合', flags: ['优先推荐', '优先推荐省级'] });
  expect(later.find((entry) => entry.row === 8)?.findings.find((finding) => finding.rule === 'lastTerm')).toMatchObject({ verdict: '符合' });
});

test('a typed 任期考核结果 or date that cannot be read is reported naming the row, column and value', async () => {
  const path = join(folder, 'typed.xlsx');
  await scenarioWorkbook(
    path,
    [
      candidate({ 姓名: '甲', 状态: '任期届满', 认定日期: excelDate('2021-09-01'), 任期考核结果: '良好', 任期考核日期: '2024-09-01' }),
      candidate({ 姓名: '乙', 身份证号: LI, 状态: '任期届满', 认定日期: excelDate('2021-09-01'), 任期考核结果: '合格等次', 任期考核日期: '去年' }),
      candidate({ 姓名: '乙', 身份证号: LI, 上届考核结果: '' }),
    ],
    PERMISSIONS,
  );
  const listing = runCli(['term-results', path, '--today', '2024-10-01']);
  expect(listing.code).toBe(3);
  expect(listing.stderr).toContain('提示：推荐名单第2行：任期考核结果“良好”无法识别，应为优秀、合格、不合格之一');
  expect(listing.stderr).toContain('提示：推荐名单第3行：任期考核日期“去年”不是日期，应填如 2027-10-09 的日期');
  expect(listing.stdout).toContain('第2行 甲');
  expect(listing.stdout).not.toContain('第3行');
  const check = runCli(['check', path, '--today', '2024-10-01', '--json']);
  expect(check.stderr).toContain('提示：推荐名单第2行：任期考核结果“良好”无法识别');
  const rows = JSON.parse(check.stdout) as { row: number; flags: string[]; findings: { rule: string; message: string }[] }[];
  expect(rows.find((entry) => entry.row === 4)).toMatchObject({ flags: ['优先推荐'] });
  expect(rows.find((entry) => entry.row === 4)?.findings.find((finding) => finding.rule === 'lastTerm')?.message).toBe('六（二）：上届考核结果取自第3行的任期考核结果“合格”，无有效的任期考核日期');
});

test('check, listing and recording make the same calls for 10 rows and for 2,000 rows', async () => {
  const stats: { calls: Record<string, number>; total: number }[] = [];
  const listings: typeof stats = [];
  const recordings: typeof stats = [];
  const roundStats: typeof stats = [];
  for (const count of [10, 2000]) {
    const path = join(folder, `stats-${count}.xlsx`);
    const rows = Array.from({ length: count }, (_, index) => {
      const person = `5304021980${String(index % 1000).padStart(4, '0')}123`;
      return index < count / 2
        ? candidate({ 姓名: `教师${index}`, 身份证号: person, 状态: '任期届满', 认定日期: excelDate('2021-09-01'), 任期考核结果: index % 2 === 0 ? '优秀' : '合格', 任期考核日期: excelDate('2024-09-01') })
        : candidate({ 姓名: `教师${index}`, 身份证号: `5304021980${String((index - count / 2) % 1000).padStart(4, '0')}123` });
    });
    await scenarioWorkbook(path, rows, PERMISSIONS);
    const result = runCli(['check', path, '--today', '2025-09-01', '--stats']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`优先推荐 ${count / 2} 行`);
    stats.push(statsOf(result));
    // A next round on its own sheet also reads 推荐名单's results: one more getValues, whatever its rows.
    await addRoundSheet(path, '2026推荐名单', [candidate({ 姓名: '教师0', 身份证号: '53040219800000123' })]);
    const round = runCli(['check', path, '--sheet', '2026推荐名单', '--today', '2025-09-01', '--stats']);
    expect(round.code).toBe(0);
    roundStats.push(statsOf(round));
    // Listing, and recording on 5 or 500 任期届满 rows holding 优秀 and 合格 in turn, are flat too.
    const listing = runCli(['term-results', path, '--today', '2025-09-01', '--stats']);
    expect(listing.code).toBe(0);
    listings.push(statsOf(listing));
    const chosen = Math.min(count / 2, 500);
    const recorded = runCli(['term-results', path, '--rows', `2-${chosen + 1}`, '--result', '合格', '--reason', '复核', '--as', CITY, '--today', '2025-09-01', '--stats']);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout.trim().split('\n')).toHaveLength(chosen);
    recordings.push(statsOf(recorded));
  }
  expect(stats[1]).toEqual(stats[0]);
  expect(stats[0]?.calls['Range.getValues']).toBe(1);
  expect(listings[1]).toEqual(listings[0]);
  expect(recordings[1]).toEqual(recordings[0]);
  expect(roundStats[1]).toEqual(roundStats[0]);
  expect(roundStats[0]?.calls['Range.getValues']).toBe(2);
});

test('记录任期考核结果… records on the selected rows as the signed-in user and says what it did', async () => {
  const path = join(folder, 'menu.xlsx');
  await scenarioWorkbook(path, [awarded({ 姓名: '甲', 状态: '任期届满' }, '玉教班〔2024〕001号'), candidate({ 姓名: '乙' })], PERMISSIONS);
  const runtime = await openWorkbookRuntime({ path, as: CITY, today: '2027-10-12', counter: new CallCounter(), print: () => undefined, promptAnswers: ['合格', '2027/10/9', '玉教体〔2027〕12号'] });
  try {
    runtime.bundle.call('onOpen');
    const labels = runtime.ui.menus.flatMap((menu) => menu.items.map((item) => ('caption' in item ? item.caption : '')));
    expect(labels).toContain('记录任期考核结果…');
    runtime.selectRows('推荐名单', 2, 3);
    runtime.bundle.call('recordTermResultsForSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe(
      '记录任期考核结果\n已记录任期考核结果：1 行\n第2行 甲：合格（2027-10-09）\n' +
        '第3行未记录：状态为“学校推荐”：只有“任期届满”的行，或任期在60天内届满的“已认定”行，才能记录任期考核结果',
    );
    runtime.selectRows('操作记录', 2);
    runtime.bundle.call('recordTermResultsForSelectedRows');
    expect(runtime.ui.alerts.pop()).toBe('记录任期考核结果\n当前选中的是“操作记录”表，它不是推荐名单，不能记录任期考核结果。请在推荐名单中选中要记录任期考核结果的行，再点“记录任期考核结果…”。');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const sheet = await nominations(path);
  expect([sheet[0]?.['任期考核结果'], sheet[0]?.['任期考核日期']]).toEqual(['合格', '2027-10-09']);
});

test.each(PROCESS_TIME_ZONES)('in a county workbook (评选级别 县级) the county records its own rows; dates hold under TZ=%s', async (timeZone) => {
  const path = join(folder, `county-${timeZone.replace('/', '-')}.xlsx`);
  await scenarioWorkbook(
    path,
    [
      awarded({ 姓名: '甲', 状态: '任期届满' }, '红塔班〔2024〕001号'),
      awarded({ 姓名: '乙', 状态: '任期届满', '县（市、区）': '江川区', 学校: '江川一小' }, '红塔班〔2024〕002号'),
    ],
    PERMISSIONS,
  );
  const run = (args: string[]) => runCli(['term-results', path, ...args], { timeZone });
  const cityOnly = run(['--rows', '2', '--result', '合格', '--as', HONGTA, '--today', '2027-10-12']);
  expect(cityOnly.stderr.trim()).toBe('第2行：记录任期考核结果须由市级账号操作（方案六（二）：由市、县（区）教育体育局分别考核）');
  await setSetting(path, '评选级别', '县级');
  const result = run(['--rows', '2-3', '--result', '合格', '--as', HONGTA, '--today', '2027-10-12']);
  expect(result.code).toBe(3);
  expect(result.stdout.trim()).toBe('第2行 甲：任期考核结果为“合格”（2027-10-12）');
  expect(result.stderr.trim()).toBe('第3行：记录任期考核结果须由市级账号或该行所在县的账号操作（方案六（二）：由市、县（区）教育体育局分别考核）');
  expect(run(['--rows', '3', '--result', '不合格', '--date', '2027年10月9日', '--as', CITY, '--today', '2027-10-12']).code).toBe(0);
  const sheet = await nominations(path);
  expect(sheet.map((row) => [row['任期考核结果'], row['任期考核日期']])).toEqual([['合格', '2027-10-12'], ['不合格', '2027-10-09']]);
  expect(JSON.parse(runCli(['term-results', path, '--today', '2027-10-13', '--json'], { timeZone }).stdout)).toEqual([]);
});

/** Adds a sheet named `name` with 推荐名单's header row and these rows (a next round kept on its own sheet). */
async function addRoundSheet(path: string, name: string, rows: Record<string, unknown>[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const headers = (workbook.getWorksheet('推荐名单')!.getRow(1).values as unknown[]).slice(1).map(String);
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => (row[header] ?? null) as ExcelJS.CellValue));
  await workbook.xlsx.writeFile(path);
}

test('a returning teacher reads the other rows of the same person whatever the order, and 推荐名单 from a sheet of its own', async () => {
  const path = join(folder, 'returning.xlsx');
  const ended = (changes: Record<string, unknown>) => candidate({ 状态: '任期届满', 认定日期: excelDate('2021-08-31'), 证书编号: '玉教班〔2021〕001号', ...changes });
  const ZHOU = '530402198001011233';
  await scenarioWorkbook(
    path,
    [
      candidate({ 姓名: '赵六', 身份证号: ZHANG }), // 2: above the 不合格
      ended({ 姓名: '赵六', 身份证号: ZHANG.toLowerCase(), 任期考核结果: '不合格', 任期考核日期: excelDate('2024-08-30') }), // 3
      candidate({ 姓名: '赵六', 身份证号: ZHANG }), // 4: below it
      candidate({ 姓名: '钱七', 身份证号: LI }), // 5
      ended({ 姓名: '钱七', 身份证号: LI, 任期考核结果: '不合格（已公示）', 任期考核日期: excelDate('2024-08-30') }), // 6
      candidate({ 姓名: '孙八', 身份证号: SUN }), // 7
      ended({ 姓名: '孙八', 身份证号: SUN }), // 8: no result yet
      candidate({ 姓名: '孙八', 身份证号: SUN, 上届考核结果: '合格' }), // 9
      ended({ 姓名: '周九', 身份证号: ZHOU, 任期考核结果: '优秀', 任期考核日期: excelDate('2024-09-10') }), // 10: after the review date
      candidate({ 姓名: '周九', 身份证号: ZHOU }), // 11
    ],
    PERMISSIONS,
  );
  await addRoundSheet(path, '2026推荐名单', [candidate({ 姓名: '赵六', 身份证号: ZHANG }), candidate({ 姓名: '周九', 身份证号: ZHOU })]);
  type Checked = { row: number; verdict: string; flags: string[]; findings: { rule: string; verdict: string; message: string }[] };
  const checked = (args: string[]) => {
    const result = runCli(['check', path, '--today', '2024-09-01', '--json', ...args]);
    const rows = JSON.parse(result.stdout) as Checked[];
    return { stderr: result.stderr, lastTerm: (row: number) => ({ ...rows.find((entry) => entry.row === row)!.findings.find((finding) => finding.rule === 'lastTerm')!, flags: rows.find((entry) => entry.row === row)!.flags }) };
  };
  const main = checked([]);
  const barred = '六（二）：上届考核结果取自第3行的任期考核结果“不合格”（2024年8月30日），一届任期内（至2027年8月29日）不得申报';
  expect(main.lastTerm(2)).toMatchObject({ verdict: '不符合', message: barred });
  expect(main.lastTerm(4)).toMatchObject({ verdict: '不符合', message: barred });
  expect(main.lastTerm(3)).toMatchObject({ verdict: '符合', message: '六（二）：上届考核结果未填写，视为无' });
  expect(main.stderr).toContain('提示：推荐名单第6行：任期考核结果“不合格（已公示）”无法识别');
  expect(main.lastTerm(5)).toMatchObject({ verdict: '待核实', flags: [], message: '六（二）：第6行的任期考核结果“不合格（已公示）”无法识别，上届考核结果无法确定；请改为优秀、合格或不合格' });
  expect(main.lastTerm(7)).toMatchObject({ verdict: '待核实', flags: [], message: '六（二）：第8行任期已届满，尚未记录任期考核结果；请先记录（banzhuren term-results）或填写上届考核结果' });
  expect(main.lastTerm(9)).toMatchObject({ verdict: '符合', flags: ['优先推荐'] });
  expect(main.lastTerm(11)).toMatchObject({ verdict: '待核实', flags: [], message: '六（二）：上届考核结果取自第10行的任期考核结果“优秀”（2024年9月10日），该日期晚于评审基准日2024年9月1日' });
  const sheet = await nominations(path);
  expect(sheet.map((row) => row['优先推荐'])).toEqual(['', '', '', '', '', '', '', '优先推荐', '', '']);

  // The next round on its own sheet: 推荐名单's results count, named with their sheet; advance agrees.
  const round = checked(['--sheet', '2026推荐名单']);
  expect(round.lastTerm(2)).toMatchObject({ verdict: '不符合', message: '六（二）：上届考核结果取自推荐名单第3行的任期考核结果“不合格”（2024年8月30日），一届任期内（至2027年8月29日）不得申报' });
  expect(round.lastTerm(3)).toMatchObject({ verdict: '待核实', flags: [], message: expect.stringContaining('推荐名单第10行的任期考核结果“优秀”（2024年9月10日），该日期晚于评审基准日') });
  const advance = runCli(['advance', path, '--sheet', '2026推荐名单', '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2024-09-01']);
  expect(advance.code).toBe(3);
  expect(advance.stderr).toContain('第2行：资格审查（按 2024-09-01）为“不符合”：六（二）：上届考核结果取自推荐名单第3行的任期考核结果“不合格”');
});

test('a 任期考核日期 before the last 60 days of the term is refused naming the dates; --json with --rows prints what was recorded and refused', async () => {
  const path = join(folder, 'early-date.xlsx');
  await scenarioWorkbook(path, [awarded({ 姓名: '甲', 状态: '任期届满' }, '玉教班〔2024〕001号'), awarded({ 姓名: '乙', 状态: '任期届满' }, '玉教班〔2024〕002号')], PERMISSIONS);
  const run = (rows: string, date: string, json: string[] = []) => runCli(['term-results', path, '--rows', rows, '--result', '不合格', '--date', date, '--as', CITY, '--today', '2027-10-12', ...json]);
  let result = run('2', '2024-10-09');
  expect(result.code).toBe(3);
  expect(result.stderr.trim()).toBe('第2行：任期考核日期 2024-10-09 早于认定日期 2024-10-10：任期 2024-10-10至2027-10-09，考核日期不能早于 2027-08-10');
  result = run('2', '2027-08-09');
  expect(result.stderr.trim()).toBe('第2行：任期考核日期 2027-08-09 早于任期届满前60天（2027-08-10）：任期 2024-10-10至2027-10-09，考核日期不能早于 2027-08-10');
  expect((await nominations(path)).map((row) => row['任期考核结果'])).toEqual(['', '']);
  result = run('2,5', '2027-08-10', ['--json']);
  expect(result.code).toBe(3);
  expect(JSON.parse(result.stdout)).toEqual({
    recorded: [{ row: 2, name: '甲', result: '不合格', date: '2027-08-10' }],
    refused: [{ row: 5, message: '不在数据范围内（数据行为第2行至第3行）' }],
  });
  expect((await nominations(path)).map((row) => [row['任期考核结果'], row['任期考核日期']])).toEqual([['不合格', '2027-08-10'], ['', '']]);
});
