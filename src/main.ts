/**
 * The globals of the bundle: every function Apps Script calls by name (custom functions, simple
 * triggers, menu items, sidebar calls, trigger handlers). Nothing else lives here; the build
 * turns each export into a real top-level function of dist/Code.js.
 */
export { IS_WORKDAY, CN_WORKDAY, CN_NETWORKDAYS, PUBLICITY_END, TERM_END, ELIGIBILITY, DUTY_STATUS } from './addon/custom-functions';
export { initializeSpreadsheet, checkAllEligibility, runInitialize, runEligibilityCheck } from './addon/eligibility-actions';
export { advanceSelectedRows, makePublicityList, runAdvance, runDailyJobs, runPublicityList, readAuditLog, workflowTable } from './addon/workflow-actions';
export { makeStatistics, runStatistics } from './addon/statistics-actions';
export { makeDutyReport, runDutyReport } from './addon/duty-actions';
export { recordTermResultsForSelectedRows, runTermResults } from './addon/term-actions';
export { onOpen, onInstall, showSidebar } from './addon/menu';
export {
  sidebarCalendarInfo,
  sidebarPublicityPeriod,
  sidebarOpen,
  sidebarSelection,
  sidebarMove,
  sidebarMakePublicityList,
  sidebarDocuments,
  sidebarDocumentProgress,
  sidebarDuties,
  sidebarStudios,
  sidebarStatistics,
  sidebarReminders,
  sidebarSetReminders,
  sidebarSettings,
  sidebarSaveSetting,
} from './addon/sidebar-api';
export { checkAllStudios, runStudioReport } from './addon/studio-actions';
export { runDocuments, runCreateTemplates, createTemplates, generateCertificates, generateForms } from './addon/document-actions';
export { onHourlyTrigger } from './addon/hourly-trigger';
export { runRemindersOn, runRemindersOff, runPreviewReminders, turnOnDailyReminders, turnOffDailyReminders, previewReminders } from './addon/reminder-actions';
