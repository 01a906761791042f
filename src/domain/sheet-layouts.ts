/**
 * The sheets the add-on keeps in a spreadsheet, as data: each sheet's name, its header row, the
 * dropdown of a column, and the rows a new 设置 sheet starts with. The initialiser creates what is
 * missing and completes headers; it never moves or deletes what a person put there.
 */
import { FIELDS, OUTPUT_COLUMNS, dropdownLists, fieldChoices } from './nomination/fields';
import type { Preset } from './presets';

/** Names of the add-on's sheets. */
export const SHEET_NAMES = {
  nominations: '推荐名单',
  holidays: '节假日',
  permissions: '权限',
  log: '操作记录',
  settings: '设置',
  publicity: '公示名单',
} as const;

/**
 * Sheets the add-on itself keeps (its records, settings and generated lists): never nomination
 * sheets, so no check or move ever writes into them. A generated list may carry a suffix
 * (公示名单 2024-09-27至2024-10-09), so names are compared by prefix for those.
 */
const ADD_ON_SHEETS: readonly string[] = [SHEET_NAMES.holidays, SHEET_NAMES.permissions, SHEET_NAMES.log, SHEET_NAMES.settings];
const GENERATED_SHEET_PREFIXES: readonly string[] = [SHEET_NAMES.publicity];

/** Whether a sheet of this name may hold nominations (it is not one of the add-on's own sheets). */
export function mayHoldNominations(sheetName: string): boolean {
  const name = sheetName.trim();
  if (name.startsWith('_')) return false;
  if (ADD_ON_SHEETS.includes(name)) return false;
  return !GENERATED_SHEET_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** One sheet's layout: headers in order and the dropdown list of some columns. */
export interface SheetLayout {
  name: string;
  headers: string[];
  dropdowns: Record<string, string[]>;
  /** Rows a newly created sheet starts with (under the header). */
  initialRows: string[][];
}

/** Keys of the 设置 sheet. */
export const SETTING_KEYS = {
  reviewDate: '评审基准日',
  certificatePattern: '证书编号格式',
  plan: '培养方案',
} as const;

/** The layouts of every add-on sheet for a preset, in the order they are created. */
export function sheetLayouts(preset: Preset): SheetLayout[] {
  const nominationDropdowns: Record<string, string[]> = {};
  for (const field of FIELDS) {
    const choices = fieldChoices(field.key, preset);
    if (choices) nominationDropdowns[field.header] = choices;
  }
  nominationDropdowns['资格审查'] = dropdownLists(preset).verdict ?? [];
  return [
    {
      name: SHEET_NAMES.nominations,
      headers: [...FIELDS.map((field) => field.header), ...OUTPUT_COLUMNS],
      dropdowns: nominationDropdowns,
      initialRows: [],
    },
    {
      name: SHEET_NAMES.holidays,
      headers: ['日期', '类型', '名称'],
      dropdowns: { 类型: ['休', '班'] },
      initialRows: [],
    },
    {
      name: SHEET_NAMES.permissions,
      headers: ['邮箱', '角色', '学校'],
      dropdowns: { 角色: ['市级', ...preset.counties, '学校'] },
      initialRows: [],
    },
    {
      name: SHEET_NAMES.log,
      headers: ['时间', '操作人', '工作表', '行', '姓名', '原状态', '新状态', '说明'],
      dropdowns: {},
      initialRows: [],
    },
    {
      name: SHEET_NAMES.settings,
      headers: ['设置项', '值', '说明'],
      dropdowns: {},
      initialRows: [
        [SETTING_KEYS.reviewDate, '', '资格审查的基准日期；留空为表格时区的今天'],
        [SETTING_KEYS.certificatePattern, preset.certificatePattern, '{year} 为认定年份，{seq:000} 为当年流水号'],
        [SETTING_KEYS.plan, preset.title, '本表格使用的培养方案'],
      ],
    },
  ];
}
