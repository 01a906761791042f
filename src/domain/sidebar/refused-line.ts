/**
 * A refused row as the sidebar lists it: `第N行：原因`, naming the row once even when the server's
 * message already starts with it (the document batch's refusals do).
 */

/** `第N行：原因`, the row named once. */
export function refusedRowLine(row: { row: number; message: string }): string {
  return row.message.startsWith(`第${row.row}行`) ? row.message : `第${row.row}行：${row.message}`;
}
