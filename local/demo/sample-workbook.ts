/**
 * Writes the demo's sample workbook with exceljs, the way an official's Excel file looks: a merged
 * title row above the header row of 推荐名单, the candidates below it, and a 权限 sheet naming the
 * city reviewer and one reviewer per county. Everything else (the add-on's own sheets and output
 * columns) is made by the add-on's 初始化表格 in the runtime.
 */
import ExcelJS from 'exceljs';
import { HEADER_ROW, SAMPLE_HEADERS, SAMPLE_TITLE, type SampleRow } from './sample-data';

/** The demo's reviewers: one city account and one per county, all at example.com. */
export interface DemoReviewers {
  city: string;
  counties: Record<string, string>;
}

const COUNTY_ACCOUNTS: Record<string, string> = {
  红塔区: 'hongta', 江川区: 'jiangchuan', 澄江市: 'chengjiang', 通海县: 'tonghai', 华宁县: 'huaning', 易门县: 'yimen',
  峨山彝族自治县: 'eshan', 新平彝族傣族自治县: 'xinping', 元江哈尼族彝族傣族自治县: 'yuanjiang',
};

/** The reviewers' addresses for the plan's counties. */
export function demoReviewers(counties: readonly string[]): DemoReviewers {
  const byCounty: Record<string, string> = {};
  counties.forEach((county, index) => {
    byCounty[county] = `${COUNTY_ACCOUNTS[county] ?? `county${index + 1}`}@example.com`;
  });
  return { city: 'city@example.com', counties: byCounty };
}

/** Writes 推荐名单 (title row, header row, candidates) and 权限 to `path`. */
export async function writeSampleWorkbook(path: string, rows: readonly SampleRow[], reviewers: DemoReviewers): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.getCell(1, 1).value = SAMPLE_TITLE;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, SAMPLE_HEADERS.length);
  sheet.getRow(HEADER_ROW).values = [...SAMPLE_HEADERS];
  sheet.getRow(HEADER_ROW).font = { bold: true };
  rows.forEach((row, index) => {
    sheet.getRow(HEADER_ROW + 1 + index).values = SAMPLE_HEADERS.map((header) => row[header] ?? '');
  });
  // 身份证号 and 联系电话 are text, as a careful form keeps them (an 18-digit number would lose digits).
  for (const header of ['身份证号', '联系电话']) sheet.getColumn(SAMPLE_HEADERS.indexOf(header as (typeof SAMPLE_HEADERS)[number]) + 1).numFmt = '@';
  const access = workbook.addWorksheet('权限');
  access.addRow(['邮箱', '角色', '学校']);
  access.addRow([reviewers.city, '市级', '']);
  for (const [county, email] of Object.entries(reviewers.counties)) access.addRow([email, county, '']);
  await workbook.xlsx.writeFile(path);
}
