/**
 * The default templates as data: a landscape 荣誉证书 naming the teacher, school, title, term,
 * number and date, issued by 玉溪市教育体育局; a 任期考核表 with the teacher's data, the 履职记录
 * table placeholder in a paragraph of its own, the assessment grades of 六（二） and signature lines.
 * Every placeholder they use is known to a sheet set up by 初始化表格, so a fresh workbook's
 * pre-flight lists no unknown placeholder.
 */
import { findPlaceholders, unknownPlaceholders } from '../../../src/domain/documents/placeholders';
import { defaultTemplates, type TemplateContent } from '../../../src/domain/documents/templates';
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { sheetLayouts } from '../../../src/domain/sheet-layouts';

function text(content: TemplateContent): string {
  return [...content.blocks.map((block) => (block.type === 'table' ? block.rows.flat().join('\n') : block.text)), content.footer ?? ''].join('\n');
}

const headers = sheetLayouts(preset)[0]?.headers ?? [];
const DEFAULT_TEMPLATES = defaultTemplates(preset);

test('the certificate: landscape, its sentence, number, issuer and date', () => {
  const certificate = DEFAULT_TEMPLATES.certificate;
  expect(certificate.landscape).toBe(true);
  expect(findPlaceholders(text(certificate)).names).toEqual(['姓名', '学校', '称号', '任期', '证书编号', '认定日期']);
  expect(text(certificate)).toContain('玉溪市教育体育局');
  expect(unknownPlaceholders(findPlaceholders(text(certificate)).names, headers, 'certificate')).toEqual([]);
});

test('the form: teacher data table, 履职记录 alone in its paragraph, the three grades, signatures', () => {
  const form = DEFAULT_TEMPLATES.form;
  expect(form.landscape).toBe(false);
  expect(form.blocks.some((block) => block.type === 'table' && block.rows.flat().includes('{{姓名}}'))).toBe(true);
  expect(form.blocks.some((block) => block.type === 'paragraph' && block.text === '{{履职记录}}')).toBe(true);
  expect(text(form)).toContain('□优秀    □合格    □不合格');
  expect(text(form)).toContain('考核人签字');
  expect(text(form)).toContain('玉溪市骨干班主任、名班主任任期考核表');
  expect(text(form)).toContain('（方案五（二）至（五）：每学期读书、讲座、公开课各至少1次，每学年结对帮带至少5名班主任）');
  expect(form.footer).toBe('填表日期：{{今天}}    玉溪市教育体育局制');
  const names = findPlaceholders(text(form)).names;
  expect(names).not.toContain('身份证号');
  expect(names).not.toContain('联系电话');
  expect(unknownPlaceholders(names, headers, 'form')).toEqual([]);
});
