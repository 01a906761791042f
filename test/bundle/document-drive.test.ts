/**
 * The documents' Drive calls go through the advanced Drive service (src/gas/drive-files.ts): a name
 * holding an apostrophe is looked up with Drive's query escaping (a wrong escape is a query the
 * offline files.list refuses, so the run would fail), found again by a second run (by its link) and replaced by
 * name when regenerating; one file per row throughout, and the bundle calls no DriveApp method. A
 * link whose file is in the trash or gone (Drive's 404), or that names a folder, is not taken for
 * the row's file.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { CallCounter } from '../../local/runtime/call-counter';
import { temporaryFolder } from '../support/workbooks';
import { awardedRows, CERTIFICATE_TEMPLATE, documentRuntime, documentWorkbook, filesIn, writeTemplate } from './document-support';

interface RunResult {
  created: { row: number; file: string; link: string }[];
  skipped: { row: number; link: string }[];
  done: boolean;
}

test("names with an apostrophe are found again by name: a second run makes none, regenerating replaces each by name", async () => {
  const folder = temporaryFolder();
  const names = ["O'Neil", "D'Arcy '张'"];
  const path = await documentWorkbook(folder, awardedRows(2, (index) => ({ 姓名: names[index] })));
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const out = join(folder, 'out');
  const expected = ["玉教班〔2024〕001号-O'Neil-荣誉证书.docx", "玉教班〔2024〕002号-D'Arcy '张'-荣誉证书.docx"].sort();
  const counter = new CallCounter();
  const runtime = await documentRuntime(path, { counter });
  try {
    const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(out) };
    const first = runtime.bundle.call('runDocuments_', options) as RunResult;
    expect(first.created).toHaveLength(2);
    expect(filesIn(out)).toEqual(expected);
    // The second run finds both files through their links (files.get): nothing is made.
    const again = runtime.bundle.call('runDocuments_', options) as RunResult;
    expect(again.created).toEqual([]);
    expect(again.skipped.map((entry) => entry.link).sort()).toEqual(first.created.map((entry) => entry.link).sort());
    const regenerated = runtime.bundle.call('runDocuments_', { ...options, regenerate: true }) as RunResult;
    expect(regenerated.created).toHaveLength(2);
    expect(filesIn(out)).toEqual(expected);
    expect(filesIn(join(out, '.trash')).filter((file) => file.endsWith('.docx'))).toHaveLength(2);
    expect(Object.keys(counter.snapshot().calls).filter((call) => /^(DriveApp|Folder|File|FileIterator)\./u.test(call))).toEqual([]);
    expect(counter.of('Drive.Files.list')).toBeGreaterThan(0);
  } finally {
    runtime.close();
  }
});

test('a link whose file is trashed or gone, or that names a folder, does not count: the file is made again or found by name', async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(3));
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const out = join(folder, 'out');
  const runtime = await documentRuntime(path);
  try {
    const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(out) };
    const first = runtime.bundle.call('runDocuments_', options) as RunResult;
    const [trashed, gone, folderLinked] = [2, 3, 4].map((row) => first.created.find((entry) => entry.row === row)?.link as string);
    runtime.drive.trashFile(runtime.drive.pathOf(trashed as string));
    rmSync(runtime.drive.pathOf(gone as string));
    // Row 4's link cell now names the output folder (typed by someone), as the sheet would hold it.
    runInContext(
      `(function () {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('推荐名单');
        var values = sheet.getDataRange().getValues();
        for (var r = 0; r < values.length; r++) for (var c = 0; c < values[r].length; c++) {
          if (values[r][c] === ${JSON.stringify(folderLinked)}) sheet.getRange(r + 1, c + 1).setValue(${JSON.stringify(options.folderId)});
        }
      })()`,
      runtime.bundle.context,
    );
    const again = runtime.bundle.call('runDocuments_', options) as RunResult;
    expect(again.created.map((entry) => entry.row).sort()).toEqual([2, 3]);
    expect(again.skipped).toEqual([{ row: 4, name: '教师3', link: folderLinked }]);
    expect(filesIn(out)).toHaveLength(3);
  } finally {
    runtime.close();
  }
});
