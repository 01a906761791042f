/**
 * The 统计 panel: `<progress>` bars of the year's awards against the city target (180), each
 * county's (≥100) and the studio plan by stage, then counts by verdict and by state. Read-only.
 */
import type { StatisticsView, TargetBar } from '../../src/addon/sidebar-api';
import { make, textList } from '../dom';
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';

let barCount = 0;

/** One labelled bar: the label, the `<progress>` and "value / target status". */
export function targetBar(bar: TargetBar): HTMLElement {
  barCount += 1;
  const id = `bar-${barCount}`;
  const box = make('div', { class: 'bar' });
  const label = make('span', { id, class: 'bar-label' }, bar.label);
  if (bar.target <= 0) {
    // The plan sets no target here (e.g. a stage without city studios): the count alone, no bar against 0.
    box.append(label, make('span', { class: 'bar-value' }, `${bar.value}（方案未定目标）`));
    return box;
  }
  const progress = make('progress', { 'aria-labelledby': id, max: String(bar.target) });
  progress.value = Math.min(Math.max(bar.value, 0), bar.target);
  box.append(label, progress, make('span', { class: 'bar-value' }, `${bar.value} / ${bar.target}${bar.status ? ` ${bar.status}` : ''}`));
  return box;
}

function drawStatistics(view: StatisticsView, content: HTMLElement): void {
  content.append(make('p', { class: 'summary' }, view.summary));
  content.append(make('h3', {}, `${view.year} 年认定`), targetBar(view.city));
  if (view.counties.length > 0) {
    content.append(make('h3', {}, '各县（市、区）'));
    for (const bar of view.counties) content.append(targetBar(bar));
  }
  content.append(make('h3', {}, '工作室（按学段）'));
  for (const bar of view.studios) content.append(targetBar(bar));
  content.append(make('h3', {}, '资格审查'), textList(view.verdicts.map((item) => `${item.label}：${item.count}`), '（无）', { 'aria-label': '资格审查统计' }));
  content.append(make('h3', {}, '状态'), textList(view.states.map((item) => `${item.label}：${item.count}`), '（无）', { 'aria-label': '状态统计' }));
}

/** The 统计 panel. */
export function statisticsPanel(): Panel {
  return lazyPanel('panel-statistics', '统计', '正在统计…', () => callServer('sidebarStatistics'), drawStatistics);
}
