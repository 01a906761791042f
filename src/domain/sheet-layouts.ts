/**
 * The sheets the add-on keeps in a spreadsheet, as data: each sheet's name, its header row, the
 * dropdown of a column, and the rows a new 设置 sheet starts with. The initialiser creates what is
 * missing and completes headers; it never moves or deletes what a person put there.
 */
import { FIELDS, OUTPUT_COLUMNS, dropdownLists, fieldChoices } from './nomination/fields';
import type { Preset } from './presets';
import { DEFAULT_DAILY_DOCUMENT_QUOTA, DEFAULT_FILE_NAME_PATTERNS } from './documents/kinds';
import { DEFAULT_MAIL_TEMPLATES, DEFAULT_REMINDER_INTERVAL, MAIL_TEMPLATE_HEADERS, REMINDER_LOG_HEADERS } from './reminders/kinds';

/** Names of the add-on's sheets. */
export const SHEET_NAMES = {
  nominations: '推荐名单',
  holidays: '节假日',
  permissions: '权限',
  log: '操作记录',
  settings: '设置',
  publicity: '公示名单',
  dutyLedger: '履职记录',
  dutyReport: '履职情况',
  studios: '工作室',
  studioReport: '工作室情况',
  statistics: '统计',
  reminderLog: '提醒记录',
  mailTemplates: '邮件模板',
} as const;

/**
 * Sheets the add-on itself keeps (its records, settings and generated lists): never nomination
 * sheets, so no check or move ever writes into them. A generated list may carry a suffix
 * (公示名单 2024-09-27至2024-10-09), so names are compared by prefix for those.
 */
const ADD_ON_SHEETS: readonly string[] = [
  SHEET_NAMES.holidays,
  SHEET_NAMES.permissions,
  SHEET_NAMES.log,
  SHEET_NAMES.settings,
  SHEET_NAMES.dutyLedger,
  SHEET_NAMES.studios,
  SHEET_NAMES.reminderLog,
  SHEET_NAMES.mailTemplates,
];
const GENERATED_SHEET_PREFIXES: readonly string[] = [SHEET_NAMES.publicity, SHEET_NAMES.dutyReport, SHEET_NAMES.studioReport, SHEET_NAMES.statistics];

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
  /** Other spellings of some headers: a column headed so counts as that header (no second column is added). */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

/** Keys of the 设置 sheet. */
export const SETTING_KEYS = {
  reviewDate: '评审基准日',
  certificatePattern: '证书编号格式',
  plan: '培养方案',
  firstSemesterStart: '第一学期开始',
  secondSemesterStart: '第二学期开始',
  level: '评选级别',
  certificateTemplate: '证书模板',
  formTemplate: '考核表模板',
  documentFolder: '文档文件夹',
  certificateFileName: '证书文件名',
  formFileName: '考核表文件名',
  dailyDocumentQuota: '每日文档上限',
  reminderInterval: '提醒间隔',
  mailServer: '邮件服务器',
} as const;

/** Headers of the 履职记录 sheet (五（二）–（五）), one row per activity. */
export const DUTY_LEDGER_HEADERS = ['姓名', '证书编号', '身份证号', '学年学期', '类型', '内容', '日期', '级别', '帮带对象', '证明材料链接'] as const;

/** Other header spellings of the ledger's columns, as people write them (folded like every header). */
export const DUTY_LEDGER_HEADER_ALIASES: Readonly<Partial<Record<(typeof DUTY_LEDGER_HEADERS)[number], readonly string[]>>> = {
  姓名: ['教师姓名', '班主任姓名'],
  学年学期: ['学期', '学年度学期'],
  类型: ['活动类型', '履职类型'],
  内容: ['活动内容', '履职内容'],
  日期: ['活动日期', '活动时间', '时间'],
  帮带对象: ['帮带教师', '结对对象', '帮带对象姓名', '结对教师'],
  证明材料链接: ['证明材料', '证明材料（链接）', '证明材料(链接)', '材料链接'],
};

/** Headers of the 工作室 sheet (三（三）), one row per person. */
export const STUDIO_HEADERS = ['工作室名称', '学段', '级别', '角色', '姓名', '所属成员'] as const;

/** The layouts of every add-on sheet for a preset, in the order they are created. */
export function sheetLayouts(preset: Preset): SheetLayout[] {
  const nominationDropdowns: Record<string, string[]> = {};
  for (const field of FIELDS) {
    const choices = fieldChoices(field.key, preset);
    if (choices) nominationDropdowns[field.header] = choices;
  }
  nominationDropdowns['资格审查'] = dropdownLists(preset).verdict ?? [];
  nominationDropdowns['任期考核结果'] = dropdownLists(preset).termAssessment ?? [];
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
        [SETTING_KEYS.firstSemesterStart, preset.semesterStarts.first, '第一学期从该日（月-日）起，至第二学期开始的前一天'],
        [SETTING_KEYS.secondSemesterStart, preset.semesterStarts.second, '第二学期从该日（月-日）起，至下一个第一学期开始的前一天'],
        [SETTING_KEYS.level, '市级', '市级：统计表按每年认定 ' + preset.cityTargetPerYear + ' 人衡量；县级：本县的表格，按每年不少于 ' + preset.countyTargetPerYear + ' 人衡量'],
        [SETTING_KEYS.certificateTemplate, '', '荣誉证书模板（Google 文档）的 ID；离线（banzhuren）时为 .docx 文件的路径，相对于表格所在的文件夹；“初始化模板”填写，可改为自己的模板'],
        [SETTING_KEYS.formTemplate, '', '任期考核表模板（Google 文档）的 ID；离线（banzhuren）时为 .docx 文件的路径，相对于表格所在的文件夹；“初始化模板”填写，可改为自己的模板'],
        [SETTING_KEYS.documentFolder, '', '生成的证书和考核表存放的文件夹 ID；离线（banzhuren）时为表格所在文件夹旁的一个文件夹的路径（相对于表格所在的文件夹）；“初始化模板”填写'],
        [SETTING_KEYS.certificateFileName, DEFAULT_FILE_NAME_PATTERNS.certificate, '证书文件名：{列名} 取该行的值，如 {证书编号}、{姓名}'],
        [SETTING_KEYS.formFileName, DEFAULT_FILE_NAME_PATTERNS.form, '考核表文件名：{列名} 取该行的值'],
        [SETTING_KEYS.dailyDocumentQuota, String(DEFAULT_DAILY_DOCUMENT_QUOTA), '每天最多新建的文档数（Google 个人账号 250，Workspace 账号 1500）；超出的次日继续'],
        [SETTING_KEYS.reminderInterval, String(DEFAULT_REMINDER_INTERVAL), '等待审核的行每满这么多个工作日提醒一次审核人'],
        [SETTING_KEYS.mailServer, '', '仅离线使用：发送提醒邮件的 SMTP 服务器，如 smtp://用户名:密码@smtp.example.com:587；留空则只写入发件箱文件夹'],
      ],
    },
    {
      name: SHEET_NAMES.dutyLedger,
      headers: [...DUTY_LEDGER_HEADERS],
      dropdowns: { 类型: [...preset.dutyKinds], 级别: ['市级', '县级', '校级'] },
      initialRows: [],
      aliases: DUTY_LEDGER_HEADER_ALIASES,
    },
    {
      name: SHEET_NAMES.studios,
      headers: [...STUDIO_HEADERS],
      dropdowns: { 学段: [...preset.stages], 级别: ['市级', '县级'], 角色: ['主持人', '成员', '学员'] },
      initialRows: [],
    },
    {
      name: SHEET_NAMES.mailTemplates,
      headers: [...MAIL_TEMPLATE_HEADERS],
      dropdowns: {},
      initialRows: DEFAULT_MAIL_TEMPLATES.map((row) => [...row]),
    },
    {
      name: SHEET_NAMES.reminderLog,
      headers: [...REMINDER_LOG_HEADERS],
      dropdowns: {},
      initialRows: [],
    },
  ];
}
