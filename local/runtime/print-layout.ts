/**
 * Print settings of the 公示名单 sheets in the saved .xlsx: A4 landscape, fitted to one page wide
 * (as many pages tall as needed), the header row repeated on every page, centred. Apps Script has
 * no API for print settings (a Sheet has no page-setup methods), so the bundle cannot ask for
 * them: the CLI's publicity-list command and the local page (after 生成公示名单) set them here, on
 * the workbook about to be saved; on Google they are chosen in the print dialog (README).
 */
import type ExcelJS from 'exceljs';

/** Paper size code of A4 in SpreadsheetML (ECMA-376 §18.3.1.64). */
const PAPER_A4 = 9;

/** Row of the 公示名单's header (under the title and the period), repeated on every printed page. */
export const PUBLICITY_LIST_HEADER_ROW = 3;

/** Sets A4 landscape, one page wide, and `headerRow` repeated, on each named sheet that exists. */
export function setListPrintLayout(workbook: ExcelJS.Workbook, sheetNames: readonly string[], headerRow: number): void {
  for (const name of sheetNames) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) continue;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: PAPER_A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
    };
  }
}
