// Generated workbooks for bench/actions.mjs, made the way an official's file is: `banzhuren init`,
// then rows typed in (exceljs). Deterministic (a fixed seed), spread over every county (and 市直学校),
// every 学段 and both 申报类别, with the mistakes real forms have in some rows (too few years, a
// missing 符合, a 不合格 last term). Two kinds:
//  - nominations(n): n candidates, 状态 初审通过 (what the city then reviews with advance), and 权限
//    (the city and a reviewer for each county);
//  - awarded(n): n teachers 已认定 between 2022-09 and 2025-03 (认定日期, 证书编号, 电子邮箱), and their
//    履职记录 from the semester of their award to the last one ended before the bench's day: 读书,
//    讲座 and 公开课 each semester (some missing) and 结对帮带 with five mentees each school year.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';

const bin = new URL('../bin/banzhuren.js', import.meta.url).pathname;

export const CITY = 'city@yuxi.edu.cn';
export const COUNTIES = ['红塔区', '江川区', '澄江市', '通海县', '华宁县', '易门县', '峨山彝族自治县', '新平彝族傣族自治县', '元江哈尼族彝族傣族自治县', '市直学校'];
const STAGES = ['幼儿园', '小学', '初中', '高中', '中职', '高职', '特殊教育'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '丽华敏静强军磊洋勇艳杰娟涛明超秀霞平刚桂英芳燕玲红梅兰云峰波辉鹏飞宇婷雪琳晨欣怡佳琪';

/** A deterministic pseudo-random sequence (the same workbooks on every run). */
function randomOf(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** 18-digit 身份证号 with its check character (GB 11643). */
function idNumber(region, birth, sequence) {
  const body = `${region}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return body + '10X98765432'[sum % 11];
}

const excelDate = (date) => new Date(`${date}T00:00:00Z`);
const pad = (value, width) => String(value).padStart(width, '0');

/** The candidate of row index `index` (0-based), by header. */
function candidate(index, random) {
  const county = COUNTIES[index % COUNTIES.length];
  const stage = STAGES[Math.floor(index / COUNTIES.length) % STAGES.length];
  const famous = random() < 0.3;
  const name = SURNAMES[Math.floor(random() * SURNAMES.length)] + GIVEN[Math.floor(random() * GIVEN.length)] + (random() < 0.5 ? GIVEN[Math.floor(random() * GIVEN.length)] : '');
  const birth = `19${70 + Math.floor(random() * 25)}${pad(1 + Math.floor(random() * 12), 2)}${pad(1 + Math.floor(random() * 28), 2)}`;
  const flaw = random();
  return {
    序号: index + 1,
    姓名: name,
    性别: random() < 0.7 ? '女' : '男',
    身份证号: idNumber(`5304${pad(index % 30, 2)}`, birth, pad(index % 1000, 3)),
    联系电话: `139${pad(index, 8)}`,
    电子邮箱: `t${index + 1}@example.com`,
    '县（市、区）': county,
    学校: county === '市直学校' ? `玉溪市第${1 + (index % 5)}中学` : `${county}第${1 + (index % 7)}${stage === '幼儿园' ? '幼儿园' : '学校'}`,
    学段: stage,
    申报类别: famous ? '名班主任' : '骨干班主任',
    班主任累计年限: flaw < 0.05 ? 3 : 5 + Math.floor(random() * 15),
    县级认定: famous ? '县级名班主任' : '县级骨干班主任',
    政治素质: '符合',
    职业道德: flaw > 0.05 && flaw < 0.08 ? '' : '符合',
    敬业奉献: '符合',
    理论功底: '符合',
    业务水平: '符合',
    身心健康: '符合',
    获奖级别: ['县级', '市级', '省级'][index % 3],
    荣誉级别: ['市级', '省级', '县级'][index % 3],
    近5年考核: famous ? '合格、优秀、合格、合格、优秀' : '',
    科研级别: famous ? '市级' : '',
    上届考核结果: flaw > 0.95 ? '不合格' : '',
    上届考核日期: flaw > 0.95 ? excelDate('2024-06-30') : null,
  };
}

/** `banzhuren init path` (a new workbook with every sheet the add-on uses). */
function init(path) {
  const run = spawnSync(process.execPath, [bin, 'init', path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`init ${path}: ${run.stderr}`);
}

/** Writes `rows` (objects by header) into `sheet` from row 2. */
function fill(sheet, rows) {
  const headers = sheet.getRow(1).values.slice(1).map(String);
  const columns = new Map(headers.map((header, column) => [header, column + 1]));
  rows.forEach((row, index) => {
    const target = sheet.getRow(index + 2);
    for (const [header, value] of Object.entries(row)) {
      const column = columns.get(header);
      if (column === undefined) throw new Error(`${sheet.name} 没有“${header}”列`);
      if (value !== null && value !== undefined && value !== '') target.getCell(column).value = value;
    }
  });
}

/** 权限: the city, and one reviewer for each county. */
function permissions(workbook) {
  const sheet = workbook.getWorksheet('权限');
  sheet.getRow(2).values = [CITY, '市级', ''];
  COUNTIES.filter((county) => county !== '市直学校').forEach((county, index) => {
    sheet.getRow(index + 3).values = [`county${index + 1}@yuxi.edu.cn`, county, ''];
  });
}

/** A workbook of `n` candidates, all 初审通过, at `path`. */
export async function nominations(n, path) {
  init(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const random = randomOf(20240927 + n);
  fill(workbook.getWorksheet('推荐名单'), Array.from({ length: n }, (_, index) => ({ ...candidate(index, random), 状态: '初审通过' })));
  permissions(workbook);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** The school year and semester a date falls in (第一学期 from 9-1, 第二学期 from 2-1). */
function semesterOf(date) {
  const [year, month] = date.split('-').map(Number);
  if (month >= 9) return { start: year, semester: 1 };
  if (month >= 2) return { start: year - 1, semester: 2 };
  return { start: year - 1, semester: 1 };
}

/** Semesters from `from`'s up to the last one that ended before `today`. */
function endedSemesters(from, today) {
  const last = semesterOf(today);
  const list = [];
  let { start, semester } = semesterOf(from);
  while (start < last.start || (start === last.start && semester < last.semester)) {
    list.push({ start, semester });
    if (semester === 1) semester = 2;
    else {
      semester = 1;
      start += 1;
    }
  }
  return list;
}

/** A day inside a semester (for a record's 日期). */
function dayIn({ start, semester }, random) {
  const month = semester === 1 ? 9 + Math.floor(random() * 4) : 3 + Math.floor(random() * 4);
  const year = semester === 1 ? start : start + 1;
  return `${year}-${pad(month, 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
}

/** A workbook of `n` awarded teachers (and their 履职记录, up to `today`) at `path`. */
export async function awarded(n, path, today) {
  init(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const random = randomOf(20250915 + n);
  const first = Date.UTC(2022, 8, 20);
  const span = (Date.UTC(2025, 2, 31) - first) / 86_400_000;
  const sequences = new Map();
  const rows = [];
  const ledger = [];
  for (let index = 0; index < n; index += 1) {
    const row = candidate(index, random);
    const on = new Date(first + Math.floor(random() * span) * 86_400_000).toISOString().slice(0, 10);
    const year = on.slice(0, 4);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const certificate = `玉教班〔${year}〕${pad(sequence, 3)}号`;
    rows.push({ ...row, 班主任累计年限: Math.max(5, row.班主任累计年限), 职业道德: '符合', 上届考核结果: '', 上届考核日期: null, 资格审查: '符合', 状态: '已认定', 认定日期: excelDate(on), 证书编号: certificate });
    const person = { 姓名: row.姓名, 证书编号: certificate };
    const semesters = endedSemesters(on, today);
    for (const semester of semesters) {
      const term = `${semester.start}-${semester.start + 1}学年${semester.semester === 1 ? '第一' : '第二'}学期`;
      for (const kind of ['读书', '讲座', '公开课']) {
        if (random() < 0.93) ledger.push({ ...person, 学年学期: term, 类型: kind, 内容: `${kind}：班级管理专题`, 日期: excelDate(dayIn(semester, random)), 级别: '校级' });
      }
      if (semester.semester === 2 && random() < 0.9) {
        const mentees = Array.from({ length: 5 }, (_, mentee) => `学员${index + 1}-${semester.start}-${mentee + 1}`).join('、');
        ledger.push({ ...person, 学年学期: term, 类型: '结对帮带', 内容: '结对帮带青年班主任', 日期: excelDate(dayIn(semester, random)), 帮带对象: mentees });
      }
    }
  }
  fill(workbook.getWorksheet('推荐名单'), rows);
  fill(workbook.getWorksheet('履职记录'), ledger);
  permissions(workbook);
  await workbook.xlsx.writeFile(path);
  return { path, ledgerRows: ledger.length };
}
