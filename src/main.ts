/**
 * The globals of the bundle: every function Apps Script calls by name (custom functions, simple
 * triggers, menu items, sidebar calls, trigger handlers). Nothing else lives here; the build
 * turns each export into a real top-level function of dist/Code.js. Globals only the CLI and tests
 * call are exported with a trailing `_` (`runAdvance as runAdvance_`): Apps Script treats such
 * functions as private, so google.script.run cannot call them from the sidebar.
 */
export { IS_WORKDAY, CN_WORKDAY, CN_NETWORKDAYS, PUBLICITY_END, TERM_END, ELIGIBILITY, DUTY_STATUS } from './addon/custom-functions';
export { initializeSpreadsheet, checkAllEligibility, runInitialize as runInitialize_, runEligibilityCheck as runEligibilityCheck_ } from './addon/eligibility-actions';
export { advanceSelectedRows, makePublicityList, runAdvance as runAdvance_, runDailyJobs as runDailyJobs_, runPublicityList as runPublicityList_, readAuditLog as readAuditLog_, workflowTable as workflowTable_ } from './addon/workflow-actions';
export { makeStatistics, runStatistics as runStatistics_ } from './addon/statistics-actions';
export { makeDutyReport, runDutyReport as runDutyReport_ } from './addon/duty-actions';
export { recordTermResultsForSelectedRows, runTermResults as runTermResults_ } from './addon/term-actions';
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
  sidebarCreateTemplates,
  sidebarCheckAll,
} from './addon/sidebar-api';
export { checkAllStudios, runStudioReport as runStudioReport_ } from './addon/studio-actions';
export { runDocuments as runDocuments_, runCreateTemplates as runCreateTemplates_, createTemplates, generateCertificates, generateForms } from './addon/document-actions';
export { onHourlyTrigger } from './addon/hourly-trigger';
export { runRemindersOn as runRemindersOn_, runRemindersOff as runRemindersOff_, runPreviewReminders as runPreviewReminders_, turnOnDailyReminders, turnOffDailyReminders, previewReminders } from './addon/reminder-actions';
