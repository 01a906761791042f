/**
 * The shapes the sidebar shows for one nomination row (findings, the moves a user may make), kept
 * in the domain so the pure view builders can produce them; src/addon/sidebar-api.ts re-exports
 * them with the rest of the server API's shapes.
 */

/** One failed rule of a row, with the clause of the plan it comes from. */
export interface FindingView {
  /** The plan's clause, e.g. '三（一）1'. */
  clause: string;
  /** The column the finding is about ('' when none). */
  column: string;
  /** The explanation in Chinese (long digit runs hidden). */
  message: string;
  /** '不符合' or '待核实'. */
  severity: string;
}

/** A move this user may make on a row, as a button. */
export interface MoveChoice {
  to: string;
  /** The button's text, e.g. '初审通过'. */
  label: string;
  /** A reason must be typed (and for 已取消 it must name 六（四）1–6). */
  needsReason: boolean;
  /** What the reason field asks for ('' when none is needed). */
  reasonHint: string;
  /** A publicity start date must be given (moves to 公示中). */
  needsStart: boolean;
  /** Why the move would be refused today (e.g. the row is not 符合); absent when it may go. */
  blockedBy?: string;
}

/** One nomination row as the 当前行 panel shows it. */
export interface RowView {
  sheetName: string;
  row: number;
  name: string;
  school: string;
  county: string;
  category: string;
  stage: string;
  state: string;
  /** '符合', '不符合' or '待核实' as of today (or the 评审基准日). */
  verdict: string;
  findings: FindingView[];
  moves: MoveChoice[];
  /** Why there is nothing to do here (moves empty or every move blocked), in Chinese; absent when some move may go. */
  noMovesReason?: string;
  /** 公示开始/公示截止 ('YYYY-MM-DD'), 认定日期, 证书编号, 最后操作 when filled ('' otherwise). */
  publicityStart: string;
  publicityEnd: string;
  awardDate: string;
  certificateNumber: string;
  lastAction: string;
}

/** The most characters a move's reason may have (the page's maxlength; the server refuses longer before writing). */
export const MAX_REASON_LENGTH = 500;

/** Why a move's reason is refused (too long), or '' when it may be used. */
export function reasonLengthProblem(reason: string): string {
  const length = reason.trim().length;
  return length > MAX_REASON_LENGTH ? `理由最多 ${MAX_REASON_LENGTH} 个字，现在 ${length} 个字` : '';
}
