/**
 * The duty report from the domain alone: reading 履职记录 rows (kind spellings, dates, semesters,
 * the rows that are listed), matching them to awarded teachers in the order 证书编号 → 身份证号 →
 * unique 姓名, counting per semester and distinct mentees per school year, the open semester, and
 * the cancellation proposals (六（四）5). Expected numbers are worked out by hand in each test.
 */
import { readLedger, type LedgerCell } from '../../../src/domain/duties/ledger';
import { dutyReport, type SemesterStatus } from '../../../src/domain/duties/report';
import { awardedTeachers } from '../../../src/domain/duties/teachers';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { DUTY_LEDGER_HEADERS } from '../../../src/domain/sheet-layouts';

const STARTS = { first: { month: 9, day: 1 }, second: { month: 2, day: 1 } };
const ID_ZHANG = '11010519491231002X';
const ID_LI = '110105194912310037';

/** 推荐名单: row 2 张丽, 3 李华, 4 王强, 5 王强 (two teachers of one name), 6 赵敏 (任期届满), 7 孙杰 (not awarded). */
const NOMINATIONS: LedgerCell[][] = [
  ['姓名', '身份证号', '学校', '申报类别', '状态', '认定日期', '证书编号'],
  ['张丽', ID_ZHANG, '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕001号'],
  ['李华', ID_LI, '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕002号'],
  ['王强', '', '二中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕003号'],
  ['王强', '', '三中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕004号'],
  ['赵敏', '', '四中', '骨干班主任', '任期届满', '2021-10-10', '玉教班〔2021〕001号'],
  ['孙杰', '', '五中', '骨干班主任', '公示中', '', ''],
];

/** A 履职记录 row from header → value. */
function ledgerRow(values: Partial<Record<(typeof DUTY_LEDGER_HEADERS)[number], LedgerCell>>): LedgerCell[] {
  return DUTY_LEDGER_HEADERS.map((header) => values[header] ?? '');
}

function report(rows: LedgerCell[][], today: string, nominations: LedgerCell[][] = NOMINATIONS) {
  const teachers = awardedTeachers(nominations, 1, matchHeaders(nominations[0] as unknown[]));
  const ledger = readLedger([[...DUTY_LEDGER_HEADERS], ...rows], STARTS, today, preset);
  return dutyReport({ teachers, entries: ledger.entries, ledgerNotices: ledger.notices, starts: STARTS, today, preset });
}

function semesterOf(statuses: SemesterStatus[], name: string, schoolYear: string, semester: string): SemesterStatus {
  const found = statuses.find((status) => status.name === name && status.schoolYear === schoolYear && status.semester === semester);
  if (!found) throw new Error(`no ${name} ${schoolYear} ${semester}`);
  return found;
}

const ZHANG = { 姓名: '张丽', 证书编号: '玉教班〔2024〕001号' };

test('已认定 teachers are reported from the award semester through today\'s, only today\'s open; 任期届满 ones through their term end', () => {
  const result = report([], '2025-03-15');
  expect(result.semesters.map((status) => `${status.name} ${status.schoolYear} ${status.semester} ${status.open}`)).toEqual([
    '张丽 2024-2025 第一学期 false',
    '张丽 2024-2025 第二学期 true',
    '李华 2024-2025 第一学期 false',
    '李华 2024-2025 第二学期 true',
    '王强 2024-2025 第一学期 false',
    '王强 2024-2025 第二学期 true',
    '王强 2024-2025 第一学期 false',
    '王强 2024-2025 第二学期 true',
    // 赵敏 (任期届满): 2021-10-10 … TERM_END 2024-10-09, seven semesters, none open.
    '赵敏 2021-2022 第一学期 false',
    '赵敏 2021-2022 第二学期 false',
    '赵敏 2022-2023 第一学期 false',
    '赵敏 2022-2023 第二学期 false',
    '赵敏 2023-2024 第一学期 false',
    '赵敏 2023-2024 第二学期 false',
    '赵敏 2024-2025 第一学期 false',
  ]);
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第一学期')).toEqual({
    name: '张丽', certificate: '玉教班〔2024〕001号', schoolYear: '2024-2025', semester: '第一学期',
    books: 0, lectures: 0, openClasses: 0, mentees: 0, ok: false, missing: ['读书', '讲座', '公开课'], open: false, state: '已认定',
  });
  // 第二学期 also needs 5 mentees over the school year.
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第二学期').missing).toEqual(['读书', '讲座', '公开课', '结对帮带']);
});

test('the report stops at the term\'s end (TERM_END of 认定日期)', () => {
  const nominations = [NOMINATIONS[0] as LedgerCell[], ['张丽', '', '一中', '骨干班主任', '已认定', '2021-10-10', '玉教班〔2021〕009号']];
  const semesters = report([], '2026-03-01', nominations).semesters;
  // 2021-10-10 … TERM_END 2024-10-09: 2021-2022 第一学期 through 2024-2025 第一学期 = 7 semesters.
  expect(semesters).toHaveLength(7);
  expect(semesters[6]).toMatchObject({ schoolYear: '2024-2025', semester: '第一学期', open: false });
});

test('kinds in their usual spellings are counted; an unknown kind is listed, not counted', () => {
  const result = report(
    [
      ledgerRow({ ...ZHANG, 类型: '读书笔记', 日期: '2024-10-20' }),
      ledgerRow({ ...ZHANG, 类型: '阅读', 日期: '2024-11-20' }),
      ledgerRow({ ...ZHANG, 类型: '专题讲座', 日期: '2024-12-01' }),
      ledgerRow({ ...ZHANG, 类型: '主题班会公开课', 日期: '2025-01-31' }),
      ledgerRow({ ...ZHANG, 类型: '家访', 日期: '2025-01-10' }),
    ],
    '2025-03-01',
  );
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第一学期')).toMatchObject({ books: 2, lectures: 1, openClasses: 1, ok: true, missing: [] });
  expect(result.notices).toEqual([expect.stringMatching(/^履职记录第6行：张丽：类型“家访”无法识别/)]);
});

test('matching: 证书编号 first, then 身份证号 (x as X), then a unique 姓名; a number that matches nobody is not replaced by the name', () => {
  const result = report(
    [
      ledgerRow({ 姓名: '李华', 证书编号: ' 玉教班〔2024〕001号 ', 类型: '读书', 日期: '2024-10-01' }), // 2 → 张丽 by number, names differ
      ledgerRow({ 姓名: '', 身份证号: ID_ZHANG.toLowerCase(), 类型: '讲座', 日期: '2024-10-01' }), // 3 → 张丽 by ID
      ledgerRow({ 姓名: '张丽', 类型: '公开课', 日期: '2024-10-01' }), // 4 → 张丽 by name
      ledgerRow({ 姓名: '张丽', 证书编号: '玉教班〔2024〕999号', 类型: '读书', 日期: '2024-10-01' }), // 5 unknown number
      ledgerRow({ 姓名: '张丽', 身份证号: '110105194912310011', 类型: '读书', 日期: '2024-10-01' }), // 6 unknown ID
      ledgerRow({ 姓名: '王强', 类型: '读书', 日期: '2024-10-01' }), // 7 two 王强
      ledgerRow({ 姓名: '孙杰', 类型: '读书', 日期: '2024-10-01' }), // 8 not awarded
      ledgerRow({ 姓名: '王强', 证书编号: '玉教班〔2024〕004号', 类型: '读书', 日期: '2024-10-01' }), // 9 → row 5's 王强
      ledgerRow({ 姓名: '李华', 证书编号: ID_LI, 类型: '读书', 日期: '2024-10-01' }), // 10 an ID number in 证书编号: never quoted
    ],
    '2025-03-01',
  );
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第一学期')).toMatchObject({ books: 1, lectures: 1, openClasses: 1, ok: true });
  expect(semesterOf(result.semesters, '李华', '2024-2025', '第一学期').books).toBe(0);
  const wang = result.semesters.filter((status) => status.name === '王强' && status.semester === '第一学期');
  expect(wang.map((status) => [status.certificate, status.books])).toEqual([['玉教班〔2024〕003号', 0], ['玉教班〔2024〕004号', 1]]);
  expect(result.notices).toEqual([
    expect.stringMatching(/^履职记录第2行：姓名“李华”与证书编号对应的张丽（玉教班〔2024〕001号）不一致；按证书编号计入/),
    expect.stringMatching(/^履职记录第5行：张丽：证书编号“玉教班〔2024〕999号”在推荐名单中找不到已认定的人（未改按姓名对应）/),
    expect.stringMatching(/^履职记录第6行：张丽：所填身份证号在推荐名单中找不到已认定的人（未改按姓名对应）/),
    expect.stringMatching(/^履职记录第7行：王强：推荐名单中有 2 位已认定人员叫“王强”（推荐名单第4行 王强（玉教班〔2024〕003号）、推荐名单第5行 王强（玉教班〔2024〕004号））/),
    expect.stringMatching(/^履职记录第8行：孙杰：推荐名单中没有叫“孙杰”的已认定人员/),
    expect.stringMatching(/^履职记录第10行：李华：证书编号一栏填的像是身份证号，在推荐名单中找不到已认定的人/),
  ]);
  for (const notice of result.notices) expect(notice).not.toMatch(/1101051949/);
});

test('mentees: distinct 帮带对象 of the school year up to the semester; the previous year does not count', () => {
  const mentee = (name: string, date: string) => ledgerRow({ ...ZHANG, 类型: '帮带', 日期: date, 帮带对象: name });
  const duties = (date: string) => ['读书', '讲座', '公开课'].map((kind) => ledgerRow({ ...ZHANG, 类型: kind, 日期: date }));
  const result = report(
    [
      ...duties('2024-10-15'),
      ...duties('2025-03-15'),
      mentee('甲', '2024-10-01'),
      mentee(' 甲 ', '2024-11-01'), // the same 甲
      mentee('乙', '2024-12-01'),
      mentee('丙', '2025-03-01'),
      mentee('丁', '2025-04-01'),
      ...duties('2025-10-15'),
      ...duties('2026-03-15'),
      mentee('甲', '2025-10-01'), // a new school year: counted again from zero
      mentee('戊', '2026-03-01'),
    ],
    '2026-04-01',
  );
  const zhang = (year: string, semester: string) => semesterOf(result.semesters, '张丽', year, semester);
  expect(zhang('2024-2025', '第一学期')).toMatchObject({ mentees: 2, ok: true });
  // 甲 乙 丙 丁 = 4 < 5.
  expect(zhang('2024-2025', '第二学期')).toMatchObject({ mentees: 4, ok: false, missing: ['结对帮带'], open: false });
  expect(zhang('2025-2026', '第一学期')).toMatchObject({ mentees: 1, ok: true });
  expect(zhang('2025-2026', '第二学期')).toMatchObject({ mentees: 2, ok: false, open: true });
  // 2024-2025 ended on 2025-08-31: one proposal; 2025-2026 is still running: none for it.
  expect(result.proposals.filter((proposal) => proposal.startsWith('推荐名单第2行'))).toEqual([
    '推荐名单第2行 张丽（玉教班〔2024〕001号）：2024-2025学年第二学期未完成结对帮带（已帮带4名，需5名）。' +
      '按方案六（四）5“年度履职考核不合格的”，可由市级决定取消资格：' +
      'banzhuren advance 文件.xlsx --rows 2 --to 已取消 --reason "六（四）5" --as 市级邮箱（Google 表格中选中该行，用菜单“推进所选行…”）',
  ]);
});

test('no proposal while the school year is still running, even for an unmet finished semester', () => {
  const result = report([], '2025-08-31');
  expect(result.proposals).toEqual([]);
  expect(report([], '2025-09-01').proposals).toHaveLength(4);
});

test('listed rows: blank mentee, unreadable date, a date after today, unreadable or disagreeing 学年学期, no semester at all, before the award', () => {
  const result = report(
    [
      ledgerRow({ ...ZHANG, 类型: '结对帮带', 日期: '2024-10-01' }), // 2 blank mentee
      ledgerRow({ ...ZHANG, 类型: '读书', 日期: '2024年13月1日' }), // 3 unreadable date, no 学年学期
      ledgerRow({ ...ZHANG, 类型: '讲座', 日期: '下周', 学年学期: '2024-2025学年第一学期' }), // 4 counted by 学年学期
      ledgerRow({ ...ZHANG, 类型: '读书', 日期: '2025-03-02' }), // 5 after today
      ledgerRow({ ...ZHANG, 类型: '读书', 学年学期: '2024年秋' }), // 6 unreadable
      ledgerRow({ ...ZHANG, 类型: '公开课', 学年学期: '2024-2025学年第一学期', 日期: '2025-02-10' }), // 7 disagree → counted in 第一学期
      ledgerRow({ ...ZHANG, 类型: '读书' }), // 8 nothing
      ledgerRow({}), // 9 blank row: skipped
      ledgerRow({ ...ZHANG, 类型: '读书', 日期: 45_580 }), // 10 a serial number: 2024-10-15
      ledgerRow({ ...ZHANG, 类型: '讲座', 日期: '2024-08-31' }), // 11 before the award's semester
    ],
    '2025-03-01',
  );
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第一学期')).toMatchObject({ books: 1, lectures: 1, openClasses: 1, ok: true });
  expect(semesterOf(result.semesters, '张丽', '2024-2025', '第二学期')).toMatchObject({ books: 0, openClasses: 0 });
  expect(result.notices.map((notice) => /^履职记录第\d+行：[^：]*/.exec(notice)?.[0])).toEqual([
    '履职记录第2行：张丽',
    '履职记录第3行：张丽',
    '履职记录第4行：张丽',
    '履职记录第5行：张丽',
    '履职记录第6行：张丽',
    '履职记录第7行：张丽',
    '履职记录第8行：张丽',
    '履职记录第11行：张丽（玉教班〔2024〕001号）的这条记录属2023-2024学年第二学期，早于认定日期 2024-10-10 所在的2024-2025学年第一学期；不计入',
  ]);
  expect(result.notices[0]).toContain('帮带对象为空');
  expect(result.notices[1]).toContain('日期“2024年13月1日”不是日期');
  expect(result.notices[2]).toContain('按学年学期计入');
  expect(result.notices[3]).toContain('晚于今天（2025-03-01）');
  expect(result.notices[4]).toContain('学年学期“2024年秋”无法识别');
  expect(result.notices[5]).toContain('与日期 2025-02-10（属2024-2025学年第二学期）不一致；按学年学期计入');
  expect(result.notices[6]).toContain('学年学期和日期都为空');
});

test('a ledger without its header row is refused as a whole, so nobody seems to have missed everything', () => {
  const reading = readLedger([['张丽', '读书', '2024-10-01']], STARTS, '2025-03-01', preset);
  expect(reading.problem).toMatch(/^工作表“履职记录”的前10行中没有表头行（须含“姓名”（也认[^）]*）、“类型”（也认[^）]*））/);
  expect(readLedger([['姓名', '类型', '内容']], STARTS, '2025-03-01', preset).problem).toMatch(/既没有“学年学期”（也认[^）]*）也没有“日期”（也认[^）]*），无法知道活动属于哪个学期/);
  // A header with no rows under it is a ledger with no activities yet.
  expect(readLedger([[...DUTY_LEDGER_HEADERS]], STARTS, '2025-03-01', preset)).toEqual({ entries: [], notices: [] });
});
