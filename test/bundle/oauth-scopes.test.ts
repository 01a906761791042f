/**
 * appsscript.json asks for exactly the OAuth scopes the bundle needs, no more and no less. The
 * Apps Script methods dist/Code.js calls are derived from the code itself — a static scan for
 * `Service.member`, and every global entry point run in the offline runtime with the call counter
 * (which names each call Interface.method) — and each is mapped to the narrowest scope Google's
 * reference documents for it (the table below, with its source). A method missing from the table
 * fails the test until someone looks it up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { installFakeDocumentApp } from './document-fake';
import { installFakeMailApp } from './reminder-mail-fake';

const dist = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
};

const CURRENT_SPREADSHEET = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';
const USER_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const DOCUMENTS = 'https://www.googleapis.com/auth/documents';
const SCRIPT_APP = 'https://www.googleapis.com/auth/script.scriptapp';
const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const NONE = '';

const REFERENCE = 'https://developers.google.com/apps-script/reference';

/**
 * The narrowest scope each interface's methods need, from the "Authorization" section of each
 * method in Google's reference ('' where the reference lists none). Spreadsheet methods list
 * "spreadsheets.currentonly, spreadsheets": the add-on only ever opens the spreadsheet it is
 * bound to, so currentonly suffices.
 */
const SCOPE_BY_INTERFACE: Record<string, { scope: string; source: string }> = {
  SpreadsheetApp: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/spreadsheet-app` },
  Spreadsheet: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/spreadsheet` },
  Sheet: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/sheet` },
  Range: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/range` },
  RangeList: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/range-list` },
  Protection: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/protection` },
  ConditionalFormatRule: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/conditional-format-rule` },
  DataValidation: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/data-validation` },
  DataValidationBuilder: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/data-validation-builder` },
  ConditionalFormatRuleBuilder: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/conditional-format-rule-builder` },
  BooleanCondition: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/boolean-condition` },
  // Embedded charts (src/gas/charts.ts): Sheet.newChart/insertChart/getCharts/updateChart/removeChart
  // are Sheet members (row above). The pages of the chart builder, the chart and its ContainerInfo
  // show no Authorization block of their own; they belong to the Spreadsheet service, whose
  // narrowest scope the Sheet calls need anyway, so they are counted under it.
  EmbeddedChartBuilder: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/embedded-chart-builder` },
  EmbeddedChart: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/embedded-chart` },
  ContainerInfo: { scope: CURRENT_SPREADSHEET, source: `${REFERENCE}/spreadsheet/container-info` },
  // EmbeddedChart.getOptions() gives a Charts-service ChartOptions (get/getOrDefault), listing no authorization.
  ChartOptions: { scope: NONE, source: `${REFERENCE}/charts/chart-options` },
  // script.container.ui lets the script show its own HTML in the editor (Ui.showSidebar); the
  // other Ui methods are counted under the same scope, which changes nothing since showSidebar is used.
  Ui: { scope: CONTAINER_UI, source: `${REFERENCE}/base/ui#showSidebar(Object)` },
  // The Menu reference lists no authorization for addItem, addSeparator, addSubMenu or addToUi.
  Menu: { scope: NONE, source: `${REFERENCE}/base/menu` },
  PromptResponse: { scope: NONE, source: `${REFERENCE}/base/prompt-response` },
  // Session.getActiveUser / getEffectiveUser list userinfo.email; User.getEmail gives it.
  Session: { scope: USER_EMAIL, source: `${REFERENCE}/base/session` },
  User: { scope: USER_EMAIL, source: `${REFERENCE}/base/user` },
  LockService: { scope: NONE, source: `${REFERENCE}/lock/lock-service` },
  Lock: { scope: NONE, source: `${REFERENCE}/lock/lock` },
  PropertiesService: { scope: NONE, source: `${REFERENCE}/properties/properties-service` },
  Properties: { scope: NONE, source: `${REFERENCE}/properties/properties` },
  CacheService: { scope: NONE, source: `${REFERENCE}/cache/cache-service` },
  Cache: { scope: NONE, source: `${REFERENCE}/cache/cache` },
  Utilities: { scope: NONE, source: `${REFERENCE}/utilities/utilities` },
  Logger: { scope: NONE, source: `${REFERENCE}/base/logger` },
  HtmlService: { scope: NONE, source: `${REFERENCE}/html/html-service` },
  HtmlOutput: { scope: NONE, source: `${REFERENCE}/html/html-output` },
  HtmlTemplate: { scope: NONE, source: `${REFERENCE}/html/html-template` },
  // Drive (初始化模板's folder, the copies, their PDFs) goes through the advanced Drive service
  // (src/gas/drive-files.ts), counted as Drive.Files.copy/create/get/list/update: the REST reference
  // of each of these methods lists drive.file among its accepted scopes ("Authorization scopes"),
  // which covers the files and folders the add-on created itself (the folder 初始化模板 makes, the
  // templates in it and every copy) — the only ones it touches; a template an official makes
  // elsewhere must be put in that folder through Drive (README). DriveApp, Folder and File are not
  // in this table on purpose: their reference lists only drive (or drive.readonly) for every
  // method, so a DriveApp call in the bundle fails this test. Document Studio asks for all of
  // Drive; this add-on does not.
  Drive: { scope: DRIVE_FILE, source: 'https://developers.google.com/drive/api/reference/rest/v3/files/copy' },
  // Blob (the PDF of a filled copy, Document.getAs) lists no authorization.
  Blob: { scope: NONE, source: `${REFERENCE}/base/blob` },
  // DocumentApp.create / openById and every Document element list documents (documents.currentonly
  // only serves a script bound to that one document); so does Document.getAs, the PDF export.
  DocumentApp: { scope: DOCUMENTS, source: `${REFERENCE}/document/document-app#openById(String)` },
  Document: { scope: DOCUMENTS, source: `${REFERENCE}/document/document` },
  Body: { scope: DOCUMENTS, source: `${REFERENCE}/document/body#replaceText(String,String)` },
  HeaderSection: { scope: DOCUMENTS, source: `${REFERENCE}/document/header-section` },
  FooterSection: { scope: DOCUMENTS, source: `${REFERENCE}/document/footer-section` },
  Paragraph: { scope: DOCUMENTS, source: `${REFERENCE}/document/paragraph` },
  Text: { scope: DOCUMENTS, source: `${REFERENCE}/document/text` },
  RangeElement: { scope: DOCUMENTS, source: `${REFERENCE}/document/range-element` },
  Table: { scope: DOCUMENTS, source: `${REFERENCE}/document/table` },
  TableRow: { scope: DOCUMENTS, source: `${REFERENCE}/document/table-row` },
  TableCell: { scope: DOCUMENTS, source: `${REFERENCE}/document/table-cell` },
  // The hourly trigger: newTrigger, getUserTriggers, deleteTrigger and the builders list script.scriptapp.
  ScriptApp: { scope: SCRIPT_APP, source: `${REFERENCE}/script/script-app#newTrigger(String)` },
  TriggerBuilder: { scope: SCRIPT_APP, source: `${REFERENCE}/script/trigger-builder` },
  ClockTriggerBuilder: { scope: SCRIPT_APP, source: `${REFERENCE}/script/clock-trigger-builder#create()` },
  Trigger: { scope: SCRIPT_APP, source: `${REFERENCE}/script/trigger` },
  // The daily reminders (src/gas/mail.ts): getRemainingDailyQuota and sendEmail list script.send_mail only.
  MailApp: { scope: SEND_MAIL, source: `${REFERENCE}/mail/mail-app#sendEmail(Object)` },
};

/** Members whose reference lists a different scope than their interface (or none): enums, builders, the time zone. */
const SCOPE_BY_MEMBER: Record<string, { scope: string; source: string }> = {
  'SpreadsheetApp.getUi': { scope: NONE, source: `${REFERENCE}/spreadsheet/spreadsheet-app#getUi()` },
  'SpreadsheetApp.newDataValidation': { scope: NONE, source: `${REFERENCE}/spreadsheet/spreadsheet-app#newDataValidation()` },
  'SpreadsheetApp.newConditionalFormatRule': { scope: NONE, source: `${REFERENCE}/spreadsheet/spreadsheet-app#newConditionalFormatRule()` },
  'SpreadsheetApp.ProtectionType': { scope: NONE, source: `${REFERENCE}/spreadsheet/protection-type` },
  'SpreadsheetApp.DataValidationCriteria': { scope: NONE, source: `${REFERENCE}/spreadsheet/data-validation-criteria` },
  'SpreadsheetApp.BooleanCriteria': { scope: NONE, source: `${REFERENCE}/spreadsheet/boolean-criteria` },
  'Session.getScriptTimeZone': { scope: NONE, source: `${REFERENCE}/base/session#getScriptTimeZone()` },
  'Session.getTemporaryActiveUserKey': { scope: NONE, source: `${REFERENCE}/base/session#getTemporaryActiveUserKey()` },
  'Ui.ButtonSet': { scope: NONE, source: `${REFERENCE}/base/button-set` },
  'Charts.ChartType': { scope: NONE, source: `${REFERENCE}/charts/chart-type` },
  'Ui.Button': { scope: NONE, source: `${REFERENCE}/base/button` },
  'DocumentApp.HorizontalAlignment': { scope: NONE, source: `${REFERENCE}/document/horizontal-alignment` },
  'DocumentApp.ParagraphHeading': { scope: NONE, source: `${REFERENCE}/document/paragraph-heading` },
  'DocumentApp.ElementType': { scope: NONE, source: `${REFERENCE}/document/element-type` },
};

const SERVICES = ['SpreadsheetApp', 'DriveApp', 'Drive', 'DocumentApp', 'SlidesApp', 'MailApp', 'GmailApp', 'ScriptApp', 'LockService', 'PropertiesService', 'CacheService', 'Session', 'Utilities', 'HtmlService', 'Logger', 'UrlFetchApp', 'Charts'];

/** `Service.member` written in the bundle, for every top-level Apps Script service. */
function staticallyCalled(): string[] {
  const pattern = new RegExp(`\\b(${SERVICES.join('|')})\\.([A-Za-z_]+)`, 'g');
  return [...new Set([...code.matchAll(pattern)].map((match) => `${match[1]}.${match[2]}`))];
}

/** The top-level functions of the bundle (what Apps Script can call by name). */
function globalsOf(): string[] {
  return [...code.matchAll(/^function ([A-Za-z_]\w*)\(/gm)].map((match) => match[1] as string);
}

/** Runs a step with a runtime over the workbook as `as` on `today`, saving after. */
async function session(path: string, as: string, today: string, promptAnswers: string[], body: (runtime: WorkbookRuntime, called: Set<string>) => void, called: Set<string>): Promise<string[]> {
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, as, today, counter, print: () => undefined, promptAnswers });
  try {
    body(runtime, called);
    await runtime.save();
  } finally {
    runtime.close();
  }
  return Object.keys(counter.snapshot().calls);
}

/** Every global of the bundle run at least once over a real workbook; the Interface.method calls it made. */
async function dynamicallyCalled(): Promise<{ calls: string[]; globalsRun: Set<string> }> {
  const path = join(temporaryFolder(), 'scopes.xlsx');
  await scenarioWorkbook(path, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' })], [['ht@yuxi.cn', '红塔区'], ['city@yuxi.cn', '市级']]);
  const run = new Set<string>();
  const call = (runtime: WorkbookRuntime, name: string, ...args: unknown[]) => {
    run.add(name);
    return runtime.bundle.call(name, ...args);
  };
  const calls = new Set<string>();
  const add = (names: string[]) => names.forEach((name) => calls.add(name));
  add(
    await session(path, 'ht@yuxi.cn', '2024-09-02', ['初审通过', ''], (runtime) => {
      const date = new runtime.bundle.realm.Date('2024-09-27T00:00:00+08:00');
      call(runtime, 'onOpen', { authMode: 'FULL' });
      call(runtime, 'onInstall', { authMode: 'FULL' });
      call(runtime, 'initializeSpreadsheet');
      call(runtime, 'runInitialize_');
      call(runtime, 'checkAllEligibility');
      call(runtime, 'runEligibilityCheck_', {});
      call(runtime, 'runAdvance_', { rows: [2], to: '初审通过' });
      runtime.selectRows('推荐名单', 3);
      call(runtime, 'advanceSelectedRows');
      call(runtime, 'readAuditLog_');
      call(runtime, 'workflowTable_');
      call(runtime, 'showSidebar');
      call(runtime, 'sidebarCalendarInfo');
      call(runtime, 'sidebarPublicityPeriod', '2024-09-27', 5);
      call(runtime, 'IS_WORKDAY', date);
      call(runtime, 'CN_WORKDAY', date, 1);
      call(runtime, 'CN_NETWORKDAYS', date, date);
      call(runtime, 'PUBLICITY_END', date);
      call(runtime, 'TERM_END', date);
      call(runtime, 'ELIGIBILITY', [['甲', '一中']], [['姓名', '学校']]);
      call(runtime, 'DUTY_STATUS', '玉教班〔2024〕001号', '2024-2025学年第一学期', [['姓名', '证书编号', '类型', '日期'], ['甲', '玉教班〔2024〕001号', '读书', date]]);
    }, run),
  );
  add(
    await session(path, 'city@yuxi.cn', '2024-09-20', [], (runtime) => {
      call(runtime, 'runAdvance_', { rows: [2], to: '评审通过' });
      call(runtime, 'runAdvance_', { rows: [2], to: '公示中', start: '2024-09-23' });
      call(runtime, 'makePublicityList');
      call(runtime, 'runPublicityList_');
    }, run),
  );
  add(
    await session(path, 'city@yuxi.cn', '2024-10-10', [], (runtime) => {
      const report = call(runtime, 'runAdvance_', { rows: [2], to: '已认定' }) as { moved: unknown[] };
      expect(report.moved).toHaveLength(1); // the certificate counter (PropertiesService) was used
      call(runtime, 'runDailyJobs_');
      call(runtime, 'runStudioReport_');
      call(runtime, 'checkAllStudios');
      call(runtime, 'runStatistics_', {});
      call(runtime, 'makeStatistics'); // a second run: the charts are updated, not inserted again
      call(runtime, 'runDutyReport_', {});
      call(runtime, 'makeDutyReport');
    }, run),
  );
  add(
    await session(path, 'city@yuxi.cn', '2027-10-10', ['合格', '', ''], (runtime) => {
      call(runtime, 'runDailyJobs_');
      const listing = call(runtime, 'runTermResults_', {}) as { missing: unknown[] };
      expect(listing.missing).toHaveLength(1);
      call(runtime, 'runTermResults_', { rows: [2], result: '优秀' });
      runtime.selectRows('推荐名单', 2);
      call(runtime, 'recordTermResultsForSelectedRows');
    }, run),
  );
  // Documents (issue 9): 初始化模板 in a folder, certificates from it, a form batch continued by the hourly trigger.
  add(
    await session(path, 'city@yuxi.cn', '2027-09-01', [], (runtime) => {
      installFakeDocumentApp(runtime);
      call(runtime, 'runCreateTemplates_', {});
      call(runtime, 'createTemplates');
      call(runtime, 'runDocuments_', { kind: 'certificate', check: true });
      call(runtime, 'generateCertificates');
      call(runtime, 'runDocuments_', { kind: 'certificate', regenerate: true });
      call(runtime, 'generateForms');
      call(runtime, 'onHourlyTrigger', {});
    }, run),
  );
  // Daily reminders (issue 10): on, preview, the hourly trigger's daily job sending a digest, off.
  add(
    await session(path, 'city@yuxi.cn', '2024-09-10', [], (runtime) => {
      const mail = installFakeMailApp(runtime);
      call(runtime, 'runRemindersOn_');
      call(runtime, 'turnOnDailyReminders');
      call(runtime, 'runPreviewReminders_', {});
      call(runtime, 'previewReminders');
      call(runtime, 'onHourlyTrigger', {});
      expect(mail.sent.length).toBeGreaterThan(0);
      call(runtime, 'runRemindersOff_');
      call(runtime, 'turnOffDailyReminders');
    }, run),
  );
  // The sidebar (issue 11): every server function, as the city on a selected row.
  add(
    await session(path, 'city@yuxi.cn', '2024-09-12', [], (runtime) => {
      installFakeMailApp(runtime);
      runtime.selectRows('推荐名单', 3);
      const start = call(runtime, 'sidebarOpen') as { selection: { key: string } };
      call(runtime, 'sidebarSelection', start.selection.key);
      call(runtime, 'sidebarMove', { sheetName: '推荐名单', rows: [3], to: '初审未通过', reason: '不足' });
      call(runtime, 'sidebarMakePublicityList');
      call(runtime, 'sidebarDocuments', 'certificate', true);
      call(runtime, 'sidebarDocumentProgress');
      call(runtime, 'sidebarDuties');
      call(runtime, 'sidebarStudios');
      call(runtime, 'sidebarStatistics');
      call(runtime, 'sidebarReminders');
      call(runtime, 'sidebarSetReminders', true);
      call(runtime, 'sidebarSetReminders', false);
      call(runtime, 'sidebarSettings');
      call(runtime, 'sidebarSaveSetting', '提醒间隔', '3');
      call(runtime, 'sidebarCheckAll');
      installFakeDocumentApp(runtime);
      call(runtime, 'sidebarCreateTemplates');
    }, run),
  );
  return { calls: [...calls], globalsRun: run };
}

/** The scope a called member needs, or undefined when the table does not say. */
function scopeOf(member: string): { scope: string; source: string } | undefined {
  return SCOPE_BY_MEMBER[member] ?? SCOPE_BY_INTERFACE[member.split('.')[0] ?? ''];
}

test('the manifest holds exactly the scopes the methods dist/Code.js calls need', async () => {
  const { calls, globalsRun } = await dynamicallyCalled();
  expect(globalsOf().filter((name) => !globalsRun.has(name))).toEqual([]);
  const used = [...new Set([...staticallyCalled(), ...calls])].sort();
  expect(used).toEqual(expect.arrayContaining(['Session.getActiveUser', 'User.getEmail', 'Ui.showSidebar', 'Range.setValues']));
  expect(used.filter((member) => scopeOf(member) === undefined)).toEqual([]);
  const needed = [...new Set(used.map((member) => scopeOf(member)!.scope).filter((scope) => scope !== NONE))].sort();
  expect([...manifest.oauthScopes].sort()).toEqual(needed);
  // The narrowest spreadsheet scope: this add-on never opens another file.
  expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  // Drive through the advanced service only (drive.file), which the manifest enables as `Drive`, v3
  // (https://developers.google.com/apps-script/guides/services/advanced#enable_advanced_services).
  expect(used.filter((member) => member.startsWith('DriveApp.'))).toEqual([]);
  expect(used).toEqual(expect.arrayContaining(['Drive.Files.copy', 'Drive.Files.list', 'Drive.Files.update']));
  expect(manifest.dependencies?.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
});
