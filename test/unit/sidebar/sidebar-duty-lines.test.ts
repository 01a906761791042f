/**
 * The sidebar's 履职 lines (user trial, round 2): a cancellation proposal tells a page user what to
 * do in the sidebar (当前行 → 取消资格 with 六（四）5), never to run `banzhuren advance`; the
 * 履职情况 sheet and the CLI keep the command.
 */
import { readLedger } from '../../../src/domain/duties/ledger';
import { dutyReport, type ProposalReader } from '../../../src/domain/duties/report';
import { awardedTeachers } from '../../../src/domain/duties/teachers';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { DUTY_LEDGER_HEADERS } from '../../../src/domain/sheet-layouts';
import { dutyLines } from '../../../src/domain/sidebar/panels';

const STARTS = { first: { month: 9, day: 1 }, second: { month: 2, day: 1 } };
const NOMINATIONS = [
  ['姓名', '身份证号', '学校', '申报类别', '状态', '认定日期', '证书编号'],
  ['张丽', '11010519491231002X', '一中', '骨干班主任', '已认定', '2024-10-10', '玉教班〔2024〕001号'],
];

function proposals(reader: ProposalReader | undefined, sheet?: string): string[] {
  const today = '2025-10-01';
  const teachers = awardedTeachers(NOMINATIONS, 1, matchHeaders(NOMINATIONS[0] as unknown[]));
  const ledger = readLedger([[...DUTY_LEDGER_HEADERS]], STARTS, today, preset);
  const input = { teachers, entries: ledger.entries, ledgerNotices: ledger.notices, starts: STARTS, today, preset, ...(sheet ? { nominationSheet: sheet } : {}) };
  return dutyReport(reader === undefined ? input : { ...input, proposalsFor: reader }).proposals;
}

test('the sidebar proposal says what to do in the sidebar, not a command', () => {
  const [proposal] = proposals('sidebar', '第二批');
  expect(proposal).toMatch(/^第二批第2行 张丽（玉教班〔2024〕001号）：2024-2025学年第一学期未完成/);
  expect(proposal).toMatch(/可由市级决定取消资格：在“第二批”中选中第2行，在助手的“当前行”中点“取消资格”，理由写“六（四）5：……”$/);
  expect(proposal).not.toContain('banzhuren');
  expect(dutyLines([], [], [proposal as string])).toEqual([{ name: '', text: proposal, severity: '建议' }]);
});

test('the sheet and the CLI keep the command (the default)', () => {
  expect(proposals(undefined)[0]).toContain('banzhuren advance 文件.xlsx --rows 2 --to 已取消 --reason "六（四）5" --as 市级邮箱（Google 表格中选中该行');
  expect(proposals('commands', '第二批')[0]).toContain('--as 市级邮箱 --sheet 第二批（Google');
});
