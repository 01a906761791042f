/**
 * 公示名单.xlsx: the publicity list the add-on wrote into the season's workbook (its own sheet
 * “公示名单 开始日至截止日”, as `banzhuren publicity-list` makes it), copied alone into a file of its
 * own that can be printed or sent around: values, merges, widths and styles of that sheet only, so
 * nothing else of the workbook (身份证号, 联系电话 …) goes with it. A4 landscape, one page wide.
 */
import ExcelJS from 'exceljs';
import { PUBLICITY_LIST_HEADER_ROW, setListPrintLayout } from '../runtime/print-layout';

/** Copies the sheet `sheetName` of the workbook at `workbookPath` into a new workbook at `path`. */
export async function writePublicityListFile(workbookPath: string, path: string, sheetName: string): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(workbookPath);
  const from = source.getWorksheet(sheetName);
  if (!from) throw new Error(`工作簿中没有公示名单“${sheetName}”`);
  const target = new ExcelJS.Workbook();
  const to = target.addWorksheet(sheetName, { views: from.views });
  from.columns.forEach((column, index) => {
    if (column.width !== undefined) to.getColumn(index + 1).width = column.width;
  });
  from.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const copy = to.getRow(rowNumber);
    if (row.height !== undefined) copy.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const cellCopy = copy.getCell(column);
      if (!cell.isMerged || cell.master === cell) cellCopy.value = cell.value;
      cellCopy.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
    });
  });
  const merges = (from.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) to.mergeCells(range);
  setListPrintLayout(target, [sheetName], PUBLICITY_LIST_HEADER_ROW);
  await target.xlsx.writeFile(path);
}
