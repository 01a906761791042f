/**
 * Builds .xlsx files for end-to-end tests with exceljs, the way an official's Excel file looks:
 * headers in row 1 in any order and spelling, real date cells, text, numbers, notes.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for one test's files. */
export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'banzhuren-test-'));
}

/** A date cell of a calendar day, as Excel stores it (exceljs: UTC midnight of the wall date). */
export function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Writes a workbook with one sheet of rows (row 1 the headers); returns its path. */
export async function writeWorkbook(path: string, sheetName: string, rows: unknown[][], notes: { cell: string; text: string }[] = []): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow(row));
  for (const note of notes) sheet.getCell(note.cell).note = note.text;
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Reads one sheet back: values (dates as YYYY-MM-DD), and notes by A1 address. */
export async function readSheet(path: string, sheetName: string): Promise<{ rows: unknown[][]; notes: Map<string, string> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: unknown[][] = [];
  const notes = new Map<string, string>();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value;
      values[column - 1] = value ?? '';
      if (cell.note) notes.set(cell.address, typeof cell.note === 'string' ? cell.note : cell.note.texts?.map((text) => text.text).join('') ?? '');
    });
    rows[rowNumber - 1] = values;
  });
  return { rows, notes };
}
