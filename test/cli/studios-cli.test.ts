/**
 * `banzhuren studios` end to end (issue 8 item 5): a 工作室 sheet as a city office would fill it
 * (spellings such as 主持 and 市, a complete city studio, a studio with a 骨干班主任 host and a
 * missing member, a county studio sharing a person, an unreadable role, a row without a studio)
 * against 推荐名单. The findings below are written by hand from the plan; the complete studio has
 * none. Also: 工作室情况 as written, exit codes, --json's exact shape, no personal data, and the
 * same service calls for 10 and 2,000 studio rows.
 */
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { runCli, statsOf } from '../support/cli';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';

type StudioCells = [string, string, string, string, string, string];

/** A studio of `members` members with 3 trainees each, in sheet order (host, then each member followed by their trainees). */
function studioRows(name: string, stage: string, level: string, host: string, prefix: string, members = 10): StudioCells[] {
  const rows: StudioCells[] = [[name, stage, level, '主持人', host, '']];
  for (let member = 1; member <= members; member += 1) {
    rows.push([name, stage, level, '成员', `${prefix}成员${member}`, '']);
    for (let trainee = 1; trainee <= 3; trainee += 1) rows.push([name, stage, level, '学员', `${prefix}学员${member}-${trainee}`, `${prefix}成员${member}`]);
  }
  return rows;
}

/** Initialises `path`, fills 推荐名单 with `candidates` and 工作室 with `rows` from row 2. */
async function studioWorkbook(path: string, candidates: Record<string, unknown>[], rows: StudioCells[]): Promise<void> {
  await scenarioWorkbook(path, candidates, []);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('工作室')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['工作室名称', '学段', '级别', '角色', '姓名', '所属成员']);
  rows.forEach((row, index) => {
    sheet.getRow(index + 2).values = row;
  });
  await workbook.xlsx.writeFile(path);
}

const folder = temporaryFolder();
const book = join(folder, '工作室名单.xlsx');

// 李华名班主任工作室: rows 2–42, complete; its host row typed 市 / 主持.
const complete = studioRows('李华名班主任工作室', '小学', '市级', '李华', '李组');
complete[0] = ['李华名班主任工作室', '小学', '市', '主持', '李华', ''];
// 王芳工作室: rows 43–79, 9 members; trainee 王芳学员2-3 (row 51) under the host instead of a member.
const wang = studioRows(' 王芳工作室 ', '初中', '市级', '王芳', '王芳', 9).map((row): StudioCells => (row[4] === '王芳学员2-3' ? [...row.slice(0, 5), '王芳'] as StudioCells : row));
const rows: StudioCells[] = [
  ...complete,
  ...wang,
  // 赵强工作室 (县级): rows 80–83; its trainee at row 82 is also in 王芳工作室 (row 45); row 83's role is unreadable.
  ['赵强工作室', '高中', '县级', '主持人', '赵强', ''],
  ['赵强工作室', '高级中学', '县', '成员', '赵强成员1', ''],
  ['赵强工作室', '高中', '县级', '学员', '王芳学员1-1', '赵强成员1'],
  ['赵强工作室', '高中', '县级', '组长', '钱多', ''],
  // Row 84: no studio name.
  ['', '小学', '市级', '学员', '孙无', ''],
];

beforeAll(async () => {
  await studioWorkbook(
    book,
    [
      candidate({ 姓名: '李华', 申报类别: '名班主任', 状态: '已认定' }), // 推荐名单第2行
      candidate({ 姓名: '王芳', 申报类别: '骨干班主任', 状态: '已认定' }), // 第3行
      candidate({ 姓名: '赵强', 申报类别: '名班主任', 状态: '公示中' }), // 第4行: a county studio's host needs no city title
    ],
    rows,
  );
});

test('--json: every studio with exactly the findings of the plan; the complete city studio has none', () => {
  const result = runCli(['studios', book, '--json', '--out', join(folder, 'json.xlsx')]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(3);
  expect(JSON.parse(result.stdout)).toEqual([
    { name: '李华名班主任工作室', stage: '小学', level: '市级', host: '李华', members: 10, trainees: 30, ok: true, findings: [] },
    {
      name: '王芳工作室', stage: '初中', level: '市级', host: '王芳', members: 9, trainees: 27, ok: false,
      findings: [
        { rule: 'members', message: '成员应为10人，实有9人，还差1人' },
        { rule: 'trainees', message: '成员 王芳成员2（第48行）的学员应为3人，实有2人，还差1人（第49行 王芳学员2-1、第50行 王芳学员2-2）' },
        { rule: 'memberOf', message: '第51行 学员 王芳学员2-3 的所属成员“王芳”是本工作室的主持人，不是成员' },
        { rule: 'duplicatePerson', message: '王芳学员1-1（第45行）同时在工作室“赵强工作室”（第82行）' },
        { rule: 'hostTitle', message: '主持人 王芳（第43行）：市级工作室的主持人须为已认定的名班主任（四（一）10），推荐名单中第3行为骨干班主任、已认定' },
      ],
    },
    {
      name: '赵强工作室', stage: '高中', level: '县级', host: '赵强', members: 1, trainees: 1, ok: false,
      findings: [
        { rule: 'unreadable', message: '工作室第83行：角色“组长”无法识别，应为主持人、成员、学员之一' },
        { rule: 'members', message: '成员应为10人，实有1人，还差9人' },
        { rule: 'trainees', message: '成员 赵强成员1（第81行）的学员应为3人，实有1人，还差2人（第82行 王芳学员1-1）' },
        { rule: 'duplicatePerson', message: '王芳学员1-1（第82行）同时在工作室“王芳工作室”（第45行）' },
      ],
    },
    {
      name: '全市', stage: '', level: '市级', host: '', members: 19, trainees: 57, ok: false,
      findings: [
        { rule: 'cityStages', message: '幼儿园：市级工作室0个，方案要求2个，还差2个' },
        { rule: 'cityStages', message: '小学：市级工作室1个，方案要求3个，还差2个' },
        { rule: 'cityStages', message: '初中：市级工作室1个，方案要求3个，还差2个' },
        { rule: 'cityStages', message: '高中：市级工作室0个，方案要求3个，还差3个' },
        { rule: 'cityStages', message: '中职：市级工作室0个，方案要求3个，还差3个' },
        { rule: 'cityStages', message: '高职：市级工作室0个，方案要求1个，还差1个' },
        { rule: 'unreadable', message: '工作室第84行：“工作室名称”为空（姓名“孙无”），该行不属于任何工作室' },
      ],
    },
  ]);
  expect(Object.keys(JSON.parse(result.stdout)[0])).toEqual(['name', 'stage', 'level', 'host', 'members', 'trainees', 'ok', 'findings']);
});

test('text output: one line per studio, its findings under it; 工作室情况 written, 工作室 untouched; no personal data', async () => {
  const out = join(folder, 'text.xlsx');
  const result = runCli(['studios', book, '--out', out]);
  expect(result.code).toBe(3);
  const lines = result.stdout.trim().split('\n');
  expect(lines[0]).toBe('李华名班主任工作室（市级·小学），主持人 李华，成员10人，学员30人：符合');
  expect(lines[1]).toBe('王芳工作室（市级·初中），主持人 王芳，成员9人，学员27人：有问题（5条）');
  expect(lines[2]).toBe('  - 成员应为10人，实有9人，还差1人');
  expect(lines).toContain('赵强工作室（县级·高中），主持人 赵强，成员1人，学员1人：有问题（4条）');
  expect(lines).toContain('全市（市级），成员19人，学员57人：有问题（7条）');
  expect(lines[lines.length - 1]).toBe('已写入“工作室情况”表');

  const report = (await readSheet(out, '工作室情况')).rows;
  expect(report[0]).toEqual(['工作室名称', '学段', '级别', '主持人', '成员数', '学员数', '结论', '问题']);
  expect(report[1]?.slice(0, 7)).toEqual(['李华名班主任工作室', '小学', '市级', '李华', 10, 30, '符合']);
  expect(report[1]?.[7] ?? '').toBe('');
  expect(report[2]?.slice(0, 7)).toEqual(['王芳工作室', '初中', '市级', '王芳', 9, 27, '有问题']);
  expect(String(report[2]?.[7]).split('\n')).toHaveLength(5);
  expect(report[4]?.slice(0, 7)).toEqual(['全市', '', '市级', '', 19, 57, '有问题']);
  expect(report).toHaveLength(5);
  // The people's own sheet is as they typed it.
  expect((await readSheet(out, '工作室')).rows.slice(1, 2)).toEqual([['李华名班主任工作室', '小学', '市', '主持', '李华', '']]);

  const json = runCli(['studios', book, '--json']).stdout;
  for (const text of [result.stdout, result.stderr, json, JSON.stringify(report)]) {
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
  }
});

test('a second run replaces 工作室情况 (fewer studios leave no old rows)', async () => {
  const again = join(folder, 'again.xlsx');
  await studioWorkbook(again, [candidate({ 姓名: '李华', 申报类别: '名班主任', 状态: '已认定' })], rows);
  expect(runCli(['studios', again]).code).toBe(3);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(again);
  const sheet = workbook.getWorksheet('工作室')!;
  // The other studios' rows cleared: only the complete studio is left.
  for (let row = 43; row <= rows.length + 1; row += 1) sheet.getRow(row).values = ['', '', '', '', '', ''];
  await workbook.xlsx.writeFile(again);
  runCli(['studios', again]);
  expect((await readSheet(again, '工作室情况')).rows.map((row) => row[0])).toEqual(['工作室名称', '李华名班主任工作室', '全市']);
});

test('exit 0 when the city has every studio the plan asks for, each complete', async () => {
  const targets: [string, number][] = [['幼儿园', 2], ['小学', 3], ['初中', 3], ['高中', 3], ['中职', 3], ['高职', 1]];
  const all: StudioCells[] = [];
  const hosts: Record<string, unknown>[] = [];
  for (const [stage, count] of targets) {
    for (let index = 1; index <= count; index += 1) {
      const host = `${stage}主持${index}`;
      all.push(...studioRows(`${stage}工作室${index}`, stage, '市级', host, `${stage}${index}`));
      hosts.push(candidate({ 姓名: host, 申报类别: '名班主任', 状态: '已认定' }));
    }
  }
  const path = join(folder, 'city.xlsx');
  await studioWorkbook(path, hosts, all);
  const result = runCli(['studios', path, '--json']);
  expect(result.code).toBe(0);
  const studios = JSON.parse(result.stdout) as { name: string; ok: boolean; members: number; trainees: number }[];
  expect(studios).toHaveLength(16);
  expect(studios.filter((studio) => !studio.ok)).toEqual([]);
  expect(studios[15]).toMatchObject({ name: '全市', members: 150, trainees: 450 });
});

test("a county's own workbook (设置 评选级别 县级): its complete county studio is ok, not measured against the city's studios per stage", async () => {
  const path = join(folder, 'county.xlsx');
  await studioWorkbook(path, [], studioRows('江川区名班主任工作室', '初中', '县级', '孙敏', '江川'));
  const city = runCli(['studios', path, '--json']);
  expect(city.code).toBe(3);
  expect((JSON.parse(city.stdout) as { findings: { rule: string }[] }[])[1]?.findings.map((finding) => finding.rule)).toContain('cityStages');
  await setSetting(path, '评选级别', '县级');
  const county = runCli(['studios', path, '--json']);
  expect(county.stderr).toBe('');
  expect(county.code).toBe(0);
  expect(JSON.parse(county.stdout)).toEqual([
    expect.objectContaining({ name: '江川区名班主任工作室', ok: true, members: 10, trainees: 30 }),
    expect.objectContaining({ name: '全市', ok: true, findings: [] }),
  ]);
});

test('a workbook without 工作室 or 推荐名单: said in Chinese, not an error', async () => {
  const path = join(folder, 'bare.xlsx');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['x']);
  await workbook.xlsx.writeFile(path);
  const result = runCli(['studios', path, '--json']);
  expect(result.code).toBe(3);
  const studios = JSON.parse(result.stdout) as { name: string; findings: { rule: string; message: string }[] }[];
  expect(studios).toHaveLength(1);
  expect(studios[0]?.findings[0]).toEqual({ rule: 'sheet', message: '找不到工作表“工作室”：请先在菜单中运行“初始化表格”（或 banzhuren init），再按每人一行填写工作室名单' });
  expect(result.stdout).not.toContain('not available');
});

test('the same service calls for 10 and 2,000 studio rows', async () => {
  const stats = async (count: number) => {
    const studios: StudioCells[] = [];
    for (let index = 0; studios.length < count; index += 1) studios.push(...studioRows(`工作室${index}`, '小学', '市级', `主持${index}`, `组${index}`));
    const path = join(folder, `stats-${count}.xlsx`);
    await studioWorkbook(path, [candidate({ 姓名: '主持0', 申报类别: '名班主任', 状态: '已认定' })], studios.slice(0, count));
    const result = runCli(['studios', path, '--json', '--stats']);
    expect(result.code).toBe(3);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(count === 10 ? 2 : 50);
    return statsOf(result);
  };
  const small = await stats(10);
  const large = await stats(2000);
  expect(large.calls).toEqual(small.calls);
  expect(small.calls['Range.getValues']).toBe(3); // 工作室, 推荐名单 and 设置 (评选级别), once each
  expect(small.calls['Range.setValues']).toBe(1);
});

test('the menu item 检查工作室 shows a summary naming the studios with problems', async () => {
  const runtime = await openWorkbookRuntime({ path: book, counter: new CallCounter(), print: () => undefined, readOnly: true });
  try {
    runtime.bundle.call('onOpen');
    expect(runtime.ui.menus.flatMap((menu) => menu.items.map((item) => ('caption' in item ? item.caption : '')))).toContain('检查工作室');
    runtime.bundle.call('checkAllStudios');
    expect(runtime.ui.alerts.pop()?.split('\n')).toEqual([
      '检查工作室',
      '已检查 3 个工作室：符合 1 个，有问题 2 个。详情已写入“工作室情况”表。',
      '王芳工作室（市级·初中），主持人 王芳，成员9人，学员27人：有问题（5条）',
      '赵强工作室（县级·高中），主持人 赵强，成员1人，学员1人：有问题（4条）',
      '全市：幼儿园：市级工作室0个，方案要求2个，还差2个；小学：市级工作室1个，方案要求3个，还差2个；初中：市级工作室1个，方案要求3个，还差2个；' +
        '高中：市级工作室0个，方案要求3个，还差3个；中职：市级工作室0个，方案要求3个，还差3个；高职：市级工作室0个，方案要求1个，还差1个；' +
        '工作室第84行：“工作室名称”为空（姓名“孙无”），该行不属于任何工作室',
    ]);
  } finally {
    runtime.close();
  }
});

test('a workbook written by openpyxl and re-saved by LibreOffice (title row, other column order, rich text)', () => {
  const path = join(folder, 'libreoffice.xlsx');
  copyFileSync(join(__dirname, '..', 'fixtures', 'studios', 'studios-libreoffice.xlsx'), path);
  const result = runCli(['studios', path, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(3);
  const studios = JSON.parse(result.stdout) as { name: string; findings: unknown[] }[];
  expect(studios.slice(0, 2)).toEqual([
    { name: 'Anna 王 Studio', stage: '高中', level: '市级', host: 'Anna 王', members: 10, trainees: 30, ok: true, findings: [] },
    {
      name: '李华工作室', stage: '中职', level: '市级', host: '李华', members: 1, trainees: 3, ok: false,
      findings: [
        { rule: 'members', message: '成员应为10人，实有1人，还差9人' },
        { rule: 'hostTitle', message: '主持人 李华（第44行）：市级工作室的主持人须为已认定的名班主任（四（一）10），推荐名单中第3行为名班主任、评审通过' },
      ],
    },
  ]);
  expect(studios[2]?.findings).toContainEqual({ rule: 'cityStages', message: '中职：市级工作室1个，方案要求3个，还差2个' });
  expect(result.stdout).not.toContain('not available');
});
