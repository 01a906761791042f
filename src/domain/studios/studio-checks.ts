/**
 * The checks of the 工作室 sheet (三（三）, 四（一）10, 一) as a table of rules: each studio — the
 * rows of one trimmed 工作室名称 — gets its shape (主持人, 成员, 学员 per 成员 from the preset), one
 * 学段 and one 级别, a city studio's host found as an awarded 名班主任, nobody twice, every 学员
 * under a 成员 of the same studio, and readable cells; then one entry 全市 counts the city's studios
 * per 学段 against the preset. Findings are {rule, message} in Chinese naming rows and names.
 */
import { CATEGORIES, foldSpelling, spellingMap } from '../nomination/fields';
import type { HeaderMatch } from '../nomination/headers';
import type { Preset } from '../presets';
import { readState } from '../workflow/states';
import {
  CITY_LEVEL,
  STUDIO_LEVELS,
  cityStudiosByStage,
  groupByStudio,
  studioRowProblems,
  studioStages,
  studioValue,
  type StudioRow,
} from './studio-rows';

/** The ids of the studio rules, stable for --json and tests. */
export type StudioRuleId = 'unreadable' | 'consistency' | 'hosts' | 'members' | 'trainees' | 'memberOf' | 'duplicatePerson' | 'hostTitle' | 'cityStages' | 'sheet';

/** How many other studios a duplicated person's finding names before counting the rest. */
const OTHER_STUDIOS_NAMED = 5;

/** One defect of a studio. */
export interface StudioFinding {
  rule: StudioRuleId;
  message: string;
}

/** One studio's outcome, as `banzhuren studios --json` prints it. */
export interface StudioResult {
  name: string;
  stage: string;
  level: string;
  /** The host's name ('' when none; several joined by 、). */
  host: string;
  members: number;
  trainees: number;
  ok: boolean;
  findings: StudioFinding[];
}

/** One row of the nomination sheet, as far as the host check needs it (state '' reads as 学校推荐). */
export interface NominationPerson {
  row: number;
  name: string;
  category: string;
  state: string;
}

/**
 * The rows of a nomination sheet as the host check needs them (read once, header row at
 * `headerRow`, 1-based): 姓名 trimmed, 申报类别 in its canonical word where readable (市级名班主任 →
 * 名班主任), 状态 as the workflow reads it (blank is 学校推荐) or as typed. Rows without a 姓名 are left out.
 */
export function nominationPeople(cells: readonly (readonly unknown[])[], headerRow: number, headers: HeaderMatch, preset: Preset): NominationPerson[] {
  const categories = spellingMap('category', preset);
  const text = (cell: unknown): string => (cell === null || cell === undefined ? '' : String(cell).trim());
  const people: NominationPerson[] = [];
  cells.forEach((row, index) => {
    if (index < headerRow) return;
    const name = text(row[headers.columns.name ?? -1]);
    if (name === '') return;
    const category = text(row[headers.columns.category ?? -1]);
    const stateCell = headers.outputs['状态'] === undefined ? '' : row[headers.outputs['状态']];
    people.push({ row: index + 1, name, category: categories.get(foldSpelling(category)) ?? category, state: readState(stateCell) ?? text(stateCell) });
  });
  return people;
}

/** The name of the city-wide entry, listed last. */
export const CITY_ENTRY_NAME = '全市';

/** The category and state a city studio's host must have (四（一）10). */
export const CITY_HOST_REQUIREMENT = { category: CATEGORIES[1], state: '已认定', clause: '四（一）10' } as const;

/** What the rules look at besides one studio's rows. */
export interface StudioCheckContext {
  preset: Preset;
  /** Rows of 推荐名单, or a Chinese reason why they could not be read (no such sheet …). */
  nominations: NominationPerson[] | { unavailable: string };
  /** Every studio row by person (姓名 without spaces), to find a person in two studios. */
  byPerson: ReadonlyMap<string, readonly StudioRow[]>;
  /** Name of the nomination sheet, for messages. */
  nominationSheet: string;
}

/** One studio: its trimmed name and its rows in sheet order. */
export interface Studio {
  name: string;
  rows: readonly StudioRow[];
  level: string;
  stage: string;
}

/** One rule of the table: its id and what it finds in a studio. */
export interface StudioRule {
  id: StudioRuleId;
  /** What the rule asks, in Chinese (help and README). */
  text: string;
  check(studio: Studio, context: StudioCheckContext): string[];
}

/** A person's key: 姓名 with every space removed (李 华 is 李华). */
export function personKey(name: string): string {
  return name.replace(/\s+/gu, '');
}

/** Row numbers as a person reads them: 第3、5–7行. */
export function rowList(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] as number) + 1) end += 1;
    parts.push(end > index + 1 ? `${sorted[index]}–${sorted[end]}` : end === index + 1 ? `${sorted[index]}、${sorted[end]}` : `${sorted[index]}`);
    index = end + 1;
  }
  return `第${parts.join('、')}行`;
}

function rowsOfRole(studio: Studio, role: string): StudioRow[] {
  return studio.rows.filter((row) => row.role === role);
}

function people(rows: readonly StudioRow[]): string {
  return rows.map((row) => `${rowList([row.row])} ${row.name || '（姓名为空）'}`).join('、');
}

/** "应为N人，实有M人" with 还差/多 and the rows when there are too many. */
function countMessage(what: string, expected: number, rows: readonly StudioRow[]): string | null {
  if (rows.length === expected) return null;
  const gap = rows.length < expected ? `还差${expected - rows.length}人` : `多${rows.length - expected}人`;
  // Too many: the rows are named (up to 20), so the one to remove can be found.
  const named = rows.length > expected && rows.length <= 20 ? `（${people(rows)}）` : '';
  return `${what}应为${expected}人，实有${rows.length}人，${gap}${named}`;
}

/** How a value of one column spreads over a studio's rows: "第2–20行为小学，第21行为初中". */
function spread(rows: readonly StudioRow[], pick: (row: StudioRow) => string, allowed: readonly string[]): string | null {
  const byValue = new Map<string, number[]>();
  for (const row of rows) {
    const value = pick(row);
    if (!allowed.includes(value)) continue;
    const numbers = byValue.get(value) ?? [];
    numbers.push(row.row);
    byValue.set(value, numbers);
  }
  if (byValue.size <= 1) return null;
  return [...byValue].map(([value, numbers]) => `${rowList(numbers)}为${value}`).join('，');
}

/** The rules, in the order their findings are listed. */
export const STUDIO_RULES: readonly StudioRule[] = [
  {
    id: 'unreadable',
    text: '工作室名称、姓名不能为空；学段、级别（市级/县级）、角色（主持人/成员/学员）须可识别',
    check: (studio, context) => studio.rows.flatMap((row) => studioRowProblems(row, context.preset).map((problem) => problem.message)),
  },
  {
    id: 'consistency',
    text: '同一工作室各行的学段、级别须一致',
    check: (studio, context) =>
      [
        ['学段', spread(studio.rows, (row) => row.stage, studioStages(context.preset))],
        ['级别', spread(studio.rows, (row) => row.level, STUDIO_LEVELS)],
      ]
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .map(([column, text]) => `各行的${column}不一致：${text}`),
  },
  {
    id: 'hosts',
    text: '主持人人数须符合方案（三（三））',
    check: (studio, context) => [countMessage('主持人', context.preset.studioShape.hosts, rowsOfRole(studio, '主持人'))].filter((text): text is string => text !== null),
  },
  {
    id: 'members',
    text: '成员人数须符合方案（三（三））',
    check: (studio, context) => [countMessage('成员', context.preset.studioShape.members, rowsOfRole(studio, '成员'))].filter((text): text is string => text !== null),
  },
  {
    id: 'trainees',
    text: '每名成员带的学员人数须符合方案（三（三））',
    check: (studio, context) => {
      const expected = context.preset.studioShape.traineesPerMember;
      const trainees = rowsOfRole(studio, '学员');
      return rowsOfRole(studio, '成员')
        .filter((member) => member.name !== '')
        .flatMap((member) => {
          const own = trainees.filter((trainee) => personKey(trainee.memberOf) === personKey(member.name));
          if (own.length === expected) return [];
          const gap = own.length < expected ? `还差${expected - own.length}人` : `多${own.length - expected}人`;
          const named = own.length > 0 && own.length <= 20 ? `（${people(own)}）` : '';
          return [`成员 ${member.name}（${rowList([member.row])}）的学员应为${expected}人，实有${own.length}人，${gap}${named}`];
        });
    },
  },
  {
    id: 'memberOf',
    text: '学员的所属成员须是本工作室的成员',
    check: (studio, context) => {
      const members = new Set(rowsOfRole(studio, '成员').map((row) => personKey(row.name)).filter((key) => key !== ''));
      return rowsOfRole(studio, '学员').flatMap((trainee) => {
        const key = personKey(trainee.memberOf);
        if (key !== '' && members.has(key)) return [];
        const who = `${rowList([trainee.row])} 学员 ${trainee.name || '（姓名为空）'}`;
        if (key === '') return [`${who} 的所属成员为空，应填本工作室的一名成员`];
        const here = studio.rows.find((row) => personKey(row.name) === key);
        const elsewhere = (context.byPerson.get(key) ?? []).find((row) => row.studio !== studio.name && row.role === '成员');
        const why = here ? `是本工作室的${here.role || '人员'}，不是成员` : elsewhere ? `是工作室“${elsewhere.studio}”的成员，不是本工作室的成员` : '不是本工作室的成员';
        return [`${who} 的所属成员“${trainee.memberOf}”${why}`];
      });
    },
  },
  {
    id: 'duplicatePerson',
    text: '同一人（按姓名）不能在一个工作室出现两次，也不能同时在两个工作室',
    check: (studio, context) => {
      const messages: string[] = [];
      const seen = new Set<string>();
      for (const row of studio.rows) {
        const key = personKey(row.name);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const rows = context.byPerson.get(key) ?? [];
        const here = rows.filter((other) => other.studio === studio.name);
        const others = rows.filter((other) => other.studio !== studio.name && other.studio !== '');
        if (here.length > 1) messages.push(`${row.name} 在本工作室出现${here.length}次（${rowList(here.map((other) => other.row))}）`);
        if (others.length > 0) {
          // One pass to group the other studios' rows: a name in hundreds of studios stays linear, and
          // the message names the first few studios and counts the rest (a cell holds 50,000 characters).
          const byStudio = new Map<string, number[]>();
          for (const other of others) byStudio.set(other.studio, [...(byStudio.get(other.studio) ?? []), other.row]);
          const named = [...byStudio].slice(0, OTHER_STUDIOS_NAMED).map(([name, otherRows]) => `“${name}”（${rowList(otherRows)}）`);
          const more = byStudio.size > OTHER_STUDIOS_NAMED ? `等共${byStudio.size}个工作室` : '';
          messages.push(`${row.name}（${rowList(here.map((other) => other.row))}）同时在工作室${named.join('、')}${more}`);
        }
      }
      return messages;
    },
  },
  {
    id: 'hostTitle',
    text: `市级工作室的主持人须为${CITY_HOST_REQUIREMENT.state}的${CITY_HOST_REQUIREMENT.category}（${CITY_HOST_REQUIREMENT.clause}，按姓名在推荐名单中核对）`,
    check: (studio, context) => {
      if (studio.level !== CITY_LEVEL) return [];
      const { category, state, clause } = CITY_HOST_REQUIREMENT;
      const need = `市级工作室的主持人须为${state}的${category}（${clause}）`;
      return rowsOfRole(studio, '主持人')
        .filter((host) => host.name !== '')
        .flatMap((host) => {
          const who = `主持人 ${host.name}（${rowList([host.row])}）`;
          if ('unavailable' in context.nominations) return [`${who}：${context.nominations.unavailable}，无法核对${need}`];
          const key = personKey(host.name);
          const matches = context.nominations.filter((person) => personKey(person.name) === key);
          const qualified = matches.filter((person) => person.category === category && person.state === state);
          if (qualified.length === 1) return [];
          const sheet = context.nominationSheet;
          if (qualified.length > 1) {
            return [`${who}：${sheet}中有${qualified.length}行同名的${state}${category}（${rowList(qualified.map((person) => person.row))}），无法确定是哪一位，请核实`];
          }
          if (matches.length === 0) return [`${who}不在${sheet}中；${need}`];
          const found = matches.map((person) => `${rowList([person.row])}为${person.category || '（申报类别为空）'}、${person.state}`).join('；');
          return [`${who}：${need}，${sheet}中${found}`];
        });
    },
  },
];

/** Every studio row by person key, for the duplicate and memberOf rules. */
export function rowsByPerson(rows: readonly StudioRow[]): Map<string, StudioRow[]> {
  const byPerson = new Map<string, StudioRow[]>();
  for (const row of rows) {
    const key = personKey(row.name);
    if (key === '') continue;
    const rows = byPerson.get(key) ?? [];
    rows.push(row);
    byPerson.set(key, rows);
  }
  return byPerson;
}

/** The studios of the rows: one per trimmed 工作室名称, with its 学段 and 级别 (the value most rows give). */
export function studiosOf(rows: readonly StudioRow[], preset: Preset): Studio[] {
  return [...groupByStudio(rows)].map(([name, studioRows]) => ({
    name,
    rows: studioRows,
    stage: studioValue(studioRows, (row) => row.stage, studioStages(preset)),
    level: studioValue(studioRows, (row) => row.level, STUDIO_LEVELS),
  }));
}

/** Checks one studio against every rule. */
export function checkStudio(studio: Studio, context: StudioCheckContext): StudioResult {
  const findings = STUDIO_RULES.flatMap((rule) => rule.check(studio, context).map((message) => ({ rule: rule.id, message })));
  return {
    name: studio.name,
    stage: studio.stage,
    level: studio.level,
    host: rowsOfRole(studio, '主持人').map((row) => row.name).filter(Boolean).join('、'),
    members: rowsOfRole(studio, '成员').length,
    trainees: rowsOfRole(studio, '学员').length,
    ok: findings.length === 0,
    findings,
  };
}

/**
 * The 全市 entry: city studios per 学段 against the preset (还差N个 / 多N个), city studios whose
 * 学段 cannot be read, rows without a 工作室名称 (they belong to no studio), and sheet problems.
 * members and trainees are the totals over the city-level studios. A county's own workbook
 * (评选级别 县级) is not measured against the city's numbers per stage: the plan sets none for a county.
 */
export function cityEntry(rows: readonly StudioRow[], studios: readonly StudioResult[], preset: Preset, sheetProblems: readonly string[] = [], countyWorkbook = false): StudioResult {
  const findings: StudioFinding[] = sheetProblems.map((message) => ({ rule: 'sheet', message }));
  for (const { stage, studios: count, target } of countyWorkbook ? [] : cityStudiosByStage(rows, preset)) {
    if (count === target) continue;
    const gap = count < target ? `还差${target - count}个` : `多${count - target}个`;
    findings.push({ rule: 'cityStages', message: `${stage}：市级工作室${count}个，方案要求${target}个，${gap}` });
  }
  const city = studios.filter((studio) => studio.level === CITY_LEVEL);
  for (const studio of city.filter((each) => each.stage === '')) {
    findings.push({ rule: 'cityStages', message: `市级工作室“${studio.name}”的学段无法识别，未计入各学段的数量` });
  }
  for (const row of rows.filter((each) => each.studio === '')) {
    findings.push({ rule: 'unreadable', message: `工作室第${row.row}行：“工作室名称”为空${row.name ? `（姓名“${row.name}”）` : ''}，该行不属于任何工作室` });
  }
  return {
    name: CITY_ENTRY_NAME,
    stage: '',
    level: CITY_LEVEL,
    host: '',
    members: city.reduce((sum, studio) => sum + studio.members, 0),
    trainees: city.reduce((sum, studio) => sum + studio.trainees, 0),
    ok: findings.length === 0,
    findings,
  };
}

/** Every studio checked, in the order each first appears, then the 全市 entry. */
export function checkStudios(rows: readonly StudioRow[], nominations: StudioCheckContext['nominations'], preset: Preset, options: { sheetProblems?: readonly string[]; nominationSheet?: string; countyWorkbook?: boolean } = {}): StudioResult[] {
  const context: StudioCheckContext = { preset, nominations, byPerson: rowsByPerson(rows), nominationSheet: options.nominationSheet ?? '推荐名单' };
  const results = studiosOf(rows, preset).map((studio) => checkStudio(studio, context));
  return [...results, cityEntry(rows, results, preset, options.sheetProblems, options.countyWorkbook === true)];
}
