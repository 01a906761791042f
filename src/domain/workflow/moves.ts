/**
 * Deciding one move of one row (SPEC §4): is it in the table from the row's state, may this user
 * make it on this row, and does its guard hold. A refusal says why and which moves are allowed
 * from the row's state. Pure: the caller supplies the facts and applies the effects.
 */
import { addDays, type CalendarDate } from '../calendar-date';
import type { Verdict } from '../nomination/rules';
import { describeRoles, mayAct, noRoleMessage, type Role } from './roles';
import { movesFrom, STATES, type Actor, type State, type Transition } from './states';

/** What the decision needs to know about the row. */
export interface RowFacts {
  /** The 状态 cell as typed ('' for blank). */
  stateText: string;
  state: State | null;
  /** The row's county as the preset names it, or '' when 县（市、区） is blank or names none. */
  county: string;
  /** 县（市、区） as typed, for messages. */
  countyText?: string;
  cityDirect: boolean;
  /** The verdict as of the move's date, computed only if a guard needs it. */
  eligibility(): { verdict: Verdict; explanation: string };
  /** 公示截止 of the row, or 'invalid' when it is there but not a date. */
  publicityEnd?: CalendarDate | 'invalid';
  /** TERM_END of 认定日期, or 'invalid'. */
  termEnd?: CalendarDate | 'invalid';
}

/** What is asked. */
export interface MoveRequest {
  to: State;
  /** 'person' for a user's action (roles apply), 'dailyJob' for the time-driven job. */
  by: 'person' | 'dailyJob';
  roles: readonly Role[];
  email: string;
  /** The email is in 权限, but only on rows whose 角色 is blank or unknown. */
  listedWithoutRole?: boolean;
  reason: string;
  start?: CalendarDate;
  /** Disqualification item 1–6 read from the reason, when it names one. */
  disqualificationItem?: number | null;
  today: CalendarDate;
}

/** The decision: the move to make, or why not. */
export type MoveDecision = { ok: true; move: Transition } | { ok: false; message: string };

const ACTOR_SHORT_NAMES: Record<Actor, string> = { county: '县级', city: '市级', dailyJob: '每日定时任务' };

/** The moves allowed from a state, as the refusal message lists them. */
export function allowedMovesText(state: State, cityDirect: boolean): string {
  const moves = movesFrom(state, cityDirect);
  if (moves.length === 0) return `“${state}”是最终状态，不能再改`;
  return `从“${state}”可以改为：${moves.map((move) => `${move.to}（${ACTOR_SHORT_NAMES[move.actor]}）`).join('、')}`;
}

/** Decides one move of one row. */
export function decideMove(row: RowFacts, request: MoveRequest): MoveDecision {
  const refuse = (message: string): MoveDecision => ({ ok: false, message });
  if (request.by === 'person' && request.roles.length === 0) return refuse(noRoleMessage(request.email, request.listedWithoutRole === true));
  if (!row.state) return refuse(`状态“${row.stateText}”无法识别，应为：${STATES.join('、')}`);
  const state = row.state;
  const move = movesFrom(state, row.cityDirect).find((candidate) => candidate.to === request.to);
  if (!move) return refuse(`不能从“${state}”改为“${request.to}”；${allowedMovesText(state, row.cityDirect)}`);
  if (request.by === 'person') {
    if (move.actor === 'dailyJob') return refuse(`“${move.to}”由每日定时任务在任期届满后自动设置`);
    if (!mayAct(request.roles, move.actor, row.county)) {
      if (move.actor === 'county' && row.county === '') {
        const typed = row.countyText ? `“${row.countyText}”不是本方案的县（市、区）` : '未填写';
        return refuse(`该行的县（市、区）${typed}，不属于任何县，任何县级账号都不能操作；请先更正县（市、区）`);
      }
      const who = move.actor === 'city' ? '市级账号' : `该行所在县（${row.county}）的账号`;
      return refuse(`“${state}→${move.to}”须由${who}操作，你的角色是：${describeRoles(request.roles)}`);
    }
  } else if (move.actor !== 'dailyJob') {
    return refuse(`每日定时任务不能把状态改为“${move.to}”`);
  }
  const problem = guardProblem(move, row, request);
  return problem ? refuse(problem) : { ok: true, move };
}

function guardProblem(move: Transition, row: RowFacts, request: MoveRequest): string | undefined {
  switch (move.guard) {
    case undefined:
      return undefined;
    case 'eligible': {
      const { verdict, explanation } = row.eligibility();
      return verdict === '符合' ? undefined : `资格审查（按 ${request.today}）为“${verdict}”：${explanation}`;
    }
    case 'reason':
      return request.reason.trim() === '' ? `改为“${move.to}”须填写理由` : undefined;
    case 'publicityStart':
      return request.start ? undefined : '开始公示须给出公示开始日期';
    case 'publicityOver':
      if (!row.publicityEnd) return '该行没有公示截止日期，无法认定';
      if (row.publicityEnd === 'invalid') return '该行的公示截止日期无法识别，无法认定';
      return request.today > row.publicityEnd
        ? undefined
        : `公示截止日为 ${row.publicityEnd}，须在其后（${addDays(row.publicityEnd, 1)} 起）才能认定`;
    case 'disqualification':
      return request.disqualificationItem ? undefined : '取消资格须注明方案六（四）1–6 中的哪一项（如“5”或“六（四）5”）';
    case 'termOver':
      if (!row.termEnd || row.termEnd === 'invalid') return '该行没有有效的认定日期';
      return request.today > row.termEnd ? undefined : `任期至 ${row.termEnd}，尚未届满`;
  }
}
