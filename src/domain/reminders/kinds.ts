/**
 * The reminders of SPEC §8 as data: each kind's label (the 类型 of 提醒记录 and the 邮件模板 line
 * that shows it), who receives it, and its timing constants; the 提醒记录 columns and results; and
 * the 邮件模板 sheet's rows with their Chinese defaults. Code reads these tables; a new kind is a
 * new row here.
 */
import type { State } from '../workflow/states';

/**
 * A kind of reminder. `jobFailed` names a failed daily run to the city; `unreachable` tells the city
 * of a reminder about a row that nobody can receive (no reviewer in 权限, no valid 电子邮箱);
 * `calendarMissing` tells the city once a year that the calendar lacks a year some rows' reminders need.
 */
export type ReminderKind = 'calendarMissing' | 'waiting' | 'publicityEnding' | 'publicityEnded' | 'termEnding' | 'unreachable' | 'dutiesMissing' | 'jobFailed';

/** Who receives a kind: the row's reviewer (its county's role, or the city's), the city, or the teacher (电子邮箱). */
export type ReminderAudience = 'reviewer' | 'city' | 'teacher';

/** What the add-on knows of a kind. */
export interface ReminderKindInfo {
  /** 提醒记录's 类型 and the 邮件模板 item of its line. */
  label: string;
  audience: ReminderAudience;
}

/** Every kind, in the order a digest lists them. */
export const REMINDER_KINDS: Readonly<Record<ReminderKind, ReminderKindInfo>> = {
  jobFailed: { label: '每日任务失败', audience: 'city' },
  calendarMissing: { label: '节假日安排未收录', audience: 'city' },
  waiting: { label: '待审核', audience: 'reviewer' },
  publicityEnding: { label: '公示即将截止', audience: 'city' },
  publicityEnded: { label: '公示已截止', audience: 'city' },
  termEnding: { label: '任期即将届满', audience: 'city' },
  unreachable: { label: '无法提醒', audience: 'city' },
  dutiesMissing: { label: '履职未完成', audience: 'teacher' },
};

/** The kinds in digest order. */
export const REMINDER_KIND_ORDER: readonly ReminderKind[] = Object.keys(REMINDER_KINDS) as ReminderKind[];

/** 设置 提醒间隔 when blank: a waiting row is named every this many working days. */
export const DEFAULT_REMINDER_INTERVAL = 5;

/** termEnding is due this many calendar days before TERM_END(认定日期). */
export const TERM_ENDING_CALENDAR_DAYS = 30;

/** dutiesMissing is due this many working days before the semester's last day. */
export const DUTIES_MISSING_WORKING_DAYS = 10;

/** The daily job runs at the hourly trigger's first run at or after this hour, in the spreadsheet's zone. */
export const DAILY_JOB_HOUR = 8;

/** Headers of 提醒记录, in order: the six, then the sheet and the occasion that make a reminder unique. */
export const REMINDER_LOG_HEADERS = ['日期', '收件人', '类型', '行', '姓名', '结果', '工作表', '场合'] as const;

/**
 * What 提醒记录's 结果 says. 发送中 is written (and flushed) before the mail is sent and becomes
 * 已发送 after: a reminder with either is never sent again (at most once). 发送失败 (MailApp threw,
 * nothing went out) is tried again on a later working day, at most MAX_SEND_ATTEMPTS times in all;
 * 等待 goes first next working day.
 */
export const REMINDER_RESULTS = {
  sent: '已发送',
  sending: '发送中',
  waiting: '等待：今日邮件配额已用完，下一个工作日优先发送',
  failed: '发送失败',
} as const;

/** A reminder whose sends failed this many times (发送失败 records) is not tried again. */
export const MAX_SEND_ATTEMPTS = 3;

/** The longest value (姓名, 学校, 原因…) an email shows, in characters; a longer one is cut with …. */
export const MAX_VALUE_LENGTH = 100;

/** Items of the 邮件模板 sheet (its 项目 column). 教师结尾 ends a digest to a teacher (no link to the workbook). */
export const MAIL_TEMPLATE_ITEMS = {
  subject: '主题',
  opening: '开头',
  closing: '结尾',
  teacherClosing: '教师结尾',
} as const;

/** Headers of the 邮件模板 sheet. */
export const MAIL_TEMPLATE_HEADERS = ['项目', '内容', '说明'] as const;

/**
 * The placeholders a mail template may use, each `{名称}`. Nothing else is filled: a template that
 * names {身份证号} or {联系电话} keeps the braces, so no personal number can reach an email.
 */
export const MAIL_PLACEHOLDERS = [
  '日期', '条数', '收件人', '表格', '链接',
  '行', '工作表', '姓名', '学校', '县市区', '状态', '等待起算', '等待工作日', '公示截止', '任期届满', '学期', '学期结束', '缺少', '时间', '原因',
] as const;

/** One mail template placeholder's name. */
export type MailPlaceholder = (typeof MAIL_PLACEHOLDERS)[number];

/** The placeholders every part of a digest may use (subject, opening, closing and each line). */
export const DIGEST_PLACEHOLDERS: readonly MailPlaceholder[] = ['日期', '条数', '收件人', '表格', '链接'];

/** The placeholders of a digest to a teacher: no {链接} (a teacher is never sent to the city's workbook). */
export const TEACHER_DIGEST_PLACEHOLDERS: readonly MailPlaceholder[] = DIGEST_PLACEHOLDERS.filter((name) => name !== '链接');

/** A placeholder list as a 说明 shows it: `{日期} {条数} …`. */
function listed(names: readonly MailPlaceholder[]): string {
  return names.map((name) => `{${name}}`).join(' ');
}

/** The 邮件模板 sheet a new spreadsheet starts with: 项目, 内容 (the Chinese default), 说明. */
export const DEFAULT_MAIL_TEMPLATES: readonly (readonly [string, string, string])[] = [
  [MAIL_TEMPLATE_ITEMS.subject, '【班主任评选】{日期} 待办提醒（{条数}项）', `邮件主题；可用 ${listed(DIGEST_PLACEHOLDERS)}`],
  [MAIL_TEMPLATE_ITEMS.opening, '{收件人}：\n您好！截至 {日期}，“{表格}”中有以下事项需要您处理：', `正文开头；可用 ${listed(DIGEST_PLACEHOLDERS)}（发给教师的邮件中{链接}为空）`],
  [REMINDER_KINDS.jobFailed.label, '· 每日任务未能完成（{时间}）：{原因}', '每日任务失败时，当天（或下一个工作日）发给市级'],
  [
    REMINDER_KINDS.calendarMissing.label,
    '· {原因}；请在国务院办公厅公布该年放假安排后，在“节假日”表中录入放假和调休日期（或升级插件），这些提醒随即恢复',
    '发给市级：某年的放假安排尚未收录，部分提醒无法计算日期（每年一次）',
  ],
  [REMINDER_KINDS.waiting.label, '· 待审核：{工作表}第{行}行 {姓名}（{县市区}，{学校}），状态“{状态}”自{等待起算}起已等待 {等待工作日} 个工作日', '发给该行的审核人（县级或市级）'],
  [REMINDER_KINDS.publicityEnding.label, '· 公示即将截止：{工作表}第{行}行 {姓名}（{学校}），公示截止 {公示截止}', '公示截止前一个工作日，发给市级'],
  [REMINDER_KINDS.publicityEnded.label, '· 公示已截止，可以认定：{工作表}第{行}行 {姓名}（{学校}），公示截止 {公示截止}', '公示截止后第一个工作日，发给市级'],
  [REMINDER_KINDS.termEnding.label, '· 任期即将届满：{工作表}第{行}行 {姓名}（{学校}），任期届满 {任期届满}', '任期届满前 30 天，发给市级'],
  [REMINDER_KINDS.unreachable.label, '· 无法提醒：{工作表}第{行}行 {姓名}（{学校}）：{原因}', '发给市级：没有人能收到的提醒（同一问题只告知一次，原因改变时再告知）'],
  [REMINDER_KINDS.dutiesMissing.label, '· {学期}履职尚未完成，还缺少：{缺少}（学期结束 {学期结束}）', '学期结束前 10 个工作日，发给本人（电子邮箱）'],
  [MAIL_TEMPLATE_ITEMS.closing, '请打开表格处理：{链接}\n\n此邮件由班主任评选助手自动发送，每项提醒只发送一次。', `发给审核人的正文结尾；可用 ${listed(DIGEST_PLACEHOLDERS)}`],
  [
    MAIL_TEMPLATE_ITEMS.teacherClosing,
    '请按培养方案第五部分的要求完成本学期履职，并把记录交给学校登记。\n\n此邮件由班主任评选助手自动发送，每项提醒只发送一次。',
    `发给教师本人的正文结尾（不含表格链接）；可用 ${listed(TEACHER_DIGEST_PLACEHOLDERS)}`,
  ],
];

/** Former defaults of 邮件模板 items: a 内容 still equal to one is read as blank (the current default). */
export const FORMER_MAIL_TEMPLATES: Readonly<Record<string, string>> = {
  [REMINDER_KINDS.waiting.label]: '· 待审核：{工作表}第{行}行 {姓名}（{县市区}，{学校}），状态“{状态}”已等待 {等待工作日} 个工作日',
};

/** The placeholders of a reminder about a row of a nomination sheet. */
export const ROW_PLACEHOLDERS: readonly MailPlaceholder[] = ['行', '工作表', '姓名', '学校', '县市区', '状态'];

/** The placeholders each kind's line is given, besides DIGEST_PLACEHOLDERS. */
export const KIND_PLACEHOLDERS: Readonly<Record<ReminderKind, readonly MailPlaceholder[]>> = {
  jobFailed: ['时间', '原因'],
  calendarMissing: ['原因'],
  waiting: [...ROW_PLACEHOLDERS, '等待起算', '等待工作日'],
  publicityEnding: [...ROW_PLACEHOLDERS, '公示截止'],
  publicityEnded: [...ROW_PLACEHOLDERS, '公示截止'],
  termEnding: [...ROW_PLACEHOLDERS, '任期届满'],
  unreachable: [...ROW_PLACEHOLDERS, '原因'],
  dutiesMissing: [...ROW_PLACEHOLDERS, '学期', '学期结束', '缺少'],
};

/** The states in which a row waits for a reviewer (its county's or the city's, as the workflow's moves from it say). */
export const WAITING_STATES: readonly State[] = ['学校推荐', '初审通过', '公示有异议'];
