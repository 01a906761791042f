/**
 * The sidebar's views after the new-user trial (round 2), through the real dist/Code.js: a row
 * that offers nothing says why (noMovesReason); 统计 counts the live verdicts (as 当前行 does, not
 * the stale 资格审查 column), each county's awards of this year only, and a county's own workbook
 * (评选级别 县级) against its minimum with no city bar; 履职 proposals point to the sidebar, not to
 * `banzhuren advance`; 提醒's preview counts the emails it would send as the CLI does.
 */
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook, setSetting } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.cn';
const HONGTA = 'ht@yuxi.cn';
const TONGHAI = 'th@yuxi.cn';
const PERMISSIONS: [string, string][] = [[CITY, '市级'], [HONGTA, '红塔区'], [TONGHAI, '通海县']];
const day = (text: string) => new Date(`${text}T00:00:00Z`);

/** 甲 (eligible), 乙 (2 years: 不符合), 丙 评审未通过, 丁 已认定 2023, 戊 已认定 2024, 己 公示中 ended; 资格审查 never run. */
async function book(name: string): Promise<string> {
  const path = join(temporaryFolder(), `${name}.xlsx`);
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲' }),
    candidate({ 姓名: '乙', 班主任累计年限: 2 }),
    candidate({ 姓名: '丙', 状态: '评审未通过' }),
    candidate({ 姓名: '丁', 状态: '已认定', 认定日期: day('2023-10-10'), 证书编号: '玉教班〔2023〕001号' }),
    candidate({ 姓名: '戊', 状态: '已认定', 认定日期: day('2024-10-10'), 证书编号: '玉教班〔2024〕001号' }),
    candidate({ 姓名: '己', 状态: '公示中', 公示开始: day('2025-09-01'), 公示截止: day('2025-09-05') }),
  ], PERMISSIONS);
  return path;
}

async function withRuntime<T>(path: string, as: string, today: string, body: (runtime: WorkbookRuntime) => T): Promise<T> {
  const runtime = await openWorkbookRuntime({ path, as, today, counter: new CallCounter(), print: () => undefined });
  try {
    return JSON.parse(JSON.stringify(body(runtime))) as T;
  } finally {
    runtime.endExecution();
    runtime.close();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the views are checked field by field
type View = any;

test('a row that offers nothing says why; one that offers a move does not', async () => {
  const path = await book('why');
  const asHongta = await withRuntime<View>(path, HONGTA, '2025-10-15', (runtime) => {
    runtime.selectRows('推荐名单', 2, 7);
    return runtime.bundle.call('sidebarOpen');
  });
  const byName = (start: View, name: string): View => start.selection.views.find((view: View) => view.name === name);
  expect(byName(asHongta, '甲')).not.toHaveProperty('noMovesReason');
  expect(byName(asHongta, '丙')).toMatchObject({ moves: [], noMovesReason: '“评审未通过”是终止状态，没有可执行的操作' });
  expect(byName(asHongta, '丁')).toMatchObject({ moves: [], noMovesReason: '须由市级账号操作；您的角色是：红塔区' });
  const asTonghai = await withRuntime<View>(path, TONGHAI, '2025-10-15', (runtime) => {
    runtime.selectRows('推荐名单', 2, 2);
    return runtime.bundle.call('sidebarOpen');
  });
  expect(byName(asTonghai, '甲')).toMatchObject({ moves: [], noMovesReason: '须由该行所在县（红塔区）的账号操作；您的角色是：通海县' });
  const asCity = await withRuntime<View>(path, CITY, '2025-10-15', (runtime) => {
    runtime.selectRows('推荐名单', 2, 2);
    return runtime.bundle.call('sidebarOpen');
  });
  expect(byName(asCity, '甲')).toMatchObject({ moves: [], noMovesReason: '“学校推荐”的行须先由县级（红塔区）初审' });
});

test('统计: live verdicts, this year per county; 县级 shows the county against 100 and no county list', async () => {
  const path = await book('stats');
  const city = await withRuntime<View>(path, CITY, '2024-10-15', (runtime) => runtime.bundle.call('sidebarStatistics'));
  // 资格审查 was never run: the counts are what 当前行 computes, not 未审查.
  const verdicts = Object.fromEntries(city.verdicts.map((entry: View) => [entry.label, entry.count]));
  expect(verdicts['未审查'] ?? 0).toBe(0);
  expect(verdicts['不符合']).toBeGreaterThanOrEqual(1);
  expect(city.verdicts.reduce((sum: number, entry: View) => sum + entry.count, 0)).toBe(6);
  expect(city.city).toEqual({ label: '2024年认定', value: 1, target: 180, status: '未达标' });
  expect(city.counties.find((bar: View) => bar.label.startsWith('红塔区'))).toEqual({ label: '红塔区（2024年）', value: 1, target: 100, status: '未达标' });

  await setSetting(path, '评选级别', '县级');
  const county = await withRuntime<View>(path, CITY, '2024-10-15', (runtime) => runtime.bundle.call('sidebarStatistics'));
  expect(county.city).toEqual({ label: '2024年红塔区认定（县级评选）', value: 1, target: 100, status: '未达标' });
  expect(county.counties).toEqual([]);
  for (const bar of county.studios) expect(bar.status === '' || bar.target > 0).toBe(true);
});

test('履职: the proposal says 当前行 → 取消资格, never banzhuren advance', async () => {
  const path = await book('duties');
  const duties = await withRuntime<View>(path, CITY, '2025-10-15', (runtime) => runtime.bundle.call('sidebarDuties'));
  const proposals = duties.lines.filter((line: View) => line.severity === '建议');
  expect(proposals.length).toBeGreaterThan(0);
  for (const line of proposals) {
    expect(line.text).toContain('在助手的“当前行”中点“取消资格”，理由写“六（四）5：……”');
    expect(line.text).not.toContain('banzhuren');
  }
});

test('提醒: the preview counts the emails it would send (the CLI’s 将发出 N 封)', async () => {
  const path = await book('remind');
  const reminders = await withRuntime<View>(path, CITY, '2025-10-15', (runtime) => runtime.bundle.call('sidebarReminders'));
  expect(reminders.preview.digests.length).toBeGreaterThan(0);
  expect(reminders.preview.mails).toBe(reminders.preview.digests.length);
  expect(reminders.preview.waiting).toBe(0);
});
