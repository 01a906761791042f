/**
 * dist/Code.js loaded for one custom-function call without a workbook (the calendar commands
 * without --book): a new, empty spreadsheet in Asia/Shanghai. A custom function reads nothing of
 * the spreadsheet but its time zone, so this context fakes only that (SpreadsheetApp.getActive /
 * getActiveSpreadsheet and Spreadsheet.getSpreadsheetTimeZone, counted and timed like the
 * runtime's own fakes), plus Utilities, Logger and the console; every other service throws "not
 * available" as the runtime's absent ones do. It uses none of exceljs, jszip or nodemailer, so a
 * calendar command starts in a fraction of the time the full workbook runtime takes to load.
 */
import { loadBundle, type LoadedBundle } from '../runtime/bundle';
import type { CallCounter } from '../runtime/call-counter';
import { SimulatedClock } from '../runtime/clock';
import { instantOfDateAndTime } from '../runtime/time-zones';
import { makeFake, type FakeContext } from '../services/fake-object';
import { logSink, makeConsole, makeLogger } from '../services/logger';
import { makeUtilities } from '../services/utilities';

/** The bundle over an empty spreadsheet in `timeZone`. */
export interface CalendarBundle {
  bundle: LoadedBundle;
  timeZone: string;
}

/**
 * Loads the bundle with the clock at 09:00 of `today` in `timeZone` (the runtime's start), or at
 * the real now, counting every service call on `counter`; console.info lines go to `print`.
 */
export function loadCalendarBundle(options: { today?: string; as?: string; counter: CallCounter; timeZone: string; print?: (line: string) => void }): CalendarBundle {
  const { timeZone, counter } = options;
  const start = options.today ? instantOfDateAndTime(options.today, 9, 0, timeZone) : Date.now();
  const clock = new SimulatedClock(start);
  const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sink = logSink();
  let fakeContext: FakeContext | undefined;
  const bundle = loadBundle(
    (realm) => {
      const context: FakeContext = { realm, counter, clock, activeUser: options.as ?? '' };
      fakeContext = context;
      const spreadsheet = () => makeFake(context, 'Spreadsheet', () => ({ getSpreadsheetTimeZone: () => timeZone }));
      return {
        SpreadsheetApp: makeFake(context, 'SpreadsheetApp', () => ({ getActive: spreadsheet, getActiveSpreadsheet: spreadsheet })),
        Utilities: makeUtilities(context),
        Logger: makeLogger(context, sink),
      };
    },
    { now: () => clock.now(), console: makeConsole(() => fakeContext as FakeContext, sink, print) },
  );
  return { bundle, timeZone };
}
