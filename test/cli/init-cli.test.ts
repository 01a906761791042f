/**
 * `banzhuren init` as an official runs it: on a missing file it creates the workbook with every
 * sheet and header; on a county's own file it only adds what is missing at the right end; run
 * again it changes nothing; a first row that is data, not headers, is reported and left alone.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { readSheet, temporaryFolder, writeWorkbook } from '../support/workbooks';

const folder = temporaryFolder();

test('creates a missing workbook with every sheet, header, dropdown, colour and frozen row', async () => {
  const book = join(folder, 'new.xlsx');
  const result = runCli(['init', book]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('推荐名单：新建');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const names = workbook.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name);
  expect(names).toEqual(expect.arrayContaining(['推荐名单', '节假日', '权限', '操作记录', '设置']));
  const nominations = workbook.getWorksheet('推荐名单')!;
  const headers = (nominations.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['序号', '姓名', '性别']);
  expect(headers).toEqual(expect.arrayContaining(['身份证号', '近5年考核', '取消资格情形', '资格审查', '审查说明', '状态', '公示截止', '证书编号', '最后操作']));
  expect(nominations.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const category = headers.indexOf('申报类别') + 1;
  const validation = nominations.getCell(2, category).dataValidation;
  expect(validation).toMatchObject({ type: 'list' });
  expect(JSON.stringify(validation.formulae)).toContain('名班主任');
  const settings = await readSheet(book, '设置');
  expect(settings.rows[1]?.[0]).toBe('评审基准日');
  expect(settings.rows[2]?.slice(0, 2)).toEqual(['证书编号格式', '玉教班〔{year}〕{seq:000}号']);
  expect(settings.rows.map((row) => row.slice(0, 2))).toEqual(expect.arrayContaining([['第一学期开始', '9-1'], ['第二学期开始', '2-1'], ['评选级别', '市级']]));
  const ledger = await readSheet(book, '履职记录');
  expect(ledger.rows[0]).toEqual(['姓名', '证书编号', '身份证号', '学年学期', '类型', '内容', '日期', '级别', '帮带对象', '证明材料链接']);
  expect(JSON.stringify(workbook.getWorksheet('履职记录')!.getCell(2, 5).dataValidation.formulae)).toContain('结对帮带');
  const studios = await readSheet(book, '工作室');
  expect(studios.rows[0]).toEqual(['工作室名称', '学段', '级别', '角色', '姓名', '所属成员']);
  expect(JSON.stringify(workbook.getWorksheet('工作室')!.getCell(2, 4).dataValidation.formulae)).toContain('主持人');
});

test('run again, it changes nothing', async () => {
  const book = join(folder, 'again.xlsx');
  runCli(['init', book]);
  const before = await readSheet(book, '推荐名单');
  const result = runCli(['init', book, '--stats']);
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n')).toEqual(['推荐名单：无需修改', '节假日：无需修改', '权限：无需修改', '操作记录：无需修改', '设置：无需修改', '履职记录：无需修改', '工作室：无需修改', '邮件模板：无需修改', '提醒记录：无需修改']);
  const writes = Object.entries(JSON.parse(result.stderr.trim().split('\n').pop()!).calls as Record<string, number>).filter(([name]) =>
    /\.(set|insert|protect|append)/.test(name),
  );
  expect(writes).toEqual([]);
  expect(await readSheet(book, '推荐名单')).toEqual(before);
});

test("completes a county's own sheet without moving or changing anything typed", async () => {
  const book = await writeWorkbook(join(folder, 'county.xlsx'), '推荐名单', [
    ['学校', '姓名（必填）', '我的备注', '姓名 *', '班主任累计年限'],
    ['玉溪一中', '', '先报这个', '张丽', '12年'],
  ]);
  const result = runCli(['init', book]);
  expect(result.code).toBe(0);
  const sheet = await readSheet(book, '推荐名单');
  expect(sheet.rows[0]?.slice(0, 5)).toEqual(['学校', '姓名（必填）', '我的备注', '姓名 *', '班主任累计年限']);
  expect(sheet.rows[1]?.slice(0, 5)).toEqual(['玉溪一中', '', '先报这个', '张丽', '12年']);
  expect(sheet.rows[0]).toEqual(expect.arrayContaining(['性别', '资格审查', '最后操作']));
  expect((sheet.rows[0] as string[]).filter((header) => header === '学校')).toHaveLength(1);
});

test('a first row of data is reported, not overwritten', async () => {
  const book = await writeWorkbook(join(folder, 'data-first.xlsx'), '推荐名单', [['张三', '某小学', 5]]);
  const result = runCli(['init', book]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('推荐名单：工作表“推荐名单”前10行中没有表头行');
  expect((await readSheet(book, '推荐名单')).rows).toEqual([['张三', '某小学', 5]]);
});

test('a 履职记录 headed in common other spellings (活动类型, 活动日期…) gets no second, empty column for them', async () => {
  const book = await writeWorkbook(join(folder, 'ledger-spellings.xlsx'), '履职记录', [
    ['姓名', '活动类型', '活动日期', '活动内容', '证明材料'],
    ['张丽', '读书', '2024-10-15', '《班主任工作漫谈》', 'https://example.com/1'],
  ]);
  const result = runCli(['init', book]);
  expect(result.code).toBe(0);
  const ledger = await readSheet(book, '履职记录');
  expect(ledger.rows[0]).toEqual(['姓名', '活动类型', '活动日期', '活动内容', '证明材料', '证书编号', '身份证号', '学年学期', '级别', '帮带对象']);
  expect(ledger.rows[1]).toEqual(['张丽', '读书', '2024-10-15', '《班主任工作漫谈》', 'https://example.com/1']);
  // The 类型 dropdown is on the column headed 活动类型.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  expect(JSON.stringify(workbook.getWorksheet('履职记录')!.getCell(3, 2).dataValidation.formulae)).toContain('结对帮带');
});
