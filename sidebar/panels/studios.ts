/**
 * The 工作室 panel: the studio findings (三（三）: shape, host, count per stage), read-only; loads
 * on first show and on 刷新.
 */
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';
import { drawFindings } from './findings';

/** The 工作室 panel. */
export function studiosPanel(): Panel {
  return lazyPanel('panel-studios', '工作室', '正在检查工作室…', () => callServer('sidebarStudios'), (view, content) => drawFindings(view, content, '工作室问题'));
}
