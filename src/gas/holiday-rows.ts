/**
 * Reads the 节假日 sheet's rows (日期, 休/班, 名称) into working-day overrides. A header row is
 * skipped; blank rows are skipped; any other row that cannot be read is an error naming the row
 * and the value, so a typo never silently changes a deadline.
 */
import { foldWidth } from '../domain/date-text';
import type { DayOverride } from '../domain/working-days/working-day-calendar';
import { readDateCell } from './cell-dates';

const REST_WORDS = new Set(['休', '休息', '放假', '假', '节假日']);
const WORK_WORDS = new Set(['班', '上班', '调休上班', '补班', '工作日']);

/** Overrides out of the 节假日 rows; `firstRowNumber` is the sheet row of values[0], for messages. */
export function readHolidayRows(values: unknown[][], timeZone: string, firstRowNumber = 1): DayOverride[] {
  const overrides: DayOverride[] = [];
  values.forEach((row, index) => {
    const [dateValue, kindValue, nameValue] = row;
    const where = `节假日第${firstRowNumber + index}行`;
    const reading = readDateCell(dateValue, timeZone);
    const kindText = foldWidth(String(kindValue ?? '')).trim();
    if (reading.kind === 'blank' && kindText === '') return;
    if (reading.kind === 'invalid' && index === 0) return; // a header row such as 日期 | 类型 | 名称
    if (reading.kind !== 'date') {
      throw new Error(`${where}：日期“${reading.kind === 'invalid' ? reading.shown : ''}”无法识别`);
    }
    const kind = REST_WORDS.has(kindText) ? 'rest' : WORK_WORDS.has(kindText) ? 'work' : undefined;
    if (!kind) throw new Error(`${where}：类型应为“休”或“班”，收到“${kindText}”`);
    overrides.push({ date: reading.date, kind, name: String(nameValue ?? '').trim() });
  });
  return overrides;
}
