/**
 * The default templates 初始化模板 creates (and the repository's templates/*.docx are made from), as
 * data made from the preset: a landscape 荣誉证书 naming the teacher, school, title, term, number and
 * date, signed by the preset's issuer (玉溪市教育体育局); and a 任期考核表 (方案六（二）: at the end of the three-year term the city or county
 * assesses each title holder — 优秀, 合格 or 不合格 — on the duties of 五（二）–（五）) with the
 * teacher's data, the per-semester 履职记录 table, the assessment lines and signatures. Officials
 * edit the copies freely; only the {{名称}} placeholders are read.
 */
import { TERM_ASSESSMENTS } from '../nomination/fields';
import { DUTY_TABLE_FIELD } from './placeholders';
import type { Preset } from '../presets';
import type { DocumentKind } from './kinds';

/** One block of a template, in order. */
export type TemplateBlock =
  | { type: 'title'; text: string }
  | { type: 'paragraph'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean; size?: number }
  | { type: 'table'; rows: string[][] };

/** A default template: its Drive name, page orientation, blocks and footer. */
export interface TemplateContent {
  name: string;
  landscape: boolean;
  blocks: TemplateBlock[];
  footer?: string;
}

/** A4 in points (Body.setPageWidth/Height take points). */
export const A4_POINTS = { short: 595.28, long: 841.89 } as const;

/** 五（二）–（五） in words: `每学期读书、讲座、公开课各至少1次，每学年结对帮带至少5名班主任`. */
function dutiesText(preset: Pick<Preset, 'dutiesPerSemester' | 'dutyKinds' | 'menteesPerYear'>): string {
  const byCount = new Map<number, string[]>();
  for (const [kind, count] of Object.entries(preset.dutiesPerSemester)) byCount.set(count, [...(byCount.get(count) ?? []), kind]);
  const semester = [...byCount].map(([count, kinds]) => `${kinds.join('、')}${kinds.length > 1 ? '各' : ''}至少${count}次`).join('，');
  const mentoring = preset.dutyKinds[preset.dutyKinds.length - 1] ?? '结对帮带';
  return `每学期${semester}，每学年${mentoring}至少${preset.menteesPerYear}名班主任`;
}

/** The default templates of each kind, with the preset's issuer, form title and duties. */
export function defaultTemplates(preset: Pick<Preset, 'issuer' | 'formTitle' | 'dutiesPerSemester' | 'dutyKinds' | 'menteesPerYear'>): Readonly<Record<DocumentKind, TemplateContent>> {
  return {
    certificate: {
      name: '荣誉证书模板',
      landscape: true,
      blocks: [
        { type: 'title', text: '荣 誉 证 书' },
        { type: 'paragraph', text: '' },
        {
          type: 'paragraph',
          text: '{{姓名}}同志（{{学校}}）：经学校推荐、县（市、区）初审、市级评审和公示，被认定为{{称号}}，任期{{任期}}。特发此证，以资鼓励。',
          size: 18,
        },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: '证书编号：{{证书编号}}', align: 'left', size: 12 },
        { type: 'paragraph', text: preset.issuer, align: 'right', size: 16 },
        { type: 'paragraph', text: '{{认定日期}}', align: 'right', size: 16 },
      ],
    },
    form: {
      name: '任期考核表模板',
      landscape: false,
      blocks: [
        { type: 'title', text: preset.formTitle },
        {
          type: 'table',
          rows: [
            ['姓名', '{{姓名}}', '性别', '{{性别}}'],
            ['学校', '{{学校}}', '县（市、区）', '{{县（市、区）}}'],
            ['学段', '{{学段}}', '称号', '{{称号}}'],
            ['证书编号', '{{证书编号}}', '任期', '{{任期}}'],
          ],
        },
        { type: 'paragraph', text: `一、任期履职情况（方案五（二）至（五）：${dutiesText(preset)}）`, bold: true },
        { type: 'paragraph', text: `{{${DUTY_TABLE_FIELD}}}` },
        { type: 'paragraph', text: '二、个人述职（任期内带班育人、示范引领的主要工作和成效）', bold: true },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: '三、学校意见', bold: true },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: '（盖章）            年    月    日', align: 'right' },
        { type: 'paragraph', text: '四、考核意见（县（市、区）或市教育体育局，方案六（二））', bold: true },
        { type: 'paragraph', text: `考核等次：${TERM_ASSESSMENTS.map((result) => `□${result}`).join('    ')}` },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: '考核人签字：                （盖章）            年    月    日', align: 'right' },
      ],
      footer: `填表日期：{{今天}}    ${preset.issuer}制`,
    },
  };
}
