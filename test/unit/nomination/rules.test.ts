/**
 * The eligibility rules of SPEC §3, each both ways and at its boundaries (5 years exactly, 4.9
 * years, the 3-year bar of 六（二）), with the message naming the clause, the column and the value;
 * blank and unreadable input is 待核实; rules that do not apply give no finding.
 */
import { FIELDS } from '../../../src/domain/nomination/fields';
import { RULES, runRules, type RuleContext, type RuleId } from '../../../src/domain/nomination/rules';
import { VALID_FAMOUS, evaluate, findingOf, preset } from './fixtures';

const BACKBONE = { ...VALID_FAMOUS, 申报类别: '骨干班主任', 申报工作室主持人: '否' };

/** The one finding of a rule for the valid row with some columns changed. */
function check(rule: RuleId, changes: Parameters<typeof evaluate>[0], base = VALID_FAMOUS, date?: string) {
  return findingOf(evaluate(changes, base, date), rule);
}

describe('the rule table', () => {
  test('ids are SPEC §3 ids plus name, school and category, each once', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([
      'name', 'school', 'category', 'years', 'countyTitle', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6',
      'award', 'honor', 'assessments', 'research', 'studioHost', 'lastTerm', 'disqualified', 'idNumber', 'county',
    ]);
  });

  test('applicability and clauses as SPEC §3 says', () => {
    const byId = Object.fromEntries(RULES.map((rule) => [rule.id, rule]));
    expect(byId.assessments?.appliesTo).toBe('名班主任');
    expect(byId.research?.appliesTo).toBe('名班主任');
    expect(byId.studioHost?.appliesTo).toBe('申报工作室主持人');
    expect(byId.award?.clause).toBe('四（一）7');
    expect(byId.honor?.clause).toBe('四（一）8');
    expect(byId.lastTerm?.clause).toBe('六（二）');
    expect(RULES.filter((rule) => rule.appliesTo === '全部')).toHaveLength(RULES.length - 3);
  });

  test('the valid row meets every rule', () => {
    const result = evaluate();
    expect(result.findings).toHaveLength(RULES.length);
    expect(result.findings.every((finding) => finding.verdict === '符合')).toBe(true);
  });

  test('runRules with an empty record: everything needed is 待核实, nothing throws', () => {
    const states = Object.fromEntries(FIELDS.map((field) => [field.key, { state: 'missing' }])) as RuleContext['states'];
    const findings = runRules({}, { reviewDate: '2025-09-01', preset, states });
    expect(findings.find((finding) => finding.rule === 'years')?.message).toBe('四（一）：表中没有“班主任累计年限”列');
    expect(findings.filter((finding) => finding.verdict === '符合').map((finding) => finding.rule)).toEqual(['lastTerm', 'disqualified', 'idNumber']);
  });
});

describe('years (四（一）)', () => {
  test.each([['5', '符合'], ['5年', '符合'], [5, '符合'], ['5.0', '符合'], ['30年', '符合'], [4.9, '不符合'], ['4.99', '不符合'], ['3年', '不符合'], [0, '不符合']])('%p is %p', (cell, verdict) => {
    expect(check('years', { 班主任累计年限: cell })?.verdict).toBe(verdict);
  });

  test('messages', () => {
    expect(check('years', { 班主任累计年限: '3年' })?.message).toBe('四（一）：班主任累计年限“3年”不足5年');
    expect(check('years', { 班主任累计年限: 4.9 })?.message).toBe('四（一）：班主任累计年限“4.9年”不足5年');
    expect(check('years', { 班主任累计年限: '5' })?.message).toBe('四（一）：班主任累计年限“5年”，满5年');
    expect(check('years', { 班主任累计年限: '' })).toMatchObject({ verdict: '待核实', message: '四（一）：班主任累计年限未填写' });
    expect(check('years', { 班主任累计年限: '五年' })).toMatchObject({ verdict: '待核实', message: '四（一）：班主任累计年限“五年”无法识别，应填年数，如5、5年或5.5' });
    expect(check('years', { 班主任累计年限: undefined })).toMatchObject({ verdict: '待核实', message: '四（一）：表中没有“班主任累计年限”列' });
  });
});

describe('countyTitle (四（一）)', () => {
  test.each([['县级骨干班主任', '符合'], ['县级名班主任', '符合'], ['区级骨干班主任', '符合'], ['无', '不符合'], ['', '待核实'], ['市级骨干班主任', '待核实']])('%p is %p', (cell, verdict) => {
    expect(check('countyTitle', { 县级认定: cell })?.verdict).toBe(verdict);
  });

  test('message', () => {
    expect(check('countyTitle', { 县级认定: '无' })?.message).toBe('四（一）：县级认定为“无”，须已被认定为县（市、区）级骨干班主任或名班主任');
  });
});

describe('c1–c6 (四（一）1–6)', () => {
  test.each([
    ['c1', '政治素质', '四（一）1'], ['c2', '职业道德', '四（一）2'], ['c3', '敬业奉献', '四（一）3'],
    ['c4', '理论功底', '四（一）4'], ['c5', '业务水平', '四（一）5'], ['c6', '身心健康', '四（一）6'],
  ] as const)('%s %s', (rule, header, clause) => {
    expect(check(rule, { [header]: '是' })?.verdict).toBe('符合');
    expect(check(rule, { [header]: true })?.verdict).toBe('符合');
    expect(check(rule, { [header]: '否' })).toEqual({ rule, clause, verdict: '不符合', message: `${clause}：${header}为“不符合”` });
    expect(check(rule, { [header]: '不符合' })?.verdict).toBe('不符合');
    expect(check(rule, { [header]: '' })).toMatchObject({ verdict: '待核实', message: `${clause}：${header}未填写` });
    expect(check(rule, { [header]: '良好' })?.verdict).toBe('待核实');
  });
});

describe('award, honor, research: county level or above', () => {
  test.each([
    ['award', '获奖级别', '四（一）7'], ['honor', '荣誉级别', '四（一）8'], ['research', '科研级别', '四（一）9（2）'],
  ] as const)('%s', (rule, header, clause) => {
    for (const level of ['国家级', '省', '州级', '市', '县级', '区', '县（市、区）级']) expect(check(rule, { [header]: level })?.verdict).toBe('符合');
    expect(check(rule, { [header]: '校级' })).toMatchObject({ verdict: '不符合', message: `${clause}：${header}为“校级”，须县（市、区）级以上` });
    expect(check(rule, { [header]: '无' })).toMatchObject({ verdict: '不符合', message: `${clause}：${header}为“无”，须县（市、区）级以上` });
    expect(check(rule, { [header]: '' })).toMatchObject({ verdict: '待核实', message: `${clause}：${header}未填写` });
    expect(check(rule, { [header]: '#N/A' })).toMatchObject({ verdict: '待核实', message: `${clause}：${header}是错误值“#N/A”，请检查公式或引用` });
  });

  test('the example message of the brief', () => {
    expect(check('award', { 获奖级别: '校级' })?.message).toBe('四（一）7：获奖级别为“校级”，须县（市、区）级以上');
  });

  test('research applies only to 名班主任', () => {
    expect(check('research', { 科研级别: '无' }, BACKBONE)).toBeUndefined();
    expect(check('research', { 科研级别: '无' })?.verdict).toBe('不符合');
  });
});

describe('assessments (四（一）9（1）)', () => {
  test.each([
    ['优秀、合格、合格、合格、合格', '符合'],
    ['优秀、优秀、优秀、优秀、优秀', '符合'],
    ['合格、合格、合格、合格、合格', '不符合'],
    ['优秀、合格、基本合格、合格、合格', '不符合'],
    ['优秀、合格、不合格、合格、合格', '不符合'],
    ['优秀、合格、合格、合格', '待核实'],
    ['合格、合格、合格、合格', '待核实'],
    ['不合格', '不符合'],
    ['优秀、合格、良好、合格、合格', '待核实'],
    ['不合格、合格、良好、合格、合格', '不符合'],
    ['优秀、合格、无、合格、合格', '待核实'],
    ['', '待核实'],
  ])('%p is %p', (cell, verdict) => {
    expect(check('assessments', { 近5年考核: cell })?.verdict).toBe(verdict);
  });

  test('messages', () => {
    expect(check('assessments', { 近5年考核: '合格、合格、合格、合格、合格' })?.message).toBe('四（一）9（1）：近5年考核无优秀等次');
    expect(check('assessments', { 近5年考核: '优秀、合格、不合格、基本合格、合格' })?.message).toBe('四（一）9（1）：近5年考核有“不合格”、“基本合格”，须均为合格以上等次');
    expect(check('assessments', { 近5年考核: '优秀、合格、合格' })?.message).toBe('四（一）9（1）：近5年考核只有3年可认定的结果，须有5年（填了“优秀、合格、合格”）');
    expect(check('assessments', { 近5年考核: '优秀、称职、合格、合格、合格' })?.message).toBe('四（一）9（1）：近5年考核只有4年可认定的结果，须有5年（“称职”无法认定）');
    expect(check('assessments', { 近5年考核: undefined })?.message).toBe('四（一）9（1）：表中没有“近5年考核”列');
  });

  test('only for 名班主任', () => {
    expect(check('assessments', { 近5年考核: '合格、合格、合格、合格、合格' }, BACKBONE)).toBeUndefined();
    expect(check('assessments', { 申报类别: '' })).toBeUndefined();
  });

  test('five 年度考核 columns instead of one', () => {
    const years = { 近5年考核: undefined, '2020年度考核': '合格', '2021年度考核': '合格', '2022年度考核': '优秀', '2023年度考核': '合格', '2024年度考核': '合格' };
    expect(check('assessments', years)?.verdict).toBe('符合');
    expect(check('assessments', { ...years, '2021年度考核': '不合格' })?.message).toBe('四（一）9（1）：近5年考核有2021年度“不合格”，须均为合格以上等次');
    expect(check('assessments', { ...years, '2021年度考核': '' })?.message).toBe('四（一）9（1）：近5年考核只有4年可认定的结果，须有5年（2021年度考核未填写）');
    expect(check('assessments', { ...years, '2022年度考核': '合格' })?.message).toBe('四（一）9（1）：近5年考核无优秀等次');
    // The 2025 result is not out yet: a blank last column is dropped, leaving four years.
    expect(check('assessments', { ...years, '2020年度考核': undefined, '2025年度考核': '' })?.verdict).toBe('待核实');
    expect(check('assessments', { ...years, 近5年考核: '优秀、优秀、优秀、优秀、优秀' })?.message).toContain('同时存在');
  });
});

describe('studioHost (四（一）10)', () => {
  test('met when already a city 名班主任', () => {
    expect(check('studioHost', { 市级名班主任: '是' })?.verdict).toBe('符合');
    expect(check('studioHost', { 市级名班主任: '否' })).toMatchObject({ verdict: '不符合', message: '四（一）10：工作室主持人须从市级名班主任中产生，市级名班主任为“否”' });
    expect(check('studioHost', { 市级名班主任: '' })).toMatchObject({ verdict: '待核实', message: '四（一）10：工作室主持人须为市级名班主任，市级名班主任未填写' });
  });

  test('only for studio-host applicants; blank means 否; unreadable is 待核实', () => {
    expect(check('studioHost', { 申报工作室主持人: '否', 市级名班主任: '否' })).toBeUndefined();
    expect(check('studioHost', { 申报工作室主持人: '', 市级名班主任: '否' })).toBeUndefined();
    expect(check('studioHost', { 申报工作室主持人: undefined, 市级名班主任: '否' })).toBeUndefined();
    expect(check('studioHost', { 申报工作室主持人: true })?.verdict).toBe('符合');
    expect(check('studioHost', { 申报工作室主持人: '也许' })).toMatchObject({ verdict: '待核实', message: '四（一）10：申报工作室主持人“也许”无法识别，应填是或否' });
  });
});

describe('lastTerm (六（二）): a 不合格 term assessment bars one term, 3 years', () => {
  const failed = { 上届考核结果: '不合格', 上届考核日期: '2022-09-01' };

  test('barred through the day before the third anniversary, free on it', () => {
    expect(check('lastTerm', failed, VALID_FAMOUS, '2022-09-01')?.verdict).toBe('不符合');
    expect(check('lastTerm', failed, VALID_FAMOUS, '2025-08-31')).toMatchObject({
      verdict: '不符合',
      message: '六（二）：上届考核结果为“不合格”（2022年9月1日），一届任期内（至2025年8月31日）不得申报',
    });
    expect(check('lastTerm', failed, VALID_FAMOUS, '2025-09-01')).toMatchObject({
      verdict: '符合',
      message: '六（二）：上届考核结果为“不合格”（2022年9月1日），已过一届任期（至2025年8月31日）',
    });
  });

  test('29 February: the bar ends on 28 February three years later', () => {
    const leap = { 上届考核结果: '不合格', 上届考核日期: '2024-02-29' };
    expect(check('lastTerm', leap, VALID_FAMOUS, '2027-02-28')?.verdict).toBe('不符合');
    expect(check('lastTerm', leap, VALID_FAMOUS, '2027-03-01')?.verdict).toBe('符合');
  });

  test('other results, blank and 无 are fine', () => {
    for (const result of ['优秀', '合格', '无', '']) expect(check('lastTerm', { 上届考核结果: result, 上届考核日期: '2025-01-01' })?.verdict).toBe('符合');
    expect(check('lastTerm', { 上届考核结果: undefined, 上届考核日期: undefined })?.verdict).toBe('符合');
  });

  test('不合格 with a blank, unreadable or future date is 待核实', () => {
    expect(check('lastTerm', { 上届考核结果: '不合格', 上届考核日期: '' })).toMatchObject({ verdict: '待核实', message: '六（二）：上届考核结果为“不合格”，上届考核日期未填写' });
    expect(check('lastTerm', { 上届考核结果: '不合格', 上届考核日期: undefined })?.message).toBe('六（二）：上届考核结果为“不合格”，表中没有“上届考核日期”列');
    expect(check('lastTerm', { 上届考核结果: '不合格', 上届考核日期: '去年' })?.verdict).toBe('待核实');
    expect(check('lastTerm', { 上届考核结果: '不合格', 上届考核日期: '2025-09-02' })).toMatchObject({ verdict: '待核实', message: '六（二）：上届考核日期2025年9月2日晚于评审基准日2025年9月1日' });
    expect(check('lastTerm', { 上届考核结果: '很差' })?.verdict).toBe('待核实');
  });

  test('a serial-number date works too', () => {
    expect(check('lastTerm', { 上届考核结果: '不合格', 上届考核日期: 45562 })?.message).toContain('2024年9月27日');
  });
});

describe('disqualified (六（四）)', () => {
  test('blank and 无 are fine; any item is 不符合 citing it', () => {
    expect(check('disqualified', { 取消资格情形: '' })?.verdict).toBe('符合');
    expect(check('disqualified', { 取消资格情形: '无' })?.verdict).toBe('符合');
    expect(check('disqualified', { 取消资格情形: undefined })?.verdict).toBe('符合');
    expect(check('disqualified', { 取消资格情形: '3' })).toEqual({ rule: 'disqualified', clause: '六（四）3', verdict: '不符合', message: '六（四）3：取消资格情形为“有学术不端行为的”' });
    for (const cell of [1, '2', '六（四）4', '六（四）5.年度履职考核不合格的', '自动离职不再担任班主任的']) {
      expect(check('disqualified', { 取消资格情形: cell })?.verdict).toBe('不符合');
    }
    expect(check('disqualified', { 取消资格情形: '待查' })?.verdict).toBe('待核实');
  });
});

describe('county (四（二）2): one of the preset\'s counties or 市直学校, never a prefix', () => {
  test.each([['红塔区', '红塔区'], ['红塔', '红塔区'], ['峨山', '峨山彝族自治县'], ['市直', '市直学校'], [' 江川区 ', '江川区']])('%p is %p', (cell, county) => {
    expect(check('county', { '县（市、区）': cell })).toMatchObject({ rule: 'county', clause: '四（二）2', verdict: '符合', message: `四（二）2：县（市、区）为“${county}”` });
  });

  test.each(['红', '江', '玉溪市', '昆明市五华区', '2'])('%p is 待核实, naming the column and the value', (cell) => {
    const finding = check('county', { '县（市、区）': cell });
    expect(finding?.verdict).toBe('待核实');
    expect(finding?.message).toContain(`四（二）2：县（市、区）“${cell}”无法识别，应填以下之一：红塔区、`);
    expect(finding?.message).toContain('该行不属于任何县（市、区）');
  });

  test('blank or missing is 待核实 and says what to fill in', () => {
    expect(check('county', { '县（市、区）': '' })?.message).toMatch(/^四（二）2：县（市、区）未填写，应填本市的县（市、区）名或“市直学校”；该行不属于任何县（市、区），无法初审$/);
    expect(check('county', { '县（市、区）': undefined })?.message).toMatch(/^四（二）2：表中没有“县（市、区）”列，应填本市的县/);
    expect(evaluate({ '县（市、区）': '' }).verdict).toBe('待核实');
  });

  test('the 县（市、区） cell gets the note', () => {
    const result = evaluate({ '县（市、区）': '' });
    const column = Object.keys(VALID_FAMOUS).indexOf('县（市、区）');
    expect(result.problems).toEqual([{ column, message: expect.stringContaining('四（二）2：县（市、区）未填写') }]);
  });
});

describe('idNumber', () => {
  test('blank is fine, a wrong one is 待核实', () => {
    expect(check('idNumber', { 身份证号: '' })).toMatchObject({ verdict: '符合', message: '身份证号未填写' });
    expect(check('idNumber', { 身份证号: undefined })?.verdict).toBe('符合');
    expect(check('idNumber', { 身份证号: '440524188001010014' })?.verdict).toBe('符合');
    expect(check('idNumber', { 身份证号: '110105194912310021' })).toMatchObject({ verdict: '待核实', message: '身份证号（尾号0021）校验位不对，请核对' });
    expect(check('idNumber', { 身份证号: '1101051949123' })?.verdict).toBe('待核实');
    expect(check('idNumber', { 身份证号: 110105194912310020 })?.verdict).toBe('待核实');
  });
});

describe('name, school, category', () => {
  test('required', () => {
    expect(check('name', { 姓名: '' })).toEqual({ rule: 'name', clause: '', verdict: '待核实', message: '姓名未填写' });
    expect(check('name', { 姓名: 42 })?.message).toBe('姓名是数字“42”，应填文字');
    expect(check('school', { 学校: undefined })?.message).toBe('表中没有“学校”列');
    expect(check('category', { 申报类别: '' })).toMatchObject({ verdict: '待核实', message: '四（一）9：申报类别未填写（须为骨干班主任或名班主任）' });
    expect(check('category', { 申报类别: '名师' })?.verdict).toBe('待核实');
    expect(check('category', { 申报类别: '骨干' })?.verdict).toBe('符合');
  });
});
