/**
 * What the demo season hands to the report page: the figures of every stage, the targets and the
 * verdicts, as plain data. The season (local/demo/season.ts) fills it from the workbook and the
 * runtime's counts; the page (local/demo/report.ts) only draws it. No personal information
 * (身份证号, 联系电话) ever goes in here: the page is meant to be shown around.
 */

/** One stage of the season, as its progress line told it. */
export interface DemoStage {
  /** Chinese name of the stage, e.g. '县级初审'. */
  name: string;
  /** The simulated day (or first day) of the stage, 'YYYY-MM-DD'. */
  day: string;
  /** One Chinese sentence of what happened, e.g. '红塔区等 9 个县（市、区）初审通过 241 行，退回 38 行'. */
  summary: string;
  /** Service calls the bundle made in this stage. */
  calls: number;
  /** Modelled Apps Script time of the stage, milliseconds (the runtime's cost table). */
  modelledMs: number;
  /** Local wall time of the stage, milliseconds. */
  wallMs: number;
}

/** A count under a label (a verdict, a state, a finding). */
export interface LabelCount {
  label: string;
  count: number;
}

/** One county's nominations, awards and target (null when the plan sets none). */
export interface CountyFigures {
  county: string;
  nominated: number;
  awarded: number;
  /** The plan's target for the county over the whole plan (四（二）：不少于100名), or null. */
  target: number | null;
}

/** One clause's failures: how many rows it stopped and one example reason as 审查说明 wrote it. */
export interface ClauseFailures {
  /** The clause, e.g. '四（一）9（1）'. */
  clause: string;
  /** Rows whose finding for this clause was 不符合. */
  notMet: number;
  /** Rows whose finding for this clause was 待核实. */
  toVerify: number;
  /** One reason from 审查说明, verbatim (no personal information). */
  example: string;
}

/** One planted mistake of the sample forms and what the checker said about it. */
export interface PlantedMistake {
  /** What was wrong, e.g. '出生日期写成文字', '身份证号校验位错误'. */
  kind: string;
  /** The sheet row it sits in. */
  row: number;
  /** The column's header. */
  column: string;
  /** What the checker wrote (审查说明, or the message of the step that met it). */
  message: string;
}

/** One file the demo wrote, relative to the output folder. */
export interface DemoFile {
  label: string;
  path: string;
}

/** Everything the report page shows. */
export interface DemoReportData {
  /** When the demo ran, real time, ISO 8601. */
  generatedAt: string;
  /** The year of the season, e.g. 2024. */
  seasonYear: number;
  /** Candidate rows in the sample workbook. */
  candidates: number;
  stages: DemoStage[];
  /** Verdicts of the first check (符合 / 不符合 / 待核实). */
  verdicts: LabelCount[];
  /** Final 状态 of every row at the end of the season. */
  states: LabelCount[];
  clauses: ClauseFailures[];
  counties: CountyFigures[];
  /** Awards by 学段 and by 申报类别. */
  byStage: LabelCount[];
  byCategory: LabelCount[];
  /** The city's yearly target (180) against this season's awards. */
  yearTarget: { year: number; awarded: number; target: number };
  /** holidaysCrossed: every day of the period that is not a working day; holidayNames: the official holidays among them (国庆节). */
  publicity: { start: string; end: string; workingDays: number; holidaysCrossed: string[]; holidayNames: string[] };
  documents: { certificates: number; termForms: number };
  /** Duty ledger findings (履职情况) and studio findings, by label. */
  duties: LabelCount[];
  studios: LabelCount[];
  /** Reminder emails over the simulated days, by kind (邮件模板 name), and in all. */
  reminders: { days: number; mails: number; byKind: LabelCount[] };
  mistakes: PlantedMistake[];
  files: DemoFile[];
}
