/**
 * "Another city's plan is one file": a made-up 示例市 preset, with nothing else changed, gives its
 * own 公示名单 title, certificate issuer, 任期考核表 title and duties, counties (权限's roles, the
 * 县（市、区） dropdown and short names) and 培养方案; and no code outside src/domain/presets.ts
 * spells 玉溪 or 玉教 (comments aside), so nothing city-specific is left behind in the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplates, type TemplateContent } from '../../../src/domain/documents/templates';
import { countyShortNames } from '../../../src/domain/nomination/fields';
import { YUXI_2023_2025, type Preset } from '../../../src/domain/presets';
import { publicityLayout } from '../../../src/domain/publicity-list';
import { SETTING_KEYS, SHEET_NAMES, sheetLayouts } from '../../../src/domain/sheet-layouts';
import { settingProblem } from '../../../src/domain/sidebar/settings';
import { readPermissions } from '../../../src/domain/workflow/roles';

/** A made-up city's plan of the same shape. */
const SAMPLE: Preset = {
  ...YUXI_2023_2025,
  id: 'shili-2026-2028',
  title: '示例市2026－2028年骨干班主任、名班主任培养方案',
  issuer: '示例市教育局',
  publicityTitle: '示例市骨干班主任、名班主任拟认定人选公示',
  formTitle: '示例市骨干班主任任期考核表',
  dutiesPerSemester: { 读书: 2, 讲座: 1 },
  dutyKinds: ['读书', '讲座', '结对帮带'],
  menteesPerYear: 3,
  counties: ['东城区', '西山县'],
  cityDirect: '市属学校',
  certificatePattern: '示教〔{year}〕{seq:000}号',
};

function text(content: TemplateContent): string {
  return [...content.blocks.map((block) => (block.type === 'table' ? block.rows.flat().join('\n') : block.text)), content.footer ?? ''].join('\n');
}

test('the 公示名单 title comes from the preset', () => {
  const layout = publicityLayout('公示期：2026年9月1日至2026年9月7日（5个工作日）', [['张丽', '女', '东城一小', '东城区', '小学', '骨干班主任']], SAMPLE);
  expect(layout.rows[0]?.[0]).toBe('示例市骨干班主任、名班主任拟认定人选公示');
});

test('the default templates carry the preset\'s issuer, form title and duties', () => {
  const templates = defaultTemplates(SAMPLE);
  const all = `${text(templates.certificate)}\n${text(templates.form)}`;
  expect(templates.certificate.blocks).toContainEqual({ type: 'paragraph', text: '示例市教育局', align: 'right', size: 16 });
  expect(templates.form.blocks[0]).toEqual({ type: 'title', text: '示例市骨干班主任任期考核表' });
  expect(templates.form.footer).toBe('填表日期：{{今天}}    示例市教育局制');
  expect(all).toContain('每学期读书至少2次，讲座至少1次，每学年结对帮带至少3名班主任');
  expect(all).not.toMatch(/玉溪|玉教/u);
});

test('the counties of 权限 and of the nomination sheet are the preset\'s', () => {
  const layouts = sheetLayouts(SAMPLE);
  expect(layouts.find((sheet) => sheet.name === SHEET_NAMES.permissions)?.dropdowns['角色']).toEqual(['市级', '东城区', '西山县', '学校']);
  const permissions = readPermissions([['邮箱', '角色'], ['dc@example.cn', '东城区'], ['ht@example.cn', '红塔区']], SAMPLE);
  expect(permissions.problems).toEqual(['权限第3行：邮箱“ht@example.cn”的角色“红塔区”无法识别，该邮箱没有任何权限；应填 市级、东城区、西山县 或 学校']);
  expect(countyShortNames(SAMPLE)).toEqual({ 东城区: ['东城'], 西山县: ['西山'] });
  const settings = layouts.find((sheet) => sheet.name === SHEET_NAMES.settings)?.initialRows ?? [];
  expect(settings.find((row) => row[0] === SETTING_KEYS.plan)?.[1]).toBe(SAMPLE.title);
  expect(settings.find((row) => row[0] === SETTING_KEYS.certificatePattern)?.[1]).toBe('示教〔{year}〕{seq:000}号');
});

test('设置\'s 培养方案 names the preset the program runs; another plan\'s title is refused, not silently kept', () => {
  expect(settingProblem(SETTING_KEYS.plan, SAMPLE.title, SAMPLE)).toBe('');
  expect(settingProblem(SETTING_KEYS.plan, YUXI_2023_2025.title, SAMPLE)).toContain('本程序按“示例市2026－2028年骨干班主任、名班主任培养方案”审查和统计，不能在此更换培养方案');
});

test('no code outside src/domain/presets.ts spells 玉溪 or 玉教 (comments aside)', () => {
  const root = join(__dirname, '..', '..', '..', 'src');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && file !== join('domain', 'presets.ts'));
  expect(files.length).toBeGreaterThan(50);
  const spelled = files.filter((file) => {
    const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//gu, '').replace(/^\s*\/\/.*$/gmu, '');
    return /玉溪|玉教/u.test(code);
  });
  expect(spelled).toEqual([]);
});
