/**
 * Shared rows for the nomination tests: a fully valid 名班主任 row as header → cell, and helpers
 * that turn such a map into a header row and a data row (in any column order).
 */
import { YUXI_2023_2025 } from '../../../src/domain/presets';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { evaluateRow, type EligibilityResult } from '../../../src/domain/nomination/eligibility';
import type { Cell } from '../../../src/domain/nomination/values';

export const preset = YUXI_2023_2025;
export const reviewDate = '2025-09-01';

/** A 名班主任 applying as studio host who meets every rule. 11010519491231002X is a valid 身份证号. */
export const VALID_FAMOUS: Readonly<Record<string, Cell>> = {
  序号: 1,
  姓名: '张丽',
  性别: '女',
  身份证号: '11010519491231002X',
  联系电话: '13812345678',
  电子邮箱: 'zhangli@example.com',
  '县（市、区）': '红塔区',
  学校: '玉溪市第一中学',
  学段: '高中',
  申报类别: '名班主任',
  申报工作室主持人: '是',
  班主任累计年限: '12年',
  县级认定: '县级名班主任',
  政治素质: '符合',
  职业道德: '符合',
  敬业奉献: '符合',
  理论功底: '符合',
  业务水平: '符合',
  身心健康: '符合',
  获奖级别: '市级',
  获奖名称: '班主任基本功展示交流活动一等奖',
  荣誉级别: '省级',
  荣誉名称: '优秀班主任',
  近5年考核: '合格、优秀、合格、合格、优秀',
  科研级别: '县级',
  科研名称: '班级管理课题',
  市级名班主任: '是',
  上届考核结果: '无',
  上届考核日期: '',
  取消资格情形: '',
};

/** A header row and a data row from a header → cell map, optionally with changes. */
export function sheetOf(base: Readonly<Record<string, Cell>>, changes: Record<string, Cell | undefined> = {}): { headers: string[]; row: Cell[] } {
  const merged: Record<string, Cell | undefined> = { ...base, ...changes };
  const entries = Object.entries(merged).filter((entry): entry is [string, Cell] => entry[1] !== undefined);
  return { headers: entries.map(([header]) => header), row: entries.map(([, cell]) => cell) };
}

/** Evaluates the valid row with some columns changed (undefined removes a column). */
export function evaluate(changes: Record<string, Cell | undefined> = {}, base = VALID_FAMOUS, date = reviewDate): EligibilityResult {
  const { headers, row } = sheetOf(base, changes);
  return evaluateRow(matchHeaders(headers), row, { reviewDate: date, preset });
}

/** The finding of one rule, or undefined when the rule did not apply. */
export function findingOf(result: EligibilityResult, rule: string) {
  return result.findings.find((finding) => finding.rule === rule);
}
