/**
 * The demo season's calendar: each stage's Chinese name and the simulated day it happens on. The
 * 2024 season: nominations checked in early September, publicity from Friday 2024-09-27 across
 * 国庆 to 2024-10-09, awards the next day, the duty ledger and studios before the first semester
 * ends, 30 days of reminders over the semester's end, and the term forms three years on.
 */

/** The season's year. */
export const SEASON_YEAR = 2024;

/** The publicity's first day, and the last day the plan's 5 working days give (SPEC §5). */
export const PUBLICITY_START = '2024-09-27';
export const EXPECTED_PUBLICITY_END = '2024-10-09';

/** Days of reminders simulated, and the first of them. */
export const REMINDER_DAYS = 30;
export const REMINDERS_FROM = '2024-12-21';

/** The stages, in order. */
export const STAGE_NAMES = [
  '生成示例名单并初始化表格',
  '校验全部资格',
  '县级初审',
  '市级评审',
  '公示',
  '认定',
  '荣誉证书',
  '履职记录',
  '工作室',
  '统计',
  '每日提醒',
  '任期考核表',
] as const;

/** A stage's name. */
export type StageName = (typeof STAGE_NAMES)[number];

/** The simulated day each stage happens on (the reminders: their first day). */
export const SEASON_DAYS: Readonly<Record<StageName, string>> = {
  生成示例名单并初始化表格: '2024-09-02',
  校验全部资格: '2024-09-03',
  县级初审: '2024-09-10',
  市级评审: '2024-09-20',
  公示: PUBLICITY_START,
  认定: '2024-10-10',
  荣誉证书: '2024-10-11',
  履职记录: '2024-12-20',
  工作室: '2024-12-20',
  统计: '2024-12-20',
  每日提醒: REMINDERS_FROM,
  任期考核表: '2027-08-16',
};
