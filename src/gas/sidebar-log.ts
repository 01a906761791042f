/**
 * The 操作记录 rows a sidebar action appended, as the sidebar shows them: the time in the
 * spreadsheet's zone as 'YYYY-MM-DD HH:mm' (Utilities.formatDate), every other cell as text, and
 * long digit runs in the note hidden.
 */
import { hideLongNumbers } from '../domain/reminders/digest';

/** One 操作记录 row as the sidebar shows it (src/addon/sidebar-api.ts calls it AuditLine). */
export interface AuditLineRead {
  time: string;
  email: string;
  sheet: string;
  row: number | '';
  name: string;
  from: string;
  to: string;
  note: string;
}

/** 操作记录 rows as the sidebar shows them (time in the spreadsheet's zone, long digit runs hidden). */
export function auditLines(rows: readonly unknown[][], timeZone: string): AuditLineRead[] {
  return rows.map((row) => {
    const time = row[0];
    return {
      time: time instanceof Date || Object.prototype.toString.call(time) === '[object Date]' ? Utilities.formatDate(time as Date, timeZone, 'yyyy-MM-dd HH:mm') : String(time ?? ''),
      email: String(row[1] ?? ''),
      sheet: String(row[2] ?? ''),
      row: typeof row[3] === 'number' ? row[3] : '',
      name: String(row[4] ?? ''),
      from: String(row[5] ?? ''),
      to: String(row[6] ?? ''),
      note: hideLongNumbers(String(row[7] ?? '')),
    };
  });
}

