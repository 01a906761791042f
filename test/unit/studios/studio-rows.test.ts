/**
 * Reading the 工作室 sheet's cells into rows (header found by its texts, blank rows skipped,
 * obvious spellings of 学段/级别/角色 accepted, anything else kept as typed and named with its row),
 * and counting the city's studios per 学段 against the preset (一).
 */
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { cityStudiosByStage, studioRowProblems, studioRowsFromCells, type StudioRow } from '../../../src/domain/studios/studio-rows';

const HEADER = ['工作室名称', '学段', '级别', '角色', '姓名', '所属成员'];

function row(studio: string, stage: string, level: string, role: string, name: string, memberOf = '', number = 2): StudioRow {
  return { row: number, studio, stage, level, role, name, memberOf };
}

describe('studioRowsFromCells', () => {
  test('reads rows under the header with their sheet row numbers, skipping blank rows', () => {
    const read = studioRowsFromCells(
      [HEADER, [' 李华工作室 ', '小学', '市级', '主持人', ' 李华 ', ''], ['', '', '', '', '', ''], ['李华工作室', '小学', '市级', '成员', '王芳', '']],
      preset,
    );
    expect(read.sheetProblems).toEqual([]);
    expect(read.rows).toEqual([
      { row: 2, studio: '李华工作室', stage: '小学', level: '市级', role: '主持人', name: '李华', memberOf: '' },
      { row: 4, studio: '李华工作室', stage: '小学', level: '市级', role: '成员', name: '王芳', memberOf: '' },
    ]);
  });

  test('accepts obvious spellings: 主持 → 主持人, 市 → 市级, 中等职业学校 → 中职, 学前 → 幼儿园, 职高 → 中职', () => {
    const read = studioRowsFromCells([HEADER, ['甲', '中等职业学校', '市', '主持', '赵强', ''], ['甲', '学前', '区级', '工作室学员', '钱多', '赵强'], ['甲', ' 职高 ', '县', '工作室成员', '孙杰', '']], preset);
    expect(read.rows.map(({ stage, level, role }) => [stage, level, role])).toEqual([
      ['中职', '市级', '主持人'],
      ['幼儿园', '县级', '学员'],
      ['中职', '县级', '成员'],
    ]);
  });

  test('finds the header below title rows and columns in any order', () => {
    const read = studioRowsFromCells([['2025年工作室名单'], ['姓名', '角色', '工作室名称', '级别', '学段', '所属成员'], ['李华', '主持人', '甲', '市级', '初中', '']], preset);
    expect(read.rows).toEqual([{ row: 3, studio: '甲', stage: '初中', level: '市级', role: '主持人', name: '李华', memberOf: '' }]);
  });

  test('an unreadable value stays as typed; a missing column is a sheet problem naming it', () => {
    const read = studioRowsFromCells([['工作室名称', '角色', '姓名'], ['甲', '组长', '李华']], preset);
    expect(read.sheetProblems).toEqual(['工作表“工作室”第1行：缺少列 “学段”、“级别”、“所属成员”，这些列按空白处理']);
    expect(read.rows[0]).toMatchObject({ role: '组长', stage: '', level: '' });
  });

  test('no header row: one problem, no rows; an empty sheet: neither', () => {
    expect(studioRowsFromCells([['甲', '乙']], preset).sheetProblems[0]).toContain('找不到含“工作室名称”和“姓名”的表头行');
    expect(studioRowsFromCells([['', '']], preset)).toEqual({ rows: [], sheetProblems: [] });
  });
});

describe('studioRowProblems', () => {
  test('names the row, the column and the value', () => {
    const problems = studioRowProblems(row('', '大学', '省级', '组长', '李华', '', 7), preset);
    expect(problems.map((problem) => problem.message)).toEqual([
      '工作室第7行：“工作室名称”为空（姓名“李华”）',
      '工作室第7行：学段“大学”无法识别，应为幼儿园、小学、初中、高中、中职、高职、特殊教育之一',
      '工作室第7行：级别“省级”无法识别，应为市级、县级之一',
      '工作室第7行：角色“组长”无法识别，应为主持人、成员、学员之一',
    ]);
  });

  test('a blank 姓名 is named; a readable row has no problem', () => {
    expect(studioRowProblems(row('甲', '小学', '市级', '成员', '', '', 9), preset).map((problem) => problem.message)).toEqual(['工作室第9行：“姓名”为空']);
    expect(studioRowProblems(row('甲', '小学', '县级', '学员', '李华', '王芳'), preset)).toEqual([]);
  });
});

describe('cityStudiosByStage', () => {
  test('counts distinct city studios per stage, every stage with a target listed in order', () => {
    const rows = [
      row('甲', '小学', '市级', '主持人', 'a'),
      row('甲', '小学', '市级', '成员', 'b'),
      row('乙', '小学', '市级', '主持人', 'c'),
      row('丙', '高职', '市级', '主持人', 'd'),
      row('丁', '初中', '县级', '主持人', 'e'),
      row('', '初中', '市级', '主持人', 'f'),
    ];
    expect(cityStudiosByStage(rows, preset)).toEqual([
      { stage: '幼儿园', studios: 0, target: 2 },
      { stage: '小学', studios: 2, target: 3 },
      { stage: '初中', studios: 0, target: 3 },
      { stage: '高中', studios: 0, target: 3 },
      { stage: '中职', studios: 0, target: 3 },
      { stage: '高职', studios: 1, target: 1 },
    ]);
  });

  test('a stage without a target (特殊教育) is listed only when it has a city studio', () => {
    const rows = [row('甲', '特殊教育', '市级', '主持人', 'a')];
    expect(cityStudiosByStage(rows, preset).find((entry) => entry.stage === '特殊教育')).toEqual({ stage: '特殊教育', studios: 1, target: 0 });
  });

  test('a studio with rows of two stages counts once, under the stage most rows give', () => {
    const rows = [row('甲', '初中', '市级', '主持人', 'a'), row('甲', '小学', '市级', '成员', 'b'), row('甲', '小学', '市级', '成员', 'c')];
    const counts = cityStudiosByStage(rows, preset);
    expect(counts.find((entry) => entry.stage === '小学')?.studios).toBe(1);
    expect(counts.find((entry) => entry.stage === '初中')?.studios).toBe(0);
  });

  test('the targets come from the preset', () => {
    const other = { ...preset, studiosByStage: { 小学: 5 } };
    expect(cityStudiosByStage([], other).find((entry) => entry.stage === '小学')).toEqual({ stage: '小学', studios: 0, target: 5 });
  });
});
