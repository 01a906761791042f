/**
 * The 履职情况 report (五（二）–（五）, 六（四）5): for every teacher in 已认定 or 任期届满 (the term
 * assessment reads the three years), each semester from the one containing 认定日期 through the one
 * containing today, never past the one containing the term's end; the
 * activities counted by kind, the distinct mentees of that school year so far, whether the
 * semester's duties are met and which are missing; a semester is open only while today is inside it
 * and not after the term's end. For a teacher still in 已认定 with an unmet semester in a school
 * year that has ended, a proposal in plain words that the city may cancel the title. The
 * report only proposes: it never changes a state.
 */
import { termEnd } from '../term';
import type { CalendarDate } from '../calendar-date';
import type { Preset } from '../presets';
import { SHEET_NAMES } from '../sheet-layouts';
import { DISQUALIFICATIONS } from '../nomination/fields';
import type { SemesterKind } from './kinds';
import { nameKey, noticeText, type LedgerEntry, type LedgerNotice } from './ledger';
import {
  SEMESTER_NAMES,
  schoolYearText,
  semesterEnd,
  semesterIndex,
  semesterOfDate,
  semesterOfIndex,
  semesterText,
  type Semester,
  type SemesterStarts,
} from './semesters';
import { CANCELLABLE_STATE, indexTeachers, matchEntry, REPORTED_STATES, sharedCertificateNotices, teacherAtRow, teacherLabel, type AwardedTeacher, type MatchContext } from './teachers';

/** One teacher's one semester, as `banzhuren duties --json` prints it. */
export interface SemesterStatus {
  name: string;
  certificate: string;
  schoolYear: string;
  semester: string;
  books: number;
  lectures: number;
  openClasses: number;
  mentees: number;
  ok: boolean;
  missing: string[];
  open: boolean;
  /** The teacher's state (已认定 / 任期届满); '' when not known (DUTY_STATUS). */
  state: string;
}

/** The whole report. */
export interface DutyReport {
  semesters: SemesterStatus[];
  /** Every 履职记录 row listed, and teachers that cannot be reported: `履职记录第N行：…`. */
  notices: string[];
  /** Plain-words cancellation proposals (六（四）5). */
  proposals: string[];
}

/** What the report is computed from. */
export interface DutyReportInput {
  teachers: readonly AwardedTeacher[];
  entries: readonly LedgerEntry[];
  ledgerNotices: readonly LedgerNotice[];
  starts: SemesterStarts;
  today: CalendarDate;
  preset: Preset;
  /** The nomination sheet's name, for the proposals' command (default 推荐名单). */
  nominationSheet?: string;
  /** Who reads the proposals: 'commands' (履职情况 and the CLI: the banzhuren command and the menu) or 'sidebar' (the 当前行 panel's 取消资格); default 'commands'. */
  proposalsFor?: ProposalReader;
}

/** Who a cancellation proposal tells what to do. */
export type ProposalReader = 'commands' | 'sidebar';

/** The 六（四） item that an unmet year of duties is evidence for. */
export const CANCELLATION_ITEM = 5;

/** Per teacher (by nomination row): per semester index, the count of each kind and the mentees. */
interface TeacherActivities {
  counts: Map<number, Map<string, number>>;
  mentees: Map<number, Set<string>>;
}

/** The 履职情况 report (see the file's comment). */
export function dutyReport(input: DutyReportInput): DutyReport {
  const { preset, starts, today } = input;
  const mentoringKind = preset.dutyKinds[preset.dutyKinds.length - 1] as string;
  const notices: LedgerNotice[] = [...input.ledgerNotices];
  const index = indexTeachers(input.teachers);
  const sheet = input.nominationSheet ?? SHEET_NAMES.nominations;
  const context: MatchContext = { sheet, starts, preset };
  const activities = new Map<number, TeacherActivities>();
  for (const entry of input.entries) {
    const match = matchEntry(entry, index, context);
    if (match.notice !== undefined) notices.push({ row: entry.row, message: match.notice });
    if (match.teacher === null) continue;
    const outside = outsideTerm(match.teacher, entry.semester, starts, preset, sheet);
    if (outside !== null) {
      notices.push({ row: entry.row, message: outside });
      continue;
    }
    let own = activities.get(match.teacher.row);
    if (!own) activities.set(match.teacher.row, (own = { counts: new Map(), mentees: new Map() }));
    addActivity(own, entry, mentoringKind);
  }

  const semesters: SemesterStatus[] = [];
  const proposals: string[] = [];
  const teacherNotices: string[] = sharedCertificateNotices(input.teachers, sheet);
  const todayIndex = semesterIndex(semesterOfDate(today, starts));
  for (const teacher of input.teachers) {
    if (teacher.state === null || !REPORTED_STATES.includes(teacher.state)) continue;
    if (teacher.awardDate === null) {
      teacherNotices.push(`${teacherAtRow(teacher, sheet)}：状态为“${teacher.state}”但认定日期为空或无法识别，无法列出其履职学期`);
      continue;
    }
    if (teacher.awardDate > today) {
      teacherNotices.push(`${teacherAtRow(teacher, sheet)}：认定日期 ${teacher.awardDate} 晚于今天（${today}），无法列出其履职学期；请核对认定日期`);
      continue;
    }
    const first = semesterIndex(semesterOfDate(teacher.awardDate, starts));
    const end = termEnd(teacher.awardDate, preset.termYears);
    const last = Math.min(todayIndex, semesterIndex(semesterOfDate(end, starts)));
    // Open: today's semester, while the term runs (a 任期届满 teacher's semesters are all closed).
    const openIndex = teacher.state === CANCELLABLE_STATE && today <= end ? todayIndex : null;
    const own = activities.get(teacher.row) ?? { counts: new Map(), mentees: new Map() };
    const unmet: string[] = [];
    for (let at = first; at <= last; at += 1) {
      const semester = semesterOfIndex(at);
      const status = semesterStatus(teacher, semester, own, at === openIndex, preset);
      semesters.push(status);
      if (!status.ok && schoolYearEnded(semester, starts, today)) unmet.push(unmetText(semester, status, preset));
    }
    // A 任期届满 title is past cancelling: its unmet semesters are for the term assessment only.
    if (unmet.length > 0 && teacher.state === CANCELLABLE_STATE) proposals.push(proposalText(teacher, unmet, sheet, input.proposalsFor ?? 'commands'));
  }
  const sorted = [...notices].sort((a, b) => a.row - b.row);
  return { semesters, notices: [...sorted.map(noticeText), ...teacherNotices], proposals };
}

/** Why an entry of a reported teacher falls outside the semesters of the term (before the award, after its end), or null. */
function outsideTerm(teacher: AwardedTeacher, semester: Semester, starts: SemesterStarts, preset: Preset, sheet: string): string | null {
  if (teacher.state === null || !REPORTED_STATES.includes(teacher.state) || teacher.awardDate === null) return null;
  const at = semesterIndex(semester);
  const awarded = semesterOfDate(teacher.awardDate, starts);
  if (at < semesterIndex(awarded)) {
    return `${teacherLabel(teacher, sheet)}的这条记录属${semesterText(semester)}，早于认定日期 ${teacher.awardDate} 所在的${semesterText(awarded)}；不计入`;
  }
  const end = termEnd(teacher.awardDate, preset.termYears);
  if (at > semesterIndex(semesterOfDate(end, starts))) return `${teacherLabel(teacher, sheet)}的这条记录属${semesterText(semester)}，晚于任期届满（${end}）；不计入`;
  return null;
}

function addActivity(own: TeacherActivities, entry: LedgerEntry, mentoringKind: string): void {
  const at = semesterIndex(entry.semester);
  if (entry.kind === mentoringKind) {
    const set = own.mentees.get(at) ?? new Set<string>();
    for (const mentee of entry.mentees) set.add(nameKey(mentee));
    own.mentees.set(at, set);
  } else {
    const counts = own.counts.get(at) ?? new Map<string, number>();
    own.counts.set(at, counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1));
  }
}

/**
 * One semester's status from the entries already known to be one teacher's (DUTY_STATUS: the rows
 * carrying a certificate number); `open` when the semester contains today.
 */
export function semesterStatusOf(teacher: AwardedTeacher, entries: readonly LedgerEntry[], semester: Semester, today: CalendarDate, starts: SemesterStarts, preset: Preset): SemesterStatus {
  const own: TeacherActivities = { counts: new Map(), mentees: new Map() };
  const mentoringKind = preset.dutyKinds[preset.dutyKinds.length - 1] as string;
  for (const entry of entries) addActivity(own, entry, mentoringKind);
  return semesterStatus(teacher, semester, own, semesterIndex(semester) === semesterIndex(semesterOfDate(today, starts)), preset);
}

/** `完成`, or `未完成：缺少读书、结对帮带（已帮带3名，需5名）`, `进行中：缺少…` for the open semester. */
export function statusText(status: SemesterStatus, preset: Preset): string {
  if (status.ok) return status.open ? '已完成（本学期进行中）' : '完成';
  const mentoringKind = preset.dutyKinds[preset.dutyKinds.length - 1] as string;
  const mentoring = status.missing.includes(mentoringKind) ? `（已帮带${status.mentees}名，需${preset.menteesPerYear}名）` : '';
  return `${status.open ? '进行中' : '未完成'}：缺少${status.missing.join('、')}${mentoring}`;
}

function semesterStatus(teacher: AwardedTeacher, semester: Semester, own: TeacherActivities, open: boolean, preset: Preset): SemesterStatus {
  const at = semesterIndex(semester);
  const counts = own.counts.get(at) ?? new Map<string, number>();
  const mentees = new Set<string>();
  // The school year's semesters up to this one: 第一学期 (even index) through `at`.
  for (let each = at - (semester.half - 1); each <= at; each += 1) for (const mentee of own.mentees.get(each) ?? []) mentees.add(mentee);
  const missing: string[] = [];
  for (const kind of preset.dutyKinds) {
    const needed = preset.dutiesPerSemester[kind];
    if (needed !== undefined && (counts.get(kind) ?? 0) < needed) missing.push(kind);
  }
  const mentoringKind = preset.dutyKinds[preset.dutyKinds.length - 1] as string;
  if (semester.half === 2 && mentees.size < preset.menteesPerYear) missing.push(mentoringKind);
  const count = (kind: SemesterKind) => counts.get(kind) ?? 0;
  return {
    name: teacher.name,
    certificate: teacher.certificate,
    schoolYear: schoolYearText(semester),
    semester: SEMESTER_NAMES[semester.half],
    books: count('读书'),
    lectures: count('讲座'),
    openClasses: count('公开课'),
    mentees: mentees.size,
    ok: missing.length === 0,
    missing,
    open,
    state: teacher.state ?? '',
  };
}

/** Whether the school year of a semester has ended by `today` (its 第二学期 is over). */
export function schoolYearEnded(semester: Semester, starts: SemesterStarts, today: CalendarDate): boolean {
  return semesterEnd({ startYear: semester.startYear, half: 2 }, starts) < today;
}

/** `2024-2025学年第二学期未完成读书、结对帮带（已帮带3名，需5名）`. */
function unmetText(semester: Semester, status: SemesterStatus, preset: Preset): string {
  const mentoringKind = preset.dutyKinds[preset.dutyKinds.length - 1];
  const mentoring = status.missing.includes(mentoringKind as string) ? `（已帮带${status.mentees}名，需${preset.menteesPerYear}名）` : '';
  return `${semesterText(semester)}未完成${status.missing.join('、')}${mentoring}`;
}

/** What to do about a proposal, by who reads it: the command line and menu, or the sidebar's 当前行 panel. */
const PROPOSAL_STEPS: Readonly<Record<ProposalReader, (row: number, sheet: string) => string>> = {
  commands: (row, sheet) =>
    `banzhuren advance 文件.xlsx --rows ${row} --to 已取消 --reason "六（四）${CANCELLATION_ITEM}" --as 市级邮箱${sheet === SHEET_NAMES.nominations ? '' : ` --sheet ${sheet}`}` +
    '（Google 表格中选中该行，用菜单“推进所选行…”）',
  sidebar: (row, sheet) => `在“${sheet}”中选中第${row}行，在助手的“当前行”中点“取消资格”，理由写“六（四）${CANCELLATION_ITEM}：……”`,
};

function proposalText(teacher: AwardedTeacher, unmet: readonly string[], sheet: string, reader: ProposalReader): string {
  const clause = DISQUALIFICATIONS.find((item) => item.item === CANCELLATION_ITEM)?.text ?? '';
  return `${teacherAtRow(teacher, sheet)}：${unmet.join('；')}。按方案六（四）${CANCELLATION_ITEM}“${clause}”，可由市级决定取消资格：${PROPOSAL_STEPS[reader](teacher.row, sheet)}`;
}
