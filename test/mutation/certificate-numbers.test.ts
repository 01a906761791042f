/**
 * Certificate numbers (SPEC §4) as a property over random histories: awards, cancellations
 * (已取消), 证书编号 cells cleared or typed by hand, rows put back to 公示中 and awarded again,
 * workbooks whose document properties were lost, across separate runs on one .xlsx file and across
 * a new year. Whatever happens, no number is issued twice, the numbers of a year go up, and the
 * counter never falls below the highest number of that year already in 证书编号.
 */
import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { excelDate, temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const ROWS = [2, 3, 4, 5, 6];
/** The default 证书编号格式, 玉教班〔{year}〕{seq:000}号, read back. */
const NUMBER = /^玉教班〔(\d{4})〕(\d+)号$/;

/** What a person or the city official does in one step of a run. */
type Step =
  | { kind: 'award'; rows: number[] }
  | { kind: 'cancel'; row: number }
  | { kind: 'clear'; rows: number[] }
  | { kind: 'reopen'; rows: number[] }
  | { kind: 'type'; row: number; sequence: number }
  | { kind: 'loseProperties' };

/** One run: one opening of the workbook on a day, its steps, then save. */
interface Run {
  day: number;
  steps: Step[];
}

const folder = temporaryFolder();
const base = join(folder, 'base.xlsx');
let cases = 0;

beforeAll(async () => {
  // Every row has finished its publicity (2024-09-27 to 2024-10-09) and may be awarded from 2024-10-10.
  const rows = ROWS.map((row) => candidate({ 姓名: `教师${row}`, 状态: '公示中', 公示开始: excelDate('2024-09-27'), 公示截止: excelDate('2024-10-09') }));
  await scenarioWorkbook(base, rows, [[CITY, '市级']]);
});

/** 2024-10-10 plus `offset` days, as YYYY-MM-DD (offsets up to 200 reach into 2025). */
function dayOf(offset: number): string {
  return new Date(Date.UTC(2024, 9, 10 + offset)).toISOString().slice(0, 10);
}

/** The 推荐名单 sheet of an opened runtime, and the 1-based column of a header. */
function nominationSheet(runtime: WorkbookRuntime) {
  const app = runtime.bundle.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName('推荐名单')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const column = (header: string) => headers.indexOf(header) + 1;
  const numberAt = (row: number) => String(sheet.getRange(row, column('证书编号')).getValue());
  return { sheet, column, numberAt };
}

/** The sequences of `year` now in the 证书编号 column. */
function sequencesInSheet(runtime: WorkbookRuntime, year: number): number[] {
  const { numberAt } = nominationSheet(runtime);
  return ROWS.map(numberAt)
    .map((text) => NUMBER.exec(text))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[1]) === year)
    .map((match) => Number(match[2]));
}

/** What the history issued, in order, and what was in the sheet at each award. */
interface Issued {
  number: string;
  year: number;
  sequence: number;
  /** The highest sequence of that year in 证书编号 just before the award. */
  highestBefore: number;
  /** Whether the document properties were lost since the start of the history. */
  afterLoss: boolean;
}

/** Plays a history on a fresh copy of the base workbook, one runtime opening per run. */
async function play(runs: Run[]): Promise<Issued[]> {
  const path = join(folder, `case-${(cases += 1)}.xlsx`);
  copyFileSync(base, path);
  const issued: Issued[] = [];
  let lost = false;
  for (const run of [...runs].sort((a, b) => a.day - b.day)) {
    const today = dayOf(run.day);
    const year = Number(today.slice(0, 4));
    const runtime = await openWorkbookRuntime({ path, today, as: CITY, counter: new CallCounter(), print: () => undefined });
    try {
      const { sheet, column, numberAt } = nominationSheet(runtime);
      for (const step of run.steps) {
        if (step.kind === 'award') {
          const highestBefore = Math.max(0, ...sequencesInSheet(runtime, year));
          const report = runtime.bundle.call('runAdvance_', { rows: step.rows, to: '已认定' }) as { moved: { row: number }[] };
          for (const { row } of report.moved) {
            const match = NUMBER.exec(numberAt(row));
            if (!match) throw new Error(`第${row}行认定后证书编号为“${numberAt(row)}”`);
            issued.push({ number: match[0], year: Number(match[1]), sequence: Number(match[2]), highestBefore, afterLoss: lost });
          }
        } else if (step.kind === 'cancel') {
          runtime.bundle.call('runAdvance_', { rows: [step.row], to: '已取消', reason: '六（四）6' });
        } else if (step.kind === 'clear') {
          for (const row of step.rows) sheet.getRange(row, column('证书编号')).setValue('');
        } else if (step.kind === 'reopen') {
          for (const row of step.rows) sheet.getRange(row, column('状态')).setValue('公示中');
        } else if (step.kind === 'type') {
          sheet.getRange(step.row, column('证书编号')).setValue(`玉教班〔${year}〕${String(step.sequence).padStart(3, '0')}号`);
        } else {
          (runtime.bundle.context.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().deleteAllProperties();
          lost = true;
        }
      }
      await runtime.save();
    } finally {
      runtime.close();
    }
  }
  return issued;
}

const row = fc.constantFrom(...ROWS);
const award = fc.record({ kind: fc.constant('award' as const), rows: fc.uniqueArray(row, { minLength: 1, maxLength: 3 }) });
const cancel = fc.record({ kind: fc.constant('cancel' as const), row });
const someRows = fc.uniqueArray(row, { minLength: 1, maxLength: ROWS.length });
const clear = fc.record({ kind: fc.constant('clear' as const), rows: someRows });
const reopen = fc.record({ kind: fc.constant('reopen' as const), rows: someRows });
const typed = fc.record({ kind: fc.constant('type' as const), row, sequence: fc.integer({ min: 1, max: 30 }) });
const loseProperties = fc.constant({ kind: 'loseProperties' as const });

/** Histories of 1–4 runs of 1–4 steps, on days from 2024-10-10 to 2025-04-28. */
function histories(step: fc.Arbitrary<Step>): fc.Arbitrary<Run[]> {
  return fc.array(fc.record({ day: fc.integer({ min: 0, max: 200 }), steps: fc.array(step, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 });
}

test('awards, cancellations, cleared cells and re-awards across runs never issue a number twice', async () => {
  await fc.assert(
    fc.asyncProperty(histories(fc.oneof({ arbitrary: award, weight: 3 }, cancel, clear, reopen)), async (runs) => {
      const issued = await play(runs);
      const numbers = issued.map((entry) => entry.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const year of new Set(issued.map((entry) => entry.year))) {
        const sequences = issued.filter((entry) => entry.year === year).map((entry) => entry.sequence);
        expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
        expect(sequences[0]).toBe(1); // a new year starts again at 1
      }
    }),
    {
      numRuns: 25,
      examples: [
        // Awarded, then its number cleared from the cell in a later run: the number stays used.
        [[{ day: 0, steps: [{ kind: 'award', rows: [2] }] }, { day: 1, steps: [{ kind: 'clear', rows: [2] }, { kind: 'award', rows: [3] }] }]],
        // Cancelled, cleared, put back to 公示中 and awarded again the next year and this year.
        [[{ day: 0, steps: [{ kind: 'award', rows: [2, 3] }, { kind: 'cancel', row: 3 }] }, { day: 5, steps: [{ kind: 'clear', rows: [3] }, { kind: 'reopen', rows: [3] }] }, { day: 6, steps: [{ kind: 'award', rows: [3] }] }]],
      ],
    },
  );
});

test('the counter never falls below the highest number of the year already in 证书编号 (typed by hand, or properties lost)', async () => {
  await fc.assert(
    fc.asyncProperty(histories(fc.oneof({ arbitrary: award, weight: 3 }, typed, reopen, loseProperties)), async (runs) => {
      const issued = await play(runs);
      for (const entry of issued) expect(entry.sequence).toBeGreaterThan(entry.highestBefore);
      const kept = issued.filter((entry) => !entry.afterLoss).map((entry) => entry.number);
      expect(new Set(kept).size).toBe(kept.length);
    }),
    {
      numRuns: 25,
      examples: [
        // A number typed by hand before the first award.
        [[{ day: 0, steps: [{ kind: 'type', row: 6, sequence: 7 }] }, { day: 1, steps: [{ kind: 'award', rows: [2] }] }]],
        // A workbook whose document properties were lost after two awards.
        [[{ day: 0, steps: [{ kind: 'award', rows: [2, 3] }] }, { day: 1, steps: [{ kind: 'loseProperties' }] }, { day: 2, steps: [{ kind: 'award', rows: [4] }] }]],
      ],
    },
  );
});
