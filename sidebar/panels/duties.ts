/**
 * The 履职 panel: the duty findings (五（二）–五（五）) of the 履职记录 sheet, read-only; loads on
 * first show and on 刷新.
 */
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';
import { drawFindings } from './findings';

/** The 履职 panel. */
export function dutiesPanel(): Panel {
  return lazyPanel('panel-duties', '履职', '正在检查履职记录…', () => callServer('sidebarDuties'), (view, content) => drawFindings(view, content, '履职问题'));
}
