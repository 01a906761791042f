/**
 * The 工作室 sheet (三（三）) read into rows: one row per person, its 学段/级别/角色 turned into the
 * canonical words (obvious spellings accepted, as data), and the city's studios counted per 学段
 * against the preset (一). A value that cannot be read stays as typed and is named by
 * studioRowProblems, so nothing is dropped or guessed.
 */
import { foldSpelling, spellingMap } from '../nomination/fields';
import type { Preset } from '../presets';
import { STUDIO_HEADERS } from '../sheet-layouts';

/** One person's row of the 工作室 sheet; `row` is the sheet's 1-based row number. */
export interface StudioRow {
  row: number;
  studio: string;
  stage: string;
  level: string;
  role: string;
  name: string;
  memberOf: string;
}

/** The roles of a studio, as 三（三） names them. */
export const STUDIO_ROLES = ['主持人', '成员', '学员'] as const;

/** The levels of a studio. */
export const STUDIO_LEVELS = ['市级', '县级'] as const;

/** The level whose studios count against the preset's studiosByStage (一). */
export const CITY_LEVEL = '市级';

/** canonical word → other spellings accepted for it, per column of the 工作室 sheet. */
export const STUDIO_SPELLINGS = {
  role: {
    主持人: ['主持', '工作室主持人', '领衔人', '负责人'],
    成员: ['工作室成员', '核心成员'],
    学员: ['工作室学员', '学习成员'],
  },
  level: {
    市级: ['市', '市级工作室', '州级', '州'],
    县级: ['县', '区', '区级', '县（市、区）级', '县（区）级', '县级工作室'],
  },
  /** More stage spellings beyond those of 推荐名单's 学段 (中等职业学校 → 中职 and so on). */
  stage: {
    幼儿园: ['幼儿', '学前', '学前教育'],
    初中: ['初级中学'],
    高中: ['高级中学', '普通高中'],
    中职: ['职高', '职中', '职业高中', '中等职业教育'],
    高职: ['高等职业教育'],
    特殊教育: ['特教'],
  },
} as const;

/** Header texts that mean a 工作室 column besides its own header. */
const HEADER_ALIASES: Readonly<Record<(typeof STUDIO_HEADERS)[number], readonly string[]>> = {
  工作室名称: ['工作室', '工作室名'],
  学段: [],
  级别: ['工作室级别'],
  角色: ['身份'],
  姓名: [],
  所属成员: ['所属成员姓名', '指导成员'],
};

/** How many rows at the top are searched for the header row. */
const HEADER_SEARCH_ROWS = 10;

function lookup(table: Readonly<Record<string, readonly string[]>>, extra?: ReadonlyMap<string, string>): (text: string) => string | null {
  const map = new Map<string, string>(extra ?? []);
  for (const [canonical, spellings] of Object.entries(table)) {
    map.set(foldSpelling(canonical), canonical);
    for (const spelling of spellings) map.set(foldSpelling(spelling), canonical);
  }
  return (text) => map.get(foldSpelling(text)) ?? null;
}

const roleOf = lookup(STUDIO_SPELLINGS.role);
const levelOf = lookup(STUDIO_SPELLINGS.level);

const stageLookups = new WeakMap<Preset, (text: string) => string | null>();

/** The canonical 学段 of a text under a preset, or null when it names none of the preset's stages. */
export function studioStageOf(text: string, preset: Preset): string | null {
  let stageOf = stageLookups.get(preset);
  if (!stageOf) {
    stageOf = lookup(STUDIO_SPELLINGS.stage, spellingMap('stage', preset));
    stageLookups.set(preset, stageOf);
  }
  return stageOf(text);
}

/** The canonical 角色 of a text, or null. */
export function studioRoleOf(text: string): string | null {
  return roleOf(text);
}

/** The canonical 级别 of a text, or null. */
export function studioLevelOf(text: string): string | null {
  return levelOf(text);
}

/** The text of a cell as a person reads it: trimmed, numbers as digits, nothing for blank. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** What reading the 工作室 cells found: the rows, and sheet-level problems (a header or column missing). */
export interface StudioCells {
  rows: StudioRow[];
  sheetProblems: string[];
}

/**
 * The rows of the 工作室 sheet from its cells (as one getValues returned them, dates already text):
 * the header row is found among the first rows by 工作室名称 and 姓名; blank rows are skipped;
 * 学段/级别/角色 become canonical words where readable and stay as typed otherwise.
 */
export function studioRowsFromCells(cells: readonly (readonly unknown[])[], preset: Preset, sheetName = '工作室'): StudioCells {
  const headerIndex = cells.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const texts = row.map((cell) => foldSpelling(cellText(cell)));
    return texts.includes(foldSpelling('工作室名称')) || texts.includes(foldSpelling('工作室'))
      ? texts.includes(foldSpelling('姓名'))
      : false;
  });
  if (headerIndex < 0) {
    const blank = cells.every((row) => row.every((cell) => cellText(cell) === ''));
    return {
      rows: [],
      sheetProblems: blank ? [] : [`工作表“${sheetName}”：前 ${HEADER_SEARCH_ROWS} 行中找不到含“工作室名称”和“姓名”的表头行，请按 ${STUDIO_HEADERS.join('、')} 填写表头`],
    };
  }
  const headerTexts = (cells[headerIndex] ?? []).map((cell) => foldSpelling(cellText(cell)));
  const columns = {} as Record<(typeof STUDIO_HEADERS)[number], number>;
  const missing: string[] = [];
  for (const header of STUDIO_HEADERS) {
    const column = [header, ...HEADER_ALIASES[header]].map((text) => headerTexts.indexOf(foldSpelling(text))).find((index) => index >= 0);
    if (column === undefined) missing.push(header);
    else columns[header] = column;
  }
  const sheetProblems = missing.length > 0 ? [`工作表“${sheetName}”第${headerIndex + 1}行：缺少列 ${missing.map((header) => `“${header}”`).join('、')}，这些列按空白处理`] : [];
  const rows: StudioRow[] = [];
  cells.slice(headerIndex + 1).forEach((cellsOfRow, offset) => {
    const text = (header: (typeof STUDIO_HEADERS)[number]): string => (columns[header] === undefined ? '' : cellText(cellsOfRow[columns[header]]));
    if (STUDIO_HEADERS.every((header) => text(header) === '')) return;
    const stage = text('学段');
    const level = text('级别');
    const role = text('角色');
    rows.push({
      row: headerIndex + 2 + offset,
      studio: text('工作室名称'),
      stage: studioStageOf(stage, preset) ?? stage,
      level: studioLevelOf(level) ?? level,
      role: studioRoleOf(role) ?? role,
      name: text('姓名'),
      memberOf: text('所属成员'),
    });
  });
  return { rows, sheetProblems };
}

/** Why a row's cell cannot be used: its column, the value as typed, and a Chinese message naming both. */
export interface StudioRowProblem {
  row: number;
  column: (typeof STUDIO_HEADERS)[number];
  value: string;
  message: string;
}

/**
 * The cells of a read row that cannot be used: a blank 工作室名称 or 姓名, a 学段 not among the
 * preset's stages, a 级别 other than 市级/县级, a 角色 other than 主持人/成员/学员.
 */
export function studioRowProblems(row: StudioRow, preset: Preset, sheetName = '工作室'): StudioRowProblem[] {
  const where = `${sheetName}第${row.row}行`;
  const problems: StudioRowProblem[] = [];
  const blank = (column: StudioRowProblem['column']): void => {
    problems.push({ row: row.row, column, value: '', message: `${where}：“${column}”为空${row.name && column !== '姓名' ? `（姓名“${row.name}”）` : ''}` });
  };
  const unreadable = (column: StudioRowProblem['column'], value: string, allowed: readonly string[]): void => {
    problems.push({ row: row.row, column, value, message: `${where}：${column}“${value}”无法识别，应为${allowed.join('、')}之一` });
  };
  if (row.studio === '') blank('工作室名称');
  if (row.name === '') blank('姓名');
  if (!preset.stages.includes(row.stage)) {
    if (row.stage === '') blank('学段');
    else unreadable('学段', row.stage, preset.stages);
  }
  if (!(STUDIO_LEVELS as readonly string[]).includes(row.level)) {
    if (row.level === '') blank('级别');
    else unreadable('级别', row.level, STUDIO_LEVELS);
  }
  if (!(STUDIO_ROLES as readonly string[]).includes(row.role)) {
    if (row.role === '') blank('角色');
    else unreadable('角色', row.role, STUDIO_ROLES);
  }
  return problems;
}

/**
 * The value most rows of a studio agree on (ties: the one met first), ignoring values that are
 * not `allowed`; '' when no row has a readable value. A studio's 学段 and 级别 are read this way.
 */
export function studioValue(rows: readonly StudioRow[], pick: (row: StudioRow) => string, allowed: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = pick(row);
    if (allowed.includes(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Rows grouped by 工作室名称 (trimmed), in the order each studio first appears; rows with a blank name are left out. */
export function groupByStudio(rows: readonly StudioRow[]): Map<string, StudioRow[]> {
  const groups = new Map<string, StudioRow[]>();
  for (const row of rows) {
    if (row.studio === '') continue;
    const group = groups.get(row.studio) ?? [];
    group.push(row);
    groups.set(row.studio, group);
  }
  return groups;
}

/** The stages the city counts studios in: the preset's stages in order, then any other stage given a target. */
export function studioStages(preset: Preset): string[] {
  return [...preset.stages, ...Object.keys(preset.studiosByStage).filter((stage) => !preset.stages.includes(stage))];
}

/**
 * City-level studios per 学段 against the preset's target (一): distinct 工作室名称 whose 级别 is
 * 市级, each counted once under its 学段 (the value most of its rows give); every stage with a
 * target is listed, in preset order, and a stage without one only when it has a city studio.
 */
export function cityStudiosByStage(rows: readonly StudioRow[], preset: Preset): { stage: string; studios: number; target: number }[] {
  return studiosByStage(rows, preset, CITY_LEVEL).map((entry) => ({ ...entry, target: entry.target ?? 0 }));
}

/**
 * Studios of one 级别 per 学段: for 市级 against the preset's targets (see cityStudiosByStage); for
 * 县级 (a county's own workbook) the plan sets no number, so every target is null and only the
 * stages with a studio are listed.
 */
export function studiosByStage(rows: readonly StudioRow[], preset: Preset, level: (typeof STUDIO_LEVELS)[number]): { stage: string; studios: number; target: number | null }[] {
  const stages = studioStages(preset);
  const counts = new Map<string, number>(stages.map((stage) => [stage, 0]));
  for (const studioRows of groupByStudio(rows).values()) {
    if (studioValue(studioRows, (row) => row.level, STUDIO_LEVELS) !== level) continue;
    const stage = studioValue(studioRows, (row) => row.stage, stages);
    if (stage !== '') counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  const target = (stage: string) => (level === CITY_LEVEL ? (preset.studiosByStage[stage] ?? 0) : null);
  // A stage without a target (特殊教育; every stage of a county) is listed only when it has a studio.
  return stages.map((stage) => ({ stage, studios: counts.get(stage) ?? 0, target: target(stage) })).filter((entry) => (entry.target ?? 0) > 0 || entry.studios > 0);
}
