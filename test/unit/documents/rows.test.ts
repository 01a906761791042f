/**
 * Which rows get a document, the pre-flight's missing values, and file names: from the pattern,
 * safe for Windows, never personal information, unique by row number when two collide.
 */
import { DEFAULT_FILE_NAME_PATTERNS } from '../../../src/domain/documents/kinds';
import { knownNames, rowValues, type FieldValue } from '../../../src/domain/documents/placeholders';
import {
  chooseRows,
  fileNameOf,
  fileNamePatternProblem,
  MAX_FILE_NAME_LENGTH,
  missingPlaceholders,
  rowRefusal,
  safeFileName,
  uniqueFileNames,
  type CandidateRow,
} from '../../../src/domain/documents/rows';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';

const TODAY = '2027-08-20';
const ROWS: CandidateRow[] = [
  { row: 2, name: '甲', state: '已认定', stateText: '已认定', awardDate: '2024-10-10' }, // ends 2027-10-09: within 60 days
  { row: 3, name: '乙', state: '已认定', stateText: '已认定', awardDate: '2025-10-10' }, // ends 2028
  { row: 4, name: '丙', state: '任期届满', stateText: '任期届满', awardDate: '2023-10-10' },
  { row: 5, name: '丁', state: '公示中', stateText: '公示中' },
  { row: 6, name: '', state: null, stateText: '', empty: true },
  { row: 7, name: '戊', state: null, stateText: '认定了' },
];

describe('rows', () => {
  test('certificates: 已认定 rows', () => {
    expect(chooseRows('certificate', ROWS, undefined, TODAY, 3)).toEqual({ chosen: [2, 3], refused: [] });
  });
  test('forms: 任期届满, and 已认定 ending within 60 days', () => {
    expect(chooseRows('form', ROWS, undefined, TODAY, 3).chosen).toEqual([2, 4]);
    // One day later than 60 days before the end, 甲 is not yet due.
    expect(chooseRows('form', ROWS, undefined, '2027-08-09', 3).chosen).toEqual([4]);
  });
  test('requested rows: each checked once, refusals naming the row, name, state and value', () => {
    const choice = chooseRows('form', ROWS, [3, 2, 2, 5, 6, 7, 99], TODAY, 3);
    expect(choice.chosen).toEqual([2]);
    expect(choice.refused.map((refusal) => refusal.row)).toEqual([3, 5, 6, 7, 99]);
    expect(choice.refused[0]?.message).toBe('第3行（乙）任期至 2028-10-09，离届满超过60天：只有“任期届满”的行，或任期在60天内届满的“已认定”行，才能生成任期考核表');
    expect(choice.refused[1]?.message).toContain('第5行（丁）状态为“公示中”');
    expect(choice.refused[2]?.message).toBe('第6行是空行');
    expect(choice.refused[3]?.message).toContain('状态为“认定了”');
    expect(choice.refused[4]?.message).toBe('第99行不在表格的数据范围内（数据行为第2行至第7行）');
  });
  test('a certificate refusal says only 已认定 rows get one', () => {
    expect(rowRefusal('certificate', ROWS[3] as CandidateRow, TODAY, 3)).toBe('第5行（丁）状态为“公示中”：只有“已认定”的行才能生成荣誉证书');
  });
  test('an 已认定 row without a 认定日期 gets no form, and says why', () => {
    expect(rowRefusal('form', { row: 9, name: '己', state: '已认定', stateText: '已认定' }, TODAY, 3)).toContain('认定日期为空，算不出任期');
    expect(rowRefusal('form', { row: 9, name: '己', state: '已认定', stateText: '已认定', awardDate: 'invalid' }, TODAY, 3)).toContain('认定日期无法识别');
  });
});

describe('pre-flight', () => {
  test('missing: known placeholders whose value is empty, in the template order; unknown ones are not listed here', () => {
    const values = rowValues({ headers: ['姓名', '学校', '证书编号'], cells: ['张三', '', ''], category: '', certificate: '', level: '市级', today: TODAY, preset });
    expect(missingPlaceholders(['姓名', '证书编号', '学校', '职称', '称号'], values)).toEqual(['证书编号', '学校', '称号']);
  });
});

describe('file names', () => {
  const values = (entries: Record<string, string>): Map<string, FieldValue> => rowValues({ headers: Object.keys(entries), cells: Object.values(entries), category: '', certificate: entries['证书编号'] ?? '', level: '市级', today: TODAY, preset });
  test('the default patterns', () => {
    const row = values({ 姓名: '张三', 证书编号: '玉教班〔2024〕012号' });
    expect(fileNameOf(DEFAULT_FILE_NAME_PATTERNS.certificate, row)).toBe('玉教班〔2024〕012号-张三-荣誉证书');
    expect(fileNameOf(DEFAULT_FILE_NAME_PATTERNS.form, row)).toBe('张三-任期考核表');
  });
  test('reserved and control characters replaced, trailing dots and spaces trimmed', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k. . ')).toBe('a_b_c_d_e_f_g_h_i_j_k');
    expect(fileNameOf('{姓名}/{学校}', values({ 姓名: '张三', 学校: '一中:本部' }))).toBe('张三_一中_本部');
  });
  test('Windows device names, never empty, at most 120 characters', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName('COM10')).toBe('COM10');
    expect(safeFileName(' ...')).toBe('未命名');
    expect(safeFileName('..')).toBe('未命名');
  });
  test('never starts with a dot or a space (a leading dot hides the file on macOS and Linux)', () => {
    expect(safeFileName('../../x')).toBe('_.._x');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName(' . .张三')).toBe('张三');
    expect(safeFileName('张三.李四')).toBe('张三.李四');
    expect(fileNameOf('{姓名}', values({ 姓名: '...王五' }))).toBe('王五');
    expect(Array.from(safeFileName('长'.repeat(300)))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
  test('two rows whose names collide (case ignored) both get their row number; others are untouched', () => {
    const names = uniqueFileNames([
      { row: 2, name: '张三-任期考核表' },
      { row: 5, name: '李四-任期考核表' },
      { row: 9, name: '张三-任期考核表' },
      { row: 10, name: 'Ann' },
      { row: 11, name: 'ann' },
    ]);
    expect([...names.entries()]).toEqual([
      [2, '张三-任期考核表（第2行）'],
      [5, '李四-任期考核表'],
      [9, '张三-任期考核表（第9行）'],
      [10, 'Ann（第10行）'],
      [11, 'ann（第11行）'],
    ]);
    expect(Array.from(uniqueFileNames([{ row: 2, name: '长'.repeat(120) }, { row: 3, name: '长'.repeat(120) }]).get(3) ?? '')).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
  test('a pattern naming personal information or an unknown column is refused, naming the 设置 row', () => {
    const known = knownNames(['姓名', '身份证号', '联系电话', '学校'], 'certificate');
    expect(fileNamePatternProblem('{姓名}-{身份证号}', known, '设置第12行：证书文件名')).toContain('设置第12行：证书文件名“{姓名}-{身份证号}”含有个人信息{身份证号}');
    expect(fileNamePatternProblem('{ 联系电话 }', known, 'w')).toContain('个人信息{联系电话}');
    expect(fileNamePatternProblem('{姓名}-{职称}', known, 'w')).toBe('w“{姓名}-{职称}”中的{职称}没有对应的列或字段');
    expect(fileNamePatternProblem('{县市区}-{姓名}', knownNames(['姓名', '县（市、区）'], 'certificate'), 'w')).toBeNull();
    expect(fileNameOf('{县市区}-{姓名}', values({ 姓名: '张三', '县（市、区）': '红塔区' }))).toBe('红塔区-张三');
    expect(fileNamePatternProblem('证书', known, 'w')).toContain('不含任何 {列名}');
    expect(fileNamePatternProblem(DEFAULT_FILE_NAME_PATTERNS.certificate, known, 'w')).toBeNull();
  });
});
