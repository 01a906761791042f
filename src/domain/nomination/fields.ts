/**
 * The nomination sheet (推荐名单, SPEC §2) as data: every input column's header text, key, kind of
 * value and clause; the accepted spellings of every enumerated value; the program's own output
 * columns; and the dropdown lists a sheet initialiser builds its data validation from. Reading
 * (values.ts) and the rules (rules.ts) look things up here; nothing here decides anything.
 */
import type { Preset } from '../presets';

/** Keys of the input columns, one per row of SPEC §2's table. */
export type FieldKey =
  | 'seq'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'county'
  | 'school'
  | 'stage'
  | 'category'
  | 'studioHost'
  | 'years'
  | 'countyTitle'
  | 'c1'
  | 'c2'
  | 'c3'
  | 'c4'
  | 'c5'
  | 'c6'
  | 'awardLevel'
  | 'awardName'
  | 'honorLevel'
  | 'honorName'
  | 'assessments'
  | 'researchLevel'
  | 'researchName'
  | 'cityFamous'
  | 'lastTermResult'
  | 'lastTermDate'
  | 'disqualification';

/** Enumerations whose values are texts (the canonical spelling is what the record holds). */
export type EnumName =
  | 'gender'
  | 'county'
  | 'stage'
  | 'category'
  | 'countyTitle'
  | 'level'
  | 'termResult'
  | 'annualResult';

/** What a column holds, which decides how values.ts reads it. */
export type FieldKind =
  | { type: 'serial' }
  | { type: 'text'; maxLength: number }
  | { type: 'phone' }
  | { type: 'email' }
  | { type: 'idNumber' }
  | { type: 'enum'; choices: EnumName }
  | { type: 'yesNo'; choices: 'meets' | 'yesNo' }
  | { type: 'years' }
  | { type: 'date' }
  | { type: 'assessments' }
  | { type: 'disqualification' };

/** One input column. */
export interface FieldDef {
  key: FieldKey;
  /** Header text as SPEC §2 writes it; also the column's name in every message. */
  header: string;
  /** Other header texts that mean the same column. */
  aliases?: readonly string[];
  kind: FieldKind;
  /** The plan's clause the column serves ('' when none). */
  clause: string;
  /** Personal information (SPEC §9): never echoed in full in any message. */
  personal?: boolean;
}

/** SPEC §2's table, in its order. */
export const FIELDS: readonly FieldDef[] = [
  { key: 'seq', header: '序号', kind: { type: 'serial' }, clause: '' },
  { key: 'name', header: '姓名', kind: { type: 'text', maxLength: 50 }, clause: '' },
  { key: 'gender', header: '性别', kind: { type: 'enum', choices: 'gender' }, clause: '' },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码'], kind: { type: 'idNumber' }, clause: '', personal: true },
  { key: 'phone', header: '联系电话', aliases: ['电话', '手机', '手机号'], kind: { type: 'phone' }, clause: '', personal: true },
  { key: 'email', header: '电子邮箱', aliases: ['邮箱', '电子邮件'], kind: { type: 'email' }, clause: '' },
  { key: 'county', header: '县（市、区）', aliases: ['县(市,区)', '县市区'], kind: { type: 'enum', choices: 'county' }, clause: '四（二）2' },
  { key: 'school', header: '学校', kind: { type: 'text', maxLength: 100 }, clause: '' },
  { key: 'stage', header: '学段', kind: { type: 'enum', choices: 'stage' }, clause: '' },
  { key: 'category', header: '申报类别', kind: { type: 'enum', choices: 'category' }, clause: '四（一）9' },
  { key: 'studioHost', header: '申报工作室主持人', kind: { type: 'yesNo', choices: 'yesNo' }, clause: '四（一）10' },
  { key: 'years', header: '班主任累计年限', kind: { type: 'years' }, clause: '四（一）' },
  { key: 'countyTitle', header: '县级认定', kind: { type: 'enum', choices: 'countyTitle' }, clause: '四（一）' },
  { key: 'c1', header: '政治素质', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）1' },
  { key: 'c2', header: '职业道德', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）2' },
  { key: 'c3', header: '敬业奉献', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）3' },
  { key: 'c4', header: '理论功底', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）4' },
  { key: 'c5', header: '业务水平', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）5' },
  { key: 'c6', header: '身心健康', kind: { type: 'yesNo', choices: 'meets' }, clause: '四（一）6' },
  { key: 'awardLevel', header: '获奖级别', kind: { type: 'enum', choices: 'level' }, clause: '四（一）7' },
  { key: 'awardName', header: '获奖名称', kind: { type: 'text', maxLength: 500 }, clause: '四（一）7' },
  { key: 'honorLevel', header: '荣誉级别', kind: { type: 'enum', choices: 'level' }, clause: '四（一）8' },
  { key: 'honorName', header: '荣誉名称', kind: { type: 'text', maxLength: 500 }, clause: '四（一）8' },
  {
    key: 'assessments',
    header: '近5年考核',
    aliases: ['近五年考核', '近5年履职考核', '近五年履职考核'],
    kind: { type: 'assessments' },
    clause: '四（一）9（1）',
  },
  { key: 'researchLevel', header: '科研级别', kind: { type: 'enum', choices: 'level' }, clause: '四（一）9（2）' },
  { key: 'researchName', header: '科研名称', kind: { type: 'text', maxLength: 500 }, clause: '四（一）9（2）' },
  { key: 'cityFamous', header: '市级名班主任', kind: { type: 'yesNo', choices: 'yesNo' }, clause: '四（一）10' },
  { key: 'lastTermResult', header: '上届考核结果', kind: { type: 'enum', choices: 'termResult' }, clause: '六（二）' },
  { key: 'lastTermDate', header: '上届考核日期', kind: { type: 'date' }, clause: '六（二）' },
  { key: 'disqualification', header: '取消资格情形', kind: { type: 'disqualification' }, clause: '六（四）' },
];

/** The field of a key. */
export function fieldOf(key: FieldKey): FieldDef {
  const field = FIELDS.find((candidate) => candidate.key === key);
  if (!field) throw new RangeError(`unknown field key: ${key}`);
  return field;
}

/** Header of one annual-assessment column, used instead of a single 近5年考核 column. */
export function assessmentYearHeader(year: number): string {
  return `${year}年度考核`;
}

/** The program's own columns, created at the right end when missing, in this order. */
export const OUTPUT_COLUMNS = [
  '资格审查',
  '审查说明',
  '状态',
  '公示开始',
  '公示截止',
  '认定日期',
  '证书编号',
  '证书链接',
  '考核表链接',
  '最后操作',
  '任期考核结果',
  '任期考核日期',
  '优先推荐',
] as const;

/**
 * Output columns an official may also fill in by hand (a term-end result decided on paper): the
 * program reads what is typed there, and initialising puts no edit warning on them.
 */
export const HAND_TYPED_OUTPUT_COLUMNS: readonly OutputColumn[] = ['任期考核结果', '任期考核日期'];

/** One of the output columns' headers. */
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

/** What 资格审查 can say (SPEC §3). */
export const VERDICTS = ['符合', '不符合', '待核实'] as const;

/** The fixed enumerations' canonical values, which are also their dropdown lists. */
export const GENDERS = ['男', '女'] as const;
export const CATEGORIES = ['骨干班主任', '名班主任'] as const;
export const COUNTY_TITLES = ['县级骨干班主任', '县级名班主任', '无'] as const;
/** Levels from highest to lowest; 校级 is a real level below the county. */
export const LEVELS = ['国家级', '省级', '市级', '县级', '校级', '无'] as const;
export const TERM_RESULTS = ['优秀', '合格', '不合格', '无'] as const;
/** What a term-end assessment (六（二）) records in 任期考核结果: TERM_RESULTS without 无. */
export const TERM_ASSESSMENTS = ['优秀', '合格', '不合格'] as const;
export const ANNUAL_RESULTS = ['优秀', '合格', '基本合格', '不合格'] as const;
export const MEETS_CHOICES = ['符合', '不符合'] as const;
export const YES_NO_CHOICES = ['是', '否'] as const;

/** One value of an enumeration above. */
export type Category = (typeof CATEGORIES)[number];
export type Level = (typeof LEVELS)[number];
export type AnnualResult = (typeof ANNUAL_RESULTS)[number];

/** Accepted spellings of yes/no cells (checkbox TRUE/FALSE is read as well). */
export const YES_NO_SPELLINGS: { yes: readonly string[]; no: readonly string[] } = {
  yes: ['是', '符合', '有'],
  no: ['否', '不符合', '无'],
};

/** 六（四）1–6, the circumstances that cancel (and so bar) the title, in the plan's words. */
export const DISQUALIFICATIONS: readonly { item: number; text: string }[] = [
  { item: 1, text: '有违纪违法行为，受到党纪政务处分的' },
  { item: 2, text: '有违反新时代教师职业行为十项准则和教师职业道德规范行为的' },
  { item: 3, text: '有学术不端行为的' },
  { item: 4, text: '因工作失职造成班级安全事故的' },
  { item: 5, text: '年度履职考核不合格的' },
  { item: 6, text: '自动离职不再担任班主任的' },
];

/** The dropdown text of a 六（四） item, e.g. `六（四）3.有学术不端行为的`. */
export function disqualificationChoice(item: number): string {
  const entry = DISQUALIFICATIONS.find((candidate) => candidate.item === item);
  return entry ? `六（四）${entry.item}.${entry.text}` : '无';
}

/** An enumeration: its canonical values (some from the preset) and other accepted spellings. */
export interface EnumDef {
  values(preset: Preset): readonly string[];
  /** canonical value → other spellings of it; SPEC §2's "obvious spellings". */
  spellings: Readonly<Record<string, readonly string[]>>;
  /** More spellings that depend on the preset (a county's short name). */
  presetSpellings?(preset: Preset): Readonly<Record<string, readonly string[]>>;
}

/** A county's name: a base of two or more characters, then its administrative suffix. */
const COUNTY_NAME = /^(.{2,}?)(?:(?:.{1,4}族)+自治县|区|市|县)$/u;

/**
 * The short names of the preset's counties, the name without its administrative suffix (红塔区 →
 * 红塔, 峨山彝族自治县 → 峨山). A short name is kept only when it names exactly one county and is
 * not itself another county's name, so a blank or a single character (红) never names a county.
 */
export function countyShortNames(preset: Preset): Record<string, string[]> {
  const candidates = preset.counties.map((county) => ({ county, short: COUNTY_NAME.exec(county)?.[1] ?? '' }));
  const result: Record<string, string[]> = {};
  for (const { county, short } of candidates) {
    const clashes = candidates.filter((other) => other.short === short).length > 1 || preset.counties.includes(short) || short === preset.cityDirect;
    if (short !== '' && !clashes) result[county] = [short];
  }
  return result;
}

const COUNTY_PREFIXES = ['县', '区', '县级', '区级', '县（市、区）级', '县（区）级'];

/** Every enumeration, with its accepted spellings. */
export const ENUMS: Readonly<Record<EnumName, EnumDef>> = {
  gender: { values: () => GENDERS, spellings: { 男: ['男性'], 女: ['女性'] } },
  county: { values: (preset) => [...preset.counties, preset.cityDirect], spellings: { 市直学校: ['市直'] }, presetSpellings: countyShortNames },
  stage: {
    values: (preset) => preset.stages,
    spellings: { 中职: ['中等职业学校'], 高职: ['高等职业院校', '高职院校'], 特殊教育: ['特殊教育学校'] },
  },
  category: {
    values: () => CATEGORIES,
    spellings: { 骨干班主任: ['市级骨干班主任', '骨干'], 名班主任: ['市级名班主任'] },
  },
  countyTitle: {
    values: () => COUNTY_TITLES,
    spellings: {
      县级骨干班主任: [...COUNTY_PREFIXES.map((prefix) => `${prefix}骨干班主任`), '县级骨干'],
      县级名班主任: COUNTY_PREFIXES.map((prefix) => `${prefix}名班主任`),
      无: ['否'],
    },
  },
  level: {
    values: () => LEVELS,
    spellings: {
      国家级: ['国家'],
      省级: ['省'],
      市级: ['市', '州', '州级', '市（州）级'],
      县级: ['县', '区', '区级', '县（市、区）级', '县（区）级'],
      校级: ['校', '学校级'],
    },
  },
  termResult: {
    values: () => TERM_RESULTS,
    spellings: { 优秀: ['优秀等次'], 合格: ['合格等次'], 不合格: ['不合格等次'] },
  },
  annualResult: {
    values: () => ANNUAL_RESULTS,
    spellings: { 优秀: ['优秀等次'], 合格: ['合格等次'], 基本合格: ['基本合格等次'], 不合格: ['不合格等次'] },
  },
};

/**
 * The form in which spellings are compared: full-width folded to half-width (（）→(), ：→:,
 * full-width digits), every space removed, Latin letters upper-cased.
 */
export function foldSpelling(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

const spellingMaps = new WeakMap<Preset, Map<EnumName, ReadonlyMap<string, string>>>();

/** Folded spelling → canonical value of an enumeration under a preset (built once per preset). */
export function spellingMap(name: EnumName, preset: Preset): ReadonlyMap<string, string> {
  const maps = spellingMaps.get(preset) ?? new Map<EnumName, ReadonlyMap<string, string>>();
  spellingMaps.set(preset, maps);
  const cached = maps.get(name);
  if (cached) return cached;
  const definition = ENUMS[name];
  const map = new Map<string, string>();
  const more = definition.presetSpellings?.(preset) ?? {};
  for (const value of definition.values(preset)) {
    map.set(foldSpelling(value), value);
    for (const spelling of [...(definition.spellings[value] ?? []), ...(more[value] ?? [])]) map.set(foldSpelling(spelling), value);
  }
  maps.set(name, map);
  return map;
}

/** The dropdown list of one input column, or null when the column is free input. */
export function fieldChoices(key: FieldKey, preset: Preset): string[] | null {
  const { kind } = fieldOf(key);
  switch (kind.type) {
    case 'enum':
      return [...ENUMS[kind.choices].values(preset)];
    case 'yesNo':
      return kind.choices === 'meets' ? [...MEETS_CHOICES] : [...YES_NO_CHOICES];
    case 'disqualification':
      return ['无', ...DISQUALIFICATIONS.map((entry) => disqualificationChoice(entry.item))];
    default:
      return null;
  }
}

/** Every dropdown list by name, for a sheet initialiser (counties and stages from the preset). */
export function dropdownLists(preset: Preset): Record<string, string[]> {
  return {
    county: [...ENUMS.county.values(preset)],
    stage: [...ENUMS.stage.values(preset)],
    gender: [...GENDERS],
    category: [...CATEGORIES],
    countyTitle: [...COUNTY_TITLES],
    level: [...LEVELS],
    meets: [...MEETS_CHOICES],
    yesNo: [...YES_NO_CHOICES],
    termResult: [...TERM_RESULTS],
    termAssessment: [...TERM_ASSESSMENTS],
    annualResult: [...ANNUAL_RESULTS],
    disqualification: ['无', ...DISQUALIFICATIONS.map((entry) => disqualificationChoice(entry.item))],
    verdict: [...VERDICTS],
  };
}
