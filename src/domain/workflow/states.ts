/**
 * The review workflow of 四（二） as data (SPEC §4): the states a nomination row can be in, and
 * every allowed move with who may make it and what it needs. Code reads these tables; adding a
 * move is a new row here, not a new branch elsewhere.
 */

/** Every state, main line first, then the side states. */
export const STATES = ['学校推荐', '初审通过', '评审通过', '公示中', '已认定', '初审未通过', '评审未通过', '公示有异议', '已取消', '任期届满'] as const;

/** A row's state. */
export type State = (typeof STATES)[number];

/** The state of a row whose 状态 is blank. */
export const INITIAL_STATE: State = '学校推荐';

/** Who may make a move: the row's own county, the city, or the daily job. */
export type Actor = 'county' | 'city' | 'dailyJob';

/**
 * What a move needs: a fresh 符合 verdict, a reason, a publicity start date, a publicity that is
 * over, one of 六（四）1–6, or a term that has ended.
 */
export type Guard = 'eligible' | 'reason' | 'publicityStart' | 'publicityOver' | 'disqualification' | 'termOver';

/** Who makes each kind of move, as messages and help name them. */
export const ACTOR_NAMES: Readonly<Record<Actor, string>> = { county: '该行所在县', city: '市级', dailyJob: '每日定时任务' };

/** What each guard needs, as help and the README say it. */
export const GUARD_TEXTS: Readonly<Record<Guard, string>> = {
  eligible: '按当天重新审查为“符合”',
  reason: '须写理由（--reason）',
  publicityStart: '须给出公示开始日期（--start）；公示截止 = PUBLICITY_END(开始)',
  publicityOver: '当天晚于公示截止；写入认定日期和证书编号',
  disqualification: '理由须注明六（四）1–6 的项号（--reason）',
  termOver: 'TERM_END(认定日期) 已过',
};

/** What a move writes besides 状态 and 最后操作. */
export type Effect = 'publicityPeriod' | 'award';

/** One allowed move. `cityDirectOnly`: only for rows of 市直学校 (which skip the county). */
export interface Transition {
  from: State;
  to: State;
  actor: Actor;
  guard?: Guard;
  effect?: Effect;
  cityDirectOnly?: boolean;
}

/** SPEC §4's table. */
export const TRANSITIONS: readonly Transition[] = [
  { from: '学校推荐', to: '初审通过', actor: 'county', guard: 'eligible' },
  { from: '学校推荐', to: '初审未通过', actor: 'county', guard: 'reason' },
  { from: '初审通过', to: '评审通过', actor: 'city', guard: 'eligible' },
  { from: '初审通过', to: '评审未通过', actor: 'city', guard: 'reason' },
  { from: '学校推荐', to: '评审通过', actor: 'city', guard: 'eligible', cityDirectOnly: true },
  { from: '学校推荐', to: '评审未通过', actor: 'city', guard: 'reason', cityDirectOnly: true },
  { from: '评审通过', to: '公示中', actor: 'city', guard: 'publicityStart', effect: 'publicityPeriod' },
  { from: '公示中', to: '已认定', actor: 'city', guard: 'publicityOver', effect: 'award' },
  { from: '公示中', to: '公示有异议', actor: 'city', guard: 'reason' },
  { from: '公示有异议', to: '评审通过', actor: 'city', guard: 'reason' },
  { from: '公示有异议', to: '评审未通过', actor: 'city', guard: 'reason' },
  { from: '已认定', to: '已取消', actor: 'city', guard: 'disqualification' },
  { from: '已认定', to: '任期届满', actor: 'dailyJob', guard: 'termOver' },
];

/** Reads a 状态 cell: blank is 学校推荐; an unknown text is null. */
export function readState(cell: unknown): State | null {
  const text = typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
  if (text === '') return INITIAL_STATE;
  return (STATES as readonly string[]).includes(text) ? (text as State) : null;
}

/** Whether a text names a state. */
export function isState(text: string): text is State {
  return (STATES as readonly string[]).includes(text);
}

/** The moves allowed from a state for a row (市直学校 or not). */
export function movesFrom(state: State, cityDirect: boolean): Transition[] {
  return TRANSITIONS.filter((move) => move.from === state && (!move.cityDirectOnly || cityDirect) && !(move.actor === 'county' && cityDirect));
}
