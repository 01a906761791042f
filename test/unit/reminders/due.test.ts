/**
 * dueReminders on the real 2025 calendar: each rule's first due day and last relevant day (one day
 * either side), the shift over 国庆 (2025-10-01..08 off, Sunday 09-28 and Saturday 10-11 worked),
 * the waiting interval's occasions (named by their due dates) without a backlog, the occasion's
 * 姓名｜学校 identity (not the row number), unreachable reminders told to the city, who receives what from 权限, and
 * what nobody can receive.
 */
import { cityReviewers, dueReminders, readReminderInterval, waitedWorkdays, type DueReminder, type ReminderRow } from '../../../src/domain/reminders/due';
import { KIND_PLACEHOLDERS, MAIL_PLACEHOLDERS, ROW_PLACEHOLDERS, type ReminderKind } from '../../../src/domain/reminders/kinds';
import fc from 'fast-check';
import { addDays } from '../../../src/domain/calendar-date';
import { planDigests, type ReminderRecord } from '../../../src/domain/reminders/plan';
import { REMINDER_RESULTS } from '../../../src/domain/reminders/kinds';
import { UnknownYearError, WorkingDayCalendar, bundledYears } from '../../../src/domain/working-days/working-day-calendar';
import { CITY, HONGTA, calendar, input, permissionsOf, record, row } from './fixtures';

/** The first Monday of a year. */
function mondayOf(year: number): string {
  let day = `${year}-01-01`;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
}

/** The due reminders of one kind for rows on a day. */
function dueOf(kind: ReminderKind, today: string, rows: readonly ReminderRow[], changes = {}): DueReminder[] {
  return dueReminders(input(today, rows, changes)).due.filter((reminder) => reminder.kind === kind);
}

/** The days (of those given) on which a kind is due for one row. */
function daysDue(kind: ReminderKind, days: readonly string[], subject: ReminderRow): string[] {
  return days.filter((day) => dueOf(kind, day, [subject]).length > 0);
}

describe('working days waited', () => {
  test('counts the working days strictly after enteredOn up to and including today, over 国庆', () => {
    const expected: Record<string, number> = {
      '2025-09-26': 0, // the day it entered: nothing waited yet
      '2025-09-27': 0, // Saturday
      '2025-09-28': 1, // Sunday made a working day
      '2025-09-29': 2,
      '2025-09-30': 3,
      '2025-10-01': 3, // 国庆
      '2025-10-08': 3,
      '2025-10-09': 4,
      '2025-10-10': 5,
      '2025-10-11': 6, // Saturday made a working day
      '2025-10-12': 6,
      '2025-10-13': 7,
    };
    for (const [today, waited] of Object.entries(expected)) expect([today, waitedWorkdays(calendar, '2025-09-26', today)]).toEqual([today, waited]);
  });

  test('is 0 for a day before enteredOn', () => {
    expect(waitedWorkdays(calendar, '2025-09-26', '2025-09-20')).toBe(0);
  });
});

describe('waiting', () => {
  const entered = row({ enteredOn: '2025-09-26' });

  test('is first due on the day the 5th working day is reached, shifted over 国庆', () => {
    expect(dueOf('waiting', '2025-10-09', [entered])).toEqual([]);
    const [first] = dueOf('waiting', '2025-10-10', [entered]);
    expect(first).toMatchObject({ recipient: HONGTA, occasion: '张三｜玉溪一中｜学校推荐@2025-09-26→2025-10-10', dueOn: '2025-10-10', sheet: '推荐名单', row: 5, name: '张三' });
    expect(first?.values.等待工作日).toBe('5');
  });

  test('a row entering on the last day before 国庆 waits until the week after', () => {
    const days = ['2025-09-30', '2025-10-08', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13', '2025-10-14'];
    expect(daysDue('waiting', days, row({ enteredOn: '2025-09-30' }))).toEqual(['2025-10-14']);
  });

  test('every interval again: 5, 10, 15 working days are occasions naming their due dates, only the latest ever due (no backlog)', () => {
    const subject = row({ enteredOn: '2025-11-03' }); // a Monday, no holiday in November
    const occasions = (today: string) => dueOf('waiting', today, [subject]).map((reminder) => reminder.occasion);
    expect(occasions('2025-11-07')).toEqual([]);
    expect(occasions('2025-11-10')).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10']);
    expect(occasions('2025-11-14')).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10']);
    expect(occasions('2025-11-17')).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-17']);
    expect(occasions('2025-11-21')).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-17']);
    expect(occasions('2025-11-24')).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-24']);
    expect(dueOf('waiting', '2025-11-24', [subject])[0]?.dueOn).toBe('2025-11-24');
    expect(dueOf('waiting', '2025-11-25', [subject])[0]?.dueOn).toBe('2025-11-24');
  });

  test('property: sent every day it is due, a waiting row is named exactly on the days its wait reaches a multiple of the interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 7 }), (offset, interval) => {
        const enteredOn = addDays('2025-01-01', offset);
        const subject = row({ enteredOn });
        const records: ReminderRecord[] = [];
        const sentOn: string[] = [];
        for (let day = 1; day <= 45; day += 1) {
          const today = addDays(enteredOn, day);
          const { digests } = planDigests(dueReminders(input(today, [subject], { interval })).due, records, today);
          for (const item of digests.flatMap((digest) => digest.reminders)) {
            records.push(record(item, today, REMINDER_RESULTS.sent));
            sentOn.push(today);
          }
        }
        const expected: string[] = [];
        for (let day = 1; day <= 45; day += 1) {
          const today = addDays(enteredOn, day);
          const waited = waitedWorkdays(calendar, enteredOn, today);
          if (calendar.isWorkday(today) && waited % interval === 0) expected.push(today);
        }
        expect(sentOn).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  test('follows 设置 提醒间隔', () => {
    const subject = row({ enteredOn: '2025-11-03' });
    expect(dueOf('waiting', '2025-11-05', [subject], { interval: 2 }).map((reminder) => reminder.occasion)).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-05']);
    expect(dueOf('waiting', '2025-11-04', [subject], { interval: 2 })).toEqual([]);
    expect(dueOf('waiting', '2025-11-07', [subject], { interval: 2 }).map((reminder) => reminder.occasion)).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-07']);
  });

  test('changing 提醒间隔 mid-way keeps reminding: the occasion names the due date, not the count', () => {
    // Entered 11-03 (a Monday). With interval 1 it was named on 11-04 … 11-07; then 提醒间隔 becomes 5:
    // on 11-10 (5 working days) the occasion is new, so the row is named again (a count #1 was already used).
    const subject = row({ enteredOn: '2025-11-03' });
    const early = dueOf('waiting', '2025-11-04', [subject], { interval: 1 }).map((reminder) => reminder.occasion);
    const later = dueOf('waiting', '2025-11-10', [subject], { interval: 5 }).map((reminder) => reminder.occasion);
    expect(early).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-04']);
    expect(later).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10']);
    const records = [record(dueOf('waiting', '2025-11-04', [subject], { interval: 1 })[0]!, '2025-11-04', REMINDER_RESULTS.sent)];
    expect(planDigests(dueOf('waiting', '2025-11-10', [subject], { interval: 5 }), records, '2025-11-10').digests).toHaveLength(1);
  });

  test('the occasion names 姓名 and 学校, not the row number: a sorted sheet makes nothing new', () => {
    const subject = row({ enteredOn: '2025-11-03' });
    const before = dueOf('waiting', '2025-11-10', [subject])[0]!;
    const after = dueOf('waiting', '2025-11-10', [{ ...subject, row: 12 }])[0]!;
    expect(after.row).toBe(12);
    expect(after.occasion).toBe(before.occasion);
    expect(planDigests([after], [record(before, '2025-11-10', REMINDER_RESULTS.sent)], '2025-11-10').digests).toEqual([]);
    const other = dueOf('waiting', '2025-11-10', [{ ...subject, name: '李四' }])[0]!;
    expect(other.occasion).not.toBe(before.occasion);
  });

  test('no enteredOn, no waiting reminder', () => {
    expect(dueOf('waiting', '2025-12-01', [row()])).toEqual([]);
  });

  test('goes to the county for its 学校推荐 rows, to the city for 初审通过, 市直学校 and 公示有异议', () => {
    const rows = [
      row({ row: 2, enteredOn: '2025-11-03' }),
      row({ row: 3, enteredOn: '2025-11-03', state: '初审通过' }),
      row({ row: 4, enteredOn: '2025-11-03', county: '市直学校', cityDirect: true }),
      row({ row: 6, enteredOn: '2025-11-03', state: '公示有异议' }),
      row({ row: 7, enteredOn: '2025-11-03', state: '评审通过' }),
      row({ row: 8, enteredOn: '2025-11-03', state: '已认定' }),
    ];
    const due = dueOf('waiting', '2025-11-10', rows);
    expect(due.map((reminder) => [reminder.row, reminder.recipient, reminder.occasion])).toEqual([
      [2, HONGTA, '张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10'],
      [3, CITY, '张三｜玉溪一中｜初审通过@2025-11-03→2025-11-10'],
      [4, CITY, '张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10'],
      [6, CITY, '张三｜玉溪一中｜公示有异议@2025-11-03→2025-11-10'],
    ]);
  });

  test('a county written by its short name still finds its reviewer', () => {
    expect(dueOf('waiting', '2025-11-10', [row({ county: '红塔', enteredOn: '2025-11-03' })]).map((reminder) => reminder.recipient)).toEqual([HONGTA]);
  });
});

describe('publicity', () => {
  test('publicityEnding: from the working day before 公示截止 (before 国庆) to 公示截止', () => {
    const subject = row({ state: '公示中', publicityEnd: '2025-10-09' });
    const days = ['2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10'];
    expect(daysDue('publicityEnding', days, subject)).toEqual(['2025-09-30', '2025-10-09']);
    const [reminder] = dueOf('publicityEnding', '2025-10-09', [subject]);
    expect(reminder).toMatchObject({ recipient: CITY, occasion: '张三｜玉溪一中｜公示截止2025-10-09', dueOn: '2025-09-30' });
    expect(reminder?.values.公示截止).toBe('2025年10月9日');
  });

  test('publicityEnded: from the first working day after 公示截止, while still 公示中', () => {
    const subject = row({ state: '公示中', publicityEnd: '2025-09-30' });
    const days = ['2025-09-30', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-31'];
    expect(daysDue('publicityEnded', days, subject)).toEqual(['2025-10-09', '2025-10-31']);
    expect(dueOf('publicityEnded', '2025-10-09', [subject])[0]).toMatchObject({ recipient: CITY, occasion: '张三｜玉溪一中｜公示截止2025-09-30', dueOn: '2025-10-09' });
    expect(dueOf('publicityEnded', '2025-10-09', [{ ...subject, state: '已认定' }])).toEqual([]);
  });

  test('a weekend after 公示截止 waits for Monday', () => {
    const subject = row({ state: '公示中', publicityEnd: '2025-11-14' });
    expect(daysDue('publicityEnding', ['2025-11-12', '2025-11-13', '2025-11-14', '2025-11-17'], subject)).toEqual(['2025-11-13', '2025-11-14']);
    expect(daysDue('publicityEnded', ['2025-11-14', '2025-11-15', '2025-11-16', '2025-11-17'], subject)).toEqual(['2025-11-17']);
  });

  test('no 公示截止, no publicity reminder; other states get none', () => {
    expect(dueReminders(input('2025-10-09', [row({ state: '公示中' })])).due).toEqual([]);
    expect(dueReminders(input('2025-10-09', [row({ state: '评审通过', publicityEnd: '2025-10-09' })])).due).toEqual([]);
  });
});

describe('termEnding', () => {
  test('from 30 calendar days before TERM_END to TERM_END', () => {
    const subject = row({ state: '已认定', termEnd: '2025-11-28' });
    const days = ['2025-10-28', '2025-10-29', '2025-11-28', '2025-12-01'];
    expect(daysDue('termEnding', days, subject)).toEqual(['2025-10-29', '2025-11-28']);
    const [reminder] = dueOf('termEnding', '2025-10-29', [subject]);
    expect(reminder).toMatchObject({ recipient: CITY, occasion: '张三｜玉溪一中｜任期届满2025-11-28', dueOn: '2025-10-29' });
    expect(reminder?.values.任期届满).toBe('2025年11月28日');
  });

  test('a first day in 国庆 moves to the first working day after it', () => {
    const subject = row({ state: '已认定', termEnd: '2025-11-03' }); // 30 days before: 2025-10-04
    expect(daysDue('termEnding', ['2025-09-30', '2025-10-04', '2025-10-08', '2025-10-09'], subject)).toEqual(['2025-10-09']);
    expect(dueOf('termEnding', '2025-10-09', [subject])[0]?.dueOn).toBe('2025-10-09');
  });
});

describe('dutiesMissing', () => {
  const duties = { semester: '2024-2025学年第二学期', semesterEnd: '2025-08-31', complete: false, missing: '讲座 1 次、公开课 1 次' };
  const subject = row({ state: '已认定', email: ' Teacher@School.CN ', duties });

  test('from 10 working days before the semester ends to its last day, to the teacher', () => {
    const days = ['2025-08-15', '2025-08-18', '2025-08-29', '2025-09-01'];
    expect(daysDue('dutiesMissing', days, subject)).toEqual(['2025-08-18', '2025-08-29']);
    const [reminder] = dueOf('dutiesMissing', '2025-08-18', [subject]);
    expect(reminder).toMatchObject({ recipient: 'teacher@school.cn', occasion: '张三｜玉溪一中｜2024-2025学年第二学期', dueOn: '2025-08-18' });
    expect(reminder?.values).toMatchObject({ 学期: '2024-2025学年第二学期', 缺少: '讲座 1 次、公开课 1 次', 学期结束: '2025年8月31日' });
  });

  test('not when the duties are complete', () => {
    expect(dueOf('dutiesMissing', '2025-08-18', [{ ...subject, duties: { ...duties, complete: true } }])).toEqual([]);
  });

  test('a blank or invalid 电子邮箱 is unaddressed, naming the row, and told to the city once', () => {
    for (const email of ['', '  ', 'not-an-email', '138 1234 5678']) {
      const result = dueReminders(input('2025-08-18', [{ ...subject, row: 9, email }]));
      expect(result.unaddressed).toEqual([{ kind: 'dutiesMissing', sheet: '推荐名单', row: 9, name: '张三', why: expect.stringContaining('推荐名单第9行的电子邮箱') }]);
      expect(result.due).toEqual([
        {
          kind: 'unreachable',
          recipient: CITY,
          sheet: '推荐名单',
          row: 9,
          name: '张三',
          occasion: `履职未完成｜张三｜玉溪一中｜2024-2025学年第二学期｜${result.unaddressed[0]!.why.replace('推荐名单第9行', '')}`,
          dueOn: '2025-08-18',
          values: { 行: '9', 工作表: '推荐名单', 姓名: '张三', 学校: '玉溪一中', 县市区: '红塔区', 状态: '已认定', 原因: result.unaddressed[0]!.why },
        },
      ]);
    }
  });

  test('an invalid 电子邮箱 is never echoed (a phone number typed there must not travel)', () => {
    const result = dueReminders(input('2025-08-18', [{ ...subject, row: 9, email: '138 1234 5678' }]));
    expect(result.unaddressed[0]?.why).toBe('推荐名单第9行的电子邮箱一栏不是有效的邮箱地址，无法发送给本人');
    expect(JSON.stringify(result)).not.toContain('1234');
  });
});

describe('jobFailed', () => {
  const failure = { time: '2025-09-30 08:05', reason: '找不到“推荐名单”表' };

  test('named to the city from the day of the failure itself when it is a working day', () => {
    expect(dueReminders(input('2025-09-29', [], { failures: [failure] })).due).toEqual([]);
    for (const today of ['2025-09-30', '2025-10-09']) {
      expect(dueReminders(input(today, [], { failures: [failure] })).due).toEqual([
        { kind: 'jobFailed', recipient: CITY, sheet: '', row: '', name: '', occasion: '2025-09-30 08:05', dueOn: '2025-09-30', values: { 时间: '2025-09-30 08:05', 原因: '找不到“推荐名单”表' } },
      ]);
    }
  });

  test('a failure on a day off is named on the next working day', () => {
    const onHoliday = { time: '2025-10-03 08:05', reason: 'x' };
    expect(dueReminders(input('2025-10-03', [], { failures: [onHoliday] })).due).toEqual([]);
    expect(dueReminders(input('2025-10-09', [], { failures: [onHoliday] })).due.map((reminder) => reminder.dueOn)).toEqual(['2025-10-09']);
  });

  test('without a city reviewer it is unaddressed', () => {
    const result = dueReminders(input('2025-10-09', [], { failures: [failure], permissions: permissionsOf([[HONGTA, '红塔区']]) }));
    expect(result.due).toEqual([]);
    expect(result.unaddressed).toEqual([{ kind: 'jobFailed', sheet: '', row: 0, name: '', why: expect.stringContaining('2025-09-30 08:05') }]);
  });
});

describe('recipients from 权限', () => {
  test('every city reviewer gets city reminders; schools get nothing', () => {
    const permissions = permissionsOf([
      ['City@Yuxi.cn', '市级'],
      ['deputy@yuxi.cn', '市级'],
      ['school@yuxi.cn', '学校'],
    ]);
    const due = dueReminders(input('2025-11-17', [row({ state: '公示中', publicityEnd: '2025-11-14' })], { permissions })).due;
    expect(due.map((reminder) => reminder.recipient)).toEqual(['city@yuxi.cn', 'deputy@yuxi.cn']);
  });

  test('an email with several roles, or written twice, gets each reminder once', () => {
    const permissions = permissionsOf([
      [CITY, '市级'],
      [CITY, '红塔区'],
      [' CITY@yuxi.cn ', '红塔'],
      [CITY, '市级'],
    ]);
    const rows = [row({ row: 2, enteredOn: '2025-11-03' }), row({ row: 3, state: '初审通过', enteredOn: '2025-11-03' })];
    const due = dueReminders(input('2025-11-10', rows, { permissions })).due;
    expect(due.map((reminder) => [reminder.recipient, reminder.row])).toEqual([
      [CITY, 2],
      [CITY, 3],
    ]);
  });

  test('emails differing only in case or spaces, and a row given twice, make one reminder', () => {
    const permissions = { byEmail: new Map([[' City@Yuxi.cn', [{ kind: 'city' as const }]], [CITY, [{ kind: 'city' as const }]]]), withoutRole: new Set<string>(), problems: [] };
    const subject = row({ state: '公示中', publicityEnd: '2025-11-14' });
    const due = dueReminders(input('2025-11-17', [subject, { ...subject }], { permissions })).due;
    expect(due.map((reminder) => [reminder.recipient, reminder.kind, reminder.row])).toEqual([[CITY, 'publicityEnded', 5]]);
  });

  test('cityReviewers lists the city role holders, lower-cased', () => {
    expect(cityReviewers(permissionsOf([['A@x.cn', '市级'], [HONGTA, '红塔区'], ['b@x.cn', '市']]))).toEqual(['a@x.cn', 'b@x.cn']);
  });

  test('a county with no reviewer is unaddressed, not dropped', () => {
    const result = dueReminders(input('2025-11-10', [row({ row: 7, county: '江川区', enteredOn: '2025-11-03' })]));
    expect(result.unaddressed).toEqual([{ kind: 'waiting', sheet: '推荐名单', row: 7, name: '张三', why: expect.stringContaining('权限表中没有“江川区”的审核人') }]);
    expect(result.due.map((reminder) => [reminder.kind, reminder.recipient, reminder.row, reminder.occasion, reminder.values.原因])).toEqual([
      ['unreachable', CITY, 7, '待审核｜张三｜玉溪一中｜学校推荐@2025-11-03｜权限表中没有“江川区”的审核人，请在“权限”表中添加', result.unaddressed[0]!.why],
    ]);
  });

  test('无法提醒 is told once per cause: not again at the next waiting interval nor after a sort, again when the cause changes', () => {
    const subject = row({ row: 30, county: '', enteredOn: '2025-11-03' });
    const told = (today: string, changes: Partial<ReminderRow> = {}) =>
      dueReminders(input(today, [{ ...subject, ...changes }])).due.filter((reminder) => reminder.kind === 'unreachable');
    const [first] = told('2025-11-10');
    expect(first?.values.原因).toBe('推荐名单第30行未填写县（市、区），无法确定审核人');
    const sent = [record(first!, '2025-11-10', REMINDER_RESULTS.sent)];
    // Five and ten working days later, and after the row moved to row 12: the same problem, nothing new to send.
    for (const [today, changes] of [['2025-11-17', {}], ['2025-11-24', {}], ['2025-11-24', { row: 12 }]] as const) {
      const again = told(today, changes);
      expect(again.map((reminder) => reminder.occasion)).toEqual([first!.occasion]);
      expect(planDigests(again, sent, today).digests).toEqual([]);
    }
    // The county filled in but nobody reviews it: a new problem, told once more.
    const changed = told('2025-11-24', { county: '江川区' });
    expect(planDigests(changed, sent, '2025-11-24').digests.flatMap((digest) => digest.reminders.map((reminder) => reminder.values.原因))).toEqual(['权限表中没有“江川区”的审核人，请在“权限”表中添加']);
    // Back in 学校推荐 after a return (a new entry date): told again.
    expect(planDigests(told('2025-12-08', { enteredOn: '2025-12-01' }), sent, '2025-12-08').digests).toHaveLength(1);
  });

  test('a row without a county is unaddressed, naming the row', () => {
    const result = dueReminders(input('2025-11-10', [row({ row: 7, county: '', enteredOn: '2025-11-03' })]));
    expect(result.unaddressed).toEqual([{ kind: 'waiting', sheet: '推荐名单', row: 7, name: '张三', why: expect.stringContaining('推荐名单第7行未填写县') }]);
  });

  test('no city role: every city kind is unaddressed', () => {
    const permissions = permissionsOf([[HONGTA, '红塔区']]);
    const rows = [
      row({ row: 2, state: '初审通过', enteredOn: '2025-11-03' }),
      row({ row: 3, state: '公示中', publicityEnd: '2025-11-10' }),
      row({ row: 4, state: '已认定', termEnd: '2025-11-30' }),
    ];
    const result = dueReminders(input('2025-11-10', rows, { permissions }));
    expect(result.due).toEqual([]);
    expect(result.unaddressed.map((reminder) => [reminder.kind, reminder.row])).toEqual([
      ['waiting', 2],
      ['publicityEnding', 3],
      ['termEnding', 4],
    ]);
    for (const reminder of result.unaddressed) expect(reminder.why).toContain('权限表中没有“市级”的审核人');
  });
});

describe('the day', () => {
  const rows = [
    row({ row: 2, enteredOn: '2025-09-01' }),
    row({ row: 3, state: '公示中', publicityEnd: '2025-09-30' }),
    row({ row: 4, state: '已认定', termEnd: '2025-10-20' }),
    row({ row: 5, county: '江川区', enteredOn: '2025-09-01' }),
  ];

  test('on a non-working day nothing is due and nothing reported; the next working day it all is', () => {
    for (const holiday of ['2025-10-01', '2025-10-05', '2025-10-08', '2025-10-12']) {
      expect(dueReminders(input(holiday, rows, { failures: [{ time: '2025-09-30 08:00', reason: 'x' }] }))).toEqual({ due: [], unaddressed: [] });
    }
    const next = dueReminders(input('2025-10-09', rows, { failures: [{ time: '2025-09-30 08:00', reason: 'x' }] }));
    expect(next.due.map((reminder) => reminder.kind).sort()).toEqual(['jobFailed', 'publicityEnded', 'termEnding', 'unreachable', 'waiting']);
    expect(next.unaddressed.map((reminder) => reminder.row)).toEqual([5]);
  });

  test('a 节假日 row makes a working day a day off', () => {
    const withRest = new WorkingDayCalendar([{ date: '2025-10-09', kind: 'rest', name: '本地调整' }]);
    expect(dueReminders(input('2025-10-09', rows, { calendar: withRest })).due).toEqual([]);
    expect(dueReminders(input('2025-10-10', rows, { calendar: withRest })).due.length).toBeGreaterThan(0);
  });

  test('today in a year the calendar does not know: no throw; on Monday to Friday only the failures are due, with calendarProblem', () => {
    const unknown = (bundledYears()[bundledYears().length - 1] ?? 0) + 1;
    const failures = [{ time: `${unknown - 1}-12-31 08:00`, reason: 'x' }, { time: `${unknown}-01-04 08:00`, reason: 'y' }];
    const monday = mondayOf(unknown);
    const result = dueReminders(input(monday, rows, { failures }));
    expect(result.calendarProblem).toBe(new UnknownYearError(unknown).message);
    expect(result.due.map((reminder) => [reminder.kind, reminder.occasion, reminder.dueOn])).toEqual(
      failures.filter((failure) => failure.time.slice(0, 10) <= monday).map((failure) => ['jobFailed', failure.time, monday]),
    );
    expect(result.unaddressed).toEqual([]);
    const saturday = addDays(monday, 5);
    expect(dueReminders(input(saturday, rows, { failures }))).toEqual({ due: [], unaddressed: [], calendarProblem: result.calendarProblem });
    // A known year has no calendarProblem.
    expect(dueReminders(input('2025-11-10', rows)).calendarProblem).toBeUndefined();
  });

  test('a 节假日 row of an unknown year makes the year known (a 休 day then sends nothing)', () => {
    const unknown = (bundledYears()[bundledYears().length - 1] ?? 0) + 1;
    const monday = mondayOf(unknown);
    const withRest = new WorkingDayCalendar([{ date: monday, kind: 'rest', name: '元旦' }]);
    const result = dueReminders(input(monday, rows, { calendar: withRest, failures: [{ time: `${monday} 08:00`, reason: 'x' }] }));
    expect(result).toEqual({ due: [], unaddressed: [] });
  });

  test('rows whose dates reach an unknown year make one notice per year naming how many rows of each kind; the others still go', () => {
    const last = bundledYears()[bundledYears().length - 1] ?? 0;
    const duties = { semester: `${last}-${last + 1}学年第一学期`, semesterEnd: `${last + 1}-01-31`, complete: false, missing: '读书 1 次' };
    const subjects = [
      row({ row: 2, state: '已认定', email: 't@school.cn', duties }),
      row({ row: 3, enteredOn: '1999-03-01' }),
      row({ row: 4, state: '初审通过', enteredOn: `${last}-11-02` }),
      ...[5, 6, 7].map((number) => row({ row: number, name: `教师${number}`, state: '已认定', email: `t${number}@school.cn`, duties })),
    ];
    const result = dueReminders(input(`${last}-12-01`, subjects));
    expect(result.unaddressed).toEqual([
      { kind: 'calendarMissing', sheet: '', row: 0, name: '', why: '1999年的法定节假日和调休安排尚未收录：1 人的“待审核”提醒的日期无法计算' },
      { kind: 'calendarMissing', sheet: '', row: 0, name: '', why: `${last + 1}年的法定节假日和调休安排尚未收录：4 人的“履职未完成”提醒的日期无法计算` },
    ]);
    expect(result.due.map((reminder) => [reminder.kind, reminder.row, reminder.kind === 'waiting' ? '' : reminder.occasion])).toEqual([
      ['waiting', 4, ''],
      ['calendarMissing', '', '1999年'],
      ['calendarMissing', '', `${last + 1}年`],
    ]);
    // Once sent, never again: the next day's notice is the same reminder.
    const records = result.due.map((reminder) => record(reminder, `${last}-12-01`, REMINDER_RESULTS.sent));
    const next = dueReminders(input(`${last}-12-02`, subjects)).due.filter((reminder) => reminder.kind === 'calendarMissing');
    expect(next).toHaveLength(2);
    expect(planDigests(next, records, `${last}-12-02`).digests).toEqual([]);
  });
});

describe('values', () => {
  test('each kind carries exactly its placeholders, row ones included, none personal', () => {
    const rows = [
      row({ row: 2, enteredOn: '2025-08-01' }),
      row({ row: 3, state: '公示中', publicityEnd: '2025-08-15' }),
      row({ row: 4, state: '公示中', publicityEnd: '2025-08-19' }),
      row({ row: 5, state: '已认定', termEnd: '2025-09-01', email: 't@school.cn', duties: { semester: '2024-2025学年第二学期', semesterEnd: '2025-08-31', complete: false, missing: '读书 1 次' } }),
      row({ row: 6, county: '江川区', enteredOn: '2025-08-01' }),
    ];
    const due = dueReminders(input('2025-08-18', rows, { failures: [{ time: '2025-08-15 09:00', reason: 'x' }] })).due;
    expect(new Set(due.map((reminder) => reminder.kind))).toEqual(new Set(['jobFailed', 'waiting', 'publicityEnding', 'publicityEnded', 'termEnding', 'unreachable', 'dutiesMissing']));
    for (const reminder of due) {
      expect(Object.keys(reminder.values).sort()).toEqual([...KIND_PLACEHOLDERS[reminder.kind]].sort());
      for (const key of Object.keys(reminder.values)) expect(MAIL_PLACEHOLDERS).toContain(key);
      if (reminder.kind !== 'jobFailed') {
        for (const key of ROW_PLACEHOLDERS) expect(reminder.values[key]).toBeDefined();
        expect(reminder.values.行).toBe(String(reminder.row));
      }
    }
  });
});

describe('设置 提醒间隔', () => {
  test('blank is the default; a positive whole number is taken; anything else is the default with a problem', () => {
    expect(readReminderInterval('')).toEqual({ interval: 5, problem: null });
    expect(readReminderInterval(null)).toEqual({ interval: 5, problem: null });
    expect(readReminderInterval(3)).toEqual({ interval: 3, problem: null });
    expect(readReminderInterval('１０')).toEqual({ interval: 10, problem: null });
    for (const bad of ['0', '-2', '2.5', '五']) {
      const result = readReminderInterval(bad);
      expect(result.interval).toBe(5);
      expect(result.problem).toContain(`“${bad}”`);
    }
  });

  test('an interval below 1 given to dueReminders is taken as the default, never a division by zero', () => {
    const subject = row({ enteredOn: '2025-11-03' });
    expect(dueOf('waiting', '2025-11-10', [subject], { interval: 0 }).map((reminder) => reminder.occasion)).toEqual(['张三｜玉溪一中｜学校推荐@2025-11-03→2025-11-10']);
  });
});
