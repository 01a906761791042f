/**
 * Presets: every number, list and city-specific text the plan fixes, as data. The Yuxi 2023–2025
 * plan is the default; another city's plan of the same shape is a new preset object here and
 * DEFAULT_PRESET pointing at it — one file, no other code (templates/*.docx are then re-exported
 * with `banzhuren templates --out templates --force`).
 */

/** The settings a plan of this shape fixes. */
export interface Preset {
  id: string;
  /** The plan's full title: 设置's 培养方案 row and the 统计 sheet name it. */
  title: string;
  /** 六（一）: who issues the certificates and assesses the terms (signed under both default templates). */
  issuer: string;
  /** 四（二）3: the title over every printed 公示名单. */
  publicityTitle: string;
  /** 六（二）: the title of the default 任期考核表 template. */
  formTitle: string;
  /** 四（一）: years as a class teacher, at least. */
  minYears: number;
  /** 四（一）9（1）: the most recent annual assessments looked at (近5年), and how many must be 优秀. */
  assessmentYears: number;
  minExcellentYears: number;
  /** 四（二）3: working days of publicity, at least. */
  publicityDays: number;
  /** 六（二）: years of one term. */
  termYears: number;
  /** 五（五）: distinct teachers mentored per school year. */
  menteesPerYear: number;
  /** 五（二）–（四）: activities per semester by kind. */
  dutiesPerSemester: Record<string, number>;
  /** 五（二）–（五）: the kinds of the 履职记录's 类型 column; the last is mentoring (结对帮带). */
  dutyKinds: string[];
  /** Default semester starts as month-day ('9-1'), changeable in 设置. */
  semesterStarts: { first: string; second: string };
  /** 一: the plan's years (2023年至2025年); statistics count from the first. */
  planYears: number[];
  /** 一: people awarded by the city per year. */
  cityTargetPerYear: number;
  /** 一: people awarded by each county per year, at least. */
  countyTargetPerYear: number;
  /** 一: city studios by stage. */
  studiosByStage: Record<string, number>;
  /** 三（三）: a studio's shape. */
  studioShape: { hosts: number; members: number; traineesPerMember: number };
  /** 四（二）: certificate number pattern. */
  certificatePattern: string;
  /** Counties (县（市、区）) of the city, and the name of the city-direct group. */
  counties: string[];
  cityDirect: string;
  stages: string[];
  /** Time zone of the city's spreadsheets: 初始化表格 says so when a spreadsheet is set to another. */
  timeZone: string;
}

/** 玉溪市2023－2025年骨干班主任、名班主任培养方案（试行）. */
export const YUXI_2023_2025: Preset = {
  id: 'yuxi-2023-2025',
  title: '玉溪市2023－2025年骨干班主任、名班主任培养方案（试行）',
  issuer: '玉溪市教育体育局',
  publicityTitle: '玉溪市骨干班主任、名班主任拟认定人选公示名单',
  formTitle: '玉溪市骨干班主任、名班主任任期考核表',
  minYears: 5,
  assessmentYears: 5,
  minExcellentYears: 1,
  publicityDays: 5,
  termYears: 3,
  menteesPerYear: 5,
  dutiesPerSemester: { 读书: 1, 讲座: 1, 公开课: 1 },
  dutyKinds: ['读书', '讲座', '公开课', '结对帮带'],
  semesterStarts: { first: '9-1', second: '2-1' },
  planYears: [2023, 2024, 2025],
  cityTargetPerYear: 180,
  countyTargetPerYear: 100,
  studiosByStage: { 幼儿园: 2, 小学: 3, 初中: 3, 高中: 3, 中职: 3, 高职: 1 },
  studioShape: { hosts: 1, members: 10, traineesPerMember: 3 },
  certificatePattern: '玉教班〔{year}〕{seq:000}号',
  counties: [
    '红塔区',
    '江川区',
    '澄江市',
    '通海县',
    '华宁县',
    '易门县',
    '峨山彝族自治县',
    '新平彝族傣族自治县',
    '元江哈尼族彝族傣族自治县',
  ],
  cityDirect: '市直学校',
  stages: ['幼儿园', '小学', '初中', '高中', '中职', '高职', '特殊教育'],
  timeZone: 'Asia/Shanghai',
};

/** The preset the add-on and the CLI run with (another city: point this at its preset and rebuild). */
export const DEFAULT_PRESET = YUXI_2023_2025;
