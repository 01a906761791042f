/**
 * The sidebar's side of the contract: every server function sidebar/main.ts calls is a global of
 * dist/Code.js, dist/sidebar.html carries its script inline, and the calls answer as the page
 * expects (the workbook's own 节假日 sheet counts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { excelDate, temporaryFolder, writeWorkbook } from '../support/workbooks';

const root = join(__dirname, '..', '..');

test('every callServer name of the sidebar is a global of dist/Code.js, and the page is self-contained', () => {
  const page = readFileSync(join(root, 'sidebar', 'main.ts'), 'utf8');
  const called = [...page.matchAll(/callServer\('([A-Za-z]+)'/g)].map((match) => match[1]);
  expect(called.length).toBeGreaterThan(0);
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  for (const name of called) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  const html = readFileSync(join(root, 'dist', 'sidebar.html'), 'utf8');
  expect(html).toContain('<script>');
  expect(html).not.toContain('<!-- script -->');
  expect(html).toContain('公示期计算');
});

test('the sidebar calls answer with JSON-safe values, using the workbook 节假日 sheet', async () => {
  const book = await writeWorkbook(join(temporaryFolder(), 'sidebar.xlsx'), '节假日', [['日期', '类型', '名称'], [excelDate('2024-09-30'), '休', '本地调整']]);
  const runtime = await openWorkbookRuntime({ path: book, counter: new CallCounter(), print: () => undefined });
  try {
    const info = runtime.bundle.call('sidebarCalendarInfo') as { years: number[]; publicityDays: number };
    expect(info.years).toEqual(expect.arrayContaining([2023, 2024, 2025, 2026]));
    expect(info.publicityDays).toBe(5);
    expect(JSON.parse(JSON.stringify(runtime.bundle.call('sidebarPublicityPeriod', '2024-09-27', 5)))).toEqual({
      start: '2024-09-27',
      end: '2024-10-10',
      days: 5,
      text: '公示期：2024年9月27日至2024年10月10日（5个工作日）',
    });
    expect(() => runtime.bundle.call('sidebarPublicityPeriod', '2024/09/27', 5)).toThrow('应为 YYYY-MM-DD');
    expect(() => runtime.bundle.call('sidebarPublicityPeriod', '2024-09-27', 0)).toThrow('公示天数应为正整数');
  } finally {
    runtime.close();
  }
});
