/**
 * What the commands that open a workbook need from the runtime — the runtime itself (exceljs,
 * jszip), the outbox (nodemailer), the drive, the template reader and the local page's calls — in
 * one module that the commands load with `await loadWorkbookParts()` only when they run. Nothing
 * the CLI loads at start imports it statically, so the calendar commands and help start without
 * any of it (test/cli/cli-start.test.ts holds that).
 */
export { openWorkbookRuntime, DEFAULT_OUTBOX_NAME } from '../workbook-runtime';
export { TRASH_FOLDER_NAME, writeFileAtomically } from '../services/drive/local-drive';
export { prepareOutbox, UNDELIVERED_FILE } from '../services/mail/outbox';
export { configuredSmtpSetting, parseSmtpUrl } from '../services/mail/smtp-settings';
export { inspectTemplate } from './template-inspection';
export { WorkbookCalls } from '../sidebar/workbook-calls';
export { startSidebarServer } from '../sidebar/server';

/** The parts above, loaded (once) when a command first needs them. */
export type WorkbookParts = typeof import('./workbook-parts');
