/**
 * The 工作室情况 sheet and the Chinese summaries of a studio check: one row per studio (the 全市
 * entry last) with its 学段, 级别, 主持人, counts, a verdict and its problems; text that fits a cell
 * (Excel keeps at most 32,767 characters, Sheets 50,000), saying how many problems were left out.
 */
import type { StudioResult } from './studio-checks';

/** Headers of the 工作室情况 sheet. */
export const STUDIO_REPORT_HEADERS = ['工作室名称', '学段', '级别', '主持人', '成员数', '学员数', '结论', '问题'] as const;

/** The verdict words of the 结论 column. */
export const STUDIO_VERDICTS = { ok: '符合', notOk: '有问题' } as const;

/** The most characters the 问题 cell holds (below Excel's 32,767 per cell). */
export const PROBLEM_CELL_LIMIT = 30_000;

/** A studio's problems as one cell: one per line, cut (whole lines) to the cell limit with a count of the rest. */
export function problemText(result: StudioResult, limit = PROBLEM_CELL_LIMIT): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, finding] of result.findings.entries()) {
    const line = finding.message;
    const rest = result.findings.length - index;
    const tail = `……另有${rest}条未列出，请用 banzhuren studios 查看全部`;
    const room = rest === 1 ? line.length : line.length + 1 + tail.length;
    if (length + room > limit) {
      lines.push(tail);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** The 工作室情况 table: the header row, then one row per result in order. */
export function studioReportTable(results: readonly StudioResult[]): (string | number)[][] {
  return [
    [...STUDIO_REPORT_HEADERS],
    ...results.map((result) => [
      result.name,
      result.stage,
      result.level,
      result.host,
      result.members,
      result.trainees,
      result.ok ? STUDIO_VERDICTS.ok : STUDIO_VERDICTS.notOk,
      problemText(result),
    ]),
  ];
}

/** One line for a studio: its name, level, stage, host and counts, then 符合 or its number of problems. */
export function studioLine(result: StudioResult): string {
  const facts = [result.level, result.stage].filter(Boolean).join('·');
  const host = result.host ? `，主持人 ${result.host}` : '';
  const verdict = result.ok ? STUDIO_VERDICTS.ok : `${STUDIO_VERDICTS.notOk}（${result.findings.length}条）`;
  return `${result.name}${facts ? `（${facts}）` : ''}${host}，成员${result.members}人，学员${result.trainees}人：${verdict}`;
}

/** The whole outcome as text lines: each studio's line, its findings under it, then where the table went. */
export function studioLines(results: readonly StudioResult[], reportSheet: string): string[] {
  return [...results.flatMap((result) => [studioLine(result), ...result.findings.map((finding) => `  - ${finding.message}`)]), `已写入“${reportSheet}”表`];
}

/** The outcome of a check in a few Chinese lines (the menu's message box). */
export function studioSummary(results: readonly StudioResult[], reportSheet: string): string {
  const studios = results.slice(0, -1);
  const bad = studios.filter((result) => !result.ok);
  const city = results[results.length - 1];
  const lines = [
    `已检查 ${studios.length} 个工作室：符合 ${studios.length - bad.length} 个，有问题 ${bad.length} 个。详情已写入“${reportSheet}”表。`,
    ...bad.slice(0, 10).map(studioLine),
    ...(bad.length > 10 ? [`……另有 ${bad.length - 10} 个工作室有问题，见“${reportSheet}”表`] : []),
  ];
  if (city) lines.push(city.ok ? `${city.name}：各学段市级工作室数量符合方案` : `${city.name}：${city.findings.slice(0, 8).map((finding) => finding.message).join('；')}${city.findings.length > 8 ? '……' : ''}`);
  return lines.join('\n');
}
