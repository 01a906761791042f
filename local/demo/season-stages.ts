/**
 * The demo season's stages after the workbook is made: check, county and city review, publicity,
 * award, certificates, the duty ledger, studios, statistics, 30 days of reminders and the term
 * forms. Each calls the add-on's own server functions in the runtime as the user the 权限 sheet
 * names for it (a county's reviewer for its rows, the city for the rest) and keeps what they
 * answered in SeasonFacts; nothing here writes a state cell: the add-on does.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultTemplateFolder, DEFAULT_TEMPLATE_FILES } from '../commands/document-commands';
import { runWithContinuations } from '../runtime/continuations';
import { runTicks } from '../runtime/ticks';
import type { WorkbookRuntime } from '../workbook-runtime';
import { canonicalCounty, nominationRows, plain, type CheckedRow, type SeasonFacts } from './season-facts';
import { EXPECTED_PUBLICITY_END, PUBLICITY_START, REMINDER_DAYS, REMINDERS_FROM, type StageName } from './season-plan';
import { typeDutyLedger, typeLaterDuties, typeReviewDate, typeStudios } from './season-typing';
import { crossingText, officialHolidayNames } from './holiday-names';
import { FIRST_DATA_ROW, type SampleNominations } from './sample-data';
import type { DemoReviewers } from './sample-workbook';

/** What runStages needs from the season runner. */
export interface StageContext {
  stage(name: StageName, body: (current: { day: string; summary: string }) => Promise<void> | void): Promise<void>;
  runtime(): WorkbookRuntime;
  sample: SampleNominations;
  reviewers: DemoReviewers;
  facts: Partial<SeasonFacts>;
  /** Runs `body` (sheet entries typed on the users' behalf), leaving its calls out of the stage's. */
  typing<T>(body: () => T): T;
  folder: string;
}

interface AdvanceResult {
  moved: { row: number; name: string; from: string; to: string }[];
  refused: { row: number; message: string }[];
}

interface DocumentRunResult {
  created: { row: number }[];
  skipped: { row: number }[];
  refused: { row: number; message: string }[];
  done: boolean;
}

/** Reasons a county gives when it returns a row that passed the check (the school must resubmit). */
const COUNTY_RETURNS = ['县级评审排序未列入本年度推荐名额', '推荐材料缺少获奖证书复印件，请补齐后重新推荐', '县级评审排序未列入本年度推荐名额', '考核材料未经学校公示，请公示后重新推荐'];
/** Reasons the city gives when it does not pass a row. */
const CITY_RETURNS = ['现场核查：班级管理案例材料与申报表不一致', '市级评审排序未列入本年度名额'];

/** Runs stages 2–12 of the season (see season-plan.ts). */
export async function runStages(context: StageContext): Promise<void> {
  const { facts, reviewers } = context;
  const call = <T>(name: string, ...args: unknown[]): T => {
    const runtime = context.runtime();
    // Each call is one execution, as each menu action is in Google (its own 6-minute limit).
    runtime.clock.startExecution();
    const result = runtime.bundle.call(name, ...args) as T;
    runtime.endExecution();
    return plain(result);
  };
  const as = (email: string) => context.runtime().setActiveUser(email);
  const advance = (rows: number[], to: string, reason = '', start?: string): AdvanceResult => {
    if (rows.length === 0) return { moved: [], refused: [] };
    const options: Record<string, unknown> = { rows, to, reason };
    if (start) options.start = start;
    const result = call<AdvanceResult>('runAdvance_', options);
    // Every move of the season is one the plan allows: a refusal means the add-on or the demo broke, and the demo stops saying so.
    const [refused] = result.refused;
    if (refused) throw new Error(`演示中推荐名单第${refused.row}行改为“${to}”被拒绝：${refused.message}`);
    return result;
  };
  const counties = Object.keys(reviewers.counties);
  const countyOf = (row: number) => canonicalCounty(String(context.sample.rows[row - FIRST_DATA_ROW]?.['县（市、区）'] ?? ''), counties);
  const verdictOf = new Map<number, CheckedRow>();
  /** The teachers behind on their first semester's duties at the 履职记录 stage (most catch up later). */
  let behind: string[] = [];

  await context.stage('校验全部资格', (current) => {
    as(reviewers.city);
    // The official sets 设置›评审基准日 first, so a later check of the workbook gives the same verdicts.
    context.typing(() => typeReviewDate(context.runtime(), current.day));
    const report = call<{ rows: CheckedRow[]; summary: string }>('runEligibilityCheck_', {});
    facts.check = report.rows;
    for (const row of report.rows) verdictOf.set(row.row, row);
    const count = (verdict: string) => report.rows.filter((row) => row.verdict === verdict).length;
    current.summary = `设置›评审基准日填 ${current.day}；${report.rows.length} 行：符合 ${count('符合')}，不符合 ${count('不符合')}，待核实 ${count('待核实')}`;
  });

  await context.stage('县级初审', (current) => {
    let approved = 0;
    let returned = 0;
    let failed = 0;
    for (const county of counties) {
      as(reviewers.counties[county] as string);
      const rows = facts.check!.filter((row) => countyOf(row.row) === county);
      const meets = rows.filter((row) => row.verdict === '符合').map((row) => row.row);
      // Every 4th row that passed is returned with a reason, as counties do when they rank within their places or find papers missing.
      const back = meets.filter((_, index) => index % 4 === 2);
      const forward = meets.filter((row) => !back.includes(row));
      approved += advance(forward, '初审通过').moved.length;
      back.forEach((row, index) => {
        returned += advance([row], '初审未通过', COUNTY_RETURNS[index % COUNTY_RETURNS.length]).moved.length;
      });
      // Rows that do not meet the plan go back to the school with the check's own finding; 待核实 rows wait for the school's correction.
      for (const row of rows.filter((entry) => entry.verdict === '不符合')) {
        const finding = row.findings.find((entry) => entry.verdict === '不符合');
        failed += advance([row.row], '初审未通过', `资格审查不符合：${finding?.message ?? '见审查说明'}`).moved.length;
      }
    }
    facts.countyReview = { approved, returned, failed };
    current.summary = `${counties.length} 个县（市、区）初审通过 ${approved} 行，退回 ${returned + failed} 行（其中资格不符合 ${failed} 行），待核实的行留待学校更正`;
  });

  await context.stage('市级评审', (current) => {
    as(reviewers.city);
    const rows = nominationRows(context.runtime());
    const eligible = rows.filter((row) => row.state === '初审通过' || (row.county === '市直学校' && row.state === '' && verdictOf.get(row.row)?.verdict === '符合')).map((row) => row.row);
    const back = eligible.filter((_, index) => index % 30 === 11);
    const passed = advance(eligible.filter((row) => !back.includes(row)), '评审通过').moved.length;
    let returned = 0;
    back.forEach((row, index) => {
      returned += advance([row], '评审未通过', CITY_RETURNS[index % CITY_RETURNS.length]).moved.length;
    });
    const cityFailed = rows.filter((row) => row.county === '市直学校' && row.state === '' && verdictOf.get(row.row)?.verdict === '不符合').map((row) => row.row);
    const failed = cityFailed.reduce((total, row) => total + advance([row], '评审未通过', '资格审查不符合：见审查说明').moved.length, 0);
    facts.cityReview = { passed, returned: returned + failed };
    current.summary = `评审通过 ${passed} 行（含市直学校），未通过 ${returned + failed} 行`;
  });

  await context.stage('公示', (current) => {
    as(reviewers.city);
    const rows = nominationRows(context.runtime()).filter((row) => row.state === '评审通过').map((row) => row.row);
    const moved = advance(rows, '公示中', '', PUBLICITY_START).moved;
    const lists = call<{ lists: { sheet: string; period: string; people: number }[] }>('runPublicityList_');
    const list = lists.lists[0];
    const after = nominationRows(context.runtime()).filter((row) => row.state === '公示中');
    const end = after[0]?.publicityEnd ?? '';
    // The plan's 5 working days from Friday 2024-09-27 run across 国庆 to 2024-10-09 (SPEC §5): the demo stops if not.
    if (end !== EXPECTED_PUBLICITY_END) throw new Error(`公示截止应为 ${EXPECTED_PUBLICITY_END}，而表格中为“${end}”`);
    const days = daysBetween(PUBLICITY_START, end);
    const closed = days.filter((day) => call<boolean>('IS_WORKDAY', day) === false);
    const holidayNames = officialHolidayNames(closed);
    facts.publicity = { start: PUBLICITY_START, end, workingDays: days.length - closed.length, holidaysCrossed: closed, holidayNames, sheet: list?.sheet ?? '', people: moved.length };
    // An objection comes in on the first working day after the weekend.
    context.runtime().clock.moveTo(context.runtime().clock.now() + 3 * 24 * 3600 * 1000);
    const objected = after[Math.floor(after.length / 2)];
    if (objected) {
      const result = advance([objected.row], '公示有异议', '收到实名来信：反映所报市级获奖与实际等次不符，待核查');
      facts.objection = result.moved.length > 0 ? objected.row : undefined;
    }
    current.summary = `${moved.length} 人公示，${PUBLICITY_START} 至 ${end}（${facts.publicity.workingDays} 个工作日，${crossingText(holidayNames)}），公示期间收到异议 ${facts.objection ? 1 : 0} 件；写入“${list?.sheet ?? ''}”`;
  });

  await context.stage('认定', (current) => {
    as(reviewers.city);
    if (facts.objection) advance([facts.objection], '评审未通过', '经核查异议属实：所报市级获奖实为校级，不予认定');
    const rows = nominationRows(context.runtime()).filter((row) => row.state === '公示中').map((row) => row.row);
    const moved = advance(rows, '已认定').moved;
    const numbers = nominationRows(context.runtime()).filter((row) => row.state === '已认定').map((row) => row.certificate);
    facts.award = { awarded: moved.length, first: numbers[0] ?? '', last: numbers[numbers.length - 1] ?? '' };
    current.summary = `认定 ${moved.length} 人，证书编号 ${numbers[0] ?? ''} 至 ${numbers[numbers.length - 1] ?? ''}`;
  });

  await context.stage('荣誉证书', async (current) => {
    as(reviewers.city);
    const made = await documents(context, 'certificate', '荣誉证书');
    facts.certificates = made;
    current.summary = `为 ${made} 名已认定人员各生成一份荣誉证书（.docx），链接写回推荐名单`;
  });

  await context.stage('履职记录', (current) => {
    const awarded = nominationRows(context.runtime()).filter((row) => row.state === '已认定');
    const ledger = context.typing(() => typeDutyLedger(context.runtime(), awarded));
    const typed = ledger.rows;
    behind = ledger.behind;
    as(reviewers.city);
    const report = call<{ semesters: { ok: boolean; open: boolean }[]; notices: string[] }>('runDutyReport_', {});
    const label = (status: { ok: boolean; open: boolean }) => (status.open ? (status.ok ? '本学期已达标（学期未结束）' : '本学期尚未达标（学期未结束）') : status.ok ? '完成' : '未完成');
    facts.duties = countLabels(report.semesters.map(label));
    current.summary = `教师填报履职记录 ${typed} 条；“履职情况”${report.semesters.length} 人次：${facts.duties.map((entry) => `${entry.label} ${entry.count}`).join('，')}`;
  });

  await context.stage('工作室', (current) => {
    const rows = nominationRows(context.runtime());
    const typed = context.typing(() => typeStudios(context.runtime(), rows));
    as(reviewers.city);
    const report = call<{ studios: { name: string; ok: boolean; findings: { rule: string; message: string }[] }[] }>('runStudioReport_');
    const studios = report.studios.filter((studio) => studio.name !== '全市');
    facts.studios = countLabels(studios.map((studio) => (studio.ok ? '符合' : '有问题')));
    facts.studioFindings = report.studios.flatMap((studio) => studio.findings.map((finding) => `${studio.name}：${finding.message}`));
    current.summary = `${typed.studios} 个市级工作室（${typed.people} 人）：${facts.studios.map((entry) => `${entry.label} ${entry.count}`).join('，')}`;
  });

  await context.stage('统计', (current) => {
    as(reviewers.city);
    const report = call<SeasonFacts['statistics']>('runStatistics_', { today: current.day });
    facts.statistics = report;
    current.summary = `认定 ${report.awarded} 人，写入“统计”表（按年度、县（市、区）、学段、申报类别和市级工作室）`;
  });

  await context.stage('每日提醒', async (current) => {
    const runtime = context.runtime();
    as(reviewers.city);
    call('runRemindersOn_');
    const outbox = runtime.outbox.folder;
    const ticks = await runTicks(runtime, { from: REMINDERS_FROM, days: REMINDER_DAYS });
    as(reviewers.city);
    call('runRemindersOff_');
    const mails = readdirSafe(outbox).filter((name) => name.endsWith('.eml')).length;
    facts.reminders = { days: ticks.days.length, executions: ticks.executions, mails };
    current.summary = `开启每日提醒，模拟 ${ticks.days.length} 天（${ticks.executions} 次定时执行），发出提醒邮件 ${mails} 封，然后关闭`;
  });

  await context.stage('任期考核表', async (current) => {
    // What the teachers recorded over the term's later semesters, entered before the forms are made.
    const awarded = nominationRows(context.runtime()).filter((row) => row.state === '已认定');
    const typed = context.typing(() => typeLaterDuties(context.runtime(), awarded, behind));
    as(reviewers.city);
    const made = await documents(context, 'form', '任期考核表');
    facts.termForms = made;
    current.summary = `此前各学期教师陆续填报履职记录 ${typed} 条；任期将于 60 天内届满：为 ${made} 人各生成一份任期考核表（含每学期履职记录表）`;
  });
}

/** Makes one kind of document for every row the add-on picks, running its continuations until done; returns how many were made. */
async function documents(context: StageContext, kind: 'certificate' | 'form', subfolder: string): Promise<number> {
  const runtime = context.runtime();
  const folder = resolve(context.folder, '文档', subfolder);
  mkdirSync(folder, { recursive: true });
  const options = {
    kind,
    templateId: runtime.drive.fileIdOf(join(defaultTemplateFolder(), DEFAULT_TEMPLATE_FILES[kind])),
    folderId: runtime.drive.folderIdOf(folder),
  };
  const outcome = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as unknown);
  const results = outcome.results.map((result) => plain(result && typeof result === 'object' && 'documents' in result ? (result as { documents: unknown }).documents : result) as DocumentRunResult | null);
  const made = new Set(results.flatMap((result) => (result ? result.created.map((entry) => entry.row) : [])));
  const [refused] = results.flatMap((result) => (result ? result.refused : []));
  if (refused) throw new Error(`演示中推荐名单第${refused.row}行的${subfolder}没有生成：${refused.message}`);
  if (made.size === 0) throw new Error(`演示中没有生成任何${subfolder}`);
  return made.size;
}

/** The calendar days from `first` to `last`, both included. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= Date.parse(`${last}T00:00:00Z`); time += 24 * 3600 * 1000) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** Labels counted, in first-seen order. */
export function countLabels(labels: readonly string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
