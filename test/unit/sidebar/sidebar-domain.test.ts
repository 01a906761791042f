/**
 * The sidebar's pure rules: the moves a role may make from a state (from the workflow table, with
 * what must be typed and why one is blocked), a row's view without personal numbers, the selection
 * key, the 统计 bars, who may take which action, and the 设置 checks, help and masking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchHeaders } from '../../../src/domain/nomination/headers';
import { buildRowView, privateText } from '../../../src/domain/sidebar/row-view';
import { moveChoices } from '../../../src/domain/sidebar/moves';
import { bar, countBy, targetBars } from '../../../src/domain/sidebar/panels';
import { mayDo, refusal } from '../../../src/domain/sidebar/permissions';
import { selectionKey } from '../../../src/domain/sidebar/selection-key';
import { isSettingKey, settingHelp, settingProblem, shownSettingValue } from '../../../src/domain/sidebar/settings';
import { ADDON_VERSION } from '../../../src/domain/sidebar/version';
import type { RowFacts } from '../../../src/domain/workflow/moves';
import type { Role } from '../../../src/domain/workflow/roles';
import { TRANSITIONS, type State } from '../../../src/domain/workflow/states';
import { VALID_FAMOUS, preset, reviewDate, sheetOf } from '../nomination/fixtures';

const CITY: Role[] = [{ kind: 'city' }];
const HONGTA: Role[] = [{ kind: 'county', county: '红塔区' }];
const SCHOOL: Role[] = [{ kind: 'school', school: '一中' }];

function facts(state: State, changes: Partial<RowFacts> = {}): RowFacts {
  return { stateText: state, state, county: '红塔区', cityDirect: false, eligibility: () => ({ verdict: '符合', explanation: '' }), ...changes };
}

const asker = (roles: Role[]) => ({ email: 'a@yuxi.cn', roles, today: '2024-09-12' });

test('moves come from TRANSITIONS for the role: county from 学校推荐, city after, none for a school or nobody', () => {
  expect(moveChoices(facts('学校推荐'), asker(HONGTA)).map((move) => move.to)).toEqual(['初审通过', '初审未通过']);
  expect(moveChoices(facts('学校推荐'), asker(CITY))).toEqual([]);
  expect(moveChoices(facts('学校推荐', { county: '江川区' }), asker(HONGTA))).toEqual([]);
  expect(moveChoices(facts('学校推荐', { county: '市直学校', cityDirect: true }), asker(CITY)).map((move) => move.to)).toEqual(['评审通过', '评审未通过']);
  expect(moveChoices(facts('初审通过'), asker(SCHOOL))).toEqual([]);
  expect(moveChoices(facts('初审通过'), asker([]))).toEqual([]);
  // Every city move of the table is offered from its state (the daily job's never).
  for (const move of TRANSITIONS.filter((each) => each.actor === 'city' && !each.cityDirectOnly)) {
    expect(moveChoices(facts(move.from), asker(CITY)).map((choice) => choice.to)).toContain(move.to);
  }
  expect(moveChoices(facts('已认定'), asker(CITY)).map((move) => move.to)).toEqual(['已取消']);
});

test('what each move needs typed, and why one is blocked today', () => {
  const [pass, fail] = moveChoices(facts('学校推荐', { eligibility: () => ({ verdict: '不符合', explanation: '年限不足' }) }), asker(HONGTA));
  expect(pass).toEqual({ to: '初审通过', label: '初审通过', needsReason: false, reasonHint: '', needsStart: false, blockedBy: '资格审查（按 2024-09-12）为“不符合”：年限不足' });
  expect(fail).toEqual({ to: '初审未通过', label: '初审不通过', needsReason: true, reasonHint: '理由（必填）', needsStart: false });
  expect(moveChoices(facts('评审通过'), asker(CITY))).toEqual([{ to: '公示中', label: '开始公示', needsReason: false, reasonHint: '', needsStart: true }]);
  const award = moveChoices(facts('公示中', { publicityEnd: '2024-09-12' }), asker(CITY)).find((move) => move.to === '已认定');
  expect(award?.blockedBy).toBe('公示截止日为 2024-09-12，须在其后（2024-09-13 起）才能认定');
  expect(moveChoices(facts('公示中', { publicityEnd: '2024-09-11' }), asker(CITY)).find((move) => move.to === '已认定')?.blockedBy).toBeUndefined();
  expect(moveChoices(facts('已认定'), asker(CITY))[0]).toMatchObject({ needsReason: true, reasonHint: expect.stringContaining('六（四）1–6') });
});

test('a row view quotes no 身份证号 or 联系电话, even when a finding would', () => {
  const id = '530402198001011230'; // wrong check digit: the idNumber rule quotes it
  const phone = '13912345678';
  // Typed into the wrong columns, the numbers are quoted by the findings of those columns' rules.
  const { headers, row } = sheetOf(VALID_FAMOUS, { 身份证号: id, 联系电话: phone, 获奖级别: phone, 荣誉级别: id });
  const match = matchHeaders(headers);
  const view = buildRowView(2, row, { sheetName: '推荐名单', headers: match, today: reviewDate, reviewDate, preset, email: 'ht@yuxi.cn', roles: HONGTA });
  expect(view.findings.length).toBeGreaterThan(0);
  expect(view.findings.map((finding) => finding.message).join('')).toContain('＊＊＊');
  const text = JSON.stringify(view);
  expect(text).not.toContain(id);
  expect(text).not.toContain(phone);
  expect(text).not.toMatch(/\d{11}/);
  expect(privateText(`身份证 ${id.slice(0, 8)}-${id.slice(8)}`, [id])).not.toContain(id.slice(8));
});

test('the selection key changes with any part and only then', () => {
  const key = selectionKey(['推荐名单', [2, 3], ['甲', '学校推荐']]);
  expect(selectionKey(['推荐名单', [2, 3], ['甲', '学校推荐']])).toBe(key);
  expect(selectionKey(['推荐名单', [2], ['甲', '学校推荐']])).not.toBe(key);
  expect(selectionKey(['推荐名单', [2, 3], ['甲', '初审通过']])).not.toBe(key);
  expect(selectionKey(['第二批', [2, 3], ['甲', '学校推荐']])).not.toBe(key);
  expect(key).toMatch(/^[0-9a-f]{16}$/);
});

test('统计 bars: the year against 180, every county against 100, studios per stage; counts keep their order', () => {
  const bars = targetBars({ level: '市级', ownCounty: '', byYear: [{ year: 2024, awarded: 180, target: 180 }], byCountyByYear: [{ year: 2024, county: '红塔区', awarded: 12 }], studiosByStage: [{ stage: '小学', studios: 3, target: 3 }, { stage: '高中', studios: 1, target: 3 }] }, 2024, preset);
  expect(bars.city).toEqual({ label: '2024年认定', value: 180, target: 180, status: '达标' });
  expect(bars.counties).toHaveLength(preset.counties.length);
  expect(bars.counties[0]).toEqual({ label: '红塔区（2024年）', value: 12, target: 100, status: '未达标' });
  expect(bars.studios.map((each) => each.status)).toEqual(['达标', '未达标']);
  expect(bar('县级工作室', 2, null).status).toBe('');
  expect(countBy(['符合', '', '不符合', '符合'], ['符合', '不符合', '待核实'], '未审查')).toEqual([{ label: '符合', count: 2 }, { label: '不符合', count: 1 }, { label: '待核实', count: 0 }, { label: '未审查', count: 1 }]);
});

test('who may do what: publicity list and settings the city, reminders city or county; nobody without a role', () => {
  expect([mayDo(CITY, 'publicityList'), mayDo(HONGTA, 'publicityList'), mayDo(SCHOOL, 'publicityList'), mayDo([], 'publicityList')]).toEqual([true, false, false, false]);
  expect([mayDo(CITY, 'saveSetting'), mayDo(HONGTA, 'saveSetting')]).toEqual([true, false]);
  expect([mayDo(CITY, 'reminders'), mayDo(HONGTA, 'reminders'), mayDo(SCHOOL, 'reminders'), mayDo([], 'reminders')]).toEqual([true, true, false, false]);
  expect(refusal('x@yuxi.cn', HONGTA, 'saveSetting')).toBe('邮箱“x@yuxi.cn”的角色是红塔区，只有市级可以修改设置（本次没有做任何修改）');
  expect(refusal('x@yuxi.cn', CITY, 'saveSetting')).toBe('');
});

test('设置: help from the initial rows, values checked by the add-on readers, the mail password masked', () => {
  const help = settingHelp(preset);
  expect(help.get('提醒间隔')?.help).toMatch(/工作日/);
  expect(isSettingKey('提醒间隔')).toBe(true);
  expect(isSettingKey('随便')).toBe(false);
  expect(settingProblem('评审基准日', '2025-13-01', preset)).toMatch(/不是日期/);
  expect(settingProblem('评审基准日', '2025-09-01', preset)).toBe('');
  expect(settingProblem('证书编号格式', '玉教班{seq}', preset)).toMatch(/\{year\}/);
  expect(settingProblem('评选级别', '省级', preset)).not.toBe('');
  expect(settingProblem('评选级别', '县级', preset)).toBe('');
  expect(settingProblem('每日文档上限', '0', preset)).toBe('应为正整数');
  expect(settingProblem('提醒间隔', 'abc', preset)).not.toBe('');
  expect(settingProblem('第一学期开始', '13-40', preset)).not.toBe('');
  expect(settingProblem('邮件服务器', 'http://x', preset)).not.toBe('');
  expect(settingProblem('邮件服务器', '', preset)).toBe('');
  expect(shownSettingValue('邮件服务器', 'smtp://user:p%40ss@smtp.example.com:587')).toBe('smtp://***@smtp.example.com:587');
  expect(shownSettingValue('邮件服务器', 'smtp://smtp.example.com:25')).toBe('smtp://smtp.example.com:25');
  expect(shownSettingValue('证书模板', 'a:b@c')).toBe('a:b@c');
});

test('the version shown is package.json\'s', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  expect(ADDON_VERSION).toBe(pkg.version);
});
