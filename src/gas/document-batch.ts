/**
 * A batch of documents (SPEC §7, issue 9): reads the template's text (body, header, footer), the
 * nomination sheet ONCE, 设置 once and (forms naming {{履职记录}}) 履职记录 once; reports the
 * pre-flight (unknown placeholders, rows missing a value); then — unless only checking — makes one
 * document per row (document-files.ts), writing each link under the document lock as soon as its
 * file exists, with the job's position and today's count in the same short lock: a kill loses at
 * most the document being made, and the cost per document stays flat (one lock, one setValue, two
 * setProperty, one flush) whatever the batch size. An execution stops starting documents
 * STOP_AFTER_MS after it started (Apps Script kills at 6 minutes), and the hourly trigger carries
 * on; the daily quota of documents created is counted and respected.
 */
import type { CalendarDate } from '../domain/calendar-date';
import { dutyReport, statusText, type SemesterStatus } from '../domain/duties/report';
import { readLedger } from '../domain/duties/ledger';
import { awardedTeachers } from '../domain/duties/teachers';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import { DUTY_TABLE_FIELD, dutyTable, findPlaceholders, knownNames, rowValues, unknownPlaceholders, type FieldValue } from '../domain/documents/placeholders';
import { chooseRows, fileNameOf, fileNamePatternProblem, missingPlaceholders, uniqueFileNames, type CandidateRow } from '../domain/documents/rows';
import { foldHeader } from '../domain/nomination/headers';
import { isEmptyRow } from '../domain/nomination/eligibility';
import { countyOf } from '../domain/nomination/values';
import type { Preset } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { listedWithoutRole, mayAct, noRoleMessage, readPermissions, rolesOf, type Role } from '../domain/workflow/roles';
import { readState } from '../domain/workflow/states';
import { addOutputColumns } from './column-layout';
import { underDocumentLock } from './document-lock';
import { childIndexInBody, linkedFileExists, makeRowDocument, placeholderPattern, trashLeftovers, type SectionPlaceholders } from './document-files';
import { remindersOn } from './reminder-state';
import { clearJob, createdToday, ensureHourlyTrigger, isDailyQuotaError, MAX_TRIES, readJob, removeHourlyTrigger, rowRanges, rowsOfRanges, saveCreatedToday, saveJob, type DocumentJob, type JobOptions } from './document-job';
import { DocumentSettingError, readDocumentSettings, type DocumentSettings } from './document-settings';
import { folderById } from './drive-files';
import { readSemesterStarts } from './duty-sheet';
import { nominationHeader, readCells, requireSheet, textCell, todayIn } from './spreadsheet';
import { permissionCells } from './workflow-sheet';
import { dateOfCell } from '../domain/date-text';

/** An execution stops starting documents this long after it started (Apps Script's limit is 6 minutes). */
export const STOP_AFTER_MS = 270_000;

/** Said when no row is due (no --rows given and none chosen), so a run that makes nothing says why. */
const NOTHING_DUE: Record<DocumentKind, string> = {
  certificate: '没有状态为“已认定”的行，无需生成荣誉证书',
  form: '没有任期在60天内届满的“已认定”行，也没有“任期届满”的行',
};

/** What runDocuments is asked (common-9 §3). */
export interface DocumentRunOptions extends JobOptions {
  check?: boolean;
}

/** What an execution did (common-9 §3). */
export interface DocumentRunResult {
  mode: 'check' | 'generate';
  kind: DocumentKind;
  placeholders: string[];
  unknownPlaceholders: string[];
  missing: { row: number; name: string; placeholders: string[] }[];
  created: { row: number; name: string; file: string; link: string }[];
  skipped: { row: number; name: string; link: string }[];
  refused: { row: number; message: string }[];
  pending: number;
  done: boolean;
  messages: string[];
}

/** Who runs it: the email of the user starting a batch, or a continuation of the stored job. */
export type BatchCaller = { email: string } | { continuation: DocumentJob };

/** One data row as the batch uses it. */
interface SheetRow {
  candidate: CandidateRow;
  county: string;
  link: string;
  values: Map<string, FieldValue>;
}

/** The nomination sheet read once: its rows, header texts and the link column. */
interface SheetRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
  headerTexts: string[];
  rows: Map<number, SheetRow>;
  ordered: CandidateRow[];
  linkColumn?: number;
  header: ReturnType<typeof nominationHeader>;
  width: number;
  /** Why the 履职记录 tables have no semesters, for the official. */
  notices: string[];
}

/** Runs one execution of a batch (see the file's comment). `handler` is the hourly trigger's function. */
export function runDocumentBatch(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, options: DocumentRunOptions, caller: BatchCaller, handler: string, preset: Preset): DocumentRunResult {
  const started = Date.now();
  const kind = options.kind;
  const info = DOCUMENT_KINDS[kind];
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = todayIn(timeZone);
  const settings = readDocumentSettings(spreadsheet);
  const templateId = options.templateId ?? settings.templates[kind].value;
  if (templateId === '') throw new DocumentSettingError(`${settings.templates[kind].where}为空：请先在菜单中运行“初始化模板”，或指定${info.label}模板`);
  const sections = readTemplateSections(templateId, settings, kind);
  const scan = findPlaceholders([sections.body, sections.header, sections.footer].join('\n'));
  const placeholders: SectionPlaceholders = {
    body: findPlaceholders(sections.body).names,
    header: findPlaceholders(sections.header).names,
    footer: findPlaceholders(sections.footer).names,
  };
  const read = readNominationSheet(spreadsheet, options.sheet ?? SHEET_NAMES.nominations, scan.names, kind, today, settings, preset);
  const known = knownNames(read.headerTexts, kind);
  const patternProblem = fileNamePatternProblem(settings.fileNames[kind].value, known, settings.fileNames[kind].where);
  if (patternProblem !== null) throw new DocumentSettingError(patternProblem);

  const result: DocumentRunResult = {
    mode: options.check ? 'check' : 'generate',
    kind,
    placeholders: scan.names,
    unknownPlaceholders: unknownPlaceholders(scan.names, read.headerTexts, kind),
    missing: [],
    created: [],
    skipped: [],
    refused: [],
    pending: 0,
    done: false,
    messages: [...scan.unclosed.map((text) => `模板中的“${text}”缺少“}}”，不是占位符，会原样留在文档中`), ...read.notices],
  };
  if (sections.tableOutsideBody) result.messages.push(DUTY_TABLE_PLACE_MESSAGE);

  const continuing = 'continuation' in caller ? caller.continuation : null;
  let chosen: number[];
  if (continuing) {
    chosen = rowsOfRanges(continuing.rows);
  } else {
    const choice = chooseRows(kind, read.ordered, options.rows, today, preset.termYears);
    result.refused.push(...choice.refused);
    chosen = choice.chosen;
    if (options.rows === undefined && chosen.length === 0) result.messages.push(NOTHING_DUE[kind]);
    if (!options.check && 'email' in caller) chosen = permittedRows(spreadsheet, read, chosen, caller.email, settings, preset, options.rows !== undefined, result);
  }
  for (const rowNumber of chosen) {
    const row = read.rows.get(rowNumber);
    if (!row) continue;
    const lacking = missingPlaceholders(scan.names, row.values);
    if (lacking.length > 0) result.missing.push({ row: rowNumber, name: row.candidate.name, placeholders: lacking });
  }
  const names = uniqueFileNames(read.ordered.filter((row) => !row.empty).map((row) => ({ row: row.row, name: fileNameOf(settings.fileNames[kind].value, read.rows.get(row.row)?.values ?? new Map()) })));

  if (options.check) {
    result.pending = chosen.length;
    result.done = true;
    // Said before generation starts (the CLI and the menu show the pre-flight first); a stored
    // batch of the same request carries on from its position.
    const stored = continuing ?? readJob();
    const position = stored !== null && sameOptions(stored.options, options) ? stored.position : 0;
    const quotaMessage = quotaShortfall(chosen.length - position, options.dailyQuota ?? settings.dailyQuota, today);
    if (quotaMessage !== null) result.messages.push(quotaMessage);
    return result;
  }
  generate(spreadsheet, { options, caller, handler, started, today, settings, templateId, read, chosen, names, placeholders, continuing }, result);
  return result;
}

/** Reads the template's text, section by section (body, header, footer), for its placeholders. */
function readTemplateSections(templateId: string, settings: DocumentSettings, kind: DocumentKind): Record<keyof SectionPlaceholders, string> & { tableOutsideBody: boolean } {
  let document: GoogleAppsScript.Document.Document;
  try {
    document = DocumentApp.openById(templateId);
  } catch (error) {
    const where = settings.templates[kind].value === templateId ? settings.templates[kind].where : `${DOCUMENT_KINDS[kind].label}模板`;
    throw new DocumentSettingError(`${where}“${templateId}”打不开（${error instanceof Error ? error.message : String(error)}）：请确认它是一份 Google 文档且您有权访问，或重新运行“初始化模板”`);
  }
  const header = document.getHeader();
  const footer = document.getFooter();
  return { body: document.getBody().getText(), header: header ? header.getText() : '', footer: footer ? footer.getText() : '', tableOutsideBody: kind === 'form' && dutyTableOutsideBody(document) };
}

/** Whether {{履职记录}} stands somewhere no table can be inserted: a table cell, a header or a footer. */
function dutyTableOutsideBody(document: GoogleAppsScript.Document.Document): boolean {
  const pattern = placeholderPattern(DUTY_TABLE_FIELD);
  const header = document.getHeader();
  const footer = document.getFooter();
  if ((header && header.findText(pattern)) || (footer && footer.findText(pattern))) return true;
  const body = document.getBody();
  for (let found = body.findText(pattern); found; found = body.findText(pattern, found)) {
    if (childIndexInBody(body, found.getElement().getParent()) < 0) return true;
  }
  return false;
}

/** Said when {{履职记录}} is where no table can go (the placeholder then stays visible). */
const DUTY_TABLE_PLACE_MESSAGE = `模板中的 {{${DUTY_TABLE_FIELD}}} 在表格、页眉或页脚里，那里插不进履职记录表，占位符会原样留在文档中：请把它单独放成正文中的一段`;

/** The nomination sheet in one read: every data row's facts and placeholder values. */
function readNominationSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  placeholders: readonly string[],
  kind: DocumentKind,
  today: CalendarDate,
  settings: DocumentSettings,
  preset: Preset,
): SheetRead {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const sheet = requireSheet(spreadsheet, sheetName);
  const cells = readCells(sheet, timeZone);
  const header = nominationHeader(sheet.getName(), cells);
  const { headers } = header;
  const headerTexts = (cells[header.row - 1] ?? []).map((cell) => String(cell ?? '').trim());
  const wantsDuties = kind === 'form' && placeholders.some((name) => foldHeader(name) === foldHeader(DUTY_TABLE_FIELD));
  const dutyReading = wantsDuties ? semestersByTeacher(spreadsheet, cells, header, today, preset) : null;
  const duties = dutyReading?.byTeacher ?? null;
  const rows = new Map<number, SheetRow>();
  const ordered: CandidateRow[] = [];
  const at = (row: readonly unknown[], column: number | undefined) => (column === undefined ? '' : row[column]);
  for (let rowNumber = header.row + 1; rowNumber <= cells.length; rowNumber += 1) {
    const row = cells[rowNumber - 1] ?? [];
    const stateCell = at(row, headers.outputs['状态']);
    const awardCell = at(row, headers.outputs['认定日期']);
    const name = String(at(row, headers.columns.name) ?? '').trim();
    const certificate = String(at(row, headers.outputs['证书编号']) ?? '').trim();
    const awardDate = awardCell === '' || awardCell === null ? undefined : (dateOfCell(awardCell) ?? 'invalid');
    const candidate: CandidateRow = {
      row: rowNumber,
      name,
      state: readState(stateCell),
      stateText: String(stateCell ?? '').trim(),
      ...(awardDate === undefined ? {} : { awardDate }),
      ...(isEmptyRow(row, headers) ? { empty: true } : {}),
    };
    const semesters = duties?.get(`${name}\u0000${certificate}`) ?? (duties ? [] : undefined);
    const values = rowValues({
      headers: headerTexts,
      cells: row,
      category: at(row, headers.columns.category),
      ...(awardDate !== undefined && awardDate !== 'invalid' ? { awardDate } : {}),
      certificate,
      level: settings.level,
      today,
      preset,
      ...(semesters ? { dutyTable: dutyTable(semesters, (status) => statusText(status, preset)) } : {}),
    });
    ordered.push(candidate);
    rows.set(rowNumber, { candidate, county: countyOf(at(row, headers.columns.county), preset) ?? '', link: String(at(row, headers.outputs[DOCUMENT_KINDS[kind].linkColumn]) ?? '').trim(), values });
  }
  const linkColumn = headers.outputs[DOCUMENT_KINDS[kind].linkColumn];
  return {
    sheet,
    sheetName: sheet.getName(),
    headerTexts,
    rows,
    ordered,
    ...(linkColumn === undefined ? {} : { linkColumn }),
    header,
    width: cells[0]?.length ?? 0,
    notices: dutyReading?.notice === undefined ? [] : [dutyReading.notice],
  };
}

/**
 * Each awarded teacher's semesters from the duty report (src/domain/duties), by name and 证书编号;
 * when 履职记录 is missing or unreadable, none, and a notice saying the tables only have their header.
 */
function semestersByTeacher(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cells: (string | number | boolean | null)[][],
  header: ReturnType<typeof nominationHeader>,
  today: CalendarDate,
  preset: Preset,
): { byTeacher: Map<string, SemesterStatus[]>; notice?: string } {
  const byTeacher = new Map<string, SemesterStatus[]>();
  const ledgerSheet = spreadsheet.getSheetByName(SHEET_NAMES.dutyLedger);
  const empty = `{{${DUTY_TABLE_FIELD}}}表格只有表头`;
  if (!ledgerSheet) return { byTeacher, notice: `找不到工作表“${SHEET_NAMES.dutyLedger}”：${empty}；请先运行“初始化表格”并填写履职记录` };
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const starts = readSemesterStarts(spreadsheet, timeZone, preset);
  const ledger = readLedger(readCells(ledgerSheet, timeZone), starts, today, preset);
  if (ledger.problem !== undefined) return { byTeacher, notice: `${ledger.problem}：${empty}` };
  const teachers = awardedTeachers(cells, header.row, header.headers);
  const report = dutyReport({ teachers, entries: ledger.entries, ledgerNotices: ledger.notices, starts, today, preset });
  for (const status of report.semesters) {
    const key = `${status.name}\u0000${status.certificate}`;
    byTeacher.set(key, [...(byTeacher.get(key) ?? []), status]);
  }
  return { byTeacher };
}

/**
 * The chosen rows the user may generate: the city, or in a 县级 workbook the county of the row.
 * Requested rows not permitted are refused by name; otherwise they are left out, and a user who may
 * generate none is told so.
 */
function permittedRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: SheetRead,
  chosen: number[],
  email: string,
  settings: DocumentSettings,
  preset: Preset,
  requested: boolean,
  result: DocumentRunResult,
): number[] {
  const permissions = readPermissions(permissionCells(spreadsheet, spreadsheet.getSpreadsheetTimeZone()), preset);
  const roles: Role[] = rolesOf(permissions, email);
  const countyWorkbook = settings.level === '县级';
  const who = countyWorkbook ? '市级账号或该行所在县的账号' : '市级账号';
  if (roles.length === 0) {
    result.refused.push(...chosen.map((row) => ({ row, message: noRoleMessage(email, listedWithoutRole(permissions, email)) })));
    return [];
  }
  const allowed: number[] = [];
  let left = 0;
  for (const rowNumber of chosen) {
    const county = read.rows.get(rowNumber)?.county ?? '';
    if (mayAct(roles, 'city', county) || (countyWorkbook && mayAct(roles, 'county', county))) allowed.push(rowNumber);
    else if (requested) result.refused.push({ row: rowNumber, message: `第${rowNumber}行（${county || '未填县（市、区）'}）：生成${DOCUMENT_KINDS[result.kind].label}须由${who}操作` });
    else left += 1;
  }
  // Someone who may make none of the rows is refused (each row said), not told "0 made".
  if (left > 0 && allowed.length === 0) {
    for (const rowNumber of chosen) result.refused.push({ row: rowNumber, message: `第${rowNumber}行（${read.rows.get(rowNumber)?.county || '未填县（市、区）'}）：生成${DOCUMENT_KINDS[result.kind].label}须由${who}操作` });
  } else if (left > 0) result.messages.push(`另有 ${left} 行不属于您的权限范围（须由${who}生成），未列入本批`);
  return allowed;
}

/** What one generating execution works with. */
interface Generation {
  options: DocumentRunOptions;
  caller: BatchCaller;
  handler: string;
  started: number;
  today: CalendarDate;
  settings: DocumentSettings;
  templateId: string;
  read: SheetRead;
  chosen: number[];
  names: Map<number, string>;
  placeholders: SectionPlaceholders;
  continuing: DocumentJob | null;
}

function generate(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, run: Generation, result: DocumentRunResult): void {
  const { options, read, today } = run;
  const kind = options.kind;
  const info = DOCUMENT_KINDS[kind];
  const folderId = options.folderId ?? run.settings.folder.value;
  if (folderId === '') throw new DocumentSettingError(`${run.settings.folder.where}为空：请先在菜单中运行“初始化模板”，或指定存放文档的文件夹`);
  try {
    folderById(folderId);
  } catch (error) {
    throw new DocumentSettingError(`${run.settings.folder.where}“${folderId}”打不开（${error instanceof Error ? error.message : String(error)}）：请重新运行“初始化模板”或指定另一个文件夹`);
  }
  const quota = options.dailyQuota ?? run.settings.dailyQuota;

  // The job: a continuation carries on from its position; a new start replaces any older batch.
  const previous = run.continuing ?? readJob();
  const sameBatch = previous !== null && (run.continuing !== null || sameOptions(previous.options, options));
  const job: DocumentJob = sameBatch && previous
    ? previous
    : {
        options: jobOptions(options),
        rows: rowRanges(run.chosen),
        position: 0,
        created: 0,
        skipped: 0,
        // A trigger installed for a batch this one replaces is this batch's to remove.
        triggerForBatch: previous?.triggerForBatch === true,
        by: 'email' in run.caller ? run.caller.email : '',
        executions: 0,
      };
  if (previous && !sameBatch) result.messages.push(`上次未完成的${DOCUMENT_KINDS[previous.options.kind].label}批次（已完成 ${previous.position} 行）已由本次取代；已生成的文件不会重复生成`);
  job.executions += 1;
  const rows = rowsOfRanges(job.rows);
  const pendingAtStart = rows.length - job.position;
  const quotaMessage = quotaShortfall(pendingAtStart, quota, today);
  if (quotaMessage !== null) result.messages.push(quotaMessage);

  let linkColumn = read.linkColumn;
  underDocumentLock(() => {
    if (linkColumn === undefined) {
      linkColumn = addOutputColumns(read.sheet, read.header, read.width, [info.linkColumn]).columns[info.linkColumn];
      result.messages.push(`已新建输出列“${info.linkColumn}”`);
    }
    saveJob(job);
  });
  if (pendingAtStart > 0 && ensureHourlyTrigger(spreadsheet, run.handler)) {
    job.triggerForBatch = true;
    underDocumentLock(() => saveJob(job));
  }

  let count = createdToday(today);
  while (job.position < rows.length) {
    if (Date.now() - run.started > STOP_AFTER_MS) {
      result.messages.push(`本次执行已接近 Apps Script 的 6 分钟上限，剩余 ${rows.length - job.position} 行由每小时的定时任务继续`);
      break;
    }
    const rowNumber = rows[job.position] as number;
    const row = read.rows.get(rowNumber);
    const name = run.names.get(rowNumber);
    if (!row || name === undefined || row.candidate.empty) {
      result.refused.push({ row: rowNumber, message: `第${rowNumber}行已不在表格中或已清空，未生成` });
      job.position += 1;
      continue;
    }
    if (row.link !== '' && !options.regenerate && linkedFileExists(row.link, kind)) {
      result.skipped.push({ row: rowNumber, name: row.candidate.name, link: row.link });
      job.skipped += 1;
      job.position += 1;
      continue;
    }
    if (count >= quota) {
      result.messages.push(`今天已新建 ${count} 份文档，达到每日上限（${quota} 份）；剩余 ${rows.length - job.position} 行明天由定时任务继续`);
      break;
    }
    // Counted before the copy is made: an execution killed while making it leaves the count.
    const tries = job.tries?.row === rowNumber ? job.tries.count : 0;
    if (tries >= MAX_TRIES) {
      trashLeftovers(folderId, name, kind, options.pdf === true, run.templateId);
      // Kept in the job until an execution ends normally and reports it (this one may yet be killed).
      job.unreported = [...(job.unreported ?? []), { row: rowNumber, message: `第${rowNumber}行 ${row.candidate.name}：连续 ${MAX_TRIES} 次执行都没能在时限内做完这份文档，已跳过` }];
      delete job.tries;
      job.position += 1;
      underDocumentLock(() => saveJob(job));
      continue;
    }
    job.tries = { row: rowNumber, count: tries + 1 };
    underDocumentLock(() => saveJob(job));
    let outcome;
    try {
      outcome = makeRowDocument({ kind, link: row.link, templateId: run.templateId, folderId, name, placeholders: run.placeholders, values: row.values, pdf: options.pdf === true, regenerate: options.regenerate === true });
    } catch (error) {
      if (!isDailyQuotaError(error)) throw error;
      // Not a try that ran out of time: the row starts afresh tomorrow.
      if (tries > 0) job.tries = { row: rowNumber, count: tries };
      else delete job.tries;
      count = Math.max(count, quota);
      underDocumentLock(() => {
        saveCreatedToday(today, count);
        saveJob(job);
      });
      result.messages.push(`Google 今天不再允许新建文档（每日配额已用完）；剩余 ${rows.length - job.position} 行明天由定时任务继续`);
      break;
    }
    // The progress line is said as soon as the document exists under its final name, before its
    // link is written: a kill between the two (the link and the job's position saved, the line
    // not yet printed) would otherwise lose the document from every report.
    if (outcome.made) console.info(`[${job.position + 1}/${rows.length}] 第${rowNumber}行 ${row.candidate.name} → ${outcome.file}`);
    if (outcome.made) count += 1;
    job.position += 1;
    delete job.tries;
    if (outcome.made) job.created += 1;
    else job.skipped += 1;
    const column = linkColumn as number;
    // Written now, one row at a time: a kill after this loses nothing, and each document costs the
    // same few calls (lock, setValue, two setProperty, flush) however long the batch is.
    underDocumentLock(() => {
      read.sheet.getRange(rowNumber, column + 1).setValue(textCell(outcome.link));
      saveCreatedToday(today, count);
      saveJob(job);
    });
    if (outcome.made) {
      result.created.push({ row: rowNumber, name: row.candidate.name, file: outcome.file, link: outcome.link });
    } else {
      result.skipped.push({ row: rowNumber, name: row.candidate.name, link: outcome.link });
    }
  }

  result.pending = rows.length - job.position;
  result.done = result.pending === 0;
  result.refused.push(...(job.unreported ?? []));
  delete job.unreported;
  if (result.done) {
    underDocumentLock(() => clearJob());
    // The same trigger runs the daily reminders: it stays while they are on (关闭每日提醒 removes it then).
    if (job.triggerForBatch && !remindersOn()) removeHourlyTrigger(spreadsheet, run.handler);
  } else {
    underDocumentLock(() => saveJob(job));
  }
}

/** What the daily quota allows when `pending` rows are left: the message when it is fewer, else null. */
function quotaShortfall(pending: number, quota: number, today: CalendarDate): string | null {
  const remaining = Math.max(0, quota - createdToday(today));
  if (pending <= remaining) return null;
  return `今天还能新建 ${remaining} 份（每日上限 ${quota} 份），其余 ${pending - remaining} 份明天继续（已有文件的行不占名额）`;
}

/** The options a job keeps (check is never stored). */
function jobOptions(options: DocumentRunOptions): JobOptions {
  const { check: _check, ...rest } = options;
  void _check;
  return JSON.parse(JSON.stringify(rest)) as JobOptions;
}

/** Whether a new request is the stored batch again (a rerun after a kill carries on). */
function sameOptions(stored: JobOptions, options: DocumentRunOptions): boolean {
  const canonical = (value: JobOptions) => JSON.stringify(Object.keys(value).sort().map((key) => [key, (value as unknown as Record<string, unknown>)[key]]));
  return canonical(stored) === canonical(jobOptions(options));
}
