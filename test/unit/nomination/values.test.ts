/**
 * Reading cells (SPEC §2): every accepted spelling of levels, yes/no, years, dates, assessments,
 * 身份证号 and 六（四） items gives its value; numbers where text is expected, text where numbers
 * or dates are, error values, very long strings, emoji and the like give a problem, never an
 * exception. Also the row reader: partly readable cells, year columns, missing columns.
 */
import { fieldOf, type FieldKey } from '../../../src/domain/nomination/fields';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import {
  NominationRecordSchema,
  idCheckCharacter,
  idNumberProblem,
  isErrorValue,
  quote,
  readCell,
  readRow,
  disqualificationInReason,
} from '../../../src/domain/nomination/values';
import { preset } from './fixtures';

/** The value a cell reads as in a column, or the problem text prefixed with '!'. */
function read(key: FieldKey, cell: unknown): unknown {
  const result = readCell(fieldOf(key), cell, preset);
  if ('blank' in result) return 'BLANK';
  if (!('value' in result)) return `!${result.problem}`;
  return result.value;
}

describe('levels', () => {
  test.each([
    ['国家', '国家级'], ['国家级', '国家级'], ['省', '省级'], ['省级', '省级'],
    ['市', '市级'], ['州', '市级'], ['市级', '市级'], ['州级', '市级'],
    ['县', '县级'], ['区', '县级'], ['县级', '县级'], ['区级', '县级'],
    ['县（市、区）级', '县级'], ['县(市、区)级', '县级'], [' 县 级 ', '县级'],
    ['校级', '校级'], ['校', '校级'], ['无', '无'],
  ])('%p reads as %p', (cell, level) => {
    expect(read('awardLevel', cell)).toBe(level);
    expect(read('honorLevel', cell)).toBe(level);
    expect(read('researchLevel', cell)).toBe(level);
  });

  test.each(['省一等奖', '乡镇级', '国家级、省级', '😀', 'TRUE'])('%p is a problem', (cell) => {
    expect(read('awardLevel', cell)).toMatch(/^!获奖级别“.*”无法识别，应填以下之一：国家级、省级、市级、县级、校级、无$/u);
  });

  test('numbers and booleans in a level column are problems', () => {
    expect(read('awardLevel', 3)).toBe('!获奖级别“3”无法识别，应填以下之一：国家级、省级、市级、县级、校级、无');
    expect(read('awardLevel', true)).toMatch(/^!获奖级别“TRUE”无法识别/u);
  });
});

describe('yes/no', () => {
  test.each([
    ['符合', true], ['是', true], ['有', true], [' 符 合 ', true], [true, true],
    ['不符合', false], ['否', false], ['无', false], [false, false],
  ])('%p reads as %p', (cell, value) => {
    expect(read('c1', cell)).toBe(value);
    expect(read('cityFamous', cell)).toBe(value);
  });

  test.each(['基本符合', 'Y', '1', '对', '√'])('%p is a problem', (cell) => {
    expect(read('c2', cell)).toBe(`!职业道德“${cell}”无法识别，应填符合或不符合`);
    expect(read('studioHost', cell)).toBe(`!申报工作室主持人“${cell}”无法识别，应填是或否`);
  });

  test('a number is a problem', () => {
    expect(read('c1', 1)).toBe('!政治素质“1”无法识别，应填符合或不符合');
  });
});

describe('enumerations', () => {
  test.each([
    ['category', '骨干班主任', '骨干班主任'], ['category', '市级骨干班主任', '骨干班主任'], ['category', '骨干', '骨干班主任'],
    ['category', '名班主任', '名班主任'], ['category', '市级名班主任', '名班主任'],
    ['countyTitle', '县级骨干班主任', '县级骨干班主任'], ['countyTitle', '县（市、区）级骨干班主任', '县级骨干班主任'],
    ['countyTitle', '区级名班主任', '县级名班主任'], ['countyTitle', '县级名班主任', '县级名班主任'], ['countyTitle', '无', '无'],
    ['gender', '男', '男'], ['gender', '女性', '女'],
    ['county', '峨山彝族自治县', '峨山彝族自治县'], ['county', '市直学校', '市直学校'], ['county', '市直', '市直学校'],
    ['stage', '中等职业学校', '中职'], ['stage', '特殊教育', '特殊教育'],
    ['lastTermResult', '不合格', '不合格'], ['lastTermResult', '优秀等次', '优秀'], ['lastTermResult', '无', '无'],
  ] as const)('%s %p reads as %p', (key, cell, value) => {
    expect(read(key, cell)).toBe(value);
  });

  test.each([
    ['category', '名师'], ['countyTitle', '市级骨干班主任'], ['county', '昆明市'], ['stage', '大学'], ['lastTermResult', '基本合格'],
  ] as const)('%s %p is a problem', (key, cell) => {
    expect(read(key, cell)).toMatch(/^!.*无法识别，应填以下之一：/u);
  });
});

describe('years', () => {
  test.each([
    ['5', 5], ['5年', 5], ['5.5', 5.5], ['5.5年', 5.5], ['５年', 5], ['５．５', 5.5], [' 12 年 ', 12], [5, 5], [4.9, 4.9], [0, 0],
  ])('%p reads as %p', (cell, value) => {
    expect(read('years', cell)).toBe(value);
  });

  test.each(['五年', '5年以上', '约5年', '5-6', '-1', '2019-09-01', '#VALUE', true])('%p is a problem', (cell) => {
    expect(read('years', cell)).toMatch(/^!班主任累计年限“.*”无法识别，应填年数，如5、5年或5.5$/u);
  });

  test('out of range', () => {
    expect(read('years', -1)).toBe('!班主任累计年限“-1”不在0到60年之间');
    expect(read('years', '61')).toBe('!班主任累计年限“61”不在0到60年之间');
    expect(read('years', Number.NaN)).toMatch(/^!班主任累计年限“NaN”无法识别/u);
    expect(read('years', Number.POSITIVE_INFINITY)).toMatch(/无法识别/u);
  });
});

describe('dates', () => {
  test.each([
    ['2024-09-27', '2024-09-27'], ['2024/9/27', '2024-09-27'], ['2024.9.27', '2024-09-27'], ['2024年9月27日', '2024-09-27'],
    ['２０２４年９月２７日', '2024-09-27'], [45562, '2024-09-27'], [45562.75, '2024-09-27'],
  ])('%p reads as %p', (cell, value) => {
    expect(read('lastTermDate', cell)).toBe(value);
  });

  test.each(['2024-02-30', '明年', '2024', '9/27/2024', '2024-09-27 10:00', 2024, -5, true])('%p is a problem', (cell) => {
    expect(read('lastTermDate', cell)).toMatch(/^!上届考核日期“.*”无法识别，应填日期/u);
  });
});

describe('assessments', () => {
  test.each([
    '合格、优秀、合格、合格、优秀', '合格,优秀,合格,合格,优秀', '合格，优秀，合格，合格，优秀', '合格;优秀;合格;合格;优秀',
    '合格；优秀；合格；合格；优秀', '合格 优秀 合格　合格  优秀', '合格、 优秀等次 ,合格；合格 优秀',
  ])('%p reads as five results, oldest first', (cell) => {
    const value = read('assessments', cell) as { result: string; year: number | null }[];
    expect(value.map((entry) => entry.result)).toEqual(['合格', '优秀', '合格', '合格', '优秀']);
    expect(value.every((entry) => entry.year === null)).toBe(true);
  });

  test('基本合格 and 不合格 are results', () => {
    const value = read('assessments', '基本合格、不合格、合格') as { result: string }[];
    expect(value.map((entry) => entry.result)).toEqual(['基本合格', '不合格', '合格']);
  });

  test('an unknown word keeps the rest and is a problem', () => {
    const result = readCell(fieldOf('assessments'), '优秀、称职、良好、合格、不合格', preset);
    expect(result).toMatchObject({ problem: '近5年考核中“称职、良好”无法识别，应为优秀、合格、基本合格、不合格' });
    expect('value' in result && (result.value as { result: string | null }[]).map((entry) => entry.result)).toEqual(['优秀', null, null, '合格', '不合格']);
  });

  test('more than five results, a number, a boolean are problems', () => {
    expect(read('assessments', '合格、合格、合格、合格、合格、优秀')).toBe('!近5年考核应填5个结果，现有6个');
    expect(read('assessments', 5)).toMatch(/^!近5年考核“5”无法识别/u);
    expect(read('assessments', false)).toMatch(/^!近5年考核“FALSE”无法识别/u);
  });
});

describe('身份证号', () => {
  test('GB 11643 check character', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  test.each(['11010519491231002X', '11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ'])('%p is valid', (cell) => {
    expect(read('idNumber', cell)).toBe('11010519491231002X');
  });

  test('wrong check digit, length and characters are problems that show only the last four characters', () => {
    expect(read('idNumber', '110105194912310021')).toBe('!身份证号（尾号0021）校验位不对，请核对');
    expect(read('idNumber', '11010519491231002')).toBe('!身份证号（尾号1002）应为18位，现为17位');
    expect(read('idNumber', '110105491231002')).toBe('!身份证号（尾号1002）应为18位，现为15位');
    expect(read('idNumber', '1101051949123100AX')).toBe('!身份证号（尾号00AX）只能是数字，最后一位可以是X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
  });

  test('a number (precision lost) is a problem', () => {
    expect(read('idNumber', 110105194912310020)).toBe('!身份证号被存成了数字，后几位可能已丢失；请把该列设为纯文本后重新填写');
    expect(read('idNumber', 1)).toMatch(/^!身份证号被存成了数字/u);
  });
});

describe('取消资格情形', () => {
  test.each([
    ['无', 0], ['否', 0], ['1', 1], [1, 1], ['３', 3], ['六（四）1', 1], ['六(四)2', 2], ['六（四）3.有学术不端行为的', 3],
    ['第4项', 4], ['5、年度履职考核不合格的', 5], ['有学术不端行为的', 3], ['有学术不端行为', 3], ['自动离职不再担任班主任的', 6],
  ])('%p reads as item %p', (cell, item) => {
    expect(read('disqualification', cell)).toBe(item);
  });

  test.each(['7', 0, 7, 2.5, '1、2', '六（四）3.有违纪违法行为', '有问题', '是'])('%p is a problem', (cell) => {
    expect(read('disqualification', cell)).toMatch(/^!取消资格情形“.*”无法识别，应填无，或六（四）1–6之一/u);
  });
});

describe('text, phone, email, 序号', () => {
  test('text is trimmed; numbers where text is expected are problems', () => {
    expect(read('name', '  张丽 ')).toBe('张丽');
    expect(read('name', '张丽😀')).toBe('张丽😀');
    expect(read('name', 123)).toBe('!姓名是数字“123”，应填文字');
    expect(read('school', true)).toBe('!学校“TRUE”无法识别，应填文字');
  });

  test('a 10,000-character string is a problem whose message stays short', () => {
    const long = '长'.repeat(10_000);
    expect(read('name', long)).toBe('!姓名过长（10000个字），最多50个字');
    const message = read('awardLevel', long) as string;
    expect(message.length).toBeLessThan(100);
    expect(message).toContain('长'.repeat(20) + '…');
  });

  test('phone numbers as text or number; never quoted in full', () => {
    expect(read('phone', 13812345678)).toBe('13812345678');
    expect(read('phone', '0877-2012345')).toBe('0877-2012345');
    expect(read('phone', '打电话')).toBe('!联系电话“打电话”无法识别，应填电话号码');
    expect(read('phone', '请联系办公室电话')).toBe('!联系电话（尾号公室电话）无法识别，应填电话号码');
    expect(read('phone', 1.5)).toBe('!联系电话“1.5”无法识别，应填电话号码');
  });

  test('email', () => {
    expect(read('email', ' a.b@example.com ')).toBe('a.b@example.com');
    expect(read('email', 'not an email')).toBe('!电子邮箱“not an email”不是有效的电子邮箱地址');
    expect(read('email', 5)).toMatch(/^!电子邮箱“5”无法识别/u);
  });

  test('序号', () => {
    expect(read('seq', 3)).toBe(3);
    expect(read('seq', '３')).toBe(3);
    expect(read('seq', '三')).toMatch(/^!序号“三”无法识别，应填数字$/u);
  });
});

describe('any column', () => {
  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', ' #N/A '])('error value %p is a problem', (cell) => {
    expect(isErrorValue(cell)).toBe(true);
    expect(read('name', cell)).toBe(`!姓名是错误值“${cell.trim()}”，请检查公式或引用`);
    expect(read('years', cell)).toMatch(/^!班主任累计年限是错误值/u);
  });

  test('blank cells', () => {
    for (const cell of ['', '   ', '　', null, undefined]) expect(read('name', cell)).toBe('BLANK');
  });

  test('values that are not cells are problems', () => {
    expect(read('name', {})).toBe('!姓名的内容无法识别');
    expect(read('name', [1])).toBe('!姓名的内容无法识别');
  });

  test('quote keeps one line and 20 characters, emoji whole', () => {
    expect(quote('a\nb')).toBe('a b');
    expect(quote('😀'.repeat(25))).toBe(`${'😀'.repeat(20)}…`);
  });
});

describe('readRow', () => {
  test('five 年度考核 columns become dated entries; trailing blank years are dropped', () => {
    const headers = matchHeaders(['姓名', '2020年度考核', '2021年度考核', '2022年度考核', '2023年度考核', '2024年度考核', '2025年度考核']);
    const { record, states, problems } = readRow(headers, ['张丽', '合格', '优秀', '良好', '', '合格', ''], preset);
    expect(record.assessments).toEqual([
      { year: 2020, result: '合格', text: '合格' },
      { year: 2021, result: '优秀', text: '优秀' },
      { year: 2022, result: null, text: '良好' },
      { year: 2023, result: null, text: '' },
      { year: 2024, result: '合格', text: '合格' },
    ]);
    expect(states.assessments).toEqual({ state: 'ok' });
    expect(problems).toEqual([{ column: 3, message: '2022年度考核“良好”无法识别，应填优秀、合格、基本合格、不合格之一' }]);
  });

  test('more than five year columns: the five most recent are read', () => {
    const headers = matchHeaders(['2018年度考核', '2019年度考核', '2020年度考核', '2021年度考核', '2022年度考核', '2023年度考核']);
    const { record } = readRow(headers, ['不合格', '合格', '优秀', '合格', '合格', '合格'], preset);
    expect(record.assessments?.map((entry) => entry.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  test('all year columns blank is blank; an error value in a year column is a problem', () => {
    const headers = matchHeaders(['2021年度考核', '2022年度考核']);
    expect(readRow(headers, ['', ''], preset).states.assessments).toEqual({ state: 'blank' });
    expect(readRow(headers, ['#N/A', '合格'], preset).problems).toEqual([{ column: 0, message: '2021年度考核是错误值“#N/A”，请检查公式或引用' }]);
  });

  test('missing columns, short rows, header problems', () => {
    const headers = matchHeaders(['姓名', '学校', '学校']);
    const { record, states } = readRow(headers, ['张丽'], preset);
    expect(record).toEqual({ name: '张丽' });
    expect(states.years).toEqual({ state: 'missing' });
    expect(states.school).toEqual({ state: 'problem', message: '表头“学校”出现在第2列和第3列' });
    expect(readRow(headers, [], preset).states.name).toEqual({ state: 'blank' });
  });

  test('the record always satisfies the schema', () => {
    const headers = matchHeaders(['姓名', '班主任累计年限', '上届考核日期', '取消资格情形']);
    const { record } = readRow(headers, ['张丽', '5年', 45562, '3'], preset);
    expect(NominationRecordSchema.parse(record)).toEqual({ name: '张丽', years: 5, lastTermDate: '2024-09-27', disqualification: 3 });
  });
});

describe('the 六（四） item a cancellation reason cites', () => {
  test.each([
    ['六（四）6', 6],
    ['5', 5],
    ['六（四）1：受到党纪处分（玉纪发〔2024〕3号）', 1],
    ['六（四）1 违纪处分', 1],
    ['因违纪受处分，六（四）1', 1],
    ['因违纪受处分，依据六(四)第1项', 1],
    ['5 年度考核不合格', 5],
    ['第3项，弄虚作假', 3],
  ])('%s → %s', (reason, item) => {
    expect(disqualificationInReason(reason)).toBe(item);
  });

  test.each([
    [''],
    ['违纪'],
    ['2024年考核不合格'],
    ['3人举报'],
    ['六（四）7'],
    ['六（四）1 与 六（四）5'],
  ])('“%s” cites no single item', (reason) => {
    expect(disqualificationInReason(reason)).toBeNull();
  });
});
