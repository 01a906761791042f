/**
 * Why a row offers a user nothing to do (RowView.noMovesReason): a terminal state, a row of another
 * county, a 学校推荐 row the city must wait on, a county user on a city step, no role, an unreadable
 * state, and every move blocked today; absent whenever some move may go.
 */
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { moveChoices, noMovesReason } from '../../../src/domain/sidebar/moves';
import { buildRowView } from '../../../src/domain/sidebar/row-view';
import type { RowFacts } from '../../../src/domain/workflow/moves';
import type { Role } from '../../../src/domain/workflow/roles';
import { readState, type State } from '../../../src/domain/workflow/states';
import { VALID_FAMOUS, preset, reviewDate, sheetOf } from '../nomination/fixtures';

const CITY: Role[] = [{ kind: 'city' }];
const HONGTA: Role[] = [{ kind: 'county', county: '红塔区' }];
const TONGHAI: Role[] = [{ kind: 'county', county: '通海县' }];

function facts(state: string, changes: Partial<RowFacts> = {}): RowFacts {
  return { stateText: state, state: readState(state), county: '红塔区', cityDirect: false, eligibility: () => ({ verdict: '符合', explanation: '' }), ...changes };
}

function why(rowFacts: RowFacts, roles: Role[], email = 'a@yuxi.cn'): string | undefined {
  const asker = { email, roles, today: '2024-09-12' };
  return noMovesReason(rowFacts, asker, moveChoices(rowFacts, asker));
}

test('a move that may go: no reason', () => {
  expect(why(facts('学校推荐'), HONGTA)).toBeUndefined();
  expect(why(facts('初审通过'), CITY)).toBeUndefined();
  expect(why(facts('已认定'), CITY)).toBeUndefined();
});

test('terminal states say so, for anyone', () => {
  for (const state of ['评审未通过', '初审未通过', '已取消', '任期届满'] as State[]) {
    expect(why(facts(state), CITY)).toBe(`“${state}”是终止状态，没有可执行的操作`);
    expect(why(facts(state), HONGTA)).toBe(`“${state}”是终止状态，没有可执行的操作`);
  }
});

test('another county, the city on a 学校推荐 row, a county on a city step', () => {
  expect(why(facts('学校推荐'), TONGHAI)).toBe('须由该行所在县（红塔区）的账号操作；您的角色是：通海县');
  expect(why(facts('学校推荐'), CITY)).toBe('“学校推荐”的行须先由县级（红塔区）初审');
  expect(why(facts('初审通过'), HONGTA)).toBe('须由市级账号操作；您的角色是：红塔区');
  expect(why(facts('已认定'), HONGTA)).toBe('须由市级账号操作；您的角色是：红塔区');
  expect(why(facts('学校推荐', { county: '', countyText: '红塔' }), HONGTA)).toBe('该行的县（市、区）“红塔”不是本方案的县（市、区），任何县级账号都不能操作；请先更正县（市、区）');
  expect(why(facts('学校推荐'), [{ kind: 'school', school: '一中' }])).toBe('须由该行所在县（红塔区）的账号操作；您的角色是：学校（一中）');
});

test('no role, no email, an unreadable state', () => {
  expect(why(facts('初审通过'), [])).toBe('您的邮箱“a@yuxi.cn”在“权限”表中没有可用的角色：只能查看');
  expect(why(facts('初审通过'), [], '')).toBe('Google 没有提供您的账号邮箱，无法按“权限”表核对身份：只能查看');
  expect(why(facts('待定'), CITY)).toMatch(/^状态“待定”无法识别，没有可执行的操作/);
});

test('every move blocked today: the blocks, once each', () => {
  expect(why(facts('公示中', { publicityEnd: '2024-09-12' }), CITY)).toBeUndefined(); // 公示有异议 may still go
  const notEligible = facts('初审通过', { eligibility: () => ({ verdict: '不符合', explanation: '年限不足' }) });
  expect(why(notEligible, CITY)).toBeUndefined(); // 评审不通过 needs only a reason
  const asker = { email: 'a@yuxi.cn', roles: CITY, today: '2024-09-12' };
  const blocked = [
    { to: '已认定', label: '认定', needsReason: false, reasonHint: '', needsStart: false, blockedBy: '公示截止日为 2024-09-12' },
    { to: '已认定', label: '认定', needsReason: false, reasonHint: '', needsStart: false, blockedBy: '公示截止日为 2024-09-12' },
  ];
  expect(noMovesReason(facts('公示中'), asker, blocked)).toBe('今天没有可执行的操作：公示截止日为 2024-09-12');
});

test('the row view carries the reason only when nothing may go', () => {
  const { headers, row } = sheetOf(VALID_FAMOUS, { 状态: '评审未通过' });
  const context = { sheetName: '推荐名单', headers: matchHeaders(headers), today: reviewDate, reviewDate, preset, email: 'ht@yuxi.cn', roles: HONGTA };
  expect(buildRowView(2, row, context)).toMatchObject({ moves: [], noMovesReason: '“评审未通过”是终止状态，没有可执行的操作' });
  const open = sheetOf(VALID_FAMOUS, {});
  expect(buildRowView(2, open.row, { ...context, headers: matchHeaders(open.headers) })).not.toHaveProperty('noMovesReason');
});
