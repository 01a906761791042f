/**
 * The workflow domain on its own: the move table, roles, guards and their messages, certificate
 * numbers and the publicity period text.
 */
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { allowedMovesText, decideMove, type MoveRequest, type RowFacts } from '../../../src/domain/workflow/moves';
import { certificateSequence, formatCertificateNumber, publicityPeriodText } from '../../../src/domain/workflow/records';
import { mayAct, readPermissions, rolesOf } from '../../../src/domain/workflow/roles';
import { movesFrom, readState, STATES, TRANSITIONS } from '../../../src/domain/workflow/states';

const facts = (changes: Partial<RowFacts> = {}): RowFacts => ({
  stateText: '',
  state: '学校推荐',
  county: '红塔区',
  cityDirect: false,
  eligibility: () => ({ verdict: '符合', explanation: '' }),
  ...changes,
});
const request = (changes: Partial<MoveRequest> = {}): MoveRequest => ({
  to: '初审通过',
  by: 'person',
  roles: [{ kind: 'county', county: '红塔区' }],
  email: 'ht@yuxi.cn',
  reason: '',
  today: '2024-09-02',
  ...changes,
});

describe('states and moves', () => {
  test('every move connects known states, and every state but the final ones has a way on', () => {
    for (const move of TRANSITIONS) {
      expect(STATES).toContain(move.from);
      expect(STATES).toContain(move.to);
    }
    expect(movesFrom('已取消', false)).toEqual([]);
    expect(movesFrom('任期届满', false)).toEqual([]);
    expect(movesFrom('初审未通过', false)).toEqual([]);
  });

  test('a blank 状态 is 学校推荐; an unknown one is not guessed', () => {
    expect(readState('')).toBe('学校推荐');
    expect(readState(' 公示中 ')).toBe('公示中');
    expect(readState('通过')).toBeNull();
  });

  test('市直学校 rows skip the county; other rows cannot', () => {
    expect(movesFrom('学校推荐', true).map((move) => move.to)).toEqual(['评审通过', '评审未通过']);
    expect(movesFrom('学校推荐', false).map((move) => move.to)).toEqual(['初审通过', '初审未通过']);
    expect(allowedMovesText('学校推荐', false)).toBe('从“学校推荐”可以改为：初审通过（县级）、初审未通过（县级）');
  });
});

describe('decideMove', () => {
  test('allows a county move on its own eligible row', () => {
    expect(decideMove(facts(), request())).toMatchObject({ ok: true, move: { to: '初审通过' } });
  });

  test.each([
    [facts(), request({ roles: [] }), '不在“权限”表中'],
    [facts({ county: '江川区' }), request(), '须由该行所在县（江川区）的账号操作'],
    [facts(), request({ roles: [{ kind: 'city' }] }), '须由该行所在县（红塔区）的账号操作，你的角色是：市级'],
    [facts({ eligibility: () => ({ verdict: '待核实', explanation: '四（一）1：政治素质未填写' }) }), request(), '资格审查（按 2024-09-02）为“待核实”：四（一）1：政治素质未填写'],
    [facts({ state: null, stateText: '通过了' }), request(), '状态“通过了”无法识别'],
    [facts({ state: '公示中' }), request({ to: '已认定', roles: [{ kind: 'city' }], today: '2024-10-09' }), '该行没有公示截止日期'],
    [facts({ state: '公示中', publicityEnd: '2024-10-09' }), request({ to: '已认定', roles: [{ kind: 'city' }], today: '2024-10-09' }), '须在其后（2024-10-10 起）'],
    [facts({ state: '已认定' }), request({ to: '已取消', roles: [{ kind: 'city' }] }), '六（四）1–6'],
    [facts({ state: '已认定', termEnd: '2027-10-09' }), request({ to: '任期届满', roles: [{ kind: 'city' }] }), '由每日定时任务'],
    [facts({ state: '已认定', termEnd: '2027-10-09' }), request({ to: '任期届满', by: 'dailyJob', roles: [], today: '2027-10-09' }), '任期至 2027-10-09，尚未届满'],
    [facts({ state: '评审通过' }), request({ to: '公示中', roles: [{ kind: 'city' }] }), '须给出公示开始日期'],
  ])('refuses with a reason (%#)', (row, asked, message) => {
    const decision = decideMove(row, asked);
    expect(decision.ok).toBe(false);
    expect(decision.ok ? '' : decision.message).toContain(message);
  });

  test('the award is allowed the day after 公示截止, and term expiry the day after TERM_END', () => {
    expect(decideMove(facts({ state: '公示中', publicityEnd: '2024-10-09' }), request({ to: '已认定', roles: [{ kind: 'city' }], today: '2024-10-10' })).ok).toBe(true);
    expect(decideMove(facts({ state: '已认定', termEnd: '2027-10-09' }), request({ to: '任期届满', by: 'dailyJob', roles: [], today: '2027-10-10' })).ok).toBe(true);
  });
});

describe('roles', () => {
  test('权限 rows by header, with clear problems for bad rows', () => {
    const permissions = readPermissions(
      [['学校', '角色', '邮箱'], ['', '市级', 'City@Yuxi.cn'], ['', '红塔', 'ht@yuxi.cn'], ['玉溪一中', '学校', 'school@yuxi.cn'], ['', '省级', 'x@yuxi.cn'], ['', '市级', '不是邮箱']],
      preset,
    );
    expect(rolesOf(permissions, 'city@yuxi.cn')).toEqual([{ kind: 'city' }]);
    expect(rolesOf(permissions, 'HT@yuxi.cn')).toEqual([{ kind: 'county', county: '红塔区' }]);
    expect(rolesOf(permissions, 'school@yuxi.cn')).toEqual([{ kind: 'school', school: '玉溪一中' }]);
    expect(rolesOf(permissions, 'x@yuxi.cn')).toEqual([]);
    expect(permissions.problems).toEqual([expect.stringContaining('权限第5行：邮箱“x@yuxi.cn”的角色“省级”无法识别'), expect.stringContaining('权限第6行：邮箱“不是邮箱”无效')]);
    expect(mayAct([{ kind: 'school', school: '玉溪一中' }], 'county', '红塔区')).toBe(false);
  });

  test('a blank, partial or unknown 角色 grants nothing and is reported naming its row', () => {
    const permissions = readPermissions(
      [['邮箱', '角色'], ['blank@yuxi.cn', ''], ['spaces@yuxi.cn', '  '], ['red@yuxi.cn', '红'], ['jiang@yuxi.cn', '江'], ['es@yuxi.cn', '峨山'], ['full@yuxi.cn', '元江哈尼族彝族傣族自治县'], ['direct@yuxi.cn', '市直学校']],
      preset,
    );
    for (const email of ['blank@yuxi.cn', 'spaces@yuxi.cn', 'red@yuxi.cn', 'jiang@yuxi.cn', 'direct@yuxi.cn']) expect(rolesOf(permissions, email)).toEqual([]);
    expect(rolesOf(permissions, 'es@yuxi.cn')).toEqual([{ kind: 'county', county: '峨山彝族自治县' }]);
    expect(rolesOf(permissions, 'full@yuxi.cn')).toEqual([{ kind: 'county', county: '元江哈尼族彝族傣族自治县' }]);
    expect(permissions.problems).toEqual([
      expect.stringMatching(/^权限第2行：邮箱“blank@yuxi.cn”的角色未填写，该邮箱没有任何权限/),
      expect.stringMatching(/^权限第3行：邮箱“spaces@yuxi.cn”的角色未填写/),
      expect.stringMatching(/^权限第4行：邮箱“red@yuxi.cn”的角色“红”无法识别，该邮箱没有任何权限/),
      expect.stringMatching(/^权限第5行：邮箱“jiang@yuxi.cn”的角色“江”无法识别/),
      expect.stringMatching(/^权限第8行：邮箱“direct@yuxi.cn”的角色“市直学校”无法识别/),
    ]);
  });

  test('no county role acts on a row whose county is blank or unknown', () => {
    const hongta = [{ kind: 'county', county: '红塔区' }] as const;
    expect(mayAct(hongta, 'county', '')).toBe(false);
    const blank = decideMove(facts({ county: '', countyText: '' }), request({ to: '初审未通过', reason: '材料不全', roles: [...hongta] }));
    expect(blank).toEqual({ ok: false, message: expect.stringContaining('该行的县（市、区）未填写，不属于任何县') });
    const unknown = decideMove(facts({ county: '', countyText: '红' }), request({ to: '初审未通过', reason: '材料不全', roles: [...hongta] }));
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('该行的县（市、区）“红”不是本方案的县（市、区）') });
  });
});

describe('records', () => {
  test('certificate numbers from the pattern, and back', () => {
    expect(formatCertificateNumber('玉教班〔{year}〕{seq:000}号', 2024, 7)).toBe('玉教班〔2024〕007号');
    expect(formatCertificateNumber('YX-{year}-{seq}', 2025, 1234)).toBe('YX-2025-1234');
    expect(certificateSequence('玉教班〔{year}〕{seq:000}号', 2024, '玉教班〔2024〕012号')).toBe(12);
    expect(certificateSequence('玉教班〔{year}〕{seq:000}号', 2024, '玉教班〔2023〕012号')).toBeNull();
  });


  test('publicity period text', () => {
    expect(publicityPeriodText('2024-09-27', '2024-10-09', 5)).toBe('公示期：2024年9月27日至2024年10月9日（5个工作日）');
  });
});
