/**
 * Menu action and server function of the studio check (三（三）, 四（一）10, 一): 检查工作室 reads
 * 工作室 and 推荐名单 once each under the document lock, writes 工作室情况, and returns every
 * studio's outcome as JSON-safe data (the CLI prints it); the menu version shows a Chinese summary.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { studioLines, studioSummary } from '../domain/studios/studio-report';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { GeneratedSheetTakenError } from '../gas/generated-sheet';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { checkStudioSheet, type StudioCheckReport } from '../gas/studio-sheet';
import { showMessage } from '../gas/ui';

/** Checks every studio, writes 工作室情况; returns the studios (全市 last), the text lines and a summary. */
export function runStudioReport(): StudioCheckReport & { lines: string[]; summary: string } {
  const report = underDocumentLock(() => checkStudioSheet(activeSpreadsheet(), DEFAULT_PRESET));
  return { ...report, lines: studioLines(report.studios, report.reportSheet), summary: studioSummary(report.studios, report.reportSheet) };
}

/** 菜单：检查工作室. */
export function checkAllStudios(): void {
  let summary: string;
  try {
    summary = runStudioReport().summary;
  } catch (error) {
    if (!(error instanceof DocumentBusyError || error instanceof GeneratedSheetTakenError)) throw error;
    showMessage('检查工作室', error.message);
    return;
  }
  showMessage('检查工作室', summary);
}
