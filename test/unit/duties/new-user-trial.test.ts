/**
 * The defects a new user's trial of the duty report found, one test each: several mentees in one
 * 帮带对象 cell, names typed with spaces, full-width certificate numbers, an ID number stored as a
 * number, 任期届满 teachers kept in the report (and never proposed for cancellation), common ledger
 * header spellings, and messages that name the sheet of a row and only the candidates meant.
 * Expected numbers are worked out by hand in each test.
 */
import { readLedger, splitMentees, type LedgerCell } from '../../../src/domain/duties/ledger';
import { dutyReport } from '../../../src/domain/duties/report';
import { dutyReportRows } from '../../../src/domain/duties/report-sheet';
import { awardedTeachers } from '../../../src/domain/duties/teachers';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { DUTY_LEDGER_HEADERS } from '../../../src/domain/sheet-layouts';

const STARTS = { first: { month: 9, day: 1 }, second: { month: 2, day: 1 } };
const HEADER = ['姓名', '身份证号', '学校', '申报类别', '状态', '认定日期', '证书编号'];
const ID_ZHAO = '110105194912310037';

function ledgerRow(values: Partial<Record<(typeof DUTY_LEDGER_HEADERS)[number], LedgerCell>>): LedgerCell[] {
  return DUTY_LEDGER_HEADERS.map((header) => values[header] ?? '');
}

function report(nominations: LedgerCell[][], ledger: LedgerCell[][], today: string, sheet?: string) {
  const teachers = awardedTeachers(nominations, 1, matchHeaders(nominations[0] as unknown[]));
  const reading = readLedger(ledger, STARTS, today, preset);
  if (reading.problem !== undefined) throw new Error(reading.problem);
  return dutyReport({ teachers, entries: reading.entries, ledgerNotices: reading.notices, starts: STARTS, today, preset, ...(sheet ? { nominationSheet: sheet } : {}) });
}

const ZHAO = ['赵 强', ID_ZHAO, '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕010号'];

test('several mentees in one 帮带对象 cell each count; a middle dot stays inside a name; spaces inside a name do not make another mentee', () => {
  expect(splitMentees('赵一、钱二，孙三,李四；周五;吴六/郑七\n王八\r\n冯九')).toEqual(['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九']);
  expect(splitMentees('阿依·木合、 、古丽')).toEqual(['阿依·木合', '古丽']);
  // What people type for "nobody" is no mentee (the row is then listed as having none).
  expect(splitMentees('无、暂无、-、—、？、0、没有')).toEqual([]);
  expect(splitMentees('无名氏、王无')).toEqual(['无名氏', '王无']);
  const mentoring = (mentees: string, date: string) => ledgerRow({ 姓名: '赵强', 类型: '结对帮带', 日期: date, 帮带对象: mentees });
  const result = report(
    [HEADER, ZHAO],
    [
      [...DUTY_LEDGER_HEADERS],
      mentoring('赵一、钱二、孙三', '2024-10-15'),
      mentoring('王小明', '2025-03-01'),
      mentoring('王 小明', '2025-03-02'),
      mentoring('王小明\u3000', '2025-03-03'),
      mentoring('阿依·木合', '2025-03-04'),
      mentoring('、', '2025-03-05'), // nothing but a separator: no mentee, listed
    ],
    '2025-09-10',
  );
  const year = result.semesters.filter((status) => status.schoolYear === '2024-2025');
  // 赵一 钱二 孙三 | 王小明 (three spellings) 阿依·木合 = 5.
  expect(year.map((status) => status.mentees)).toEqual([3, 5]);
  expect(year[1]?.missing).not.toContain('结对帮带');
  expect(result.notices).toEqual([expect.stringMatching(/^履职记录第7行：赵强：类型为“结对帮带”但帮带对象为空/)]);
});

test('names match with spaces (ASCII, full-width, no-break) anywhere; a name that matches nobody is quoted as typed', () => {
  const result = report(
    [HEADER, ['赵 强', '', '一中', '骨干班主任', '已认定', '2024-10-10', '']],
    [
      [...DUTY_LEDGER_HEADERS],
      ledgerRow({ 姓名: '赵强', 类型: '读书', 日期: '2024-10-15' }),
      ledgerRow({ 姓名: '赵\u3000强', 类型: '讲座', 日期: '2024-10-15' }),
      ledgerRow({ 姓名: ' 赵\u00a0强', 类型: '公开课', 日期: '2024-10-15' }),
      ledgerRow({ 姓名: '赵 刚', 类型: '读书', 日期: '2024-10-15' }),
    ],
    '2025-03-01',
  );
  expect(result.semesters[0]).toMatchObject({ name: '赵 强', books: 1, lectures: 1, openClasses: 1, ok: true });
  expect(result.notices).toEqual([expect.stringMatching(/^履职记录第5行：赵 刚：推荐名单中没有叫“赵 刚”的已认定人员/)]);
});

test('a 证书编号 typed with full-width digits and brackets matches; so does a full-width ID number', () => {
  const result = report(
    [HEADER, ZHAO],
    [
      [...DUTY_LEDGER_HEADERS],
      ledgerRow({ 证书编号: '玉教班〔２０２４〕０１０号', 类型: '读书', 日期: '2024-10-15' }),
      ledgerRow({ 证书编号: ' 玉教班（2024）010号 ', 类型: '讲座', 日期: '2024-10-15' }), // different brackets: another number
      ledgerRow({ 身份证号: '１１０１０５１９４９１２３１００３７', 类型: '公开课', 日期: '2024-10-15' }),
    ],
    '2025-03-01',
  );
  expect(result.semesters[0]).toMatchObject({ books: 1, lectures: 0, openClasses: 1 });
  expect(result.notices).toEqual([expect.stringMatching(/^履职记录第3行：证书编号“玉教班（2024）010号”在推荐名单中找不到/)]);
});

test('an ID number stored as a number (digits lost) is said with its row, never shown, and not replaced by the name', () => {
  const result = report(
    [HEADER, ['赵强', ID_ZHAO, '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕010号']],
    [
      [...DUTY_LEDGER_HEADERS],
      ledgerRow({ 姓名: '赵强', 身份证号: 1.1010519491231e17, 类型: '读书', 日期: '2024-10-15' }),
      ledgerRow({ 姓名: '赵强', 证书编号: '玉教班〔2024〕010号', 身份证号: 1.1010519491231e17, 类型: '讲座', 日期: '2024-10-15' }),
    ],
    '2025-03-01',
  );
  expect(result.semesters[0]).toMatchObject({ books: 0, lectures: 1 });
  expect(result.notices).toEqual([
    expect.stringMatching(/^履职记录第2行：赵强：身份证号一栏存的是数字.*丢失了末几位.*请把“身份证号”列设为纯文本格式后重新输入此行的身份证号；此行未计入$/),
    expect.stringMatching(/^履职记录第3行：赵强：身份证号一栏存的是数字.*；按证书编号计入$/),
  ]);
  for (const notice of result.notices) expect(notice).not.toMatch(/\d{5}|E\+|e\+/);

  // The same in 推荐名单: a ledger row with the right ID number is told why it cannot be matched.
  const lost = report(
    [HEADER, ['赵强', 1.1010519491231e17, '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕010号']],
    [[...DUTY_LEDGER_HEADERS], ledgerRow({ 身份证号: ID_ZHAO, 类型: '读书', 日期: '2024-10-15' })],
    '2025-03-01',
  );
  expect(lost.notices).toEqual([
    '履职记录第2行：所填身份证号在推荐名单中找不到已认定的人（推荐名单第2行的身份证号存的是数字，已丢失末几位，无法对应：请把该列设为纯文本格式后重新输入）（未改按姓名对应）；此行未计入',
  ]);
});

test('任期届满 teachers are reported through their term end, never open, never proposed for cancellation; 已取消 ones are left out', () => {
  const nominations = [
    HEADER,
    ['周敏', '', '二中', '骨干班主任', '任期届满', '2021-10-10', '玉教班〔2021〕001号'],
    ['吴刚', '', '三中', '骨干班主任', '已取消', '2021-10-10', '玉教班〔2021〕002号'],
    // Term ends 2027-10-09; the daily job has not marked it yet on 2027-10-20.
    ['郑洁', '', '四中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕011号'],
  ];
  const result = report(nominations, [[...DUTY_LEDGER_HEADERS], ledgerRow({ 姓名: '周敏', 类型: '读书', 日期: '2022-03-01' })], '2027-10-20');
  const zhou = result.semesters.filter((status) => status.name === '周敏');
  expect(zhou.map((status) => `${status.schoolYear} ${status.semester}`)).toEqual([
    '2021-2022 第一学期', '2021-2022 第二学期', '2022-2023 第一学期', '2022-2023 第二学期', '2023-2024 第一学期', '2023-2024 第二学期', '2024-2025 第一学期',
  ]);
  expect(zhou.every((status) => status.state === '任期届满' && !status.open)).toBe(true);
  expect(zhou[1]).toMatchObject({ books: 1 });
  expect(result.semesters.some((status) => status.name === '吴刚')).toBe(false);
  const zheng = result.semesters.filter((status) => status.name === '郑洁');
  expect(zheng.at(-1)).toMatchObject({ schoolYear: '2027-2028', semester: '第一学期', open: false, state: '已认定' });
  expect(zheng.some((status) => status.open)).toBe(false);
  expect(result.proposals.map((proposal) => proposal.slice(0, proposal.indexOf('：')))).toEqual(['推荐名单第4行 郑洁（玉教班〔2024〕011号）']);
  const sheet = dutyReportRows(result, '2027-10-20', preset).map((row) => row.join('|')).join('\n');
  expect(sheet).toContain('列出状态为“已认定”和“任期届满”的人员');
  expect(sheet).toContain('周敏|玉教班〔2021〕001号|任期届满|2021-2022|第一学期');
});

test('common header spellings are read; a header row missing 类型 names the column to rename and how 初始化表格 helps', () => {
  const aliased = [
    ['教师姓名', '证书编号', '学期', '活动类型', '活动内容', '活动日期', '级别', '结对对象', '证明材料（链接）'],
    ['赵强', '', '', '帮带', '', '2024-10-15', '', '甲、乙', ''],
    ['赵强', '', '2024-2025学年第一学期', '读书', '', '', '', '', ''],
  ];
  const result = report([HEADER, ZHAO], aliased, '2025-03-01');
  expect(result.semesters[0]).toMatchObject({ books: 1, mentees: 2 });
  expect(result.notices).toEqual([]);
  expect(readLedger([['姓名', '帮带教师', '证明材料'], ['赵强', '甲', '']], STARTS, '2025-03-01', preset).problem).toBe(
    '工作表“履职记录”第1行像是表头，但缺少“类型”（也认“活动类型”“履职类型”）列：请把表示类型的那一列的表头改为“类型”；' +
      '或运行“初始化表格”在右端补上空列后把内容移过去。没有生成履职情况',
  );
  // A header row below a title (初始化表格 reads only row 1): only the rename is advised.
  expect(readLedger([['2025年履职记录'], ['姓名', '活动类型']], STARTS, '2025-03-01', preset).problem).toBe(
    '工作表“履职记录”第2行的表头既没有“学年学期”（也认“学期”“学年度学期”）也没有“日期”（也认“活动日期”“活动时间”“时间”），' +
      '无法知道活动属于哪个学期：请把表示日期的那一列的表头改为“日期”。没有生成履职情况',
  );
  // No header row at all: insert one (初始化表格 leaves a sheet whose row 1 is data unchanged).
  expect(readLedger([['赵强', '读书', '2024-10-01']], STARTS, '2025-03-01', preset).problem).toMatch(
    /：请在记录上方插入一行表头：姓名、证书编号、身份证号、学年学期、类型、内容、日期、级别、帮带对象、证明材料链接（与“初始化表格”新建的表头相同）。没有生成履职情况$/,
  );
});

test('messages name the sheet of a row once, and an ambiguous name lists only the teachers who could be meant', () => {
  const nominations = [
    HEADER,
    ['钱多', '', '一中', '骨干班主任', '已认定', '', ''], // no 认定日期, no certificate
    ['王强', '', '二中', '骨干班主任', '已取消', '2018-10-10', '玉教班〔2018〕001号'], // term 2018–2021: not meant by a 2024 row
    ['王强', '', '三中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕003号'],
    ['王强', '', '四中', '骨干班主任', '任期届满', '2022-10-10', '玉教班〔2022〕004号'],
    ['孙丽', '', '五中', '骨干班主任', '已认定', '2024-10-10', ''],
    ['周未', '', '六中', '骨干班主任', '已认定', '2999-01-01', '玉教班〔2999〕001号'], // a slip: never dropped silently
    ['吴双', '', '七中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕003号'], // the same number as row 4
  ];
  const result = report(
    nominations,
    [[...DUTY_LEDGER_HEADERS], ledgerRow({ 姓名: '王强', 类型: '读书', 日期: '2024-10-15' }), ledgerRow({ 姓名: '王强', 类型: '读书', 日期: '2019-10-15' })],
    '2025-09-10',
    '2024年推荐名单',
  );
  expect(result.notices).toEqual([
    '履职记录第2行：王强：2024年推荐名单中有 2 位已认定人员叫“王强”（2024年推荐名单第4行 王强（玉教班〔2024〕003号）（已认定）、' +
      '2024年推荐名单第5行 王强（玉教班〔2022〕004号）（任期届满）），请填写证书编号以区分；此行未计入',
    '2024年推荐名单第4、8行的证书编号都是“玉教班〔2024〕003号”：按该编号填写的履职记录只计入第4行；请核对证书编号',
    '2024年推荐名单第2行 钱多：状态为“已认定”但认定日期为空或无法识别，无法列出其履职学期',
    '2024年推荐名单第7行 周未（玉教班〔2999〕001号）：认定日期 2999-01-01 晚于今天（2025-09-10），无法列出其履职学期；请核对认定日期',
  ]);
  // 2019: only the 2018 王强's term covers it — that one is meant (已取消, so not reported, but counted to nobody else).
  expect(result.semesters.filter((status) => status.name === '王强').every((status) => status.books === 0)).toBe(true);
  expect(result.proposals.find((proposal) => proposal.includes('孙丽'))).toMatch(/^2024年推荐名单第6行 孙丽：/);
});
