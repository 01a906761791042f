/**
 * Roles and counties attacked through the real command (issue 7, item 7): a blank 角色 must not
 * make anyone 红塔区's reviewer, and a blank 县（市、区） must not make a row 红塔区's row.
 */
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const HONGTA = 'ht@yuxi.edu.cn';
const BLANK = 'blank@yuxi.edu.cn';

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    [
      candidate({ 姓名: '张丽' }), // 2 红塔区
      candidate({ 姓名: '李华', '县（市、区）': '' }), // 3 blank county
      candidate({ 姓名: '王强', '县（市、区）': '红' }), // 4 unknown county
    ],
    [[HONGTA, '红塔区'], [BLANK, '']],
  );
});

test('a blank 角色 grants nothing, and the 权限 row is reported', async () => {
  const result = runCli(['advance', book, '--rows', '2', '--to', '初审未通过', '--reason', '材料不全', '--as', BLANK, '--today', '2024-09-02']);
  expect(result.code).toBe(3);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('提示：权限第3行：邮箱“blank@yuxi.edu.cn”的角色未填写，该邮箱没有任何权限');
  expect(result.stderr).toContain('第2行：邮箱“blank@yuxi.edu.cn”在“权限”表中的角色未填写或无法识别，没有任何权限');
  expect(result.stderr).not.toContain('不在“权限”表中');
  const { rows } = await readSheet(book, '操作记录');
  expect(rows.slice(1).filter((row) => row.some((cell) => cell !== ''))).toEqual([]);
});

test('a row with a blank or unknown 县（市、区） belongs to no county, and check says 待核实 naming the value', () => {
  const moved = runCli(['advance', book, '--rows', '3,4', '--to', '初审未通过', '--reason', '材料不全', '--as', HONGTA, '--today', '2024-09-02']);
  expect(moved.code).toBe(3);
  expect(moved.stderr).toContain('第3行：该行的县（市、区）未填写，不属于任何县，任何县级账号都不能操作');
  expect(moved.stderr).toContain('第4行：该行的县（市、区）“红”不是本方案的县（市、区）');
  const check = runCli(['check', book, '--json', '--today', '2024-09-02']);
  expect(check.code).toBe(0);
  const rows = JSON.parse(check.stdout) as { row: number; verdict: string; findings: { rule: string; clause: string; verdict: string; message: string }[] }[];
  const county = (row: number) => rows.find((entry) => entry.row === row)?.findings.find((finding) => finding.rule === 'county');
  expect(county(2)).toEqual({ rule: 'county', clause: '四（二）2', verdict: '符合', message: '四（二）2：县（市、区）为“红塔区”' });
  expect(county(3)).toMatchObject({ verdict: '待核实', message: expect.stringContaining('县（市、区）未填写') });
  expect(county(4)).toMatchObject({ verdict: '待核实', message: expect.stringContaining('县（市、区）“红”无法识别') });
  expect(rows.find((entry) => entry.row === 3)?.verdict).toBe('待核实');
});

test('check and publicity-list run as the file\'s owner without --as; with --as, 权限 decides as in Google (exit 3, nothing written)', async () => {
  const before = await readSheet(book, '推荐名单');
  const refusedCheck = runCli(['check', book, '--as', BLANK, '--today', '2024-09-02']);
  expect(refusedCheck.code).toBe(3);
  expect(refusedCheck.stdout).toBe('');
  expect(refusedCheck.stderr.trim()).toBe('邮箱“blank@yuxi.edu.cn”在“权限”表中没有有效的角色，只有市级或县级审核人可以校验全部资格（本次没有做任何修改）');
  const refusedList = runCli(['publicity-list', book, '--as', HONGTA]);
  expect(refusedList.code).toBe(3);
  expect(refusedList.stderr.trim()).toBe('邮箱“ht@yuxi.edu.cn”的角色是红塔区，只有市级可以生成公示名单（本次没有做任何修改）');
  expect(await readSheet(book, '推荐名单')).toEqual(before);
  expect(runCli(['check', book, '--as', HONGTA, '--today', '2024-09-02']).code).toBe(0);
  expect(runCli(['publicity-list', book]).code).toBe(0);
});
