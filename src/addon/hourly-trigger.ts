/**
 * The add-on's one time-driven trigger (an Editor add-on may have one per user per document, at
 * most hourly): every hour it continues an unfinished document batch; issue 10 adds the daily job.
 * The handler's name lives here once, used by ScriptApp.newTrigger and exported from main.ts.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { runDocumentBatch, type DocumentRunResult } from '../gas/document-batch';
import { readJob } from '../gas/document-job';
import { activeSpreadsheet } from '../gas/spreadsheet';

/**
 * The name of the hourly trigger's function: src/main.ts exports onHourlyTrigger under this name
 * (test/bundle/document-batches.test.ts checks that the trigger a batch installs names a global).
 */
export const HOURLY_TRIGGER_HANDLER = 'onHourlyTrigger';

/** Hourly trigger: continues the unfinished document batch; its result, or null when there is none. */
export function onHourlyTrigger(event?: unknown): DocumentRunResult | null {
  void event;
  const job = readJob();
  if (job === null) return null;
  return runDocumentBatch(activeSpreadsheet(), job.options, { continuation: job }, HOURLY_TRIGGER_HANDLER, DEFAULT_PRESET);
}
