/**
 * Workbooks with charts drawn in other programs open, and keep their charts on every save: a
 * chart openpyxl made used to make every command fail with 文件已损坏, and every save dropped every
 * chart, also on sheets the command never touched. The workbooks were made by openpyxl and
 * re-saved by LibreOffice Calc (test/fixtures/charts/make.py); what is checked is what Excel
 * follows to draw a chart: each sheet's <drawing> element, its relationship, the drawing part,
 * its chart and picture parts and their content types.
 */
import JSZip from 'jszip';
import { copyFileSync, readFileSync } from 'node:fs';
import { posix, join } from 'node:path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/workbooks';
import { openWith } from '../runtime/helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'charts');
const folder = temporaryFolder();
const FIXTURE_CHARTS = { 推荐名单: ['班主任年限'], 我的图: ['各校人数'], 旧图: ['往年人数'] };

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&');
}

/** The relationships of a part: Id → {type, part it points to}. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, { type: string; part: string }>> {
  const xml = (await zip.file(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`))?.async('string')) ?? '';
  const result = new Map<string, { type: string; part: string }>();
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attribute(tag, 'Target')!;
    const resolved = posix.normalize(target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(part), target));
    result.set(attribute(tag, 'Id')!, { type: attribute(tag, 'Type')!, part: resolved });
  }
  return result;
}

/** Whether [Content_Types].xml gives the part a content type. */
function typed(types: string, part: string): boolean {
  const extension = part.slice(part.lastIndexOf('.') + 1);
  return types.includes(`PartName="/${part}"`) || types.includes(`Extension="${extension}"`);
}

/** What a reader of the file sees drawn on each sheet: chart titles, pictures and chart range formulas. */
async function drawingsOf(path: string): Promise<Record<string, { charts: string[]; pictures: number; formulas: string[] }>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = await relationships(zip, 'xl/workbook.xml');
  const result: Record<string, { charts: string[]; pictures: number; formulas: string[] }> = {};
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name')!;
    const sheetPart = sheets.get(attribute(tag, 'r:id')!)!.part;
    const sheetXml = await zip.file(sheetPart)!.async('string');
    const drawingTag = /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml)?.[0];
    if (!drawingTag) continue;
    const drawing = (await relationships(zip, sheetPart)).get(attribute(drawingTag, 'r:id')!);
    if (!drawing || !zip.file(drawing.part) || !typed(types, drawing.part)) throw new Error(`${name}: drawing without its part`);
    const entry = { charts: [] as string[], pictures: 0, formulas: [] as string[] };
    const drawingXml = await zip.file(drawing.part)!.async('string');
    const drawingRels = await relationships(zip, drawing.part);
    for (const [, id] of drawingXml.matchAll(/r:(?:id|embed)="([^"]*)"/g)) {
      const target = drawingRels.get(id!);
      if (!target || !zip.file(target.part) || !typed(types, target.part)) throw new Error(`${name}: ${id} points nowhere`);
      if (target.type.endsWith('/chart')) {
        const chart = await zip.file(target.part)!.async('string');
        entry.charts.push([...chart.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(''));
        entry.formulas.push(...[...chart.matchAll(/<(?:c:)?f>([^<]*)<\/(?:c:)?f>/g)].map((match) => match[1]!.replace(/&apos;/g, "'")));
      } else if (target.type.endsWith('/image')) entry.pictures += 1;
    }
    result[name] = entry;
  }
  return result;
}

function chartTitles(drawings: Awaited<ReturnType<typeof drawingsOf>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(drawings).map(([sheet, { charts }]) => [sheet, charts]));
}

describe.each(['openpyxl-charts.xlsx', 'libreoffice-charts.xlsx'])('%s', (fixture) => {
  test('the fixture has its three charts', async () => {
    expect(chartTitles(await drawingsOf(join(FIXTURES, fixture)))).toEqual(FIXTURE_CHARTS);
  });

  test('check opens it, writes its results, and every chart, the picture and the note survive the save', async () => {
    const path = join(folder, `checked-${fixture}`);
    copyFileSync(join(FIXTURES, fixture), path);
    const result = runCli(['check', path, '--today', '2025-09-01']);
    expect(result.stderr).not.toMatch(/已损坏|anchors/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/已审查 3 行/);
    const drawings = await drawingsOf(path);
    expect(chartTitles(drawings)).toEqual(FIXTURE_CHARTS);
    expect(drawings['我的图']!.pictures).toBe(1);
    // A chart keeps its range reference.
    expect(drawings['推荐名单']!.formulas.join(' ')).toMatch(/推荐名单'?!\$?[A-Z]+\$?2:\$?[A-Z]+\$?4/);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const comments = await Promise.all(zip.file(/comments/).map((file) => file.async('string')));
    expect(comments.join('')).toContain('人数为推荐数');

    // Saved again: the same charts, not twice.
    const again = runCli(['check', path, '--today', '2025-09-02']);
    expect(again.code).toBe(0);
    expect(chartTitles(await drawingsOf(path))).toEqual(FIXTURE_CHARTS);
    const savedTwice = await JSZip.loadAsync(readFileSync(path));
    expect(Object.keys(savedTwice.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(3);
    // The picture once, not also as a copy nothing uses.
    expect(Object.keys(savedTwice.files).filter((name) => /^xl\/media\/./.test(name))).toHaveLength(1);
  });

  test('--out writes a copy with the charts', async () => {
    const out = join(folder, `copy-${fixture}`);
    const result = runCli(['check', join(FIXTURES, fixture), '--out', out, '--today', '2025-09-01']);
    expect(result.code).toBe(0);
    expect(chartTitles(await drawingsOf(out))).toEqual(FIXTURE_CHARTS);
  });

  test('a deleted sheet takes its chart with it; the others stay', async () => {
    const out = join(folder, `deleted-${fixture}`);
    const runtime = await openWith(join(FIXTURES, fixture), '', { out });
    try {
      runtime.workbook.removeWorksheet(runtime.workbook.getWorksheet('旧图')!.id);
      await runtime.save();
    } finally {
      runtime.close();
    }
    expect(chartTitles(await drawingsOf(out))).toEqual({ 推荐名单: ['班主任年限'], 我的图: ['各校人数'] });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((name) => name.startsWith('xl/charts/chart'))).toHaveLength(2);
  });
});

describe('a chart sheet (a sheet that is one chart), which a save cannot keep', () => {
  const fixture = join(FIXTURES, 'openpyxl-chartsheet.xlsx');

  test('the file opens; saving over it is refused, naming the chart sheet and --out, and leaves it as it was', () => {
    const path = join(folder, 'chartsheet.xlsx');
    copyFileSync(fixture, path);
    const result = runCli(['check', path, '--today', '2025-09-01']);
    expect(result.stderr).not.toMatch(/已损坏/);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('图表工作表“图表页”');
    expect(result.stderr).toContain('--out');
    expect(readFileSync(path).equals(readFileSync(fixture))).toBe(true);
  });

  test('--out writes the copy with the other charts and says the chart sheet is not in it', async () => {
    const out = join(folder, 'chartsheet-copy.xlsx');
    const result = runCli(['check', fixture, '--out', out, '--today', '2025-09-01']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^提示：.*chartsheet-copy\.xlsx 中没有原文件的图表工作表“图表页”/m);
    expect(chartTitles(await drawingsOf(out))).toEqual(FIXTURE_CHARTS);
  });
});
