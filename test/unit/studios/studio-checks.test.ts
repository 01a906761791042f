/**
 * The studio rules (三（三）, 四（一）10, 一), each both ways: a complete studio of 1+10+30 has no
 * finding; the shape off by one each way, a wrong 所属成员, a person twice or in two studios, a
 * city host who is not an awarded 名班主任 (or ambiguous), mixed 学段/级别, unreadable cells, and
 * the city's studios per 学段 (还差 / 多). Messages name rows and names.
 */
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { STUDIO_RULES, checkStudios, rowList, type NominationPerson, type StudioResult } from '../../../src/domain/studios/studio-checks';
import type { StudioRow } from '../../../src/domain/studios/studio-rows';

type Row = Omit<StudioRow, 'row'>;

/** A complete studio: host, 10 members 成员1…, 3 trainees each; names prefixed so studios never share people. */
function studio(name: string, options: { stage?: string; level?: string; host?: string; prefix?: string } = {}): Row[] {
  const { stage = '小学', level = '市级', host = `${name}主持`, prefix = name } = options;
  const rows: Row[] = [{ studio: name, stage, level, role: '主持人', name: host, memberOf: '' }];
  for (let member = 1; member <= 10; member += 1) {
    rows.push({ studio: name, stage, level, role: '成员', name: `${prefix}成员${member}`, memberOf: '' });
    for (let trainee = 1; trainee <= 3; trainee += 1) {
      rows.push({ studio: name, stage, level, role: '学员', name: `${prefix}学员${member}-${trainee}`, memberOf: `${prefix}成员${member}` });
    }
  }
  return rows;
}

/** Rows numbered from sheet row 2. */
function numbered(rows: Row[]): StudioRow[] {
  return rows.map((row, index) => ({ row: index + 2, ...row }));
}

function awarded(name: string, row = 2, category = '名班主任', state = '已认定'): NominationPerson {
  return { row, name, category, state };
}

function check(rows: Row[], nominations: NominationPerson[] = [awarded('甲主持')]): StudioResult[] {
  return checkStudios(numbered(rows), nominations, preset);
}

function first(results: StudioResult[]): StudioResult {
  return results[0]!;
}

function messagesOf(result: StudioResult, rule: string): string[] {
  return result.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);
}

describe('a complete studio', () => {
  test('1 host + 10 members + 30 trainees, host an awarded 名班主任: ok, counts and host given', () => {
    const result = first(check(studio('甲')));
    expect(result).toEqual({ name: '甲', stage: '小学', level: '市级', host: '甲主持', members: 10, trainees: 30, ok: true, findings: [] });
  });

  test('the shape comes from the preset', () => {
    const small = { ...preset, studioShape: { hosts: 1, members: 2, traineesPerMember: 1 } };
    const rows = numbered([
      { studio: '甲', stage: '小学', level: '县级', role: '主持人', name: 'h', memberOf: '' },
      { studio: '甲', stage: '小学', level: '县级', role: '成员', name: 'm1', memberOf: '' },
      { studio: '甲', stage: '小学', level: '县级', role: '成员', name: 'm2', memberOf: '' },
      { studio: '甲', stage: '小学', level: '县级', role: '学员', name: 't1', memberOf: 'm1' },
      { studio: '甲', stage: '小学', level: '县级', role: '学员', name: 't2', memberOf: 'm2' },
    ]);
    expect(checkStudios(rows, [], small)[0]!.ok).toBe(true);
  });
});

describe('shape (三（三）)', () => {
  test('no host, and two hosts', () => {
    const none = studio('甲').filter((row) => row.role !== '主持人');
    expect(messagesOf(first(check(none)), 'hosts')).toEqual(['主持人应为1人，实有0人，还差1人']);
    const two = [...studio('甲'), { studio: '甲', stage: '小学', level: '市级', role: '主持人', name: '乙主持', memberOf: '' }];
    expect(messagesOf(first(check(two, [awarded('甲主持'), awarded('乙主持', 3)])), 'hosts')).toEqual(['主持人应为1人，实有2人，多1人（第2行 甲主持、第43行 乙主持）']);
    expect(first(check(two)).host).toBe('甲主持、乙主持');
  });

  test('9 members and 11 members', () => {
    const nine = studio('甲').filter((row) => row.name !== '甲成员10' && row.memberOf !== '甲成员10');
    const result = first(check(nine));
    expect(messagesOf(result, 'members')).toEqual(['成员应为10人，实有9人，还差1人']);
    expect(result).toMatchObject({ members: 9, trainees: 27, ok: false });
    const eleven = [...studio('甲'), { studio: '甲', stage: '小学', level: '市级', role: '成员', name: '多出的成员', memberOf: '' }];
    const more = first(check(eleven));
    expect(messagesOf(more, 'members')).toEqual([expect.stringMatching(/^成员应为10人，实有11人，多1人（第3行 甲成员1、.*第43行 多出的成员）$/)]);
    // The extra member has no trainees: named too.
    expect(messagesOf(more, 'trainees')).toEqual(['成员 多出的成员（第43行）的学员应为3人，实有0人，还差3人']);
  });

  test('a member with 2 trainees and one with 4, each named', () => {
    const rows = studio('甲').map((row) => (row.name === '甲学员2-3' ? { ...row, memberOf: '甲成员3' } : row));
    expect(messagesOf(first(check(rows)), 'trainees')).toEqual([
      '成员 甲成员2（第7行）的学员应为3人，实有2人，还差1人（第8行 甲学员2-1、第9行 甲学员2-2）',
      '成员 甲成员3（第11行）的学员应为3人，实有4人，多1人（第10行 甲学员2-3、第12行 甲学员3-1、第13行 甲学员3-2、第14行 甲学员3-3）',
    ]);
  });
});

describe('所属成员', () => {
  test('blank, the host, a trainee, a member of another studio, nobody', () => {
    const rows = [...studio('甲'), ...studio('乙', { stage: '初中' })].map((row) => {
      if (row.name === '甲学员1-1') return { ...row, memberOf: '' };
      if (row.name === '甲学员1-2') return { ...row, memberOf: '甲主持' };
      if (row.name === '甲学员1-3') return { ...row, memberOf: '甲学员2-1' };
      if (row.name === '甲学员2-1') return { ...row, memberOf: '乙成员1' };
      if (row.name === '甲学员2-2') return { ...row, memberOf: '张三' };
      return row;
    });
    expect(messagesOf(first(check(rows, [awarded('甲主持'), awarded('乙主持', 3)])), 'memberOf')).toEqual([
      '第4行 学员 甲学员1-1 的所属成员为空，应填本工作室的一名成员',
      '第5行 学员 甲学员1-2 的所属成员“甲主持”是本工作室的主持人，不是成员',
      '第6行 学员 甲学员1-3 的所属成员“甲学员2-1”是本工作室的学员，不是成员',
      '第8行 学员 甲学员2-1 的所属成员“乙成员1”是工作室“乙”的成员，不是本工作室的成员',
      '第9行 学员 甲学员2-2 的所属成员“张三”不是本工作室的成员',
    ]);
  });

  test('spaces inside a name do not matter (李 华 is 李华)', () => {
    const rows = studio('甲').map((row) => (row.memberOf === '甲成员1' ? { ...row, memberOf: '甲 成员1' } : row));
    expect(first(check(rows)).findings).toEqual([]);
  });
});

describe('nobody twice', () => {
  test('a person in two studios: both studios say so, naming the rows', () => {
    const rows = [...studio('甲'), ...studio('乙')].map((row) => (row.name === '乙学员5-1' ? { ...row, name: '甲学员1-1' } : row));
    const [a, b] = check(rows, [awarded('甲主持'), awarded('乙主持', 3)]);
    expect(messagesOf(a!, 'duplicatePerson')).toEqual(['甲学员1-1（第4行）同时在工作室“乙”（第61行）']);
    expect(messagesOf(b!, 'duplicatePerson')).toEqual(['甲学员1-1（第61行）同时在工作室“甲”（第4行）']);
  });

  test('a host of 300 studios: each finding names five other studios and counts the rest', () => {
    const rows: Row[] = Array.from({ length: 300 }, (_, index) => ({ studio: `室${index + 1}`, stage: '小学', level: '县级', role: '主持人', name: '同一人', memberOf: '' }));
    const results = check(rows, []);
    expect(messagesOf(results[0]!, 'duplicatePerson')).toEqual(['同一人（第2行）同时在工作室“室2”（第3行）、“室3”（第4行）、“室4”（第5行）、“室5”（第6行）、“室6”（第7行）等共299个工作室']);
    expect(Math.max(...results.flatMap((result) => result.findings.map((finding) => finding.message.length)))).toBeLessThan(200);
  });

  test('a person twice in one studio', () => {
    const rows = studio('甲').map((row) => (row.name === '甲学员3-3' ? { ...row, name: '甲学员1-1' } : row));
    expect(messagesOf(first(check(rows)), 'duplicatePerson')).toEqual(['甲学员1-1 在本工作室出现2次（第4、14行）']);
  });
});

describe('the host of a city studio (四（一）10)', () => {
  test('not in the nomination sheet', () => {
    expect(messagesOf(first(check(studio('甲'), [])), 'hostTitle')).toEqual(['主持人 甲主持（第2行）不在推荐名单中；市级工作室的主持人须为已认定的名班主任（四（一）10）']);
  });

  test('only a 骨干班主任, or a 名班主任 not yet 已认定: says which', () => {
    const nominations = [awarded('甲主持', 5, '骨干班主任'), awarded('甲主持', 9, '名班主任', '公示中')];
    expect(messagesOf(first(check(studio('甲'), nominations)), 'hostTitle')).toEqual([
      '主持人 甲主持（第2行）：市级工作室的主持人须为已认定的名班主任（四（一）10），推荐名单中第5行为骨干班主任、已认定；第9行为名班主任、公示中',
    ]);
  });

  test('任期届满 is not 已认定', () => {
    expect(first(check(studio('甲'), [awarded('甲主持', 4, '名班主任', '任期届满')])).ok).toBe(false);
  });

  test('two awarded 名班主任 of the same name: ambiguous', () => {
    expect(messagesOf(first(check(studio('甲'), [awarded('甲主持', 3), awarded('甲主持', 8)])), 'hostTitle')).toEqual([
      '主持人 甲主持（第2行）：推荐名单中有2行同名的已认定名班主任（第3、8行），无法确定是哪一位，请核实',
    ]);
  });

  test('one awarded 名班主任 beside other rows of the same name: ok', () => {
    expect(first(check(studio('甲'), [awarded('甲主持', 3, '骨干班主任', '已取消'), awarded('甲主持', 8)])).ok).toBe(true);
  });

  test('a county studio host needs no city title', () => {
    expect(first(check(studio('甲', { level: '县级' }), [])).ok).toBe(true);
  });

  test('no nomination sheet: says so', () => {
    const result = first(checkStudios(numbered(studio('甲')), { unavailable: '找不到工作表“推荐名单”' }, preset));
    expect(messagesOf(result, 'hostTitle')).toEqual(['主持人 甲主持（第2行）：找不到工作表“推荐名单”，无法核对市级工作室的主持人须为已认定的名班主任（四（一）10）']);
  });
});

describe('one 学段 and one 级别, readable cells', () => {
  test('mixed 学段 and 级别 name the rows of each value; the studio takes the value most rows give', () => {
    const rows = studio('甲').map((row, index) => (index === 40 ? { ...row, stage: '初中' } : index === 1 ? { ...row, level: '县级' } : row));
    const result = first(check(rows));
    expect(messagesOf(result, 'consistency')).toEqual(['各行的学段不一致：第2–41行为小学，第42行为初中', '各行的级别不一致：第2、4–42行为市级，第3行为县级']);
    expect(result).toMatchObject({ stage: '小学', level: '市级' });
  });

  test('unreadable 角色 and a blank 姓名 are findings naming the row and value; the row counts in no role', () => {
    const rows = studio('甲').map((row) => (row.name === '甲成员1' ? { ...row, role: '组长' } : row.name === '甲学员2-1' ? { ...row, name: '' } : row));
    const result = first(check(rows));
    expect(messagesOf(result, 'unreadable')).toEqual(['工作室第3行：角色“组长”无法识别，应为主持人、成员、学员之一', '工作室第8行：“姓名”为空']);
    expect(result.members).toBe(9);
  });
});

describe('全市 (一)', () => {
  test('fewer and more than the target per stage; rows without a studio name; totals of the city studios', () => {
    const rows = [
      ...studio('甲', { stage: '高职' }),
      ...studio('乙', { stage: '高职' }),
      ...studio('丙', { stage: '小学', level: '县级' }),
      { studio: '', stage: '小学', level: '市级', role: '学员', name: '无名', memberOf: '' },
    ];
    const results = check(rows, [awarded('甲主持'), awarded('乙主持', 3)]);
    const city = results[results.length - 1]!;
    expect(results.map((result) => result.name)).toEqual(['甲', '乙', '丙', '全市']);
    expect(city).toMatchObject({ name: '全市', stage: '', level: '市级', host: '', members: 20, trainees: 60, ok: false });
    expect(city.findings).toEqual([
      { rule: 'cityStages', message: '幼儿园：市级工作室0个，方案要求2个，还差2个' },
      { rule: 'cityStages', message: '小学：市级工作室0个，方案要求3个，还差3个' },
      { rule: 'cityStages', message: '初中：市级工作室0个，方案要求3个，还差3个' },
      { rule: 'cityStages', message: '高中：市级工作室0个，方案要求3个，还差3个' },
      { rule: 'cityStages', message: '中职：市级工作室0个，方案要求3个，还差3个' },
      { rule: 'cityStages', message: '高职：市级工作室2个，方案要求1个，多1个' },
      { rule: 'unreadable', message: '工作室第125行：“工作室名称”为空（姓名“无名”），该行不属于任何工作室' },
    ]);
  });

  test("a county's own workbook (评选级别 县级) is not measured against the city's studios per stage", () => {
    const rows = [...studio('甲', { stage: '小学', level: '县级' })];
    const results = checkStudios(numbered(rows), [], preset, { countyWorkbook: true });
    expect(results[results.length - 1]).toMatchObject({ name: '全市', ok: true, findings: [] });
    expect(checkStudios(numbered(rows), [], preset)[1]!.findings.map((finding) => finding.rule)).toContain('cityStages');
  });

  test('ok when every stage matches its target', () => {
    const counts: Record<string, number> = { 幼儿园: 2, 小学: 3, 初中: 3, 高中: 3, 中职: 3, 高职: 1 };
    const rows: Row[] = [];
    const nominations: NominationPerson[] = [];
    for (const [stage, count] of Object.entries(counts)) {
      for (let index = 1; index <= count; index += 1) {
        const name = `${stage}${index}`;
        rows.push(...studio(name, { stage }));
        nominations.push(awarded(`${name}主持`, nominations.length + 2));
      }
    }
    const results = check(rows, nominations);
    expect(results).toHaveLength(16);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results[15]).toMatchObject({ name: '全市', members: 150, trainees: 450, findings: [] });
  });
});

test('every rule has a stable id and a text', () => {
  expect(STUDIO_RULES.map((rule) => rule.id)).toEqual(['unreadable', 'consistency', 'hosts', 'members', 'trainees', 'memberOf', 'duplicatePerson', 'hostTitle']);
  expect(rowList([7, 3, 4, 5, 9, 10])).toBe('第3–5、7、9、10行');
});
