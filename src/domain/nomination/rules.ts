/**
 * The eligibility rules of SPEC §3 (plan 四（一）, 六（二）, 六（四）) as a table. Each rule reads the
 * typed record of one row and gives one finding — 符合, 不符合 or 待核实 — whose message cites the
 * clause and names the column and the value in plain Chinese. Blank or unreadable input is always
 * 待核实, never a guess. Besides SPEC's ids (county included) there are three completeness rules: name, school and
 * category (申报类别 decides which rules apply, so it must be known).
 */
import { formatChineseDate, toDayNumber, type CalendarDate } from '../calendar-date';
import type { Preset } from '../presets';
import { termEnd } from '../term';
import { lastTermOf, recordedSource, rowName, TERM_RESULT_COLUMN, type OtherTerms } from '../workflow/term-results';
import { DISQUALIFICATIONS, LEVELS, fieldOf, type FieldKey, type Level, type VERDICTS } from './fields';
import type { FieldState, NominationRecord } from './values';

/** 符合, 不符合 or 待核实. */
export type Verdict = (typeof VERDICTS)[number];

/** Ids of the rules: SPEC §3's, plus name, school and category. */
export type RuleId =
  | 'name'
  | 'school'
  | 'category'
  | 'years'
  | 'countyTitle'
  | 'c1'
  | 'c2'
  | 'c3'
  | 'c4'
  | 'c5'
  | 'c6'
  | 'award'
  | 'honor'
  | 'assessments'
  | 'research'
  | 'studioHost'
  | 'lastTerm'
  | 'disqualified'
  | 'idNumber'
  | 'county';

/** One rule's answer for one row. */
export interface Finding {
  rule: RuleId;
  clause: string;
  verdict: Verdict;
  /** `四（一）7：获奖级别为“校级”，须县（市、区）级以上`. */
  message: string;
}

/** What a rule may look at besides the record. */
export interface RuleContext {
  reviewDate: CalendarDate;
  preset: Preset;
  /** Why a field has no value (missing column, blank, unreadable). */
  states: Record<FieldKey, FieldState>;
  /** What the other rows of the same 身份证号 say about the last term (六（二）), if anything. */
  otherTerms?: OtherTerms;
}

/** Which rows a rule applies to, as SPEC §3 names them. */
export type AppliesTo = '全部' | '名班主任' | '申报工作室主持人';

/** One row of SPEC §3's table. */
export interface Rule {
  id: RuleId;
  clause: string;
  appliesTo: AppliesTo;
  check(record: NominationRecord, context: RuleContext): Finding;
}

/** When each kind of applicability holds. An unreadable 申报工作室主持人 applies, so it says 待核实. */
export const APPLIES_TO: Readonly<Record<AppliesTo, (record: NominationRecord, context: RuleContext) => boolean>> = {
  全部: () => true,
  名班主任: (record) => record.category === '名班主任',
  申报工作室主持人: (record, context) => record.studioHost === true || context.states.studioHost.state === 'problem',
};

/** 四（一）7, 8, 9（2）: "县（市、区）级以上", the county level included. */
export const MIN_LEVEL: Level = '县级';
const MIN_LEVEL_TEXT = '县（市、区）级以上';

/** A finding of a rule; the message is prefixed with the clause when there is one. */
function finding(rule: Pick<Rule, 'id' | 'clause'>, verdict: Verdict, text: string, clause = rule.clause): Finding {
  return { rule: rule.id, clause, verdict, message: clause === '' ? text : `${clause}：${text}` };
}

/** Why a field has no value, naming the column. */
export function whyUnknown(key: FieldKey, context: RuleContext): string {
  const { header } = fieldOf(key);
  const state = context.states[key];
  switch (state.state) {
    case 'missing':
      return `表中没有“${header}”列`;
    case 'blank':
      return `${header}未填写`;
    case 'problem':
      return state.message;
    case 'ok':
      return `${header}无法判断`;
  }
}

/** A rule that a text column is filled in. */
function requiredText(id: RuleId, key: 'name' | 'school'): Rule {
  const rule: Rule = {
    id,
    clause: '',
    appliesTo: '全部',
    check(record, context) {
      const value = record[key];
      if (value === undefined) return finding(rule, '待核实', whyUnknown(key, context));
      return finding(rule, '符合', `${fieldOf(key).header}为“${value}”`);
    },
  };
  return rule;
}

/** A rule of 四（一）1–6: the column says 符合 (or 是). */
function meets(id: RuleId, key: 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6'): Rule {
  const { header, clause } = fieldOf(key);
  const rule: Rule = {
    id,
    clause,
    appliesTo: '全部',
    check(record, context) {
      const value = record[key];
      if (value === undefined) return finding(rule, '待核实', whyUnknown(key, context));
      return value ? finding(rule, '符合', `${header}为“符合”`) : finding(rule, '不符合', `${header}为“不符合”`);
    },
  };
  return rule;
}

/** A rule that a level column is county (县（市、区）级) or above. */
function levelAtLeast(id: RuleId, key: 'awardLevel' | 'honorLevel' | 'researchLevel', appliesTo: AppliesTo): Rule {
  const { header, clause } = fieldOf(key);
  const rule: Rule = {
    id,
    clause,
    appliesTo,
    check(record, context) {
      const level = record[key];
      if (level === undefined) return finding(rule, '待核实', whyUnknown(key, context));
      if (LEVELS.indexOf(level) <= LEVELS.indexOf(MIN_LEVEL)) return finding(rule, '符合', `${header}为“${level}”`);
      return finding(rule, '不符合', `${header}为“${level}”，须${MIN_LEVEL_TEXT}`);
    },
  };
  return rule;
}

const years: Rule = {
  id: 'years',
  clause: '四（一）',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('years');
    const min = context.preset.minYears;
    if (record.years === undefined) return finding(years, '待核实', whyUnknown('years', context));
    if (record.years >= min) return finding(years, '符合', `${header}“${record.years}年”，满${min}年`);
    return finding(years, '不符合', `${header}“${record.years}年”不足${min}年`);
  },
};

const countyTitle: Rule = {
  id: 'countyTitle',
  clause: '四（一）',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('countyTitle');
    const title = record.countyTitle;
    if (title === undefined) return finding(countyTitle, '待核实', whyUnknown('countyTitle', context));
    if (title === '无') {
      return finding(countyTitle, '不符合', `${header}为“无”，须已被认定为县（市、区）级骨干班主任或名班主任`);
    }
    return finding(countyTitle, '符合', `${header}为“${title}”`);
  },
};

const category: Rule = {
  id: 'category',
  clause: '四（一）9',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('category');
    if (record.category === undefined) {
      return finding(category, '待核实', `${whyUnknown('category', context)}（须为骨干班主任或名班主任）`);
    }
    return finding(category, '符合', `${header}为“${record.category}”`);
  },
};

const assessments: Rule = {
  id: 'assessments',
  clause: '四（一）9（1）',
  appliesTo: '名班主任',
  check(record, context) {
    const { header } = fieldOf('assessments');
    const { assessmentYears: count, minExcellentYears } = context.preset;
    if (record.assessments === undefined) return finding(assessments, '待核实', whyUnknown('assessments', context));
    const recent = record.assessments.slice(-count);
    const label = (entry: (typeof recent)[number]): string => `${entry.year === null ? '' : `${entry.year}年度`}“${entry.result}”`;
    const bad = recent.filter((entry) => entry.result === '基本合格' || entry.result === '不合格');
    if (bad.length > 0) {
      return finding(assessments, '不符合', `${header}有${bad.map(label).join('、')}，须均为合格以上等次`);
    }
    const known = recent.filter((entry) => entry.result !== null);
    if (known.length < count) {
      const unreadable = recent
        .filter((entry) => entry.result === null)
        .map((entry) => `${entry.year === null ? '' : `${entry.year}年度考核`}${entry.text === '' ? '未填写' : `“${entry.text}”无法认定`}`);
      const detail = unreadable.length > 0 ? unreadable.join('、') : `填了“${recent.map((entry) => entry.text).join('、')}”`;
      return finding(assessments, '待核实', `${header}只有${known.length}年可认定的结果，须有${count}年（${detail}）`);
    }
    const excellent = known.filter((entry) => entry.result === '优秀').length;
    if (excellent < minExcellentYears) {
      const text = minExcellentYears === 1 ? `${header}无优秀等次` : `${header}优秀等次不足${minExcellentYears}年`;
      return finding(assessments, '不符合', text);
    }
    return finding(assessments, '符合', `${header}均为合格以上，其中${excellent}年优秀`);
  },
};

const studioHost: Rule = {
  id: 'studioHost',
  clause: '四（一）10',
  appliesTo: '申报工作室主持人',
  check(record, context) {
    const { header } = fieldOf('cityFamous');
    if (context.states.studioHost.state === 'problem') return finding(studioHost, '待核实', whyUnknown('studioHost', context));
    if (record.cityFamous === undefined) {
      return finding(studioHost, '待核实', `工作室主持人须为市级名班主任，${whyUnknown('cityFamous', context)}`);
    }
    if (record.cityFamous) return finding(studioHost, '符合', `${header}为“是”`);
    return finding(studioHost, '不符合', `工作室主持人须从市级名班主任中产生，${header}为“否”`);
  },
};

/**
 * 六（二）: a 不合格 term assessment bars nomination for one term. The bar runs from the assessment
 * date D through termEnd(D) — the day before the same date `termYears` later, as TERM_END counts a
 * term — both included; on the anniversary itself the candidate may be nominated again. When
 * 上届考核结果 is blank, the latest result recorded on another row of the same person is used and
 * named; a typed value that contradicts the recorded one is 待核实, naming both. The last term is
 * unknown (待核实) while another row of the person holds an unreadable 任期考核结果, or, unless
 * 上届考核结果 is typed, is in 任期届满 without a result. A result dated after the review date is
 * 待核实 whatever it is, so it gives no 优先推荐 either (see eligibility.ts).
 */
const lastTerm: Rule = {
  id: 'lastTerm',
  clause: '六（二）',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('lastTermResult');
    if (context.states.lastTermResult.state === 'problem') return finding(lastTerm, '待核实', whyUnknown('lastTermResult', context));
    const others = context.otherTerms ?? {};
    if (others.unreadable) {
      const { value, why } = others.unreadable;
      if (why !== undefined) return finding(lastTerm, '待核实', `${rowName(others.unreadable)}的${TERM_RESULT_COLUMN}“${value}”不能采用：${why}；上届考核结果无法确定`);
      return finding(lastTerm, '待核实', `${rowName(others.unreadable)}的${TERM_RESULT_COLUMN}“${value}”无法识别，上届考核结果无法确定；请改为优秀、合格或不合格`);
    }
    if (others.pending && record.lastTermResult === undefined) {
      return finding(lastTerm, '待核实', `${rowName(others.pending)}任期已届满，尚未记录任期考核结果；请先记录（banzhuren term-results）或填写${header}`);
    }
    const last = lastTermOf(record.lastTermResult, record.lastTermDate, others.recorded);
    if (last.kind === 'none') return finding(lastTerm, '符合', `${header}未填写，视为无`);
    if (last.kind === 'conflict') {
      return finding(lastTerm, '待核实', `${header}填的是“${last.typed}”，与${recordedSource(last.recorded)}不一致，请核实`);
    }
    const said = last.kind === 'recorded' ? `${header}取自${recordedSource(last.recorded)}` : `${header}为“${last.result}”`;
    const date = last.date;
    const { reviewDate } = context;
    if (date !== undefined && toDayNumber(date) > toDayNumber(reviewDate)) {
      const late = last.kind === 'recorded' ? `${said}，该日期` : `上届考核日期${formatChineseDate(date)}`;
      return finding(lastTerm, '待核实', `${late}晚于评审基准日${formatChineseDate(reviewDate)}`);
    }
    if (last.result !== '不合格') return finding(lastTerm, '符合', said);
    if (date === undefined) {
      return finding(lastTerm, '待核实', last.kind === 'recorded' ? said : `${said}，${whyUnknown('lastTermDate', context)}`);
    }
    const where = last.kind === 'recorded' ? said : `${said}（${formatChineseDate(date)}）`;
    const barEnd = termEnd(date, context.preset.termYears);
    if (toDayNumber(reviewDate) <= toDayNumber(barEnd)) {
      return finding(lastTerm, '不符合', `${where}，一届任期内（至${formatChineseDate(barEnd)}）不得申报`);
    }
    return finding(lastTerm, '符合', `${where}，已过一届任期（至${formatChineseDate(barEnd)}）`);
  },
};

const disqualified: Rule = {
  id: 'disqualified',
  clause: '六（四）',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('disqualification');
    if (context.states.disqualification.state === 'problem') {
      return finding(disqualified, '待核实', whyUnknown('disqualification', context));
    }
    const item = DISQUALIFICATIONS.find((entry) => entry.item === record.disqualification);
    if (item === undefined) return finding(disqualified, '符合', `无${header}`);
    return finding(disqualified, '不符合', `${header}为“${item.text}”`, `六（四）${item.item}`);
  },
};

const idNumber: Rule = {
  id: 'idNumber',
  clause: '',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('idNumber');
    if (context.states.idNumber.state === 'problem') return finding(idNumber, '待核实', whyUnknown('idNumber', context));
    return finding(idNumber, '符合', record.idNumber === undefined ? `${header}未填写` : `${header}校验无误`);
  },
};

/**
 * 四（二）2: nominations go through the county (县（市、区）) or, for 市直学校, straight to the city,
 * so the row must name one of the preset's counties or 市直学校 exactly (or a spelling listed in
 * fields.ts). Anything else is 待核实, and such a row belongs to no county (no county role matches it).
 */
const county: Rule = {
  id: 'county',
  clause: '四（二）2',
  appliesTo: '全部',
  check(record, context) {
    const { header } = fieldOf('county');
    if (record.county === undefined) {
      // An unreadable value's message already lists the accepted names (values.ts).
      const names = context.states.county.state === 'problem' ? '' : `，应填本市的县（市、区）名或“${context.preset.cityDirect}”`;
      return finding(county, '待核实', `${whyUnknown('county', context)}${names}；该行不属于任何县（市、区），无法初审`);
    }
    return finding(county, '符合', `${header}为“${record.county}”`);
  },
};

/** SPEC §3's table (plus name, school, category), in the order findings are listed. */
export const RULES: readonly Rule[] = [
  requiredText('name', 'name'),
  requiredText('school', 'school'),
  category,
  years,
  countyTitle,
  meets('c1', 'c1'),
  meets('c2', 'c2'),
  meets('c3', 'c3'),
  meets('c4', 'c4'),
  meets('c5', 'c5'),
  meets('c6', 'c6'),
  levelAtLeast('award', 'awardLevel', '全部'),
  levelAtLeast('honor', 'honorLevel', '全部'),
  assessments,
  levelAtLeast('research', 'researchLevel', '名班主任'),
  studioHost,
  lastTerm,
  disqualified,
  idNumber,
  county,
];

/** The input columns each rule reads: a finding that is not 符合 marks these cells with a note. */
export const RULE_INPUTS: Readonly<Record<RuleId, readonly FieldKey[]>> = {
  name: ['name'],
  school: ['school'],
  category: ['category'],
  years: ['years'],
  countyTitle: ['countyTitle'],
  c1: ['c1'],
  c2: ['c2'],
  c3: ['c3'],
  c4: ['c4'],
  c5: ['c5'],
  c6: ['c6'],
  award: ['awardLevel'],
  honor: ['honorLevel'],
  assessments: ['assessments'],
  research: ['researchLevel'],
  studioHost: ['studioHost', 'cityFamous'],
  lastTerm: ['lastTermResult', 'lastTermDate'],
  disqualified: ['disqualification'],
  idNumber: ['idNumber'],
  county: ['county'],
};

/** The findings of every rule that applies to a record. */
export function runRules(record: NominationRecord, context: RuleContext): Finding[] {
  return RULES.filter((rule) => APPLIES_TO[rule.appliesTo](record, context)).map((rule) => rule.check(record, context));
}
