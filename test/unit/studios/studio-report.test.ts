/**
 * The 工作室情况 table and the Chinese summaries: one row per studio, 符合/有问题, problems one per
 * line and cut to what a cell holds with the count of the rest; and 推荐名单's rows as the host
 * check reads them (申报类别 spellings, blank 状态 is 学校推荐).
 */
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { nominationPeople, type StudioResult } from '../../../src/domain/studios/studio-checks';
import { problemText, studioLines, studioReportTable, studioSummary } from '../../../src/domain/studios/studio-report';

const ok: StudioResult = { name: '甲', stage: '小学', level: '市级', host: '李华', members: 10, trainees: 30, ok: true, findings: [] };
const bad: StudioResult = { ...ok, name: '乙', members: 9, ok: false, findings: [{ rule: 'members', message: '成员应为10人，实有9人，还差1人' }, { rule: 'hosts', message: '主持人应为1人，实有0人，还差1人' }] };
const city: StudioResult = { name: '全市', stage: '', level: '市级', host: '', members: 19, trainees: 60, ok: false, findings: [{ rule: 'cityStages', message: '小学：市级工作室2个，方案要求3个，还差1个' }] };

test('the table: headers, one row per studio, verdict and problems one per line', () => {
  expect(studioReportTable([ok, bad, city])).toEqual([
    ['工作室名称', '学段', '级别', '主持人', '成员数', '学员数', '结论', '问题'],
    ['甲', '小学', '市级', '李华', 10, 30, '符合', ''],
    ['乙', '小学', '市级', '李华', 9, 30, '有问题', '成员应为10人，实有9人，还差1人\n主持人应为1人，实有0人，还差1人'],
    ['全市', '', '市级', '', 19, 60, '有问题', '小学：市级工作室2个，方案要求3个，还差1个'],
  ]);
});

test('problems longer than a cell are cut at a whole line, saying how many are left out', () => {
  const many: StudioResult = { ...bad, findings: Array.from({ length: 100 }, (_, index) => ({ rule: 'unreadable' as const, message: `工作室第${index + 2}行：角色“组长”无法识别` })) };
  const text = problemText(many, 200);
  expect(text.length).toBeLessThanOrEqual(200);
  const lines = text.split('\n');
  expect(lines[0]).toBe('工作室第2行：角色“组长”无法识别');
  expect(lines[lines.length - 1]).toBe(`……另有${100 - (lines.length - 1)}条未列出，请用 banzhuren studios 查看全部`);
  expect(problemText(bad, 1000)).toBe('成员应为10人，实有9人，还差1人\n主持人应为1人，实有0人，还差1人');
});

test('text lines and the menu summary', () => {
  expect(studioLines([ok, bad, city], '工作室情况')).toEqual([
    '甲（市级·小学），主持人 李华，成员10人，学员30人：符合',
    '乙（市级·小学），主持人 李华，成员9人，学员30人：有问题（2条）',
    '  - 成员应为10人，实有9人，还差1人',
    '  - 主持人应为1人，实有0人，还差1人',
    '全市（市级），成员19人，学员60人：有问题（1条）',
    '  - 小学：市级工作室2个，方案要求3个，还差1个',
    '已写入“工作室情况”表',
  ]);
  expect(studioSummary([ok, bad, city], '工作室情况').split('\n')).toEqual([
    '已检查 2 个工作室：符合 1 个，有问题 1 个。详情已写入“工作室情况”表。',
    '乙（市级·小学），主持人 李华，成员9人，学员30人：有问题（2条）',
    '全市：小学：市级工作室2个，方案要求3个，还差1个',
  ]);
});

test('推荐名单 rows for the host check: 姓名, canonical 申报类别, 状态 (blank is 学校推荐), rows below the header', () => {
  const cells = [
    ['2025年推荐名单'],
    ['姓名', '学校', '学段', '申报类别', '状态'],
    [' 李华 ', '一中', '高中', '市级名班主任', '已认定'],
    ['王芳', '二中', '高中', '骨干', ''],
    ['', '三中', '高中', '名班主任', '已认定'],
    ['赵强', '四中', '高中', '名班', '待定'],
  ];
  expect(nominationPeople(cells, 2, matchHeaders(cells[1]!), preset)).toEqual([
    { row: 3, name: '李华', category: '名班主任', state: '已认定' },
    { row: 4, name: '王芳', category: '骨干班主任', state: '学校推荐' },
    { row: 6, name: '赵强', category: '名班', state: '待定' },
  ]);
});
