/**
 * The moves the sidebar offers a user on one row: every move of the workflow table (TRANSITIONS)
 * from the row's state that this user's roles may make, with what it needs typed and, when a
 * guard that nothing typed can satisfy fails today (verdict, publicity not over), why. The labels
 * and reason hints are data; the refusal text is decideMove's own. When no move is left (or every
 * one is blocked), noMovesReason says why in words a sidebar user can act on.
 */
import type { CalendarDate } from '../calendar-date';
import { decideMove, type RowFacts } from '../workflow/moves';
import { describeRoles, mayAct, type Role } from '../workflow/roles';
import { movesFrom, STATES, type Guard, type State } from '../workflow/states';
import type { MoveChoice } from './views';

/** The button's text for a move to each state. */
export const MOVE_LABELS: Readonly<Record<State, string>> = {
  学校推荐: '退回学校推荐',
  初审通过: '初审通过',
  初审未通过: '初审不通过',
  评审通过: '评审通过',
  评审未通过: '评审不通过',
  公示中: '开始公示',
  已认定: '认定',
  公示有异议: '记为公示有异议',
  已取消: '取消资格',
  任期届满: '任期届满',
};

/** What the reason field asks for, by the guard of the move ('' when no reason is needed). */
export const REASON_HINTS: Readonly<Record<Guard, string>> = {
  eligible: '',
  reason: '理由（必填）',
  publicityStart: '',
  publicityOver: '',
  disqualification: '须注明方案六（四）1–6 中的哪一项，如“六（四）5：……”',
  termOver: '',
};

/** Guards satisfied by what the user types: the reason field or the start date. */
const TYPED_GUARDS: ReadonlySet<Guard> = new Set<Guard>(['reason', 'disqualification', 'publicityStart']);

/** Who is asking, as 权限 says. */
export interface MoveAsker {
  email: string;
  roles: readonly Role[];
  today: CalendarDate;
}

/** The moves this user may make on the row, in the table's order; none for a row whose state cannot be read. */
export function moveChoices(facts: RowFacts, asker: MoveAsker): MoveChoice[] {
  if (!facts.state) return [];
  return movesFrom(facts.state, facts.cityDirect)
    .filter((move) => move.actor !== 'dailyJob' && mayAct(asker.roles, move.actor, facts.county))
    .map((move) => {
      const needsReason = move.guard === 'reason' || move.guard === 'disqualification';
      const needsStart = move.guard === 'publicityStart';
      const choice: MoveChoice = { to: move.to, label: MOVE_LABELS[move.to], needsReason, reasonHint: move.guard ? REASON_HINTS[move.guard] : '', needsStart };
      if (move.guard && !TYPED_GUARDS.has(move.guard)) {
        const decision = decideMove(facts, { to: move.to, by: 'person', roles: asker.roles, email: asker.email, reason: '', today: asker.today });
        if (!decision.ok) choice.blockedBy = decision.message;
      }
      return choice;
    });
}

/** Why a row offers this user nothing to do (no move, or every move blocked), in Chinese; undefined when some move may go. */
export function noMovesReason(facts: RowFacts, asker: MoveAsker, choices: readonly MoveChoice[]): string | undefined {
  if (choices.some((choice) => choice.blockedBy === undefined)) return undefined;
  if (choices.length > 0) return `今天没有可执行的操作：${[...new Set(choices.map((choice) => choice.blockedBy))].join('；')}`;
  if (!facts.state) return `状态“${facts.stateText}”无法识别，没有可执行的操作；状态应为：${STATES.join('、')}`;
  const state = facts.state;
  const personMoves = movesFrom(state, facts.cityDirect).filter((move) => move.actor !== 'dailyJob');
  if (personMoves.length === 0) {
    return movesFrom(state, facts.cityDirect).length === 0 ? `“${state}”是终止状态，没有可执行的操作` : `“${state}”的行由每日定时任务处理，没有可执行的操作`;
  }
  if (asker.email === '') return 'Google 没有提供您的账号邮箱，无法按“权限”表核对身份：只能查看';
  if (asker.roles.length === 0) return `您的邮箱“${asker.email}”在“权限”表中没有可用的角色：只能查看`;
  const yours = `您的角色是：${describeRoles(asker.roles)}`;
  if (personMoves.some((move) => move.actor === 'county')) {
    if (facts.county === '') {
      const typed = facts.countyText ? `“${facts.countyText}”不是本方案的县（市、区）` : '未填写';
      return `该行的县（市、区）${typed}，任何县级账号都不能操作；请先更正县（市、区）`;
    }
    if (asker.roles.some((role) => role.kind === 'city')) return `“${state}”的行须先由县级（${facts.county}）初审`;
    return `须由该行所在县（${facts.county}）的账号操作；${yours}`;
  }
  return `须由市级账号操作；${yours}`;
}
