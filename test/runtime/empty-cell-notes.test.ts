/**
 * Notes on empty cells, which exceljs 4.4 loses on its own: it does not write a cell that has only
 * a note, and does not read a note whose cell is absent from the sheet data (as in such files).
 * This file's first steps run before the runtime has loaded, so exceljs is still unpatched then.
 */
import { join } from 'node:path';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

test('a note on an empty cell is read, and written so that it can be read again', async () => {
  const path = await writeXlsx(join(dir, 'empty-cell-note.xlsx'), (workbook) => {
    const sheet = workbook.addWorksheet('名单');
    sheet.getCell('A1').value = '姓名';
    sheet.getCell('C2').note = '缺少学校';
  });
  // Plain exceljs loses it: the comment is in the file, its cell is not.
  expect((await readXlsx(path)).getWorksheet('名单')?.getCell('C2').note).toBeUndefined();

  const runtime = await openWith(
    path,
    `function notes() { return SpreadsheetApp.getActive().getRange('名单!C2:D2').getNotes(); }
     function add() { SpreadsheetApp.getActive().getRange('名单!D2').setNote('缺少学段'); }`,
  );
  try {
    expect(runtime.bundle.call('notes')).toEqual([['缺少学校', '']]);
    runtime.bundle.call('add');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const sheet = (await readXlsx(path)).getWorksheet('名单');
  expect([sheet?.getCell('C2').note, sheet?.getCell('D2').note]).toEqual(['缺少学校', '缺少学段']);
});
