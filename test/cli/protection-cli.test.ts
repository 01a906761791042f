/**
 * `banzhuren init` protects the add-on's records (issue 7, item 8): 权限 and 设置 editable by the
 * owner only, 操作记录 by the owner and the accounts of 权限 (they append to it); offline the
 * protections are recorded in the workbook's state as Sheets would hold them. Re-running init
 * changes nothing unless 权限 changed.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { readSheet, temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const OWNER = 'owner@yuxi.edu.cn';

interface Protection {
  type: string;
  sheetName: string;
  description: string;
  warningOnly: boolean;
  editors?: string[];
}

/** The sheet protections recorded in the workbook's state, by sheet. */
async function sheetProtections(): Promise<Map<string, Protection>> {
  const { rows } = await readSheet(book, '_banzhuren');
  const protections = rows.filter((row) => row[0] === 'protection').map((row) => JSON.parse(row.slice(3).join('')) as Protection);
  return new Map(protections.filter((protection) => protection.type === 'SHEET').map((protection) => [protection.sheetName, protection]));
}

/** Writes 权限's rows under its header. */
async function setPermissions(rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('权限')!;
  for (let row = 2; row <= Math.max(sheet.rowCount, rows.length + 1); row += 1) sheet.getRow(row).values = rows[row - 2] ?? [];
  await workbook.xlsx.writeFile(book);
}

test('权限, 操作记录 and 设置 are protected, owner only (操作记录: and the accounts of 权限)', async () => {
  const first = runCli(['init', book, '--as', OWNER]);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('权限：新建；补充列：邮箱、角色、学校；冻结表头；“角色”下拉选项；设为受保护：仅表格所有者可编辑');
  expect(first.stdout).toContain('设置：新建；补充列：设置项、值、说明；冻结表头；“说明”列宽320像素、自动换行；设为受保护：仅表格所有者可编辑');
  expect(first.stdout).toMatch(/操作记录：.*设为受保护：仅表格所有者和“权限”表中的账号可编辑/u);
  let protections = await sheetProtections();
  expect([...protections.keys()].sort()).toEqual(['操作记录', '权限', '设置'].sort());
  for (const protection of protections.values()) {
    expect(protection).toMatchObject({ warningOnly: false, editors: [OWNER], description: expect.stringMatching(/^班主任评选助手：/u) });
  }
  expect(protections.has('推荐名单')).toBe(false);

  await setPermissions([['City@yuxi.edu.cn', '市级'], ['ht@yuxi.edu.cn', '红塔区'], ['nobody@yuxi.edu.cn', '']]);
  const second = runCli(['init', book, '--as', OWNER]);
  expect(second.stdout).toContain('操作记录：可编辑账号新增：city@yuxi.edu.cn、ht@yuxi.edu.cn');
  expect(second.stdout).toContain('权限：无需修改');
  protections = await sheetProtections();
  expect(protections.get('操作记录')?.editors).toEqual([OWNER, 'city@yuxi.edu.cn', 'ht@yuxi.edu.cn']);
  expect(protections.get('权限')?.editors).toEqual([OWNER]);

  expect(runCli(['init', book, '--as', OWNER]).stdout).toMatch(/操作记录：无需修改/u);

  await setPermissions([['city@yuxi.edu.cn', '市级']]);
  const third = runCli(['init', book, '--as', OWNER]);
  expect(third.stdout).toContain('操作记录：可编辑账号移除：ht@yuxi.edu.cn');
  expect((await sheetProtections()).get('操作记录')?.editors).toEqual([OWNER, 'city@yuxi.edu.cn']);
});
