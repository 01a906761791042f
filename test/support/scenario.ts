/**
 * A county nomination workbook for workflow tests: `banzhuren init`, then candidate rows and a
 * 权限 sheet written the way officials fill them in (exceljs, as Excel would save them).
 */
import ExcelJS from 'exceljs';
import { runCli } from './cli';

/** A candidate who meets every rule (骨干班主任); override any column by its header. */
export function candidate(changes: Record<string, unknown>): Record<string, unknown> {
  return {
    姓名: '张丽', 性别: '女', 身份证号: '11010519491231002X', 联系电话: '13812345678', 电子邮箱: 'zhangli@example.com',
    '县（市、区）': '红塔区', 学校: '玉溪第一中学', 学段: '高中', 申报类别: '骨干班主任', 班主任累计年限: 6,
    县级认定: '县级骨干班主任', 政治素质: '符合', 职业道德: '符合', 敬业奉献: '符合', 理论功底: '符合', 业务水平: '符合',
    身心健康: '符合', 获奖级别: '县级', 荣誉级别: '市级',
    ...changes,
  };
}

/** Initialises `path` and fills 推荐名单 (from row 2) and 权限. */
export async function scenarioWorkbook(path: string, candidates: Record<string, unknown>[], permissions: [string, string, string?][]): Promise<void> {
  const init = runCli(['init', path]);
  if (init.code !== 0) throw new Error(init.stderr);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  candidates.forEach((row, index) => {
    for (const [header, value] of Object.entries(row)) {
      const column = headers.indexOf(header);
      if (column < 0) throw new Error(`no column ${header}`);
      sheet.getCell(index + 2, column + 1).value = value as ExcelJS.CellValue;
    }
  });
  const access = workbook.getWorksheet('权限')!;
  permissions.forEach(([email, role, school], index) => {
    access.getRow(index + 2).values = [email, role, school ?? ''];
  });
  await workbook.xlsx.writeFile(path);
}

/** Sets one 设置 row's 值 (by its 设置项, e.g. 评选级别) in a workbook made by init, as an official would type it. */
export async function setSetting(path: string, key: string, value: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let found = false;
  workbook.getWorksheet('设置')!.eachRow((row) => {
    if (row.getCell(1).value !== key) return;
    row.getCell(2).value = value;
    found = true;
  });
  if (!found) throw new Error(`no 设置 row ${key}`);
  await workbook.xlsx.writeFile(path);
}
