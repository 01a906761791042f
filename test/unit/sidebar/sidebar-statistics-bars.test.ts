/**
 * The 统计 panel's bars (user trial, round 2): a county's bar counts its awards of the year shown,
 * not of every year; a county's own workbook (评选级别 县级) shows its own bar against the yearly
 * minimum and no city bar; a studio stage the plan sets no number for has target 0 and no status.
 */
import { countAwards, type StatisticsRow } from '../../../src/domain/statistics/awards';
import { targetBars } from '../../../src/domain/sidebar/panels';
import { preset } from '../nomination/fixtures';

const row = (number: number, county: string, awardDate: string): StatisticsRow => ({ row: number, state: '已认定', awardDate, county, stage: '小学', category: '骨干班主任' });

test('a county bar counts the awards of the year shown only', () => {
  const statistics = countAwards([row(2, '红塔区', '2024-06-01'), row(3, '红塔区', '2025-06-01'), row(4, '红塔区', '2025-07-01'), row(5, '江川区', '2024-06-01'), row(6, '江川区', '')], '市级', preset, '2025-10-15');
  expect(statistics.byCountyByYear).toEqual([{ year: 2024, county: '红塔区', awarded: 1 }, { year: 2025, county: '红塔区', awarded: 2 }, { year: 2024, county: '江川区', awarded: 1 }]);
  const bars = targetBars({ ...statistics, ownCounty: '红塔区', studiosByStage: [] }, 2025, preset);
  expect(bars.city).toEqual({ label: '2025年认定', value: 2, target: 180, status: '未达标' });
  expect(bars.counties.find((each) => each.label.startsWith('红塔区'))).toEqual({ label: '红塔区（2025年）', value: 2, target: 100, status: '未达标' });
  expect(bars.counties.find((each) => each.label.startsWith('江川区'))?.value).toBe(0);
});

test('县级: the workbook county against the yearly minimum, no city bar and no county list', () => {
  const statistics = countAwards([row(2, '通海县', '2025-06-01'), row(3, '通海县', '2024-06-01')], '县级', preset, '2025-10-15');
  const bars = targetBars({ ...statistics, ownCounty: '通海县', studiosByStage: [] }, 2025, preset);
  expect(bars.city).toEqual({ label: '2025年通海县认定（县级评选）', value: 1, target: 100, status: '未达标' });
  expect(bars.counties).toEqual([]);
});

test('a studio stage with no number in the plan: target 0, no status', () => {
  const bars = targetBars({ level: '县级', ownCounty: '', byYear: [], byCountyByYear: [], studiosByStage: [{ stage: '初中', studios: 1, target: null }, { stage: '小学', studios: 0, target: 0 }] }, 2025, preset);
  expect(bars.studios).toEqual([{ label: '初中工作室', value: 1, target: 0, status: '' }, { label: '小学工作室', value: 0, target: 0, status: '' }]);
  expect(bars.city.label).toBe('2025年本县认定（县级评选）');
});
