/**
 * Awarded rows nobody hand-picked, for the document end-to-end tests: a seeded generator of
 * teachers with varied names, schools, counties, award dates and certificate numbers, each with a
 * valid 身份证号 and a phone number of its own (so a leak of either is visible), and helpers to
 * read the rows' links back from the workbook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { candidate } from '../support/scenario';
import { excelDate, readSheet } from '../support/workbooks';

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('丽华强敏杰芳军燕勇艳娟涛明超霞平刚桂英秀兰玉珍红梅建国志伟春晓雪云飞鹏辉静婷琳欣怡子涵思雨浩然宇轩佳琪梓萱');
const COUNTIES: [string, string[]][] = [
  ['红塔区', ['玉溪第一中学', '红塔区第一小学', '玉溪第三中学', '北苑小学']],
  ['江川区', ['江川一中', '江川区第二小学', '前卫镇中心小学']],
  ['澄江市', ['澄江一中', '澄江市第三小学']],
  ['通海县', ['通海一中', '通海县秀山小学', '河西镇中学']],
  ['华宁县', ['华宁一中', '华宁县宁州小学']],
  ['易门县', ['易门一中', '易门县龙泉小学']],
  ['峨山彝族自治县', ['峨山一中', '峨山县双江小学']],
  ['新平彝族傣族自治县', ['新平一中', '新平县桂山小学', '戛洒镇中学']],
  ['元江哈尼族彝族傣族自治县', ['元江一中', '元江县澧江小学']],
  ['市直学校', ['玉溪师范学院附属中学', '玉溪市民族中学']],
];
const STAGES = ['小学', '初中', '高中'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

/** A deterministic pseudo-random generator (mulberry32) from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid 18-digit 身份证号 (GB 11643 check digit) of someone born on `birth` (YYYYMMDD). */
function identityNumber(birth: string, serial: number): string {
  const body = `530402${birth}${String(serial % 1000).padStart(3, '0')}`;
  const sum = Array.from(body).reduce((total, digit, index) => total + Number(digit) * (ID_WEIGHTS[index] as number), 0);
  return body + ID_CHECKS[sum % 11];
}

/** One generated teacher: what the row holds and what its document must say. */
export interface GeneratedTeacher {
  row: number;
  name: string;
  county: string;
  school: string;
  number: string;
  awardDate: string;
  identity: string;
  phone: string;
  values: Record<string, unknown>;
}

/** `count` awarded teachers (rows 2…), drawn from `seed`; award dates from 2023-01-01 to 2025-06-30. */
export function generatedTeachers(count: number, seed: number): GeneratedTeacher[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const first = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2025, 5, 30) - first;
  const serials = new Map<string, number>();
  return Array.from({ length: count }, (_unused, index) => {
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '');
    const [county, schools] = pick(COUNTIES);
    const school = pick(schools);
    const awardDate = new Date(first + Math.floor((random() * span) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    const year = awardDate.slice(0, 4);
    const serial = (serials.get(year) ?? 0) + 1 + Math.floor(random() * 3);
    serials.set(year, serial);
    const number = `玉教班〔${year}〕${String(serial).padStart(3, '0')}号`;
    const birth = `19${70 + Math.floor(random() * 25)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const identity = identityNumber(birth, index + 100);
    const phone = `139${String(10_000_000 + Math.floor(random() * 89_999_999)).padStart(8, '0')}`;
    const values = candidate({
      姓名: name, 身份证号: identity, 联系电话: phone, '县（市、区）': county, 学校: school, 学段: pick(STAGES),
      状态: '已认定', 认定日期: excelDate(awardDate), 证书编号: number,
    });
    return { row: index + 2, name, county, school, number, awardDate, identity, phone, values };
  });
}

/** 2024-10-10 as a document writes it: 2024年10月10日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The last day of a term awarded on `date`: three years later, the day before (TERM_END). */
export function termEnd(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 2027-02-29 over to 03-01, so a 02-29 award ends on 02-28 as it should.
  return new Date(Date.UTC(year + 3, month - 1, day) - 86_400_000).toISOString().slice(0, 10);
}

/** Each data row's value in `column` of 推荐名单 (row number → text). */
export async function columnValues(book: string, column: string): Promise<Map<number, string>> {
  const { rows } = await readSheet(book, '推荐名单');
  const headers = (rows[0] ?? []) as unknown[];
  const index = headers.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  const values = new Map<number, string>();
  rows.slice(1).forEach((row, offset) => {
    const value = row?.[index];
    values.set(offset + 2, value === undefined || value === null ? '' : typeof value === 'object' && 'text' in (value as object) ? String((value as { text: unknown }).text) : String(value));
  });
  return values;
}

/** The command that installs LibreOffice Writer, named when soffice is missing. */
export const INSTALL_LIBREOFFICE = 'sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui';

/**
 * Converts every file to plain text with ONE LibreOffice run (its own profile, so parallel runs
 * do not collide); returns each file's text by its base name. Fails, never skips, without soffice.
 */
export function libreOfficeTexts(files: string[]): Map<string, string> {
  const found = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) throw new Error(`LibreOffice (soffice) is not installed: ${INSTALL_LIBREOFFICE}`);
  const scratch = mkdtempSync(join(tmpdir(), 'banzhuren-soffice-'));
  try {
    const outDir = join(scratch, 'out');
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(scratch, 'profile')}`, '--headless', '--convert-to', 'txt:Text', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
    const texts = new Map<string, string>();
    for (const file of files) {
      const text = join(outDir, `${basename(file, extname(file))}.txt`);
      if (existsSync(text)) texts.set(basename(file), readFileSync(text, 'utf8'));
    }
    return texts;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every file under `folder` (paths relative to it, '/' separators), sorted; `.trash` folders left out unless asked, and the local drive's appProperties index. */
export function filesUnder(folder: string, withTrash = false): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (directory: string, prefix: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === '.trash' && !withTrash) continue;
        walk(join(directory, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name !== '.banzhuren-properties.json') found.push(`${prefix}${entry.name}`);
    }
  };
  walk(folder, '');
  return found.sort();
}
