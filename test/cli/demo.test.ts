/**
 * `banzhuren demo` end to end (issue 12, item 1): the real command runs the whole sample season
 * once, into a folder a previous demo left behind, and the tests read what it wrote — the files,
 * what the checker said about the planted mistakes, the publicity across 国庆, the certificate
 * numbers, the outbox against 提醒记录, and that no 身份证号 or 联系电话 leaked anywhere a person
 * reads. A folder that is not the demo's own is refused.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { processStartToken } from '../../local/runtime/file-lock';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadBundle } from '../../local/runtime/bundle';
import type { DemoReportData } from '../../local/demo/report-data';
import { sampleNominations } from '../../local/demo/sample-data';
import { runCli, type CliResult } from '../support/cli';
import { temporaryFolder } from '../support/workbooks';

jest.setTimeout(600_000);

const folder = join(temporaryFolder(), '演示 结果');
let run: CliResult;
let data: DemoReportData;
let sheet: ExcelJS.Worksheet;
/** 推荐名单's header → column number (the header is in row 2, under the title). */
const column = new Map<string, number>();

/** A cell's value as text (dates as YYYY-MM-DD). */
function text(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return value === null || value === undefined ? '' : String(value);
}

function cell(row: number, header: string): string {
  const at = column.get(header);
  if (at === undefined) throw new Error(`no column ${header}`);
  return text(sheet.getCell(row, at).value);
}

/** Every data row of 推荐名单. */
function dataRows(): number[] {
  const rows: number[] = [];
  for (let row = 3; row <= sheet.rowCount; row += 1) if (cell(row, '姓名') !== '') rows.push(row);
  return rows;
}

/** The text a person reads in an .eml: headers with their encoded words decoded, and the decoded body. */
function emlText(raw: string): string {
  const decodedWords = raw.replace(/=\?UTF-8\?B\?([^?]*)\?=/giu, (_, base64: string) => Buffer.from(base64, 'base64').toString('utf8'));
  const [, body = ''] = raw.split(/\r?\n\r?\n/u, 2).length > 1 ? [raw.slice(0, raw.search(/\r?\n\r?\n/u)), raw.slice(raw.search(/\r?\n\r?\n/u))] : [raw, ''];
  return `${decodedWords}\n${Buffer.from(body.replace(/\s+/gu, ''), 'base64').toString('utf8')}`;
}

/** The plan's counties, from the bundle's role table. */
function roles(): string[] {
  return (loadBundle().call('workflowTable_') as { roles: string[] }).roles.filter((role) => role !== '市级' && role !== '学校');
}

/** Files under `dir`, recursively, relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)).map((name) => join(entry.name, name)) : [entry.name]));
}

beforeAll(async () => {
  // The folder as an earlier demo left it: the marker and files of that run, which this run replaces.
  mkdirSync(join(folder, '发件箱'), { recursive: true });
  writeFileSync(join(folder, '.banzhuren-demo'), '此文件夹由 banzhuren demo 生成；再次运行 demo 会清空并重写它。\n');
  mkdirSync(join(folder, '文档', '荣誉证书'), { recursive: true });
  writeFileSync(join(folder, '文档', '荣誉证书', '~生成中~旧.docx'), 'old');
  writeFileSync(join(folder, '评选名单.xlsx.lock'), '999999999\n');
  writeFileSync(join(folder, '发件箱', '20200101-080000-001-old@example.com.eml'), 'old');
  writeFileSync(join(folder, 'report.html'), 'old');
  run = runCli(['demo', '--out', folder]);
  if (run.code !== 0) throw new Error(`demo failed (${String(run.code)}): ${run.stderr}`);
  data = JSON.parse(readFileSync(join(folder, 'report-data.json'), 'utf8')) as DemoReportData;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, '评选名单.xlsx'));
  sheet = workbook.getWorksheet('推荐名单') as ExcelJS.Worksheet;
  sheet.getRow(2).eachCell((header, at) => {
    column.set(text(header.value).trim(), at);
  });
});

test('the demo runs the whole season over an earlier demo folder: exit 0, one progress line per stage, a Chinese summary with the paths', () => {
  expect(run.code).toBe(0);
  const progress = run.stderr.trim().split('\n');
  expect(progress).toHaveLength(12);
  progress.forEach((line, index) => expect(line).toMatch(new RegExp(`^\\[${index + 1}/12\\] \\S+（\\d{4}-\\d{2}-\\d{2}）……完成，用时 \\d+\\.\\d 秒$`, 'u')));
  expect(progress[2]).toMatch(/^\[3\/12\] 县级初审（2024-09-10）/u);
  expect(run.stdout).toMatch(/^演示完成：2024 年度，\d+ 名虚构候选人/u);
  for (const name of ['report.html', '评选名单.xlsx', '公示名单.xlsx', '文档', '发件箱', 'report-data.json']) expect(run.stdout).toContain(join(folder, name));
  // What the earlier run left is gone.
  expect(existsSync(join(folder, '发件箱', '20200101-080000-001-old@example.com.eml'))).toBe(false);
  expect(readFileSync(join(folder, 'report.html'), 'utf8')).not.toBe('old');
  expect(existsSync(join(folder, '文档', '荣誉证书', '~生成中~旧.docx'))).toBe(false);
  // Nothing of the run is left behind: no lock of the workbook or of the folder.
  expect(readdirSync(folder).sort()).toEqual(['.banzhuren-demo', 'report-data.json', 'report.html', '公示名单.xlsx', '发件箱', '文档', '评选名单.xlsx'].sort());
});

test('it writes the files the contract names', () => {
  for (const name of ['评选名单.xlsx', '公示名单.xlsx', 'report.html', 'report-data.json', '.banzhuren-demo']) expect(existsSync(join(folder, name))).toBe(true);
  const documents = filesUnder(join(folder, '文档'));
  expect(documents.filter((name) => name.startsWith('荣誉证书') && name.endsWith('.docx'))).toHaveLength(data.documents.certificates);
  expect(documents.filter((name) => name.startsWith('任期考核表') && name.endsWith('.docx'))).toHaveLength(data.documents.termForms);
  expect(data.documents.certificates).toBeGreaterThan(100);
  expect(data.documents.termForms).toBe(data.documents.certificates);
  expect(readdirSync(join(folder, '发件箱')).filter((name) => name.endsWith('.eml')).length).toBe(data.reminders.mails);
  expect(data.files.map((file) => file.path)).toEqual(['评选名单.xlsx', '公示名单.xlsx', '文档/', '发件箱/', 'report.html', 'report-data.json']);
});

test('the 任期考核表 show a realistic term: most teachers complete every semester, a few do not', async () => {
  const forms = readdirSync(join(folder, '文档', '任期考核表')).filter((name) => name.endsWith('.docx'));
  let incomplete = 0;
  for (const name of forms) {
    const zip = await JSZip.loadAsync(readFileSync(join(folder, '文档', '任期考核表', name)));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect([name, xml]).toEqual([name, expect.stringContaining('2025-2026学年')]);
    if (xml.includes('未完成')) incomplete += 1;
  }
  expect(incomplete).toBeGreaterThan(0);
  expect(incomplete / forms.length).toBeLessThan(0.3);
});

test('the sample covers every county, 市直学校, every 学段 and both categories, about 300 candidates', () => {
  expect(data.candidates).toBeGreaterThanOrEqual(250);
  expect(data.candidates).toBeLessThanOrEqual(350);
  const counties = new Set(dataRows().map((row) => cell(row, '县（市、区）')));
  for (const county of [...roles(), '市直学校']) expect(counties).toContain(county);
  expect(new Set(dataRows().map((row) => cell(row, '学段')))).toEqual(new Set(['幼儿园', '小学', '初中', '高中', '中职', '高职', '特殊教育']));
  expect(new Set(dataRows().map((row) => cell(row, '申报类别')))).toEqual(new Set(['骨干班主任', '名班主任']));
  expect(data.verdicts.map((entry) => entry.label)).toEqual(['符合', '不符合', '待核实']);
});

test('the title row stays above the header, and the checker read the rows under the header', () => {
  expect(text(sheet.getCell('A1').value)).toBe('玉溪市2024年骨干班主任、名班主任推荐汇总表');
  expect(sheet.getCell('A1').isMerged).toBe(true);
  expect(column.has('资格审查')).toBe(true);
  expect(column.has('审查说明')).toBe(true);
  expect(text(sheet.getCell(1, column.get('资格审查') as number).value)).not.toBe('资格审查');
  expect(data.mistakes[0]).toMatchObject({ kind: '表头上方有合并的标题行', row: 1, message: expect.stringContaining('按第2行的表头读取，审查了第3至') });
});

test('planted mistakes get the findings a user expects', () => {
  const planted = (kind: string) => data.mistakes.filter((mistake) => mistake.kind.startsWith(kind));
  // A wrong check digit: 待核实, naming 身份证号 (only its last digits), and the row waits for the school.
  expect(planted('身份证号校验位错误')).toHaveLength(2);
  for (const mistake of planted('身份证号校验位错误')) {
    expect(cell(mistake.row, '资格审查')).toBe('待核实');
    expect(cell(mistake.row, '审查说明')).toMatch(/身份证号（尾号\w{4}）校验位不对/u);
    expect(cell(mistake.row, '状态')).toBe('');
  }
  // A blank county: 待核实, and no county reviewer could move it.
  expect(planted('县（市、区）留空')).toHaveLength(2);
  for (const mistake of planted('县（市、区）留空')) {
    expect(cell(mistake.row, '资格审查')).toBe('待核实');
    expect(cell(mistake.row, '审查说明')).toContain('县（市、区）未填写');
  }
  // Dates typed as text are read as SPEC §2 says; one it cannot read is reported, never guessed.
  for (const mistake of planted('上届考核日期写成文字')) expect(mistake.message).toMatch(/^资格审查：符合；六（二）：符合$/u);
  expect(planted('上届考核日期写成文字')).toHaveLength(3);
  const unreadable = planted('上届考核日期无法识别');
  expect(unreadable).toHaveLength(1);
  expect(cell(unreadable[0]!.row, '资格审查')).toBe('待核实');
  expect(cell(unreadable[0]!.row, '审查说明')).toContain('上届考核日期“去年6月”无法识别');
  // 是 for 符合 is accepted.
  expect(planted('用“是”代替“符合”').length).toBeGreaterThan(0);
  for (const mistake of planted('用“是”代替“符合”')) {
    expect(cell(mistake.row, '政治素质')).toBe('是');
    expect(mistake.message).toMatch(/^资格审查：符合；四（一）1：符合$/u);
  }
  // Rows that genuinely fail say why, with the clause.
  expect(planted('名班主任近5年考核无优秀').every((mistake) => mistake.message === '资格审查：不符合；四（一）9（1）：近5年考核无优秀等次')).toBe(true);
  expect(planted('获奖只有校级').every((mistake) => mistake.message.includes('获奖级别为“校级”，须县（市、区）级以上'))).toBe(true);
  expect(planted('上届任期考核不合格').every((mistake) => mistake.message.startsWith('资格审查：不符合；六（二）'))).toBe(true);
  // Every planted row got the verdict it was planted for (the sample says which).
  const sample = sampleNominations(roles());
  for (const entry of sample.planted) {
    const mistake = data.mistakes.find((candidate) => candidate.row === entry.row);
    expect([entry.row, entry.kind, mistake?.message.split('；')[0]]).toEqual([entry.row, entry.kind, `资格审查：${entry.expected}`]);
  }
  const clauses = new Map(data.clauses.map((clause) => [clause.clause, clause]));
  expect(clauses.get('四（一）9（1）')?.example).toBe('四（一）9（1）：近5年考核无优秀等次');
  expect(clauses.get('四（一）7')?.notMet).toBe(planted('获奖只有校级').length);
});

test('publicity runs from 2024-09-27 across 国庆 to 2024-10-09, and the 公示名单 file holds that period', async () => {
  expect(data.publicity).toMatchObject({ start: '2024-09-27', end: '2024-10-09', workingDays: 5 });
  expect(data.publicity.holidaysCrossed).toEqual(expect.arrayContaining(['2024-10-01', '2024-10-07']));
  expect(data.publicity.holidaysCrossed).not.toContain('2024-09-29'); // a Sunday made a working day
  const awarded = dataRows().filter((row) => cell(row, '状态') === '已认定');
  for (const row of awarded) {
    expect(cell(row, '公示开始')).toBe('2024-09-27');
    expect(cell(row, '公示截止')).toBe('2024-10-09');
    expect(cell(row, '认定日期')).toBe('2024-10-10');
  }
  const list = new ExcelJS.Workbook();
  await list.xlsx.readFile(join(folder, '公示名单.xlsx'));
  expect(list.worksheets.map((entry) => entry.name)).toEqual(['公示名单 2024-09-27至2024-10-09']);
  expect(list.worksheets[0]!.pageSetup.orientation).toBe('landscape');
});

test('checking the demo workbook again later gives the demo verdicts: 设置›评审基准日 holds the check day', () => {
  const copy = join(temporaryFolder(), '再查.xlsx');
  writeFileSync(copy, readFileSync(join(folder, '评选名单.xlsx')));
  const again = runCli(['check', copy]);
  const count = (label: string) => data.verdicts.find((entry) => entry.label === label)?.count;
  expect(again.stdout).toContain(`已审查 ${data.candidates} 行（评审基准日 2024-09-03）：符合 ${count('符合')}，不符合 ${count('不符合')}，待核实 ${count('待核实')}`);
});

test('certificate numbers are unique and follow the preset pattern; the report counts what the workbook says', () => {
  const awarded = dataRows().filter((row) => cell(row, '状态') === '已认定');
  const numbers = awarded.map((row) => cell(row, '证书编号'));
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const number of numbers) expect(number).toMatch(/^玉教班〔2024〕\d{3}号$/u);
  expect(numbers.length).toBe(data.states.find((entry) => entry.label === '已认定')?.count);
  expect(data.yearTarget).toEqual({ year: 2024, awarded: numbers.length, target: 180 });
  expect(data.counties.reduce((total, county) => total + county.awarded, 0)).toBe(numbers.length);
  expect(data.counties.reduce((total, county) => total + county.nominated, 0)).toBe(data.candidates);
  for (const row of awarded) expect(cell(row, '证书链接')).toMatch(/荣誉证书/u);
});

test('the outbox holds one mail per recipient and day of 提醒记录, only on working days', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, '评选名单.xlsx'));
  const log = workbook.getWorksheet('提醒记录') as ExcelJS.Worksheet;
  const due = new Set<string>();
  log.eachRow((row, at) => {
    if (at === 1 || text(row.getCell(6).value) !== '已发送') return;
    due.add(`${text(row.getCell(1).value).replace(/-/gu, '')} ${text(row.getCell(2).value)}`);
  });
  const mails = readdirSync(join(folder, '发件箱')).filter((name) => name.endsWith('.eml'));
  const sent = new Set(mails.map((name) => {
    const match = /^(\d{8})-\d{6}-\d{3}-(.+)\.eml$/u.exec(name);
    return `${match?.[1]} ${match?.[2]}`;
  }));
  expect(mails.length).toBeGreaterThan(0);
  expect(sent.size).toBe(mails.length);
  expect(sent).toEqual(due);
  const days = [...new Set(mails.map((name) => `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}`))];
  for (const day of days) {
    expect([day, runCli(['is-workday', day]).stdout.trim()]).toEqual([day, expect.stringMatching(/^是/u)]);
    expect(day >= '2024-12-21' && day <= '2025-01-19').toBe(true);
  }
  expect(data.reminders.days).toBe(30);
  expect(data.reminders.byKind.map((entry) => entry.label)).toEqual(expect.arrayContaining(['待审核', '履职未完成']));
});

test('no 身份证号 or 联系电话 appears in the 公示名单, any mail, the report, its data or the summary', async () => {
  const secrets = dataRows().flatMap((row) => [cell(row, '身份证号'), cell(row, '联系电话')]).filter((value) => value !== '');
  expect(secrets.length).toBe(data.candidates * 2);
  const list = new ExcelJS.Workbook();
  await list.xlsx.readFile(join(folder, '公示名单.xlsx'));
  const listText: string[] = [];
  list.worksheets[0]!.eachRow((row) => row.eachCell((entry) => listText.push(text(entry.value))));
  const places: [string, string][] = [
    ['公示名单.xlsx', listText.join('\n')],
    ['report.html', readFileSync(join(folder, 'report.html'), 'utf8')],
    ['report-data.json', readFileSync(join(folder, 'report-data.json'), 'utf8')],
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ...readdirSync(join(folder, '发件箱')).map((name): [string, string] => [name, emlText(readFileSync(join(folder, '发件箱', name), 'utf8'))]),
  ];
  expect(places.find(([name]) => name.endsWith('.eml'))?.[1]).toMatch(/您好|老师/u); // the mails were decoded
  for (const [place, content] of places) {
    const leaked = secrets.filter((secret) => content.includes(secret));
    expect([place, leaked]).toEqual([place, []]);
  }
  expect(listText).not.toContain('身份证号');
  expect(listText).not.toContain('联系电话');
});

test('a folder that is not empty and not a demo folder is refused (exit 2), left as it was', () => {
  const mine = join(temporaryFolder(), '我的文件');
  mkdirSync(mine);
  writeFileSync(join(mine, '名单.xlsx'), 'mine');
  const refused = runCli(['demo', '--out', mine]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`文件夹“${mine}”不是空的，也不是演示生成的文件夹`);
  expect(refused.stdout).toBe('');
  expect(readdirSync(mine)).toEqual(['名单.xlsx']);
  expect(readFileSync(join(mine, '名单.xlsx'), 'utf8')).toBe('mine');
});

/** A folder an earlier demo left (its marker and report), plus `extra` files of the user's (relative path → content). */
function markedFolder(name: string, extra: Record<string, string>): string {
  const marked = join(temporaryFolder(), name);
  mkdirSync(marked, { recursive: true });
  writeFileSync(join(marked, '.banzhuren-demo'), '此文件夹由 banzhuren demo 生成；再次运行 demo 会删除并重写其中由 demo 写入的文件（其他文件在时拒绝运行）。\n');
  writeFileSync(join(marked, 'report.html'), 'old');
  for (const [path, content] of Object.entries(extra)) {
    mkdirSync(join(marked, path, '..'), { recursive: true });
    writeFileSync(join(marked, path), content);
  }
  return marked;
}

test('a rerun into a demo folder that also holds files of the user is refused (exit 2), naming them, and deletes nothing', () => {
  const marked = markedFolder('重跑', { '论文.docx': 'precious', '子文件夹/a.txt': 'x', '文档/荣誉证书/我的.txt': 'mine', '发件箱/说明.txt': 'note' });
  const before = filesUnder(marked).sort();
  const refused = runCli(['demo', '--out', marked]);
  expect(refused.code).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toContain(`文件夹“${marked}”中有不是演示写入的内容：`);
  for (const name of ['论文.docx', '子文件夹', '文档/荣誉证书/我的.txt', '发件箱/说明.txt']) expect(refused.stderr).toContain(`“${name}”`);
  expect(filesUnder(marked).sort()).toEqual(before);
  expect(readFileSync(join(marked, '论文.docx'), 'utf8')).toBe('precious');
  expect(readFileSync(join(marked, 'report.html'), 'utf8')).toBe('old');
});

test('a marker that is a folder, or without the demo text, and an --out that is a symlink are refused (exit 2), nothing deleted', () => {
  const dirMarker = join(temporaryFolder(), '标记是文件夹');
  mkdirSync(join(dirMarker, '.banzhuren-demo'), { recursive: true });
  writeFileSync(join(dirMarker, 'keep.txt'), 'k');
  const forged = join(temporaryFolder(), '空标记');
  mkdirSync(forged);
  writeFileSync(join(forged, '.banzhuren-demo'), '');
  writeFileSync(join(forged, 'report.html'), 'mine');
  for (const marked of [dirMarker, forged]) {
    const refused = runCli(['demo', '--out', marked]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('中的 .banzhuren-demo 不是演示写下的标记文件')]);
  }
  expect(readFileSync(join(dirMarker, 'keep.txt'), 'utf8')).toBe('k');
  expect(readFileSync(join(forged, 'report.html'), 'utf8')).toBe('mine');
  const target = markedFolder('链接目标', {});
  const link = join(temporaryFolder(), '链接');
  symlinkSync(target, link);
  const refused = runCli(['demo', '--out', link]);
  expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining(`“${link}”是一个符号链接`)]);
  expect(readFileSync(join(target, 'report.html'), 'utf8')).toBe('old');
});

test('a second demo into a folder a running demo holds is refused (exit 2) and leaves the files of the running one alone', () => {
  const busy = markedFolder('正在运行', {});
  // The running demo's lock: this (live) test process stands in for it.
  writeFileSync(join(busy, '.banzhuren-demo.lock'), `${process.pid}\n${processStartToken(process.pid) ?? ''}\n`);
  const refused = runCli(['demo', '--out', busy]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`另一个 banzhuren demo 正在写入文件夹“${busy}”`);
  expect(readFileSync(join(busy, 'report.html'), 'utf8')).toBe('old');
  expect(existsSync(join(busy, '.banzhuren-demo.lock'))).toBe(true);
});

test('Ctrl+C during the season stops it with exit 130 and leaves no lock: the folder stays the demo own, and a rerun may rewrite it', async () => {
  const stopped = join(temporaryFolder(), '中断');
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'banzhuren.js'), 'demo', '--out', stopped], { env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1' } });
  let stderr = '';
  const code = await new Promise<number | null>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      // Interrupted once the workbook exists and the runtime holds its lock (stage 2 is under way).
      if (stderr.includes('[1/12]') && !child.killed) child.kill('SIGINT');
    });
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  expect(code).toBe(130);
  expect(stderr).toContain(`已中断：文件夹“${stopped}”中的结果不完整；再次运行 banzhuren demo 会重写它`);
  const left = readdirSync(stopped);
  expect(left).toContain('.banzhuren-demo');
  expect(left.filter((name) => name.endsWith('.lock'))).toEqual([]);
});

test('extra arguments, a blank --out and a path too long are refused with exit 2 in Chinese before anything is written', () => {
  const cwd = temporaryFolder();
  expect(runCli(['demo', '演示结果'], { cwd })).toMatchObject({ code: 2, stderr: 'banzhuren：参数个数不对。用法：banzhuren demo [--out 文件夹]\n' });
  for (const blank of ['', '   ']) expect(runCli(['demo', '--out', blank], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('--out 需要一个文件夹') });
  const long = join(cwd, 'a'.repeat(300));
  expect(runCli(['demo', '--out', long], { cwd })).toMatchObject({ code: 2, stderr: expect.stringContaining('：文件名或路径太长；请用 --out 另选一个可写的文件夹') });
  expect(readdirSync(cwd)).toEqual([]);
});

test('banzhuren demo --help is its help, in Chinese, with details and examples', () => {
  const help = runCli(['demo', '--help']);
  expect(help.code).toBe(0);
  expect(help.stderr).toBe('');
  expect(help.stdout).toMatch(/^banzhuren demo：[\u4e00-\u9fff]/u);
  expect(help.stdout).toContain('用法：banzhuren demo [--out 文件夹]');
  expect(help.stdout).toMatch(/^ {2}--out 文件夹 +结果写入的文件夹/mu);
  for (const name of ['评选名单.xlsx', '公示名单.xlsx', 'report.html', '.banzhuren-demo', '2024-10-09', '.banzhuren-properties.json', '.banzhuren-demo.lock', '评审基准日']) expect(help.stdout).toContain(name);
  expect(help.stdout).toMatch(/示例：\n {2}npm run demo\n {2}banzhuren demo/u);
  expect(help.stdout).toContain('退出码：0 成功；1 运行出错；2 参数有误');
  expect(runCli(['help', 'demo'])).toEqual(help);
});
