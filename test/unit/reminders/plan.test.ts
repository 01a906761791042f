/**
 * planDigests against 提醒记录: at most once (已发送 and 发送中 stop a reminder for good, 发送失败 is
 * retried on a later day up to MAX_SEND_ATTEMPTS times, 等待 puts its recipient first; the row
 * number is not part of the key), one digest per recipient per day, the order of digests and of reminders in
 * a digest, and — as properties over many simulated days — that no reminder is ever sent twice and
 * no recipient gets two digests a day.
 */
import fc from 'fast-check';
import { addDays } from '../../../src/domain/calendar-date';
import { dueReminders, type DueReminder, type ReminderRow } from '../../../src/domain/reminders/due';
import { MAX_SEND_ATTEMPTS, REMINDER_KINDS, REMINDER_RESULTS, type ReminderKind } from '../../../src/domain/reminders/kinds';
import { failuresToKeep, kindOfLabel, planDigests, recordOutcome, reminderKey, type ReminderRecord } from '../../../src/domain/reminders/plan';
import { CITY, HONGTA, input, record, row } from './fixtures';

const TODAY = '2025-11-10';

function reminder(changes: Partial<DueReminder> & { kind: ReminderKind }): DueReminder {
  return { recipient: CITY, sheet: '推荐名单', row: 2, name: '张三', occasion: 'o', dueOn: TODAY, values: {}, ...changes };
}

describe('reminderKey', () => {
  test('recipient case and spaces and the row number do not matter; every other part does', () => {
    const base = { recipient: 'a@x.cn', kind: 'waiting' as const, sheet: 's', occasion: 'o' };
    expect(reminderKey({ ...base, recipient: ' A@X.cn ' })).toBe(reminderKey(base));
    // Rows get sorted: the row number is information only.
    expect(reminderKey({ ...base, row: 3 })).toBe(reminderKey({ ...base, row: 7 }));
    for (const change of [{ kind: 'termEnding' as const }, { sheet: 't' }, { occasion: 'p' }, { recipient: 'b@x.cn' }]) {
      expect(reminderKey({ ...base, ...change })).not.toBe(reminderKey(base));
    }
  });

  test('parts cannot run into each other', () => {
    expect(reminderKey({ recipient: 'a@x.cn', kind: 'waiting', sheet: 's1', occasion: 'o' })).not.toBe(
      reminderKey({ recipient: 'a@x.cn', kind: 'waiting', sheet: 's', occasion: '1o' }),
    );
  });
});

describe('records', () => {
  test('结果 texts: 已发送, 发送失败 with or without a message, 等待, anything else', () => {
    expect(recordOutcome(REMINDER_RESULTS.sent)).toBe('sent');
    expect(recordOutcome(REMINDER_RESULTS.sending)).toBe('sending');
    expect(recordOutcome(`${REMINDER_RESULTS.sending}…`)).toBe('sending');
    expect(recordOutcome(` ${REMINDER_RESULTS.failed} `)).toBe('failed');
    expect(recordOutcome(`${REMINDER_RESULTS.failed}：Invalid email: x`)).toBe('failed');
    expect(recordOutcome(REMINDER_RESULTS.waiting)).toBe('waiting');
    expect(recordOutcome('')).toBe('other');
    expect(recordOutcome('已读')).toBe('other');
  });

  test('类型 labels map back to kinds', () => {
    for (const [kind, info] of Object.entries(REMINDER_KINDS)) expect(kindOfLabel(` ${info.label} `)).toBe(kind);
    expect(kindOfLabel('其他')).toBeNull();
  });
});

describe('planDigests: at most once', () => {
  const due = [reminder({ kind: 'waiting' })];

  test.each([REMINDER_RESULTS.sent, REMINDER_RESULTS.sending])('a record saying %s stops the reminder for good, whatever its date or row', (result) => {
    for (const date of ['2025-11-01', TODAY]) {
      for (const recordRow of [2, 17]) {
        const plan = planDigests(due, [record({ ...due[0]!, row: recordRow, recipient: 'CITY@yuxi.cn' }, date, result)], TODAY);
        expect(plan.digests).toEqual([]);
        expect(plan.alreadySent).toBe(1);
      }
    }
  });

  test.each([REMINDER_RESULTS.failed, `${REMINDER_RESULTS.failed}：Service invoked too many times for one day: email.`])(
    'a record saying %s: not again the same day, again on a later day, never after MAX_SEND_ATTEMPTS failures',
    (result) => {
      expect(MAX_SEND_ATTEMPTS).toBe(3);
      const failedOn = (dates: string[]) => dates.map((date) => record(due[0]!, date, result));
      expect(planDigests(due, failedOn([TODAY]), TODAY).digests).toEqual([]);
      expect(planDigests(due, failedOn(['2025-11-06', TODAY]), TODAY).alreadySent).toBe(1);
      expect(planDigests(due, failedOn(['2025-11-06']), TODAY).digests.map((digest) => digest.reminders.length)).toEqual([1]);
      expect(planDigests(due, failedOn(['2025-11-05', '2025-11-06']), TODAY).digests.map((digest) => digest.reminders.length)).toEqual([1]);
      const thrice = planDigests(due, failedOn(['2025-11-04', '2025-11-05', '2025-11-06']), TODAY);
      expect(thrice.digests).toEqual([]);
      expect(thrice.alreadySent).toBe(1);
    },
  );

  test('every 发送中 record is returned as interrupted (the mail may not have gone out)', () => {
    const sending = record(due[0]!, '2025-11-07', REMINDER_RESULTS.sending);
    const other = record({ ...due[0]!, occasion: 'p' }, '2025-11-07', REMINDER_RESULTS.sent);
    const plan = planDigests(due, [other, sending], TODAY);
    expect(plan.interrupted).toEqual([sending]);
    expect(plan.digests).toEqual([]);
    expect(planDigests(due, [other], TODAY).interrupted).toEqual([]);
  });

  test('a record of 等待, or of another kind, sheet or occasion, does not stop it', () => {
    const others: ReminderRecord[] = [
      record(due[0]!, '2025-11-07', REMINDER_RESULTS.waiting),
      record({ ...due[0]!, kind: 'termEnding' }, '2025-11-01', REMINDER_RESULTS.sent),
      record({ ...due[0]!, sheet: '推荐名单2024' }, '2025-11-01', REMINDER_RESULTS.sent),
      record({ ...due[0]!, occasion: 'p' }, '2025-11-01', REMINDER_RESULTS.sent),
      { ...record(due[0]!, '2025-11-01', REMINDER_RESULTS.sent), kindLabel: '其他' },
      record(due[0]!, '2025-11-01', '已读'),
    ];
    const plan = planDigests(due, others, TODAY);
    expect(plan.alreadySent).toBe(0);
    expect(plan.digests.map((digest) => digest.reminders.length)).toEqual([1]);
  });

  test('the same reminder listed twice is planned once', () => {
    const plan = planDigests([...due, { ...due[0]!, recipient: ' City@Yuxi.cn ' }], [], TODAY);
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0]?.reminders).toHaveLength(1);
    expect(plan.digests[0]?.recipient).toBe(CITY);
  });
});

describe('planDigests: one digest per recipient per day', () => {
  test('a recipient sent a digest today gets nothing more today, and everything tomorrow', () => {
    const due = [reminder({ kind: 'waiting', row: 2 }), reminder({ kind: 'termEnding', row: 3 }), reminder({ kind: 'waiting', recipient: HONGTA })];
    for (const result of [REMINDER_RESULTS.sent, REMINDER_RESULTS.sending]) {
      const sentToday = record({ ...due[0]!, row: 9, occasion: 'earlier' }, TODAY, result);
      const plan = planDigests(due, [sentToday], TODAY);
      expect(plan.heldForTomorrow).toBe(2);
      expect(plan.digests.map((digest) => digest.recipient)).toEqual([HONGTA]);
      expect(planDigests(due, [sentToday], '2025-11-11').digests.map((digest) => digest.recipient)).toEqual([CITY, HONGTA]);
    }
  });

  test('a failed send or a wait today does not count as a digest received', () => {
    const due = [reminder({ kind: 'waiting', row: 2 })];
    for (const result of [REMINDER_RESULTS.failed, REMINDER_RESULTS.waiting]) {
      const plan = planDigests(due, [record({ ...due[0]!, row: 9, occasion: 'earlier' }, TODAY, result)], TODAY);
      expect(plan.heldForTomorrow).toBe(0);
      expect(plan.digests).toHaveLength(1);
    }
  });
});

describe('planDigests: order', () => {
  test('recipients whose digest waits go first, the oldest wait first; then those deferred before; then by email', () => {
    const due = ['d@x.cn', 'a@x.cn', 'c@x.cn', 'b@x.cn', 'e@x.cn'].map((recipient) => reminder({ kind: 'waiting', recipient }));
    const records = [
      record(due[2]!, '2025-11-07', REMINDER_RESULTS.waiting), // c: waits since the 7th
      record(due[0]!, '2025-11-06', REMINDER_RESULTS.waiting), // d: waits since the 6th
      record({ ...due[0]!, occasion: 'other' }, '2025-11-07', REMINDER_RESULTS.waiting),
      record({ ...due[4]!, occasion: 'old' }, '2025-11-03', REMINDER_RESULTS.waiting), // e: waited, then got a digest
      record({ ...due[4]!, occasion: 'old' }, '2025-11-04', REMINDER_RESULTS.sent),
    ];
    const plan = planDigests(due, records, TODAY);
    expect(plan.digests.map((digest) => [digest.recipient, digest.waitingSince])).toEqual([
      ['d@x.cn', '2025-11-06'],
      ['c@x.cn', '2025-11-07'],
      ['e@x.cn', null], // deferred once before, then served: ahead of those never deferred
      ['a@x.cn', null],
      ['b@x.cn', null],
    ]);
  });

  test('among recipients not waiting now, the most often deferred go first: the quota is shared in turn', () => {
    // Two city reviewers and 红塔's, a quota of 2 digests a day. On busy days all three have something
    // new; a reminder stays due until sent. Sorted by email alone, zhaohong (红塔) was deferred on
    // every busy day behind lijun and wangqiang (a trial user saw it three days in a row).
    const recipients = ['lijun@yxjyj.gov.cn', 'wangqiang@yxjyj.gov.cn', 'zhaohong@htjy.gov.cn'];
    const busy = ['2025-09-15', '2025-09-18', '2025-09-22', '2025-09-25', '2025-09-29', '2025-10-10'];
    const days = [...busy, '2025-09-16', '2025-09-19', '2025-09-23', '2025-09-26', '2025-09-30', '2025-10-13'].sort();
    const records: ReminderRecord[] = [];
    const deferredOn = new Map<string, string[]>(recipients.map((recipient) => [recipient, []]));
    for (const today of days) {
      const due = busy.filter((day) => day <= today).flatMap((day) => recipients.map((recipient) => reminder({ kind: 'waiting', recipient, occasion: day })));
      planDigests(due, records, today).digests.forEach((digest, index) => {
        const result = index < 2 ? REMINDER_RESULTS.sent : REMINDER_RESULTS.waiting;
        if (result === REMINDER_RESULTS.waiting) deferredOn.get(digest.recipient)?.push(today);
        for (const item of digest.reminders) records.push(record(item, today, result));
      });
    }
    const counts = recipients.map((recipient) => deferredOn.get(recipient)!.length);
    expect(counts).toEqual([2, 2, 2]);
    for (const dates of deferredOn.values()) {
      // Nobody is deferred on two busy days in a row.
      for (let index = 1; index < dates.length; index += 1) expect(busy.indexOf(dates[index]!) - busy.indexOf(dates[index - 1]!)).toBeGreaterThan(1);
    }
  });

  test('a wait for an occasion that has moved on (the next interval) still puts its recipient first', () => {
    const due = [reminder({ kind: 'waiting', recipient: 'z@x.cn', occasion: '学校推荐@2025-11-03#2' }), reminder({ kind: 'waiting', recipient: 'a@x.cn' })];
    const records = [record({ ...due[0]!, occasion: '学校推荐@2025-11-03#1' }, '2025-11-07', REMINDER_RESULTS.waiting)];
    expect(planDigests(due, records, TODAY).digests.map((digest) => digest.recipient)).toEqual(['z@x.cn', 'a@x.cn']);
  });

  test('reminders in a digest: kind order, then sheet, then row, then occasion — whatever order they came in', () => {
    const due = [
      reminder({ kind: 'termEnding', row: 4 }),
      reminder({ kind: 'waiting', sheet: '推荐名单', row: 12, occasion: 'o12' }),
      reminder({ kind: 'waiting', sheet: '推荐名单', row: 3, occasion: 'o3' }),
      reminder({ kind: 'waiting', sheet: '2024推荐', row: 30 }),
      reminder({ kind: 'jobFailed', sheet: '', row: '', occasion: '2025-11-07 08:00' }),
      reminder({ kind: 'jobFailed', sheet: '', row: '', occasion: '2025-11-06 08:00' }),
      reminder({ kind: 'unreachable', row: 6 }),
      reminder({ kind: 'publicityEnded', row: 1 }),
    ];
    const order = (list: DueReminder[]) => planDigests(list, [], TODAY).digests[0]!.reminders.map((item) => [item.kind, item.sheet, item.row, item.occasion]);
    const expected = [
      ['jobFailed', '', '', '2025-11-06 08:00'],
      ['jobFailed', '', '', '2025-11-07 08:00'],
      ['waiting', '2024推荐', 30, 'o'],
      ['waiting', '推荐名单', 3, 'o3'],
      ['waiting', '推荐名单', 12, 'o12'],
      ['publicityEnded', '推荐名单', 1, 'o'],
      ['termEnding', '推荐名单', 4, 'o'],
      ['unreachable', '推荐名单', 6, 'o'],
    ];
    expect(order(due)).toEqual(expected);
    expect(order([...due].reverse())).toEqual(expected);
  });
});

describe('failuresToKeep', () => {
  const failures = [
    { time: '2025-11-06 08:00', reason: 'a' },
    { time: '2025-11-07 08:00', reason: 'b' },
  ];
  const named = (recipient: string, time: string, result: string) =>
    record({ recipient, kind: 'jobFailed', sheet: '', row: '', occasion: time }, TODAY, result);

  test('a failure stays until every city reviewer has it recorded sent or sending, or failed MAX_SEND_ATTEMPTS times', () => {
    const records = [
      named('CITY@yuxi.cn', '2025-11-06 08:00', REMINDER_RESULTS.sent),
      ...Array.from({ length: MAX_SEND_ATTEMPTS }, () => named('deputy@yuxi.cn', '2025-11-06 08:00', `${REMINDER_RESULTS.failed}：x`)),
      named(CITY, '2025-11-07 08:00', REMINDER_RESULTS.sending),
      named('deputy@yuxi.cn', '2025-11-07 08:00', REMINDER_RESULTS.waiting),
    ];
    expect(failuresToKeep(failures, records, [CITY, 'deputy@yuxi.cn'])).toEqual([failures[1]]);
    expect(failuresToKeep(failures, records, [CITY])).toEqual([]);
    // One failed send is tried again: the failure stays.
    expect(failuresToKeep(failures, [named(CITY, '2025-11-06 08:00', `${REMINDER_RESULTS.failed}：x`)], [CITY])).toEqual(failures);
  });

  test('records of other kinds do not name a failure; with no city reviewer all stay', () => {
    const other = record({ recipient: CITY, kind: 'waiting', sheet: '', row: '', occasion: '2025-11-06 08:00' }, TODAY, REMINDER_RESULTS.sent);
    expect(failuresToKeep(failures, [other], [CITY])).toEqual(failures);
    expect(failuresToKeep(failures, [named(CITY, '2025-11-06 08:00', REMINDER_RESULTS.sent)], [])).toEqual(failures);
  });
});

describe('properties over simulated days', () => {
  const states = ['学校推荐', '初审通过', '公示中', '已认定', '公示有异议'] as const;
  const day0 = '2025-09-15';
  const dayArbitrary = fc.integer({ min: -40, max: 60 }).map((offset) => addDays(day0, offset));
  const rowArbitrary = fc
    .record({
      state: fc.constantFrom(...states),
      county: fc.constantFrom('红塔区', '市直学校', '江川区'),
      entered: dayArbitrary,
      end: dayArbitrary,
      email: fc.constantFrom('', 't1@school.cn', 'T2@school.cn'),
      complete: fc.boolean(),
    })
    .map(({ state, county, entered, end, email, complete }): ReminderRow =>
      row({
        state,
        county,
        cityDirect: county === '市直学校',
        enteredOn: entered,
        publicityEnd: end,
        termEnd: end,
        email,
        duties: { semester: `学期${end}`, semesterEnd: end, complete, missing: '读书 1 次' },
      }),
    );
  const scenario = fc.record({
    rows: fc.array(rowArbitrary, { maxLength: 8 }).map((rows) => rows.map((item, index) => ({ ...item, row: index + 2 }))),
    quotas: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }),
    failEvery: fc.integer({ min: 2, max: 7 }),
    interval: fc.integer({ min: 1, max: 6 }),
  });

  test('over 30 days with records appended as a daily job would, no reminder is sent twice and nobody gets two digests a day', () => {
    let totalSends = 0;
    let totalWaits = 0;
    fc.assert(
      fc.property(scenario, ({ rows, quotas, failEvery, interval }) => {
        const records: ReminderRecord[] = [];
        const deliveredKeys = new Set<string>();
        const failures = new Map<string, string[]>();
        let sends = 0;
        for (let offset = 0; offset < 30; offset += 1) {
          const today = addDays(day0, offset);
          // Run the job twice some days, as a cut-off or repeated run would.
          for (const run of offset % 4 === 0 ? [0, 1] : [0]) {
            const { due } = dueReminders(input(today, rows, { interval }));
            const plan = planDigests(due, records, today);
            const servedToday = new Set(records.filter((item) => item.date === today && recordOutcome(item.result) === 'sent').map((item) => item.recipient));
            const failedToday = new Set(records.filter((item) => item.date === today && recordOutcome(item.result) === 'failed').map((item) => reminderKey({ ...item, kind: kindOfLabel(item.kindLabel)! })));
            let quota = run === 0 ? (quotas[offset] ?? 0) : 1;
            for (const digest of plan.digests) {
              expect(servedToday.has(digest.recipient)).toBe(false);
              for (const item of digest.reminders) {
                expect(deliveredKeys.has(reminderKey(item))).toBe(false);
                expect(failedToday.has(reminderKey(item))).toBe(false);
                expect((failures.get(reminderKey(item)) ?? []).length).toBeLessThan(MAX_SEND_ATTEMPTS);
              }
              const result = quota < 1 ? REMINDER_RESULTS.waiting : (sends += 1) % failEvery === 0 ? `${REMINDER_RESULTS.failed}：x` : REMINDER_RESULTS.sent;
              quota -= 1;
              if (result === REMINDER_RESULTS.waiting) totalWaits += 1;
              else totalSends += 1;
              for (const item of digest.reminders) {
                if (result === REMINDER_RESULTS.sent) deliveredKeys.add(reminderKey(item));
                if (result !== REMINDER_RESULTS.sent && result !== REMINDER_RESULTS.waiting) failures.set(reminderKey(item), [...(failures.get(reminderKey(item)) ?? []), today]);
                records.push(record(item, today, result));
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: digests were sent and others had to wait.
    expect(totalSends).toBeGreaterThan(100);
    expect(totalWaits).toBeGreaterThan(100);
  });

  test('every due reminder is in exactly one place: a digest, already sent, or held for tomorrow', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 29 }), ({ rows, interval }, offset) => {
        const today = addDays(day0, offset);
        const { due } = dueReminders(input(today, rows, { interval }));
        const records = due.filter((_, index) => index % 3 === 0).map((item) => record(item, today, index3(item)));
        const plan = planDigests(due, records, today);
        const planned = plan.digests.reduce((sum, digest) => sum + digest.reminders.length, 0);
        expect(planned + plan.alreadySent + plan.heldForTomorrow).toBe(new Set(due.map(reminderKey)).size);
      }),
      { numRuns: 150 },
    );
    function index3(item: DueReminder): string {
      return item.row === '' || item.row % 2 === 0 ? REMINDER_RESULTS.sent : REMINDER_RESULTS.waiting;
    }
  });
});
