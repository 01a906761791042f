/**
 * Menu actions and server functions of documents (SPEC §7, issue 9): runCreateTemplates makes the
 * default templates (初始化模板); runDocuments checks a template against the nomination sheet and
 * makes one certificate or term assessment form per row, resumably (JSON-safe, for the CLI and
 * the sidebar); the menu items 生成证书 / 生成考核表 show the pre-flight first, ask before going on
 * when it lists problems, then show a summary.
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import { DEFAULT_PRESET } from '../domain/presets';
import { runDocumentBatch, type DocumentRunOptions, type DocumentRunResult } from '../gas/document-batch';
import { DocumentBusyError } from '../gas/document-lock';
import { DocumentSettingError } from '../gas/document-settings';
import { createDefaultTemplates, type CreatedTemplates } from '../gas/document-templates';
import { requireActiveUserEmail, UnknownUserError } from '../gas/session';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { askYesNo } from '../gas/document-dialogs';
import { showMessage } from '../gas/ui';
import { HOURLY_TRIGGER_HANDLER } from './hourly-trigger';
import { RoleRefusedError, requireAction } from './role-check';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

export type { DocumentRunOptions, DocumentRunResult } from '../gas/document-batch';

/** Checks a template (check) or makes the documents of a batch as the active user (see DocumentRunOptions). */
export function runDocuments(options: DocumentRunOptions): DocumentRunResult {
  if (options === null || typeof options !== 'object' || (options.kind !== 'certificate' && options.kind !== 'form')) throw new ArgumentError('文档种类无效，应为 certificate（荣誉证书）或 form（任期考核表）');
  if (options.rows !== undefined && !options.rows.every((row) => Number.isSafeInteger(row) && row >= 1)) throw new ArgumentError(`行号“${options.rows.join(',')}”无效，应为正整数`);
  if (options.dailyQuota !== undefined && !(Number.isSafeInteger(options.dailyQuota) && options.dailyQuota >= 1)) throw new ArgumentError(`每日文档上限“${options.dailyQuota}”无效，应为正整数`);
  const spreadsheet = activeSpreadsheet();
  const sheet = nominationSheetName(spreadsheet, options.sheet);
  const caller = options.check ? { email: '' } : { email: requireActiveUserEmail() };
  try {
    return onNominationSheet(() => runDocumentBatch(spreadsheet, { ...options, ...(options.sheet === undefined ? {} : { sheet }) }, caller, HOURLY_TRIGGER_HANDLER, DEFAULT_PRESET));
  } catch (error) {
    if (error instanceof DocumentSettingError) throw new ArgumentError(error.message);
    throw error;
  }
}

/**
 * Creates the default templates (in a new folder 班主任评选文档 unless one is given). Unless record is
 * false, their ids replace 设置's 证书模板/考核表模板/文档文件夹: city only (checked before any file
 * is made) and logged in 操作记录. With record false nothing of the workbook changes (the CLI's
 * `banzhuren templates`), so no role is needed.
 */
export function runCreateTemplates(options: { folderId?: string; record?: boolean } = {}): CreatedTemplates {
  const given = options ?? {};
  if (given === null || typeof given !== 'object') throw new ArgumentError('初始化模板的参数无效');
  const spreadsheet = activeSpreadsheet();
  const record = given.record !== false;
  const by = record ? requireAction(spreadsheet, 'createTemplates').email : undefined;
  return createDefaultTemplates(spreadsheet, { ...given, record, ...(by === undefined ? {} : { by }) }, DEFAULT_PRESET);
}

/** What 初始化模板 says when it has made the templates. */
export function createdTemplatesMessage(made: CreatedTemplates): string {
  return `已在文件夹“班主任评选文档”中新建“荣誉证书模板”和“任期考核表模板”，并记入“设置”表。\n可直接在 Google 文档中修改模板；{{列名}} 会替换为推荐名单中该行的值。\n文件夹：${made.folderUrl}`;
}

/** 菜单：初始化模板. */
export function createTemplates(): void {
  let made: CreatedTemplates;
  try {
    made = runCreateTemplates({});
  } catch (error) {
    if (!(error instanceof DocumentBusyError || error instanceof RoleRefusedError || error instanceof UnknownUserError)) throw error;
    showMessage('初始化模板', error.message);
    return;
  }
  showMessage('初始化模板', createdTemplatesMessage(made));
}

/** 菜单：生成证书. */
export function generateCertificates(): void {
  generateFromMenu('certificate');
}

/** 菜单：生成考核表. */
export function generateForms(): void {
  generateFromMenu('form');
}

/** Pre-flight, a yes/no when it lists problems, then one execution and its summary. */
function generateFromMenu(kind: DocumentKind): void {
  const title = `生成${DOCUMENT_KINDS[kind].label}`;
  try {
    const check = runDocuments({ kind, check: true });
    const problems = preflightLines(check);
    if (check.pending === 0) {
      showMessage(title, ['没有需要生成的行。', ...problems].join('\n'));
      return;
    }
    if (problems.length > 0 && !askYesNo(title, [`将为 ${check.pending} 行生成${DOCUMENT_KINDS[kind].label}，但检查发现：`, ...problems, '', '缺值的占位符会原样留在文档中。仍要继续吗？'].join('\n'))) return;
    showMessage(title, summary(runDocuments({ kind })));
  } catch (error) {
    if (!(error instanceof ArgumentError || error instanceof DocumentBusyError || error instanceof UnknownUserError)) throw error;
    showMessage(title, error.message);
  }
}

/** The pre-flight's problems, one line each (never 身份证号 or 联系电话 values: only names). */
function preflightLines(result: DocumentRunResult): string[] {
  return [
    ...result.unknownPlaceholders.map((name) => `模板中的{{${name}}}没有对应的列或字段`),
    ...result.missing.map((entry) => `第${entry.row}行 ${entry.name} 缺少：${entry.placeholders.join('、')}`),
    ...result.refused.map((entry) => entry.message),
    ...result.messages,
  ];
}

/** What an execution did, in Chinese. */
function summary(result: DocumentRunResult): string {
  return [
    `新建 ${result.created.length} 份，已有文件跳过 ${result.skipped.length} 行。`,
    result.done ? '全部完成。' : `剩余 ${result.pending} 行，由每小时的定时任务继续。`,
    ...preflightLines(result),
  ].join('\n');
}
