/**
 * The text of a digest email (SPEC §8, issue 10 item 3): the editable 邮件模板 sheet read into
 * templates (a blank item takes its Chinese default; problems name the row and the value), one
 * digest composed from them by filling `{名称}` placeholders in one pass, and the last guard that no
 * 身份证号 or 联系电话 of the rows reaches an email. Only MAIL_PLACEHOLDERS are ever filled, and none
 * of them carries a personal number. Pure.
 */
import { formatChineseDate, type CalendarDate } from '../calendar-date';
import { FIELDS } from '../nomination/fields';
import { rolesOf, type Permissions } from '../workflow/roles';
import {
  DEFAULT_MAIL_TEMPLATES,
  DIGEST_PLACEHOLDERS,
  FORMER_MAIL_TEMPLATES,
  KIND_PLACEHOLDERS,
  MAIL_PLACEHOLDERS,
  MAIL_TEMPLATE_HEADERS,
  MAIL_TEMPLATE_ITEMS,
  MAX_VALUE_LENGTH,
  REMINDER_KIND_ORDER,
  REMINDER_KINDS,
  TEACHER_DIGEST_PLACEHOLDERS,
  type MailPlaceholder,
  type ReminderKind,
} from './kinds';
import { normalizeEmail, type DueReminder } from './due';
import { compareReminders, type DigestPlan } from './plan';

/** The texts a digest is made of. */
export interface MailTemplates {
  subject: string;
  opening: string;
  /** Ends a digest to a reviewer (with {链接}). */
  closing: string;
  /** Ends a digest to a teacher (教师结尾): no link, a teacher is never sent to the city's workbook. */
  teacherClosing: string;
  lines: Record<ReminderKind, string>;
}

/** What a digest needs besides its plan and templates. */
export interface DigestContext {
  today: CalendarDate;
  spreadsheetName: string;
  spreadsheetUrl: string;
  /** The recipient's name; '' shows the email. */
  recipientName: string;
}

/** The longest subject, in characters; a longer one is cut with …. */
export const MAX_SUBJECT_LENGTH = 200;

/** Which template a 邮件模板 row sets: a digest part or a kind's line. */
type TemplateItem = { part: 'subject' | 'opening' | 'closing' | 'teacherClosing' } | { kind: ReminderKind };

const ITEM_BY_TEXT: ReadonlyMap<string, TemplateItem> = new Map<string, TemplateItem>([
  [MAIL_TEMPLATE_ITEMS.subject, { part: 'subject' }],
  [MAIL_TEMPLATE_ITEMS.opening, { part: 'opening' }],
  [MAIL_TEMPLATE_ITEMS.closing, { part: 'closing' }],
  [MAIL_TEMPLATE_ITEMS.teacherClosing, { part: 'teacherClosing' }],
  ...REMINDER_KIND_ORDER.map((kind) => [REMINDER_KINDS[kind].label, { kind }] as [string, TemplateItem]),
]);

/** The placeholders an item is given values for. */
function placeholdersOf(item: TemplateItem): readonly MailPlaceholder[] {
  if ('part' in item) return item.part === 'teacherClosing' ? TEACHER_DIGEST_PLACEHOLDERS : DIGEST_PLACEHOLDERS;
  const digest = REMINDER_KINDS[item.kind].audience === 'teacher' ? TEACHER_DIGEST_PLACEHOLDERS : DIGEST_PLACEHOLDERS;
  return [...digest, ...KIND_PLACEHOLDERS[item.kind]];
}

/** Headers of personal columns (身份证号, 联系电话 and their other spellings), folded: never filled in an email. */
const PERSONAL_NAMES: ReadonlySet<string> = new Set(
  FIELDS.filter((field) => field.personal).flatMap((field) => [field.header, ...(field.aliases ?? [])].map(foldName)),
);

function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** `{名称}` placeholders of a text: no braces or newline inside. */
const PLACEHOLDER = /\{([^{}\n]*)\}/gu;

/** The default templates (DEFAULT_MAIL_TEMPLATES). */
export function defaultMailTemplates(): MailTemplates {
  const lines = {} as Record<ReminderKind, string>;
  const templates: MailTemplates = { subject: '', opening: '', closing: '', teacherClosing: '', lines };
  for (const [itemText, content] of DEFAULT_MAIL_TEMPLATES) setItem(templates, ITEM_BY_TEXT.get(itemText), content);
  return templates;
}

function setItem(templates: MailTemplates, item: TemplateItem | undefined, content: string): void {
  if (item === undefined) return;
  if ('part' in item) templates[item.part] = content;
  else templates.lines[item.kind] = content;
}

function cellText(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell).replace(/\r\n?/gu, '\n');
}

/** What is wrong with the placeholders of one 邮件模板 row's 内容. */
function placeholderProblems(content: string, item: TemplateItem, where: string): string[] {
  const problems: string[] = [];
  const given = placeholdersOf(item);
  const seen = new Set<string>();
  for (const match of content.matchAll(PLACEHOLDER)) {
    const name = (match[1] ?? '').trim();
    if (seen.has(name)) continue;
    seen.add(name);
    if (PERSONAL_NAMES.has(foldName(name))) {
      problems.push(`${where}：占位符{${name}}是个人信息，邮件中永远不会填写（原样保留），请删去`);
    } else if (!(MAIL_PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`${where}：占位符{${name}}无法识别，将原样保留；可用：${given.map((known) => `{${known}}`).join(' ')}`);
    } else if (!given.includes(name as MailPlaceholder)) {
      problems.push(`${where}：占位符{${name}}在此项中没有值，将原样保留；可用：${given.map((known) => `{${known}}`).join(' ')}`);
    }
  }
  return problems;
}

/** Reads 邮件模板 rows (header row found by 项目, 内容); a blank, missing or former-default item takes its default; problems name row and value. */
export function readMailTemplates(cells: readonly (readonly unknown[])[]): { templates: MailTemplates; problems: string[] } {
  const templates = defaultMailTemplates();
  const problems: string[] = [];
  if (cells.length === 0) return { templates, problems };
  const [itemHeader, contentHeader] = MAIL_TEMPLATE_HEADERS;
  const headerIndex = cells.findIndex((row) => {
    const texts = row.map((cell) => cellText(cell).trim());
    return texts.includes(itemHeader) && texts.includes(contentHeader);
  });
  if (headerIndex < 0) {
    problems.push(`“邮件模板”表缺少“${itemHeader}”或“${contentHeader}”列，已使用默认邮件模板`);
    return { templates, problems };
  }
  const header = (cells[headerIndex] ?? []).map((cell) => cellText(cell).trim());
  const itemColumn = header.indexOf(itemHeader);
  const contentColumn = header.indexOf(contentHeader);
  const setOnRow = new Map<string, number>();
  const known = [...ITEM_BY_TEXT.keys()].join('、');
  cells.slice(headerIndex + 1).forEach((row, offset) => {
    const rowNumber = headerIndex + offset + 2;
    const itemText = cellText(row[itemColumn]).trim();
    const content = cellText(row[contentColumn]);
    if (itemText === '') {
      if (content.trim() !== '') problems.push(`“邮件模板”第${rowNumber}行：有内容但未填写项目，已忽略；项目应为 ${known}`);
      return;
    }
    const item = ITEM_BY_TEXT.get(itemText);
    const where = `“邮件模板”第${rowNumber}行（${itemText}）`;
    if (item === undefined) {
      problems.push(`“邮件模板”第${rowNumber}行：项目“${itemText}”无法识别，已忽略；项目应为 ${known}`);
      return;
    }
    const earlier = setOnRow.get(itemText);
    if (earlier !== undefined) {
      problems.push(`${where}：与第${earlier}行的项目重复，已忽略，使用第${earlier}行`);
      return;
    }
    setOnRow.set(itemText, rowNumber);
    if (content.trim() === '') return;
    problems.push(...placeholderProblems(content, item, where));
    if (content.trim() === FORMER_MAIL_TEMPLATES[itemText]) return;
    setItem(templates, item, content);
  });
  return { templates, problems };
}

/** Whether a digest goes to a teacher: every reminder in it is for the teacher (履职). */
export function isTeacherDigest(plan: DigestPlan): boolean {
  return plan.reminders.length > 0 && plan.reminders.every((reminder) => REMINDER_KINDS[reminder.kind].audience === 'teacher');
}

/**
 * The name a digest greets ({收件人}): a teacher's digest (履职 reminders of one name) `姓名老师`;
 * a reviewer's by the roles 权限 gives the recipient — `市级审核人`, `红塔区审核人`, several joined
 * with 、; '' when neither is known (composeDigest then shows the email).
 */
export function digestRecipientName(plan: DigestPlan, permissions?: Permissions): string {
  if (isTeacherDigest(plan)) {
    const names = new Set(plan.reminders.map((reminder) => reminder.name.trim()));
    const [name] = [...names];
    return names.size === 1 && name !== undefined && name !== '' ? `${name}老师` : '';
  }
  if (permissions === undefined) return '';
  const titles: string[] = [];
  for (const role of rolesOf(permissions, normalizeEmail(plan.recipient))) {
    const title = role.kind === 'city' ? '市级审核人' : role.kind === 'county' ? `${role.county}审核人` : null;
    if (title !== null && !titles.includes(title)) titles.push(title);
  }
  return titles.join('、');
}

/** A text with its known placeholders filled, in one pass: a value is never expanded again; an unknown `{x}` stays. */
function fill(template: string, values: Partial<Record<MailPlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (whole: string, name: string) => {
    const key = name.trim();
    if (!(MAIL_PLACEHOLDERS as readonly string[]).includes(key)) return whole;
    const value = values[key as MailPlaceholder];
    return value === undefined ? whole : value;
  });
}

/** A value on one line: its newlines folded to spaces (each reminder stays one line). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ').trim();
}

/** A value as an email shows it: one line of at most MAX_VALUE_LENGTH characters (cut with …). */
function shortValue(text: string): string {
  const characters = Array.from(oneLine(text));
  return characters.length <= MAX_VALUE_LENGTH ? characters.join('') : `${characters.slice(0, MAX_VALUE_LENGTH - 1).join('')}…`;
}

/** A subject: one line, at most MAX_SUBJECT_LENGTH characters (cut with …). */
function subjectLine(text: string): string {
  const characters = Array.from(oneLine(text));
  return characters.length <= MAX_SUBJECT_LENGTH ? characters.join('') : `${characters.slice(0, MAX_SUBJECT_LENGTH - 1).join('')}…`;
}

/**
 * Subject and plain-text body of one digest: opening, one line per reminder in REMINDER_KIND_ORDER,
 * closing — 教师结尾 and no {链接} (it fills as '') for a digest to a teacher. Every value is one line
 * of at most MAX_VALUE_LENGTH characters (the link excepted), so a body stays far below MailApp's limit.
 */
export function composeDigest(plan: DigestPlan, templates: MailTemplates, context: DigestContext): { subject: string; body: string } {
  const teacher = isTeacherDigest(plan);
  const digestValues: Partial<Record<MailPlaceholder, string>> = {
    日期: formatChineseDate(context.today),
    条数: String(plan.reminders.length),
    收件人: shortValue(context.recipientName) || shortValue(plan.recipient),
    表格: shortValue(context.spreadsheetName),
    链接: teacher ? '' : context.spreadsheetUrl.trim(),
  };
  const lines = [...plan.reminders].sort(compareReminders).map((reminder) => {
    const values: Partial<Record<MailPlaceholder, string>> = { ...digestValues };
    for (const [name, value] of Object.entries(reminder.values) as [MailPlaceholder, string][]) values[name] = shortValue(value);
    return fill(templates.lines[reminder.kind], values);
  });
  const closing = teacher ? templates.teacherClosing : templates.closing;
  const body = [fill(templates.opening, digestValues), lines.join('\n'), fill(closing, digestValues)].join('\n\n');
  return { subject: subjectLine(fill(templates.subject, digestValues)), body };
}

/**
 * A text folded for comparing numbers: full-width and other compatibility forms folded (NFKC), then
 * every separator a person or a template could put between digits removed — punctuation (\p{P}),
 * symbols (\p{S}), separators (\p{Z}), invisible format characters such as zero-width spaces
 * (\p{Cf}) and whitespace — and upper-cased (the X of a 身份证号).
 */
function foldNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\p{P}\p{S}\p{Z}\p{Cf}\s]/gu, '').toUpperCase();
}

/** Shorter numbers (after folding) are not looked for: blank or partial cells would match anything. */
const MIN_PERSONAL_NUMBER_LENGTH = 7;

/** The folded forms a personal number is looked for in: itself, and a phone with China's country code also without it. */
function numberForms(number: string): string[] {
  const forms = [foldNumber(number)];
  const national = /^(?:\+86|0086)(.+)$/u.exec(number.normalize('NFKC').trim());
  if (national?.[1] !== undefined) forms.push(foldNumber(national[1]));
  return forms.filter((form) => form.length >= MIN_PERSONAL_NUMBER_LENGTH);
}

/** Digits, full-width digits, and the separators people put inside a phone or ID number. */
const NUMBER_RUN = /[0-9\uFF10-\uFF19](?:[\s\-\u2010-\u2015\u30FC./·()（）\u200B-\u200D]*[0-9\uFF10-\uFF19Xx\uFF38\uFF58])+/gu;

/** The least digits a run must have to be hidden: a mobile number has 11, a 身份证号 18; a date 'YYYY-MM-DD HH' has 10. */
const HIDDEN_NUMBER_DIGITS = 11;

/**
 * A failure's reason with every run of 11 or more digits (separators allowed) replaced by ＊＊＊: an
 * error message may quote a cell, and a phone or 身份证号 typed into the wrong sheet must not reach
 * the city's email or 操作记录 through it, even when the list itself could not be read.
 */
export function hideLongNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => ((run.match(/[0-9\uFF10-\uFF19]/gu) ?? []).length >= HIDDEN_NUMBER_DIGITS ? '＊＊＊' : run));
}

/** Whether a text contains any of these personal numbers (身份证号/联系电话 of the rows), compared with every separator folded away, case-insensitively. */
export function containsPersonalNumber(text: string, personalNumbers: readonly string[]): boolean {
  const folded = foldNumber(text);
  return personalNumbers.some((number) => numberForms(number).some((form) => folded.includes(form)));
}

/**
 * The placeholders of a reminder whose value contains one of these personal numbers ('姓名' for its
 * name), in MAIL_PLACEHOLDERS order; empty when none. The job names these (never the number) and
 * leaves the reminder out of its digest.
 */
export function personalNumberPlaceholders(reminder: DueReminder, personalNumbers: readonly string[]): MailPlaceholder[] {
  const found = new Set<MailPlaceholder>();
  if (containsPersonalNumber(reminder.name, personalNumbers)) found.add('姓名');
  for (const [name, value] of Object.entries(reminder.values) as [MailPlaceholder, string | undefined][]) {
    if (value !== undefined && containsPersonalNumber(value, personalNumbers)) found.add(name);
  }
  return MAIL_PLACEHOLDERS.filter((name) => found.has(name));
}

/** Whether a reminder's values or name contain one of these personal numbers (then it must not be mailed). */
export function reminderHasPersonalNumber(reminder: DueReminder, personalNumbers: readonly string[]): boolean {
  return personalNumberPlaceholders(reminder, personalNumbers).length > 0;
}
