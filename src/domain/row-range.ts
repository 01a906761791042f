/**
 * Why a row number asked for is not a data row, worded for a refusal that is already shown beside
 * its row (`第5行：…`), so the row is named once: the sheet's data rows, or that it has none yet.
 */

/** The refusal of a row outside the data rows `first`–`last` (1-based; none when either is missing or last < first). */
export function outsideDataRows(first: number | undefined, last: number | undefined): string {
  if (first === undefined || last === undefined || last < first) return '不在数据范围内：表格在表头以下还没有数据行';
  return `不在数据范围内（数据行为第${first}行至第${last}行）`;
}
