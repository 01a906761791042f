/**
 * The demo's sample nominations: about 300 synthetic candidates (names, schools, 身份证号 with
 * right GB 11643 check digits, phone numbers in a reserved-looking range, example.com addresses)
 * across every county of the plan and 市直学校, every 学段 and both 申报类别, drawn from a seeded
 * generator so every run makes the same workbook. Some rows carry the mistakes real forms have
 * (text dates, 是 for 符合, a wrong check digit, a blank county), some genuinely fail a clause;
 * each such row is listed as a planted mistake for the report to show what the checker said.
 */
import { idNumber, withWrongCheck } from './id-number';
import { SeededRandom } from './random';

/** The headers of the sample 推荐名单, in the order of the form (SPEC §2). */
export const SAMPLE_HEADERS = [
  '序号', '姓名', '性别', '身份证号', '联系电话', '电子邮箱', '县（市、区）', '学校', '学段', '申报类别', '申报工作室主持人',
  '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康', '获奖级别', '获奖名称',
  '荣誉级别', '荣誉名称', '近5年考核', '科研级别', '科研名称', '市级名班主任', '上届考核结果', '上届考核日期', '取消资格情形',
] as const;

/** The title typed above the header row, merged across it, as government forms have it. */
export const SAMPLE_TITLE = '玉溪市2024年骨干班主任、名班主任推荐汇总表';

/** The sheet row of the header (the title is row 1) and of the first candidate. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** The 学段 of the plan (SPEC §1). */
export const SAMPLE_STAGES = ['幼儿园', '小学', '初中', '高中', '中职', '高职', '特殊教育'] as const;

/** What a planted row is expected to show (the test and the report read it). */
export interface PlantedRow {
  /** The sheet row. */
  row: number;
  /** What is wrong (or unusual) in Chinese, e.g. '身份证号校验位错误'. */
  kind: string;
  /** The header of the column it sits in. */
  column: string;
  /** The rule (finding id) that should speak about it, and what it should say. */
  rule: string;
  expected: '符合' | '不符合' | '待核实';
}

/** One candidate row: header → value (a Date for a real date cell). */
export type SampleRow = Record<string, string | number | Date>;

/** The sample: rows in sheet order (from FIRST_DATA_ROW) and the planted ones. */
export interface SampleNominations {
  rows: SampleRow[];
  planted: PlantedRow[];
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '丽娟敏静燕艳芳玲霞秀英华梅兰琼雪婷颖洁莉萍红云春晓慧佳欣悦明伟强军磊涛斌勇杰峰鹏辉刚俊超浩宇文建国志平海波林东亮宏晨旭阳';

/** Counties' short names, region codes (for the synthetic 身份证号) and how many candidates each sends. */
const COUNTY_FACTS: Record<string, { short: string; region: string; count: number }> = {
  红塔区: { short: '红塔', region: '530402', count: 44 },
  江川区: { short: '江川', region: '530403', count: 27 },
  澄江市: { short: '澄江', region: '530481', count: 26 },
  通海县: { short: '通海', region: '530423', count: 27 },
  华宁县: { short: '华宁', region: '530424', count: 24 },
  易门县: { short: '易门', region: '530425', count: 24 },
  峨山彝族自治县: { short: '峨山', region: '530426', count: 24 },
  新平彝族傣族自治县: { short: '新平', region: '530427', count: 26 },
  元江哈尼族彝族傣族自治县: { short: '元江', region: '530428', count: 24 },
  市直学校: { short: '玉溪', region: '530400', count: 34 },
};

const SCHOOL_KINDS: Record<string, string[]> = {
  幼儿园: ['第一幼儿园', '实验幼儿园', '机关幼儿园'],
  小学: ['第一小学', '实验小学', '第二小学', '明德小学', '育才小学'],
  初中: ['第一中学', '第二中学', '民族中学', '实验中学'],
  高中: ['第一中学', '民族中学', '高级中学'],
  中职: ['职业高级中学', '中等专业学校'],
  高职: ['职业技术学院'],
  特殊教育: ['特殊教育学校'],
};
const CITY_SCHOOLS: Record<string, string[]> = {
  幼儿园: ['玉溪市第一幼儿园'],
  小学: ['玉溪市实验小学', '玉溪市第二小学'],
  初中: ['玉溪第一中学初中部', '玉溪市民族中学'],
  高中: ['玉溪第一中学', '玉溪第二中学'],
  中职: ['玉溪工业财贸学校', '玉溪市卫生学校'],
  高职: ['玉溪农业职业技术学院'],
  特殊教育: ['玉溪市特殊教育学校'],
};

const AWARDS = [['市级', '玉溪市班主任基本功大赛一等奖'], ['县级', '县（市、区）主题班会评比一等奖'], ['省级', '云南省中小学德育优秀案例'], ['市级', '玉溪市优秀主题班会课'], ['国家级', '全国中小学班主任工作案例征集入选']] as const;
const HONORS = [['县级', '优秀班主任'], ['市级', '先进班集体'], ['市级', '优秀班主任'], ['县级', '优秀教育工作者'], ['省级', '优秀德育工作者']] as const;
const RESEARCH = [['市级', '班级文化建设的实践研究（市级课题）'], ['县级', '农村寄宿制学校班级管理研究'], ['省级', '云南省教育科学规划课题子课题']] as const;

/** Stage weights: most candidates teach in 小学 and 初中. */
const STAGE_WEIGHTS: [string, number][] = [['幼儿园', 12], ['小学', 33], ['初中', 25], ['高中', 15], ['中职', 8], ['高职', 3], ['特殊教育', 4]];

function weightedStage(random: SeededRandom): string {
  let pick = random.int(1, STAGE_WEIGHTS.reduce((total, [, weight]) => total + weight, 0));
  for (const [stage, weight] of STAGE_WEIGHTS) {
    pick -= weight;
    if (pick <= 0) return stage;
  }
  return '小学';
}

/** Five annual results, oldest first, with at least one 优秀 (SPEC 四（一）9（1）). */
function goodAssessments(random: SeededRandom): string {
  const results = Array.from({ length: 5 }, () => (random.chance(0.35) ? '优秀' : '合格'));
  if (!results.includes('优秀')) results[random.int(0, 4)] = '优秀';
  return results.join(random.chance(0.8) ? '、' : ' ');
}

/** A maker of synthetic Chinese names (surname and one or two characters), none in `used` and none twice. */
export function makeNamer(random: SeededRandom, used: Set<string>): () => string {
  return () => {
    for (;;) {
      const given = random.chance(0.7) ? `${random.pick([...GIVEN])}${random.pick([...GIVEN])}` : random.pick([...GIVEN]);
      const full = `${random.pick([...SURNAMES])}${given}`;
      if (!used.has(full)) {
        used.add(full);
        return full;
      }
    }
  };
}

/**
 * Makes the sample: `counties` are the plan's counties in order (from the bundle's role table),
 * the last group 市直学校. The same seed gives the same rows.
 */
export function sampleNominations(counties: readonly string[], seed = 20240927): SampleNominations {
  const random = new SeededRandom(seed);
  const name = makeNamer(random, new Set<string>());
  const rows: SampleRow[] = [];
  let sequence = 0;
  for (const county of [...counties, '市直学校']) {
    const facts = COUNTY_FACTS[county] ?? { short: county.slice(0, 2), region: '530400', count: 24 };
    for (let index = 0; index < facts.count; index += 1) {
      sequence += 1;
      // The first rows of each county go round every stage, so every 学段 appears everywhere it can.
      const stage = index < SAMPLE_STAGES.length && county === '红塔区' ? (SAMPLE_STAGES[index] as string) : weightedStage(random);
      const school = county === '市直学校' ? random.pick(CITY_SCHOOLS[stage] ?? ['玉溪市第一中学']) : `${facts.short}${county.endsWith('市') ? '市' : county.endsWith('区') ? '区' : '县'}${random.pick(SCHOOL_KINDS[stage] ?? ['第一中学'])}`;
      const famous = random.chance(0.25);
      const gender = random.chance(0.72) ? '女' : '男';
      const birthYear = random.int(1972, 1994);
      const birth = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const idSequence = random.int(1, 499) * 2 + (gender === '男' ? 1 : 0);
      const award = random.pick(AWARDS);
      const honor = random.pick(HONORS);
      const years = random.int(5, 24);
      const row: SampleRow = {
        序号: sequence,
        姓名: name(),
        性别: gender,
        身份证号: idNumber(facts.region, birth, idSequence),
        联系电话: `1380877${String(random.int(0, 9999)).padStart(4, '0')}`,
        电子邮箱: `teacher${String(sequence).padStart(3, '0')}@example.com`,
        '县（市、区）': county,
        学校: school,
        学段: stage,
        申报类别: famous ? '名班主任' : '骨干班主任',
        申报工作室主持人: '否',
        班主任累计年限: random.chance(0.15) ? `${years}年` : years,
        县级认定: famous && random.chance(0.6) ? '县级名班主任' : '县级骨干班主任',
        政治素质: '符合', 职业道德: '符合', 敬业奉献: '符合', 理论功底: '符合', 业务水平: '符合', 身心健康: '符合',
        获奖级别: award[0], 获奖名称: award[1],
        荣誉级别: honor[0], 荣誉名称: honor[1],
        近5年考核: goodAssessments(random),
        科研级别: '',
        科研名称: '',
        市级名班主任: '否',
        上届考核结果: '',
        上届考核日期: '',
        取消资格情形: '',
      };
      if (famous) {
        const research = random.pick(RESEARCH);
        row.科研级别 = research[0];
        row.科研名称 = research[1];
      }
      rows.push(row);
    }
  }
  const planted: PlantedRow[] = [];
  // Plants go on rows picked in a fixed order from the whole list, never twice on one row.
  const taken = new Set<number>();
  const pickRow = (test: (row: SampleRow) => boolean = () => true): number => {
    for (;;) {
      const index = random.int(0, rows.length - 1);
      const row = rows[index] as SampleRow;
      if (!taken.has(index) && test(row)) {
        taken.add(index);
        return index;
      }
    }
  };
  const plant = (kind: string, column: string, rule: string, expected: PlantedRow['expected'], change: (row: SampleRow) => void, test?: (row: SampleRow) => boolean) => {
    const index = pickRow(test);
    change(rows[index] as SampleRow);
    planted.push({ row: FIRST_DATA_ROW + index, kind, column, rule, expected });
  };
  const famous = (row: SampleRow) => row.申报类别 === '名班主任';
  const countyRow = (row: SampleRow) => row['县（市、区）'] !== '市直学校';

  // Mistakes of form that the checker reads or reports, not fails.
  const yesFor = ['政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康'];
  for (let count = 0; count < 8; count += 1) {
    plant('用“是”代替“符合”', '政治素质', 'c1', '符合', (row) => {
      for (const header of yesFor.slice(0, 1 + (count % yesFor.length))) row[header] = '是';
    });
  }
  const textDates = ['2023年6月30日', '2023.6.30', '2023/7/1'];
  for (const text of textDates) {
    plant(`上届考核日期写成文字“${text}”`, '上届考核日期', 'lastTerm', '符合', (row) => {
      row.上届考核结果 = '合格';
      row.上届考核日期 = text;
    });
  }
  plant('上届考核日期无法识别（“去年6月”）', '上届考核日期', 'lastTerm', '待核实', (row) => {
    row.上届考核结果 = '不合格';
    row.上届考核日期 = '去年6月';
  });
  for (let count = 0; count < 2; count += 1) {
    plant('身份证号校验位错误', '身份证号', 'idNumber', '待核实', (row) => {
      row.身份证号 = withWrongCheck(String(row.身份证号));
    });
  }
  for (let count = 0; count < 2; count += 1) plant('县（市、区）留空', '县（市、区）', 'county', '待核实', (row) => {
    row['县（市、区）'] = '';
  }, countyRow);
  plant('县（市、区）写简称', '县（市、区）', 'county', '符合', (row) => {
    row['县（市、区）'] = COUNTY_FACTS[String(row['县（市、区）'])]?.short ?? String(row['县（市、区）']);
  }, (row) => countyRow(row) && row['县（市、区）'] !== '红塔区');
  plant('累计年限写成“5.5”', '班主任累计年限', 'years', '符合', (row) => {
    row.班主任累计年限 = '5.5';
  });
  plant('级别写简称（“省”“县”）', '获奖级别', 'award', '符合', (row) => {
    row.获奖级别 = '省';
    row.荣誉级别 = '县';
  });
  plant('近5年考核只填了4年', '近5年考核', 'assessments', '待核实', (row) => {
    row.近5年考核 = '合格、优秀、合格、合格';
  }, famous);

  // Rows that genuinely fail a clause: the verdict chart has something to show.
  for (let count = 0; count < 6; count += 1) plant('班主任年限不足5年', '班主任累计年限', 'years', '不符合', (row) => {
    row.班主任累计年限 = 3 + (count % 2);
  });
  for (let count = 0; count < 5; count += 1) plant('名班主任近5年考核无优秀', '近5年考核', 'assessments', '不符合', (row) => {
    row.近5年考核 = '合格、合格、合格、合格、合格';
  }, famous);
  plant('名班主任近5年考核有基本合格', '近5年考核', 'assessments', '不符合', (row) => {
    row.近5年考核 = '优秀、合格、基本合格、合格、合格';
  }, famous);
  for (let count = 0; count < 5; count += 1) plant('获奖只有校级', '获奖级别', 'award', '不符合', (row) => {
    row.获奖级别 = '校级';
    row.获奖名称 = '校级优秀班主任';
  });
  for (let count = 0; count < 3; count += 1) plant('没有县级以上荣誉', '荣誉级别', 'honor', '不符合', (row) => {
    row.荣誉级别 = '无';
    row.荣誉名称 = '';
  });
  for (let count = 0; count < 4; count += 1) plant('没有县级认定', '县级认定', 'countyTitle', '不符合', (row) => {
    row.县级认定 = '无';
  });
  for (let count = 0; count < 3; count += 1) plant('上届任期考核不合格', '上届考核结果', 'lastTerm', '不符合', (row) => {
    row.上届考核结果 = '不合格';
    row.上届考核日期 = new Date(Date.UTC(2023, 6, 10));
  });
  for (let count = 0; count < 2; count += 1) plant('申报工作室主持人但不是市级名班主任', '申报工作室主持人', 'studioHost', '不符合', (row) => {
    row.申报工作室主持人 = '是';
  }, famous);
  plant('名班主任没有科研成果', '科研级别', 'research', '不符合', (row) => {
    row.科研级别 = '无';
    row.科研名称 = '';
  }, famous);
  plant('有取消资格情形', '取消资格情形', 'disqualified', '不符合', (row) => {
    row.取消资格情形 = '六（四）4.因工作失职造成班级安全事故的';
  });
  planted.sort((a, b) => a.row - b.row);
  return { rows, planted };
}
